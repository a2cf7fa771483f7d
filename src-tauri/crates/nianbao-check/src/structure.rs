//! Structure (`structure.missing`, `structure.numbering`): the parts a report on 2019 or later
//! must have, and heading numbers that skip, repeat or go backwards at one level.
//!
//! Uses the parser's outline when there is one; otherwise reads the numbers at line starts.
//! Inline enumerations (一是、二是) are never checked: drafters number them loosely.

use std::sync::OnceLock;

use nianbao_report::{Report, Section};
use regex::Regex;

use crate::finding::{Code, Finding};
use crate::parts;

/// The first report year for which the 2019 督察工作规定 requires the five items.
const REQUIRED_FROM: i32 = 2019;

pub fn check(report: &Report, year: Option<i32>) -> Vec<Finding> {
    let mut out = numbering(report);
    if year.is_some_and(|y| y >= REQUIRED_FROM) && report.paragraphs().count() > 3 {
        let found = parts::locate(report);
        let at = report.body_start.max(1);
        let mut missing = |what: &str| {
            out.push(Finding::new(
                Code::StructureMissing,
                at,
                "",
                format!("未找到“{what}”部分（2019年起年度报告须包含）"),
            ))
        };
        if found.problems.is_none() {
            missing("存在的不足和原因");
        }
        if found.next_year.is_none() {
            missing("下一年度主要安排");
        }
        if !report.lines.iter().any(|l| l.contains("第一责任")) {
            missing("党政主要负责人履行推进法治建设第一责任人职责情况");
        }
    }
    out
}

