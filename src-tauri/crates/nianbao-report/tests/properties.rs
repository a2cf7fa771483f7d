//! Properties of parsing any text: it never panics, every figure's byte range slices its line
//! to exactly its `raw`, and every line number points into the text.

use nianbao_report::{Section, parse_text};
use proptest::prelude::*;

/// Text made of the characters reports are made of, so that headings and figures do occur.
fn reportish() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "([一二三四五六七八九十百千万亿两零〇0-9.,，。、；：:（）()%％余多近约超以上左右件人次项个家元年月日第是“”《》 \\u{3000}\\n]|收到|受理|审结|行政复议|存在问题|下一步|2023年|一、|（一）|1\\.|一是){0,120}",
    )
    .expect("valid strategy regex")
}

fn check_sections(sections: &[Section], lines: usize, parent: Option<&Section>) {
    for s in sections {
        assert!(
            s.line >= 1 && s.line <= lines,
            "section line {} within 1..={lines}",
            s.line
        );
        assert!(
            s.end_line >= s.line && s.end_line <= lines,
            "end_line {} in {}..={lines}",
            s.end_line,
            s.line
        );
        if let Some(p) = parent {
            assert!(
                p.line <= s.line && s.end_line <= p.end_line,
                "a child lies inside its parent"
            );
        }
        check_sections(&s.children, lines, Some(s));
    }
}

fn check_text(text: &str) {
    let report = parse_text(text);
    let lines = report.lines.len();
    for f in &report.figures {
        assert!(
            f.line >= 1 && f.line <= lines,
            "figure line {} within 1..={lines}",
            f.line
        );
        let line = report.line(f.line);
        assert_eq!(
            line.get(f.start..f.end),
            Some(f.raw.as_str()),
            "start..end slices the line to raw"
        );
        assert!(f.excerpt.contains(&f.raw), "the excerpt holds the figure");
        assert!(f.value.is_finite(), "values are numbers");
    }
    check_sections(&report.sections, lines, None);
    assert!(report.body_start >= 1, "body_start is 1-based");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn parsing_reportish_text_keeps_its_invariants(text in reportish()) {
        check_text(&text);
    }

    #[test]
    fn parsing_any_string_never_panics(text in "\\PC{0,300}") {
        check_text(&text);
    }
}
