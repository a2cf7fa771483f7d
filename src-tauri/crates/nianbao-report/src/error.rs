//! Errors of this crate. Parsing text never fails (a text that is not a report yields a thin
//! [`crate::Report`]); only loading an edited data file (lexicon) can.

/// What can go wrong when reading a lexicon a drafter edited.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("词表文件 {file} 无法解析 (the lexicon file cannot be parsed): {reason}")]
    Lexicon { file: &'static str, reason: String },
}

impl ReportError {
    /// A stable machine-readable code (`report.lexicon`).
    pub fn code(&self) -> &'static str {
        match self {
            ReportError::Lexicon { .. } => "report.lexicon",
        }
    }
}
