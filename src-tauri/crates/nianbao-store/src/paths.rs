//! Where the library file lives when the caller does not say. The app passes its own data
//! folder; the CLI and tests use `NIANBAO_DATA_DIR`, `--db`, or the platform data folder.
//!
//! Must never create anything: deciding a path is not touching the disk ([`crate::Store::open`]
//! creates the folder).

use std::path::PathBuf;

/// The desktop app's identifier (`tauri.conf.json`): the app keeps its library in
/// `<platform data folder>/<identifier>`, and so does the CLI, so both see one library.
pub const APP_IDENTIFIER: &str = "cn.nianbao.app";

/// The library's file name inside a data folder.
pub const DB_FILE_NAME: &str = "library.sqlite3";

/// `NIANBAO_DATA_DIR`, if set and not empty.
pub fn data_dir_override() -> Option<PathBuf> {
    std::env::var_os("NIANBAO_DATA_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The platform's per-user data folder for nianbao, the one the desktop app uses
/// (`~/.local/share/cn.nianbao.app` on Linux, honouring `XDG_DATA_HOME`;
/// `%APPDATA%\cn.nianbao.app` on Windows; `~/Library/Application Support/cn.nianbao.app` on macOS).
pub fn platform_data_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        env("APPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local/share")))
    };
    base.map(|b| b.join(APP_IDENTIFIER))
}

/// The library file when nothing else is said: `NIANBAO_DATA_DIR/library.sqlite3`, else the
/// platform data folder's.
pub fn default_db_path() -> Option<PathBuf> {
    data_dir_override()
        .or_else(platform_data_dir)
        .map(|dir| dir.join(DB_FILE_NAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_path_ends_in_the_library_file() {
        if let Some(p) = default_db_path() {
            assert!(
                p.ends_with(DB_FILE_NAME),
                "the library file name is fixed so the app and the CLI share it: {}",
                p.display()
            );
        }
    }

    #[test]
    fn platform_dir_is_named_after_the_app() {
        if let Some(p) = platform_data_dir() {
            assert!(p.ends_with(APP_IDENTIFIER), "{}", p.display());
        }
    }
}
