//! Figures: a number (Arabic or Chinese) with its unit, 万/亿 scaling, and whether it is
//! approximate (余/多/近/约/超/以上/左右), found with one compiled regex per lexicon.
//!
//! Not figures, by rule: years and dates (年/月/日 are not units), document numbers (号 is not a
//! unit), ordinals (第3次), numbers inside quotes or book titles (`“3550”改革`), names with
//! numerals (三项制度, 五大关口: Chinese numerals count only with a counting unit or when
//! approximate), heading numbers. Naming what a figure counts is [`crate::metric`]'s job.

use regex::Regex;

use crate::lexicon::Metrics;
use crate::numerals::{chinese_value, is_chinese_numeral_char};
use crate::text::{clause_bounds, quoted_spans};

/// A figure found in one line, before it is named.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub value: f64,
    pub unit: String,
    pub approx: bool,
    /// Byte range of the whole figure (qualifiers included) in the line.
    pub start: usize,
    pub end: usize,
    /// Byte range of its clause in the line.
    pub clause: (usize, usize),
}

/// The compiled figure pattern and the word lists that veto a match.
#[derive(Debug)]
pub struct FigureFinder {
    re: Regex,
    fraction: Regex,
    counting_units: Vec<String>,
    false_units: Vec<String>,
}

impl FigureFinder {
    pub fn new(m: &Metrics) -> Result<FigureFinder, regex::Error> {
        let alt = |words: &[String]| {
            words
                .iter()
                .map(|w| regex::escape(w))
                .collect::<Vec<_>>()
                .join("|")
        };
        let pattern = format!(
            r"(?P<pre>{pre})?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?P<mag>万|亿)?(?P<a1>余|多)?(?P<unit>%|％|{units})(?P<post>{post})?",
            pre = alt(&m.approx_before),
            units = alt(&m.units),
            post = alt(&m
                .approx_after
                .iter()
                .filter(|w| w.as_str() != "多")
                .cloned()
                .collect::<Vec<_>>()),
        );
        Ok(FigureFinder {
            re: Regex::new(&pattern)?,
            fraction: Regex::new(
                r"(?P<den>[一二两三四五六七八九十百]+|\d+)分之(?P<num>[一二两三四五六七八九十]+|\d+)",
            )?,
            counting_units: m.counting_units.clone(),
            false_units: m.false_units.clone(),
        })
    }

