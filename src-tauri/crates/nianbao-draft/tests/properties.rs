//! Properties that must hold for any text: marks never lose or reorder text, moving years only
//! ever rewrites the four digits of a year, and exports never fail on odd input.

use nianbao_draft::{Format, Templates, marks, years};
use proptest::prelude::*;

/// Text made of report-like pieces, brackets, digits and markup.
fn reportish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("2017年".to_owned()),
            Just("2016-2017年".to_owned()),
            Just("2017年以来".to_owned()),
            Just("比2016年".to_owned()),
            Just("〔2017〕".to_owned()),
            Just("【".to_owned()),
            Just("】".to_owned()),
            Just("【113件→？】".to_owned()),
            Just("<img src=x onerror=alert(1)>".to_owned()),
            Just("一、".to_owned()),
            Just("（一）".to_owned()),
            Just("。".to_owned()),
            Just("\n".to_owned()),
            "[0-9]{1,6}",
            "[\\u4e00-\\u9fa5]{1,8}",
            ".{0,6}",
        ],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn spans_reassemble_any_line(line in reportish()) {
        let joined: String = marks::spans(&line).iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(joined, line, "marks must never drop or reorder text");
    }

    #[test]
    fn moving_years_only_rewrites_year_digits(line in reportish()) {
        let (moved, changes) = years::move_line(&line, 2017, 1, years::YearRules::embedded());
        prop_assert_eq!(moved.len(), line.len(), "a year keeps its four digits");
        let differ = line.chars().zip(moved.chars()).filter(|(a, b)| a != b).all(|(a, b)| a.is_ascii_digit() && b.is_ascii_digit());
        prop_assert!(differ, "only digits change: {} → {}", line, moved);
        let (same, none) = years::move_line(&line, 2017, 0, years::YearRules::embedded());
        prop_assert_eq!(same, line, "moving by zero years changes nothing");
        prop_assert!(none.is_empty());
        prop_assert!(changes.iter().all(|(from, to)| to - from == 1));
    }

    #[test]
    fn every_export_format_accepts_any_text(text in reportish()) {
        let templates = Templates::load(None).expect("templates");
        let report = nianbao_report::parse_text(&text);
        for format in [Format::Docx, Format::Markdown, Format::Html, Format::Text] {
            let bytes = nianbao_draft::export::render(&report, format, &templates);
            prop_assert!(bytes.is_ok(), "{:?} failed on {:?}", format, text);
        }
        let html = String::from_utf8(nianbao_draft::export::render(&report, Format::Html, &templates).expect("html")).expect("utf-8");
        prop_assert!(!html.contains("<img"), "markup stays text");
    }

    #[test]
    fn drafting_any_text_never_panics(text in reportish()) {
        let templates = Templates::load(None).expect("templates");
        let report = nianbao_report::parse_text(&text);
        if let Ok(draft) = nianbao_draft::draft_from_last(&report, 2030, &templates) {
            for m in &draft.marks {
                let line = draft.text.lines().nth(m.line - 1).unwrap_or_default();
                prop_assert!(line.contains(&m.mark), "listed marks are in the text");
            }
        }
    }
}
