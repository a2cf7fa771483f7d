//! Fill-in marks: the `【…】` spans a drafter must replace before the report is done
//! (`【113件→？】` for a figure from last year, `【行政复议受理件数：＿＿】` for a blank in a
//! template, `【写作提示：…】` for guidance). One syntax everywhere so exports can highlight them
//! and checks can count them. It must never decide what a figure means.

use serde::Serialize;

pub const OPEN: char = '【';
pub const CLOSE: char = '】';

/// The mark for a figure whose value last year was `raw` (`【113件→？】`).
pub fn figure_mark(raw: &str) -> String {
    format!("{OPEN}{raw}→？{CLOSE}")
}

/// The mark for a value nobody has supplied yet (`【行政复议受理件数：＿＿】`).
pub fn blank_mark(label: &str) -> String {
    format!("{OPEN}{label}：＿＿{CLOSE}")
}

/// A piece of a line: plain text or a whole fill-in mark (brackets included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    pub mark: bool,
}

/// Split a line into plain text and marks. An unclosed `【` is plain text (imported text may
/// contain a stray bracket); the concatenation of the spans is always the input.
pub fn spans(line: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find(OPEN) {
        let after = &rest[open + OPEN.len_utf8()..];
        let Some(close) = after.find(CLOSE) else {
            break;
        };
        if open > 0 {
            out.push(Span {
                text: rest[..open].to_owned(),
                mark: false,
            });
        }
        let end = open + OPEN.len_utf8() + close + CLOSE.len_utf8();
        out.push(Span {
            text: rest[open..end].to_owned(),
            mark: true,
        });
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(Span {
            text: rest.to_owned(),
            mark: false,
        });
    }
    out
}

/// How many fill-in marks a text still holds.
pub fn count(text: &str) -> usize {
    text.lines()
        .map(|l| spans(l).iter().filter(|s| s.mark).count())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_the_whole_line_in_order() {
        let line = "受理【113件→？】，审结【行政复议审结件数：＿＿】件。";
        let parts = spans(line);
        let joined: String = parts.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, line, "spans must reassemble the line exactly");
        let marks: Vec<_> = parts.iter().filter(|s| s.mark).map(|s| &s.text).collect();
        assert_eq!(marks, ["【113件→？】", "【行政复议审结件数：＿＿】"]);
    }

    #[test]
    fn unclosed_bracket_stays_plain_text() {
        let parts = spans("见【附件");
        assert_eq!(parts.len(), 1, "no mark without a closing bracket");
        assert!(!parts[0].mark);
    }

    #[test]
    fn figure_mark_shows_last_years_value() {
        assert_eq!(figure_mark("113件"), "【113件→？】");
        assert_eq!(count("a【1→？】b【x：＿＿】\n【c】"), 3);
    }
}
