//! The report library in SQLite: reports, drafts, autosaved versions, figures, full-text search.
//!
//! The only crate that writes SQL, and [`Store`] is its one owner of a connection: it opens with
//! WAL, `busy_timeout` and foreign keys on, and applies the embedded migrations ([`schema`]) in
//! transactions. One module per table; callers see plain typed values, never SQL or rows.
//! It must never decide where the data folder is on its own (the app passes it; see [`paths`]).

pub mod backup;
mod clock;
pub mod delivery;
pub mod dismissals;
pub mod drafts;
mod error;
pub mod figures;
pub mod history;
pub mod links;
pub mod materials;
pub mod paths;
pub mod recover;
pub mod report_meta;
pub mod reports;
pub mod schema;
pub mod search;
pub mod snippet;
pub mod thinning;
pub mod versions;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use backup::{BackupInfo, BackupKind, list_backups, restore_backup};
pub use dismissals::Dismissal;
pub use drafts::DraftSummary;
pub use error::{Result, StoreError};
pub use figures::MetricPoint;
pub use history::{ChainPoint, MetricHistory};
pub use links::StoredLink;
pub use materials::{
    MaterialHit, MaterialSearchPage, MaterialUse, NewMaterial, NewParagraph, NewStat,
    StoredDepartment, StoredMaterial, StoredParagraph, StoredStat,
};
pub use paths::{DB_FILE_NAME, data_dir_override, default_db_path, platform_data_dir};
pub use recover::Damage;
pub use reports::{AddedReport, ReportSummary, Source, StoredReport, hash_bytes};
pub use search::{SearchFilters, SearchHit, SearchPage};
pub use snippet::Snippet;
pub use thinning::{ThinningRule, VersionStamp};
pub use versions::{Version, VersionInfo};

/// How long a writer waits for another connection's lock before giving up on one attempt.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How many times a whole write transaction is tried when another writer kept the lock (each
/// attempt itself waits up to [`BUSY_TIMEOUT`]); the pause between attempts doubles from 20 ms.
const WRITE_ATTEMPTS: u32 = 6;

/// Libraries up to this size get SQLite's `quick_check` when opened (a damaged file is found
/// before the drafter works in it); larger ones only the structural checks, which are instant.
const QUICK_CHECK_MAX_BYTES: u64 = 128 * 1024 * 1024;

/// The library: one SQLite connection, migrated to the latest schema.
///
/// Not `Sync`: the app keeps it behind a mutex; each method is one short transaction. Every
/// writing transaction starts with `BEGIN IMMEDIATE` ([`Store::write`]): a deferred transaction
/// that reads first and writes later cannot wait for another process's write lock (SQLite
/// answers `SQLITE_BUSY` at once to avoid a deadlock), which is how two `library add` runs on one
/// library used to fail with "database is locked".
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    /// The library file; `None` in memory.
    path: Option<PathBuf>,
    /// Opened read-only (the file is not writable): reading and searching work, writes are
    /// refused with [`StoreError::ReadOnly`].
    read_only: bool,
}

impl Store {
    /// Open (creating if needed) the library at `path`; creates the parent folder.
    ///
    /// A damaged file is moved aside and what can be read is recovered into a new library at
    /// `path` (see [`Store::open_recovering`]); this then fails with [`StoreError::Damaged`],
    /// which says where the damaged file was kept, and the next open finds the recovered library.
    pub fn open(path: &Path) -> Result<Store> {
        match Store::open_recovering(path)? {
            (store, None) => Ok(store),
            (_, Some(damage)) => Err(StoreError::Damaged(Box::new(damage))),
        }
    }

    /// Open a library at a path the drafter typed (`--db`): its folder must exist already (a
    /// typo must not create folders and an empty library).
    pub fn open_existing_folder(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && !parent.is_dir()
        {
            return Err(StoreError::DataDir {
                path: parent.display().to_string(),
                reason: "文件夹不存在 (no such folder)".to_owned(),
            });
        }
        Store::open(path)
    }