    /// Every figure in `line`, skipping anything that starts before `skip` (a heading number).
    pub fn find(&self, line: &str, skip: usize) -> Vec<Found> {
        let mut out = Vec::new();
        let quotes = quoted_spans(line);
        let mut at = skip.min(line.len());
        while at < line.len() {
            let Some(c) = self.re.captures_at(line, at) else {
                break;
            };
            let (Some(whole), Some(num), Some(unit)) = (c.get(0), c.name("num"), c.name("unit"))
            else {
                break;
            };
            let next = whole.start()
                + line[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
            match self.accept(line, &quotes, &c, num, unit) {
                Some(found) => {
                    at = whole.end();
                    out.push(found);
                }
                None => at = next,
            }
        }
        self.fractions(line, skip, &quotes, &mut out);
        // In text order: fractions are found in a second pass, and callers search by position.
        out.sort_by_key(|f| f.start);
        out
    }

    /// `压缩了三分之一` → 33.33…%: a fraction is a share, reported as a percentage.
    fn fractions(&self, line: &str, skip: usize, quotes: &[(usize, usize)], out: &mut Vec<Found>) {
        if !line.contains("分之") {
            return;
        }
        for c in self.fraction.captures_iter(line) {
            let (Some(whole), Some(den), Some(num)) = (c.get(0), c.name("den"), c.name("num"))
            else {
                continue;
            };
            let value = |s: &str| s.parse::<f64>().ok().or_else(|| chinese_value(s));
            let (Some(d), Some(n)) = (value(den.as_str()), value(num.as_str())) else {
                continue;
            };
            if whole.start() < skip
                || d <= 0.0
                || n > d
                || quotes
                    .iter()
                    .any(|(s, e)| *s <= whole.start() && whole.start() < *e)
                || out
                    .iter()
                    .any(|f| f.start < whole.end() && whole.start() < f.end)
            {
                continue;
            }
            let pos = out.partition_point(|f| f.start < whole.start());
            out.insert(
                pos,
                Found {
                    value: n / d * 100.0,
                    unit: "%".to_owned(),
                    approx: false,
                    start: whole.start(),
                    end: whole.end(),
                    clause: clause_bounds(line, whole.start(), whole.end()),
                },
            );
        }
    }

    fn accept(
        &self,
        line: &str,
        quotes: &[(usize, usize)],
        c: &regex::Captures<'_>,
        num: regex::Match<'_>,
        unit: regex::Match<'_>,
    ) -> Option<Found> {
        let whole = c.get(0)?;
        let pre = c.name("pre");
        let before = line[..whole.start()].chars().next_back();
        let after_unit = &line[unit.end()..];
        if quotes
            .iter()
            .any(|(s, e)| *s <= num.start() && num.start() < *e)
        {
            return None;
        }
        if let Some(b) = before
            && (b == '第'
                || b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    '.' | '+' | '-' | '/' | '·' | '～' | '~' | '—' | '－' | '#' | '＋'
                ))
        {
            return None;
        }
        if after_unit.starts_with(['+', '＋']) {
            return None;
        }
        let unit_text = unit.as_str();
        if self
            .false_units
            .iter()
            .any(|w| w.starts_with(unit_text) && line[unit.start()..].starts_with(w.as_str()))
        {
            return None;
        }
        let approx = pre.is_some() || c.name("a1").is_some() || c.name("post").is_some();
        let digits = num.as_str();
        let mut value = if digits.starts_with(|ch: char| ch.is_ascii_digit()) {
            // `三个100%` names three targets, it does not count anything.
            let mut back = line[..num.start()].chars().rev();
            if back.next() == Some('个') && back.next().is_some_and(is_chinese_numeral_char) {
                return None;
            }
            digits.replace(',', "").parse::<f64>().ok()?
        } else {
            if before.is_some_and(|b| {
                // 十四届八次全会 is a session's ordinal, not eight sessions.
                is_chinese_numeral_char(b) || matches!(b, '每' | '周' | '其' | '统' | '唯' | '届')
            }) {
                return None;
            }
            let v = chinese_value(digits)?;
            let bare = digits.chars().all(|ch| matches!(ch, '十' | '百' | '千'));
            let counting = self.counting_units.iter().any(|u| u == unit_text);
            if v <= 1.0 || (!approx && (bare || !counting)) {
                return None;
            }
            v
        };
        match c.name("mag").map(|m| m.as_str()) {
            Some("万") => value *= 10_000.0,
            Some("亿") => value *= 100_000_000.0,
            _ => {}
        }
        let unit = if matches!(unit_text, "%" | "％") {
            "%".to_owned()
        } else {
            unit_text.to_owned()
        };
        Some(Found {
            value,
            unit,
            approx,
            start: whole.start(),
            end: whole.end(),
            clause: clause_bounds(line, whole.start(), whole.end()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn finder() -> FigureFinder {
        FigureFinder::new(&Lexicon::builtin().metrics).expect("builtin pattern compiles")
    }

    fn raws(line: &str) -> Vec<String> {
        finder()
            .find(line, 0)
            .into_iter()
            .map(|f| line[f.start..f.end].to_owned())
            .collect()
    }

    #[test]
    fn counts_units_and_qualifiers() {
        let line = "全年共受理行政复议申请113件，培训领导干部110余人，出庭应诉率100%，标的额14.45亿元，网上听庭3200余人次。";
        let found = finder().find(line, 0);
        let got: Vec<(f64, &str, bool)> = found
            .iter()
            .map(|f| (f.value, f.unit.as_str(), f.approx))
            .collect();
        assert_eq!(
            got,
            vec![
                (113.0, "件", false),
                (110.0, "人", true),
                (100.0, "%", false),
                (1_445_000_000.0, "元", false),
                (3200.0, "人次", true)
            ]
        );
    }

    #[test]
    fn chinese_numerals_count_only_when_counting() {
        assert_eq!(
            raws("两次召开专题会议，组织十余次培训，办理三千余件"),
            vec!["两次", "十余次", "三千余件"]
        );
        assert!(
            raws("落实三项制度，坚持五大关口，一件事一次办，两个阶段").is_empty(),
            "names with numerals"
        );
        assert_eq!(
            raws("近三年来企业超百家"),
            vec!["超百家"],
            "超百家 is approximate"
        );
    }

    #[test]
    fn years_dates_doc_numbers_ordinals_and_quoted_names_are_not_figures() {
        for line in [
            "2017年1月18日",
            "江政发〔2020〕22号",
            "第3次会议，第一批",
            "推进“3550”改革，“1+4+X”体系，12345热线",
            "《法治政府建设实施纲要(2021-2025年)》",
            "落实“最多80天”",
            "实现三个100%",
            "“七五”普法",
            "10+N行动",
        ] {
            assert!(raws(line).is_empty(), "{line}: {:?}", raws(line));
        }
    }

    #[test]
    fn a_unit_that_starts_a_word_is_not_a_unit() {
        assert_eq!(raws("对374个失信黑名单实施惩戒"), vec!["374个"]);
        assert!(raws("3处理到位，10名单").is_empty(), "处理/名单 are words");
    }

    #[test]
    fn session_ordinals_and_fractions() {
        assert!(
            raws("党的十九届五中全会、省委十四届八次全会").is_empty(),
            "八次全会 is an ordinal"
        );
        let f = finder().find("办理时间压缩了三分之一", 0);
        assert_eq!(f.len(), 1, "a fraction is a share");
        assert!((f[0].value - 100.0 / 3.0).abs() < 1e-9 && f[0].unit == "%");
    }

    #[test]
    fn money_and_area_scale() {
        let f = finder().find("启用11万余平方米的中心，减负500万元以上", 0);
        assert_eq!(f[0].value, 110_000.0);
        assert_eq!(f[0].unit, "平方米");
        assert!(f[0].approx);
        assert_eq!(
            (f[1].value, f[1].unit.as_str(), f[1].approx),
            (5_000_000.0, "元", true)
        );
    }
}
