//! `nianbao outline`: the outline of one report, as text for people or JSON for programs.

use std::path::Path;

use crate::CliResult;

pub fn run(_file: &Path, _json: bool) -> CliResult {
    Err("outline: 暂未提供 (not yet available)".into())
}
