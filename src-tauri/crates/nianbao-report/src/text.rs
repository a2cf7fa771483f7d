//! Small text helpers shared by the parsing modules: trimming the spaces web copies carry,
//! clause and sentence boundaries. Pure functions over `&str`; no allocation unless returned.

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

/// Ends a clause: the span a figure's excerpt and its action words are looked for in.
pub fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | ',' | '；' | ';' | '：' | ':' | '！' | '!' | '？' | '?'
    )
}

/// Ends a sentence: the span a metric family carries over in.
pub fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?')
}

/// Byte range of the clause around `start..end` in `line`. A comma between two digits
/// (`1,234`) does not break a clause.
pub fn clause_bounds(line: &str, start: usize, end: usize) -> (usize, usize) {
    bounds(line, start, end, is_clause_break)
}

/// Byte range of the sentence around `start..end` in `line`.
pub fn sentence_bounds(line: &str, start: usize, end: usize) -> (usize, usize) {
    bounds(line, start, end, is_sentence_break)
}

fn bounds(line: &str, start: usize, end: usize, is_break: fn(char) -> bool) -> (usize, usize) {
    let bytes = line.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut from = 0;
    for (i, c) in line[..start].char_indices().rev() {
        if is_break(c) && !(c == ',' && i > 0 && digit_at(i - 1) && digit_at(i + 1)) {
            from = i + c.len_utf8();
            break;
        }
    }
    let mut to = line.len();
    for (i, c) in line[end..].char_indices() {
        let i = i + end;
        if is_break(c) && !(c == ',' && i > 0 && digit_at(i - 1) && digit_at(i + 1)) {
            to = i;
            break;
        }
    }
    (from, to)
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
