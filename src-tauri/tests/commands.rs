//! Every command of docs/ipc.md, called through real IPC on Tauri's mock runtime, each test on
//! its own temporary data folder. The sample library (tests/fixtures/sample-library) is the
//! realistic year pair: its README lists the problems planted in the 2024 draft.

mod common;

use std::io::Read;

use common::{DRAFT_2024, REPORT_2023, TestApp, is_chinese, sample};
use serde_json::{Value, json};

const SAMPLE: &str = "示例市人民政府关于2024年法治政府建设情况的报告\n\n一、加强党的领导\n示例市召开常务会议12次。\n二、下一年度工作安排\n继续推进依法行政。\n";

/// The seeded library's report and draft ids.
fn seeded(app: &TestApp) -> (i64, i64) {
    let overview = app.ok("library_overview", json!({}));
    let report = overview["reports"][0]["id"].as_i64().expect("a report id");
    let draft = overview["drafts"][0]["id"].as_i64().expect("a draft id");
    (report, draft)
}

fn sample_text(name: &str) -> String {
    nianbao_import::import_path(&sample(name))
        .expect("the sample imports")
        .text
}

fn codes(findings: &Value) -> Vec<&str> {
    findings
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["code"].as_str())
        .collect()
}

// ---- app -----------------------------------------------------------------------------------

#[test]
fn app_info_tells_the_version_and_the_data_folder() {
    let app = TestApp::new();
    let info = app.ok("app_info", json!({}));
    assert_eq!(
        info["version"],
        env!("CARGO_PKG_VERSION"),
        "the status line shows the crate version"
    );
    assert_eq!(
        info["data_dir"].as_str(),
        Some(app.data_dir.display().to_string().as_str()),
        "the data folder the state was given is the one in use: {info}"
    );
}

#[test]
fn import_file_returns_the_text_for_the_editor() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("示例市2024年报告.txt");
    std::fs::write(&path, SAMPLE).expect("write fixture");
    let app = TestApp::new();

    let outline = app.ok("import_file", json!({ "path": path }));

    assert_eq!(
        outline["file_name"], "示例市2024年报告.txt",
        "the library lists reports by file name"
    );
    assert_eq!(outline["format"], "text", "a .txt is imported as text");
    assert_eq!(
        outline["line_count"], 6,
        "outline lines are lines of the text the editor shows, so the counts must agree"
    );
    assert!(
        outline["text"]
            .as_str()
            .is_some_and(|t| t.lines().nth(3) == Some("示例市召开常务会议12次。")),
        "line 4 of the editor text is line 4 of the file: {}",
        outline["text"]
    );
}

#[test]
fn import_of_a_missing_file_is_a_coded_error() {
    let app = TestApp::new();
    let err = app.err("import_file", json!({ "path": "/nonexistent/示例县.txt" }));
    assert_eq!(
        err["code"], "import.io",
        "the UI switches on the code, not on the message: {err}"
    );
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("无法读取")),
        "the drafter reads a Chinese reason: {err}"
    );
}

#[test]
fn unknown_commands_are_refused() {
    let app = TestApp::new();
    assert!(
        app.invoke("read_any_file", json!({})).is_err(),
        "only the commands the app registers can be called"
    );
}

#[test]
fn startup_files_are_empty_when_none_were_given() {
    let app = TestApp::new();
    assert_eq!(
        app.ok("startup_files", json!({})),
        json!([]),
        "without file arguments the window starts empty"
    );
}

#[test]
fn e2e_save_path_is_null_in_normal_use() {
    // The variable is set only by the end-to-end harness, never in `cargo test`.
    if std::env::var_os("NIANBAO_E2E_SAVE_PATH").is_some() {
        return;
    }
    let app = TestApp::new();
    assert_eq!(
        app.ok("e2e_save_path", json!({})),
        Value::Null,
        "without NIANBAO_E2E_SAVE_PATH the UI opens the save dialog"
    );
}

