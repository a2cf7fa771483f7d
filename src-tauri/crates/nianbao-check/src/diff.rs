//! Word-level diffs of Chinese text: jieba words as the diff units, with a number, its
//! approximation marks and its unit merged into one unit (`113件`, `3200余人次`, `99.45%`), so a
//! changed figure shows as `[-113件-]{+128件+}` and a changed word as `[-登记-]{+调查+}`.
//!
//! Every diff runs with a timeout: a pathological pair must never stall a check.

use std::time::Duration;

use nianbao_report::segment;
use similar::{Algorithm, DiffTag, TextDiff};

use crate::rules::Rules;

/// Longest time one paragraph diff may take before similar approximates.
const DIFF_TIMEOUT: Duration = Duration::from_millis(20);

/// Characters that belong to the number part of a figure.
fn is_numeric(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '%' | '％')
}

/// Diff units of a text: jieba words with figures merged; concatenated they give the input.
pub fn diff_tokens<'a>(text: &'a str, rules: &Rules) -> Vec<&'a str> {
    let words = segment::words(text);
    let mut out = Vec::with_capacity(words.len());
    let mut offset = 0;
    let mut i = 0;
    while i < words.len() {
        let start = offset;
        let first = words[i];
        offset += first.len();
        i += 1;
        if first.starts_with(|c: char| c.is_ascii_digit()) && first.chars().all(is_numeric) {
            // The rest of the number (jieba may cut `99.45%` into pieces).
            while i < words.len() && words[i].chars().all(is_numeric) {
                offset += words[i].len();
                i += 1;
            }
            // Approximation marks, 万/亿, then at most one unit.
            while i < words.len() {
                let rest = words[i].trim_start_matches(['余', '多', '万', '亿']);
                if rest.is_empty() {
                    offset += words[i].len();
                    i += 1;
                    continue;
                }
                if rules.unit_class(rest).is_some() {
                    offset += words[i].len();
                    i += 1;
                }
                break;
            }
        }
        out.push(&text[start..offset]);
    }
    out
}

/// How alike two token sequences are: similar's ratio, 2·matches / (len_a + len_b).
pub fn similarity(old: &[&str], new: &[&str]) -> f64 {
    f64::from(
        TextDiff::configure()
            .algorithm(Algorithm::Myers)
            .timeout(DIFF_TIMEOUT)
            .diff_slices(old, new)
            .ratio(),
    )
}

/// One run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Removed(String),
    Added(String),
}

/// The word diff of two token sequences, adjacent runs merged.
pub fn word_diff(old: &[&str], new: &[&str]) -> Vec<Piece> {
    diff_with_ratio(old, new).1
}

/// Similarity and word diff from one diff run.
pub fn diff_with_ratio(old: &[&str], new: &[&str]) -> (f64, Vec<Piece>) {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(DIFF_TIMEOUT)
        .diff_slices(old, new);
    let ratio = f64::from(diff.ratio());
    let mut pieces: Vec<Piece> = Vec::new();
    for op in diff.ops() {
        let (tag, o, n) = op.as_tag_tuple();
        let old_text = || old.get(o.clone()).map(|s| s.concat()).unwrap_or_default();
        let new_text = || new.get(n.clone()).map(|s| s.concat()).unwrap_or_default();
        match tag {
            DiffTag::Equal => pieces.push(Piece::Same(old_text())),
            DiffTag::Delete => pieces.push(Piece::Removed(old_text())),
            DiffTag::Insert => pieces.push(Piece::Added(new_text())),
            DiffTag::Replace => {
                pieces.push(Piece::Removed(old_text()));
                pieces.push(Piece::Added(new_text()));
            }
        }
    }
    (ratio, pieces)
}

/// The whole diff as `same[-removed-]{+added+}` text.
pub fn render(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Same(s) => out.push_str(s),
            Piece::Removed(s) => {
                out.push_str("[-");
                out.push_str(s);
                out.push_str("-]");
            }
            Piece::Added(s) => {
                out.push_str("{+");
                out.push_str(s);
                out.push_str("+}");
            }
        }
    }
    out
}

/// Only the changes, each with up to `context` characters of unchanged text around it, joined
/// by `…`; empty when nothing changed.
pub fn render_changes(pieces: &[Piece], context: usize) -> String {
    if pieces.iter().all(|p| matches!(p, Piece::Same(_))) {
        return String::new();
    }
    let mut out = String::new();
    let last = pieces.len().saturating_sub(1);
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Same(s) => {
                let chars: Vec<char> = s.chars().collect();
                let first = i == 0;
                let end = i == last;
                if chars.len() <= context * 2 && !first && !end {
                    out.push_str(s);
                    continue;
                }
                if !first {
                    out.extend(chars.iter().take(context));
                }
                if !end {
                    if !first || chars.len() > context {
                        out.push('…');
                    }
                    out.extend(chars.iter().skip(chars.len().saturating_sub(context)));
                } else if chars.len() > context {
                    out.push('…');
                }
            }
            other => out.push_str(&render(std::slice::from_ref(other))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        diff_tokens(text, Rules::embedded())
    }

    #[test]
    fn figures_stay_whole_tokens() {
        let t =
            tokens("全年受理行政复议申请113件，培训3200余人次，成功率99.45%，标的额14.45亿元。");
        for whole in ["113件", "3200余人次", "99.45%", "14.45亿元"] {
            assert!(t.contains(&whole), "{whole} must be one diff unit: {t:?}");
        }
        assert_eq!(
            t.concat(),
            "全年受理行政复议申请113件，培训3200余人次，成功率99.45%，标的额14.45亿元。"
        );
    }

    #[test]
    fn a_changed_figure_and_a_changed_word_show_whole() {
        let old = "开展不动产登记工作，受理行政复议申请113件。";
        let new = "开展不动产调查工作，受理行政复议申请128件。";
        let rendered = render(&word_diff(&tokens(old), &tokens(new)));
        assert!(rendered.contains("[-113件-]{+128件+}"), "{rendered}");
        assert!(rendered.contains("[-登记-]{+调查+}"), "{rendered}");
    }

    #[test]
    fn changes_only_keeps_little_context() {
        let old = "一二三四五六七八九十，受理行政复议申请113件，一二三四五六七八九十。";
        let new = "一二三四五六七八九十，受理行政复议申请128件，一二三四五六七八九十。";
        let pieces = word_diff(&tokens(old), &tokens(new));
        assert_eq!(
            render_changes(&pieces, 4),
            "…复议申请[-113件-]{+128件+}，一二三…"
        );
        assert_eq!(
            render_changes(&word_diff(&tokens(old), &tokens(old)), 4),
            ""
        );
    }

    #[test]
    fn identical_texts_are_fully_similar() {
        let t = tokens("坚持依法行政，建设法治政府。");
        assert!((similarity(&t, &t) - 1.0).abs() < 1e-9);
    }
}
