//! Delivery: the draft's fields kept once, the 报送版/公开版 export, the two deadlines.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};

use super::on_library;
use crate::IpcError;
use nianbao_desk::dto::{DeliveryFieldsItem, DeliveryForm, DeliveryStatus, ExportOutcome};

/// A draft's kept fields beside what its text says.
#[tauri::command]
pub async fn delivery_fields<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    text: String,
) -> Result<DeliveryForm, IpcError> {
    on_library(app, move |desk| desk.delivery_fields(draft_id, &text)).await
}

/// Keep a draft's fields (文号, 主送机关, 落款, 成文日期, 抄送…).
#[tauri::command]
pub async fn save_delivery_fields<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    fields: DeliveryFieldsItem,
) -> Result<(), IpcError> {
    on_library(app, move |desk| desk.save_delivery_fields(draft_id, fields)).await
}

/// Write the 报送版 (`submit`) or 公开版 (`public`) of the text; refused while marks are left
/// (公开版) or a required field is missing.
#[tauri::command]
pub async fn export_version<R: Runtime>(
    app: AppHandle<R>,
    draft_id: Option<i64>,
    text: String,
    version: String,
    path: String,
) -> Result<ExportOutcome, IpcError> {
    on_library(app, move |desk| {
        desk.export_version(draft_id, &text, &version, &PathBuf::from(path))
    })
    .await
}

/// Days left to 3月1日 and 4月1日 today, and what blocks each.
#[tauri::command]
pub async fn delivery_status<R: Runtime>(
    app: AppHandle<R>,
    draft_id: Option<i64>,
    text: String,
    last_report_id: Option<i64>,
    year: Option<i32>,
) -> Result<DeliveryStatus, IpcError> {
    on_library(app, move |desk| {
        desk.delivery_status(
            draft_id,
            &text,
            last_report_id,
            year,
            nianbao_draft::export::Day::today(),
        )
    })
    .await
}
