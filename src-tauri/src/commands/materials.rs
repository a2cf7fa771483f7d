//! The materials pane: a batch of departments' files imported with progress events and a cancel,
//! the materials of a part, insertion into the draft with its trail, the department list, fill
//! from statistics, search. One `Desk` call each (nianbao-desk/src/materials.rs).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{AppHandle, Emitter, Runtime};

use super::on_library;
use crate::IpcError;
use nianbao_desk::materials::{
    DepartmentItem, FillItem, MaterialBatch, MaterialHitItem, MaterialInsert,
    MaterialParagraphItem, MaterialsOverview, TrailItem,
};

/// The event a batch import sends after each file (payload `MaterialProgress`).
pub const PROGRESS_EVENT: &str = "materials-progress";

/// Set by `cancel_materials_import`, read by the running batch between files.
static CANCEL: AtomicBool = AtomicBool::new(false);

#[tauri::command]
pub async fn import_materials<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    paths: Vec<String>,
) -> Result<MaterialBatch, IpcError> {
    CANCEL.store(false, Ordering::Relaxed);
    let emitter = app.clone();
    on_library(app, move |lib| {
        let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        lib.import_materials(draft_id, &paths, &CANCEL, &mut |p| {
            // A window that went away does not stop the import.
            let _ = emitter.emit(PROGRESS_EVENT, p);
        })
    })
    .await
}

#[tauri::command]
pub fn cancel_materials_import() {
    CANCEL.store(true, Ordering::Relaxed);
}

#[tauri::command]
pub async fn materials_overview<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    text: Option<String>,
) -> Result<MaterialsOverview, IpcError> {
    on_library(app, move |lib| {
        lib.materials_overview(draft_id, text.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn material_paragraphs<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    part: Option<String>,
    department: Option<String>,
) -> Result<Vec<MaterialParagraphItem>, IpcError> {
    on_library(app, move |lib| {
        lib.material_paragraphs(draft_id, part.as_deref(), department.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn mark_material_used<R: Runtime>(
    app: AppHandle<R>,
    paragraph_id: i64,
    used: bool,
) -> Result<(), IpcError> {
    on_library(app, move |lib| lib.mark_material_used(paragraph_id, used)).await
}

#[tauri::command]
pub async fn insert_material<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    text: String,
    paragraph_id: i64,
    after: Option<usize>,
    figure: Option<usize>,
) -> Result<MaterialInsert, IpcError> {
    on_library(app, move |lib| {
        lib.insert_material(draft_id, &text, paragraph_id, after, figure)
    })
    .await
}

#[tauri::command]
pub async fn list_departments<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
) -> Result<Vec<DepartmentItem>, IpcError> {
    on_library(app, move |lib| lib.list_departments(draft_id)).await
}

#[tauri::command]
pub async fn add_department<R: Runtime>(app: AppHandle<R>, name: String) -> Result<i64, IpcError> {
    on_library(app, move |lib| lib.add_department(&name)).await
}

#[tauri::command]
pub async fn rename_department<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    name: String,
) -> Result<(), IpcError> {
    on_library(app, move |lib| lib.rename_department(id, &name)).await
}

#[tauri::command]
pub async fn remove_department<R: Runtime>(app: AppHandle<R>, id: i64) -> Result<bool, IpcError> {
    on_library(app, move |lib| lib.remove_department(id)).await
}

#[tauri::command]
pub async fn set_material_department<R: Runtime>(
    app: AppHandle<R>,
    material_id: i64,
    name: String,
) -> Result<(), IpcError> {
    on_library(app, move |lib| {
        lib.set_material_department(material_id, &name)
    })
    .await
}

#[tauri::command]
pub async fn remove_material<R: Runtime>(
    app: AppHandle<R>,
    material_id: i64,
) -> Result<bool, IpcError> {
    on_library(app, move |lib| lib.remove_material(material_id)).await
}

#[tauri::command]
pub async fn fill_proposals<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    text: String,
) -> Result<Vec<FillItem>, IpcError> {
    on_library(app, move |lib| lib.fill_proposals(draft_id, &text)).await
}

#[tauri::command]
pub async fn accept_fill<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    text: String,
    line: usize,
    mark: String,
    stat_id: i64,
) -> Result<Option<MaterialInsert>, IpcError> {
    on_library(app, move |lib| {
        lib.accept_fill(draft_id, &text, line, &mark, stat_id)
    })
    .await
}

#[tauri::command]
pub async fn reject_fill<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    line: usize,
    mark: String,
    stat_id: i64,
) -> Result<(), IpcError> {
    on_library(app, move |lib| {
        lib.reject_fill(draft_id, line, &mark, stat_id)
    })
    .await
}

#[tauri::command]
pub async fn search_materials<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
    query: String,
) -> Result<Vec<MaterialHitItem>, IpcError> {
    on_library(app, move |lib| lib.search_materials(draft_id, &query)).await
}

#[tauri::command]
pub async fn material_trail<R: Runtime>(
    app: AppHandle<R>,
    draft_id: i64,
) -> Result<Vec<TrailItem>, IpcError> {
    on_library(app, move |lib| lib.material_trail(draft_id)).await
}
