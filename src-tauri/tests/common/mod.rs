//! The app on Tauri's mock runtime, called through real IPC: no window system needed. Each
//! [`TestApp`] has its own temporary data folder (removed when it is dropped), so tests run in
//! parallel without sharing a library. (On Linux the invoke URL must be `tauri://localhost`.)
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// The bundled sample library (示例市 2023 report, 2024 初稿).
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/sample-library")
        .join(name)
}

pub const REPORT_2023: &str = "示例市2023年法治政府建设年度报告.txt";
pub const DRAFT_2024: &str = "示例市2024年法治政府建设年度报告（初稿）.txt";

pub struct TestApp {
    pub window: WebviewWindow<MockRuntime>,
    _app: tauri::App<MockRuntime>,
    /// Holds the data folder when the app made it itself.
    _dir: Option<tempfile::TempDir>,
    pub data_dir: PathBuf,
}

impl TestApp {
    /// The app on a fresh, empty data folder.
    pub fn new() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = TestApp::on(dir.path());
        app._dir = Some(dir);
        app
    }

    /// The app on a given data folder (to start it again on the same library).
    pub fn on(data_dir: &Path) -> TestApp {
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
        TestApp {
            window,
            _app: app,
            _dir: None,
            data_dir: data_dir.to_owned(),
        }
    }

    /// Call a command as the UI does; `Err` holds the `{code, message}` the UI would receive.
    pub fn invoke(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        tauri::test::get_ipc_response(
            &self.window,
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

    /// A command that must succeed.
    pub fn ok(&self, cmd: &str, body: Value) -> Value {
        self.invoke(cmd, body)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// A command that must fail; returns its `{code, message}`.
    pub fn err(&self, cmd: &str, body: Value) -> Value {
        match self.invoke(cmd, body) {
            Ok(v) => panic!("{cmd} should have failed, returned {v}"),
            Err(e) => e,
        }
    }
}

/// True when a message holds Chinese (the drafter reads Chinese first).
pub fn is_chinese(message: &Value) -> bool {
    message
        .as_str()
        .is_some_and(|m| m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
}
