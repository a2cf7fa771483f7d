//! Reading a FILE argument: bytes → imported text → parsed report, with errors for people.
//! Every failure becomes one line (the CLI prints it and exits 2); nothing here panics.

use std::path::{Path, PathBuf};

use nianbao_desk::{DeskError, Office};
use nianbao_import::ImportedText;
use nianbao_report::Report;

/// The data folder a run reads the office's files from: `NIANBAO_DATA_DIR`, when set.
pub fn data_dir() -> Option<PathBuf> {
    nianbao_store::paths::data_dir_override()
}

/// The office profile of this run (built once, from `NIANBAO_DATA_DIR`). A command run by a
/// script treats an office file it cannot use as invalid input: the first problem, naming the
/// file and the line, is the one-line reason (the window uses the built-in part meanwhile).
pub fn office() -> Result<Office, Box<dyn std::error::Error>> {
    let office = Office::load(data_dir().as_deref());
    match office.warnings().first() {
        Some(w) => Err(format!("[{}] {}", w.code, w.message).into()),
        None => Ok(office),
    }
}

/// An error of a use case as one line: `[code] message`.
pub fn reason(e: &DeskError) -> String {
    format!("[{}] {e}", e.code())
}

/// Read, import and parse one file with the office's lexicon (nianbao-desk's `read_report`,
/// the same the window's import uses).
pub fn load(
    path: &Path,
    office: &Office,
) -> Result<(ImportedText, Report), Box<dyn std::error::Error>> {
    let read = read(path, office)?;
    Ok((read.imported, read.report))
}

/// [`load`], keeping the file's name and bytes for the library.
pub fn read(
    path: &Path,
    office: &Office,
) -> Result<nianbao_desk::ReadReport, Box<dyn std::error::Error>> {
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("无法读取 {} (cannot read): {e}", path.display()))?;
    if meta.is_dir() {
        return Err(format!("{}: 是目录而不是文件 (is a directory)", path.display()).into());
    }
    nianbao_desk::read_report(path, office).map_err(|e| match &e {
        DeskError::Import(import) => format!(
            "无法导入 {} (cannot import) [{}]: {import}",
            path.display(),
            import.code()
        )
        .into(),
        _ => reason(&e).into(),
    })
}

/// Display width of a text in a terminal: CJK and full-width characters take two columns.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// `s` padded with spaces to `cols` display columns (left-aligned).
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(width(s))));
    out
}

/// A number as a drafter writes it: no trailing `.0`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
