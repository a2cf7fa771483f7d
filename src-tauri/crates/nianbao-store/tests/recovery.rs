//! Drafts that survive: daily and pre-migration backups, restore (keeping the current library
//! aside), a damaged library (garbage over the file, the file cut in half) moved aside and
//! recovered, a newer version's library left untouched, a read-only library that still lists and
//! searches, and a full disk (a file-size limit) that loses nothing once space is back.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Command;

use nianbao_store::{BackupKind, SearchFilters, Store, StoreError, list_backups, schema};

fn library_with(path: &Path, drafts: usize, text_chars: usize) -> Store {
    let store = Store::open(path).unwrap();
    let report = common::shili_report("示例市", 2023, 196);
    let source = common::source_for(&report.lines.join("\n"), "示例市2023.txt");
    store.add_report(&source, &report).unwrap();
    let body = "示例市推进依法行政，行政复议受理案件数量稳步增长。".repeat(text_chars / 25 + 1);
    for i in 0..drafts {
        store
            .create_draft(None, 2024, &format!("草稿{i}"), &format!("第{i}份\n{body}"))
            .unwrap();
    }
    store
}

#[test]
fn a_copy_is_made_once_a_day_and_listed_with_its_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    drop(library_with(&path, 3, 100));
    assert!(
        list_backups(&path).unwrap().is_empty(),
        "an empty library at its first open is not copied"
    );
    drop(Store::open(&path).unwrap());
    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].kind, BackupKind::Daily);
    assert_eq!(backups[0].drafts, Some(3));
    assert_eq!(backups[0].reports, Some(1));
    assert!(backups[0].size > 0);
    assert!(backups[0].path.starts_with(dir.path().join("backups")));
    drop(Store::open(&path).unwrap());
    assert_eq!(list_backups(&path).unwrap().len(), 1, "one a day");
}

#[test]
fn restoring_a_backup_brings_its_drafts_back_and_keeps_the_current_library() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut store = library_with(&path, 1, 10);
    let draft = store.list_drafts().unwrap()[0].id;
    store.save_version(draft, "备份时的文字").unwrap();
    let backup = store.backup_now(BackupKind::Daily).unwrap();
    store.save_version(draft, "备份后的文字").unwrap();
    let kept = store.restore_backup(&backup.path).unwrap();
    assert_eq!(kept.kind, BackupKind::BeforeRestore);
    assert_eq!(store.latest_draft_text(draft).unwrap(), "备份时的文字");
    store.integrity_check().unwrap();
    // The library as it was before the restore can itself be restored.
    store.restore_backup(&kept.path).unwrap();
    assert_eq!(store.latest_draft_text(draft).unwrap(), "备份后的文字");
    // A file that is no backup is refused and changes nothing.
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, "不是报告库").unwrap();
    let err = store.restore_backup(&junk).unwrap_err();
    assert_eq!(err.code(), "store.backup", "{err}");
    assert_eq!(store.latest_draft_text(draft).unwrap(), "备份后的文字");
}

#[test]
fn a_library_is_copied_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrations().to_version(&mut conn, 2).unwrap();
        conn.execute(
            "INSERT INTO drafts (year, title, created_at) VALUES (2024, '旧草稿', 0)",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::latest_version());
    let backups = list_backups(&path).unwrap();
    let before = backups
        .iter()
        .find(|b| b.kind == BackupKind::BeforeMigration)
        .unwrap_or_else(|| panic!("a copy made before the migration: {backups:?}"));
    assert_eq!(before.drafts, Some(1));
}

#[test]
fn a_newer_versions_library_is_named_as_such_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    drop(library_with(&path, 1, 10));
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", schema::latest_version() as i64 + 7)
            .unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), "store.newer_version");
    let message = err.to_string();
    assert!(message.contains("由更新版本的年报助手创建"), "{message}");
    assert!(!message.contains("migration"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
}

#[test]
fn a_read_only_library_lists_and_searches_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let store = library_with(&path, 2, 10);
    store.checkpoint().unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let writable = std::fs::OpenOptions::new().write(true).open(&path).is_ok();
    let store = Store::open(&path).unwrap();
    if writable {
        eprintln!(
            "running as root: the mode bit does not stop writes; read-only open not exercised"
        );
        return;
    }
    assert!(store.is_read_only());
    assert_eq!(store.list_reports().unwrap().len(), 1);
    assert_eq!(store.list_drafts().unwrap().len(), 2);
    assert!(
        !store
            .search("行政复议", &SearchFilters::default())
            .unwrap()
            .is_empty()
    );
    let err = store.save_version(1, "改动").unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly), "{err}");
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
}

