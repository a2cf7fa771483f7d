//! Dated terms (`term.outdated`, `term.anachronism`) from the editable table `data/terms.toml`.
//!
//! An anachronism (error) only when the term provably did not exist in the report's year; a term
//! past its period is a warning, and none at all when its sentence speaks of it as past
//! (十三五期间, 七五普法收官).

use nianbao_report::Report;

use crate::finding::{Code, Finding};
use crate::rules::{Rules, Term};
use crate::text::{excerpt_at, sentences};

/// Findings for every dated term of the report's body, at most one per term and line.
pub fn check(report: &Report, year: i32, rules: &Rules) -> Vec<Finding> {
    let mut out = Vec::new();
    for (line, text) in report.paragraphs() {
        for term in &rules.terms {
            // Every mention, not only the first: a review of the period earlier in the paragraph
            // does not excuse a later mention as current. One finding per term and line.
            let Some(m) = term.pattern.find_iter(text).find(|m| {
                let sentence = sentences(text)
                    .into_iter()
                    .find(|s| s.start <= m.start() && m.start() < s.end)
                    .map_or(text, |s| &text[s]);
                let excused = year >= term.exists_from
                    && (year <= term.valid_to
                        || (reviewed(term, sentence)
                            && !(year > term.valid_to + 1
                                && names_successor(term, sentence, rules))));
                !excused
            }) else {
                continue;
            };
            let excerpt = excerpt_at(text, m.start()..m.end());
            if year < term.exists_from {
                // An error must be provable: a document being drafted, or another issuer's
                // document of the same name (a province's 纲要), does not prove it.
                let sentence = sentences(text)
                    .into_iter()
                    .find(|s| s.start <= m.start() && m.start() < s.end)
                    .map_or(text, |s| &text[s]);
                // Only the next year's document can be in preparation in this year's report.
                if (term.exists_from == year + 1 && speaks_of_drafting(sentence))
                    || local_title(text, m.start())
                {
                    continue;
                }
                out.push(Finding::new(
                    Code::TermAnachronism,
                    line,
                    &excerpt,
                    format!(
                        "“{}”{}年起才出现，不可能出现在{year}年度的报告中",
                        term.name, term.exists_from
                    ),
                ));
            } else if year > term.valid_to {
                let instead = if term.replacement.is_empty() {
                    String::new()
                } else {
                    format!("，应为“{}”", term.replacement)
                };
                out.push(Finding::new(
                    Code::TermOutdated,
                    line,
                    &excerpt,
                    format!(
                        "“{}”适用于{}年及以前，{year}年度报告中作为现行用语已过时{instead}",
                        term.name, term.valid_to
                    ),
                ));
            }
        }
    }
    out
}

/// Words that speak of a document as still being prepared (谋划制定, 起草): the next year's
/// title in this year's report is then no anachronism.
const DRAFTING: &[&str] = &[
    "制定",
    "起草",
    "编制",
    "谋划",
    "研究制订",
    "制订",
    "征求意见",
    "即将出台",
    "拟出台",
];

fn speaks_of_drafting(sentence: &str) -> bool {
    DRAFTING.iter().any(|w| sentence.contains(w))
}

/// The match lies inside a 《…》 title issued by a place (《广东省法治政府建设实施纲要(…)》),
/// not the central document the term table describes.
fn local_title(text: &str, at: usize) -> bool {
    let Some(open) = text[..at].rfind('《') else {
        return false;
    };
    if text[open..at].contains('》') {
        return false;
    }
    let title = &text[open + '《'.len_utf8()..at];
    let head = title.split("法治政府").next().unwrap_or("");
    ["省", "市", "自治区", "州", "县", "区", "盟", "旗"]
        .iter()
        .any(|w| head.contains(w))
}

/// The sentence speaks of the term as past (七五普法收官).
fn reviewed(term: &Term, sentence: &str) -> bool {
    term.past_markers
        .iter()
        .any(|w| sentence.contains(w.as_str()))
}

