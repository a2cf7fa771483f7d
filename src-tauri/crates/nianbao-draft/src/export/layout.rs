//! What each line of a report is on the page: title, document number, addressee, heading (with
//! its level and, for a run-in heading, where the heading ends), body, issuer, date. Exports
//! (docx, html, md) all lay out these blocks; the outline comes from the parsed report, with
//! the numbering styles as a fallback. It never changes a word of the text (except writing the
//! signing date the official way, `2024年1月8日`).

use std::collections::HashMap;
use std::sync::OnceLock;

use nianbao_report::Report;
use regex::Regex;
use serde::Serialize;

use crate::marks::{self, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Title,
    DocNumber,
    Addressee,
    Heading,
    Body,
    Issuer,
    Date,
    /// 发文机关标志 (the 报送版's red heading), only in versions.
    IssuingMark,
    /// The empty space the seal is pressed into, above the issuer (报送版).
    SealSpace,
    /// 抄送 at the foot of the 报送版.
    Cc,
}

/// One paragraph on the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub role: Role,
    /// 1-4 for headings, 0 otherwise.
    pub level: u8,
    /// The whole line as written.
    pub text: String,
    /// The heading's own words (number included): the whole line, or for a run-in heading the
    /// part up to the first `。`. Empty for non-headings.
    pub head: Vec<Span>,
    /// The rest of the line (everything for non-headings).
    pub spans: Vec<Span>,
    /// CSS-ish alignment for the HTML skeleton: `""` (indented body), `flush`, `center`, `right`.
    pub align: &'static str,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|_| unreachable!("literal regex")))
}

/// Heading level by numbering style: `一、` 1, `（一）` 2, `1.`/`1、` 3, `（1）` 4.
pub fn numbering_level(line: &str) -> Option<u8> {
    static L1: OnceLock<Regex> = OnceLock::new();
    static L2: OnceLock<Regex> = OnceLock::new();
    static L3: OnceLock<Regex> = OnceLock::new();
    static L4: OnceLock<Regex> = OnceLock::new();
    if re(&L1, r"^[一二三四五六七八九十]+、").is_match(line) {
        return Some(1);
    }
    if re(&L2, r"^[（(][一二三四五六七八九十]+[）)]").is_match(line) {
        return Some(2);
    }
    if let Some(m) = re(&L3, r"^\d{1,2}[.．、]").find(line) {
        // `1.5万件` is a number, not a heading.
        let next = line[m.end()..].chars().next();
        return (!next.is_some_and(|c| c.is_ascii_digit())).then_some(3);
    }
    re(&L4, r"^[（(]\d{1,2}[）)]").is_match(line).then_some(4)
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"^(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./](\d{1,2})[-./](\d{1,2})|年\s*【.*】)$",
    )
}

/// A signing date written the official way: Arabic numerals, no leading zeros.
pub fn official_date(line: &str) -> Option<String> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let c = date_re().captures(&compact)?;
    let month = c.get(2).or(c.get(4));
    let day = c.get(3).or(c.get(5));
    match (month, day) {
        (Some(m), Some(d)) => {
            let m: u32 = m.as_str().parse().ok()?;
            let d: u32 = d.as_str().parse().ok()?;
            Some(format!("{}年{m}月{d}日", &c[1]))
        }
        _ => Some(compact),
    }
}

/// Lay out a parsed report: one block per non-empty line from the title on.
pub fn blocks(report: &Report) -> Vec<Block> {
    let lines: Vec<(usize, &str)> = (1..=report.lines.len())
        .map(|l| (l, report.line(l).trim()))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let title_at = report
        .meta
        .title
        .as_deref()
        .map(str::trim)
        .and_then(|t| lines.iter().position(|(_, l)| *l == t))
        .unwrap_or(0);
    let lines = &lines[title_at.min(lines.len())..];
    let headings: HashMap<usize, (u8, String)> = report
        .all_sections()
        .into_iter()
        .filter(|s| (1..=4).contains(&s.level) && !s.number.is_empty())
        .map(|s| (s.line, (s.level, format!("{}{}", s.number, s.heading))))
        .collect();

    // The signature: a date among the last lines (a note may follow), the issuer just above it.
    let n = lines.len();
    let date_at = (n.saturating_sub(4).max(1)..n)
        .rev()
        .find(|i| official_date(lines[*i].1).is_some());
    let issuer_at = date_at.and_then(|d| {
        let t = lines.get(d.checked_sub(1)?)?.1;
        (d >= 2 && t.chars().count() <= 30 && !t.contains('。') && !t.ends_with('：'))
            .then(|| d - 1)
    });

    let mut out = Vec::with_capacity(n);
    for (i, (line, text)) in lines.iter().enumerate() {
        let block = if i == 0 {
            plain(Role::Title, text, "center")
        } else if Some(i) == date_at {
            let date = official_date(text).unwrap_or_else(|| (*text).to_owned());
            plain(Role::Date, &date, "right")
        } else if Some(i) == issuer_at {
            plain(Role::Issuer, text, "right")
        } else if i <= 3 && is_doc_number(report, text) {
            plain(Role::DocNumber, text, "center")
        } else if i <= 4 && is_addressee(text) {
            plain(Role::Addressee, text, "flush")
        } else if let Some((level, head)) = heading(headings.get(line), text) {
            let rest = &text[head.len()..];
            Block {
                role: Role::Heading,
                level,
                text: (*text).to_owned(),
                head: marks::spans(&text[..head.len()]),
                spans: marks::spans(rest),
                align: "",
            }
        } else {
            plain(Role::Body, text, "")
        };
        out.push(block);
    }
    out
}

