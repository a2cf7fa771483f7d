//! The one error type of the crate. Every refusal is a single line a drafter can read (Chinese,
//! with the English in brackets) plus a stable `import.*` code the UI and the CLI switch on.
//! It must never carry file content (a reason is about the file, not a dump of it).

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("文件为空 (the file is empty)")]
    Empty,
    #[error("无法读取文件 (cannot read the file): {0}")]
    Io(String),
    #[error("文件过大：{size_mb} MB，上限 {limit_mb} MB (the file is too large)")]
    TooLarge { size_mb: u64, limit_mb: u64 },
    #[error("不是文本文件 (not a text file)")]
    NotText,
    #[error("无法识别文件的文字编码 (cannot tell which text encoding the file uses)")]
    UnknownEncoding,
    #[error("暂不支持{0}，请另存为 .docx 或 .txt 后再导入 (this kind of file is not supported)")]
    Unsupported(&'static str),
    #[error("压缩包已损坏或不完整 (the zip archive is damaged or truncated): {0}")]
    CorruptZip(String),
    #[error("不是 Word 文档 (.docx) (not a .docx): {0}")]
    NotDocx(String),
    #[error("文档已加密，请先取消密码 (the document is encrypted)")]
    Encrypted,
    #[error("解压后超过 {limit_mb} MB，疑似压缩炸弹，已拒绝 (decompresses past the limit)")]
    ZipBomb { limit_mb: u64 },
    #[error("文档内容格式错误 (malformed XML): {0}")]
    MalformedXml(String),
    #[error("处理超过 {seconds} 秒，已停止 (import took too long)")]
    Timeout { seconds: u64 },
    #[error("没有找到正文 (no text found in the document)")]
    NoText,
    #[error("网页结构嵌套过深，已拒绝 (the page is nested too deeply)")]
    TooDeep,
    #[error("导入时发生内部错误 (internal error while importing)")]
    Internal,
}

impl ImportError {
    /// A stable machine-readable code (`import.empty`, `import.zip_bomb`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty => "import.empty",
            ImportError::Io(_) => "import.io",
            ImportError::TooLarge { .. } => "import.too_large",
            ImportError::NotText => "import.not_text",
            ImportError::UnknownEncoding => "import.unknown_encoding",
            ImportError::Unsupported(_) => "import.unsupported",
            ImportError::CorruptZip(_) => "import.corrupt_zip",
            ImportError::NotDocx(_) => "import.not_docx",
            ImportError::Encrypted => "import.encrypted",
            ImportError::ZipBomb { .. } => "import.zip_bomb",
            ImportError::MalformedXml(_) => "import.malformed_xml",
            ImportError::Timeout { .. } => "import.timeout",
            ImportError::NoText => "import.no_text",
            ImportError::TooDeep => "import.too_deep",
            ImportError::Internal => "import.internal",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<ImportError> {
        vec![
            ImportError::Empty,
            ImportError::Io("x".into()),
            ImportError::TooLarge {
                size_mb: 60,
                limit_mb: 50,
            },
            ImportError::NotText,
            ImportError::UnknownEncoding,
            ImportError::Unsupported("PDF"),
            ImportError::CorruptZip("x".into()),
            ImportError::NotDocx("x".into()),
            ImportError::Encrypted,
            ImportError::ZipBomb { limit_mb: 200 },
            ImportError::MalformedXml("x".into()),
            ImportError::Timeout { seconds: 5 },
            ImportError::NoText,
            ImportError::TooDeep,
            ImportError::Internal,
        ]
    }

    #[test]
    fn error_codes_are_namespaced_and_distinct() {
        let errors = all();
        let mut codes: Vec<_> = errors.iter().map(ImportError::code).collect();
        assert!(
            codes.iter().all(|c| c.starts_with("import.")),
            "codes are namespaced by crate so the UI can route them"
        );
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), errors.len(), "each error has its own code");
    }

    #[test]
    fn error_messages_are_one_line_with_chinese_and_english() {
        for e in all() {
            let m = e.to_string();
            assert!(!m.contains('\n'), "a reason is one line: {m}");
            assert!(
                m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "Chinese first: {m}"
            );
            assert!(m.contains('('), "English in brackets for the log: {m}");
        }
    }
}
