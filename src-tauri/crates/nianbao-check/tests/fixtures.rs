//! Snapshot tests of findings on invented fixture pairs (示例市 2023 vs 2024, written for this
//! project in the style of the corpus; tests/fixtures/). The 2024 draft carries planted problems:
//! a rate its numbers contradict, 其中 parts over the whole, 受理 over 收到, a wrong 同比增长, last
//! year's 工作要点 year, 七五普法, the next-year heading naming 2024 and skipping 三.

use nianbao_check::{CheckReport, Severity, check};
use nianbao_report::parse_text;

const LAST: &str = include_str!("fixtures/shili_2023.txt");
const THIS: &str = include_str!("fixtures/shili_2024.txt");

/// One line per finding: severity, line, code, message — what a drafter reads.
fn lines(result: &CheckReport) -> Vec<String> {
    result
        .findings
        .iter()
        .map(|f| format!("{:?} L{} {} {}", f.severity, f.line, f.code, f.message))
        .collect()
}

#[test]
fn shili_2024_against_2023_findings() {
    let result = check(&parse_text(THIS), Some(&parse_text(LAST)));
    insta::assert_yaml_snapshot!(lines(&result));
}

#[test]
fn shili_2024_against_2023_errors_are_exactly_the_planted_ones() {
    let result = check(&parse_text(THIS), Some(&parse_text(LAST)));
    let errors: Vec<(&str, usize)> = result
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.code.as_str(), f.line))
        .collect();
    assert_eq!(
        errors,
        vec![
            ("arith.parts_exceed", 9),
            ("arith.rate", 11),
            ("arith.order", 13),
            ("figure.growth", 13)
        ],
        "14+9+10 > 30; 432/450 = 96% not 98%; 受理176 > 收到168; 119 → 150 is +26.1% not 20%"
    );
}

#[test]
fn shili_2024_against_2023_figure_table() {
    let result = check(&parse_text(THIS), Some(&parse_text(LAST)));
    let rows: Vec<String> = result
        .figures
        .iter()
        .map(|r| {
            format!(
                "{} | {:?} | {:?} | {} | {:.2}",
                r.metric, r.last_value, r.this_value, r.change, r.confidence
            )
        })
        .collect();
    insta::assert_yaml_snapshot!(rows);
}

#[test]
fn shili_2023_alone_is_clean() {
    let mut result = check(&parse_text(LAST), None);
    // Proofreading hints (the fixture writes its 纲要 with half-width brackets) are no problem.
    result
        .findings
        .retain(|f| !(f.code.as_str().starts_with("proof.") && f.severity == Severity::Info));
    assert!(
        result.findings.is_empty(),
        "the clean fixture has every required part and consistent numbers: {:#?}",
        result.findings
    );
}

#[test]
fn json_has_exactly_the_contract_keys() {
    let result = check(&parse_text(THIS), Some(&parse_text(LAST)));
    let json = serde_json::to_value(&result).unwrap_or_default();
    let mut top: Vec<&str> = json
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    top.sort_unstable();
    assert_eq!(top, vec!["figures", "findings", "last_year", "year"]);
    let allowed = [
        "code",
        "severity",
        "message",
        "line",
        "excerpt",
        "metric",
        "this_value",
        "last_value",
        "last_line",
        "last_excerpt",
        "matched",
        "column",
        "suggestion",
    ];
    for f in json["findings"].as_array().into_iter().flatten() {
        for key in f.as_object().into_iter().flat_map(|o| o.keys()) {
            assert!(
                allowed.contains(&key.as_str()),
                "finding key {key} is not in design.md"
            );
        }
    }
    let row_keys = [
        "metric",
        "this_value",
        "last_value",
        "change",
        "this_line",
        "last_line",
        "confidence",
    ];
    for r in json["figures"].as_array().into_iter().flatten() {
        let keys: Vec<&str> = r
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(keys.len(), row_keys.len(), "figure row keys: {keys:?}");
        assert!(
            keys.iter().all(|k| row_keys.contains(k)),
            "figure row keys: {keys:?}"
        );
    }
}
