//! `nianbao draft` as a process: writes OUT by extension, prints the summary, exit codes.

mod common;
use common::{nianbao, sample};
use std::path::PathBuf;

#[test]
fn draft_writes_every_format_and_summarises_moves_and_marks() {
    let dir = TempDir::new("draft_cli1");
    for ext in ["docx", "md", "html", "txt"] {
        let out = dir.path().join(format!("2024草稿.{ext}"));
        let run = nianbao()
            .args(["draft", "--from"])
            .arg(sample("示例市2023年法治政府建设年度报告.txt"))
            .args(["--year", "2024", "--out"])
            .arg(&out)
            .output()
            .expect("run nianbao");
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert!(
            run.status.success(),
            "draft to .{ext} succeeds: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(out.is_file(), ".{ext} written");
        assert!(
            stdout.contains("年份前移") && stdout.contains("待填标记"),
            "summary names moves and marks:\n{stdout}"
        );
        assert!(
            stdout.contains("合法性审查全覆盖"),
            "last year's plan items are listed to report on:\n{stdout}"
        );
    }
    let md = std::fs::read_to_string(dir.path().join("2024草稿.md")).expect("md");
    assert!(
        md.contains("2025年推进法治政府建设的主要安排"),
        "plan part for 2025"
    );
    assert!(
        md.contains("【210件→？】"),
        "a figure shows last year's value as a mark"
    );
    assert!(
        !md.contains("2023年度法治政府建设情况"),
        "the title moved on a year"
    );
}

#[test]
fn draft_markdown_reparses_into_the_same_outline_as_the_draft() {
    let dir = TempDir::new("draft_cli2");
    let md = dir.path().join("d.md");
    let txt = dir.path().join("d.txt");
    for out in [&md, &txt] {
        let ok = nianbao()
            .args(["draft", "--from"])
            .arg(sample("示例市2023年法治政府建设年度报告.txt"))
            .args(["--year", "2024", "--out"])
            .arg(out)
            .output()
            .expect("run");
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
    }
    let outline = |p: &PathBuf| {
        let out = nianbao()
            .args(["outline", "--format", "json"])
            .arg(p)
            .output()
            .expect("outline");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json outline");
        strip_lines(v["sections"].clone())
    };
    assert_eq!(
        outline(&md),
        outline(&txt),
        "Markdown and plain text give the same outline"
    );
    assert!(
        outline(&md).as_array().is_some_and(|a| a.len() >= 5),
        "five parts survive"
    );
}

fn strip_lines(mut v: serde_json::Value) -> serde_json::Value {
    if let Some(a) = v.as_array_mut() {
        for s in a {
            if let Some(o) = s.as_object_mut() {
                o.remove("line");
                o.remove("end_line");
                if let Some(c) = o.get_mut("children") {
                    *c = strip_lines(c.take());
                }
            }
        }
    }
    v
}

#[test]
fn draft_into_an_unwritable_place_exits_2_with_one_line() {
    let run = nianbao()
        .args(["draft", "--from"])
        .arg(sample("示例市2023年法治政府建设年度报告.txt"))
        .args(["--year", "2024", "--out", "/nonexistent-folder/草稿.docx"])
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(2), "unwritable output is bad input");
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains("无法写入") && err.contains("cannot write"),
        "Chinese and English: {err}"
    );
}

#[test]
fn draft_for_the_same_year_is_refused() {
    let dir = TempDir::new("draft_cli3");
    let run = nianbao()
        .args(["draft", "--from"])
        .arg(sample("示例市2023年法治政府建设年度报告.txt"))
        .args(["--year", "2023", "--out"])
        .arg(dir.path().join("x.md"))
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("draft.year_not_after"));
}

/// A fresh folder under the system temp dir, removed when dropped (no extra crates here).
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("nianbao-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn draft_json_lists_every_mark_moved_year_and_plan() {
    let dir = TempDir::new("draft_cli_json");
    let out = dir.path().join("2024草稿.md");
    let run = nianbao()
        .args(["draft", "--from"])
        .arg(sample("示例市2023年法治政府建设年度报告.txt"))
        .args(["--year", "2024", "--format", "json", "--out"])
        .arg(&out)
        .output()
        .expect("run nianbao");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).expect("stdout is JSON");
    assert_eq!(v["year"], 2024);
    assert!(v.get("text").is_none(), "the text is in OUT, not on stdout");
    let written = std::fs::read_to_string(&out).expect("OUT written");
    let marks = v["marks"].as_array().expect("marks listed");
    assert!(!marks.is_empty(), "last year's figures become marks");
    for m in marks {
        let mark = m["mark"].as_str().expect("mark text");
        assert!(
            written.contains(mark),
            "each listed mark stands in the draft: {mark}"
        );
        assert!(
            m["line"].as_u64().is_some_and(|l| l > 0),
            "with its line: {m}"
        );
    }
    assert!(!v["moved_years"].as_array().expect("moved years").is_empty());
    assert!(!v["plan_checklist"].as_array().expect("plans").is_empty());
}
