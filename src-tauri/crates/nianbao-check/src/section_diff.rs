//! One section of this year's text beside last year's section of the same kind, as a word diff
//! (jieba tokens, figures whole): what the app's side-by-side view shows while drafting.
//!
//! It never pairs sections of different kinds, and it pairs two `other` sections only when their
//! headings read the same: a wrong counterpart would show a diff that means nothing.

use nianbao_report::{Report, Section, SectionKind};

use crate::diff::{Piece, diff_tokens, word_diff};
use crate::rules::Rules;

/// A section of this year's report and its word diff against last year's counterpart.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionDiff {
    /// This year's heading with its number (`（六）化解矛盾纠纷`).
    pub heading: String,
    /// Last year's counterpart's heading; `None` when last year had no such section (then the
    /// whole section is one insertion).
    pub last_heading: Option<String>,
    /// Concatenated, the `Same` and `Removed` pieces give last year's section text and the
    /// `Same` and `Added` pieces this year's.
    pub pieces: Vec<Piece>,
}

/// The diff of the section of `this` that contains the 1-based `line`: its innermost classified
/// section (else its innermost section). `None` when no section contains the line.
pub fn section_diff(
    this: &Report,
    line: usize,
    last: &Report,
    rules: &Rules,
) -> Option<SectionDiff> {
    let chain = this.sections_at(line);
    let section = chain
        .iter()
        .rev()
        .find(|s| s.kind != SectionKind::Other)
        .or(chain.last())?;
    let text = section_text(this, section);
    let Some(counterpart) = counterpart(section, last) else {
        return Some(SectionDiff {
            heading: full_heading(section),
            last_heading: None,
            pieces: vec![Piece::Added(text)],
        });
    };
    let old = section_text(last, counterpart);
    let pieces = word_diff(&diff_tokens(&old, rules), &diff_tokens(&text, rules));
    Some(SectionDiff {
        heading: full_heading(section),
        last_heading: Some(full_heading(counterpart)),
        pieces,
    })
}

/// Last year's section of the same kind, closest in level, first in text order.
fn counterpart<'a>(section: &Section, last: &'a Report) -> Option<&'a Section> {
    last.all_sections()
        .into_iter()
        .filter(|s| s.kind == section.kind)
        .filter(|s| {
            section.kind != SectionKind::Other || s.heading.trim() == section.heading.trim()
        })
        .min_by_key(|s| s.level.abs_diff(section.level))
}

fn full_heading(section: &Section) -> String {
    format!("{}{}", section.number, section.heading)
}

fn section_text(report: &Report, section: &Section) -> String {
    (section.line..=section.end_line.max(section.line))
        .map(|n| report.line(n))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAST: &str = "示例市2023年法治政府建设年度报告\n一、推进依法行政\n全市推进依法行政。\n二、化解矛盾纠纷\n全年受理行政复议申请113件，办理登记工作。\n三、存在的不足\n基层力量不足。";
    const THIS: &str = "示例市2024年法治政府建设年度报告\n一、推进依法行政\n全市推进依法行政。\n二、存在的不足\n基层力量仍显不足。\n三、化解矛盾纠纷\n全年受理行政复议申请128件，办理调查工作。";

    fn joined(pieces: &[Piece], keep_added: bool) -> String {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Same(s) => Some(s.as_str()),
                Piece::Added(s) if keep_added => Some(s.as_str()),
                Piece::Removed(s) if !keep_added => Some(s.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_section_is_diffed_against_last_years_section_of_the_same_kind() {
        let this = nianbao_report::parse_text(THIS);
        let last = nianbao_report::parse_text(LAST);
        let disputes_line = this
            .all_sections()
            .into_iter()
            .find(|s| s.kind == SectionKind::Disputes)
            .map(|s| s.line + 1)
            .expect("the parser finds the disputes part");
        let diff = section_diff(&this, disputes_line, &last, Rules::embedded())
            .expect("the line lies in a section");
        assert!(
            diff.last_heading
                .as_deref()
                .is_some_and(|h| h.contains("化解矛盾纠纷")),
            "paired by kind, not by position (it moved from 二 to 三): {diff:?}"
        );
        assert!(
            diff.pieces.contains(&Piece::Removed("113件".into()))
                && diff.pieces.contains(&Piece::Added("128件".into())),
            "a changed figure is one whole removed and one whole added unit: {:?}",
            diff.pieces
        );
        assert!(
            joined(&diff.pieces, true).contains("128件")
                && joined(&diff.pieces, false).contains("113件"),
            "the pieces rebuild both years' texts"
        );
    }

    #[test]
    fn a_section_last_year_lacked_is_all_new() {
        let this = nianbao_report::parse_text(THIS);
        let last =
            nianbao_report::parse_text("示例市2023年法治政府建设年度报告\n全市推进依法行政。");
        let diff = section_diff(&this, 7, &last, Rules::embedded()).expect("line 7 is in a part");
        assert_eq!(diff.last_heading, None, "nothing to compare with");
        assert!(
            matches!(diff.pieces.as_slice(), [Piece::Added(t)] if t.contains("128件")),
            "the whole section shows as inserted: {:?}",
            diff.pieces
        );
    }

    #[test]
    fn a_line_outside_every_section_has_no_diff() {
        let this = nianbao_report::parse_text(THIS);
        let last = nianbao_report::parse_text(LAST);
        assert_eq!(
            section_diff(&this, 10_000, &last, Rules::embedded()),
            None,
            "a line past the end belongs to no section"
        );
    }
}
