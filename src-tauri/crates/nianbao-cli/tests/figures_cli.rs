//! `nianbao figures` as a process: the JSON contract of design.md and aligned text columns.

mod common;
use common::{report_fixture as fixture, run};

#[test]
fn figures_json_has_every_contract_key_and_named_metrics() {
    let out = run(&["figures", &fixture("plain_2023.txt"), "--format", "json"]);
    assert!(
        out.status.success(),
        "exit 0: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let figures = v.as_array().expect("an array of figures");
    assert!(!figures.is_empty(), "the fixture has figures");
    for f in figures {
        for key in [
            "metric", "value", "unit", "approx", "raw", "line", "excerpt", "section",
        ] {
            assert!(f.get(key).is_some(), "a figure must have `{key}`: {f}");
        }
        assert!(f["value"].is_number(), "value is a number: {f}");
    }
    let accepted = figures
        .iter()
        .find(|f| f["metric"] == "行政复议·受理")
        .expect("受理241件 is named 行政复议·受理");
    assert_eq!(accepted["value"], 241.0);
    assert_eq!(
        accepted["section"], "disputes",
        "it sits in the disputes part"
    );
    let approx = figures
        .iter()
        .find(|f| f["raw"] == "320余场次")
        .expect("320余场次 is a figure");
    assert_eq!(approx["approx"], true, "余 makes it approximate");
}

#[test]
fn figures_text_has_chinese_headers_and_a_total() {
    let out = run(&["figures", &fixture("pre2019_2017.txt")]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or_default();
    for header in ["行号", "指标", "数值", "单位", "原文"] {
        assert!(first.contains(header), "header `{header}` in: {first}");
    }
    assert!(text.contains("仲裁·标的额"), "metrics are listed:\n{text}");
    assert!(
        text.contains("360000000"),
        "3.6亿元 is shown scaled:\n{text}"
    );
    assert!(
        text.trim_end().ends_with("figures)"),
        "a total line closes the table:\n{text}"
    );
}

#[test]
fn figures_of_an_empty_file_exit_2() {
    let dir = std::env::temp_dir().join(format!("nianbao-figures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("write empty file");
    let out = run(&["figures", empty.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2), "an empty file is invalid input");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim().lines().count(),
        1
    );
    let _ = std::fs::remove_dir_all(&dir);
}