// ---- the library ---------------------------------------------------------------------------

#[test]
fn first_start_seeds_the_sample_library_exactly_once() {
    let app = TestApp::new();
    let first = app.ok("library_overview", json!({}));
    assert_eq!(first["seeded"], true, "a new data folder gets the sample");
    let reports = first["reports"].as_array().expect("reports");
    let drafts = first["drafts"].as_array().expect("drafts");
    assert_eq!(reports.len(), 1, "the 2023 report: {first}");
    assert_eq!(drafts.len(), 1, "the 2024 draft: {first}");
    assert_eq!(reports[0]["year"], 2023, "{first}");
    assert_eq!(reports[0]["fileName"], REPORT_2023);
    assert!(
        reports[0]["government"]
            .as_str()
            .is_some_and(|g| g.contains("示例市")),
        "the parser names the government: {first}"
    );
    assert!(
        reports[0]["figureCount"].as_u64().is_some_and(|n| n > 20),
        "the list shows how many figures the report states: {first}"
    );
    assert_eq!(drafts[0]["year"], 2024, "{first}");
    assert_eq!(
        drafts[0]["lastReportId"], reports[0]["id"],
        "the draft follows the 2023 report, so checks compare against it"
    );

    let second = app.ok("library_overview", json!({}));
    assert_eq!(second["seeded"], false, "the same run never seeds twice");
    assert_eq!(second["reports"], first["reports"], "nothing was added");

    drop(app);
    let dir = tempfile::tempdir().expect("temp dir");
    let again = TestApp::on(dir.path());
    assert_eq!(
        again.ok("library_overview", json!({}))["seeded"],
        true,
        "a different data folder is a first start of its own"
    );
}

#[test]
fn seeded_draft_starts_with_the_sample_draft_text() {
    let app = TestApp::new();
    let (_, draft) = seeded(&app);
    let doc = app.ok("open_draft", json!({ "draftId": draft }));
    assert_eq!(
        doc["text"].as_str(),
        Some(sample_text(DRAFT_2024).as_str()),
        "the draft's first version is the bundled file's text"
    );
    let versions = app.ok("list_versions", json!({ "draftId": draft }));
    assert_eq!(versions.as_array().map(Vec::len), Some(1), "{versions}");
}

#[test]
fn a_deleted_sample_does_not_come_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (report, draft) = seeded(&TestApp::on(dir.path()));
    {
        let store = nianbao_store::Store::open(&dir.path().join(nianbao_store::DB_FILE_NAME))
            .expect("open the library");
        assert!(store.delete_draft(draft).expect("delete draft"));
        assert!(store.delete_report(report).expect("delete report"));
    }
    let restarted = TestApp::on(dir.path());
    let overview = restarted.ok("library_overview", json!({}));
    assert_eq!(overview["seeded"], false, "{overview}");
    assert_eq!(
        overview["reports"],
        json!([]),
        "the drafter deleted the sample; an empty library stays empty"
    );
}

#[test]
fn a_folder_that_already_holds_a_library_is_not_seeded() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = nianbao_store::Store::open(&dir.path().join(nianbao_store::DB_FILE_NAME))
            .expect("open");
        let imported = nianbao_import::import_bytes(SAMPLE.as_bytes(), Some("a.txt")).expect("ok");
        store
            .add_imported("a.txt", SAMPLE.as_bytes(), &imported)
            .expect("add");
    }
    let app = TestApp::on(dir.path());
    let overview = app.ok("library_overview", json!({}));
    assert_eq!(
        overview["seeded"], false,
        "the drafter's own library comes first"
    );
    assert_eq!(
        overview["reports"].as_array().map(Vec::len),
        Some(1),
        "{overview}"
    );
}

