//! The one error type of this crate. Every variant has a stable `code()` the UI and the CLI can
//! switch on; messages are Chinese first with English in brackets. Never carries a panic.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("模板有误 (template error) {name}: {reason}")]
    Template { name: String, reason: String },
    #[error("无法读取模板目录 (cannot read the template folder) {}: {reason}", path.display())]
    TemplateDir { path: PathBuf, reason: String },
    #[error("不支持的导出格式 (unsupported export format) “{0}”：请用 .docx、.md、.html 或 .txt")]
    UnsupportedFormat(String),
    #[error("无法写入 (cannot write) {}: {reason}", path.display())]
    Write { path: PathBuf, reason: String },
    #[error("无法生成 Word 文档 (cannot build the .docx): {0}")]
    Docx(String),
    #[error("年度无效 (invalid year) {0}：应在 1949 到 2100 之间")]
    InvalidYear(i32),
    #[error(
        "未知的导出版本 (unknown export version) “{0}”：请用 submit（报送版）或 public（公开版）"
    )]
    UnknownVersion(String),
    #[error("{version}还缺：{missing} (the {version} needs these parts)")]
    DeliveryIncomplete {
        version: &'static str,
        missing: String,
    },
    #[error("公开版不能留有待填标记，还有 {count} 处：{list} (fill-in marks left)")]
    MarksLeft { count: usize, list: String },
    #[error(
        "起草年度 {year} 须晚于上年报告的年度 {last} (the draft year must come after last year's report)"
    )]
    YearNotAfter { year: i32, last: i32 },
}

impl DraftError {
    /// A stable machine-readable code (`draft.template`, `draft.write`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            DraftError::Template { .. } => "draft.template",
            DraftError::TemplateDir { .. } => "draft.template_dir",
            DraftError::UnsupportedFormat(_) => "draft.unsupported_format",
            DraftError::Write { .. } => "draft.write",
            DraftError::Docx(_) => "draft.docx",
            DraftError::InvalidYear(_) => "draft.invalid_year",
            DraftError::YearNotAfter { .. } => "draft.year_not_after",
            DraftError::UnknownVersion(_) => "draft.unknown_version",
            DraftError::DeliveryIncomplete { .. } => "draft.delivery_incomplete",
            DraftError::MarksLeft { .. } => "draft.marks_left",
        }
    }
}

/// Tera's errors nest their cause; the drafter needs the innermost reason too.
pub(crate) fn tera_reason(err: &tera::Error) -> String {
    use std::error::Error as _;
    let mut reason = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        reason.push_str(": ");
        reason.push_str(&s.to_string());
        source = s.source();
    }
    reason
}
