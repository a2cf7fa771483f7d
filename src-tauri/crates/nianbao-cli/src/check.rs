//! `nianbao check`: findings of one report, against last year's when given, as a drafter-readable
//! Chinese report (the aligned figure table, then findings by severity) or as design.md's JSON.
//!
//! All checking lives in nianbao-check; this module only loads, calls and formats.

use std::fmt::Write as _;
use std::path::Path;

use nianbao_check::{AlignedFigure, CheckOptions, CheckReport, Finding, Severity};

use crate::CliResult;
use crate::input::{load, number, office, pad, width};

pub fn run(
    file: &Path,
    last: Option<&Path>,
    year: Option<i32>,
    only: Option<&str>,
    db: Option<(&Path, bool)>,
    json: bool,
) -> CliResult {
    // `--db` (and `--all`: the drafter's dismissals not honoured).
    let (db, all) = db.map_or((None, false), |(db, all)| (Some(db), all));
    // The office's term table and lexicons in the data folder override the defaults.
    let last_path = last;
    if let Some(db) = db {
        crate::input::check_db(db)?;
    }
    let office = office()?;
    let (_, this) = load(file, &office)?;
    let last = last.map(|l| load(l, &office)).transpose()?.map(|(_, r)| r);
    // A `--last` file that holds no text is not "no --last given": say what is wrong with it.
    if let (Some(path), Some(report)) = (last_path, last.as_ref())
        && report.lines.iter().all(|l| l.trim().is_empty())
    {
        return Err(format!(
            "上年报告 {} 没有正文（空白文件），无法对照 (last year's report has no text)",
            path.display()
        )
        .into());
    }
    // `--db`: the drafter's figure links kept in the library for this government and years.
    let links = match (db, last.as_ref()) {
        (Some(db), Some(l)) => {
            let government = l.meta.government.clone().or(this.meta.government.clone());
            match (government, l.meta.year) {
                (Some(g), Some(last_year)) => {
                    let this_year = year.or(this.meta.year).unwrap_or(last_year + 1);
                    nianbao_store::Store::open_existing_folder(db)
                        .and_then(|s| s.figure_links(&g, this_year, last_year))
                        .map_err(|e| format!("报告库无法读取 (cannot read the library): {e}"))?
                }
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    };
    let mut result = nianbao_check::check_linked(
        &this,
        last.as_ref(),
        &CheckOptions { year },
        office.rules(),
        &links,
    );
    // `--only proof`: the findings of one family (codes `proof.…`), nothing else.
    if let Some(family) = only {
        let prefix = format!("{family}.");
        result
            .findings
            .retain(|f| f.code.as_str().starts_with(&prefix));
    }
    // `--db`: what the drafter marked 不是错误 in the window for this report's draft is left out,
    // as the window leaves it out, unless `--all`.
    let mut dismissed = 0;
    if let Some(db) = db.filter(|_| !all) {
        let government = this
            .meta
            .government
            .clone()
            .or_else(|| last.as_ref().and_then(|l| l.meta.government.clone()));
        let this_year = year
            .or(this.meta.year)
            .or_else(|| last.as_ref().and_then(|l| l.meta.year).map(|y| y + 1));
        if let (Some(government), Some(this_year)) = (government, this_year) {
            dismissed = nianbao_desk::Desk::new(crate::input::data_dir(), Some(db.to_owned()))
                .drop_dismissed(&government, this_year, &mut result.findings)
                .map_err(|e| format!("报告库无法读取 (cannot read the library): {e}"))?;
        }
    }
    let out = if json {
        serde_json::to_string_pretty(&result)? + "\n"
    } else {
        let mut text = render_text(file, &result);
        if let Some(line) = links_line(&links) {
            text.push_str(&line);
        }
        if dismissed > 0 {
            let _ = writeln!(
                text,
                "另有 {dismissed} 项已由起草人标为“不是错误”，未列出（加 --all 列出全部）"
            );
        }
        text
    };
    crate::emit(&out)?;
    Ok(())
}

/// What the drafter's links kept in the library (`--db`) made of this check: how many of each
/// kind, or nothing when there are none.
fn links_line(links: &[nianbao_check::FigureLink]) -> Option<String> {
    use nianbao_check::LinkKind;
    let count = |k: LinkKind| links.iter().filter(|l| l.kind == k).count();
    let parts: Vec<String> = [
        (LinkKind::Same, "确认同一项"),
        (LinkKind::NotSame, "取消关联"),
        (LinkKind::NotComparable, "不可比"),
    ]
    .into_iter()
    .filter_map(|(k, name)| {
        let n = count(k);
        (n > 0).then(|| format!("{name} {n} 处"))
    })
    .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "已按报告库中起草人的人工对照核对数据：{}\n",
            parts.join("、")
        )
    })
}

