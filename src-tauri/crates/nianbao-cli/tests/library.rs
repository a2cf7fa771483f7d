//! `nianbao library` as a process, on the real corpus (read at test time, never copied): add
//! every report, then list and search, with `--db` in a temporary folder.

use std::path::PathBuf;
use std::process::Output;

mod common;
use common::corpus::{corpus_dir, corpus_present};
use common::{nianbao, stdout};

fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("the corpus folder (NIANBAO_CORPUS) must exist")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// A library in a fresh temporary folder, removed on drop.
struct TempLibrary(PathBuf);

impl TempLibrary {
    fn new(name: &str) -> TempLibrary {
        let dir = std::env::temp_dir().join(format!("nianbao-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempLibrary(dir)
    }
    fn db(&self) -> PathBuf {
        self.0.join("library.sqlite3")
    }
    fn run(&self, args: &[&str]) -> Output {
        let out = nianbao()
            .arg("library")
            .args(args)
            .arg("--db")
            .arg(self.db())
            .env_remove("NIANBAO_DATA_DIR")
            .output()
            .expect("run nianbao");
        assert!(
            out.status.success(),
            "nianbao library {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }
    fn add_corpus(&self) -> String {
        let mut cmd = nianbao();
        cmd.arg("library")
            .arg("add")
            .args(corpus_files())
            .arg("--db")
            .arg(self.db());
        let out = cmd.output().expect("run nianbao");
        assert!(
            out.status.success(),
            "adding the corpus must work: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for TempLibrary {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Corpus files whose text contains `needle`, by file name.
fn files_containing(needle: &str) -> Vec<String> {
    corpus_files()
        .iter()
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains(needle)))
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect()
}

#[test]
fn adding_the_corpus_twice_adds_each_report_once() {
    if !corpus_present() {
        return;
    }
    let lib = TempLibrary::new("twice");
    let first = lib.add_corpus();
    assert_eq!(
        first.matches("已添加").count(),
        corpus_files().len(),
        "every report is new the first time:\n{first}"
    );
    let second = lib.add_corpus();
    assert_eq!(
        second.matches("已存在").count(),
        corpus_files().len(),
        "the same files are recognised by their hash:\n{second}"
    );
}

#[test]
fn list_shows_government_year_and_title() {
    if !corpus_present() {
        return;
    }
    let lib = TempLibrary::new("list");
    lib.add_corpus();
    let out = stdout(&lib.run(&["list"]));
    let first_line = out.lines().next().unwrap_or_default();
    for label in ["政府", "年度", "标题"] {
        assert!(first_line.contains(label), "header has {label}: {out}");
    }
    assert_eq!(
        out.lines().filter(|l| l.starts_with('#')).count(),
        corpus_files().len(),
        "one row per report:\n{out}"
    );
    assert!(
        out.contains("2017") && out.contains("2020"),
        "years come from the reports:\n{out}"
    );
    assert!(
        out.contains("江山市"),
        "the government comes from the report:\n{out}"
    );
}

#[test]
fn search_finds_the_reports_and_sections_that_mention_the_query() {
    if !corpus_present() {
        return;
    }
    let lib = TempLibrary::new("search");
    lib.add_corpus();
    for query in ["行政复议", "复议"] {
        let out = stdout(&lib.run(&["search", query]));
        let expected = files_containing(query);
        assert!(!expected.is_empty(), "the corpus mentions {query}");
        for file in &expected {
            assert!(
                out.contains(file.as_str()),
                "`search {query}` must find {file}:\n{out}"
            );
        }
        assert!(
            out.contains(&format!("【{query}】")),
            "snippets mark the query in the original text:\n{out}"
        );
        assert!(
            out.contains("章节：化解矛盾纠纷"),
            "复议 paragraphs sit in the disputes section:\n{out}"
        );
        assert!(
            out.contains("第") && out.contains("行"),
            "each hit gives its line"
        );
    }
}

#[test]
fn search_for_something_absent_says_so_and_succeeds() {
    if !corpus_present() {
        return;
    }
    let lib = TempLibrary::new("absent");
    lib.add_corpus();
    let out = stdout(&lib.run(&["search", "量子纠缠"]));
    assert!(
        out.contains("未找到"),
        "no results is a result, not an error: {out}"
    );
}

#[test]
fn adding_a_missing_file_exits_2_and_adds_nothing() {
    let lib = TempLibrary::new("missing");
    let out = nianbao()
        .args(["library", "add", "/nonexistent/报告.txt", "--db"])
        .arg(lib.db())
        .output()
        .expect("run nianbao");
    assert_eq!(out.status.code(), Some(2), "bad input is exit status 2");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim().lines().count(),
        1,
        "one-line reason"
    );
    let list = stdout(&lib.run(&["list"]));
    assert!(list.contains("报告库为空"), "nothing was added: {list}");
}

#[test]
fn search_filters_by_year_and_kind_of_part() {
    if !corpus_present() {
        return;
    }
    let lib = TempLibrary::new("search-filters");
    lib.add_corpus();
    let all = stdout(&lib.run(&["search", "复议"]));
    let years: Vec<&str> = ["2017年", "2020年", "2023年"]
        .into_iter()
        .filter(|y| all.contains(y))
        .collect();
    assert!(
        years.len() >= 2,
        "复议 appears in reports of several years:\n{all}"
    );
    let only_2023 = stdout(&lib.run(&["search", "复议", "--year", "2023"]));
    let hits: Vec<&str> = only_2023.lines().filter(|l| l.contains(". #")).collect();
    assert!(!hits.is_empty(), "2023 reports mention 复议:\n{only_2023}");
    assert!(
        hits.iter().all(|l| l.contains("2023年")),
        "--year keeps only that year's reports:\n{only_2023}"
    );
    let disputes = stdout(&lib.run(&["search", "复议", "--kind", "disputes"]));
    let parts: Vec<&str> = disputes.lines().filter(|l| l.contains("章节：")).collect();
    assert!(!parts.is_empty());
    assert!(
        parts.iter().all(|l| l.contains("章节：化解矛盾纠纷")),
        "--kind keeps only that kind of part:\n{disputes}"
    );
    let bad = nianbao()
        .args(["library", "search", "复议", "--kind", "nonsense", "--db"])
        .arg(lib.db())
        .output()
        .expect("run nianbao");
    assert_eq!(
        bad.status.code(),
        Some(2),
        "an unknown kind is an input error"
    );
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("disputes"),
        "names the known kinds"
    );
}
