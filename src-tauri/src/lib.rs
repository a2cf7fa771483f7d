//! 年报助手's desktop shell: app state, paths and thin commands. No domain logic lives here.

mod commands;

/// Start the desktop app.
pub fn run() {
    app(tauri::Builder::default())
        .run(tauri::generate_context!())
        .expect("error while running 年报助手");
}

/// The app's builder, shared by `run` and the command tests (which pass a mock builder).
pub fn app<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![commands::app::app_version])
}
