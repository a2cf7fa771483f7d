//! Facts about the app itself: version, data folder, and the files it was started with.

use crate::state::AppState;
use crate::{IpcError, StartupFiles};
use nianbao_desk::dto::AppInfo;

#[tauri::command]
pub fn app_info<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
) -> Result<AppInfo, IpcError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.data_dir(&app)?.display().to_string(),
    })
}

/// Report files named on the command line, for the window to open at start.
#[tauri::command]
pub fn startup_files(files: tauri::State<'_, StartupFiles>) -> Vec<String> {
    files.0.iter().map(|p| p.display().to_string()).collect()
}
