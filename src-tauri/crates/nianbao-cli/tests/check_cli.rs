//! `nianbao check` as a process: exit codes, the text report, design.md's JSON, `--year`.
//! Fixtures are the invented 示例市 pair of nianbao-check; the corpus is only read at run time.

use std::process::Command;

mod common;
use common::corpus::{corpus_dir, corpus_present};
use common::{check_fixture as fixture, json, run as nianbao};

#[test]
fn check_against_last_year_prints_the_table_and_findings_in_chinese() {
    let out = nianbao(&[
        "check",
        &fixture("shili_2024.txt"),
        "--last",
        &fixture("shili_2023.txt"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "findings are not a failure: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for part in [
        "核对报告",
        "2024年度",
        "对照上年：2023年度",
        "数据对照",
        "指标",
        "上年",
        "本年",
        "变化",
        "【错误】",
        "【警告】",
        "【提示】",
        "arith.rate",
        "原文：",
    ] {
        assert!(
            text.contains(part),
            "text report must contain {part}:\n{text}"
        );
    }
}

#[test]
fn check_json_follows_the_contract() {
    let out = nianbao(&[
        "check",
        &fixture("shili_2024.txt"),
        "--last",
        &fixture("shili_2023.txt"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["year"], 2024);
    assert_eq!(v["last_year"], 2023);
    let findings = v["findings"].as_array().cloned().unwrap_or_default();
    assert!(
        findings
            .iter()
            .any(|f| f["code"] == "arith.rate" && f["severity"] == "error"),
        "the planted rate error is in the JSON"
    );
    assert!(
        findings
            .iter()
            .all(|f| f["line"].is_u64() && f["excerpt"].is_string() && f["message"].is_string()),
        "every finding has line, excerpt and message"
    );
    let figures = v["figures"].as_array().cloned().unwrap_or_default();
    assert!(
        figures.iter().any(|r| r["metric"] == "行政复议·受理"
            && r["last_value"] == 128.0
            && r["this_value"] == 176.0),
        "the aligned table pairs 行政复议·受理 128 → 176"
    );
}

#[test]
fn year_option_overrides_the_reports_own_year() {
    let out = nianbao(&[
        "check",
        &fixture("shili_2023.txt"),
        "--year",
        "2025",
        "--format",
        "json",
    ]);
    let v = json(&out);
    assert_eq!(v["year"], 2025, "--year wins over the title");
    let stale = v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|f| f["code"] == "time.stale_year");
    assert!(stale, "a title year that contradicts --year is reported");
}

#[test]
fn check_without_last_year_runs_the_single_report_rules() {
    let out = nianbao(&["check", &fixture("shili_2023.txt"), "--format", "json"]);
    let v = json(&out);
    assert!(v["last_year"].is_null(), "no last year given");
    assert_eq!(
        v["figures"].as_array().map(Vec::len),
        Some(0),
        "no table without last year"
    );
}

#[test]
fn an_unreadable_last_year_file_exits_2_with_one_line() {
    let out = nianbao(&[
        "check",
        &fixture("shili_2024.txt"),
        "--last",
        "/nonexistent/上年.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "one-line reason: {err}");
}

#[test]
fn a_broken_office_file_is_a_warning_and_the_builtin_profile_is_used() {
    let dir = std::env::temp_dir().join(format!("nianbao-check-cli-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("terms.toml"), "[[term]]\nname = 1\n");
    let args = [
        "check",
        &fixture("shili_2024.txt"),
        "--last",
        &fixture("shili_2023.txt"),
    ];
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .env("NIANBAO_DATA_DIR", &dir)
        .output()
        .expect("run nianbao");
    let _ = std::fs::remove_dir_all(&dir);
    let builtin = nianbao(&args);
    assert_eq!(
        out.status.code(),
        builtin.status.code(),
        "the run goes on with the built-in rules: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        out.stdout, builtin.stdout,
        "the same report as the built-in profile's"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("警告") && err.contains("terms.toml 第") && err.contains("行 有误"),
        "a Chinese warning naming the file and the line: {err}"
    );
    assert!(
        err.contains("已改用内置规则") && err.contains("check.bad_rule_file"),
        "{err}"
    );
}

#[test]
fn the_jiangshan_rate_error_is_found_through_the_whole_pipeline() {
    if !corpus_present() {
        return;
    }
    let dir = corpus_dir();
    let Some(file) = std::fs::read_dir(&dir)
        .ok()
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("001_"))
    else {
        panic!("corpus report 001_* must exist in {}", dir.display());
    };
    let out = nianbao(&["check", &file.path().to_string_lossy(), "--format", "json"]);
    let v = json(&out);
    let errors: Vec<&str> = v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] == "error")
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(
        errors,
        vec!["arith.rate"],
        "实现率98% vs 299/315 is the one real error"
    );
}

#[test]
fn only_proof_lists_the_proofreading_findings_with_their_suggestions() {
    let dir = std::env::temp_dir().join(format!("nianbao-only-proof-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("draft.txt");
    std::fs::write(
        &file,
        "示例市2024年法治政府建设年度报告\n认真布署年度工作，全年受理行政复议申请120件，审结110件，确保落实到到位。\n",
    )
    .expect("write draft");
    let path = file.to_string_lossy().into_owned();
    let out = nianbao(&["check", &path, "--only", "proof", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let found: Vec<(String, String)> = v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or_default().to_owned(),
                f["suggestion"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("proof.typo".to_owned(), "部署".to_owned()),
            ("proof.typo".to_owned(), "到".to_owned())
        ]
    );
    let text = nianbao(&["check", &path, "--only", "proof"]);
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(
        stdout.contains("proof.typo") && !stdout.contains("structure."),
        "{stdout}"
    );
    let bad = nianbao(&["check", &path, "--only", "nothing"]);
    assert!(!bad.status.success(), "an unknown family is refused");
    let _ = std::fs::remove_dir_all(&dir);
}
