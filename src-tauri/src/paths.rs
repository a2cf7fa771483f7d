//! Paths are decided here, at the edge, and nowhere else: domain crates take paths as arguments.
//! The data folder is Tauri's app data dir unless `NIANBAO_DATA_DIR` says otherwise (tests and
//! the end-to-end harness point it at a temporary folder). Must never create folders on its own.

use std::ffi::OsString;
use std::path::PathBuf;

use tauri::Manager;

use crate::AppError;

/// Environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "NIANBAO_DATA_DIR";

/// Environment variable the end-to-end tests set to the file an export should be written to,
/// in place of the native save dialog they cannot drive (`e2e_save_path`).
pub const E2E_SAVE_PATH_ENV: &str = "NIANBAO_E2E_SAVE_PATH";

/// The app's data folder for this run.
pub fn data_dir<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> Result<PathBuf, AppError> {
    choose_data_dir(std::env::var_os(DATA_DIR_ENV), || {
        app.path()
            .app_data_dir()
            .map_err(|e| AppError::DataDir(e.to_string()))
    })
}

/// The override when it is set and not blank, else the platform's folder.
pub fn choose_data_dir(
    override_dir: Option<OsString>,
    platform_dir: impl FnOnce() -> Result<PathBuf, AppError>,
) -> Result<PathBuf, AppError> {
    match override_dir {
        Some(dir) if !dir.to_string_lossy().trim().is_empty() => Ok(PathBuf::from(dir)),
        _ => platform_dir(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platform() -> Result<PathBuf, AppError> {
        Ok(PathBuf::from("/platform/dir"))
    }

    #[test]
    fn override_wins_over_the_platform_folder() {
        let dir = choose_data_dir(Some("/tmp/e2e-data".into()), platform);
        assert_eq!(
            dir.ok(),
            Some(PathBuf::from("/tmp/e2e-data")),
            "tests and e2e runs must be able to keep the real data folder untouched"
        );
    }

    #[test]
    fn blank_override_falls_back_to_the_platform_folder() {
        let dir = choose_data_dir(Some("  ".into()), platform);
        assert_eq!(
            dir.ok(),
            Some(PathBuf::from("/platform/dir")),
            "an empty NIANBAO_DATA_DIR= must not make the app write into the working directory"
        );
    }

    #[test]
    fn missing_platform_folder_is_an_error_not_a_panic() {
        let dir = choose_data_dir(None, || Err(AppError::DataDir("no HOME".into())));
        assert!(
            matches!(dir, Err(AppError::DataDir(_))),
            "a machine without a home folder gets a readable error"
        );
    }
}
