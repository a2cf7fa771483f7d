//! Checks this year's report against last year's: figures aligned across the years, arithmetic
//! inside one report, stale years and dated terms, copied paragraphs, plans, structure.
//!
//! Precision over recall: an error-level finding must be provable from the text alone. This crate
//! never re-parses structure the parser owns; where the parser gives nothing (no sections) it
//! falls back to small, conservative text cues, and says less rather than guess.

mod arith;
mod copied;
pub mod diff;
mod error;
pub mod figures;
mod finding;
mod parts;
mod plans;
pub mod proof;
mod rules;
pub mod section_diff;
mod structure;
mod terms;
pub mod text;
mod years;

pub use error::CheckError;
pub use figures::{
    AlignedFigure, FigureAligner, FigureKey, FigureLink, LinkKind, OfferedFigure, RowStatus,
};
pub use finding::{Code, FigureStatus, Finding, Severity, figure_status};
pub use proof::proofread;
pub use rules::Rules;
pub use section_diff::{SectionDiff, section_diff};

use nianbao_report::Report;
use serde::Serialize;

/// Everything `nianbao check` reports (design.md's JSON contract).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// The year this report is about (`--year`, else the report's own, else inferred).
    pub year: Option<i32>,
    /// The year last year's report is about, when one was given.
    pub last_year: Option<i32>,
    /// Sorted: errors first, then warnings, then info; by line within each.
    pub findings: Vec<Finding>,
    /// The aligned figure table (empty without last year's report).
    pub figures: Vec<AlignedFigure>,
}

/// How to run a check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Overrides the year the report says it is about.
    pub year: Option<i32>,
}

/// Run every rule with the embedded default rules. Without `last`, only the rules that need one
/// report run.
pub fn check(this: &Report, last: Option<&Report>) -> CheckReport {
    check_with(this, last, &CheckOptions::default(), Rules::embedded())
}

/// Run every rule with explicit options and rules (a user-edited term table, say).
pub fn check_with(
    this: &Report,
    last: Option<&Report>,
    options: &CheckOptions,
    rules: &Rules,
) -> CheckReport {
    check_linked(this, last, options, rules, &[])
}

/// Run every rule, pairing figures as the drafter's links say first (kept in the library per
/// government: "this is last year's that", "not the same", "not comparable").
pub fn check_linked(
    this: &Report,
    last: Option<&Report>,
    options: &CheckOptions,
    rules: &Rules,
    links: &[FigureLink],
) -> CheckReport {
    // The rules cut the same lines again and again: each run is cut once for the whole check.
    let _cuts = nianbao_report::segment::memo();
    let year = options.year.or_else(|| years::report_year(this));
    let last_year = last.and_then(years::report_year);
    let mut findings = Vec::new();

    findings.extend(arith::check(this, rules));
    findings.extend(structure::check(this, year));
    if let Some(y) = year {
        findings.extend(terms::check(this, y, rules));
        findings.extend(years::check_own(this, y, options.year.is_some()));
    }
    findings.extend(proof::proofread(this, year, rules));

    let mut table = Vec::new();
    if let Some(last) = last {
        let copies = copied::find_copies(this, last);
        if let Some(y) = year {
            findings.extend(years::check_copied(this, last, y, last_year, &copies));
        }
        findings.extend(copied::findings(this, last, &copies));
        let aligned = FigureAligner::new(rules).align_linked(this, last, links);
        findings.extend(figures::findings(this, last, &aligned, rules));
        table = figures::table(this, last, &aligned);
        findings.extend(plans::check(this, last, rules));
    }

    findings.sort_by(|a, b| {
        (a.severity, a.line, a.code.as_str()).cmp(&(b.severity, b.line, b.code.as_str()))
    });
    // One stale-year finding per line is enough, whichever rule saw it first.
    findings.dedup_by(|a, b| {
        a.code == b.code
            && a.line == b.line
            && (a.message == b.message || (a.code == "time.stale_year" && a.line > 0))
    });
    CheckReport {
        year,
        last_year,
        findings,
        figures: table,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_report_raises_no_error() {
        let report = nianbao_report::parse_text("");
        assert!(
            check(&report, None)
                .findings
                .iter()
                .all(|f| f.severity != Severity::Error),
            "nothing in an empty text can prove an error"
        );
    }

    #[test]
    fn a_report_checked_against_itself_raises_no_error() {
        let text = "示例市2024年法治政府建设年度报告\n2024年，示例市全面推进依法行政。\n全年共受理行政复议申请120件，审结110件。";
        let report = nianbao_report::parse_text(text);
        let result = check(&report, Some(&report));
        assert!(
            result
                .findings
                .iter()
                .all(|f| f.severity != Severity::Error),
            "a report cannot contradict itself: {:?}",
            result.findings
        );
    }
}
