//! The IPC surface, one module per area. Every command is thin: take state, call one use case
//! of `nianbao_desk`, map the error to [`crate::IpcError`]. Never put domain logic in a command.

pub mod app;
pub mod backups;
pub mod checks;
pub mod delivery;
pub mod dismissals;
pub mod drafts;
pub mod library;
pub mod links;
pub mod materials;
pub mod report;
pub mod report_meta;
pub mod templates;

use tauri::{AppHandle, Manager, Runtime};

use nianbao_desk::Desk;

use crate::state::AppState;
use crate::{AppError, IpcError};

/// Run `work` on the library off the main thread (docs/ipc.md: every command is async and does
/// its work in `spawn_blocking`), so the window never freezes on a big file or a slow disk.
pub(crate) async fn on_library<R, T, F>(app: AppHandle<R>, work: F) -> Result<T, IpcError>
where
    R: Runtime,
    T: Send + 'static,
    F: FnOnce(&Desk) -> Result<T, nianbao_desk::DeskError> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        Ok::<_, AppError>(work(state.desk(&app)?)?)
    })
    .await
    .map_err(|e| AppError::Task(e.to_string()))?
    .map_err(IpcError::from)
}