#[test]
fn a_library_overwritten_with_garbage_is_kept_aside_and_its_backup_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let store = library_with(&path, 4, 500);
    store.backup_now(BackupKind::Daily).unwrap();
    store.checkpoint().unwrap();
    drop(store);
    let len = std::fs::metadata(&path).unwrap().len();
    let garbage: Vec<u8> = (0..len).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();

    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), "store.damaged", "{err}");
    let StoreError::Damaged(damage) = &err else {
        unreachable!()
    };
    let message = err.to_string();
    assert!(message.contains("已损坏"), "{message}");
    assert!(
        message.contains(&damage.kept.display().to_string()),
        "{message}"
    );
    assert!(message.contains("最近的备份"), "{message}");
    assert_eq!(
        std::fs::read(&damage.kept).unwrap(),
        garbage,
        "kept as it was"
    );

    // The next open finds the new (empty) library; the backup brings the drafts back.
    let store = Store::open(&path).unwrap();
    assert!(store.list_drafts().unwrap().is_empty());
    drop(store);
    let latest = damage.latest_backup.as_ref().unwrap();
    nianbao_store::restore_backup(&path, &latest.path).unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.list_drafts().unwrap().len(), 4);
    assert_eq!(store.list_reports().unwrap().len(), 1);
    store.integrity_check().unwrap();
}

#[test]
fn a_library_cut_in_half_is_recovered_as_far_as_it_can_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let store = library_with(&path, 120, 1500);
    store.backup_now(BackupKind::Daily).unwrap();
    store.checkpoint().unwrap();
    drop(store);
    let len = std::fs::metadata(&path).unwrap().len();
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(len / 2).unwrap();
    drop(file);

    let (store, damage) = Store::open_recovering(&path).unwrap();
    let damage = damage.expect("the cut is found at open");
    eprintln!(
        "cut in half: {} of 120 drafts, {} reports recovered; kept {}",
        damage.drafts,
        damage.reports,
        damage.kept.display()
    );
    assert_eq!(
        std::fs::metadata(&damage.kept).unwrap().len(),
        len / 2,
        "kept as it was"
    );
    assert!(damage.drafts > 0, "what can be read comes back");
    assert!(damage.drafts < 120);
    assert_eq!(store.list_drafts().unwrap().len(), damage.drafts);
    for d in store.list_drafts().unwrap() {
        let text = store.latest_draft_text(d.id).unwrap();
        assert!(
            text.starts_with(&format!("第{}份", d.id - 1)),
            "draft #{} whole",
            d.id
        );
    }
    store.integrity_check().unwrap();
    assert!(damage.latest_backup.is_some());
    drop(store);
    nianbao_store::restore_backup(&path, &damage.latest_backup.unwrap().path).unwrap();
    assert_eq!(
        Store::open(&path).unwrap().list_drafts().unwrap().len(),
        120
    );
}

#[test]
fn a_report_given_as_the_library_is_refused_not_moved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.docx");
    std::fs::write(&path, "PK\u{3}\u{4} 这不是报告库，是一份报告").unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), "store.corrupt", "{err}");
    assert!(path.exists(), "the file stays where it was");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing created"
    );
}

#[test]
fn a_full_disk_fails_the_save_with_a_reason_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    drop(Store::open(&path).unwrap());
    // A 4 MB file-size limit (512-byte blocks in dash, 1 KiB in bash: either is small); the
    // limit signal is ignored so the write fails with EFBIG instead of killing the writer.
    let script = format!(
        "trap '' XFSZ; ulimit -f 4096 && exec '{}' '{}' fill",
        env!("CARGO_BIN_EXE_nianbao-store-crash-writer"),
        path.display()
    );
    let out = Command::new("sh").arg("-c").arg(&script).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the writer ends normally: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let last = stdout.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "failed store.disk_full",
        "{}",
        &stdout[stdout.len().saturating_sub(300)..]
    );
    let saved: Vec<(i64, usize)> = stdout
        .lines()
        .filter_map(|l| {
            let mut parts = l.strip_prefix("saved ")?.split(' ');
            Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
        })
        .collect();
    assert!(
        saved.len() > 3,
        "saves went through before the disk was full"
    );
    let store = Store::open(&path).unwrap();
    store.integrity_check().unwrap();
    let (id, chars) = *saved.last().unwrap();
    let version = store.get_version(id).unwrap();
    assert_eq!(
        version.text.chars().count(),
        chars,
        "the last returned save is whole"
    );
    // Space is back: the same save goes through.
    let retried = store
        .save_version(
            version.info.draft_id,
            &format!("{}再保存一次", version.text),
        )
        .unwrap();
    assert!(retried > id);
    let err = StoreError::DiskFull.to_string();
    assert!(err.contains("编辑中的文字未丢失"), "{err}");
}
