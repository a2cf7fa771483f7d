//! Reading a FILE argument: bytes → imported text → parsed report, with errors for people.

use std::path::Path;

use nianbao_import::ImportedText;
use nianbao_report::Report;

/// Read, import and parse one file.
pub fn load(path: &Path) -> Result<(ImportedText, Report), Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("无法读取 {} (cannot read): {e}", path.display()))?;
    if bytes.is_empty() {
        return Err(format!("{}: 文件为空 (the file is empty)", path.display()).into());
    }
    Err("import: 暂未提供 (not yet available)".into())
}
