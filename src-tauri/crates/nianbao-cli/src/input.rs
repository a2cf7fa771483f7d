//! Reading a FILE argument: bytes → imported text → parsed report, with errors for people.
//! Every failure becomes one line (the CLI prints it and exits 2); nothing here panics.

use std::path::Path;

use nianbao_import::ImportedText;
use nianbao_report::Report;

/// Read, import and parse one file.
pub fn load(path: &Path) -> Result<(ImportedText, Report), Box<dyn std::error::Error>> {
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("无法读取 {} (cannot read): {e}", path.display()))?;
    if meta.is_dir() {
        return Err(format!("{}: 是目录而不是文件 (is a directory)", path.display()).into());
    }
    let imported = nianbao_import::import_path(path).map_err(|e| {
        format!(
            "无法导入 {} (cannot import) [{}]: {e}",
            path.display(),
            e.code()
        )
    })?;
    let report = match user_parser()? {
        Some(parser) => parser.parse(&imported),
        None => nianbao_report::parse(&imported),
    };
    Ok((imported, report))
}

/// The drafter's own lexicon: `front.toml`, `sections.toml` or `metrics.toml` in
/// `NIANBAO_DATA_DIR` replace the embedded files of the same name. `None` when there are none.
fn user_parser() -> Result<Option<nianbao_report::ReportParser>, Box<dyn std::error::Error>> {
    let Some(dir) = std::env::var_os("NIANBAO_DATA_DIR").map(std::path::PathBuf::from) else {
        return Ok(None);
    };
    nianbao_report::ReportParser::for_folder(&dir).map_err(|e| format!("[{}] {e}", e.code()).into())
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
