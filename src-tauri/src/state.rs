//! The app's state: the data folder and the one [`Desk`] (library and office profile) the
//! commands share. Managed once per app; the desk opens on first use, in the folder decided then.

use std::path::PathBuf;
use std::sync::OnceLock;

use nianbao_desk::{Desk, LibraryStart};

use crate::{AppError, paths};

/// Everything the commands share.
#[derive(Debug, Default)]
pub struct AppState {
    /// Fixed by [`AppState::at`], or decided on first use from the app handle.
    data_dir: OnceLock<PathBuf>,
    desk: OnceLock<Desk>,
    /// How the library was found when the desk opened it (`None`: opening failed).
    started: OnceLock<Option<LibraryStart>>,
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

    /// The desk of this run's data folder.
    pub fn desk<R: tauri::Runtime>(&self, app: &tauri::AppHandle<R>) -> Result<&Desk, AppError> {
        if let Some(desk) = self.desk.get() {
            self.started.get_or_init(|| desk.start().ok());
            return Ok(desk);
        }
        let dir = self.data_dir(app)?;
        let desk = self.desk.get_or_init(|| Desk::in_folder(dir));
        // Open the library before any command uses it: a damaged one is recovered here, once,
        // and what happened is kept for the window to tell (`library_start`).
        self.started.get_or_init(|| desk.start().ok());
        Ok(desk)
    }

    /// How the library was found at start, once the desk is open.
    pub fn started(&self) -> Option<LibraryStart> {
        self.started.get().cloned().flatten()
    }

    /// On quit: fold the write-ahead log into the library file (see [`Desk::close`]).
    pub fn close(&self) {
        if let Some(desk) = self.desk.get() {
            desk.close();
        }
    }
}
