//! Reports: importing a file into the outline the window shows. Reading and parsing happen off
//! the main thread so the window never freezes on a large file.

use std::path::PathBuf;

use nianbao_desk::dto::ReportOutline;
use tauri::{AppHandle, Runtime};

use super::on_library;
use crate::IpcError;

/// Import a report file (.txt/.html/.docx) and return its text and outline (not stored).
#[tauri::command]
pub async fn import_file<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<ReportOutline, IpcError> {
    on_library(app, move |desk| desk.outline_file(&PathBuf::from(path))).await
}
