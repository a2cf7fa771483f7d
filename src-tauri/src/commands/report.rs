//! Reports: importing a file into the outline the window shows. Reading and parsing happen off
//! the main thread so the window never freezes on a large file.

use std::path::PathBuf;

use crate::dto::ReportOutline;
use crate::{AppError, IpcError};

/// Import a report file (.txt/.html/.docx) and return its text and outline.
#[tauri::command]
pub async fn import_file(path: String) -> Result<ReportOutline, IpcError> {
    let path = PathBuf::from(path);
    let outline = tauri::async_runtime::spawn_blocking(move || {
        let imported = nianbao_import::import_path(&path)?;
        let report = nianbao_report::parse(&imported);
        Ok::<_, AppError>(ReportOutline::new(&path, &imported, &report))
    })
    .await
    .map_err(|e| AppError::Task(e.to_string()))??;
    Ok(outline)
}
