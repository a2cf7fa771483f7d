//! `proof.punct`: quotation marks, 书名号 and brackets left open or closed without an opening
//! inside their paragraph; one punctuation mark written twice (`、、`, `，，`).
//! `proof.punct_hint`: half-width `,` `;` `:` `(` `)` inside Chinese text (one finding per
//! paragraph), a range of years with a hyphen (2021-2025 → 2021—2025年).

use super::Para;
use crate::finding::{Code, Finding};
use crate::text::is_han;

/// Marks that never stand twice in a row (…… and —— do, and are not here).
const SINGLE: &[char] = &['、', '，', '。', '；', '：', '？', '！'];

/// `last`: the report's last paragraph, which may be cut off mid-sentence (a web excerpt); its
/// marks left open are then no finding.
pub(crate) fn check(para: &Para, last: bool, out: &mut Vec<Finding>) {
    let cut_off = last
        && !para
            .chars
            .last()
            .is_some_and(|c| "。！？；”’）)》】…".contains(*c));
    pairs(para, cut_off, out);
    doubled(para, out);
    half_width(para, out);
    year_ranges(para, out);
}

fn closer_of(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '‘' => Some('’'),
        '《' => Some('》'),
        '（' | '(' => Some('）'),
        '【' => Some('】'),
        '〔' => Some('〕'),
        _ => None,
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '》' | '）' | ')' | '】' | '〕')
}

fn name(c: char) -> &'static str {
    match c {
        '“' | '”' => "双引号",
        '‘' | '’' => "单引号",
        '《' | '》' => "书名号",
        '【' | '】' | '〔' | '〕' => "方括号",
        _ => "括号",
    }
}

/// The first pairing fault of the paragraph (one is enough to send the drafter there).
fn pairs(para: &Para, cut_off: bool, out: &mut Vec<Finding>) {
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, &c) in para.chars.iter().enumerate() {
        let c = if c == ')' { '）' } else { c };
        if let Some(close) = closer_of(c) {
            stack.push((close, i));
        } else if is_closer(c) {
            match stack.iter().rposition(|&(want, _)| want == c) {
                // Whatever opened after the match was never closed.
                Some(at) if at + 1 == stack.len() => {
                    stack.pop();
                }
                Some(at) => {
                    let (_, open) = stack[at + 1];
                    out.push(unclosed(para, open));
                    return;
                }
                None => {
                    out.push(para.finding(
                        Code::ProofPunct,
                        i,
                        i + 1,
                        format!("本段的{}“{c}”前没有与之配对的前半个", name(c)),
                        None,
                    ));
                    return;
                }
            }
        }
    }
    if let Some(&(_, open)) = stack.first()
        && !cut_off
    {
        out.push(unclosed(para, open));
    }
}

fn unclosed(para: &Para, at: usize) -> Finding {
    let c = para.chars[at];
    para.finding(
        Code::ProofPunct,
        at,
        at + 1,
        format!("本段的{}“{c}”没有与之配对的后半个", name(c)),
        None,
    )
}

fn doubled(para: &Para, out: &mut Vec<Finding>) {
    let c = &para.chars;
    let mut i = 0;
    while i + 1 < c.len() {
        if SINGLE.contains(&c[i]) && SINGLE.contains(&c[i + 1]) {
            let same = c[i] == c[i + 1];
            out.push(para.finding(
                Code::ProofPunct,
                i,
                i + 2,
                if same {
                    format!("标点“{}”重复", c[i])
                } else {
                    format!("标点“{}”“{}”连用", c[i], c[i + 1])
                },
                same.then(|| c[i].to_string()),
            ));
            i += 2;
        } else {
            i += 1;
        }
    }
}

fn full_width(c: char) -> Option<char> {
    match c {
        ',' => Some('，'),
        ';' => Some('；'),
        ':' => Some('：'),
        '(' => Some('（'),
        ')' => Some('）'),
        _ => None,
    }
}

/// Chinese text around a mark: a Han character or a full-width mark.
fn chinese(c: Option<&char>) -> bool {
    c.is_some_and(|&c| {
        is_han(c)
            || ('\u{3000}'..='\u{303F}').contains(&c)
            || ('\u{FF01}'..='\u{FF5E}').contains(&c)
            || "“”‘’".contains(c)
    })
}

