//! The outline: heading lines in every numbering style (一、 （一）/(一) 1. 1、 （1） and a
//! paragraph-initial 一是), run-in headings (`（一）坚持党的全面领导。一是……`), and parts that
//! have no heading at all (a next-year part that begins `2018年是……` or `下一步,……`).
//!
//! It decides structure only; kinds are given afterwards by [`crate::kinds`]. It must never
//! treat a number inside a paragraph (`…不足:1.学习不够深入`) as a heading.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Section, SectionKind};
use crate::numerals::chinese_value;
use crate::text::trim;

static LEVEL1: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<n>[一二三四五六七八九十]{1,3})\s*[、，,．.]|第(?P<p>[一二三四五六七八九十]{1,3})部分\s*[、，,．.：:]?)")
        .expect("static regex")
});
static LEVEL2: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]\s*(?P<n>[一二三四五六七八九十]{1,3})\s*[）)]\s*[、，,．.]?")
        .expect("static regex")
});
static LEVEL3: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>\d{1,2})\s*(?:[、．]|\.)").expect("static regex"));
static LEVEL4: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[（(]\s*(?P<n>\d{1,2})\s*[）)]|(?P<c>[①-⑳]))\s*[、，,．.]?")
        .expect("static regex")
});
static LEVEL5: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>[一二三四五六七八九十]{1,2})是").expect("static regex"));

/// Longest heading kept whole; a longer run-in heading is cut at its first clause.
const MAX_HEADING_CHARS: usize = 40;

/// A heading recognised at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    /// The numbering as written (`一、`, `(一)`, `1.`, `一是`).
    pub number: String,
    /// The heading text without its number; for a run-in heading, up to the first `。`.
    pub text: String,
    /// Byte length of the numbering prefix (with leading spaces) in the line as given.
    pub prefix_len: usize,
}

/// The heading a line starts with, if any.
pub fn heading(raw: &str) -> Option<Heading> {
    let line = trim(raw);
    let offset = raw.len()
        - raw
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
            .len();
    let (level, m) = [
        (2u8, &*LEVEL2),
        (4, &*LEVEL4),
        (1, &*LEVEL1),
        (3, &*LEVEL3),
        (5, &*LEVEL5),
    ]
    .into_iter()
    .find_map(|(level, re)| re.captures(line).map(|c| (level, c)))?;
    let whole = m.get(0)?;
    let n = m
        .name("n")
        .or_else(|| m.name("p"))
        .or_else(|| m.name("c"))?
        .as_str();
    if (level == 1 || level == 2 || level == 5) && chinese_value(n).is_none() {
        return None;
    }
    let rest = &line[whole.end()..];
    // `1.5亿元` is a number, not a heading; a heading number is followed by text.
    if (level == 3
        && whole.as_str().ends_with('.')
        && rest.starts_with(|c: char| c.is_ascii_digit()))
        || trim(rest).is_empty()
    {
        return None;
    }
    let number = if level == 5 {
        whole.as_str().to_owned()
    } else {
        whole.as_str().trim_end().to_owned()
    };
    Some(Heading {
        level,
        number,
        text: heading_text(rest),
        prefix_len: offset + whole.end(),
    })
}

/// The heading part of the text after a number: up to the first `。` (run-in heading), cut at
/// the first clause when that is still too long.
pub fn heading_text(rest: &str) -> String {
    let rest = trim(rest);
    let upto = rest.find('。').map_or(rest, |i| &rest[..i]);
    let text = if upto.chars().count() <= MAX_HEADING_CHARS {
        upto
    } else {
        let cut = upto
            .char_indices()
            .skip(4)
            .find(|(_, c)| matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '《' | '（' | '('))
            .map_or(upto.len(), |(i, _)| i);
        let clause = &upto[..cut];
        if clause.chars().count() <= MAX_HEADING_CHARS {
            clause
        } else {
            let end = clause
                .char_indices()
                .nth(MAX_HEADING_CHARS)
                .map_or(clause.len(), |(i, _)| i);
            &clause[..end]
        }
    };
    trim(text.trim_end_matches(['：', ':', '；', ';', '，', ','])).to_owned()
}

/// One outline entry before nesting: a heading or a recognised headless part.
#[derive(Debug, Clone)]
pub struct Entry {
    pub level: u8,
    pub number: String,
    pub heading: String,
    pub line: usize,
    /// Set for a part recognised without a heading: its kind is known from how it begins.
    pub forced: Option<SectionKind>,
}

/// Nest flat entries (text order) into a tree, computing each section's `end_line` (the line
/// before the next entry at the same or a higher level, else `body_end`, blank lines trimmed).
pub fn nest(entries: &[Entry], lines: &[String], body_end: usize) -> Vec<Section> {
    let last_text_line = |from: usize, to: usize| -> usize {
        let mut end = to;
        while end > from && lines.get(end - 1).is_none_or(|l| trim(l).is_empty()) {
            end -= 1;
        }
        end
    };
    let mut flat: Vec<Section> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let next = entries[i + 1..]
                .iter()
                .find(|n| n.level <= e.level)
                .map_or(body_end, |n| n.line.saturating_sub(1));
            Section {
                number: e.number.clone(),
                heading: e.heading.clone(),
                level: e.level,
                kind: e.forced.unwrap_or(SectionKind::Other),
                line: e.line,
                end_line: last_text_line(e.line, next.max(e.line)),
                children: Vec::new(),
            }
        })
        .collect();
    // Build the tree from the back: each section adopts the following deeper ones.
    let mut roots: Vec<Section> = Vec::new();
    while let Some(mut s) = flat.pop() {
        while let Some(pos) = roots.first().map(|r| r.level > s.level) {
            if !pos {
                break;
            }
            s.children.push(roots.remove(0));
        }
        roots.insert(0, s);
    }
    roots
}

