//! Traditional characters read like simplified ones: the text is converted FOR ANALYSIS with
//! OpenCC's traditional → simplified tables (the pure-Rust port `ferrous-opencc`) and shown as
//! written.
//!
//! The conversion keeps every line's byte layout: a character is replaced only by one character
//! of the same UTF-8 length, never by a phrase of another length (Taiwan word substitutions such
//! as 最佳化 → 优化 are not made). So line numbers, byte offsets and clause bounds found in the
//! analysis text point at the same place in the original, where excerpts are cut.

use std::borrow::Cow;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

fn opencc() -> Option<&'static OpenCC> {
    static OPENCC: OnceLock<Option<OpenCC>> = OnceLock::new();
    // The tables are embedded at build time; should they ever fail to load, text is read as is.
    OPENCC
        .get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// The lines to analyse: `None` when converting changes nothing (simplified text, the usual
/// case), else every line converted character for character.
pub fn analysis_lines(lines: &[String]) -> Option<Vec<String>> {
    let cc = opencc()?;
    let mut out: Option<Vec<String>> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Cow::Owned(converted) = simplified_with(cc, line) {
            let out = out.get_or_insert_with(|| lines[..i].to_vec());
            out.push(converted);
        } else if let Some(out) = out.as_mut() {
            out.push(line.clone());
        }
    }
    out
}

/// One line in simplified characters, of the same byte length as `line`, character boundaries
/// at the same offsets.
pub fn to_simplified(line: &str) -> Cow<'_, str> {
    match opencc() {
        Some(cc) => simplified_with(cc, line),
        None => Cow::Borrowed(line),
    }
}

fn simplified_with<'a>(cc: &OpenCC, line: &'a str) -> Cow<'a, str> {
    if line.is_ascii() {
        return Cow::Borrowed(line);
    }
    let converted = cc.convert(line);
    if converted == line {
        return Cow::Borrowed(line);
    }
    let same = |a: char, b: char| if a.len_utf8() == b.len_utf8() { b } else { a };
    let out: String = if converted.chars().count() == line.chars().count() {
        // Phrase tables applied (乾淨 → 干净, 後來 → 后来), one character for one.
        line.chars()
            .zip(converted.chars())
            .map(|(a, b)| same(a, b))
            .collect()
    } else {
        // A phrase changed length: convert character by character instead.
        let mut buf = [0u8; 4];
        line.chars()
            .map(|c| {
                let one = cc.convert(c.encode_utf8(&mut buf));
                let mut it = one.chars();
                match (it.next(), it.next()) {
                    (Some(s), None) => same(c, s),
                    _ => c,
                }
            })
            .collect()
    };
    debug_assert_eq!(out.len(), line.len());
    if out == line {
        Cow::Borrowed(line)
    } else {
        Cow::Owned(out)
    }
}

/// The text of `original` at the place where `found` (a slice or copy of the same-layout
/// analysis line `analysis`) sits: what the converted value says, as written.
pub fn as_written(found: &str, analysis: &str, original: &str) -> Option<String> {
    let at = analysis.find(found)?;
    original.get(at..at + found.len()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_lines_become_simplified_of_the_same_layout() {
        let line = "示例市2021年法治政府建設年度情況報告";
        let s = to_simplified(line);
        assert_eq!(s, "示例市2021年法治政府建设年度情况报告");
        assert_eq!(s.len(), line.len(), "byte offsets stay valid");
    }

    #[test]
    fn simplified_text_is_borrowed_unchanged() {
        let line = "2023年,示例区受理行政复议案件12件。";
        assert!(matches!(to_simplified(line), Cow::Borrowed(_)));
        let lines = vec![line.to_owned(), "一、总体情况".to_owned()];
        assert_eq!(analysis_lines(&lines), None, "nothing to convert");
    }

    #[test]
    fn every_line_is_kept_when_one_converts() {
        let lines = vec![
            "第一行".to_owned(),
            "審結案件5件".to_owned(),
            "x".to_owned(),
        ];
        let a = analysis_lines(&lines).expect("converted");
        assert_eq!(a, ["第一行", "审结案件5件", "x"]);
        for (x, y) in a.iter().zip(&lines) {
            assert_eq!(x.len(), y.len());
        }
    }

    #[test]
    fn a_value_found_in_the_analysis_text_is_shown_as_written() {
        let original = "關於示例縣2020年法治政府建設的報告";
        let analysis = to_simplified(original);
        assert_eq!(
            as_written("示例县2020年", &analysis, original).as_deref(),
            Some("示例縣2020年")
        );
    }
}
