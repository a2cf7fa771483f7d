//! Small text helpers shared by the parsing modules: trimming the spaces web copies carry,
//! clause and sentence boundaries. Pure functions over `&str`; no allocation unless returned.

use crate::clause::{self, Level};

/// Trim ASCII and full-width spaces (U+3000) and no-break spaces from both ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
}

/// The text with every kind of space removed (`索 引 号` → `索引号`).
pub fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !(c.is_whitespace() || *c == '\u{3000}' || *c == '\u{a0}'))
        .collect()
}

/// Byte range of the clause around `start..end` in `line` ([`crate::clause`], clause level: a
/// comma between two digits (`1,234`) does not break a clause).
pub fn clause_bounds(line: &str, start: usize, end: usize) -> (usize, usize) {
    clause::bounds(line, start, end, Level::Clause)
}

/// Byte range of the sentence around `start..end` in `line`.
pub fn sentence_bounds(line: &str, start: usize, end: usize) -> (usize, usize) {
    clause::bounds(line, start, end, Level::Sentence)
}

/// Byte ranges of quoted spans (“…”, "…", 《…》, ‘…’, 「…」) in a line: numbers inside are
/// names (`“3550”改革`, `《纲要(2021-2025年)》`), not figures.
pub fn quoted_spans(line: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut ascii_open: Option<usize> = None;
    for (i, c) in line.char_indices() {
        match c {
            '“' | '《' | '‘' | '「' | '『' | '〈' => open.push((c, i)),
            '”' | '》' | '’' | '」' | '』' | '〉' => {
                let want = match c {
                    '”' => '“',
                    '》' => '《',
                    '’' => '‘',
                    '」' => '「',
                    '』' => '『',
                    _ => '〈',
                };
                if let Some(pos) = open.iter().rposition(|(o, _)| *o == want) {
                    let (_, s) = open[pos];
                    open.truncate(pos);
                    spans.push((s, i + c.len_utf8()));
                }
            }
            '"' => match ascii_open.take() {
                Some(s) => spans.push((s, i + 1)),
                None => ascii_open = Some(i),
            },
            _ => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_stops_at_chinese_and_ascii_commas() {
        let line = "收到行政复议申请36件,受理31件，审结29件。";
        let at = line.find("31").expect("fixture");
        let (a, b) = clause_bounds(line, at, at + 5);
        assert_eq!(&line[a..b], "受理31件", "the clause is between the commas");
    }

    #[test]
    fn thousands_comma_does_not_break_a_clause() {
        let line = "办理1,234件";
        let at = line.find('1').expect("fixture");
        let (a, b) = clause_bounds(line, at, at + 1);
        assert_eq!(&line[a..b], line);
    }

    #[test]
    fn quotes_and_book_titles_are_spans() {
        let line = "推进“3550”改革，落实《纲要(2021-2025年)》";
        let spans = quoted_spans(line);
        assert_eq!(spans.len(), 2, "{spans:?}");
        assert!(line[spans[0].0..spans[0].1].contains("3550"));
    }

    #[test]
    fn squeeze_removes_inner_spaces() {
        assert_eq!(squeeze("索 引 号\u{3000}"), "索引号");
    }
}

/// `line` cut into pieces of about `max` bytes, each ending after a sentence break (。！？；)
/// when there is one, else at a character boundary: `(byte offset, piece)`. A line within `max`
/// is one piece.
pub fn chunks(line: &str, max: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while line.len() - from > max {
        let mut cut = from + max;
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &line[from..cut];
        let at_sentence = window
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';'))
            .map(|(i, c)| from + i + c.len_utf8());
        let end = match at_sentence {
            Some(e) if e > from => e,
            _ if cut > from => cut,
            // `max` smaller than one character: take that character whole.
            _ => from + line[from..].chars().next().map_or(1, char::len_utf8),
        };
        out.push((from, &line[from..end]));
        from = end;
    }
    if from < line.len() || out.is_empty() {
        out.push((from, &line[from..]));
    }
    out
}

#[cfg(test)]
mod chunk_tests {
    use super::*;

    #[test]
    fn chunks_cover_the_line_and_end_at_sentences() {
        let line = "受理5件。审结4件。".repeat(100);
        let parts = chunks(&line, 64);
        assert!(parts.len() > 1);
        let joined: String = parts.iter().map(|(_, p)| *p).collect();
        assert_eq!(joined, line, "nothing lost or repeated");
        for (offset, p) in &parts {
            assert_eq!(
                &line[*offset..*offset + p.len()],
                *p,
                "offsets point at the piece"
            );
            assert!(p.ends_with('。'), "cut after a sentence: {p}");
        }
        assert_eq!(chunks("短句。", 64), vec![(0, "短句。")]);
        let no_punct = "字".repeat(100);
        assert!(chunks(&no_punct, 10).iter().all(|(_, p)| p.len() <= 10));
        assert_eq!(chunks("字", 1), vec![(0, "字")], "never splits a character");
    }

    #[test]
    fn a_clause_is_looked_for_only_so_far() {
        let line = format!("{}受理5件{}", "字".repeat(1000), "字".repeat(1000));
        let start = line.find("受理").unwrap_or_default();
        let (from, to) = clause_bounds(&line, start, start + "受理5件".len());
        assert_eq!(line[from..start].chars().count(), clause::MAX_REACH);
        assert_eq!(
            line[start + "受理5件".len()..to].chars().count(),
            clause::MAX_REACH
        );
    }
}
