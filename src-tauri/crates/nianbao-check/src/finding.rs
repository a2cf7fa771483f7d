//! The finding type: one thing a drafter should look at. Serialises exactly as design.md's
//! `check --format json` finding; the optional fields are omitted when they don't apply.
//!
//! Codes are a closed set ([`Code`], JSON strings as design.md writes them) exported to
//! TypeScript with the severities, so nothing outside this crate spells a code as a string. A
//! new rule adds one line to `codes!` below (variant, JSON string, severity).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::figures::{AlignedFigure, RowStatus};

/// How sure the checker is that something is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
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

/// Declares [`Code`]: each variant with its JSON string and the one severity design.md fixes.
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $text:literal, $severity:ident;)*) => {
        /// What a finding is about (design.md's table of codes). Serialised as its string
        /// (`figure.changed`); the window receives the same strings, typed.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
        )]
        #[ts(rename = "FindingCode")]
        pub enum Code {
            $($(#[doc = $doc])* #[serde(rename = $text)] $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as design.md writes it (`figure.changed`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            /// design.md fixes one severity per code.
            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    /// A figure that changed since last year (for the record).
    FigureChanged = "figure.changed", Info;
    /// A figure that stayed the same: updated?
    FigureUnchanged = "figure.unchanged", Warning;
    /// A figure that changed by far more than usual.
    FigureSwing = "figure.swing", Warning;
    /// A growth rate that does not follow from the two years' figures.
    FigureGrowth = "figure.growth", Error;
    /// A pair the aligner offers without being sure: the drafter can confirm it.
    FigurePossible = "figure.possible", Info;
    /// A named metric last year never reported.
    FigureNew = "figure.new", Info;
    /// A named metric of last year this year no longer reports.
    FigureDropped = "figure.dropped", Info;
    /// A part larger than its whole (受理 > 收到).
    ArithOrder = "arith.order", Error;
    /// A part larger than its whole where the larger count may include last year's carried-over
    /// cases (a hint to say so in the text).
    ArithCarriedOver = "arith.carried_over", Info;
    /// Parts that add up to more than their total.
    ArithPartsExceed = "arith.parts_exceed", Error;
    /// A rate that does not follow from its figures.
    ArithRate = "arith.rate", Error;
    /// A percentage over 100 where that cannot be.
    ArithPercent = "arith.percent", Error;
    /// A year that belongs to last year's report.
    TimeStaleYear = "time.stale_year", Warning;
    /// A term no longer in use.
    TermOutdated = "term.outdated", Warning;
    /// A term that did not exist yet in the year reported on.
    TermAnachronism = "term.anachronism", Error;
    /// A paragraph the same as last year's.
    TextSameAsLast = "text.same_as_last", Warning;
    /// A required part missing.
    StructureMissing = "structure.missing", Warning;
    /// Headings numbered out of order.
    StructureNumbering = "structure.numbering", Warning;
    /// Last year's plan item this year does not report on.
    PlanUnreported = "plan.unreported", Info;
    /// A miswritten character or word (proofreading).
    ProofTypo = "proof.typo", Warning;
    /// A non-standard term (proofreading).
    ProofTerm = "proof.term", Warning;
    /// Punctuation out of the official usage (proofreading).
    ProofPunct = "proof.punct", Warning;
    /// A number written out of the official usage (proofreading).
    ProofNumber = "proof.number", Warning;
    /// A word that may be miswritten (proofreading, a hint).
    ProofTypoHint = "proof.typo_hint", Info;
    /// Punctuation that may be out of usage (proofreading, a hint).
    ProofPunctHint = "proof.punct_hint", Info;
    /// A number that may be written out of usage (proofreading, a hint).
    ProofNumberHint = "proof.number_hint", Info;
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Tests and scripts compare with design.md's strings (`finding.code == "figure.new"`).
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::str::FromStr for Code {
    type Err = String;

    /// A code from its string (`figure.changed`); the error names the unknown string.
    fn from_str(s: &str) -> Result<Code, String> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| format!("unknown finding code {s}"))
    }
}

/// One finding (design.md's `check --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// `figure.changed`, `arith.rate`, … (design.md's table), serialised as that string.
    pub code: Code,
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
    pub fn new(code: Code, line: usize, excerpt: &str, message: String) -> Finding {
        Finding {
            code,
            severity: code.severity(),
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

/// What happened to a figure since last year, as the figure table shows it: the checker's own
/// verdict, so the table and the findings never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FigureStatus {
    /// Paired (by the aligner or the drafter's link) and different from last year.
    Changed,
    /// Paired and the same as last year: updated?
    Unchanged,
    /// Paired and changed by far more than usual.
    Swing,
    /// A named metric of last year this year no longer reports.
    Dropped,
    /// A named metric last year never reported.
    New,
    /// A pair the aligner offers without being sure (for the drafter to confirm).
    Possible,
    /// A figure left without a partner (unnamed, or no one candidate clearly best): not new,
    /// just not matched.
    Unpaired,
    /// The drafter said it has nothing to compare with.
    NotComparable,
}

/// The status of one row of the aligned table: for a pair (the aligner's or the drafter's link),
/// the `figure.*` finding about the same metric on the same line (changed or unchanged by value
/// when there is none); for any other row, why it has no partner ([`RowStatus`]).
pub fn figure_status(row: &AlignedFigure, findings: &[Finding]) -> FigureStatus {
    match row.status {
        RowStatus::New => return FigureStatus::New,
        RowStatus::Dropped => return FigureStatus::Dropped,
        RowStatus::Unpaired => return FigureStatus::Unpaired,
        RowStatus::NotComparable => return FigureStatus::NotComparable,
        RowStatus::Possible => return FigureStatus::Possible,
        RowStatus::Paired | RowStatus::Linked => {}
    }
    let verdict = findings.iter().find_map(|f| {
        let same_line = match row.this_line {
            Some(line) => f.line == line,
            None => f.last_line == row.last_line,
        };
        let about_row = f.metric.as_deref() == Some(row.metric.as_str()) && same_line;
        match f.code {
            Code::FigureSwing if about_row => Some(FigureStatus::Swing),
            Code::FigureUnchanged if about_row => Some(FigureStatus::Unchanged),
            Code::FigureChanged if about_row => Some(FigureStatus::Changed),
            _ => None,
        }
    });
    match (row.this_value, row.last_value) {
        (None, _) => FigureStatus::Dropped,
        (_, None) => FigureStatus::New,
        (Some(this), Some(last)) => verdict.unwrap_or(if (this - last).abs() < 1e-9 {
            FigureStatus::Unchanged
        } else {
            FigureStatus::Changed
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_fields_are_omitted_from_json() {
        let f = Finding::new(Code::ArithRate, 3, "成功率99%", "比率不符".into());
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

    fn row(status: RowStatus, this: Option<f64>, last: Option<f64>) -> AlignedFigure {
        AlignedFigure {
            metric: "行政复议·收到".into(),
            this_value: this,
            last_value: last,
            change: String::new(),
            this_line: this.map(|_| 3),
            last_line: last.map(|_| 4),
            confidence: 0.5,
            unit: "件".into(),
            status,
            words: Vec::new(),
            this_key: None,
            last_key: None,
            offered: Vec::new(),
        }
    }

    #[test]
    fn every_row_of_the_aligner_has_its_own_status() {
        let cases = [
            (
                row(RowStatus::Paired, Some(5.0), Some(4.0)),
                FigureStatus::Changed,
            ),
            (
                row(RowStatus::Paired, Some(4.0), Some(4.0)),
                FigureStatus::Unchanged,
            ),
            (
                row(RowStatus::Linked, Some(5.0), Some(4.0)),
                FigureStatus::Changed,
            ),
            (
                row(RowStatus::Possible, Some(5.0), Some(4.0)),
                FigureStatus::Possible,
            ),
            (row(RowStatus::New, Some(5.0), None), FigureStatus::New),
            (
                row(RowStatus::Dropped, None, Some(4.0)),
                FigureStatus::Dropped,
            ),
            (
                row(RowStatus::Unpaired, Some(5.0), None),
                FigureStatus::Unpaired,
            ),
            (
                row(RowStatus::NotComparable, Some(5.0), None),
                FigureStatus::NotComparable,
            ),
            (
                row(RowStatus::NotComparable, None, Some(4.0)),
                FigureStatus::NotComparable,
            ),
        ];
        for (r, want) in cases {
            assert_eq!(figure_status(&r, &[]), want, "{:?}", r.status);
        }
        let swing = Finding::new(Code::FigureSwing, 3, "", String::new()).with_values(
            "行政复议·收到",
            Some(5.0),
            Some(4.0),
        );
        assert_eq!(
            figure_status(&row(RowStatus::Linked, Some(5.0), Some(4.0)), &[swing]),
            FigureStatus::Swing,
            "a linked pair is judged like any pair"
        );
        assert_eq!(
            serde_json::to_value(FigureStatus::NotComparable).unwrap_or_default(),
            "not_comparable"
        );
    }

    #[test]
    fn every_code_keeps_its_json_string_and_reads_back() {
        for code in Code::ALL {
            let json = serde_json::to_value(code).unwrap_or_default();
            assert_eq!(json, code.as_str(), "the JSON string is design.md's");
            assert_eq!(code.as_str().parse::<Code>(), Ok(*code));
            let back: Code = serde_json::from_value(json).unwrap_or(Code::FigureNew);
            assert_eq!(back, *code);
        }
        assert_eq!(Code::FigureGrowth.severity(), Severity::Error);
        assert_eq!(Code::StructureNumbering.severity(), Severity::Warning);
        assert_eq!(Code::PlanUnreported.severity(), Severity::Info);
        assert!(
            "figure.nonsense".parse::<Code>().is_err(),
            "the set is closed"
        );
    }
}
