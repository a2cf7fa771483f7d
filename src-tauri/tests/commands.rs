//! The commands, called through real IPC on Tauri's mock runtime: no window system needed.
//! (On Linux the invoke URL must be `tauri://localhost`; the test creates the `main` window.)

use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// The app on a temporary data folder (dropped with the test).
fn main_window() -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    window_on(&dir)
}

/// The app on a given data folder (to start it twice on the same library).
fn window_on(data_dir: &std::path::Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = nianbao_app::app(
        mock_builder(),
        nianbao_app::StartupFiles::default(),
        nianbao_app::AppState::at(data_dir),
    )
    .build(mock_context(noop_assets()))
    .expect("the app builds on the mock runtime");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the main window can be created");
    (app, window)
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, body: Value) -> Result<Value, Value> {
    tauri::test::get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("valid url"),
            body: tauri::ipc::InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().expect("responses are JSON"))
}

const SAMPLE: &str = "示例市人民政府关于2024年法治政府建设情况的报告\n\n一、加强党的领导\n示例市召开常务会议12次。\n二、下一年度工作安排\n继续推进依法行政。\n";

#[test]
fn app_info_tells_the_version_and_the_data_folder() {
    let (_app, window) = main_window();
    let info = invoke(&window, "app_info", json!({})).expect("the mock runtime has a data folder");
    assert_eq!(
        info["version"],
        env!("CARGO_PKG_VERSION"),
        "the status line shows the crate version"
    );
    assert!(
        info["data_dir"].as_str().is_some_and(|d| !d.is_empty()),
        "the data folder is decided at start-up: {info}"
    );
}

#[test]
fn import_file_returns_the_text_for_the_editor() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("示例市2024年报告.txt");
    std::fs::write(&path, SAMPLE).expect("write fixture");
    let (_app, window) = main_window();

    let outline = invoke(&window, "import_file", json!({ "path": path }))
        .expect("a readable UTF-8 report imports");

    assert_eq!(
        outline["file_name"], "示例市2024年报告.txt",
        "the library lists reports by file name"
    );
    assert_eq!(outline["format"], "text", "a .txt is imported as text");
    assert_eq!(
        outline["line_count"], 6,
        "outline lines are lines of the text the editor shows, so the counts must agree"
    );
    assert!(
        outline["text"]
            .as_str()
            .is_some_and(|t| t.lines().nth(3) == Some("示例市召开常务会议12次。")),
        "line 4 of the editor text is line 4 of the file: {}",
        outline["text"]
    );
    assert!(
        outline["sections"].is_array(),
        "the outline pane always receives a list"
    );
}

#[test]
fn import_of_a_missing_file_is_a_coded_error() {
    let (_app, window) = main_window();
    let err = invoke(
        &window,
        "import_file",
        json!({ "path": "/nonexistent/示例县.txt" }),
    )
    .expect_err("a missing file cannot import");
    assert_eq!(
        err["code"], "import.io",
        "the UI switches on the code, not on the message: {err}"
    );
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("无法读取")),
        "the drafter reads a Chinese reason: {err}"
    );
}

#[test]
fn import_of_an_empty_file_is_a_coded_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("空.txt");
    std::fs::write(&path, "").expect("write fixture");
    let (_app, window) = main_window();
    let err = invoke(&window, "import_file", json!({ "path": path }))
        .expect_err("an empty file is not a report");
    assert_eq!(
        err["code"], "import.empty",
        "empty files get their own code: {err}"
    );
}

#[test]
fn unknown_commands_are_refused() {
    let (_app, window) = main_window();
    assert!(
        invoke(&window, "read_any_file", json!({})).is_err(),
        "only the commands the app registers can be called"
    );
}

#[test]
fn startup_files_are_empty_when_none_were_given() {
    let (_app, window) = main_window();
    assert_eq!(
        invoke(&window, "startup_files", json!({})).expect("startup_files never fails"),
        json!([]),
        "without file arguments the window starts empty"
    );
}
