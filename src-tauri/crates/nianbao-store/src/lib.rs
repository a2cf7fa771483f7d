//! The report library in SQLite: reports, drafts, autosaved versions, figures, full-text search.
//!
//! The only crate that writes SQL, and [`Store`] is its one owner of a connection: it opens with
//! WAL, `busy_timeout` and foreign keys on, and applies the embedded migrations ([`schema`]) in
//! transactions. One module per table; callers see plain typed values, never SQL or rows.
//! It must never decide where the data folder is on its own (the app passes it; see [`paths`]).

mod clock;
pub mod drafts;
mod error;
pub mod figures;
pub mod paths;
pub mod reports;
pub mod schema;
pub mod search;
pub mod snippet;
pub mod thinning;
pub mod versions;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

pub use drafts::DraftSummary;
pub use error::{Result, StoreError};
pub use figures::MetricPoint;
pub use paths::{DB_FILE_NAME, data_dir_override, default_db_path, platform_data_dir};
pub use reports::{AddedReport, ReportSummary, Source, StoredReport, hash_bytes};
pub use search::{SearchFilters, SearchHit};
pub use snippet::Snippet;
pub use thinning::{ThinningRule, VersionStamp};
pub use versions::{Version, VersionInfo};

/// How long a writer waits for another connection's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The library: one SQLite connection, migrated to the latest schema.
///
/// Not `Sync`: the app keeps it behind a mutex; each method is one short transaction.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Open (creating if needed) the library at `path`; creates the parent folder.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::DataDir {
                path: parent.display().to_string(),
                reason: e.to_string(),
            })?;
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        Store::prepare(conn)
    }

    /// A private library that lives only as long as the value (tests, previews).
    pub fn open_in_memory() -> Result<Store> {
        Store::prepare(Connection::open_in_memory()?)
    }

    /// Open the library at [`default_db_path`].
    pub fn open_default() -> Result<Store> {
        let path = default_db_path().ok_or(StoreError::NoDataDir)?;
        Store::open(&path)
    }

    fn prepare(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // WAL: readers never block the autosave, and a killed process loses no committed save.
        // synchronous=NORMAL is durable against a crash of the app (the case that matters for
        // autosave); a power cut may lose the last commits, never corrupt the file.
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrations().to_latest(&mut conn)?;
        let store = Store { conn };
        store.index_missing_reports()?;
        Ok(store)
    }

    /// `PRAGMA integrity_check`: `Ok(())` when SQLite finds nothing wrong.
    pub fn integrity_check(&self) -> Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if rows == ["ok"] {
            Ok(())
        } else {
            Err(StoreError::Corrupt(rows.join("; ")))
        }
    }

    /// Fold the write-ahead log into the main file (on quit, or before copying the file).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// The schema version the database is at (equals [`schema::latest_version`] once open).
    pub fn schema_version(&self) -> Result<usize> {
        let v: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        Ok(usize::try_from(v).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_store_has_foreign_keys_on() {
        let store = Store::open_in_memory().expect("open");
        let fk: i64 = store
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .expect("pragma");
        assert_eq!(
            fk, 1,
            "cascading deletes rely on foreign keys being enforced"
        );
    }

    #[test]
    fn file_store_uses_wal_and_creates_its_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("nested/folder").join(DB_FILE_NAME);
        let store = Store::open(&path).expect("open creates the folder");
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .expect("pragma");
        assert_eq!(mode, "wal", "autosave must not block readers");
        assert_eq!(
            store.schema_version().expect("version"),
            schema::latest_version(),
            "open migrates to the latest schema"
        );
        store.integrity_check().expect("a fresh library is intact");
    }
}