/// The outline entries of the body lines `body_start..=body_end`: every heading line (numbered,
/// or marked as a heading by the source: `hints` are `(line, level)`), and every
/// paragraph that begins a part without a heading (`headless`: kind and how such a part
/// begins). A headless part is taken only in the second half of the body, only after the first
/// heading, and only when the enclosing top-level part is not already of that kind by its
/// heading (`heading_kind`). A paragraph opening with the report's own `year` (as its title or
/// label block states it) or an earlier one (`2017年是……` in the 2017 report) does not begin
/// next year's part.
pub fn entries(
    lines: &[String],
    body_start: usize,
    body_end: usize,
    year: Option<i32>,
    headless: &[(SectionKind, Regex)],
    hints: &[(usize, u8)],
    heading_kind: impl Fn(&str) -> Option<SectionKind>,
) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let half = body_start + body_end.saturating_sub(body_start) / 2;
    let mut top_kind: Option<SectionKind> = None;
    let mut found: Vec<SectionKind> = Vec::new();
    for n in body_start..=body_end {
        let Some(raw) = lines.get(n - 1) else { break };
        // A short line the source marked as a heading (a Word heading style) without a number.
        let hinted = || {
            let text = trim(raw);
            let level = hints.iter().find(|(l, _)| *l == n).map(|(_, lv)| *lv)?;
            (!text.is_empty() && text.chars().count() <= MAX_HEADING_CHARS && !text.contains('。'))
                .then(|| Heading {
                    level: level.clamp(1, 4),
                    number: String::new(),
                    text: heading_text(text),
                    prefix_len: 0,
                })
        };
        if let Some(h) = heading(raw).or_else(hinted) {
            if h.level == 1 {
                top_kind = heading_kind(&h.text);
                found.extend(top_kind);
            }
            out.push(Entry {
                level: h.level,
                number: h.number,
                heading: h.text,
                line: n,
                forced: None,
            });
            continue;
        }
        if out.is_empty() || n < half {
            continue;
        }
        let line = trim(raw);
        let Some(kind) = headless
            .iter()
            .find(|(_, re)| re.is_match(line))
            .map(|(k, _)| *k)
        else {
            continue;
        };
        if top_kind == Some(kind) || found.contains(&kind) {
            continue;
        }
        if kind == SectionKind::NextYear
            && opens_with_year(line).zip(year).is_some_and(|(y, r)| y <= r)
        {
            continue;
        }
        found.push(kind);
        top_kind = Some(kind);
        out.push(Entry {
            level: 1,
            number: String::new(),
            heading: heading_text(line),
            line: n,
            forced: Some(kind),
        });
    }
    out
}

/// The year a line opens with (`2018年是……` → 2018).
fn opens_with_year(line: &str) -> Option<i32> {
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    let rest = &line[digits.len()..];
    (digits.len() == 4 && rest.starts_with('年'))
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_styles_have_their_levels() {
        for (line, level, number) in [
            ("一、强化组织领导", 1, "一、"),
            ("（二）依法决策", 2, "（二）"),
            ("(三)严格执法", 2, "(三)"),
            ("1.科学部署年度重点工作", 3, "1."),
            ("2、规范执法", 3, "2、"),
            ("（1）案卷评查", 4, "（1）"),
            ("一是加强组织领导。市政府……", 5, "一是"),
            ("第二部分 存在的问题", 1, "第二部分"),
            ("①案卷评查", 4, "①"),
        ] {
            let h = heading(line).unwrap_or_else(|| panic!("{line} is a heading"));
            assert_eq!((h.level, h.number.as_str()), (level, number), "{line}");
        }
    }

    #[test]
    fn run_in_heading_ends_at_the_first_full_stop() {
        let h = heading("（一）坚持党的全面领导。一是切实履行第一责任人职责。").expect("heading");
        assert_eq!(h.text, "坚持党的全面领导");
    }

    #[test]
    fn numbers_that_are_not_headings() {
        for line in [
            "1.5亿元资金到位",
            "十九大以来",
            "2023年,我市……",
            "一、",
            "一二、x",
        ] {
            assert!(heading(line).is_none(), "{line} is not a heading");
        }
    }

    #[test]
    fn a_long_numbered_paragraph_keeps_a_short_heading() {
        let long = format!("1.加强队伍建设，{}。", "组织开展培训".repeat(30));
        let h = heading(&long).expect("a 1. paragraph is still a level-3 heading");
        assert_eq!((h.level, h.text.as_str()), (3, "加强队伍建设"));
    }
}
