//! `nianbao export`: one report or draft written to .docx/.md/.html by the output's extension.

use std::path::Path;

use crate::CliResult;

pub fn run(_file: &Path, _out: &Path) -> CliResult {
    Err("export: 暂未提供 (not yet available)".into())
}
