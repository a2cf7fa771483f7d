//! The embedded migrations: valid, and every one applies both to an empty database and to a
//! database left at the version before it — with the data already there kept (and reports from
//! before search existed indexed when the store opens).

mod common;

use nianbao_store::{SearchFilters, Store, schema};
use rusqlite::Connection;

#[test]
fn migrations_validate() {
    schema::migrations()
        .validate()
        .expect("rusqlite_migration's own check of the whole list");
}

#[test]
fn every_version_migrates_to_the_latest() {
    for from in 0..=schema::latest_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("library.sqlite3");
        {
            let mut conn = Connection::open(&path).expect("open raw");
            schema::migrations()
                .to_version(&mut conn, from)
                .unwrap_or_else(|e| panic!("migrate an empty database to version {from}: {e}"));
        }
        let store = Store::open(&path)
            .unwrap_or_else(|e| panic!("a version-{from} library opens and upgrades: {e}"));
        assert_eq!(
            store.schema_version().expect("version"),
            schema::latest_version(),
            "from version {from}"
        );
        store.integrity_check().expect("intact after upgrade");
    }
}

#[test]
fn a_report_stored_before_search_existed_is_found_after_the_upgrade() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("library.sqlite3");
    let report = common::shili_report("示例市", 2023, 196);
    {
        // A version-1 library written by an older nianbao: reports table only.
        let mut conn = Connection::open(&path).expect("open raw");
        schema::migrations().to_version(&mut conn, 1).expect("v1");
        conn.execute(
            "INSERT INTO reports (source_name, source_hash, source_format, encoding, government,
                year, title, meta_json, text, body_start, outline_json, added_at)
             VALUES ('old.txt', 'h', 'text', 'UTF-8', ?1, 2023, ?2, ?3, ?4, ?5, ?6, 0)",
            rusqlite::params![
                report.meta.government,
                report.meta.title,
                serde_json::to_string(&report.meta).expect("json"),
                report.lines.join("\n"),
                i64::try_from(report.body_start).expect("small"),
                serde_json::to_string(&report.sections).expect("json"),
            ],
        )
        .expect("insert v1 row");
        for f in &report.figures {
            conn.execute(
                "INSERT INTO figures (report_id, metric, family, value, unit, approx, raw, line,
                    start_byte, end_byte, excerpt, section)
                 VALUES (1, ?1, '', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                rusqlite::params![
                    f.metric,
                    f.value,
                    f.unit,
                    f.approx,
                    f.raw,
                    i64::try_from(f.line).expect("small"),
                    i64::try_from(f.start).expect("small"),
                    i64::try_from(f.end).expect("small"),
                    f.excerpt,
                    f.section.key()
                ],
            )
            .expect("insert v1 figure");
        }
    }
    let store = Store::open(&path).expect("upgrade");
    assert_eq!(
        store.get_report(1).expect("kept").report,
        report,
        "the upgrade keeps the report exactly"
    );
    let hits = store
        .search("行政复议", &SearchFilters::default())
        .expect("search");
    assert!(
        !hits.is_empty(),
        "open indexes reports that predate the search tables"
    );
}
