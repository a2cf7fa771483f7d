//! The library pane: overview (with the first-start sample), import, reading, search.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};

use super::on_library;
use crate::IpcError;
use nianbao_desk::dto::{ImportOutcome, LibraryOverview, ReportOutline, SearchResult};

#[tauri::command]
pub async fn library_overview<R: Runtime>(app: AppHandle<R>) -> Result<LibraryOverview, IpcError> {
    on_library(app, |lib| lib.overview()).await
}

#[tauri::command]
pub async fn import_report<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<ImportOutcome, IpcError> {
    on_library(app, move |lib| lib.import_report(&PathBuf::from(path))).await
}

#[tauri::command]
pub async fn open_report<R: Runtime>(
    app: AppHandle<R>,
    report_id: i64,
) -> Result<ReportOutline, IpcError> {
    on_library(app, move |lib| lib.open_report(report_id)).await
}

#[tauri::command]
pub async fn search_library<R: Runtime>(
    app: AppHandle<R>,
    query: String,
    government: Option<String>,
    year: Option<i32>,
    kind: Option<String>,
) -> Result<Vec<SearchResult>, IpcError> {
    on_library(app, move |lib| {
        lib.search(&query, government, year, kind.as_deref())
    })
    .await
}
