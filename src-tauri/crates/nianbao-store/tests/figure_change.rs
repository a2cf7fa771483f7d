//! `Figure.change` (a stated change such as `同比增长12.5%`, not a level) survives the store, and
//! a library from before the column existed opens with its figures read as levels.

use nianbao_import::SourceFormat;
use nianbao_store::{Source, Store, hash_bytes, schema};
use rusqlite::Connection;

const TEXT: &str = "示例市2024年法治政府建设年度报告\n一、化解矛盾纠纷\n\
                    全年受理行政复议申请128件，同比增长12.5%，比上年增加15件。";

fn source(tag: &[u8]) -> Source {
    Source {
        name: "示例市.txt".into(),
        hash: hash_bytes(tag),
        format: SourceFormat::Text,
        encoding: "UTF-8".into(),
    }
}

fn figure_columns(conn: &Connection) -> Vec<String> {
    conn.prepare("SELECT name FROM pragma_table_info('figures')")
        .expect("columns")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("names")
}

#[test]
fn changes_and_levels_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("library.sqlite3");
    let report = nianbao_report::parse_text(TEXT);
    let changes = report.figures.iter().filter(|f| f.change).count();
    assert!(
        changes >= 1 && changes < report.figures.len(),
        "levels and changes: {:?}",
        report.figures
    );
    let id = {
        let store = Store::open(&path).expect("open");
        store.add_report(&source(b"a"), &report).expect("add").id
    };
    let store = Store::open(&path).expect("reopen");
    let back = store.get_report(id).expect("get").report;
    assert_eq!(back.figures, report.figures, "every figure as parsed");
}

#[test]
fn a_library_from_before_the_column_opens_and_stores_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("library.sqlite3");
    let report = nianbao_report::parse_text(TEXT);
    // The version just before the one that added the column (later migrations may follow it).
    let old = (1..=schema::latest_version())
        .find(|&v| {
            let mut conn = Connection::open_in_memory().expect("memory");
            schema::migrations()
                .to_version(&mut conn, v)
                .expect("migrate");
            figure_columns(&conn).iter().any(|c| c == "change")
        })
        .expect("a migration adds figures.change")
        - 1;
    let old_id = {
        let mut conn = Connection::open(&path).expect("open raw");
        schema::migrations()
            .to_version(&mut conn, old)
            .expect("old");
        let columns = figure_columns(&conn);
        assert!(!columns.iter().any(|c| c == "change"), "{columns:?}");
        // The same report as an older nianbao wrote it: its figures without the column.
        conn.execute(
            "INSERT INTO reports (source_name, source_hash, source_format, encoding, government,
                year, title, meta_json, text, body_start, outline_json, added_at)
             VALUES ('old.txt', 'h', 'text', 'UTF-8', ?1, 2024, ?2, ?3, ?4, ?5, ?6, 0)",
            rusqlite::params![
                report.meta.government,
                report.meta.title,
                serde_json::to_string(&report.meta).expect("json"),
                report.lines.join("\n"),
                i64::try_from(report.body_start).expect("small"),
                serde_json::to_string(&report.sections).expect("json"),
            ],
        )
        .expect("old report row");
        let id = conn.last_insert_rowid();
        for f in &report.figures {
            conn.execute(
                "INSERT INTO figures (report_id, metric, family, value, unit, approx, raw, line,
                    start_byte, end_byte, excerpt, section)
                 VALUES (?1, ?2, '', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    id,
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
            .expect("old figure row");
        }
        id
    };
    let store = Store::open(&path).expect("the old library opens and upgrades");
    assert_eq!(
        store.schema_version().expect("version"),
        schema::latest_version()
    );
    let old_back = store.get_report(old_id).expect("kept").report;
    assert_eq!(
        old_back.figures.len(),
        report.figures.len(),
        "no figure lost"
    );
    assert!(
        old_back.figures.iter().all(|f| !f.change),
        "rows from before the column read as levels"
    );
    for (a, b) in old_back.figures.iter().zip(&report.figures) {
        assert_eq!((&a.metric, a.value, &a.raw), (&b.metric, b.value, &b.raw));
    }
    // A report added after the upgrade keeps its changes.
    let new_id = store.add_report(&source(b"new"), &report).expect("add").id;
    assert_eq!(
        store.get_report(new_id).expect("get").report.figures,
        report.figures
    );
}