#[test]
fn importing_the_same_file_twice_finds_the_first_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("示例市2024年报告.txt");
    std::fs::write(&path, SAMPLE).expect("write");
    let app = TestApp::new();

    let first = app.ok("import_report", json!({ "path": path }));
    assert_eq!(first["alreadyPresent"], false, "{first}");
    assert_eq!(first["report"]["fileName"], "示例市2024年报告.txt");
    assert_eq!(first["report"]["year"], 2024, "{first}");
    let second = app.ok("import_report", json!({ "path": path }));
    assert_eq!(second["alreadyPresent"], true, "same bytes, same report");
    assert_eq!(second["report"]["id"], first["report"]["id"]);

    let copy = dir.path().join("另存为.txt");
    std::fs::write(&copy, SAMPLE).expect("write");
    let renamed = app.ok("import_report", json!({ "path": copy }));
    assert_eq!(
        renamed["alreadyPresent"], true,
        "dedupe is by content, not by file name"
    );
    let overview = app.ok("library_overview", json!({}));
    let listed = overview["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .filter(|r| r["id"] == first["report"]["id"])
        .count();
    assert_eq!(listed, 1, "the library lists the report once");
}

#[test]
fn a_bad_file_is_refused_with_a_code_and_a_chinese_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = TestApp::new();
    for (name, bytes) in [
        ("空.txt", Vec::new()),
        ("坏.docx", b"PK\x03\x04 truncated".to_vec()),
        ("图片.txt", (0..=255u8).cycle().take(4096).collect()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write");
        let err = app.err("import_report", json!({ "path": path }));
        assert!(
            err["code"]
                .as_str()
                .is_some_and(|c| c.starts_with("import.")),
            "{name}: the importer's own code reaches the UI: {err}"
        );
        assert!(is_chinese(&err["message"]), "{name}: {err}");
    }
    let folder = app.err("import_report", json!({ "path": dir.path() }));
    assert!(
        is_chinese(&folder["message"]),
        "a folder is not a report: {folder}"
    );
    let overview = app.ok("library_overview", json!({}));
    assert_eq!(
        overview["reports"].as_array().map(Vec::len),
        Some(1),
        "refused files add nothing (only the sample is there): {overview}"
    );
}

#[test]
fn open_report_gives_the_stored_text_and_outline() {
    let app = TestApp::new();
    let (report, _) = seeded(&app);
    let outline = app.ok("open_report", json!({ "reportId": report }));
    assert_eq!(outline["file_name"], REPORT_2023);
    assert_eq!(
        outline["text"].as_str(),
        Some(sample_text(REPORT_2023).trim_end()),
        "the stored text is the imported text"
    );
    assert!(
        outline["sections"]
            .as_array()
            .is_some_and(|s| s.iter().any(|s| s["kind"] == "next_year")),
        "the outline knows the parts: {}",
        outline["sections"]
    );
    let missing = app.err("open_report", json!({ "reportId": 9999 }));
    assert_eq!(missing["code"], "store.not_found", "{missing}");
}

#[test]
fn search_returns_snippets_as_parts_never_html() {
    let app = TestApp::new();
    seeded(&app);
    let hits = app.ok("search_library", json!({ "query": "行政复议" }));
    let hits = hits.as_array().expect("a list");
    assert!(!hits.is_empty(), "the sample report speaks of 行政复议");
    for hit in hits {
        let parts = hit["snippet"].as_array().expect("parts");
        assert!(
            parts
                .iter()
                .any(|p| p["hit"] == true && p["text"].as_str().is_some_and(|t| t.contains("复议"))),
            "the match is a marked part: {hit}"
        );
        assert!(
            parts
                .iter()
                .all(|p| !p["text"].as_str().unwrap_or("").contains('<')),
            "no markup in snippets: {hit}"
        );
        assert_eq!(hit["year"], 2023);
    }
    let none = app.ok(
        "search_library",
        json!({ "query": "行政复议", "government": "别的市" }),
    );
    assert_eq!(none, json!([]), "the government filter applies");
    let bad = app.err(
        "search_library",
        json!({ "query": "复议", "kind": "nonsense" }),
    );
    assert_eq!(bad["code"], "app.unknown_kind", "{bad}");
}

