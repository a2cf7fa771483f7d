//! The drafter fills in a report's government or year when the text did not give them.

use tauri::{AppHandle, Runtime};

use super::on_library;
use crate::IpcError;
use nianbao_desk::dto::ReportItem;

/// Keep the drafter's government and year for a report (blank / 0: leave as is).
#[tauri::command]
pub async fn set_report_meta<R: Runtime>(
    app: AppHandle<R>,
    report_id: i64,
    government: String,
    year: i32,
) -> Result<ReportItem, IpcError> {
    on_library(app, move |lib| {
        lib.set_report_meta(report_id, &government, year)
    })
    .await
}
