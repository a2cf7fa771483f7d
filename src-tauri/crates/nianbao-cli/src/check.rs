//! `nianbao check`: findings of one report, against last year's when given.

use std::path::Path;

use crate::CliResult;

pub fn run(_file: &Path, _last: Option<&Path>, _year: Option<i32>, _json: bool) -> CliResult {
    Err("check: 暂未提供 (not yet available)".into())
}
