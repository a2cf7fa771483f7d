//! Moving years forward when last year's report becomes this year's draft: the report year
//! (2017年度 → 2018年度) and the year after it (the plan year, the signing date) move; years that
//! are history (2019年以来, 2016-2020年, 自2015年, document numbers 〔2020〕) stay. The context
//! words live in data/years.toml. This module never touches figures or marks.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// Context words deciding whether a year is history (data/years.toml).
#[derive(Debug, Clone, Deserialize)]
pub struct YearRules {
    pub history_after: Vec<String>,
    pub history_before: Vec<String>,
    pub range_joiners: Vec<String>,
    pub comparison_before: Vec<String>,
}

impl YearRules {
    /// The rules shipped with the program.
    pub fn embedded() -> &'static YearRules {
        static RULES: OnceLock<YearRules> = OnceLock::new();
        RULES.get_or_init(|| {
            // The embedded file is part of the program and covered by a test, so a parse
            // failure here can only be a build mistake; fall back to no context words at all.
            toml::from_str(include_str!("../data/years.toml")).unwrap_or(YearRules {
                history_after: Vec::new(),
                history_before: Vec::new(),
                range_joiners: Vec::new(),
                comparison_before: Vec::new(),
            })
        })
    }
}

/// A year that was moved, for the drafter to review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MovedYear {
    /// 1-based line in the draft.
    pub line: usize,
    pub from: i32,
    pub to: i32,
    /// The words around the year, after the move.
    pub excerpt: String,
}

/// One year mention in a line: byte range of the four digits and the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMention {
    pub start: usize,
    pub end: usize,
    pub year: i32,
    /// True when the context makes it history (kept as written).
    pub history: bool,
    /// True when it is the base of a comparison (比2016年).
    pub comparison: bool,
}

fn digits() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\d+").unwrap_or_else(|_| unreachable!("literal regex")))
}

fn ends_with_any(text: &str, words: &[String]) -> bool {
    words
        .iter()
        .any(|w| !w.is_empty() && text.ends_with(w.as_str()))
}

fn starts_with_any(text: &str, words: &[String]) -> bool {
    words
        .iter()
        .any(|w| !w.is_empty() && text.starts_with(w.as_str()))
}

/// Every four-digit year written before 年 in a line, with its context.
pub fn mentions(line: &str, rules: &YearRules) -> Vec<YearMention> {
    let mut out = Vec::new();
    let numbers: Vec<_> = digits().find_iter(line).collect();
    for (i, m) in numbers.iter().enumerate() {
        let Ok(year) = m.as_str().parse::<i32>() else {
            continue;
        };
        if m.as_str().len() != 4 || !(1949..=2100).contains(&year) {
            continue;
        }
        let before = &line[..m.start()];
        let after = &line[m.end()..];
        // A period: this year joined to the next or the previous four-digit number.
        let joined_to_next = numbers.get(i + 1).is_some_and(|n| {
            n.as_str().len() == 4
                && starts_with_any(
                    line[m.end()..n.start()].trim_start_matches('年'),
                    &rules.range_joiners,
                )
                && line[m.end()..n.start()].chars().count() <= 2
        });
        let joined_to_prev = i > 0 && {
            let p = numbers[i - 1];
            let gap = &line[p.end()..m.start()];
            p.as_str().len() == 4
                && gap.chars().count() <= 2
                && ends_with_any(gap.trim_start_matches('年'), &rules.range_joiners)
        };
        if !after.starts_with('年') && !joined_to_next {
            continue;
        }
        let after_nian = after.strip_prefix('年').unwrap_or(after);
        let after_nian = after_nian.strip_prefix('度').unwrap_or(after_nian);
        let history = joined_to_next
            || joined_to_prev
            || starts_with_any(after_nian, &rules.history_after)
            || ends_with_any(before, &rules.history_before);
        let comparison = !history && ends_with_any(before, &rules.comparison_before);
        out.push(YearMention {
            start: m.start(),
            end: m.end(),
            year,
            history,
            comparison,
        });
    }
    out
}

/// The year a mention becomes in a report `delta` years later, or `None` when it stays.
/// Moved: the report year, the year after it (plans, the signing date), and an earlier year
/// used as the base of a comparison. Kept: history, and target years further ahead (到2020年).
pub fn moved_to(m: &YearMention, report_year: i32, delta: i32) -> Option<i32> {
    if m.history || delta == 0 {
        return None;
    }
    let moves = m.year == report_year
        || m.year == report_year + 1
        || (m.comparison && m.year < report_year);
    moves.then_some(m.year + delta)
}

/// Move the years of one line; returns the new line and `(from, to)` for each move.
pub fn move_line(
    line: &str,
    report_year: i32,
    delta: i32,
    rules: &YearRules,
) -> (String, Vec<(i32, i32)>) {
    let mut out = String::with_capacity(line.len());
    let mut moved = Vec::new();
    let mut last = 0;
    for m in mentions(line, rules) {
        if let Some(to) = moved_to(&m, report_year, delta) {
            out.push_str(&line[last..m.start]);
            out.push_str(&to.to_string());
            last = m.end;
            moved.push((m.year, to));
        }
    }
    out.push_str(&line[last..]);
    (out, moved)
}

/// Mentions of `year` that are neither history nor a comparison base (比2023年 is right in a
/// 2024 report): what a draft for the year after `year` must no longer contain.
pub fn unmoved(line: &str, year: i32, rules: &YearRules) -> Vec<YearMention> {
    mentions(line, rules)
        .into_iter()
        .filter(|m| m.year == year && !m.history && !m.comparison)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(line: &str) -> String {
        move_line(line, 2017, 1, YearRules::embedded()).0
    }

    #[test]
    fn embedded_rules_parse() {
        let rules: Result<YearRules, _> = toml::from_str(include_str!("../data/years.toml"));
        let rules = rules.expect("data/years.toml must parse");
        assert!(
            rules.history_after.iter().any(|w| w == "以来"),
            "以来 marks history"
        );
    }

    #[test]
    fn report_year_and_plan_year_move_forward() {
        assert_eq!(
            moved("2017年度法治政府建设工作报告"),
            "2018年度法治政府建设工作报告"
        );
        assert_eq!(
            moved("2018年是全面贯彻党的十九大精神的开局之年"),
            "2019年是全面贯彻党的十九大精神的开局之年"
        );
        assert_eq!(
            moved("2018年1月18日"),
            "2019年1月18日",
            "the signing date moves with the report"
        );
    }

    #[test]
    fn history_years_stay() {
        for line in [
            "2017年以来，累计培训",
            "自2017年起施行",
            "《法治政府建设实施纲要（2016-2020年）》",
            "2016—2017年度",
            "2016年至2020年",
            "常政发〔2017〕9号",
            "到2020年基本建成法治政府",
            "2015年建成的平台",
        ] {
            assert_eq!(moved(line), line, "history must not move: {line}");
        }
    }

    #[test]
    fn comparison_base_moves_with_the_report() {
        assert_eq!(
            moved("比2016年增长12%"),
            "比2017年增长12%",
            "同比 base is last year of the report"
        );
    }

    #[test]
    fn unmoved_finds_only_live_mentions() {
        let rules = YearRules::embedded();
        assert_eq!(
            unmoved("2017年以来，2017年全年", 2017, rules).len(),
            1,
            "only the second is live"
        );
    }
}
