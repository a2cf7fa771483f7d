//! The finding type: one thing a drafter should look at. Serialises exactly as design.md's
//! `check --format json` finding; the optional five fields are omitted when they don't apply.

use serde::{Deserialize, Serialize};

/// How sure the checker is that something is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The Chinese label a drafter sees.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// One finding (design.md's `check --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// `figure.changed`, `arith.rate`, … (design.md's table).
    pub code: String,
    pub severity: Severity,
    /// Chinese, for the drafter.
    pub message: String,
    /// 1-based line in this year's text (0 when the finding is about the report as a whole).
    pub line: usize,
    pub excerpt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub this_value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_excerpt: Option<String>,
    /// The exact text the finding is about (`布署`), when it is one span of the line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
    /// 0-based character offset of `matched` in the line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What to write instead of `matched` (`部署`), when there is one replacement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl Finding {
    /// A finding with only the required fields; the severity follows from the code.
    pub fn new(code: &str, line: usize, excerpt: &str, message: String) -> Finding {
        Finding {
            code: code.to_owned(),
            severity: severity_of(code),
            message,
            line,
            excerpt: crate::text::shorten(excerpt, 80),
            metric: None,
            this_value: None,
            last_value: None,
            last_line: None,
            last_excerpt: None,
            matched: None,
            column: None,
            suggestion: None,
        }
    }

    /// Attach the span the finding is about (text and character column in its line) and, when
    /// there is one, its replacement.
    pub fn with_fix(mut self, matched: &str, column: usize, suggestion: Option<String>) -> Finding {
        self.matched = Some(matched.to_owned());
        self.column = Some(column);
        self.suggestion = suggestion;
        self
    }

    /// Attach where the same thing stood in last year's report.
    pub fn with_last(mut self, line: usize, excerpt: &str) -> Finding {
        self.last_line = Some(line);
        self.last_excerpt = Some(crate::text::shorten(excerpt, 80));
        self
    }

    /// Attach the metric and its values.
    pub fn with_values(mut self, metric: &str, this: Option<f64>, last: Option<f64>) -> Finding {
        self.metric = Some(metric.to_owned());
        self.this_value = this;
        self.last_value = last;
        self
    }
}

/// design.md fixes one severity per code.
pub fn severity_of(code: &str) -> Severity {
    match code {
        "figure.growth" | "arith.order" | "arith.parts_exceed" | "arith.rate" | "arith.percent"
        | "term.anachronism" => Severity::Error,
        "figure.unchanged"
        | "figure.swing"
        | "time.stale_year"
        | "term.outdated"
        | "text.same_as_last"
        | "structure.missing"
        | "structure.numbering"
        | "proof.typo"
        | "proof.term"
        | "proof.punct"
        | "proof.number" => Severity::Warning,
        _ => Severity::Info,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_fields_are_omitted_from_json() {
        let f = Finding::new("arith.rate", 3, "成功率99%", "比率不符".into());
        let json = serde_json::to_value(&f).unwrap_or_default();
        let keys: Vec<&String> = json
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        assert_eq!(
            keys.len(),
            5,
            "only code, severity, message, line, excerpt when nothing else applies: {keys:?}"
        );
        assert_eq!(json["severity"], "error", "arith.* is an error by design");
    }
}
