//! The use cases' one error type. Domain crates have their own `thiserror` enums with a `code()`;
//! this passes them through unchanged and adds the few failures of the use cases themselves.
//! The window turns it into an IPC error, the command into its one-line reason.

/// Anything a use case can fail at.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error(transparent)]
    Import(#[from] nianbao_import::ImportError),
    #[error(transparent)]
    Store(#[from] nianbao_store::StoreError),
    #[error(transparent)]
    Draft(#[from] nianbao_draft::DraftError),
    #[error(transparent)]
    Rules(#[from] nianbao_check::CheckError),
    #[error(transparent)]
    Lexicon(#[from] nianbao_report::ReportError),
    #[error("第{0}行不在任何章节内，无法与上年对照 (the line is in no section)")]
    NoSection(usize),
    #[error("没有这类章节：“{0}”（可用：{known}）(unknown section kind)", known = known_kinds())]
    UnknownKind(String),
    #[error("文件读写失败 (a file could not be read or written): {0}")]
    Io(String),
    #[error(
        "“{0}”是统计表，不是报告：请在草稿的“部门材料”中导入（nianbao materials）(a statistics table is not a report)"
    )]
    StatisticsTable(String),
    #[error(
        "上年报告没有写明地区或年份，关联无法保存：请先在资料库中为它补上地区和年份 (last year's report names no government or year)"
    )]
    NoLinkScope,
}

/// The section kinds' keys, for a message that says what would have been accepted.
fn known_kinds() -> String {
    nianbao_report::SectionKind::ALL
        .iter()
        .map(|k| k.key())
        .collect::<Vec<_>>()
        .join("、")
}

impl DeskError {
    /// A stable machine-readable code: the domain crate's own (`import.empty`) or `app.*`.
    pub fn code(&self) -> &'static str {
        match self {
            DeskError::Import(e) => e.code(),
            DeskError::Store(e) => e.code(),
            DeskError::Draft(e) => e.code(),
            DeskError::Rules(e) => e.code(),
            DeskError::Lexicon(e) => e.code(),
            DeskError::NoSection(_) => "app.no_section",
            DeskError::UnknownKind(_) => "app.unknown_kind",
            DeskError::Io(_) => "app.io",
            DeskError::StatisticsTable(_) => "app.statistics_table",
            DeskError::NoLinkScope => "app.no_link_scope",
        }
    }

    /// What the drafter reads, and the technical detail when it is kept apart: an import
    /// failure is told in Chinese only, with what to do (its English reason goes to the detail).
    pub fn for_drafter(&self) -> (String, Option<String>) {
        match self {
            DeskError::Import(import) => (import.for_drafter(), Some(self.to_string())),
            _ => (self.to_string(), None),
        }
    }
}
