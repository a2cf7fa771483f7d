//! `nianbao export`: one report or draft written to .docx/.md/.html/.txt by the output's
//! extension, atomically (a failed export leaves an existing file as it was).

use std::path::Path;

use crate::CliResult;
use crate::input::{load, office};

pub fn run(file: &Path, out: &Path) -> CliResult {
    let office = office()?;
    let (_, report) = load(file, &office)?;
    nianbao_draft::export(&report, out, office.templates())
        .map_err(|e| format!("[{}] {e}", e.code()))?;
    let marks: usize = report
        .lines
        .iter()
        .map(|l| nianbao_draft::marks::count(l))
        .sum();
    crate::emit(&format!(
        "已导出 (exported): {}\n  段落 {} 个 (paragraphs), 待填标记 {} 处 (fill-in marks)\n",
        out.display(),
        report.paragraphs().count(),
        marks
    ))?;
    Ok(())
}
