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
    #[error("文档设置了打开密码，无法读取 (the document needs a password to open)")]
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
    #[error(
        "文字过多：{size_mb} MB、{lines} 行，上限 {limit_mb} MB、{limit_lines} 行 (the file expands to too much text)"
    )]
    TooMuchText {
        size_mb: u64,
        lines: usize,
        limit_mb: u64,
        limit_lines: usize,
    },
    #[error("网页结构过于复杂（{0}），已拒绝 (the page is too complex to read safely)")]
    TooComplex(&'static str),
    #[error("PDF 没有文字层，可能是扫描件 (the PDF has no text layer: a scan?)")]
    ScannedPdf,
    #[error("PDF 文件已损坏或无法解析 (the PDF is damaged or unreadable): {0}")]
    CorruptPdf(String),
    #[error("Word 97-2003 文档 (.doc/.wps) 已损坏 (the .doc is damaged): {0}")]
    CorruptDoc(String),
    #[error("旧版 WPS 文件，请用 WPS 另存为 .docx (an old WPS format, not Word-binary)")]
    OldWps,
    #[error("表格文件已损坏或无法解析 (the spreadsheet is damaged or unreadable): {0}")]
    CorruptSheet(String),
    #[error("表格里没有找到统计数据 (no table of figures found in the spreadsheet)")]
    NoStatistics,
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
            ImportError::TooMuchText { .. } => "import.too_much_text",
            ImportError::TooComplex(_) => "import.too_complex",
            ImportError::ScannedPdf => "import.scanned_pdf",
            ImportError::CorruptPdf(_) => "import.corrupt_pdf",
            ImportError::CorruptDoc(_) => "import.corrupt_doc",
            ImportError::OldWps => "import.old_wps",
            ImportError::CorruptSheet(_) => "import.corrupt_sheet",
            ImportError::NoStatistics => "import.no_statistics",
        }
    }

    /// The reason in Chinese alone, with what the drafter can do about it: what the app shows.
    /// (The `Display` text, Chinese and English with the technical detail, goes to the CLI, the
    /// log and the app's "详情".)
    pub fn for_drafter(&self) -> String {
        const RESAVE: &str = "请用 Word 或 WPS 打开它，另存为 .docx 后再导入";
        match self {
            ImportError::Empty => "文件是空的，没有可导入的内容。".to_owned(),
            ImportError::Io(_) => {
                "无法读取这个文件：请确认它还在原处、没有被其他程序占用，并且有读取权限。"
                    .to_owned()
            }
            ImportError::TooLarge { size_mb, limit_mb } => format!(
                "文件有 {size_mb} MB，超过了 {limit_mb} MB 的上限；一份年度报告通常不到 1 MB，请确认选对了文件。"
            ),
            ImportError::NotText => {
                "这不是文本文件（可能是图片或其他程序的文件），请确认选对了文件。".to_owned()
            }
            ImportError::UnknownEncoding => {
                "无法识别文件的文字编码：请用记事本打开，另存为 UTF-8 编码后再导入。".to_owned()
            }
            ImportError::Unsupported(kind) => {
                format!("暂不支持导入{kind}：请另存为 .docx 或 .txt 后再导入。")
            }
            ImportError::CorruptZip(_) => {
                format!("Word 文档已损坏或不完整（可能没有复制或下载完整）。{RESAVE}。")
            }
            ImportError::NotDocx(_) => {
                format!("这个文件不是 Word 文档（.docx）；如果是旧版 .doc 或 .wps 文件，{RESAVE}。")
            }
            ImportError::Encrypted => {
                "文档设置了打开密码，无法读取：请在 Word、WPS 或 PDF 阅读器中输入密码打开，取消密码（或另存一份不加密的副本）后再导入。".to_owned()
            }
            ImportError::ZipBomb { limit_mb } => {
                format!("文档解压后超过 {limit_mb} MB，不像一份正常的报告，为安全起见已拒绝。")
            }
            ImportError::MalformedXml(_) => format!("Word 文档内部格式有误，无法读取。{RESAVE}。"),
            ImportError::Timeout { seconds } => format!(
                "处理超过 {seconds} 秒仍未完成，已停止；请确认文件是一份报告，或拆分后再导入。"
            ),
            ImportError::NoText => {
                "文件里没有找到正文文字（可能是扫描图片）：请导入含文字的版本。".to_owned()
            }
            ImportError::TooDeep => {
                "网页结构嵌套过深，无法读取：请在浏览器中复制正文，存为 .txt 后再导入。".to_owned()
            }
            ImportError::Internal => {
                "导入时发生内部错误，其他文件不受影响；请再试一次。".to_owned()
            }
            ImportError::TooMuchText {
                size_mb,
                lines,
                limit_mb,
                limit_lines,
            } => format!(
                "文件展开后的文字有 {size_mb} MB、{lines} 行，超过了 {limit_mb} MB 或 {limit_lines} 行的上限；一份年度报告通常不到 1 MB、几百行，请确认选对了文件。"
            ),
            ImportError::TooComplex(what) => format!(
                "网页结构过于复杂（{what}），无法读取：请在浏览器中复制正文，存为 .txt 后再导入。"
            ),
            ImportError::ScannedPdf => {
                "这份 PDF 是扫描的图片，没有文字层，无法读取：请导入原始的 Word 文档或含文字的 PDF。"
                    .to_owned()
            }
            ImportError::CorruptPdf(_) => {
                "PDF 文件已损坏或不完整，无法读取：请重新下载，或导入原始的 Word 文档。".to_owned()
            }
            ImportError::CorruptDoc(_) => {
                format!("旧版 Word 文档（.doc 或 .wps）已损坏或格式有误。{RESAVE}。")
            }
            ImportError::OldWps => {
                "这是旧版 WPS 格式的文件，无法直接读取：请用 WPS 打开它，另存为 .docx 后再导入。"
                    .to_owned()
            }
            ImportError::CorruptSheet(_) => {
                "表格文件已损坏或格式有误：请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入。"
                    .to_owned()
            }
            ImportError::NoStatistics => {
                "表格里没有找到“指标名称＋数值”的统计表：请确认选对了工作表。".to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<ImportError> {
        vec![
            ImportError::Empty,
            ImportError::Io("tech-detail".into()),
            ImportError::TooLarge {
                size_mb: 60,
                limit_mb: 50,
            },
            ImportError::NotText,
            ImportError::UnknownEncoding,
            ImportError::Unsupported("PDF"),
            ImportError::CorruptZip("tech-detail".into()),
            ImportError::NotDocx("tech-detail".into()),
            ImportError::Encrypted,
            ImportError::ZipBomb { limit_mb: 200 },
            ImportError::MalformedXml("tech-detail".into()),
            ImportError::Timeout { seconds: 5 },
            ImportError::NoText,
            ImportError::TooDeep,
            ImportError::Internal,
            ImportError::ScannedPdf,
            ImportError::CorruptPdf("tech-detail".into()),
            ImportError::CorruptDoc("tech-detail".into()),
            ImportError::OldWps,
            ImportError::CorruptSheet("tech-detail".into()),
            ImportError::NoStatistics,
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
    fn the_drafter_reads_chinese_only_with_what_to_do() {
        for e in all() {
            let m = e.for_drafter();
            assert!(!m.contains('\n'), "one line: {m}");
            assert!(
                !m.chars().any(|c| c.is_ascii_alphabetic())
                    || m.contains(".docx")
                    || m.contains(".txt")
                    || m.contains("Word")
                    || m.contains("PDF")
                    || m.contains("UTF-8")
                    || m.contains("MB")
                    || m.contains(".xlsx"),
                "no English words but file kinds and program names: {m}"
            );
            assert!(
                !m.contains("tech-detail"),
                "never the technical detail (the test puts \"tech-detail\" there): {m}"
            );
            assert!(m.ends_with('。'), "a whole sentence: {m}");
        }
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
