//! 年报助手's desktop shell: app state, paths and thin commands over the domain crates.
//!
//! No domain logic lives here: every command calls one use case of `nianbao_desk` (which the
//! `nianbao` command calls too) and maps its error to an [`IpcError`].

mod commands;
pub mod error;
pub mod paths;
pub mod single;
pub mod state;

/// The IPC types, defined beside the use cases that fill them.
pub use nianbao_desk::dto;

pub use error::{AppError, IpcError};
pub use state::AppState;

/// Report files named on the command line (`nianbao-app 报告.docx`, "open with" from a file
/// manager); the window opens the first one when it starts.
#[derive(Debug, Clone, Default)]
pub struct StartupFiles(pub Vec<std::path::PathBuf>);

impl StartupFiles {
    /// The arguments after the program name that are not flags.
    pub fn from_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Self {
        StartupFiles(
            args.into_iter()
                .skip(1)
                .filter(|a| !a.to_string_lossy().starts_with('-'))
                .map(std::path::PathBuf::from)
                .collect(),
        )
    }
}

/// Start the desktop app. Errors (no display, broken config) are returned, not panicked.
pub fn run() -> Result<(), tauri::Error> {
    // The single-instance plugin first: a second start must stop before anything else runs.
    let builder = tauri::Builder::default()
        .plugin(single::plugin())
        .plugin(tauri_plugin_dialog::init());
    let startup = StartupFiles::from_args(std::env::args_os());
    let app = app(builder, startup, AppState::new()).build(tauri::generate_context!())?;
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            use tauri::Manager;
            handle.state::<AppState>().close();
        }
    });
    Ok(())
}

/// The app's builder, shared by [`run`] and the command tests (which pass a mock builder and
/// create the `main` window themselves). Plugins that need a real desktop are added in [`run`].
/// State is managed here, not in a setup hook: the mock runtime never runs setup. The library
/// opens on first use, in `state`'s data folder (tests pass [`AppState::at`] a temp folder).
pub fn app<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    startup: StartupFiles,
    state: AppState,
) -> tauri::Builder<R> {
    builder
        .manage(startup)
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::startup_files,
            commands::backups::library_start,
            commands::backups::list_backups,
            commands::backups::restore_backup,
            commands::backups::backup_if_due,
            commands::report::import_file,
            commands::library::library_overview,
            commands::library::import_report,
            commands::library::open_report,
            commands::report_meta::set_report_meta,
            commands::library::search_library,
            commands::drafts::new_draft,
            commands::drafts::open_draft,
            commands::drafts::save_draft,
            commands::drafts::list_versions,
            commands::drafts::get_version,
            commands::checks::check_draft,
            commands::checks::section_diff,
            commands::checks::metric_history,
            commands::checks::list_metrics,
            commands::links::link_figures,
            commands::links::forget_figure_links,
            commands::links::report_figures,
            commands::links::metric_chain,
            commands::links::chained_metrics,
            commands::dismissals::dismiss_finding,
            commands::dismissals::restore_finding,
            commands::dismissals::dismissed_findings,
            commands::templates::list_templates,
            commands::templates::render_template,
            commands::templates::export_draft,
            commands::templates::e2e_save_path,
            commands::materials::import_materials,
            commands::materials::cancel_materials_import,
            commands::materials::materials_overview,
            commands::materials::material_paragraphs,
            commands::materials::mark_material_used,
            commands::materials::insert_material,
            commands::materials::list_departments,
            commands::materials::add_department,
            commands::materials::rename_department,
            commands::materials::remove_department,
            commands::materials::set_material_department,
            commands::materials::remove_material,
            commands::materials::fill_proposals,
            commands::materials::accept_fill,
            commands::materials::reject_fill,
            commands::materials::search_materials,
            commands::materials::material_trail,
            commands::delivery::delivery_fields,
            commands::delivery::save_delivery_fields,
            commands::delivery::export_version,
            commands::delivery::delivery_status,
        ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn startup_files_skip_the_program_and_flags() {
        let args = ["nianbao-app", "--verbose", "示例市2024.txt"].map(std::ffi::OsString::from);
        assert_eq!(
            StartupFiles::from_args(args).0,
            vec![std::path::PathBuf::from("示例市2024.txt")],
            "only file arguments are opened; the program name and flags are not reports"
        );
    }
}
