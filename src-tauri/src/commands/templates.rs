//! The template picker and export.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};

use super::on_library;
use crate::IpcError;
use nianbao_desk::dto::{ExportOutcome, TemplateItem};

#[tauri::command]
pub async fn list_templates<R: Runtime>(app: AppHandle<R>) -> Result<Vec<TemplateItem>, IpcError> {
    on_library(app, |desk| Ok(desk.list_templates())).await
}

#[tauri::command]
pub async fn render_template<R: Runtime>(
    app: AppHandle<R>,
    kind: String,
    year: i32,
) -> Result<String, IpcError> {
    on_library(app, move |lib| lib.render_template(&kind, year)).await
}

/// Write the editor's text as .docx/.md/.html, by the path's extension.
#[tauri::command]
pub async fn export_draft<R: Runtime>(
    app: AppHandle<R>,
    text: String,
    path: String,
) -> Result<ExportOutcome, IpcError> {
    on_library(app, move |lib| {
        lib.export_draft(&text, &PathBuf::from(path))
    })
    .await
}

/// The export path the end-to-end tests fix in advance (`NIANBAO_E2E_SAVE_PATH`), so they need
/// no native save dialog; `None` in normal use, and then the dialog asks.
#[tauri::command]
pub fn e2e_save_path() -> Option<String> {
    std::env::var(crate::paths::E2E_SAVE_PATH_ENV)
        .ok()
        .filter(|p| !p.trim().is_empty())
}
