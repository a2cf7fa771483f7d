//! Shared test fixtures: the invented 示例市 report, with metadata, a disputes section and
//! figures set by hand so the store's tests do not depend on the parser's progress.
#![allow(dead_code, clippy::unwrap_used)]

use nianbao_import::SourceFormat;
use nianbao_report::{Figure, Report, Section, SectionKind, parse_text};
use nianbao_store::{Source, hash_bytes};

pub const SHILI_2023: &str = include_str!("../fixtures/shili_2023.txt");

/// The fixture moved to `year` (every `2023` → `year`, `2024` → `year + 1`) with the 行政复议
/// 受理 count replaced by `accepted`.
pub fn shili_text(government: &str, year: i32, accepted: u32) -> String {
    SHILI_2023
        .replace("2024", &(year + 1).to_string())
        .replace("2023", &year.to_string())
        .replace("受理196件", &format!("受理{accepted}件"))
        .replace("示例市", government)
}

/// A report of the fixture's shape with metadata, one disputes section and one figure.
pub fn shili_report(government: &str, year: i32, accepted: u32) -> Report {
    let text = shili_text(government, year, accepted);
    let mut report = parse_text(&text);
    report.meta.government = Some(format!("{government}人民政府"));
    report.meta.year = Some(year);
    report.meta.title = report.lines.first().cloned();
    report.body_start = 2;
    let line_of = |prefix: &str| {
        report
            .lines
            .iter()
            .position(|l| l.starts_with(prefix))
            .map(|i| i + 1)
            .unwrap()
    };
    let disputes = line_of("（六）");
    let supervision = line_of("（七）");
    report.sections = vec![Section {
        number: "（六）".into(),
        heading: "依法化解社会矛盾纠纷".into(),
        level: 2,
        kind: SectionKind::Disputes,
        line: disputes,
        end_line: supervision - 1,
        children: vec![],
    }];
    let line = report.line(disputes).to_owned();
    let raw = format!("{accepted}件");
    let start = line.find(&format!("受理{raw}")).unwrap() + "受理".len();
    report.figures = vec![Figure {
        metric: "行政复议·受理".into(),
        value: f64::from(accepted),
        unit: "件".into(),
        approx: false,
        raw: raw.clone(),
        line: disputes,
        start,
        end: start + raw.len(),
        excerpt: format!("受理{raw}"),
        section: SectionKind::Disputes,
        change: false,
    }];
    report
}

pub fn source_for(text: &str, name: &str) -> Source {
    Source {
        name: name.to_owned(),
        hash: hash_bytes(text.as_bytes()),
        format: SourceFormat::Text,
        encoding: "UTF-8".into(),
    }
}
