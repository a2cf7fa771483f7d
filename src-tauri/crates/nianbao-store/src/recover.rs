//! A damaged library (a power cut, a disk error, a sync tool that wrote half a file): it is
//! moved aside — never deleted — and what can still be read is copied into a new library at the
//! same path, table by table and row by row, skipping what SQLite cannot read. The search index
//! is rebuilt from the recovered reports. The caller is told where the damaged file was kept,
//! what came back and which backup is the latest ([`Damage`]).

use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, params_from_iter};
use serde::{Deserialize, Serialize};

use crate::backup::{BackupInfo, list_backups};
use crate::{DB_FILE_NAME, Result, Store, StoreError, clock};

/// A read that failed is skipped ahead this many times per table before the rest of the table
/// is given up (each skip jumps twice as far).
const MAX_SKIPS: u32 = 48;

/// What happened to a damaged library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Damage {
    /// The library (now the recovered one).
    pub path: PathBuf,
    /// Where the damaged file was kept, unchanged.
    pub kept: PathBuf,
    /// What SQLite found wrong.
    pub reason: String,
    /// Reports, drafts and draft versions read back into the new library.
    pub reports: usize,
    pub drafts: usize,
    pub versions: usize,
    /// The newest backup, to offer restoring.
    pub latest_backup: Option<BackupInfo>,
}

/// The Chinese explanation (with English in brackets) of a damaged library.
pub fn damage_message(d: &Damage) -> String {
    let backup = match &d.latest_backup {
        Some(b) => format!(
            "最近的备份是 {} 的 {}（{} 份草稿），可在「备份」中恢复。",
            b.date,
            b.path.display(),
            b.drafts.map_or_else(|| "?".to_owned(), |n| n.to_string())
        ),
        None => "没有找到备份。".to_owned(),
    };
    format!(
        "报告库文件已损坏（{}）。损坏的文件已原样保留在 {}；能读出的内容已恢复到新的报告库：{} 份报告、{} 份草稿（{} 个版本）。{backup}(the library was damaged; the file was kept and what could be read was recovered)",
        d.reason,
        d.kept.display(),
        d.reports,
        d.drafts,
        d.versions
    )
}

/// `library.sqlite3` + `-wal` → `library.sqlite3-wal`.
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether a file that SQLite calls damaged is a library to recover, not some other file a
/// drafter named by mistake (a report given as `--db`): it starts like an SQLite file, or has
/// the library's name or a write-ahead log. And it can be moved aside.
pub(crate) fn may_recover(path: &Path) -> bool {
    let sqlite_header = std::fs::File::open(path)
        .and_then(|mut f| {
            let mut head = [0u8; 16];
            std::io::Read::read_exact(&mut f, &mut head).map(|()| head)
        })
        .is_ok_and(|head| &head == b"SQLite format 3\0");
    let named = path.file_name().is_some_and(|n| n == DB_FILE_NAME);
    let logged = sidecar(path, "-wal").exists();
    let movable = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .metadata()
        .is_ok_and(|m| !m.permissions().readonly());
    movable && (sqlite_header || named || logged)
}

/// Move the damaged library aside and recover what can be read into a new one at `path`.
pub(crate) fn salvage(path: &Path, reason: &str) -> Result<Damage> {
    let kept = kept_path(path);
    std::fs::rename(path, &kept).map_err(|e| StoreError::DataDir {
        path: path.display().to_string(),
        reason: format!("报告库已损坏，但无法移到一旁：{e}"),
    })?;
    for suffix in ["-wal", "-shm"] {
        let from = sidecar(path, suffix);
        if from.exists() {
            let _ = std::fs::rename(&from, sidecar(&kept, suffix));
        }
    }
    let store = Store::open_file(path)?;
    // Read from a scratch copy: opening the kept file itself could change it (SQLite folds in a
    // write-ahead log when it opens), and a read-only open of a WAL library needs its index.
    let scratch = sidecar(&kept, ".reading");
    let copied = std::fs::copy(&kept, &scratch).is_ok()
        && (!sidecar(&kept, "-wal").exists()
            || std::fs::copy(sidecar(&kept, "-wal"), sidecar(&scratch, "-wal")).is_ok());
    if copied
        && let Ok(old) = Connection::open_with_flags(
            &scratch,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    {
        let _ = old.busy_timeout(std::time::Duration::from_secs(1));
        // Lets SQLite read a file shorter than its header says (it refuses otherwise); nothing
        // is written through this connection.
        let _ = old.pragma_update(None, "writable_schema", "ON");
        let result = copy_tables(&old, &store);
        drop(old);
        remove_scratch(&scratch);
        result?;
    } else {
        remove_scratch(&scratch);
    }
    let count = |table: &str| -> Result<usize> {
        let n: i64 = store
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    };
    Ok(Damage {
        path: path.to_owned(),
        kept,
        reason: reason.to_owned(),
        reports: count("reports")?,
        drafts: count("drafts")?,
        versions: count("draft_versions")?,
        latest_backup: list_backups(path).ok().and_then(|b| b.into_iter().next()),
    })
}

/// Remove the scratch copy read from (ours alone: the kept file is never touched).
fn remove_scratch(scratch: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(sidecar(scratch, suffix));
    }
}

