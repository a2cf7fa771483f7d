//! `nianbao library`: add reports to the library, list them, search them.

use std::path::{Path, PathBuf};

use crate::CliResult;

pub fn add(_db: Option<&Path>, _files: &[PathBuf]) -> CliResult {
    Err("library: 暂未提供 (not yet available)".into())
}

pub fn list(_db: Option<&Path>) -> CliResult {
    Err("library: 暂未提供 (not yet available)".into())
}

pub fn search(_db: Option<&Path>, _query: &str) -> CliResult {
    Err("library: 暂未提供 (not yet available)".into())
}
