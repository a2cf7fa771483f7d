//! `proof.typo` / `proof.typo_hint` (and the known wrong forms of `proof.term`): words of the
//! lexicon found with one aho-corasick pass, in their context; doubled characters that are no
//! reduplication.

use super::Para;
use super::lexicon::ProofLexicon;
use crate::finding::{Code, Finding};
use crate::text::is_han;

pub(crate) fn check(para: &Para, lex: &ProofLexicon, out: &mut Vec<Finding>) {
    let text = para.text;
    // (start, end, typo) of every entry whose context fits.
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    for m in lex.typo_finder.find_overlapping_iter(text) {
        let t = &lex.typos[m.pattern().as_usize()];
        let after = &text[m.end()..];
        let before = &text[..m.start()];
        if (!t.next.is_empty() && !t.next.iter().any(|n| after.starts_with(n.as_str())))
            || t.not_next.iter().any(|n| after.starts_with(n.as_str()))
            || t.not_prev.iter().any(|p| before.ends_with(p.as_str()))
        {
            continue;
        }
        hits.push((m.start(), m.end(), m.pattern().as_usize()));
    }
    // An entry inside a longer one that also fits (截止 in 截止到) says nothing more.
    for &(s, e, i) in &hits {
        if hits
            .iter()
            .any(|&(s2, e2, _)| s2 <= s && e <= e2 && (e2 - s2) > (e - s))
        {
            continue;
        }
        let t = &lex.typos[i];
        let why = if t.why.is_empty() {
            String::new()
        } else {
            format!("（{}）", t.why)
        };
        let message = if t.code == "proof.typo_hint" {
            format!("“{}”建议写作“{}”{why}", t.wrong, t.right)
        } else if t.code == "proof.term" {
            format!("“{}”表述有误，应为“{}”", t.wrong, t.right)
        } else {
            format!("“{}”疑为错字，应为“{}”{why}", t.wrong, t.right)
        };
        out.push(para.finding(
            t.code,
            para.col(s),
            para.col(e),
            message,
            Some(t.right.clone()),
        ));
    }
    doubled(para, lex, out);
}

/// `落实到到位`: a character of `[doubled] chars` written twice, outside an AABB form (实实在在,
/// 的的确确), a numeral reduplication (一把把) and the exception words.
fn doubled(para: &Para, lex: &ProofLexicon, out: &mut Vec<Finding>) {
    let c = &para.chars;
    for i in 0..c.len().saturating_sub(1) {
        let x = c[i];
        if c[i + 1] != x || !is_han(x) || !lex.doubled.contains(&x) {
            continue;
        }
        // Three in a row is no slip of one key.
        if (i > 0 && c[i - 1] == x) || c.get(i + 2) == Some(&x) {
            continue;
        }
        let aabb_second = i >= 2 && c[i - 2] == c[i - 1] && is_han(c[i - 1]);
        let aabb_first = i + 3 < c.len() && c[i + 2] == c[i + 3] && is_han(c[i + 2]);
        if aabb_second || aabb_first || (i > 0 && c[i - 1] == '一') {
            continue;
        }
        let from = i.saturating_sub(3);
        let to = (i + 5).min(c.len());
        let window = para.slice(from, to);
        let pair: String = [x, x].iter().collect();
        if lex.doubled_except.iter().any(|w| {
            window.match_indices(w.as_str()).any(|(at, _)| {
                // The exception must cover this very pair.
                let w_from = from + window[..at].chars().count();
                let w_to = w_from + w.chars().count();
                w_from <= i && i + 2 <= w_to && w.contains(&pair)
            })
        }) {
            continue;
        }
        out.push(para.finding(
            Code::ProofTypo,
            i,
            i + 2,
            format!("“{pair}”疑为多打了一个“{x}”"),
            Some(x.to_string()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        let lex = ProofLexicon::embedded().expect("embedded proof.toml");
        let para = Para::new(1, text);
        let mut out = Vec::new();
        check(&para, &lex, &mut out);
        out.into_iter()
            .map(|f| (f.matched.unwrap_or_default(), f.suggestion))
            .collect()
    }

    fn one(text: &str, matched: &str, right: &str) {
        assert_eq!(
            found(text),
            vec![(matched.to_owned(), Some(right.to_owned()))],
            "{text}"
        );
    }

    #[test]
    fn lexicon_typos_are_found_with_their_replacement() {
        one("认真布署年度重点工作。", "布署", "部署");
        one("按排专人负责台账管理。", "按排", "安排");
        one("建立工作台帐，逐项销号。", "台帐", "台账");
        one("各部门再接再励。", "再接再励", "再接再厉");
    }

    #[test]
    fn jiezhi_is_wrong_only_before_a_point_in_time() {
        one("截止2024年底，共办理案件120件。", "截止", "截至");
        one("截止目前，已全部完成。", "截止", "截至");
        one("截止到12月31日，全部办结。", "截止到", "截至");
        assert!(found("申报截止日期为6月30日。").is_empty());
        assert!(found("截至2024年底，共办理案件120件。").is_empty());
    }

    #[test]
    fn qita_is_a_hint_and_duguo_dugguo_go_by_context() {
        let lex = ProofLexicon::embedded().expect("embedded proof.toml");
        let mut out = Vec::new();
        check(&Para::new(1, "其它事项另行通知。"), &lex, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].code, "proof.typo_hint");
        one("帮助企业度过难关。", "度过难关", "渡过难关");
        one("让群众安心渡过春节假期。", "渡过", "度过");
        assert!(found("带领群众渡过难关。").is_empty());
    }

    #[test]
    fn zuochu_goes_with_decisions_and_zuowei_is_not_kanzuo() {
        one("依法做出行政复议决定。", "做出", "作出");
        assert!(found("做出了显著成绩。").is_empty(), "做出成绩 is fine");
        one("做为全市试点单位。", "做为", "作为");
        assert!(found("把群众满意当做为民服务的标准。").is_empty());
    }

    #[test]
    fn a_doubled_character_is_a_slip() {
        one("确保各项措施落实到到位。", "到到", "到");
        one("推进依法行政的的各项工作。", "的的", "的");
    }

    #[test]
    fn real_reduplications_are_never_flagged() {
        for text in [
            "层层压实责任，一一对应整改。",
            "人人讲法，常常学法，条条落实，个个过关。",
            "年年评估，处处留痕，事事有回应。",
            "实实在在为群众办事，的的确确取得成效。",
            "以及及时回应群众关切，涉及及时办结的事项。",
            "一把把钥匙开一把把锁，各项工作稳步推进。",
            "合并并入相关部门，尤其其中的难点。",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