    /// Open like [`Store::open`], but a damaged library does not stop the caller: it is moved
    /// aside, recovered into a new library, and the store of the new library is returned with
    /// what happened (for the window to explain and to offer the latest backup).
    pub fn open_recovering(path: &Path) -> Result<(Store, Option<Damage>)> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::DataDir {
                path: parent.display().to_string(),
                reason: e.to_string(),
            })?;
        }
        match Store::open_file(path) {
            Ok(store) => {
                if !store.read_only {
                    // A daily copy; a failure here must not stop the drafter from working.
                    let _ = store.backup_if_due();
                }
                Ok((store, None))
            }
            Err(StoreError::Corrupt(reason)) if recover::may_recover(path) => {
                let damage = recover::salvage(path, &reason)?;
                let store = Store::open_file(path)?;
                Ok((store, Some(damage)))
            }
            Err(e) => Err(e),
        }
    }

    /// A private library that lives only as long as the value (tests, previews).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Store::prepare(conn, None)
    }

    /// Open the library at [`default_db_path`].
    pub fn open_default() -> Result<Store> {
        let path = default_db_path().ok_or(StoreError::NoDataDir)?;
        Store::open(&path)
    }

    /// The library file (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the library was opened read-only because its file cannot be written.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Open the file: read-only when it cannot be written, refusing what is not a library file,
    /// a newer version's library, and a damaged one ([`StoreError::Corrupt`]).
    fn open_file(path: &Path) -> Result<Store> {
        let display = path.display().to_string();
        let meta = std::fs::metadata(path).ok();
        if let Some(meta) = &meta
            && !meta.is_file()
        {
            return Err(StoreError::NotAFile { path: display });
        }
        if meta.is_some() && !writable(path) {
            return Store::open_read_only(path);
        }
        let mut attempt = 0;
        loop {
            let conn = Connection::open(path).map_err(|source| StoreError::Open {
                path: display.clone(),
                source,
            })?;
            match Store::prepare(conn, Some(path)) {
                Err(e) if e.is_busy() && attempt < WRITE_ATTEMPTS => {
                    pause(attempt);
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// Open an existing library without writing anything to it (what [`Store::open`] does by
    /// itself when the file is not writable): lists, reports and search work; every write fails
    /// with [`StoreError::ReadOnly`].
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let store = Store {
            conn,
            path: Some(path.to_owned()),
            read_only: true,
        };
        let version = store.checked_version()?;
        if version != schema::latest_version() {
            // An older library would have to be migrated first, which needs writing.
            return Err(StoreError::ReadOnly);
        }
        store.structural_check()?;
        Ok(store)
    }

    fn prepare(conn: Connection, path: Option<&Path>) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mut store = Store {
            conn,
            path: path.map(Path::to_owned),
            read_only: false,
        };
        // Before anything writes (setting WAL writes the header): refuse a newer library and
        // find a damaged one.
        let version = store.checked_version()?;
        store.structural_check()?;
        // WAL: readers never block the autosave, and a killed process loses no committed save.
        // synchronous=NORMAL is durable against a crash of the app (the case that matters for
        // autosave); a power cut may lose the last commits, never corrupt the file.
        let _mode: String =
            store
                .conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        store.conn.pragma_update(None, "synchronous", "NORMAL")?;
        store.conn.pragma_update(None, "foreign_keys", "ON")?;
        // Every transaction, the migrations' too, takes the write lock when it begins.
        store
            .conn
            .set_transaction_behavior(TransactionBehavior::Immediate);
        if version > 0 && version < schema::latest_version() && path.is_some() {
            store.backup_now(BackupKind::BeforeMigration).map_err(|e| {
                StoreError::Backup(format!("升级前的备份未能完成，报告库未改动：{e}"))
            })?;
        }
        store.migrate()?;
        store.index_missing_reports()?;
        Ok(store)
    }

    /// Apply the migrations. Two processes opening a new library at once both see version 0;
    /// the second waits for the first's lock and then finds its tables made: that is success.
    fn migrate(&mut self) -> Result<()> {
        let mut attempt = 0;
        loop {
            match schema::migrations().to_latest(&mut self.conn) {
                Ok(()) => return Ok(()),
                Err(e) => {
                    if self.checked_version()? == schema::latest_version() {
                        return Ok(());
                    }
                    let e = match e {
                        rusqlite_migration::Error::RusqliteError { err, .. } => {
                            StoreError::from(err)
                        }
                        e => StoreError::Migration(e),
                    };
                    if !e.is_busy() || attempt >= WRITE_ATTEMPTS {
                        return Err(e);
                    }
                    pause(attempt);
                    attempt += 1;
                }
            }
        }
    }

    /// The schema version, refusing a library made by a newer 年报助手.
    fn checked_version(&self) -> Result<usize> {
        let version = self.schema_version()?;
        if version > schema::latest_version() {
            return Err(StoreError::NewerVersion {
                path: self
                    .path
                    .as_ref()
                    .map_or_else(String::new, |p| p.display().to_string()),
                found: version,
                supported: schema::latest_version(),
            });
        }
        Ok(version)
    }

    /// Find a damaged file before it is used: a header that is not SQLite's, a file shorter
    /// than its pages, and (for libraries up to [`QUICK_CHECK_MAX_BYTES`]) `quick_check`.
    fn structural_check(&self) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let pragma = |name: &str| -> Result<u64> {
            let v: i64 = self.conn.pragma_query_value(None, name, |r| r.get(0))?;
            Ok(u64::try_from(v).unwrap_or(0))
        };
        let page_size = pragma("page_size")?;
        let page_count = pragma("page_count")?;
        let file_len = std::fs::metadata(path).map_or(0, |m| m.len());
        let wal_len = std::fs::metadata(recover::sidecar(path, "-wal")).map_or(0, |m| m.len());
        // Pages not yet folded in from the write-ahead log may lie beyond the file's end.
        if wal_len == 0 && page_count.saturating_mul(page_size) > file_len {
            return Err(StoreError::Corrupt(format!(
                "文件比它的内容短：应有 {} 字节，只有 {file_len} 字节 (the file is truncated)",
                page_count.saturating_mul(page_size)
            )));
        }
        if page_count.saturating_mul(page_size) <= QUICK_CHECK_MAX_BYTES {
            let rows: Vec<String> = self
                .conn
                .prepare("PRAGMA quick_check(5)")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if rows != ["ok"] {
                return Err(StoreError::Corrupt(rows.join("; ")));
            }
        }
        Ok(())
    }

    /// Run `f` in one writing transaction (`BEGIN IMMEDIATE`), committed when `f` returns `Ok`.
    /// When another process kept the library locked longer than the busy timeout, the whole
    /// transaction is tried again, a bounded number of times.
    pub(crate) fn write<T>(&self, mut f: impl FnMut(&Transaction<'_>) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let mut attempt = 0;
        loop {
            let result = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
                .map_err(StoreError::from)
                .and_then(|tx| {
                    let value = f(&tx)?;
                    tx.commit()?;
                    Ok(value)
                });
            match result {
                Err(e) if e.is_busy() && attempt < WRITE_ATTEMPTS => {
                    pause(attempt);
                    attempt += 1;
                }
                other => return other,
            }
        }
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
        if self.read_only {
            return Ok(());
        }
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

/// Whether the file can be opened for writing (a read-only mode bit, a read-only mount, a file
/// owned by someone else).
fn writable(path: &Path) -> bool {
    std::fs::OpenOptions::new().write(true).open(path).is_ok()
}

/// The pause before retry `attempt` (0-based): 20 ms, 40 ms, … 640 ms.
fn pause(attempt: u32) {
    std::thread::sleep(Duration::from_millis(20u64 << attempt.min(5)));
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
