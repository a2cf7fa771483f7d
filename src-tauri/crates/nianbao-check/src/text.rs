//! Small text tools the rules share: sentences and clauses of a line, quantities (a number with
//! its unit) found by the lexicon's units, content words, excerpts.
//!
//! Quantities here serve arithmetic inside one sentence only; the named figures of a report come
//! from the parser (`Report::figures`). Nothing here allocates per character in hot loops.

use std::collections::HashSet;
use std::ops::Range;

use nianbao_report::segment;

use crate::rules::{Rules, UnitClass};

// Sentences and clauses are cut by the parser's splitter (`nianbao_report::clause`), so the
// checker and the parser agree on every mark: 、 ends a clause here (the item level), a comma
// between digits (`1,234`) never does, and no span reaches further than its 400 characters.
use nianbao_report::clause::{self, Level};

/// Byte ranges of the sentences of a line (terminator included).
pub fn sentences(line: &str) -> Vec<Range<usize>> {
    clause::split(line, Level::Sentence)
}

/// The text of the clause that ends at byte `pos` of `text` (from the last clause or sentence
/// mark before it).
pub fn clause_before(text: &str, pos: usize) -> &str {
    clause::before(text, pos, Level::Item)
}

/// The text from byte `pos` to the end of its clause.
pub fn clause_after(text: &str, pos: usize) -> &str {
    clause::after(text, pos, Level::Item)
}

/// A number with its unit inside one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// With 万/亿 applied.
    pub value: f64,
    pub unit: String,
    pub class: UnitClass,
    /// 约/近/超/余/多/以上/左右.
    pub approx: bool,
    /// Digits after the decimal point as written (for rounding checks).
    pub decimals: usize,
    /// Byte range of the whole match in the line.
    pub start: usize,
    pub end: usize,
    /// Byte offset where the digits start.
    pub num_start: usize,
}

/// Every quantity of a line, in order. Skips ordinals (`第12期`), names and codes (`“3550”`,
/// `2+1+X`) and anything glued to Latin letters or other digits.
pub fn quantities(line: &str, rules: &Rules) -> Vec<Quantity> {
    let mut out = Vec::new();
    for caps in rules.quantity.captures_iter(line) {
        let (Some(all), Some(num), Some(unit)) = (caps.get(0), caps.name("num"), caps.name("unit"))
        else {
            continue;
        };
        let before = line[..num.start()].chars().next_back();
        if matches!(before, Some(c) if c.is_ascii_alphanumeric()
            || matches!(c, '.' | '-' | '+' | '〔' | '第' | '“' | '"' | '‘' | '[' | '/' | '～' | '~' | '—'))
        {
            continue;
        }
        let Ok(mut value) = num.as_str().parse::<f64>() else {
            continue;
        };
        match caps.name("mag").map(|m| m.as_str()) {
            Some("万") => value *= 1e4,
            Some("亿") => value *= 1e8,
            _ => {}
        }
        let Some(class) = rules.unit_class(unit.as_str()) else {
            continue;
        };
        let decimals = num.as_str().split_once('.').map_or(0, |(_, d)| d.len());
        out.push(Quantity {
            value,
            unit: unit.as_str().to_owned(),
            class,
            approx: caps.name("pre").is_some()
                || caps.name("a1").is_some()
                || caps.name("a2").is_some(),
            decimals,
            start: all.start(),
            end: all.end(),
            num_start: num.start(),
        });
    }
    out
}

/// Content words of a text: jieba words of two or more characters, all Han, not stop words.
pub fn content_words<'a>(text: &'a str, rules: &Rules) -> HashSet<&'a str> {
    segment::words(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 2 && w.chars().all(is_han))
        .filter(|w| !rules.stopwords.contains(*w))
        .collect()
}

/// The checker's lookup tables hash with the segmenter's fast hasher.
pub use nianbao_report::segment::{FastHasher, FastMap};

/// Jaccard similarity of two word sets (0 when both are empty).
pub fn jaccard(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// A CJK ideograph.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// At most `max` characters, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max).collect();
    out.push('…');
    out
}

/// An excerpt of `line` around byte range `range`: its sentence, cut to ~80 characters around
/// the range.
pub fn excerpt_at(line: &str, range: Range<usize>) -> String {
    let sentence = sentences(line)
        .into_iter()
        .find(|s| s.start <= range.start && range.start < s.end.max(s.start + 1))
        .unwrap_or(0..line.len());
    let text = &line[sentence.clone()];
    if text.chars().count() <= 80 {
        return text.trim().to_owned();
    }
    // Keep 30 characters before the range and the rest after it.
    let rel = range.start.saturating_sub(sentence.start);
    let before: Vec<(usize, char)> = text[..rel].char_indices().collect();
    let from = before.len().saturating_sub(30);
    let start = before.get(from).map_or(0, |(i, _)| *i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&shorten(&text[start..], 80));
    out
}

/// Format a value for people: integers without decimals, others with up to two.
pub fn fmt_value(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_keep_units_and_skip_codes_and_ordinals() {
        let rules = Rules::embedded();
        let line = "第12期专栏，“3550”改革，受理行政复议申请113件，培训3200余人次，标的额14.45亿元，成功率99.45%。";
        let q = quantities(line, rules);
        let got: Vec<(f64, &str, bool)> = q
            .iter()
            .map(|q| (q.value, q.unit.as_str(), q.approx))
            .collect();
        assert_eq!(
            got,
            vec![
                (113.0, "件", false),
                (3200.0, "人次", true),
                (1_445_000_000.0, "元", false),
                (99.45, "%", false)
            ],
            "ordinals and quoted names are not quantities; 余 marks an approximation"
        );
        assert_eq!(q[3].decimals, 2);
    }

    #[test]
    fn clauses_are_cut_at_commas_and_sentences_at_full_stops() {
        let line = "共受理3491件，调处3491件。成功3472件；成功率99.45%";
        assert_eq!(sentences(line).len(), 3);
        let pos = line.find("3472").unwrap_or(0);
        assert_eq!(clause_before(line, pos), "成功");
        assert_eq!(
            clause_after(line, line.find("3491件").unwrap_or(0)),
            "3491件"
        );
    }

    #[test]
    fn the_fast_map_keeps_every_key_apart() {
        let mut map: FastMap<u64, usize> = FastMap::default();
        for (i, k) in (0..5000u64).map(|i| (i << 32) | (i % 7)).enumerate() {
            map.insert(k, i);
        }
        let mut words: FastMap<&str, usize> = FastMap::default();
        for (i, w) in [
            "依法",
            "行政",
            "依法行政",
            "行政复议",
            "a",
            "ab",
            "abcdefghi",
        ]
        .into_iter()
        .enumerate()
        {
            words.insert(w, i);
        }
        assert_eq!(map.len(), 5000);
        assert_eq!(map.get(&((4999 << 32) | (4999 % 7))), Some(&4999));
        assert_eq!(words.get("行政复议"), Some(&3));
        assert_eq!(words.get("abcdefgh"), None);
    }

    #[test]
    fn values_print_without_noise() {
        assert_eq!(fmt_value(113.0), "113");
        assert_eq!(fmt_value(99.45), "99.45");
        assert_eq!(fmt_value(13.333), "13.33");
    }
}
