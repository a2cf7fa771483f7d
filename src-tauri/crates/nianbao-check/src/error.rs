//! Errors of this crate. Checking itself never fails; only loading user-edited rule files can.

/// What can go wrong when loading rules.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("规则文件 {file} 无法解析 (cannot parse rule file): {reason}")]
    BadRuleFile { file: String, reason: String },
    #[error("规则文件 {file} 中的用语 {term} 的正则表达式无效 (invalid pattern): {reason}")]
    BadPattern {
        file: String,
        term: String,
        reason: String,
    },
}

impl CheckError {
    /// A stable code the UI can switch on.
    pub fn code(&self) -> &'static str {
        match self {
            CheckError::BadRuleFile { .. } => "check.bad_rule_file",
            CheckError::BadPattern { .. } => "check.bad_pattern",
        }
    }
}
