//! 不是错误: a finding of a draft the drafter dismissed, kept in the library for that draft.

use tauri::{AppHandle, Runtime};

use super::on_library;
use crate::IpcError;
use nianbao_desk::dto::DismissedFinding;

#[tauri::command]
pub async fn dismiss_finding<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    key: String,
    label: String,
) -> Result<(), IpcError> {
    on_library(app, move |lib| lib.dismiss_finding(draft_id, &key, &label)).await
}

/// Take a dismissal back; true when there was one.
#[tauri::command]
pub async fn restore_finding<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    key: String,
) -> Result<bool, IpcError> {
    on_library(app, move |lib| lib.restore_finding(draft_id, &key)).await
}

#[tauri::command]
pub async fn dismissed_findings<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
) -> Result<Vec<DismissedFinding>, IpcError> {
    on_library(app, move |lib| lib.dismissed_findings(draft_id)).await
}