/// A Chinese or Arabic ordinal (`三`, `十二`, `12`).
fn ordinal(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => digit(*u).map(|u| 10 + u),
        [t, '十'] => digit(*t).map(|t| t * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

fn heading_res() -> &'static [Regex; 4] {
    static RES: OnceLock<[Regex; 4]> = OnceLock::new();
    RES.get_or_init(|| {
        [
            r"^([一二三四五六七八九十]+)、",
            r"^[（(]([一二三四五六七八九十]+)[)）]",
            r"^(\d{1,2})[.、．]([^\d]|$)",
            r"^[（(](\d{1,2})[)）]",
        ]
        .map(|p| Regex::new(p).expect("static regex"))
    })
}

/// Numbered headings as (line, level 1-4, number, as written).
fn numbered_lines(report: &Report) -> Vec<(usize, u8, u32, String)> {
    if !report.sections.is_empty() {
        return report
            .all_sections()
            .into_iter()
            .filter(|s| (1..=4).contains(&s.level))
            .filter_map(|s: &Section| {
                let digits: String = s
                    .number
                    .chars()
                    .filter(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
                    .collect();
                ordinal(&digits).map(|n| (s.line, s.level, n, s.number.clone()))
            })
            .collect();
    }
    let mut out = Vec::new();
    for (line, text) in report.paragraphs() {
        for (i, re) in heading_res().iter().enumerate() {
            if let Some(c) = re.captures(text)
                && let Some(n) = ordinal(&c[1])
            {
                out.push((
                    line,
                    i as u8 + 1,
                    n,
                    c[0].trim_end_matches(|ch: char| {
                        !ch.is_ascii_digit() && !"一二三四五六七八九十、.．)）".contains(ch)
                    })
                    .to_owned(),
                ));
                break;
            }
        }
    }
    out
}

fn numbering(report: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    // The last number seen at each level; a heading resets every deeper level.
    let mut last: [Option<u32>; 5] = [None; 5];
    // The last number of the previous run at each level (before the reset): some reports number
    // items straight across sub-parts ((一) 1. 2. 3. (二) 4.), a legitimate style.
    let mut carried: [Option<u32>; 5] = [None; 5];
    for (line, level, n, written) in numbered_lines(report) {
        let lvl = usize::from(level);
        let continues = last[lvl].is_none() && carried[lvl].is_some_and(|c| n == c + 1);
        let expected = last[lvl].map_or(if continues { n } else { 1 }, |p| p + 1);
        for deeper in lvl + 1..last.len() {
            carried[deeper] = last[deeper].or(carried[deeper]);
            last[deeper] = None;
        }
        let problem = match last[lvl] {
            Some(p) if n == p => Some(format!("编号“{written}”与上一个同级标题重复")),
            Some(p) if n < p => Some(format!("编号“{written}”排在{p}之后，顺序颠倒")),
            _ if n > expected => Some(format!("编号“{written}”之前缺少第{expected}项，编号不连续")),
            _ => None,
        };
        if let Some(message) = problem {
            out.push(Finding::new(
                Code::StructureNumbering,
                line,
                report.line(line),
                message,
            ));
        }
        last[lvl] = Some(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::parse_text;

    #[test]
    fn ordinals_parse() {
        assert_eq!(ordinal("十二"), Some(12));
        assert_eq!(ordinal("二十"), Some(20));
        assert_eq!(ordinal("七"), Some(7));
        assert_eq!(ordinal("3"), Some(3));
    }

    #[test]
    fn a_gap_a_repeat_and_a_reversal_are_each_reported_once() {
        let text = "一、组织领导\n（一）学法\n（二）考核\n（二）督察\n二、依法决策\n（一）决策\n（三）顾问\n四、化解纠纷\n三、普法";
        let f = numbering(&parse_text(text));
        let lines: Vec<usize> = f.iter().map(|f| f.line).collect();
        assert_eq!(
            lines,
            vec![4, 7, 8, 9],
            "repeat (二), gap (三 after 一), gap (四), reversal (三): {f:?}"
        );
    }

    #[test]
    fn sub_numbering_restarts_under_each_heading() {
        let text = "一、组织领导\n1.科学部署\n2.履行职责\n二、制度建设\n1.规范性文件\n2.合法性审核";
        assert!(numbering(&parse_text(text)).is_empty());
    }

    #[test]
    fn numbering_may_continue_across_sub_parts() {
        let text = "一、主要举措\n（一）学法\n1.示例一\n2.示例二\n3.示例三\n（二）改革\n4.示例四\n5.示例五\n（三）执法\n6.示例六";
        let f = numbering(&parse_text(text));
        assert!(f.is_empty(), "1–6 straight across (一)(二)(三): {f:?}");
    }

    #[test]
    fn a_skip_or_repeat_in_continued_numbering_is_still_reported() {
        // Continues 1–3 into (二) but skips 5 there; then repeats 7 under (三).
        let text = "一、主要举措\n（一）学法\n1.示例一\n2.示例二\n3.示例三\n（二）改革\n4.示例四\n6.示例六\n（三）执法\n7.示例七\n7.示例七又";
        let f = numbering(&parse_text(text));
        let lines: Vec<usize> = f.iter().map(|f| f.line).collect();
        assert_eq!(lines, vec![8, 11], "gap (6 after 4), repeat (7): {f:?}");
        // A run under a new sub-part that neither restarts at 1 nor continues is a gap.
        let text = "一、主要举措\n（一）学法\n1.示例一\n2.示例二\n（二）改革\n5.示例五";
        let f = numbering(&parse_text(text));
        assert_eq!(
            f.iter().map(|f| f.line).collect::<Vec<_>>(),
            vec![6],
            "{f:?}"
        );
        assert!(f[0].message.contains("缺少第1项"), "{f:?}");
    }

    #[test]
    fn reports_before_2019_need_no_shortcomings_part() {
        let text = "示例市2017年法治政府建设工作报告\n一、组织领导\n全面推进依法行政，各项工作取得明显成效。\n二、依法决策\n重大行政决策全部经过合法性审查。";
        assert!(check(&parse_text(text), Some(2017)).is_empty());
        let f = check(&parse_text(text), Some(2020));
        assert_eq!(
            f.len(),
            3,
            "2020: shortcomings, next year and 第一责任人 all missing: {f:?}"
        );
    }
}
