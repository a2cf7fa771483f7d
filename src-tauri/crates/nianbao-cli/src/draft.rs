//! `nianbao draft`: this year's draft from last year's report, written to .docx/.md/.html.

use std::path::Path;

use crate::CliResult;

pub fn run(_from: &Path, _year: i32, _out: &Path) -> CliResult {
    Err("draft: 暂未提供 (not yet available)".into())
}
