//! `nianbao outline`: the outline of one report, as text for people or JSON for programs
//! (design.md's contract: title, government, year, doc_number, addressee, date, sections with
//! number, heading, level, kind, line, children).
//!
//! Inline 一是/二是 items (level 5) are in the JSON but left out of the text outline: a drafter
//! reading the outline wants the numbered parts.

use std::path::Path;

use nianbao_report::{Report, Section};
use serde_json::{Value, json};

use crate::CliResult;
use crate::input::{load, office, pad, width};

pub fn run(file: &Path, json: bool) -> CliResult {
    let (_, report) = load(file, &office()?)?;
    let out = if json {
        serde_json::to_string_pretty(&outline_json(&report))? + "\n"
    } else {
        outline_text(&report)
    };
    crate::emit(&out)?;
    Ok(())
}

/// The JSON document of the contract (extra keys: `end_line`, `body_start`).
pub fn outline_json(report: &Report) -> Value {
    let m = &report.meta;
    json!({
        "title": m.title,
        "government": m.government,
        "year": m.year,
        "doc_number": m.doc_number,
        "addressee": m.addressee,
        "date": m.date,
        "body_start": report.body_start,
        "sections": report.sections.iter().map(section_json).collect::<Vec<_>>(),
    })
}

fn section_json(s: &Section) -> Value {
    json!({
        "number": s.number,
        "heading": s.heading,
        "level": s.level,
        "kind": s.kind.key(),
        "line": s.line,
        "end_line": s.end_line,
        "children": s.children.iter().map(section_json).collect::<Vec<_>>(),
    })
}

/// The outline for people: metadata, then one line per heading, indented by depth, with the
/// line number and the kind's Chinese label.
pub fn outline_text(report: &Report) -> String {
    let m = &report.meta;
    let none = "—".to_owned();
    let mut out = String::new();
    let rows = [
        ("标题", m.title.clone().unwrap_or_else(|| none.clone())),
        ("机关", m.government.clone().unwrap_or_else(|| none.clone())),
        (
            "年度",
            m.year.map_or_else(|| none.clone(), |y| y.to_string()),
        ),
        ("文号", m.doc_number.clone().unwrap_or_else(|| none.clone())),
        ("主送", m.addressee.clone().unwrap_or_else(|| none.clone())),
        ("日期", m.date.clone().unwrap_or_else(|| none.clone())),
        ("正文起于", format!("第{}行", report.body_start)),
    ];
    for (label, value) in rows {
        out.push_str(&format!("{}{value}\n", pad(&format!("{label}:"), 10)));
    }
    out.push('\n');
    let mut lines: Vec<(usize, String, &str)> = Vec::new();
    collect(&report.sections, 0, &mut lines);
    let heading_cols = lines
        .iter()
        .map(|(_, h, _)| width(h))
        .max()
        .unwrap_or(0)
        .min(60);
    out.push_str(&format!(
        "{}  {}  类别\n",
        pad("行号", 6),
        pad("标题", heading_cols)
    ));
    for (line, heading, kind) in lines {
        out.push_str(&format!(
            "{}  {}  [{kind}]\n",
            pad(&line.to_string(), 6),
            pad(&heading, heading_cols)
        ));
    }
    if report.sections.is_empty() {
        out.push_str("(未识别到标题 / no headings found)\n");
    }
    out
}

fn collect<'a>(sections: &'a [Section], depth: usize, out: &mut Vec<(usize, String, &'a str)>) {
    for s in sections.iter().filter(|s| s.level < 5) {
        let number = if s.number.is_empty() {
            "〇"
        } else {
            s.number.as_str()
        };
        let heading = format!("{}{number}{}", "  ".repeat(depth), s.heading);
        out.push((s.line, heading, s.kind.label()));
        collect(&s.children, depth + 1, out);
    }
}
