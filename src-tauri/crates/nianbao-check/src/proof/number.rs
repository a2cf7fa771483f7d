//! Numbers against GB/T 15835 and GB/T 9704, only where the usage is unambiguous.
//!
//! `proof.number`: the signature date (成文日期) in Chinese numerals — GB/T 9704-2012 writes it in
//! Arabic numerals (`2025年1月20日`).
//! `proof.number_hint`: `多`/`余` after a number that is not round (`257余件`: 余 follows a
//! round figure, 250余件, or the exact figure stands alone); one list mixing `12000人` and
//! `1.5万人` for the same unit.

use std::sync::OnceLock;

use regex::Regex;

use super::Para;
use crate::finding::{Code, Finding};
use crate::rules::Rules;
use crate::text::{fmt_value, quantities, sentences};

pub(crate) fn check(para: &Para, rules: &Rules, out: &mut Vec<Finding>) {
    approx_after_exact(para, rules, out);
    mixed_wan(para, rules, out);
}

fn approx_after_exact(para: &Para, rules: &Rules, out: &mut Vec<Finding>) {
    for q in quantities(para.text, rules) {
        let span = &para.text[q.num_start..q.end];
        let digits: String = span.chars().take_while(char::is_ascii_digit).collect();
        let rest = &span[digits.len()..];
        let Some(mark) = rest.chars().next().filter(|c| matches!(c, '余' | '多')) else {
            continue;
        };
        // Only 余/多 right before the unit (not 257万余): three or more digits, the last not 0.
        if digits.len() < 3 || digits.ends_with('0') || rest[mark.len_utf8()..] != q.unit {
            continue;
        }
        let from = para.col(q.num_start);
        let to = para.col(q.end);
        out.push(para.finding(
            Code::ProofNumberHint,
            from,
            to,
            format!(
                "“{span}”：“{mark}”应接在整数位后（如“{}{mark}{}”），确数后不加“{mark}”",
                round_down(&digits),
                q.unit
            ),
            Some(format!("{digits}{}", q.unit)),
        ));
    }
}

/// 257 → 250, 1234 → 1200: the round figure a drafter may have meant.
fn round_down(digits: &str) -> String {
    let keep = 2;
    let mut s: String = digits.chars().take(keep).collect();
    s.extend(std::iter::repeat_n('0', digits.len().saturating_sub(keep)));
    s
}

/// One sentence writing the same unit as `12000人` and as `1.5万人`.
fn mixed_wan(para: &Para, rules: &Rules, out: &mut Vec<Finding>) {
    let qs = quantities(para.text, rules);
    if qs.len() < 2 {
        return;
    }
    for range in sentences(para.text) {
        let here: Vec<_> = qs
            .iter()
            .filter(|q| range.start <= q.start && q.start < range.end)
            .collect();
        let wan = |q: &&crate::text::Quantity| para.text[q.num_start..q.end].contains('万');
        let Some(plain) = here
            .iter()
            .find(|q| !wan(q) && q.value >= 10_000.0 && q.decimals == 0)
        else {
            continue;
        };
        if !here.iter().any(|q| wan(q) && q.unit == plain.unit) {
            continue;
        }
        let from = para.col(plain.num_start);
        let to = para.col(plain.end);
        let span = &para.text[plain.num_start..plain.end];
        out.push(
            para.finding(
                Code::ProofNumberHint,
                from,
                to,
                format!(
                    "同一句中“{}”既有写作“万{}”的，又有写作“{span}”的，宜统一",
                    plain.unit, plain.unit
                ),
                (!plain.approx)
                    .then(|| format!("{}万{}", fmt_value(plain.value / 10_000.0), plain.unit)),
            ),
        );
    }
}

fn chinese_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
            .unwrap_or_else(|_| unreachable!("a fixed pattern"))
    })
}

fn digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or(match c {
            '零' | '○' | 'Ｏ' => Some(0),
            _ => None,
        })
        .and_then(|p| u32::try_from(p).ok())
}

/// 一 … 三十一 as a number.
fn small(s: &str) -> Option<u32> {
    let c: Vec<char> = s.chars().collect();
    match c.as_slice() {
        ['十'] => Some(10),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        [u] => digit(*u),
        _ => None,
    }
}

/// A paragraph that is only a date in Chinese numerals: the signature date.
pub(crate) fn signature_date(paragraphs: &[(usize, &str)], out: &mut Vec<Finding>) {
    for &(line, text) in paragraphs.iter().rev().take(6) {
        let t = text.trim();
        let Some(caps) = chinese_date().captures(t) else {
            continue;
        };
        let year: Option<u32> = caps[1]
            .chars()
            .map(digit)
            .try_fold(0, |acc, d| d.map(|d| acc * 10 + d));
        let (Some(y), Some(m), Some(d)) = (year, small(&caps[2]), small(&caps[3])) else {
            continue;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            continue;
        }
        let para = Para::new(line, text);
        let from = para.col(text.find(t).unwrap_or(0));
        let to = from + t.chars().count();
        out.push(para.finding(
            Code::ProofNumber,
            from,
            to,
            "成文日期应使用阿拉伯数字（GB/T 9704—2012）".to_owned(),
            Some(format!("{y}年{m}月{d}日")),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        check(&Para::new(1, text), Rules::embedded(), &mut out);
        out.into_iter()
            .map(|f| (f.matched.unwrap_or_default(), f.suggestion))
            .collect()
    }

    #[test]
    fn yu_after_an_exact_number_is_a_hint_after_a_round_one_is_fine() {
        assert_eq!(
            found("开展宣传活动257余场。"),
            vec![("257余场".into(), Some("257场".into()))]
        );
        assert!(found("开展宣传活动250余场，培训100多人次，覆盖1.5万余人，15余人。").is_empty());
    }

    #[test]
    fn mixed_wan_forms_in_one_sentence_are_a_hint() {
        assert_eq!(
            found("培训执法人员12000人次、网格员1.5万人次。"),
            vec![("12000人次".into(), Some("1.2万人次".into()))]
        );
        assert!(found("培训执法人员12000人次。网格员1.5万人次。").is_empty());
        assert!(found("培训12000人次、发放资料1.5万份。").is_empty());
    }

    #[test]
    fn a_signature_date_in_chinese_numerals_gets_arabic_ones() {
        let mut out = Vec::new();
        signature_date(
            &[(9, "示例市人民政府"), (10, "二〇二五年一月二十日")],
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].suggestion.as_deref(), Some("2025年1月20日"));
        assert_eq!(out[0].line, 10);
        let mut none = Vec::new();
        signature_date(
            &[(10, "2025年1月20日"), (11, "二〇二五年工作要点")],
            &mut none,
        );
        assert!(none.is_empty());
    }
}
