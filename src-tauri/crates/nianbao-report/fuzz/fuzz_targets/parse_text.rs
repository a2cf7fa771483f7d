//! Fuzz the report parser: any text (the bytes as lossy UTF-8) must parse without a panic, and
//! what comes out must point inside the text it came from.
//! Run: `cargo fuzz run parse_text --sanitizer none` from the nianbao-report folder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_report::{Section, parse_text};

fn check_section(s: &Section, lines: usize) {
    assert!(s.line >= 1 && s.line <= lines, "heading line {} of {lines}", s.line);
    assert!(s.end_line >= s.line && s.end_line <= lines, "section ends inside the text");
    for c in &s.children {
        assert!(c.line >= s.line && c.end_line <= s.end_line, "a child lies inside its parent");
        check_section(c, lines);
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = parse_text(&text);
    let lines = report.lines.len();
    for s in &report.sections {
        check_section(s, lines);
    }
    for f in &report.figures {
        assert!(f.line >= 1 && f.line <= lines, "figure line {} of {lines}", f.line);
        assert!(f.value.is_finite(), "a figure is a finite number");
    }
});
