//! Stale years (`time.stale_year`): the report's year, the title against the body, this year
//! named in the next-year part, last year's plans written as this year's, and last year's year
//! left behind in text copied from last year's report.
//!
//! Years legitimately about last year (向人大报告2019年度工作情况, 2019年以来, 2022年底) are never
//! flagged on their own: only in copied text (the year sits in an unchanged run of the diff) or
//! in constructions that mean "this year".

use std::sync::OnceLock;

use nianbao_report::Report;
use regex::Regex;

use crate::copied::Copy;
use crate::diff::Piece;
use crate::finding::{Code, Finding};
use crate::parts::{self, is_heading_like};
use crate::text::excerpt_at;

fn title_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(\d{4})\s*年度?[^。，,]{0,16}(法治政府|依法行政|法治建设)[^。，,]{0,16}(报告|综述|情况)")
            .expect("static regex")
    })
}

fn opening_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(\d{4})年(度)?[，,]").expect("static regex"))
}

/// The report's title line and the year it names, from the metadata or the first lines.
fn title_year(report: &Report) -> Option<(usize, i32)> {
    if let Some(title) = &report.meta.title
        && let Some(c) = title_re().captures(title)
    {
        let line = report
            .lines
            .iter()
            .position(|l| l.contains(title.as_str()))
            .map_or(1, |i| i + 1);
        return c[1].parse().ok().map(|y| (line, y));
    }
    report.lines.iter().take(15).enumerate().find_map(|(i, l)| {
        let t = l.trim();
        (t.chars().count() <= 40)
            .then(|| title_re().captures(t))
            .flatten()
            .and_then(|c| c[1].parse().ok())
            .map(|y| (i + 1, y))
    })
}

/// The year of the first body paragraph that opens with one (`2020年，江山市……`).
fn opening_year(report: &Report) -> Option<(usize, i32)> {
    report.paragraphs().take(8).find_map(|(l, t)| {
        opening_re()
            .captures(t)
            .and_then(|c| c[1].parse().ok())
            .map(|y| (l, y))
    })
}

/// The year a report is about: its metadata, else its title, else its opening paragraph.
pub fn report_year(report: &Report) -> Option<i32> {
    report
        .meta
        .year
        .or_else(|| title_year(report).map(|(_, y)| y))
        .or_else(|| opening_year(report).map(|(_, y)| y))
}

fn stale(line: usize, text: &str, at: usize, message: String) -> Finding {
    Finding::new(
        Code::TimeStaleYear,
        line,
        &excerpt_at(text, at..at),
        message,
    )
}

/// Rules that need only this report: title against body and `--year`, the next-year part naming
/// this year, last year's plan presented as this year's.
pub fn check_own(report: &Report, year: i32, overridden: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let title = title_year(report);
    if let Some((line, t)) = title
        && t != year
        && overridden
    {
        out.push(stale(
            line,
            report.line(line),
            0,
            format!("标题写的是{t}年，但本报告按{year}年度核对"),
        ));
    }
    if let Some((line, b)) = opening_year(report)
        && b != year
        && (b == year - 1 || title.is_some_and(|(_, t)| t == year))
    {
        out.push(stale(
            line,
            report.line(line),
            0,
            format!("开篇写的是{b}年，报告年度是{year}年，疑为沿用上年文字"),
        ));
    }
    // The next-year part (or a heading announcing it) naming this year instead of the next.
    let y = year.to_string();
    let next = parts::locate(report).next_year;
    // The opening (before the first heading, or the first paragraph naming the year when there
    // is none) rightly says `2020年是…` of its own year: only later paragraphs can be stale.
    let this_year = format!("{y}年");
    let body_from = report.sections.first().map_or_else(
        || {
            report
                .paragraphs()
                .find(|(_, t)| t.contains(&this_year))
                .map_or(0, |(l, _)| l + 1)
        },
        |s| s.line,
    );
    for (line, text) in report.paragraphs() {
        let in_next = next.as_ref().is_some_and(|r| r.contains(&line));
        let Some(at) = text.find(&this_year) else {
            continue;
        };
        let in_opening = line < body_from;
        let head = &text[at..];
        let plan_heading = is_heading_like(text)
            && head.chars().count() <= 24
            && ["思路", "安排", "打算", "计划", "重点", "展望"]
                .iter()
                .any(|w| head.contains(w));
        let opens_next = at == 0
            && !in_opening
            && (head.starts_with(&format!("{y}年是"))
                || (in_next
                    && (head.starts_with(&format!("{y}年，"))
                        || head.starts_with(&format!("{y}年,")))));
        if plan_heading || opens_next {
            out.push(stale(
                line,
                text,
                at,
                format!("下一年度部分写的是{year}年，应为{}年", year + 1),
            ));
        }
    }
    // Last year's plan named as this year's (`下发2017年度法治政府建设工作计划` in a 2018 report),
    // and, inside the next-year part, this year's plan named as next year's
    // (`制定2024年度工作要点` among the plans for 2025 of a 2024 report).
    let plan_of = |y: i32| {
        Regex::new(&format!(
            r"(下发|印发|制定|出台|部署|制发|审定|审议通过)\s*{y}年度?\p{{Han}}{{0,12}}(工作计划|工作要点|重点工作任务|任务清单|工作方案)"
        ))
    };
    if let (Ok(last_plan), Ok(this_plan)) = (plan_of(year - 1), plan_of(year)) {
        for (line, text) in report.paragraphs() {
            let in_next = next.as_ref().is_some_and(|r| r.contains(&line));
            if let Some(m) = last_plan.find(text).filter(|_| !in_next) {
                out.push(stale(
                    line,
                    text,
                    m.start(),
                    format!("本年度的工作计划写成了{}年度，应为{year}年度", year - 1),
                ));
            } else if let Some(m) = this_plan.find(text).filter(|_| in_next) {
                out.push(stale(
                    line,
                    text,
                    m.start(),
                    format!(
                        "下一年度部分要制定的是{}年度的计划，这里写成了{year}年度",
                        year + 1
                    ),
                ));
            }
        }
    }
    out
}

