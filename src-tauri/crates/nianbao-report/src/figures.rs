//! Figures: a number (Arabic or Chinese) with its unit, 万/亿 scaling, and whether it is
//! approximate (余/多/近/约/超/以上/左右), found with one compiled regex per lexicon.
//!
//! Not figures, by rule: years and dates (年/月/日 are not units), document numbers (号 is not a
//! unit), ordinals (第3次), numbers inside quotes or book titles (`“3550”改革`), names with
//! numerals (三项制度, 五大关口: Chinese numerals count only with a counting unit or when
//! approximate), heading numbers. Naming what a figure counts is [`crate::metric`]'s job.

use regex::Regex;

use crate::clause::Level;
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
    /// A stated change (`同比增长12.5%`, `提高2个百分点`, `比上年增加15件`), not a level.
    pub change: bool,
}

/// The compiled figure pattern and the word lists that veto a match.
#[derive(Debug)]
pub struct FigureFinder {
    re: Regex,
    fraction: Regex,
    counting_units: Vec<String>,
    false_units: Vec<String>,
    big_units: Vec<String>,
    counted_by: Vec<String>,
    numeral_names: Vec<String>,
    change_words: Vec<String>,
    change_basis: Vec<String>,
}

/// Spaces web and PDF text carries inside a figure: plain, tab, no-break (U+00A0), thin
/// (U+2009, U+202F) and full-width (U+3000).
const SPACE: &str = r"[ \t\u{a0}\u{2009}\u{202f}\u{3000}]";

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{3000}'
    )
}

