//! The editor: drafts, autosave and versions.

use tauri::{AppHandle, Runtime};

use super::on_library;
use crate::IpcError;
use nianbao_desk::dto::{DraftDoc, SavedVersion, VersionItem};

#[tauri::command]
pub async fn new_draft<R: Runtime>(
    app: AppHandle<R>,
    report_id: i64,
    year: i32,
) -> Result<DraftDoc, IpcError> {
    on_library(app, move |lib| lib.new_draft(report_id, year)).await
}

#[tauri::command]
pub async fn open_draft<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
) -> Result<DraftDoc, IpcError> {
    on_library(app, move |lib| lib.open_draft(draft_id)).await
}

#[tauri::command]
pub async fn save_draft<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    text: String,
) -> Result<SavedVersion, IpcError> {
    on_library(app, move |lib| lib.save_draft(draft_id, &text)).await
}

#[tauri::command]
pub async fn list_versions<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
) -> Result<Vec<VersionItem>, IpcError> {
    on_library(app, move |lib| lib.list_versions(draft_id)).await
}

#[tauri::command]
pub async fn get_version<R: Runtime>(
    app: AppHandle<R>,
    version_id: i64,
) -> Result<String, IpcError> {
    on_library(app, move |lib| lib.get_version(version_id)).await
}
