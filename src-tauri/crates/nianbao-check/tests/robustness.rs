//! Property tests: the checker never panics on any text, a word diff always rebuilds both sides,
//! and diff tokens always concatenate back to their input.

use nianbao_check::diff::{Piece, diff_tokens, word_diff};
use nianbao_check::{Rules, check};
use nianbao_report::parse_text;
use proptest::prelude::*;

/// Text in the shape of a report: Chinese words, numbers with units, punctuation, line breaks.
fn report_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("受理行政复议申请".to_owned()),
        Just("其中".to_owned()),
        Just("成功率".to_owned()),
        Just("同比增长".to_owned()),
        Just("“七五”普法".to_owned()),
        Just("2023年".to_owned()),
        Just("一、".to_owned()),
        Just("（二）".to_owned()),
        Just("，".to_owned()),
        Just("。".to_owned()),
        Just("\n".to_owned()),
        (0u32..100_000).prop_map(|n| format!("{n}件")),
        (0u32..10_000).prop_map(|n| format!("{}.{}%", n / 100, n % 100)),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn rebuild(pieces: &[Piece], old: bool) -> String {
    pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Same(s) => Some(s.as_str()),
            Piece::Removed(s) if old => Some(s.as_str()),
            Piece::Added(s) if !old => Some(s.as_str()),
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn checking_any_text_never_panics(this in report_like(), last in report_like()) {
        let (t, l) = (parse_text(&this), parse_text(&last));
        let result = check(&t, Some(&l));
        prop_assert!(result.findings.iter().all(|f| !f.code.as_str().is_empty()));
    }

    #[test]
    fn diff_tokens_concatenate_to_the_input(text in report_like()) {
        prop_assert_eq!(diff_tokens(&text, Rules::embedded()).concat(), text);
    }

    #[test]
    fn a_word_diff_rebuilds_both_texts(a in report_like(), b in report_like()) {
        let rules = Rules::embedded();
        let (ta, tb) = (diff_tokens(&a, rules), diff_tokens(&b, rules));
        let pieces = word_diff(&ta, &tb);
        prop_assert_eq!(rebuild(&pieces, true), a);
        prop_assert_eq!(rebuild(&pieces, false), b);
    }
}