/// `１２３`, `９８．５`, `1,234`, `1，234`, `1 234` as a number.
fn arabic_value(s: &str) -> Option<f64> {
    let plain: String = s
        .chars()
        .filter_map(|c| match c {
            '0'..='9' | '.' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            _ => None,
        })
        .collect();
    plain.parse::<f64>().ok()
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
        // Digits: ASCII or full-width; thousands grouped by a comma (also `，`) or a space
        // (`1 234`), tried before a plain run so that `1 234件` is 1234, not 234.
        let d = "[0-9０-９]";
        let frac = format!("(?:[.．]{d}+)?");
        let arabic = format!(
            "{d}{{1,3}}(?:[,，]{d}{{3}})+{frac}|{d}{{1,3}}(?:[ \\u{{a0}}\\u{{2009}}\\u{{202f}}]{d}{{3}})+{frac}|{d}+{frac}"
        );
        let pattern = format!(
            r"(?:(?P<pre>{pre}){sp}{{0,2}})?(?P<num>{arabic}|[零〇一二两三四五六七八九十百千万亿]+){sp}{{0,2}}(?P<a0>余|多)?(?P<mag>万|亿)?(?P<a1>余|多)?{sp}{{0,2}}(?P<big>大)?(?P<unit>%|％|{units})(?P<post>{post})?",
            sp = SPACE,
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
                r"(?P<den>[一二两三四五六七八九十百]+|\d+)分之(?P<num>[一二两三四五六七八九十]+|\d+)(?P<more>强|多)?",
            )?,
            counting_units: m.counting_units.clone(),
            false_units: m.false_units.clone(),
            big_units: m.big_units.clone(),
            counted_by: m.counted_by.clone(),
            numeral_names: m.numeral_names.clone(),
            change_words: m.change_words.clone(),
            change_basis: m.change_basis.clone(),
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
            let value = |s: &str| arabic_value(s).or_else(|| chinese_value(s));
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
                    approx: c.name("more").is_some(),
                    start: whole.start(),
                    end: whole.end(),
                    clause: clause_bounds(line, whole.start(), whole.end()),
                    change: self.is_change(line, whole.start(), "%"),
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
        // The character before the figure, past any spaces (`第 10 期`).
        let before = line[..whole.start()]
            .chars()
            .rev()
            .find(|ch| !is_space(*ch));
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
                || ('０'..='９').contains(&b)
                || matches!(
                    b,
                    '.' | '．'
                        | '+'
                        | '-'
                        | '/'
                        | '·'
                        | '～'
                        | '~'
                        | '—'
                        | '－'
                        | '#'
                        | '＋'
                        | '〔'
                        | '['
                ))
        {
            return None;
        }
        if after_unit.starts_with(['+', '＋']) {
            return None;
        }
        let unit_text = unit.as_str();
        if c.name("big").is_some() && !self.big_units.iter().any(|u| u == unit_text) {
            return None;
        }
        if self
            .false_units
            .iter()
            .any(|w| w.starts_with(unit_text) && line[unit.start()..].starts_with(w.as_str()))
        {
            return None;
        }
        let approx = pre.is_some()
            || c.name("a0").is_some()
            || c.name("a1").is_some()
            || c.name("post").is_some();
        let digits = num.as_str();
        let mut value = if digits
            .starts_with(|ch: char| ch.is_ascii_digit() || ('０'..='９').contains(&ch))
        {
            // `三个100%` names three targets, it does not count anything.
            let mut back = line[..num.start()].chars().rev();
            if back.next() == Some('个') && back.next().is_some_and(is_chinese_numeral_char) {
                return None;
            }
            arabic_value(digits)?
        } else {
            if before.is_some_and(|b| {
                // 十四届八次全会 is a session's ordinal, not eight sessions.
                is_chinese_numeral_char(b) || matches!(b, '每' | '周' | '其' | '统' | '唯' | '届')
            }) {
                return None;
            }
            let v = chinese_value(digits)?;
            let bare = digits
                .chars()
                .all(|ch| matches!(ch, '十' | '百' | '千' | '万' | '亿'));
            let counting = self.counting_units.iter().any(|u| u == unit_text)
                || (unit_text == "个" && self.counted(line, num.start(), unit.end()));
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
            approx,
            start: whole.start(),
            end: whole.end(),
            clause: clause_bounds(line, whole.start(), whole.end()),
            change: self.is_change(line, whole.start(), &unit),
            unit,
        })
    }

    /// `成立五个专项小组`, `东城、延庆和通州三个区`: a Chinese numeral with 个 counts after a
    /// counting verb or an enumeration, and not before a noun that makes it a description
    /// (`三个阶段`).
    fn counted(&self, line: &str, num_start: usize, unit_end: usize) -> bool {
        let next = &line[unit_end..];
        if self
            .numeral_names
            .iter()
            .any(|n| next.starts_with(n.as_str()))
        {
            return false;
        }
        let clause =
            &line[crate::clause::bounds(line, num_start, num_start, Level::Clause).0..num_start];
        let near: String = {
            let n = clause.chars().count();
            clause.chars().skip(n.saturating_sub(6)).collect()
        };
        self.counted_by.iter().any(|w| near.contains(w.as_str()))
            || (clause.chars().next_back().is_some_and(is_han)
                && clause.contains(['、', '和', '及']))
    }

    /// A change, not a level: `个百分点` always; a percentage right after a change word
    /// (`同比增长12.5%`, `提高了3%`); a count after a change word with a basis word in its clause
    /// (`比上年增加15件`).
    fn is_change(&self, line: &str, start: usize, unit: &str) -> bool {
        if unit == "个百分点" {
            return true;
        }
        let head = &line[crate::clause::bounds(line, start, start, Level::Clause).0..start];
        let head = head.trim_end_matches(|c: char| {
            is_space(c) || matches!(c, '了' | '达' | '为' | '约' | '近' | '超' | '逾')
        });
        if !self.change_words.iter().any(|w| head.ends_with(w.as_str())) {
            return false;
        }
        unit == "%" || self.change_basis.iter().any(|w| head.contains(w.as_str()))
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
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

    fn values(line: &str) -> Vec<(f64, String, bool)> {
        finder()
            .find(line, 0)
            .into_iter()
            .map(|f| (f.value, f.unit, f.approx))
            .collect()
    }

    #[test]
    fn spaces_inside_and_around_figures() {
        for sp in [" ", "\u{a0}", "\u{3000}", "\u{2009}", "  "] {
            let line = format!("在{sp}10{sp}个领域开展，培训{sp}3.2{sp}万{sp}人次");
            assert_eq!(
                values(&line),
                [(10.0, "个".into(), false), (32_000.0, "人次".into(), false)],
                "{line:?}"
            );
            assert!(raws(&format!("2020{sp}年{sp}3{sp}月，第{sp}10{sp}期")).is_empty());
        }
        assert_eq!(values("办理1 234件"), [(1234.0, "件".into(), false)]);
        assert_eq!(values("办理1,234件"), [(1234.0, "件".into(), false)]);
        assert_eq!(values("办理1，234件"), [(1234.0, "件".into(), false)]);
        assert_eq!(
            values("办理12,345.5万元"),
            [(123_455_000.0, "元".into(), false)]
        );
    }

    #[test]
    fn full_width_digits() {
        assert_eq!(
            values("受理１２３件，办结率９８．５％，共１，２３４人"),
            [
                (123.0, "件".into(), false),
                (98.5, "%".into(), false),
                (1234.0, "人".into(), false)
            ]
        );
        assert!(raws("第１０期，２０２３年").is_empty());
    }

    #[test]
    fn chinese_numerals_in_every_common_form() {
        assert_eq!(
            values("培训三万五千人次，受理一万零一件，一百二十件，两千余次，十余次"),
            [
                (35_000.0, "人次".into(), false),
                (10_001.0, "件".into(), false),
                (120.0, "件".into(), false),
                (2000.0, "次".into(), true),
                (10.0, "次".into(), true)
            ]
        );
        assert_eq!(values("成立五个专项小组"), [(5.0, "个".into(), false)]);
        assert_eq!(
            values("推荐东城、延庆和通州三个区参评"),
            [(3.0, "个".into(), false)]
        );
        assert!(
            raws("分三个阶段审批，坚决做到两个维护，第一责任人，十四五时期，二十届三中全会")
                .is_empty()
        );
    }

    #[test]
    fn approximate_before_and_after_the_magnitude() {
        assert_eq!(values("惠及50余万人"), [(500_000.0, "人".into(), true)]);
        assert_eq!(values("惠及1.2万余人"), [(12_000.0, "人".into(), true)]);
        assert_eq!(values("惠及十余万人"), [(100_000.0, "人".into(), true)]);
    }

    #[test]
    fn a_measure_word_after_da_is_its_own_figure() {
        assert_eq!(raws("梳理３大类、75项措施"), ["３大类", "75项"]);
        assert!(raws("五大关口，3大队").is_empty());
    }

    #[test]
    fn changes_are_marked_never_levels() {
        let f = finder().find(
            "办结率98%，同比增长8.3个百分点，网办量同比下降12.5%，比上年增加15件，减少796项",
            0,
        );
        let got: Vec<(f64, &str, bool)> = f
            .iter()
            .map(|f| (f.value, f.unit.as_str(), f.change))
            .collect();
        assert_eq!(
            got,
            [
                (98.0, "%", false),
                (8.3, "个百分点", true),
                (12.5, "%", true),
                (15.0, "件", true),
                (796.0, "项", false)
            ]
        );
        assert!(
            !finder().find("出庭应诉率提高到100%", 0)[0].change,
            "a level reached"
        );
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
