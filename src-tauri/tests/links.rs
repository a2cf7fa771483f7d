//! The figure-link commands through real IPC on Tauri's mock runtime: `report_figures`,
//! `link_figures` (关联 / 取消关联 / 不可比), `forget_figure_links` (恢复) and `metric_chain`, on
//! the seeded sample library (示例市 2023 report and 2024 draft). The window's arguments are
//! camelCase and the keys it passes back are the ones `check_draft` gave it.

mod common;

use common::{DRAFT_2024, TestApp, is_chinese, sample};
use serde_json::{Value, json};

/// The seeded report's id and the draft's text.
fn seeded(app: &TestApp) -> (i64, String) {
    let overview = app.ok("library_overview", json!({}));
    let report = overview["reports"][0]["id"].as_i64().expect("a report id");
    let draft = overview["drafts"][0]["id"].as_i64().expect("a draft id");
    let doc = app.ok("open_draft", json!({ "draftId": draft }));
    (report, doc["text"].as_str().expect("text").to_owned())
}

fn check(app: &TestApp, text: &str, report: i64) -> Vec<Value> {
    let result = app.ok(
        "check_draft",
        json!({ "text": text, "lastReportId": report, "year": 2024 }),
    );
    result["figures"].as_array().expect("figures").clone()
}

/// The row whose this-year value is `this`.
fn row<'a>(rows: &'a [Value], this: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["this"] == this)
        .unwrap_or_else(|| panic!("no row for {this}: {rows:?}"))
}

#[test]
fn a_figure_linked_through_ipc_is_paired_by_the_next_check_and_can_be_taken_back() {
    let app = TestApp::new();
    let (report, text) = seeded(&app);
    let rows = check(&app, &text, report);
    let before = row(&rows, "112项").clone();
    assert!(
        before["thisKey"].is_object(),
        "a row carries its key: {before}"
    );
    assert!(before["words"].is_array() && before["candidates"].is_array());

    let figures = app.ok("report_figures", json!({ "reportId": report }));
    let target = figures
        .as_array()
        .expect("figures")
        .iter()
        .find(|f| f["value"] == "41项")
        .expect("last year's 41项")
        .clone();
    assert!(
        target["excerpt"]
            .as_str()
            .is_some_and(|e| e.contains("证明事项")),
        "{target}"
    );
    assert!(target["line"].as_u64().is_some_and(|l| l > 0));

    let id = app.ok(
        "link_figures",
        json!({
            "text": text, "lastReportId": report, "year": 2024, "action": "same",
            "this": before["thisKey"], "last": target["key"],
        }),
    );
    assert!(id.as_i64().is_some_and(|id| id > 0), "{id}");
    let rows = check(&app, &text, report);
    let linked = row(&rows, "112项");
    assert_eq!(linked["linked"], true, "{linked}");
    assert_eq!(linked["last"], "41项");

    // 取消关联, then 恢复: the drafter's words about the figure are forgotten.
    app.ok(
        "link_figures",
        json!({
            "text": text, "lastReportId": report, "year": 2024, "action": "not_same",
            "this": before["thisKey"], "last": target["key"],
        }),
    );
    let rows = check(&app, &text, report);
    let apart = row(&rows, "112项");
    assert_eq!(apart["linked"], false, "{apart}");
    assert!(apart["last"].is_null(), "{apart}");
    assert_eq!(
        apart["unlinked"][0]["value"], "41项",
        "the row knows the drafter took it apart from 41项: {apart}"
    );
    let forgotten = app.ok(
        "forget_figure_links",
        json!({ "text": text, "lastReportId": report, "year": 2024, "this": before["thisKey"] }),
    );
    assert_eq!(forgotten, 1, "the not-same pair is forgotten");
    let restored = check(&app, &text, report);
    let restored = row(&restored, "112项");
    assert_eq!(
        (&restored["status"], &restored["last"], &restored["linked"]),
        (&before["status"], &before["last"], &before["linked"]),
        "after 恢复 the row is the aligner's again: {restored} (before: {before})"
    );
    assert_eq!(restored["unlinked"], json!([]), "{restored}");
}

#[test]
fn a_figure_marked_not_comparable_through_ipc_is_shown_so() {
    let app = TestApp::new();
    let (report, text) = seeded(&app);
    let rows = check(&app, &text, report);
    let key = row(&rows, "112项")["thisKey"].clone();
    app.ok(
        "link_figures",
        json!({ "text": text, "lastReportId": report, "action": "not_comparable", "this": key }),
    );
    let rows = check(&app, &text, report);
    assert_eq!(row(&rows, "112项")["status"], "not_comparable");
}

#[test]
fn a_link_without_a_government_or_year_is_refused_in_chinese() {
    let app = TestApp::new();
    seeded(&app);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("无题.txt");
    std::fs::write(&path, "工作总结\n\n一、主要工作\n开展法治讲座320场。\n").expect("write");
    let imported = app.ok("import_report", json!({ "path": path }));
    let report = imported["report"]["id"].as_i64().expect("id");
    let err = app.err(
        "link_figures",
        json!({ "text": "开展法治讲座510场。", "lastReportId": report, "action": "not_comparable",
                "this": { "metric": "未命名·场次", "value": 510.0, "unit": "场", "clause": "00" } }),
    );
    assert_eq!(err["code"], "app.no_link_scope", "{err}");
    assert!(is_chinese(&err["message"]), "{err}");
}

#[test]
fn metric_chain_gives_each_year_with_its_line() {
    let app = TestApp::new();
    seeded(&app);
    let imported = app.ok("import_report", json!({ "path": sample(DRAFT_2024) }));
    let government = imported["report"]["government"].clone();
    let chain = app.ok(
        "metric_chain",
        json!({ "government": government, "metric": "行政复议·受理" }),
    );
    let points = chain.as_array().expect("points");
    let years: Vec<i64> = points.iter().filter_map(|p| p["year"].as_i64()).collect();
    assert_eq!(years, vec![2023, 2024], "{chain}");
    for p in points {
        assert!(p["line"].as_u64().is_some_and(|l| l > 0), "{p}");
        assert!(
            p["excerpt"].as_str().is_some_and(|e| e.contains("受理")),
            "{p}"
        );
        assert_eq!(p["linked"], false);
    }
    assert!(
        points[0]["confidence"].is_null(),
        "the first year joins nothing"
    );
    assert!(points[1]["confidence"].as_f64().is_some_and(|c| c >= 0.5));
    assert_eq!(
        app.ok(
            "metric_chain",
            json!({ "government": "别的市", "metric": "行政复议·受理" })
        ),
        json!([])
    );

    // The picker: one entry per chained metric, its newest name, the years it was reported.
    let picker = app.ok("chained_metrics", json!({ "government": government }));
    let entries = picker.as_array().expect("entries");
    let review: Vec<&Value> = entries
        .iter()
        .filter(|e| e["metric"] == "行政复议·受理")
        .collect();
    assert_eq!(review.len(), 1, "{picker}");
    assert_eq!(review[0]["years"], json!([2023, 2024]), "{picker}");
    assert!(review[0]["older"].is_array(), "{picker}");
    let mut names: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["metric"].as_str())
        .collect();
    names.dedup();
    assert_eq!(
        names.len(),
        entries.len(),
        "one entry per name, by name: {picker}"
    );
}