// ---- drafts --------------------------------------------------------------------------------

#[test]
fn a_new_draft_from_the_sample_report_has_fill_in_marks() {
    let app = TestApp::new();
    let (report, _) = seeded(&app);
    let doc = app.ok("new_draft", json!({ "reportId": report, "year": 2024 }));
    let text = doc["text"].as_str().expect("text");
    let marks = doc["marks"].as_u64().expect("marks");
    assert!(
        marks > 10,
        "every figure of last year waits for this year's: {doc}"
    );
    assert_eq!(
        text.matches('【').count() as u64,
        marks,
        "marks counts the 【…】 in the text"
    );
    assert_eq!(doc["lastReportId"], report);
    assert_eq!(doc["lastYear"], 2023);
    assert_eq!(doc["year"], 2024);
    assert!(
        doc["movedYears"].as_array().is_some_and(|m| !m.is_empty()),
        "2023 became 2024 somewhere: {doc}"
    );
    assert!(
        doc["plans"].as_array().is_some_and(|p| !p.is_empty()),
        "last year's plan items become a checklist: {doc}"
    );
    let reopened = app.ok("open_draft", json!({ "draftId": doc["id"] }));
    assert_eq!(reopened["text"], doc["text"], "the draft was stored");
    assert_eq!(
        reopened["plans"], doc["plans"],
        "the checklist survives a reopen"
    );
    let listed = app.ok("library_overview", json!({}))["drafts"].clone();
    assert!(
        listed
            .as_array()
            .is_some_and(|d| d.iter().any(|d| d["id"] == doc["id"])),
        "{listed}"
    );

    let backwards = app.err("new_draft", json!({ "reportId": report, "year": 2023 }));
    assert_eq!(backwards["code"], "draft.year_not_after", "{backwards}");
    assert!(is_chinese(&backwards["message"]));
}

#[test]
fn autosave_keeps_versions_newest_first() {
    let app = TestApp::new();
    let (_, draft) = seeded(&app);
    let first = app.ok("save_draft", json!({ "draftId": draft, "text": "第一稿" }));
    let second = app.ok(
        "save_draft",
        json!({ "draftId": draft, "text": "第二稿，多几个字" }),
    );
    assert_ne!(first["versionId"], second["versionId"]);
    assert!(second["savedAt"].as_i64() >= first["savedAt"].as_i64());
    let again = app.ok(
        "save_draft",
        json!({ "draftId": draft, "text": "第二稿，多几个字" }),
    );
    assert_eq!(
        again["versionId"], second["versionId"],
        "an unchanged text is not stored twice"
    );

    let versions = app.ok("list_versions", json!({ "draftId": draft }));
    let versions = versions.as_array().expect("list");
    assert_eq!(versions.len(), 3, "seeded text + two saves: {versions:?}");
    assert_eq!(versions[0]["id"], second["versionId"], "newest first");
    assert_eq!(versions[0]["chars"], 8, "length in characters, not bytes");
    assert_eq!(
        app.ok("get_version", json!({ "versionId": first["versionId"] })),
        "第一稿"
    );
    assert_eq!(
        app.ok("open_draft", json!({ "draftId": draft }))["text"],
        "第二稿，多几个字",
        "opening a draft gives its latest text"
    );
    let missing = app.err("save_draft", json!({ "draftId": 9999, "text": "x" }));
    assert_eq!(missing["code"], "store.not_found", "{missing}");
}

// ---- checks --------------------------------------------------------------------------------