/// Last year's own year left in an unchanged run of text copied from last year's report.
pub fn check_copied(
    this: &Report,
    last: &Report,
    year: i32,
    last_year: Option<i32>,
    copies: &[Copy],
) -> Vec<Finding> {
    let ly = last_year.unwrap_or(year - 1);
    if ly >= year {
        return Vec::new();
    }
    let needle = format!("{ly}年");
    let mut out = Vec::new();
    for copy in copies {
        let left_behind = copy.pieces.iter().any(|p| match p {
            Piece::Same(s) => s.match_indices(&needle).any(|(i, _)| {
                let after = &s[i + needle.len()..];
                let before = s[..i].chars().next_back();
                !before.is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '—' | '–' | '至'))
                    && !["以来", "底", "末", "前", "初"]
                        .iter()
                        .any(|w| after.starts_with(w))
            }),
            _ => false,
        });
        if left_behind {
            let text = this.line(copy.this_line);
            let at = text.find(&needle).unwrap_or(0);
            out.push(
                stale(
                    copy.this_line,
                    text,
                    at,
                    format!(
                        "本段沿用上年报告第{}行的文字，其中“{needle}”未随之改为{year}年",
                        copy.last_line
                    ),
                )
                .with_last(copy.last_line, last.line(copy.last_line)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::copied::find_copies;
    use nianbao_report::parse_text;

    #[test]
    fn the_year_comes_from_the_title() {
        let r = parse_text(
            "示例市人民政府2024年法治政府建设年度报告\n2024年，示例市深入推进依法行政。",
        );
        assert_eq!(report_year(&r), Some(2024));
    }

    #[test]
    fn a_next_year_part_naming_this_year_is_stale() {
        let r = parse_text(
            "示例市2024年法治政府建设年度报告\n2024年，示例市深入推进依法行政，取得明显成效。\n2024年是全面贯彻党的二十大精神的关键之年，我市将继续努力。",
        );
        let f = check_own(&r, 2024, false);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 3);
    }

    #[test]
    fn the_opening_may_say_what_its_own_year_was() {
        let r = parse_text(
            "示例市2020年法治政府建设年度报告\n2020年是法治政府建设实施纲要的收官之年，示例市深入推进依法行政。\n一、主要举措\n全年召开常务会议研究法治政府建设工作6次。",
        );
        assert!(check_own(&r, 2020, false).is_empty());
    }

    #[test]
    fn plans_named_for_the_wrong_year_are_stale() {
        let r = parse_text(
            "示例市人民政府关于2024年度法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n市政府主要负责人亲自审定2023年度重点任务清单，带头出庭应诉2次。\n各部门制定2024年度法治政府建设工作要点并全部落实。\n二、2025年推进法治政府建设的主要安排\n一是深入学习贯彻习近平法治思想，制定2024年度法治政府建设工作要点。二是印发2025年度普法工作要点。",
        );
        let lines: Vec<usize> = check_own(&r, 2024, false).iter().map(|f| f.line).collect();
        assert_eq!(
            lines,
            [3, 6],
            "last year's list reviewed this year, and this year's plan among next year's; this year's plan made this year is fine"
        );
    }

    #[test]
    fn years_legitimately_about_last_year_are_not_stale() {
        let r = parse_text(
            "示例市2020年法治政府建设年度报告\n2020年，示例市主动向人大报告2019年度法治政府建设工作情况，2019年以来累计培训执法人员500人，以2019年底为基数。\n三、2021年工作思路\n2021年，我市将继续推进。",
        );
        assert!(
            check_own(&r, 2020, false).is_empty(),
            "{:?}",
            check_own(&r, 2020, false)
        );
        let last = parse_text(
            "示例市2019年法治政府建设年度报告\n2019年，示例市全面加强行政执法规范化建设，组织开展各类执法培训。",
        );
        let copies = find_copies(&r, &last);
        assert!(check_copied(&r, &last, 2020, Some(2019), &copies).is_empty());
    }

    #[test]
    fn last_years_year_left_in_a_copied_paragraph_is_stale() {
        let last = parse_text(
            "示例市2023年法治政府建设年度报告\n印发2023年度法治政府建设工作要点，明确年度重点任务三十项，按照责任分工和时间节点抓好落实。",
        );
        let this = parse_text(
            "示例市2024年法治政府建设年度报告\n印发2023年度法治政府建设工作要点，明确年度重点任务三十二项，按照责任分工和时间节点抓好落实。",
        );
        let copies = find_copies(&this, &last);
        let f = check_copied(&this, &last, 2024, Some(2023), &copies);
        assert_eq!(f.len(), 1, "the copied 2023年度 was not moved on: {f:?}");
        assert_eq!(f[0].last_line, Some(2));
        assert_eq!(
            check_own(&this, 2024, false).len(),
            1,
            "印发2023年度…工作要点 in 2024 is last year's plan"
        );
    }

    #[test]
    fn a_year_override_that_contradicts_the_title_is_reported() {
        let r = parse_text("示例市2023年法治政府建设年度报告\n2023年，示例市深入推进依法行政。");
        let f = check_own(&r, 2024, true);
        assert!(
            f.iter().any(|f| f.line == 1),
            "title year 2023 vs --year 2024: {f:?}"
        );
    }
}