fn plain(role: Role, text: &str, align: &'static str) -> Block {
    Block {
        role,
        level: 0,
        text: text.to_owned(),
        head: Vec::new(),
        spans: marks::spans(text),
        align,
    }
}

fn is_doc_number(report: &Report, text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    report.meta.doc_number.as_deref().map(str::trim) == Some(text)
        || re(
            &RE,
            r"^[^\s，。]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号$",
        )
        .is_match(text)
        || (text.starts_with(marks::OPEN)
            && (text.contains('〔') || text.contains("文号"))
            && text.ends_with(marks::CLOSE))
}

fn is_addressee(text: &str) -> bool {
    (text.ends_with('：') || text.ends_with(':'))
        && text.chars().count() <= 30
        && !text.contains('。')
}

/// The heading part of a line (number included) and its level, if the line is a heading.
fn heading(parsed: Option<&(u8, String)>, text: &str) -> Option<(u8, String)> {
    let level = match parsed {
        Some((level, _)) => *level,
        None => numbering_level(text)?,
    };
    if let Some((_, head)) = parsed
        && !head.is_empty()
        && text.starts_with(head.as_str())
    {
        let mut head = head.clone();
        if text[head.len()..].starts_with('。') {
            head.push('。');
        }
        return Some((level, head));
    }
    // Run-in: `（一）坚持党的全面领导。一是……` — the heading ends at the first 。.
    let head = match text.find('。') {
        Some(at) if at + '。'.len_utf8() < text.len() => &text[..at + '。'.len_utf8()],
        _ => text,
    };
    Some((level, head.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::parse_text;

    #[test]
    fn numbering_styles_give_levels_but_numbers_do_not() {
        assert_eq!(numbering_level("一、主要举措"), Some(1));
        assert_eq!(numbering_level("(二)依法决策"), Some(2));
        assert_eq!(numbering_level("3.加强监督"), Some(3));
        assert_eq!(numbering_level("（4）其他"), Some(4));
        assert_eq!(
            numbering_level("1.5万件案件办结"),
            None,
            "a decimal is not a heading"
        );
    }

    #[test]
    fn signing_date_is_written_without_leading_zeros() {
        assert_eq!(official_date("2024-01-08").as_deref(), Some("2024年1月8日"));
        assert_eq!(
            official_date("2024年01月18日").as_deref(),
            Some("2024年1月18日")
        );
        assert_eq!(
            official_date("2025年【1月18日→？】").as_deref(),
            Some("2025年【1月18日→？】")
        );
        assert_eq!(official_date("2024年工作"), None);
    }

    #[test]
    fn report_lines_get_their_roles() {
        let report = parse_text(
            "示例县2024年法治政府建设年度报告\n示政发〔2025〕2号\n示例市人民政府：\n2024年，全县……\n一、主要举措和成效\n（一）加强党的领导。一是……\n示例县人民政府\n2025-01-08",
        );
        let roles: Vec<_> = blocks(&report).iter().map(|b| (b.role, b.level)).collect();
        use Role::*;
        assert_eq!(
            roles,
            [
                (Title, 0),
                (DocNumber, 0),
                (Addressee, 0),
                (Body, 0),
                (Heading, 1),
                (Heading, 2),
                (Issuer, 0),
                (Date, 0)
            ]
        );
        let run_in = &blocks(&report)[5];
        assert_eq!(
            run_in.head[0].text, "（一）加强党的领导。",
            "a run-in heading ends at the first 。"
        );
        assert_eq!(
            blocks(&report)[7].text,
            "2025年1月8日",
            "the date is written the official way"
        );
    }

    #[test]
    fn signature_is_found_above_a_closing_note() {
        let report = parse_text(
            "示例县2024年法治政府建设年度报告\n一、主要举措\n全年……。\n示例县人民政府\n2025年1月8日\n（此件公开发布）",
        );
        let roles: Vec<_> = blocks(&report).iter().map(|b| b.role).collect();
        assert_eq!(
            &roles[3..],
            &[Role::Issuer, Role::Date, Role::Body],
            "a note after the date does not hide the signature"
        );
    }
}
