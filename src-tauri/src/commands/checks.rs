//! The checks pane: findings and figure table while typing, the section diff, the chart.

use tauri::{AppHandle, Runtime};

use super::on_library;
use crate::IpcError;
use nianbao_desk::dto::{CheckResult, MetricPoint, SectionDiff};

/// Called debounced while the drafter types: last year's report is parsed once and cached.
#[tauri::command]
pub async fn check_draft<R: Runtime>(
    app: AppHandle<R>,
    text: String,
    last_report_id: Option<i64>,
    year: Option<i32>,
) -> Result<CheckResult, IpcError> {
    on_library(app, move |lib| lib.check_draft(&text, last_report_id, year)).await
}

#[tauri::command]
pub async fn section_diff<R: Runtime>(
    app: AppHandle<R>,
    text: String,
    line: usize,
    last_report_id: i64,
) -> Result<SectionDiff, IpcError> {
    on_library(app, move |lib| {
        lib.section_diff(&text, line, last_report_id)
    })
    .await
}

#[tauri::command]
pub async fn metric_history<R: Runtime>(
    app: AppHandle<R>,
    government: String,
    metric: String,
) -> Result<Vec<MetricPoint>, IpcError> {
    on_library(app, move |lib| lib.metric_history(&government, &metric)).await
}

#[tauri::command]
pub async fn list_metrics<R: Runtime>(
    app: AppHandle<R>,
    government: String,
) -> Result<Vec<String>, IpcError> {
    on_library(app, move |lib| lib.list_metrics(&government)).await
}
