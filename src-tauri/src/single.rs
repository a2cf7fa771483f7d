//! One window per library: a second start of the app on the same data folder does not open a
//! second window on the same library (two windows autosaving one draft would race) — it brings
//! the first window forward and passes it the files it was asked to open, then exits
//! (tauri-plugin-single-instance: a D-Bus name on Linux, a named mutex on Windows).
//!
//! The instance is keyed by the data folder: a run on another folder (`NIANBAO_DATA_DIR`, the
//! tests' temporary folders) is another library and may run beside it.

use std::ffi::OsString;
use std::path::Path;

use tauri::{AppHandle, Emitter, Manager, Runtime, plugin::TauriPlugin};

use crate::StartupFiles;
use crate::paths::DATA_DIR_ENV;

/// The event the first window receives with the files of a second start (absolute paths).
pub const OPEN_FILES_EVENT: &str = "open-files";

const BASE_ID: &str = "cn.nianbao.app";

/// The D-Bus name of the instance for a data folder override (`None`: the platform folder).
/// Stable across versions and runs (FNV-1a of the folder's bytes, not std's random hasher).
pub fn instance_id(data_dir: Option<&OsString>) -> String {
    match data_dir.filter(|d| !d.to_string_lossy().trim().is_empty()) {
        None => BASE_ID.to_owned(),
        Some(dir) => {
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for byte in dir.as_encoded_bytes() {
                hash ^= u64::from(*byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
            format!("{BASE_ID}.d{hash:016x}")
        }
    }
}

/// The plugin, to be registered before every other plugin.
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(std::env::var_os(DATA_DIR_ENV).as_ref()))
        .callback(second_start)
        .build()
}

/// Files named by a second start, made absolute against the folder it was started in.
pub fn files_of(argv: Vec<String>, cwd: &str) -> Vec<String> {
    StartupFiles::from_args(argv.into_iter().map(OsString::from))
        .0
        .into_iter()
        .map(|p| Path::new(cwd).join(p).display().to_string())
        .collect()
}

fn second_start<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    let files = files_of(argv, &cwd);
    if !files.is_empty() {
        let _ = app.emit(OPEN_FILES_EVENT, files);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_folder_is_its_own_instance_with_a_valid_dbus_name() {
        let default = instance_id(None);
        assert_eq!(default, BASE_ID);
        let a = instance_id(Some(&OsString::from("/tmp/甲")));
        let b = instance_id(Some(&OsString::from("/tmp/乙")));
        assert_ne!(a, b, "two folders, two instances");
        assert_eq!(a, instance_id(Some(&OsString::from("/tmp/甲"))), "stable");
        assert_eq!(instance_id(Some(&OsString::from("  "))), BASE_ID);
        // D-Bus: elements of [A-Za-z0-9_-], none starting with a digit.
        for element in a.split('.') {
            assert!(!element.starts_with(|c: char| c.is_ascii_digit()), "{a}");
            assert!(
                element
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            );
        }
    }

    #[test]
    fn files_of_a_second_start_are_made_absolute() {
        let argv = ["nianbao-app", "--flag", "报告.docx", "/abs/乙.txt"].map(String::from);
        assert_eq!(
            files_of(argv.to_vec(), "/home/u"),
            vec!["/home/u/报告.docx".to_owned(), "/abs/乙.txt".to_owned()]
        );
    }
}