fn half_width(para: &Para, out: &mut Vec<Finding>) {
    let c = &para.chars;
    let mut first: Option<usize> = None;
    let mut count = 0;
    for i in 0..c.len() {
        if full_width(c[i]).is_none() {
            continue;
        }
        let before = i.checked_sub(1).and_then(|j| c.get(j));
        let after = c.get(i + 1);
        // 9:30 and 1,000 are numbers, not Chinese text.
        let digits =
            before.is_some_and(char::is_ascii_digit) && after.is_some_and(char::is_ascii_digit);
        if !digits && (chinese(before) || chinese(after)) {
            count += 1;
            first.get_or_insert(i);
        }
    }
    if let Some(i) = first {
        let more = if count > 1 {
            format!("（本段共{count}处）")
        } else {
            String::new()
        };
        out.push(para.finding(
            Code::ProofPunctHint,
            i,
            i + 1,
            format!("中文行文中使用了半角标点“{}”{more}，宜改为全角", c[i]),
            full_width(c[i]).map(String::from),
        ));
    }
}

/// `2021-2025年` → `2021—2025年`: a year range takes a dash (一字线), not a hyphen.
fn year_ranges(para: &Para, out: &mut Vec<Finding>) {
    let c = &para.chars;
    let year_at = |i: usize| -> Option<u32> {
        let d: String = c.get(i..i + 4)?.iter().collect();
        if !d.chars().all(|x| x.is_ascii_digit()) || !(d.starts_with("19") || d.starts_with("20")) {
            return None;
        }
        d.parse().ok()
    };
    let mut i = 0;
    while i + 9 <= c.len() {
        let glued = |j: Option<&char>| {
            j.is_some_and(|x| x.is_ascii_alphanumeric() || "-－–/.".contains(*x))
        };
        if matches!(c[i + 4], '-' | '－' | '–')
            && !glued(i.checked_sub(1).and_then(|j| c.get(j)))
            && !glued(c.get(i + 9))
            && let (Some(a), Some(b)) = (year_at(i), year_at(i + 5))
            && a < b
        {
            let with_nian = c.get(i + 9) == Some(&'年');
            let end = if with_nian { i + 10 } else { i + 9 };
            out.push(para.finding(
                Code::ProofPunctHint,
                i,
                end,
                "年份起止宜用一字线“—”连接".to_owned(),
                // Only the dash: a 年 the text does not have is not added (评估（2021-2022）).
                Some(if with_nian {
                    format!("{a}—{b}年")
                } else {
                    format!("{a}—{b}")
                }),
            ));
            i = end;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, Option<String>)> {
        let mut out = Vec::new();
        check(&Para::new(1, text), false, &mut out);
        out.into_iter()
            .map(|f| {
                (
                    f.code.to_string(),
                    f.matched.unwrap_or_default(),
                    f.suggestion,
                )
            })
            .collect()
    }

    #[test]
    fn unpaired_marks_are_found_once_per_paragraph() {
        assert_eq!(
            found("开展“法治进社区活动，成效明显。"),
            vec![("proof.punct".into(), "“".into(), None)]
        );
        assert_eq!(found("学习《行政复议法，组织培训》》。")[0].1, "》");
        assert_eq!(found("印发实施方案）。")[0].0, "proof.punct");
        let mut cut = Vec::new();
        check(&Para::new(9, "先后出台《关于深"), true, &mut cut);
        assert!(cut.is_empty(), "the cut-off end of a web excerpt");
        assert!(
            found("开展“‘八五’普法”活动，学习《民法典》（2020年）【要点】〔2024〕1号。").is_empty()
        );
    }

    #[test]
    fn doubled_punctuation_is_found_but_ellipses_and_dashes_are_not() {
        assert_eq!(
            found("完善制度、、健全机制，，强化监督。"),
            vec![
                ("proof.punct".into(), "、、".into(), Some("、".into())),
                ("proof.punct".into(), "，，".into(), Some("，".into())),
            ]
        );
        assert!(found("依法行政……不断推进——取得成效。").is_empty());
    }

    #[test]
    fn half_width_marks_in_chinese_text_are_one_hint_per_paragraph() {
        let f = found("受理56件,办结60件;其中:调解10件。");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0],
            ("proof.punct_hint".into(), ",".into(), Some("，".into()))
        );
        assert!(found("会议于9:30开始，共1,000人参加。").is_empty());
        assert!(found("网址为https://www.example.cn，欢迎访问。").is_empty());
    }

    #[test]
    fn a_year_range_with_a_hyphen_is_a_hint() {
        assert_eq!(
            found("制定“八五”普法规划（2021-2025年）。"),
            vec![(
                "proof.punct_hint".into(),
                "2021-2025年".into(),
                Some("2021—2025年".into())
            )]
        );
        assert_eq!(
            found("2016-2020期间")[0].2,
            Some("2016—2020".into()),
            "the dash is replaced, no 年 is added"
        );
        assert!(found("规划（2021—2025年）").is_empty());
        assert!(found("电话0571-2025-2026转").is_empty());
        assert!(found("（2025-2021年）").is_empty(), "not a range");
    }
}