fn year_label(year: Option<i32>) -> String {
    year.map_or_else(|| "年度不明".to_owned(), |y| format!("{y}年度"))
}

/// The report for people.
pub fn render_text(file: &Path, result: &CheckReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "核对报告：{}（{}）",
        file.display(),
        year_label(result.year)
    );
    if result.last_year.is_some() || !result.figures.is_empty() {
        let _ = writeln!(out, "对照上年：{}", year_label(result.last_year));
    } else {
        let _ = writeln!(out, "未提供上年报告（--last），仅做本报告内部核对");
    }
    let count = |s: Severity| result.findings.iter().filter(|f| f.severity == s).count();
    let _ = writeln!(
        out,
        "发现：错误 {} 项，警告 {} 项，提示 {} 项\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    if !result.figures.is_empty() {
        out.push_str(&figure_table(&result.figures));
        out.push('\n');
    }
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let group: Vec<&Finding> = result
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "【{}】{} 项", severity.label(), group.len());
        for f in group {
            let place = if f.line > 0 {
                format!("第{}行", f.line)
            } else if let Some(l) = f.last_line {
                format!("上年第{l}行")
            } else {
                "全文".to_owned()
            };
            let _ = writeln!(out, "  {place} [{}] {}", f.code, f.message);
            if !f.excerpt.is_empty() {
                let _ = writeln!(out, "      原文：{}", f.excerpt);
            }
            if f.line > 0
                && let (Some(l), Some(e)) = (f.last_line, &f.last_excerpt)
            {
                let _ = writeln!(out, "      上年第{l}行：{e}");
            }
        }
        out.push('\n');
    }
    if result.findings.is_empty() {
        out.push_str("未发现问题。\n");
    }
    out
}

/// The aligned table: 指标 | 上年 | 本年 | 变化 | 行号 | 置信度.
fn figure_table(rows: &[AlignedFigure]) -> String {
    let value = |v: Option<f64>, unit: &str| {
        v.map_or_else(|| "—".to_owned(), |v| format!("{}{unit}", number(v)))
    };
    let lines = |a: Option<usize>, b: Option<usize>| {
        let f = |l: Option<usize>| l.map_or_else(|| "—".to_owned(), |l| l.to_string());
        format!("{}/{}", f(b), f(a))
    };
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.metric.clone(),
                value(r.last_value, &r.unit),
                value(r.this_value, &r.unit),
                r.change.clone(),
                lines(r.this_line, r.last_line),
                if r.confidence > 0.0 {
                    format!("{:.2}", r.confidence)
                } else {
                    "—".into()
                },
            ]
        })
        .collect();
    let header = ["指标", "上年", "本年", "变化", "行号(上年/本年)", "置信度"];
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(c));
        }
    }
    let mut out = format!("数据对照（{} 项）\n", rows.len());
    let line = |cols: Vec<&str>| -> String {
        let padded: Vec<String> = cols.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        format!("  {}\n", padded.join("  ").trim_end())
    };
    out.push_str(&line(header.to_vec()));
    for row in &cells {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}
