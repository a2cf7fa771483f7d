//! Test support: parse a fixture with nianbao-report. While the real parser is not in the tree
//! (`parse_text` gives lines only), give the report a scaffold outline and figures so the
//! drafting logic can be exercised; once the parser returns sections, its result is used as is.

#![allow(dead_code)]

use std::path::PathBuf;

use nianbao_report::{Figure, Metadata, Report, Section, SectionKind, parse_text};
use regex::Regex;

pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// The corpus folder (read at run time only, never copied into the repository).
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("NIANBAO_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/corpus"),
        PathBuf::from,
    )
}

pub fn parse(text: &str) -> Report {
    let report = parse_text(text);
    if !report.sections.is_empty() || !report.figures.is_empty() {
        return report;
    }
    scaffold(report)
}

fn kind_of(heading: &str) -> SectionKind {
    let table: [(&str, SectionKind); 9] = [
        ("不足", SectionKind::Problems),
        ("安排", SectionKind::NextYear),
        ("第一责任人", SectionKind::Organization),
        ("党的领导", SectionKind::Organization),
        ("决策", SectionKind::Decisions),
        ("执法", SectionKind::Enforcement),
        ("纠纷", SectionKind::Disputes),
        ("宣传", SectionKind::Publicity),
        ("其他", SectionKind::Other),
    ];
    table
        .iter()
        .find(|(k, _)| heading.contains(k))
        .map_or(SectionKind::Other, |(_, kind)| *kind)
}

/// A minimal outline by numbering style and figures by a simple pattern: enough to exercise
/// drafting and export, not a parser.
fn scaffold(mut report: Report) -> Report {
    let l1 = Regex::new(r"^([一二三四五六七八九十]+、)([^。]*)").expect("regex");
    let l2 = Regex::new(r"^([（(][一二三四五六七八九十]+[）)])([^。]*)").expect("regex");
    let fig = Regex::new(r"(\d+(?:\.\d+)?)(余)?(人次|场次|件|人|次|项|名|个|%)").expect("regex");
    let title = report.lines.first().map(|l| l.trim().to_owned());
    let year = title.as_deref().and_then(|t| {
        Regex::new(r"(\d{4})年")
            .expect("regex")
            .captures(t)
            .map(|c| c[1].parse().unwrap_or(0))
    });
    report.meta = Metadata {
        title,
        year,
        doc_number: report
            .lines
            .get(1)
            .map(|l| l.trim().to_owned())
            .filter(|l| l.contains('〔')),
        ..Metadata::default()
    };
    let n = report.lines.len();
    let mut sections: Vec<Section> = Vec::new();
    for (i, raw) in report.lines.iter().enumerate() {
        let line = raw.trim();
        let make = |c: regex::Captures, level| Section {
            number: c[1].to_owned(),
            heading: c[2].to_owned(),
            level,
            kind: kind_of(&c[2]),
            line: i + 1,
            end_line: n,
            children: Vec::new(),
        };
        if let Some(c) = l1.captures(line) {
            if let Some(prev) = sections.last_mut() {
                prev.end_line = i;
                if let Some(child) = prev.children.last_mut() {
                    child.end_line = i;
                }
            }
            sections.push(make(c, 1));
        } else if let Some(c) = l2.captures(line) {
            if let Some(parent) = sections.last_mut() {
                if let Some(child) = parent.children.last_mut() {
                    child.end_line = i;
                }
                parent.children.push(make(c, 2));
            }
        }
    }
    // The signature lines are outside every section.
    let body_end = report
        .lines
        .iter()
        .rposition(|l| l.trim().ends_with('。'))
        .map_or(n, |i| i + 1);
    for s in &mut sections {
        s.end_line = s.end_line.min(body_end);
        for c in &mut s.children {
            c.end_line = c.end_line.min(body_end);
        }
    }
    report.sections = sections;
    let mut figures = Vec::new();
    for (i, raw) in report.lines.iter().enumerate() {
        for c in fig.captures_iter(raw) {
            let m = c.get(0).expect("whole match");
            // Skip year-like numbers such as 2021 followed by 年 (not matched by the units).
            figures.push(Figure {
                metric: format!("测试·{}", &c[3]),
                value: c[1].parse().unwrap_or(0.0),
                unit: c[3].to_owned(),
                approx: c.get(2).is_some(),
                raw: m.as_str().to_owned(),
                line: i + 1,
                start: m.start(),
                end: m.end(),
                excerpt: String::new(),
                section: report.kind_at(i + 1),
            });
        }
    }
    report.figures = figures;
    report
}
