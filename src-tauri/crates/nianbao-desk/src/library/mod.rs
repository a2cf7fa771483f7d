//! The drafter's library of one data folder and every use case over it, one method each: the
//! glue that holds the store lock, passes the office profile and caches parsed reports. Each
//! method calls the crate function that does the work and maps its result to a [`crate::dto`]
//! type. It must never judge report text itself (parsing, checking and drafting live in the
//! domain crates).

mod checks;
mod delivery;
mod dismissals;
mod drafts;
mod links;
mod report_meta;
mod reports;
mod safety;
mod seed;
mod templates;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use nianbao_report::Report;
use nianbao_store::Store;

use crate::DeskError;
use crate::office::Office;

pub(crate) use dismissals::finding_key;
pub use reports::{ReadReport, read_report};
pub use safety::{BackupItem, DamageNotice, LibraryStart, RestoreOutcome};
pub use seed::SEED_MARKER;

/// Parsed reports kept for checking; a drafter compares against one or two, so a small bound
/// only guards against a long session of browsing.
const CACHED_REPORTS: usize = 16;

/// The library of one data folder, as the window and the command use it. `Sync`: the window
/// shares one between its commands; the store is opened on first use, so a broken data folder
/// is an error in a use case, not a crash.
#[derive(Debug)]
pub struct Desk {
    /// The data folder: the office's files and the sample-library marker. `None` for a
    /// command run on a library file alone (`--db`) without `NIANBAO_DATA_DIR`.
    data_dir: Option<PathBuf>,
    /// The library file; `None`: the default one (`NIANBAO_DATA_DIR` or the platform's).
    db: Option<PathBuf>,
    store: Mutex<Option<Store>>,
    /// Stored reports by id, parsed once (reports never change once stored).
    reports: Mutex<HashMap<i64, Arc<Report>>>,
    office: Mutex<Arc<Office>>,
}

impl Desk {
    /// The library in a data folder (`<dir>/library.sqlite3`, the office's files beside it).
    pub fn in_folder(dir: impl Into<PathBuf>) -> Desk {
        let dir = dir.into();
        let db = dir.join(nianbao_store::DB_FILE_NAME);
        Desk::new(Some(dir), Some(db))
    }

    /// The library in `db` (else the default library file), with the office's files of
    /// `data_dir` when given.
    pub fn new(data_dir: Option<PathBuf>, db: Option<PathBuf>) -> Desk {
        let office = Office::load(data_dir.as_deref());
        Desk {
            data_dir,
            db,
            store: Mutex::default(),
            reports: Mutex::default(),
            office: Mutex::new(Arc::new(office)),
        }
    }

    /// The data folder, when there is one.
    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// The office profile in use: rebuilt when one of the office's files changed since.
    pub fn office(&self) -> Arc<Office> {
        let mut office = self.office.lock().unwrap_or_else(PoisonError::into_inner);
        if !office.is_current() {
            *office = Arc::new(Office::load(self.data_dir.as_deref()));
        }
        Arc::clone(&office)
    }

    /// On quit: fold the write-ahead log into the library file, so the folder holds one
    /// self-contained file a drafter can copy. Nothing is lost if this fails (WAL is durable).
    pub fn close(&self) {
        let store = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(store) = store.as_ref() {
            let _ = store.checkpoint();
        }
    }

    /// Run `f` with the store, opening it on first use. One caller at a time: the store is a
    /// single SQLite connection and each of its methods is one short transaction.
    pub(crate) fn with_store<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        let mut slot = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let store = match slot.take() {
            Some(store) => store,
            None => match &self.db {
                Some(path) => Store::open(path)?,
                None => Store::open_default()?,
            },
        };
        let store = slot.insert(store);
        f(store)
    }

    /// A stored report, parsed once and then kept (checks run while the drafter types).
    fn report(&self, id: i64) -> Result<Arc<Report>, DeskError> {
        if let Some(report) = self
            .reports
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&id)
        {
            return Ok(Arc::clone(report));
        }
        let report = Arc::new(self.with_store(|s| Ok(s.get_report(id)?.report))?);
        let mut reports = self.reports.lock().unwrap_or_else(PoisonError::into_inner);
        if reports.len() >= CACHED_REPORTS {
            reports.clear();
        }
        reports.insert(id, Arc::clone(&report));
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_folds_the_write_ahead_log_into_the_library() {
        let dir = tempfile::tempdir().expect("temp dir");
        let desk = Desk::in_folder(dir.path());
        desk.overview().expect("the sample library is seeded");
        let wal = dir
            .path()
            .join(format!("{}-wal", nianbao_store::DB_FILE_NAME));
        let before = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        assert!(before > 0, "seeding wrote to the log first");
        desk.close();
        let after = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        assert_eq!(after, 0, "after closing, everything is in library.sqlite3");
    }
}
