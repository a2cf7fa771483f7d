//! The library kept safe, through real IPC on Tauri's mock runtime: how the library was found at
//! start, its backups, restoring one, a damaged library recovered and explained in Chinese.

mod common;

use common::{TestApp, is_chinese};
use serde_json::json;

#[test]
fn a_sound_library_starts_without_damage_and_lists_its_daily_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let app = TestApp::on(dir.path());
        app.ok("library_overview", json!({}));
    }
    // The next start finds a library with the sample in it: the day's copy is made on opening.
    let app = TestApp::on(dir.path());
    let start = app.ok("library_start", json!({}));
    assert!(start["damage"].is_null(), "{start}");
    assert_eq!(start["readOnly"], false);
    let backups = app.ok("list_backups", json!({}));
    assert_eq!(backups[0]["kind"], "daily", "{backups}");
    assert!(backups[0]["drafts"].as_u64().unwrap_or(0) >= 1, "{backups}");
    assert!(app.ok("backup_if_due", json!({})).is_null(), "one a day");
}

#[test]
fn a_damaged_library_is_explained_at_start_and_its_draft_restored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft_text = {
        let app = TestApp::on(dir.path());
        let overview = app.ok("library_overview", json!({}));
        let draft = overview["drafts"][0]["id"].as_i64().expect("a draft");
        app.ok("open_draft", json!({ "draftId": draft }))["text"].clone()
    };
    {
        let app = TestApp::on(dir.path());
        app.ok("library_start", json!({}));
    }
    let db = dir.path().join("library.sqlite3");
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{side}", db.display()));
    }
    std::fs::write(&db, vec![7u8; 40_000]).expect("garbage over the library");

    let app = TestApp::on(dir.path());
    // Whatever command comes first, the damage is kept for library_start to tell.
    app.ok("library_overview", json!({}));
    let start = app.ok("library_start", json!({}));
    let damage = &start["damage"];
    assert!(is_chinese(&damage["message"]), "{damage}");
    let kept = damage["kept"].as_str().expect("kept path");
    assert!(
        std::path::Path::new(kept).is_file(),
        "the damaged file is kept"
    );
    let latest = damage["latestBackup"]["path"]
        .as_str()
        .expect("a backup offered");

    let err = app.err("restore_backup", json!({ "path": kept }));
    assert_eq!(err["code"], "store.backup", "only a listed backup: {err}");
    let outcome = app.ok("restore_backup", json!({ "path": latest }));
    assert_eq!(outcome["kept"]["kind"], "before_restore");
    let overview = app.ok("library_overview", json!({}));
    let draft = overview["drafts"][0]["id"]
        .as_i64()
        .expect("the draft is back");
    assert_eq!(
        app.ok("open_draft", json!({ "draftId": draft }))["text"],
        draft_text
    );
}
