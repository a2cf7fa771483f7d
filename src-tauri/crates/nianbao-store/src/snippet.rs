//! Search snippets cut from a paragraph's ORIGINAL text, with the query's words highlighted.
//!
//! Pure functions on strings: no SQL, no segmentation (the caller passes the words to mark).
//! Highlights are byte ranges into the snippet text, so the UI can render them without parsing
//! markers; [`Snippet::marked`] gives the bracketed form people read in a terminal.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A piece of a paragraph and where the query's words are in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges into `text`, in order, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The snippet with each highlight wrapped (`【行政复议】`).
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8 * self.highlights.len());
        let mut at = 0;
        for h in &self.highlights {
            out.push_str(&self.text[at..h.start]);
            out.push_str(open);
            out.push_str(&self.text[h.clone()]);
            out.push_str(close);
            at = h.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// Every occurrence of any term in `text`, leftmost first, longer terms preferred at the same
/// position, never overlapping. Byte ranges.
pub fn find_terms(text: &str, terms: &[&str]) -> Vec<Range<usize>> {
    let mut terms: Vec<&str> = terms.iter().copied().filter(|t| !t.is_empty()).collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    terms.dedup();
    let mut found = Vec::new();
    let mut next_free = 0;
    for (i, _) in text.char_indices() {
        if i < next_free {
            continue;
        }
        if let Some(t) = terms.iter().find(|t| text[i..].starts_with(**t)) {
            found.push(i..i + t.len());
            next_free = i + t.len();
        }
    }
    found
}

/// A window of at most `max_chars` characters of `paragraph` around the first match of any term
/// (the paragraph's start when none matches), `…` marking cut ends.
pub fn make_snippet(paragraph: &str, terms: &[&str], max_chars: usize) -> Snippet {
    let matches = find_terms(paragraph, terms);
    let total = paragraph.chars().count();
    let (start_char, end_char) = if total <= max_chars {
        (0, total)
    } else {
        let first = matches
            .first()
            .map_or(0, |m| paragraph[..m.start].chars().count());
        let start = first.saturating_sub(max_chars / 4);
        let start = start.min(total - max_chars);
        (start, start + max_chars)
    };
    let byte_at = |c: usize| {
        paragraph
            .char_indices()
            .nth(c)
            .map_or(paragraph.len(), |(b, _)| b)
    };
    let (start, end) = (byte_at(start_char), byte_at(end_char));
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < paragraph.len() { "…" } else { "" };
    let text = format!("{prefix}{}{suffix}", &paragraph[start..end]);
    let highlights = matches
        .into_iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| (m.start - start + prefix.len())..(m.end - start + prefix.len()))
        .collect();
    Snippet { text, highlights }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_term_wins_at_the_same_position() {
        let text = "受理行政复议申请12件，复议决定均已履行";
        let found = find_terms(text, &["复议", "行政复议"]);
        let words: Vec<&str> = found.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            words,
            ["行政复议", "复议"],
            "the whole query is marked, not a piece of it"
        );
    }

    #[test]
    fn short_paragraph_is_kept_whole_and_marked() {
        let s = make_snippet("全年受理行政复议申请12件。", &["行政复议"], 80);
        assert_eq!(s.marked("【", "】"), "全年受理【行政复议】申请12件。");
    }

    #[test]
    fn long_paragraph_is_cut_around_the_first_match() {
        let para = format!("{}行政复议{}", "甲".repeat(200), "乙".repeat(200));
        let s = make_snippet(&para, &["行政复议"], 40);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert_eq!(s.highlights.len(), 1, "the match is inside the window");
        assert_eq!(&s.text[s.highlights[0].clone()], "行政复议");
        assert_eq!(
            s.text.chars().count(),
            42,
            "40 characters of text plus two ellipses"
        );
    }

    #[test]
    fn match_near_the_end_keeps_a_full_window() {
        let para = format!("{}复议", "甲".repeat(100));
        let s = make_snippet(&para, &["复议"], 30);
        assert!(s.text.ends_with("复议"), "{}", s.text);
        assert_eq!(
            s.text.chars().count(),
            31,
            "window of 30 plus the leading …"
        );
    }

    #[test]
    fn no_match_gives_the_start_of_the_paragraph() {
        let s = make_snippet("一二三四五六", &["七"], 3);
        assert_eq!(s.text, "一二三…");
        assert!(s.highlights.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn highlights_always_point_at_a_term(para in "[复议行政申请，。a1]{0,60}", max in 1usize..40) {
            let terms = ["行政复议", "复议", "a1"];
            let s = make_snippet(&para, &terms, max);
            for h in &s.highlights {
                proptest::prop_assert!(terms.contains(&&s.text[h.clone()]), "{:?} in {:?}", h, s.text);
            }
        }
    }
}
