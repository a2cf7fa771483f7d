//! The library kept safe: how the app found it at start (recovered from damage?), its backups,
//! restoring one. Thin: each calls one use case of `nianbao_desk` (library/safety.rs).

use std::path::PathBuf;

use nianbao_desk::{BackupItem, LibraryStart, RestoreOutcome};
use tauri::{AppHandle, Manager, Runtime};

use super::on_library;
use crate::state::AppState;
use crate::{AppError, IpcError};

/// The library as opened at start: damaged and recovered, read-only, or fine.
#[tauri::command]
pub async fn library_start<R: Runtime>(app: AppHandle<R>) -> Result<LibraryStart, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let desk = state.desk(&app)?;
        match state.started() {
            Some(start) => Ok(start),
            // Opening failed the first time: try again, for the error or a library now fine.
            None => Ok::<_, AppError>(desk.start()?),
        }
    })
    .await
    .map_err(|e| AppError::Task(e.to_string()))?
    .map_err(IpcError::from)
}

/// Every backup of the library, newest first.
#[tauri::command]
pub async fn list_backups<R: Runtime>(app: AppHandle<R>) -> Result<Vec<BackupItem>, IpcError> {
    on_library(app, |desk| desk.backups()).await
}

/// Restore a listed backup (the current library is copied aside first).
#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<RestoreOutcome, IpcError> {
    on_library(app, move |desk| desk.restore_backup(&PathBuf::from(path))).await
}

/// Today's backup when none was made yet (the window asks every hour while it runs).
#[tauri::command]
pub async fn backup_if_due<R: Runtime>(app: AppHandle<R>) -> Result<Option<BackupItem>, IpcError> {
    on_library(app, |desk| desk.backup_if_due()).await
}