/// `library.sqlite3.damaged-20261205-164901` (a number added if that exists).
fn kept_path(path: &Path) -> PathBuf {
    let stamp = crate::backup::stamp(clock::now_ms());
    let mut kept = sidecar(path, &format!(".damaged-{stamp}"));
    let mut n = 1;
    while kept.exists() {
        kept = sidecar(path, &format!(".damaged-{stamp}-{n}"));
        n += 1;
    }
    kept
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let Ok(mut stmt) = conn.prepare(&format!("PRAGMA table_info({})", quoted(table))) else {
        return Vec::new();
    };
    stmt.query_map([], |r| r.get::<_, String>(1))
        .map(|rows| rows.filter_map(std::result::Result::ok).collect())
        .unwrap_or_default()
}

/// Copy every ordinary table the new library has from the old file, the columns both have, row
/// by row; then drop rows whose parent was lost and rebuild the search index.
fn copy_tables(old: &Connection, store: &Store) -> Result<()> {
    let tables: Vec<String> = store
        .conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'paragraph%' ORDER BY rowid",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    store.conn.pragma_update(None, "foreign_keys", "OFF")?;
    let copied = store.write(|tx| {
        for table in &tables {
            let old_columns = columns(old, table);
            let common: Vec<String> = columns(tx, table)
                .into_iter()
                .filter(|c| old_columns.contains(c))
                .collect();
            if common.is_empty() {
                continue;
            }
            let list = common
                .iter()
                .map(|c| quoted(c))
                .collect::<Vec<_>>()
                .join(", ");
            let marks = vec!["?"; common.len()].join(", ");
            let mut insert = tx.prepare(&format!(
                "INSERT OR IGNORE INTO {} ({list}) VALUES ({marks})",
                quoted(table)
            ))?;
            let select = format!(
                "SELECT rowid, {list} FROM {} WHERE rowid > ?1 ORDER BY rowid",
                quoted(table)
            );
            let mut from = i64::MIN;
            let mut skips = 0u32;
            'table: loop {
                let Ok(mut stmt) = old.prepare(&select) else {
                    break;
                };
                let Ok(mut rows) = stmt.query([from]) else {
                    break;
                };
                loop {
                    match rows.next() {
                        Ok(Some(row)) => {
                            let Ok(rowid) = row.get::<_, i64>(0) else {
                                continue;
                            };
                            from = rowid;
                            let values: Vec<Value> = (1..=common.len())
                                .map(|i| row.get::<_, Value>(i).unwrap_or(Value::Null))
                                .collect();
                            // A row that does not fit (a NULL where one is not allowed) is
                            // skipped, not a reason to stop.
                            let _ = insert.execute(params_from_iter(values));
                        }
                        Ok(None) => break 'table,
                        Err(_) => break,
                    }
                }
                skips += 1;
                if skips > MAX_SKIPS {
                    break;
                }
                from = from.saturating_add(1i64 << (skips - 1).min(40));
            }
        }
        Ok(())
    });
    store.conn.pragma_update(None, "foreign_keys", "ON")?;
    copied?;
    store.write(|tx| {
        // Rows whose parent row was lost, until none is left (a lost draft takes its versions).
        loop {
            let orphans: Vec<(String, i64)> = tx
                .prepare("PRAGMA foreign_key_check")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            if orphans.is_empty() {
                break;
            }
            for (table, rowid) in orphans {
                tx.execute(
                    &format!("DELETE FROM {} WHERE rowid = ?1", quoted(&table)),
                    [rowid],
                )?;
            }
        }
        // A draft is its versions: one whose every version was lost holds nothing.
        tx.execute(
            "DELETE FROM drafts WHERE id NOT IN (SELECT draft_id FROM draft_versions)",
            [],
        )?;
        tx.execute("UPDATE reports SET indexed = 0", [])?;
        Ok(())
    })?;
    store.index_missing_reports()
}
