//! The one clause splitter of the project: the parser (figure excerpts, metric names) and the
//! checker (arithmetic, stated changes) cut a line at the same marks.
//!
//! Three levels, each a superset of the marks of the one before:
//! - [`Level::Sentence`]: 。！？；; !? — the span a metric family carries over in, the group the
//!   checker does its arithmetic in;
//! - [`Level::Clause`]: the sentence marks and ，, ：: — a figure's excerpt and its action words;
//! - [`Level::Item`]: the clause marks and 、 — one item of an enumeration (`3大类、75项措施`:
//!   75项 is 措施, nothing of 大类).
//!
//! Everywhere: a comma between two digits (`1,234`, `1，234`) is a thousands separator, never a
//! break; a break is looked for at most [`MAX_REACH`] characters away on each side, so a line
//! without punctuation (a pasted table, hostile input) costs linear time.

use std::ops::Range;

/// How far a span reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Sentence,
    Clause,
    Item,
}

/// How far (in characters) a break is looked for on each side of a position.
pub const MAX_REACH: usize = 400;

impl Level {
    /// Whether `c` ends a span of this level (the digit rule aside, see [`Level::breaks_at`]).
    pub fn is_break(self, c: char) -> bool {
        let sentence = matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?');
        match self {
            Level::Sentence => sentence,
            Level::Clause => sentence || matches!(c, '，' | ',' | '：' | ':'),
            Level::Item => sentence || matches!(c, '，' | ',' | '：' | ':' | '、'),
        }
    }

    /// Whether the character `c` at byte `i` of `text` ends a span: a break mark that is not a
    /// thousands separator between two digits.
    pub fn breaks_at(self, text: &str, i: usize, c: char) -> bool {
        self.is_break(c) && !(matches!(c, ',' | '，') && between_digits(text, i, c.len_utf8()))
    }
}

fn between_digits(text: &str, i: usize, len: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + len..].chars().next();
    let digit =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    digit(before) && digit(after)
}

/// Byte range of the span of `level` around `start..end` in `line` (marks excluded).
pub fn bounds(line: &str, start: usize, end: usize, level: Level) -> (usize, usize) {
    let start = start.min(line.len());
    let end = end.clamp(start, line.len());
    let mut from = 0;
    for (n, (i, c)) in line[..start].char_indices().rev().enumerate() {
        if n == MAX_REACH {
            from = i + c.len_utf8();
            break;
        }
        if level.breaks_at(line, i, c) {
            from = i + c.len_utf8();
            break;
        }
    }
    let mut to = line.len();
    for (n, (i, c)) in line[end..].char_indices().enumerate() {
        let i = i + end;
        if n == MAX_REACH || level.breaks_at(line, i, c) {
            to = i;
            break;
        }
    }
    (from, to)
}

/// The text of the span of `level` that ends at byte `pos` (from the last break before it).
pub fn before(text: &str, pos: usize, level: Level) -> &str {
    let pos = floor_boundary(text, pos);
    let (from, _) = bounds(text, pos, pos, level);
    &text[from..pos]
}

/// The text from byte `pos` to the end of its span of `level`.
pub fn after(text: &str, pos: usize, level: Level) -> &str {
    let pos = floor_boundary(text, pos);
    let (_, to) = bounds(text, pos, pos, level);
    &text[pos..to]
}

/// Byte ranges of the spans of `level` of a line, each with its closing mark; blank spans
/// (a mark right after another) are left out.
pub fn split(line: &str, level: Level) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if level.breaks_at(line, i, c) {
            let end = i + c.len_utf8();
            if !line[start..i].trim().is_empty() {
                out.push(start..end);
            }
            start = end;
        }
    }
    if !line[start..].trim().is_empty() {
        out.push(start..line.len());
    }
    out
}

fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_nest() {
        let line = "梳理3大类、75项措施，审查1,234件；清理1，234件。";
        let at = line.find("75").unwrap_or_default();
        let item = bounds(line, at, at + 2, Level::Item);
        let clause = bounds(line, at, at + 2, Level::Clause);
        let sentence = bounds(line, at, at + 2, Level::Sentence);
        assert_eq!(&line[item.0..item.1], "75项措施");
        assert_eq!(&line[clause.0..clause.1], "梳理3大类、75项措施");
        assert_eq!(
            &line[sentence.0..sentence.1],
            "梳理3大类、75项措施，审查1,234件"
        );
    }

    #[test]
    fn a_comma_between_digits_is_a_thousands_separator() {
        for line in ["办理1,234件", "办理1，234件", "办理１，２３４件"] {
            let at = line.find('理').unwrap_or_default();
            assert_eq!(bounds(line, at, at, Level::Item), (0, line.len()), "{line}");
        }
        assert_eq!(split("收到36件,受理31件", Level::Clause).len(), 2);
    }

    #[test]
    fn before_after_and_split_agree() {
        let line = "受理行政复议申请128件，同比增长13.3%。审结120件";
        let pos = line.find("128").unwrap_or_default();
        assert_eq!(before(line, pos, Level::Item), "受理行政复议申请");
        assert_eq!(after(line, pos, Level::Item), "128件");
        let parts: Vec<&str> = split(line, Level::Sentence)
            .into_iter()
            .map(|r| &line[r])
            .collect();
        assert_eq!(
            parts,
            ["受理行政复议申请128件，同比增长13.3%。", "审结120件"]
        );
        assert_eq!(split("。。", Level::Sentence), Vec::<Range<usize>>::new());
    }

    #[test]
    fn a_break_is_looked_for_only_so_far() {
        let line = format!("{}受理5件{}", "字".repeat(1000), "字".repeat(1000));
        let start = line.find("受理").unwrap_or_default();
        let (from, to) = bounds(&line, start, start + "受理5件".len(), Level::Clause);
        assert_eq!(line[from..start].chars().count(), MAX_REACH);
        assert_eq!(line[start + "受理5件".len()..to].chars().count(), MAX_REACH);
        assert_eq!(before(&line, start, Level::Item).chars().count(), MAX_REACH);
    }
}
