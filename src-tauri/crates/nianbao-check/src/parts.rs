//! Where a report's shortcomings part and next-year part are. The parser's section kinds come
//! first; without them (or when it found none) a few conservative text cues stand in: a short
//! heading-like line naming the part, or a paragraph that opens the way such parts open
//! (`2018年是……`, `下一步，`, `尽管取得了一定成绩，但……仍存在`).
//!
//! Must never guess a part from position alone.

use std::ops::RangeInclusive;
use std::sync::OnceLock;

use nianbao_report::{Report, SectionKind};
use regex::Regex;

/// 1-based inclusive line ranges of the two parts, when found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    pub problems: Option<RangeInclusive<usize>>,
    pub next_year: Option<RangeInclusive<usize>>,
}

fn next_year_heading() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"工作思路|工作安排|工作打算|下一步|下步|下一年度|努力方向|主要安排|工作计划|工作重点|工作展望")
            .expect("static regex")
    })
}

fn next_year_opening() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(\d{4}年是|下一步[，,]|下一年度?[，,]|\d{4}年[，,][^。]{0,12}将)")
            .expect("static regex")
    })
}

fn problems_heading() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"存在的?问题|存在的?不足|问题和不足|不足和原因|问题与不足|困难和问题|短板|薄弱环节",
        )
        .expect("static regex")
    })
}

fn problems_opening() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(尽管|虽然|但是|同时)?[^。]{0,30}(仍然?存在|还存在)[^。]{0,20}(问题|不足|短板)",
        )
        .expect("static regex")
    })
}

/// A line short enough to be a heading (numbered or not).
pub fn is_heading_like(text: &str) -> bool {
    let n = text.chars().count();
    n > 0 && n <= 30 && !text.ends_with('。')
}

/// Locate the parts of a report.
pub fn locate(report: &Report) -> Parts {
    let end = last_body_line(report);
    let mut parts = Parts::default();
    for s in report.all_sections() {
        match s.kind {
            SectionKind::NextYear if parts.next_year.is_none() => {
                parts.next_year = Some(s.line..=s.end_line.max(s.line))
            }
            SectionKind::Problems if parts.problems.is_none() => {
                parts.problems = Some(s.line..=s.end_line.max(s.line))
            }
            _ => {}
        }
    }
    if parts.next_year.is_none() {
        // An opening sentence counts only in the second half of the body: a retrospective
        // introduction (`2024年是……的关键一年，一年来……`) stands at the start.
        let count = report.paragraphs().count();
        parts.next_year = report
            .paragraphs()
            .enumerate()
            .find(|(i, (_, t))| {
                (is_heading_like(t) && next_year_heading().is_match(t))
                    || (*i * 2 >= count && next_year_opening().is_match(t))
            })
            .map(|(_, (l, _))| l..=end.max(l));
    }
    if parts.problems.is_none() {
        let stop = parts
            .next_year
            .as_ref()
            .map_or(end, |r| r.start().saturating_sub(1));
        parts.problems = report
            .paragraphs()
            .find(|(_, t)| {
                (is_heading_like(t) && problems_heading().is_match(t))
                    || problems_opening().is_match(t)
            })
            .map(|(l, _)| l..=stop.max(l));
    }
    parts
}

/// The last line of the body: before the signature (a short line naming the issuer or a date)
/// and the portal's trailing chrome.
fn last_body_line(report: &Report) -> usize {
    report
        .paragraphs()
        .filter(|(_, t)| t.chars().count() > 30)
        .map(|(l, _)| l)
        .last()
        .unwrap_or(report.lines.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::parse_text;

    #[test]
    fn a_next_year_part_without_heading_is_found_by_its_opening() {
        let text = "一、主要工作\n全年受理行政复议申请113件，审结92件，全面推进依法行政工作。\n2024年是全面贯彻党的二十大精神的关键之年，我市将继续推进法治政府建设。\n一是加强组织领导，压实第一责任人职责，确保各项任务落到实处。";
        let parts = locate(&parse_text(text));
        assert_eq!(
            parts.next_year,
            Some(3..=4),
            "`2024年是` opens the next-year part"
        );
        assert_eq!(parts.problems, None, "no shortcomings part in this text");
    }

    #[test]
    fn headings_name_the_parts() {
        let text = "一、工作成效\n做了很多工作，取得了明显成效，群众满意度持续提升。\n二、存在的问题\n基层执法规范化水平有待进一步提升，专业人才仍然不足。\n三、2025年工作思路\n持续深化综合行政执法体制改革，提升执法规范化水平。";
        let parts = locate(&parse_text(text));
        assert_eq!(parts.problems, Some(3..=4));
        assert_eq!(parts.next_year, Some(5..=6));
    }
}
