//! `nianbao figures`: every figure of one report with its metric, as text or JSON.

use std::path::Path;

use crate::CliResult;

pub fn run(_file: &Path, _json: bool) -> CliResult {
    Err("figures: 暂未提供 (not yet available)".into())
}
