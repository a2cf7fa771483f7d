//! `nianbao outline` as a process: the JSON contract of design.md and the text for people.

mod common;
use common::{report_fixture as fixture, run};
use std::process::Command;

#[test]
fn outline_json_has_every_contract_key() {
    let out = run(&["outline", &fixture("plain_2023.txt"), "--format", "json"]);
    assert!(
        out.status.success(),
        "exit 0: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    for key in [
        "title",
        "government",
        "year",
        "doc_number",
        "addressee",
        "date",
        "sections",
    ] {
        assert!(v.get(key).is_some(), "outline JSON must have `{key}`");
    }
    assert_eq!(v["year"], 2023, "the year the report is about");
    let sections = v["sections"].as_array().expect("sections is an array");
    let kinds: Vec<&str> = sections.iter().filter_map(|s| s["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        ["other", "problems", "next_year"],
        "top-level parts by content"
    );
    let first = &sections[0];
    for key in ["number", "heading", "level", "kind", "line", "children"] {
        assert!(first.get(key).is_some(), "a section must have `{key}`");
    }
    assert_eq!(
        first["children"].as_array().map(Vec::len),
        Some(7),
        "seven measures"
    );
}

#[test]
fn outline_text_is_indented_with_chinese_kind_labels() {
    let out = run(&["outline", &fixture("portal_2024.txt")]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("年度:"),
        "Chinese labels for metadata:\n{text}"
    );
    assert!(
        text.contains("[存在的不足]"),
        "kinds shown by their Chinese label:\n{text}"
    );
    assert!(
        text.contains("  (一)"),
        "children indented under their part:\n{text}"
    );
    assert!(
        !text.contains("一是"),
        "inline 一是 items stay out of the text outline:\n{text}"
    );
}

#[test]
fn outline_of_a_missing_file_exits_2_with_one_line() {
    let out = run(&["outline", "/nonexistent/报告.txt", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "unreadable input is exit status 2"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim().lines().count(),
        1,
        "one-line reason"
    );
    assert!(out.stdout.is_empty(), "nothing on stdout for a failure");
}

#[test]
fn a_lexicon_file_in_the_data_folder_changes_the_section_kinds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = dir.path().join("示例市2023.txt");
    std::fs::write(
        &report,
        "示例市2023年法治政府建设情况报告\n一、加强组织领导\n市政府常务会议研究法治工作5次。\n二、自我审视\n本年度其他情况如下。\n",
    )
    .expect("write report");
    let kinds = |data: &std::path::Path| -> Vec<String> {
        let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args([
                "outline",
                report.to_str().expect("utf-8 path"),
                "--format",
                "json",
            ])
            .env("NIANBAO_DATA_DIR", data)
            .output()
            .expect("run nianbao");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        v["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .map(|s| s["kind"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("data dir");
    assert_ne!(
        kinds(&data)[1],
        "problems",
        "自我审视 is not a built-in heading word"
    );
    let sections = include_str!("../../nianbao-report/data/sections.toml")
        .replace("\"存在问题\" = 8", "\"存在问题\" = 8, \"自我审视\" = 8");
    std::fs::write(data.join("sections.toml"), sections).expect("write override");
    assert_eq!(
        kinds(&data)[1],
        "problems",
        "the office's own heading word is used"
    );
    std::fs::write(data.join("sections.toml"), "not = [toml").expect("write broken override");
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["outline", report.to_str().expect("utf-8 path")])
        .env("NIANBAO_DATA_DIR", &data)
        .output()
        .expect("run nianbao");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a broken office file is a warning, the run goes on: {err}"
    );
    assert!(
        err.contains("警告")
            && err.contains("sections.toml 第1行")
            && err.contains("已改用内置词表"),
        "names the file and the line, in Chinese: {err}"
    );
    assert_ne!(
        kinds(&data)[1],
        "problems",
        "the built-in lexicon is used meanwhile"
    );
}
