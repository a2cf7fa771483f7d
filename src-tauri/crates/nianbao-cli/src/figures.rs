//! `nianbao figures`: every figure of one report with its metric, as text or JSON
//! (design.md's contract: metric, value, unit, approx, raw, line, excerpt, section).

use std::path::Path;

use nianbao_report::Report;
use serde_json::{Value, json};

use crate::CliResult;
use crate::input::{load, number, office, pad, width};

pub fn run(file: &Path, json: bool) -> CliResult {
    let (_, report) = load(file, &office()?)?;
    let out = if json {
        serde_json::to_string_pretty(&figures_json(&report))? + "\n"
    } else {
        figures_text(&report)
    };
    crate::emit(&out)?;
    Ok(())
}

/// The JSON array of the contract (extra keys: `start`, `end`, byte offsets in the line).
pub fn figures_json(report: &Report) -> Value {
    Value::Array(
        report
            .figures
            .iter()
            .map(|f| {
                json!({
                    "metric": f.metric,
                    "value": f.value,
                    "unit": f.unit,
                    "approx": f.approx,
                    "raw": f.raw,
                    "line": f.line,
                    "excerpt": f.excerpt,
                    "section": f.section.key(),
                    "start": f.start,
                    "end": f.end,
                })
            })
            .collect(),
    )
}

/// The figures for people: aligned columns with Chinese headers.
pub fn figures_text(report: &Report) -> String {
    let header = ["行号", "指标", "数值", "单位", "约数", "原文", "所在部分"];
    let rows: Vec<[String; 7]> = report
        .figures
        .iter()
        .map(|f| {
            [
                f.line.to_string(),
                f.metric.clone(),
                number(f.value),
                f.unit.clone(),
                if f.approx { "约" } else { "" }.to_owned(),
                f.raw.clone(),
                f.section.label().to_owned(),
            ]
        })
        .collect();
    let mut cols = header.map(width);
    for r in &rows {
        for (c, cell) in cols.iter_mut().zip(r) {
            *c = (*c).max(width(cell));
        }
    }
    let mut out = String::new();
    let mut push_row = |cells: [&str; 7]| {
        let line: Vec<String> = cells
            .iter()
            .zip(cols)
            .map(|(cell, c)| pad(cell, c))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    };
    push_row(header);
    for r in &rows {
        push_row([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6]].map(String::as_str));
    }
    out.push_str(&format!(
        "共 {} 项数据 ({} figures)\n",
        rows.len(),
        rows.len()
    ));
    out
}
