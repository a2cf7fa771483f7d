//! Checks this year's report against last year's: figures aligned across the years, arithmetic
//! inside one report, stale years and dated terms, copied paragraphs, plans, structure.
//!
//! Precision over recall: an error-level finding must be provable from the text alone.

use nianbao_report::Report;
use serde::{Deserialize, Serialize};

/// How sure the checker is that something is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// One finding (design.md's `check --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub line: usize,
    pub excerpt: String,
}

/// Run every rule. Without `last`, only the rules that need one report run.
pub fn check(this: &Report, last: Option<&Report>) -> Vec<Finding> {
    let _ = (this, last);
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_report_raises_no_error() {
        let report = nianbao_report::parse_text("");
        assert!(
            check(&report, None)
                .iter()
                .all(|f| f.severity != Severity::Error),
            "nothing in an empty text can prove an error"
        );
    }
}