/// The sentence also names the term that replaced it (八五 beside 七五). Only in the first year
/// after the period may a report name both as current business (七五收官、八五开局).
fn names_successor(term: &Term, sentence: &str, rules: &Rules) -> bool {
    let successor = term
        .replacement
        .trim_start_matches('《')
        .trim_end_matches('》');
    !successor.is_empty()
        && rules
            .terms
            .iter()
            .any(|t| t.name == successor && t.pattern.is_match(sentence))
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::parse_text;

    fn codes(text: &str, year: i32) -> Vec<String> {
        check(&parse_text(text), year, Rules::embedded())
            .into_iter()
            .map(|f| f.code.to_string())
            .collect()
    }

    #[test]
    fn a_later_title_being_drafted_or_issued_by_a_province_is_no_anachronism() {
        assert!(
            codes(
                "谋划制定《示例省法治政府建设实施纲要（2021—2025年）》。",
                2020
            )
            .is_empty()
        );
        assert!(
            codes(
                "对照《示例省法治政府建设实施纲要(2021-2025年)》查找差距。",
                2020
            )
            .is_empty(),
            "a province's own 纲要 is not the central one"
        );
        assert!(
            codes(
                "研究起草贯彻落实法治政府建设实施纲要(2021-2025年)的措施。",
                2020
            )
            .is_empty()
        );
        assert_eq!(
            codes("研究起草法治政府建设实施纲要(2021-2025年)。", 2019),
            vec!["term.anachronism"],
            "two years early, drafting is no excuse"
        );
        assert_eq!(
            codes("全面落实《法治政府建设实施纲要(2021-2025年)》。", 2020),
            vec!["term.anachronism"],
            "the central 纲要 applied as current in a 2020 report stays an error"
        );
    }

    #[test]
    fn qiwu_pufa_in_2023_is_outdated() {
        assert_eq!(
            codes("深入推进“七五”普法规划贯彻实施。", 2023),
            vec!["term.outdated"]
        );
    }

    #[test]
    fn a_past_period_named_beside_its_successor_is_outdated_after_the_transition_year() {
        assert_eq!(
            codes(
                "全面完成“七五”普法总结验收，深入推动“七五”普法规划全面实施，启动“八五”普法中期评估。",
                2023
            ),
            vec!["term.outdated"]
        );
        assert_eq!(
            codes("“七五”普法总结验收后，“八五”普法规划全面实施。", 2023),
            vec!["term.outdated"],
            "in 2023 only the transition year is past: naming both is stale"
        );
        assert!(
            codes("“七五”普法顺利收官，“八五”普法规划全面启动。", 2021).is_empty(),
            "the transition year may name both"
        );
        assert!(codes("回顾“七五”普法成效，总结经验。", 2023).is_empty());
    }

    #[test]
    fn a_past_period_reviewed_as_past_is_fine() {
        assert!(codes("“十三五”期间，我市法治政府建设取得长足进步。", 2021).is_empty());
        assert!(codes("抓好“七五”普法收官，顺利通过验收。", 2021).is_empty());
    }

    #[test]
    fn xi_rule_of_law_thought_before_2020_is_an_anachronism() {
        assert_eq!(
            codes("深入学习贯彻习近平法治思想。", 2019),
            vec!["term.anachronism"]
        );
        assert!(
            codes("深入学习贯彻习近平法治思想。", 2020).is_empty(),
            "named Nov 2020"
        );
    }

    #[test]
    fn fazhiban_is_fine_in_2017_and_outdated_in_2020() {
        assert!(codes("在市法制办门户网站开辟复议决定公开专栏。", 2017).is_empty());
        assert_eq!(
            codes("在市法制办门户网站开辟复议决定公开专栏。", 2020),
            vec!["term.outdated"]
        );
    }

    #[test]
    fn the_next_outline_in_a_2020_report_is_an_anachronism_but_bayu_planning_is_not() {
        assert_eq!(
            codes("深入实施《法治政府建设实施纲要(2021-2025年)》。", 2020),
            vec!["term.anachronism"]
        );
        assert!(
            codes("制定实施“八五”普法规划。", 2020).is_empty(),
            "八五 was planned in 2020"
        );
    }
}
