//! The app's state: the data folder, the one library connection and the parsed reports that
//! `check_draft` compares against. Managed once per app; commands reach it through
//! [`crate::library::Library`]. It must never hold the store lock while a check runs.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use nianbao_report::Report;
use nianbao_store::Store;

use crate::{AppError, paths};

/// Parsed reports kept for checking; a drafter compares against one or two, so a small bound
/// only guards against a long session of browsing.
const CACHED_REPORTS: usize = 16;

/// Everything the commands share.
#[derive(Debug, Default)]
pub struct AppState {
    /// Fixed by [`AppState::at`], or decided on first use from the app handle.
    data_dir: OnceLock<PathBuf>,
    /// Opened on first use, so a broken data folder is an error in a command, not a crash.
    pub(crate) store: Mutex<Option<Store>>,
    /// Last year's reports by id, parsed once (reports never change once stored).
    pub(crate) reports: Mutex<HashMap<i64, Arc<Report>>>,
}

impl AppState {
    /// State whose data folder is `NIANBAO_DATA_DIR` or the platform's, decided on first use.
    pub fn new() -> Self {
        AppState::default()
    }

    /// State on a given data folder (the command tests use a temporary one).
    pub fn at(data_dir: impl Into<PathBuf>) -> Self {
        let state = AppState::default();
        let _ = state.data_dir.set(data_dir.into());
        state
    }

    /// The data folder of this run.
    pub fn data_dir<R: tauri::Runtime>(
        &self,
        app: &tauri::AppHandle<R>,
    ) -> Result<PathBuf, AppError> {
        if let Some(dir) = self.data_dir.get() {
            return Ok(dir.clone());
        }
        let dir = paths::data_dir(app)?;
        Ok(self.data_dir.get_or_init(|| dir).clone())
    }

    /// On quit: fold the write-ahead log into the library file, so the folder holds one
    /// self-contained file a drafter can copy. Nothing is lost if this fails (WAL is durable).
    pub fn close(&self) {
        let store = self
            .store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(store) = store.as_ref() {
            let _ = store.checkpoint();
        }
    }

    /// Remember a parsed report, forgetting the others when the cache is full.
    pub(crate) fn cache_report(&self, id: i64, report: Arc<Report>) {
        let mut reports = self
            .reports
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if reports.len() >= CACHED_REPORTS {
            reports.clear();
        }
        reports.insert(id, report);
    }

    pub(crate) fn cached_report(&self, id: i64) -> Option<Arc<Report>> {
        self.reports
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&id)
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_folds_the_write_ahead_log_into_the_library() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::at(dir.path());
        crate::library::Library::new(&state, dir.path().to_owned())
            .overview()
            .expect("the sample library is seeded");
        let wal = dir
            .path()
            .join(format!("{}-wal", nianbao_store::DB_FILE_NAME));
        let before = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        assert!(before > 0, "seeding wrote to the log first");
        state.close();
        let after = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        assert_eq!(after, 0, "after closing, everything is in library.sqlite3");
    }
}
