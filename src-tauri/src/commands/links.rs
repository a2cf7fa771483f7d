//! The drafter's links in the figure table (关联 / 取消关联 / 不可比 / 恢复), last year's
//! figures to search, and a metric's chained history with each year's line for the chart.

use tauri::{AppHandle, Runtime};

use super::on_library;
use crate::IpcError;
use nianbao_desk::dto::{ChainedMetric, FigureChoice, FigureRef, HistoryPoint, LinkAction};

/// Keep the drafter's word on a row; the next check obeys it. Returns the link's id.
#[tauri::command]
pub async fn link_figures<R: Runtime>(
    app: AppHandle<R>,
    text: String,
    last_report_id: i64,
    year: Option<i32>,
    action: LinkAction,
    this: Option<FigureRef>,
    last: Option<FigureRef>,
) -> Result<i64, IpcError> {
    on_library(app, move |lib| {
        lib.link_draft_figures(&text, last_report_id, year, action, this, last)
    })
    .await
}

/// 恢复: forget the drafter's words about the figures given. Returns how many were forgotten.
#[tauri::command]
pub async fn forget_figure_links<R: Runtime>(
    app: AppHandle<R>,
    text: String,
    last_report_id: i64,
    year: Option<i32>,
    this: Option<FigureRef>,
    last: Option<FigureRef>,
) -> Result<usize, IpcError> {
    on_library(app, move |lib| {
        lib.forget_draft_figure_links(&text, last_report_id, year, this, last)
    })
    .await
}

/// Every figure of a stored report, for 关联… to search.
#[tauri::command]
pub async fn report_figures<R: Runtime>(
    app: AppHandle<R>,
    report_id: i64,
) -> Result<Vec<FigureChoice>, IpcError> {
    on_library(app, move |lib| lib.report_figures(report_id)).await
}

/// A metric's history chained over every report of a government, each year with its line.
#[tauri::command]
pub async fn metric_chain<R: Runtime>(
    app: AppHandle<R>,
    government: String,
    metric: String,
) -> Result<Vec<HistoryPoint>, IpcError> {
    on_library(app, move |lib| lib.metric_chain(&government, &metric)).await
}

/// The chart's picker: one entry per metric chained over the years, by its newest name with
/// the names it had before.
#[tauri::command]
pub async fn chained_metrics<R: Runtime>(
    app: AppHandle<R>,
    government: String,
) -> Result<Vec<ChainedMetric>, IpcError> {
    on_library(app, move |lib| lib.chained_metrics(&government)).await
}