#[test]
fn check_draft_finds_the_problems_planted_in_the_sample_draft() {
    let app = TestApp::new();
    let (report, _) = seeded(&app);
    let text = sample_text(DRAFT_2024);
    let started = std::time::Instant::now();
    let result = app.ok(
        "check_draft",
        json!({ "text": text, "lastReportId": report, "year": 2024 }),
    );
    let first = started.elapsed();
    let found = codes(&result["findings"]);
    for planted in [
        "figure.unchanged",
        "arith.order",
        "arith.parts_exceed",
        "arith.rate",
        "term.outdated",
        "text.same_as_last",
        "time.stale_year",
        "plan.unreported",
    ] {
        assert!(
            found.contains(&planted),
            "the sample README plants {planted}; found {found:?}"
        );
    }
    let findings = result["findings"].as_array().expect("findings");
    assert_eq!(
        findings[0]["severity"], "error",
        "errors come first: {:?}",
        findings[0]
    );
    let row = |metric: &str| {
        result["figures"]
            .as_array()
            .and_then(|rows| rows.iter().find(|r| r["metric"] == metric))
            .cloned()
            .unwrap_or_else(|| panic!("{metric} in the figure table: {}", result["figures"]))
    };
    assert_eq!(
        row("法律顾问·聘请")["status"],
        "unchanged",
        "53名 both years"
    );
    assert_eq!(row("法律顾问·聘请")["this"], "53名");
    let review = row("行政复议·受理");
    assert_eq!(review["status"], "swing", "186 → 368 件: {review}");
    assert_eq!(review["last"], "186件");
    assert_eq!(review["this"], "368件");
    assert!(review["thisLine"].as_u64().is_some() && review["lastLine"].as_u64().is_some());
    assert!(
        result["outline"].as_array().is_some_and(|o| !o.is_empty()),
        "the outline pane follows the typing"
    );
    assert_eq!(
        result["marks"], 0,
        "the sample draft has no fill-in marks left"
    );

    let started = std::time::Instant::now();
    app.ok(
        "check_draft",
        json!({ "text": text, "lastReportId": report, "year": 2024 }),
    );
    eprintln!(
        "check_draft of the sample draft over IPC (debug build): first {first:?}, cached {:?}",
        started.elapsed()
    );

    let alone = app.ok("check_draft", json!({ "text": text }));
    assert_eq!(alone["figures"], json!([]), "no table without last year");
    assert!(
        codes(&alone["findings"]).contains(&"arith.order"),
        "one-report rules run without last year"
    );
    let missing = app.err("check_draft", json!({ "text": text, "lastReportId": 9999 }));
    assert_eq!(missing["code"], "store.not_found", "{missing}");
}

#[test]
fn check_draft_survives_any_text() {
    let app = TestApp::new();
    let (report, _) = seeded(&app);
    for text in [
        "",
        "\n\n\n",
        "【",
        "一、\n（一）\n1.",
        &"九".repeat(100_000),
    ] {
        let result = app.ok(
            "check_draft",
            json!({ "text": text, "lastReportId": report }),
        );
        assert!(result["findings"].is_array(), "{text:.20}: {result:.200}");
    }
}

#[test]
fn section_diff_shows_the_changed_figures_of_a_section() {
    let app = TestApp::new();
    let (report, _) = seeded(&app);
    let text = sample_text(DRAFT_2024);
    let line = text
        .lines()
        .position(|l| l.contains("行政复议") && l.contains("368"))
        .expect("the draft states 行政复议 受理368件")
        + 1;
    let diff = app.ok(
        "section_diff",
        json!({ "text": text, "line": line, "lastReportId": report }),
    );
    let parts = diff["parts"].as_array().expect("parts");
    let joined = |ops: &[&str]| -> String {
        parts
            .iter()
            .filter(|p| ops.contains(&p["op"].as_str().unwrap_or("")))
            .filter_map(|p| p["text"].as_str())
            .collect()
    };
    assert!(
        joined(&["delete"]).contains("186件"),
        "last year's figure: {diff}"
    );
    assert!(
        joined(&["insert"]).contains("368件"),
        "this year's figure: {diff}"
    );
    assert!(
        joined(&["equal", "insert"]).contains(text.lines().nth(line - 1).unwrap_or("?").trim()),
        "equal + insert rebuild this year's section"
    );
    assert!(
        diff["lastHeading"].as_str().is_some(),
        "last year had the same part: {diff}"
    );
    let outside = app.err(
        "section_diff",
        json!({ "text": text, "line": 10_000, "lastReportId": report }),
    );
    assert_eq!(outside["code"], "app.no_section", "{outside}");
    assert!(is_chinese(&outside["message"]));
}

#[test]
fn metric_history_follows_a_metric_across_the_stored_years() {
    let app = TestApp::new();
    seeded(&app);
    let imported = app.ok("import_report", json!({ "path": sample(DRAFT_2024) }));
    let government = imported["report"]["government"]
        .as_str()
        .expect("government")
        .to_owned();
    assert_eq!(imported["report"]["year"], 2024, "{imported}");

    let history = app.ok(
        "metric_history",
        json!({ "government": government, "metric": "行政复议·受理" }),
    );
    let points: Vec<(i64, f64)> = history
        .as_array()
        .expect("points")
        .iter()
        .map(|p| {
            (
                p["year"].as_i64().unwrap_or(0),
                p["value"].as_f64().unwrap_or(0.0),
            )
        })
        .collect();
    assert_eq!(points, vec![(2023, 186.0), (2024, 368.0)], "{history}");
    assert_eq!(history[0]["raw"], "186件");

    let metrics = app.ok("list_metrics", json!({ "government": government }));
    let metrics: Vec<&str> = metrics
        .as_array()
        .expect("list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(metrics.contains(&"行政复议·受理"), "{metrics:?}");
    assert!(
        metrics.iter().all(|m| !m.starts_with("未命名")),
        "the chart offers named metrics only: {metrics:?}"
    );
    assert_eq!(
        app.ok(
            "metric_history",
            json!({ "government": "别的市", "metric": "行政复议·受理" })
        ),
        json!([])
    );
}

// ---- templates and export ------------------------------------------------------------------

#[test]
fn the_template_picker_offers_the_thirteen_parts() {
    let app = TestApp::new();
    let items = app.ok("list_templates", json!({}));
    let items = items.as_array().expect("list");
    assert_eq!(items.len(), 13, "{items:?}");
    assert!(items.iter().all(|i| is_chinese(&i["label"])), "{items:?}");
    assert!(items.iter().any(|i| i["kind"] == "disputes"));
}

#[test]
fn render_template_gives_a_part_with_fill_in_marks() {
    let app = TestApp::new();
    let text = app.ok(
        "render_template",
        json!({ "kind": "disputes", "year": 2024 }),
    );
    let text = text.as_str().expect("a string");
    assert!(text.contains('【'), "unknown figures are marks: {text}");
    let other_year = app.ok(
        "render_template",
        json!({ "kind": "next_year", "year": 2031 }),
    );
    assert!(
        other_year.as_str().is_some_and(|t| t.contains("2032")),
        "the next-year part names the year after: {other_year}"
    );
    let bad = app.err(
        "render_template",
        json!({ "kind": "nonsense", "year": 2024 }),
    );
    assert_eq!(bad["code"], "app.unknown_kind", "{bad}");
    assert!(is_chinese(&bad["message"]));
}

#[test]
fn the_offices_term_table_and_lexicon_in_the_data_folder_apply_to_checks() {
    let app = TestApp::new();
    let text = "示例市人民政府关于2024年度法治政府建设情况的报告\n一、主要举措\n全面推行三单制管理。\n二、自我审视\n本年度其他情况如下。";
    let before = app.ok("check_draft", json!({ "text": text, "year": 2024 }));
    assert!(!codes(&before["findings"]).contains(&"term.outdated"));
    let terms = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/nianbao-check/data/terms.toml"
    ))
    .expect("embedded term table");
    let own = format!(
        "{terms}\n[[term]]\nname = \"三单制\"\npattern = '三单制'\nexists_from = 2010\nvalid_to = 2020\nreplacement = \"清单制\"\n"
    );
    std::fs::write(app.data_dir.join("terms.toml"), own).expect("write terms");
    let sections = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/nianbao-report/data/sections.toml"
    ))
    .expect("embedded sections");
    std::fs::write(
        app.data_dir.join("sections.toml"),
        sections.replace("\"存在问题\" = 8", "\"存在问题\" = 8, \"自我审视\" = 8"),
    )
    .expect("write sections");
    let after = app.ok("check_draft", json!({ "text": text, "year": 2024 }));
    assert!(
        codes(&after["findings"]).contains(&"term.outdated"),
        "the office's own term: {}",
        after["findings"]
    );
    let kinds: Vec<&str> = after["outline"]
        .as_array()
        .expect("outline")
        .iter()
        .filter_map(|s| s["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"problems"),
        "the office's own heading word: {kinds:?}"
    );
    // A broken office file does not stop the checks: the built-in term table is used meanwhile,
    // and the check says which file (and line) is wrong, in Chinese.
    std::fs::write(app.data_dir.join("terms.toml"), "[[term\n").expect("break it");
    let broken = app.ok("check_draft", json!({ "text": text, "year": 2024 }));
    let warnings = broken["office_warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "{broken}");
    assert!(is_chinese(&warnings[0]), "{broken}");
    assert!(
        warnings[0]
            .as_str()
            .is_some_and(|m| m.contains("terms.toml") && m.contains("第1行")),
        "the file and the line: {broken}"
    );
    assert!(
        !codes(&broken["findings"]).contains(&"term.outdated"),
        "the built-in term table applies meanwhile: {}",
        broken["findings"]
    );
    std::fs::remove_file(app.data_dir.join("terms.toml")).expect("mend it");
    let mended = app.ok("check_draft", json!({ "text": text, "year": 2024 }));
    assert_eq!(mended["office_warnings"], json!([]), "{mended}");
}

#[test]
fn an_office_template_in_the_data_folder_replaces_the_default() {
    let app = TestApp::new();
    let own = app.data_dir.join("templates/sections");
    std::fs::create_dir_all(&own).expect("mkdir");
    std::fs::write(own.join("disputes.md"), "本办自有模板{{ year }}年\n").expect("write");
    assert_eq!(
        app.ok(
            "render_template",
            json!({ "kind": "disputes", "year": 2024 })
        ),
        "本办自有模板2024年"
    );
}

#[test]
fn export_writes_a_word_document() {
    let app = TestApp::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let text = sample_text(DRAFT_2024);
    let path = dir.path().join("示例市2024年报告.docx");
    let out = app.ok("export_draft", json!({ "text": text, "path": path }));
    let bytes = std::fs::read(&path).expect("the file exists");
    assert_eq!(out["bytes"].as_u64(), Some(bytes.len() as u64), "{out}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("utf-8 xml");
    assert!(xml.contains("行政复议"), "the text is in the document");

    let md = dir.path().join("稿.md");
    app.ok("export_draft", json!({ "text": text, "path": md }));
    assert!(
        std::fs::read_to_string(&md).is_ok_and(|t| t.contains("行政复议")),
        "Markdown export holds the text"
    );
    let bad = app.err(
        "export_draft",
        json!({ "text": text, "path": dir.path().join("稿.pdf") }),
    );
    assert_eq!(bad["code"], "draft.unsupported_format", "{bad}");
    let nowhere = app.err(
        "export_draft",
        json!({ "text": text, "path": "/nonexistent/folder/稿.docx" }),
    );
    assert_eq!(nowhere["code"], "draft.write", "{nowhere}");
    assert!(is_chinese(&nowhere["message"]));
}
