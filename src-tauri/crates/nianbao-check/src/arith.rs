//! Arithmetic inside one report: `arith.order` (审结 > 受理), `arith.parts_exceed` (其中 parts
//! over the whole), `arith.rate` (a rate its own numbers contradict), `arith.percent` (a share
//! over 100%).
//!
//! Only what the text proves: figures are compared within one sentence and one family, a rate
//! only when its numerator and denominator are both in its sentence, and rounding or truncation
//! to the stated digits is never an error. When unsure, say nothing.

use std::collections::HashSet;
use std::ops::Range;

use nianbao_report::Report;

use crate::finding::{Code, Finding};
use crate::rules::{Rules, UnitClass};
use crate::text::{
    Quantity, clause_after, clause_before, excerpt_at, fmt_value, is_han, quantities, sentences,
};

/// Sentences with more quantities than this are not a clause group a drafter wrote: skipped.
const MAX_PER_SENTENCE: usize = 60;

pub fn check(report: &Report, rules: &Rules) -> Vec<Finding> {
    let mut out = Vec::new();
    for (line, text) in report.paragraphs() {
        let all = quantities(text, rules);
        if all.is_empty() {
            continue;
        }
        for range in sentences(text) {
            // Quantities are in text order: a binary search finds the sentence's own.
            let from = all.partition_point(|q| q.start < range.start);
            let to = all.partition_point(|q| q.start < range.end);
            let qs: Vec<&Quantity> = all[from..to.max(from)].iter().collect();
            // No real sentence holds this many figures; comparing them all would be quadratic.
            if qs.is_empty() || qs.len() > MAX_PER_SENTENCE {
                continue;
            }
            let s = Sentence {
                report,
                line,
                text,
                range,
                qs,
                rules,
            };
            out.extend(s.order());
            out.extend(s.parts_exceed());
            out.extend(s.rates());
        }
    }
    out
}

struct Sentence<'a> {
    report: &'a Report,
    line: usize,
    text: &'a str,
    range: Range<usize>,
    qs: Vec<&'a Quantity>,
    rules: &'a Rules,
}

/// Units that may be compared with each other.
fn comparable(a: &Quantity, b: &Quantity) -> bool {
    a.class == b.class && matches!(a.class, UnitClass::Count | UnitClass::Person)
}

fn han_bigrams(s: &str) -> HashSet<(char, char)> {
    let v: Vec<char> = s.chars().filter(|c| is_han(*c)).collect();
    v.windows(2).map(|w| (w[0], w[1])).collect()
}

impl Sentence<'_> {
    fn sentence(&self) -> &str {
        &self.text[self.range.clone()]
    }

    fn excerpt(&self, q: &Quantity) -> String {
        excerpt_at(self.text, q.start..q.end)
    }

    /// The clause text before a quantity (within its sentence).
    fn before(&self, q: &Quantity) -> &str {
        let head = clause_before(self.text, q.start);
        let start = (q.start - head.len()).max(self.range.start);
        &self.text[start..q.start]
    }

    /// The metric family the parser gave the figure at this quantity, if any.
    fn family(&self, q: &Quantity) -> Option<&str> {
        // Figures are in text order (line, then position): skip to the first that could overlap.
        let figures = &self.report.figures;
        let from = figures
            .partition_point(|f| f.line < self.line || (f.line == self.line && f.end <= q.start));
        figures[from..]
            .iter()
            .take_while(|f| f.line == self.line)
            .find(|f| f.start < q.end && q.start < f.end)
            .and_then(|f| f.metric.split_once('·').map(|(fam, _)| fam))
    }

    /// Both quantities count the same kind of thing: the parser says so, or the later clause
    /// is elliptical (`审结92件`) or shares a word with the earlier one.
    fn same_family(&self, a: &Quantity, b: &Quantity, b_verb: &str) -> bool {
        if let (Some(fa), Some(fb)) = (self.family(a), self.family(b))
            && crate::figures::is_known_family(fa)
            && crate::figures::is_known_family(fb)
        {
            return fa == fb;
        }
        let rest: String = self.before(b).replace(b_verb, "");
        let rest_han = rest
            .chars()
            .filter(|c| is_han(*c) && !"共已均其中计全年累今".contains(*c))
            .count();
        rest_han <= 2 || !han_bigrams(&rest).is_disjoint(&han_bigrams(self.before(a)))
    }

    /// The stage verb of a quantity: the last one in the clause before it, else one right after
    /// its unit (`284人参加`).
    fn stage(&self, q: &Quantity) -> Option<(usize, usize, &str)> {
        let before = self.before(q);
        let after = clause_after(self.text, q.end);
        let mut best: Option<(usize, usize, usize, &str)> = None;
        for (ci, chain) in self.rules.chains.iter().enumerate() {
            for (si, stage) in chain.iter().enumerate() {
                for verb in stage {
                    if let Some(pos) = before.rfind(verb.as_str())
                        && best.is_none_or(|(p, ..)| pos > p)
                    {
                        best = Some((pos, ci, si, verb.as_str()));
                    }
                }
            }
        }
        if best.is_none() {
            for (ci, chain) in self.rules.chains.iter().enumerate() {
                for (si, stage) in chain.iter().enumerate() {
                    if let Some(verb) = stage.iter().find(|v| after.starts_with(v.as_str())) {
                        return Some((ci, si, verb.as_str()));
                    }
                }
            }
        }
        best.map(|(_, ci, si, v)| (ci, si, v))
    }

    fn order(&self) -> Vec<Finding> {
        let has = |words: &[String]| words.iter().any(|w| self.sentence().contains(w.as_str()));
        // 累计/以来 may count other years' cases, 结转/上年 say so: only the former asks.
        let backlog = has(&self.rules.backlog_words);
        if backlog && has(&self.rules.carried_words) {
            return Vec::new();
        }
        let staged: Vec<(&Quantity, usize, usize, &str)> = self
            .qs
            .iter()
            .filter(|q| !q.approx)
            .filter_map(|q| self.stage(q).map(|(c, s, v)| (*q, c, s, v)))
            .collect();
        for (i, (a, ca, sa, va)) in staged.iter().enumerate() {
            for (b, cb, sb, vb) in staged.iter().skip(i + 1) {
                // Stages of one chain only; the same verb may sit in several chains.
                let Some((ci, early, late)) = self.chain_pair(va, vb).or(if ca == cb {
                    Some((*ca, *sa, *sb))
                } else {
                    None
                }) else {
                    continue;
                };
                let _ = ci;
                if early == late || !comparable(a, b) || !self.same_family(a, b, vb) {
                    continue;
                }
                let (whole, part, wv, pv) = if early < late {
                    (a, b, va, vb)
                } else {
                    (b, a, vb, va)
                };
                if part.value > whole.value && backlog {
                    return vec![Finding::new(
                        Code::ArithCarriedOver,
                        self.line,
                        &self.excerpt(b),
                        format!(
                            "“{pv}”{}{}多于“{wv}”{}{}：如包含上年结转的数量，请在文中注明",
                            fmt_value(part.value),
                            part.unit,
                            fmt_value(whole.value),
                            whole.unit
                        ),
                    )];
                }
                if part.value > whole.value {
                    return vec![Finding::new(
                        Code::ArithOrder,
                        self.line,
                        &self.excerpt(b),
                        format!(
                            "“{pv}”{}{}多于“{wv}”{}{}，{pv}数不应超过{wv}数",
                            fmt_value(part.value),
                            part.unit,
                            fmt_value(whole.value),
                            whole.unit
                        ),
                    )];
                }
            }
        }
        Vec::new()
    }

    /// The chain and stages in which two verbs both appear, if any.
    fn chain_pair(&self, a: &str, b: &str) -> Option<(usize, usize, usize)> {
        self.rules
            .chains
            .iter()
            .enumerate()
            .find_map(|(ci, chain)| {
                let sa = chain.iter().position(|s| s.iter().any(|v| v == a))?;
                let sb = chain.iter().position(|s| s.iter().any(|v| v == b))?;
                Some((ci, sa, sb))
            })
    }

    fn parts_exceed(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        let sentence = self.sentence();
        for (rel, _) in sentence.match_indices("其中") {
            let at = self.range.start + rel;
            let Some(whole) =
                self.qs.iter().rev().find(|q| {
                    q.end <= at && matches!(q.class, UnitClass::Count | UnitClass::Person)
                })
            else {
                continue;
            };
            if whole.approx {
                continue;
            }
            let next_qizhong = sentence[rel + "其中".len()..]
                .find("其中")
                .map_or(self.range.end, |r| at + "其中".len() + r);
            let mut sum = 0.0;
            let mut parts = Vec::new();
            for q in self
                .qs
                .iter()
                .filter(|q| q.start > at && q.start < next_qizhong)
            {
                if !comparable(whole, q) || q.unit != whole.unit {
                    break;
                }
                let clause = if parts.is_empty() {
                    &self.text[at..q.start]
                } else {
                    self.before(q)
                };
                if !parts.is_empty()
                    && self
                        .rules
                        .new_total
                        .iter()
                        .any(|w| clause.contains(w.as_str()))
                {
                    break;
                }
                if q.approx {
                    parts.clear();
                    break;
                }
                sum += q.value;
                parts.push(fmt_value(q.value));
            }
            if !parts.is_empty() && sum > whole.value + 1e-9 {
                out.push(Finding::new(
                    Code::ArithPartsExceed,
                    self.line,
                    &excerpt_at(self.text, at..at),
                    format!(
                        "“其中”各项合计{}{}（{}），超过总数{}{}",
                        fmt_value(sum),
                        whole.unit,
                        parts.join("+"),
                        fmt_value(whole.value),
                        whole.unit
                    ),
                ));
            }
        }
        out
    }

    /// The rate's name before its number (`成功率`, `调解成功率`, `占比`), without linking words.
    fn rate_name(&self, q: &Quantity) -> Option<String> {
        let mut name = clause_before(self.text, q.num_start).trim().to_owned();
        loop {
            let before = name.len();
            for w in &self.rules.linking {
                if let Some(s) = name.strip_suffix(w.as_str()) {
                    name = s.to_owned();
                }
            }
            if name.len() == before {
                break;
            }
        }
        let is_rate = name.ends_with('率')
            || self
                .rules
                .share_words
                .iter()
                .any(|w| name.ends_with(w.as_str()));
        is_rate.then_some(name)
    }

    fn rates(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, r) in self.qs.iter().enumerate() {
            if r.class != UnitClass::Percent || r.approx {
                continue;
            }
            let Some(name) = self.rate_name(r) else {
                continue;
            };
            if r.value > 100.0 + 1e-9 {
                if !self
                    .rules
                    .over_100_ok
                    .iter()
                    .any(|w| name.ends_with(w.as_str()))
                {
                    out.push(Finding::new(
                        Code::ArithPercent,
                        self.line,
                        &self.excerpt(r),
                        format!("“{name}”为{}%，比例不可能超过100%", fmt_value(r.value)),
                    ));
                }
                continue;
            }
            if self
                .rules
                .unstated_basis
                .iter()
                .any(|w| name.ends_with(w.as_str()))
            {
                continue;
            }
            let earlier: Vec<&Quantity> = self.qs[..i]
                .iter()
                .copied()
                .filter(|q| matches!(q.class, UnitClass::Count | UnitClass::Person))
                .collect();
            let Some((num, den)) = self.operands(&name, &earlier) else {
                continue;
            };
            if num.approx || den.approx || den.value <= 0.0 || num.value > den.value {
                continue;
            }
            let actual = num.value / den.value * 100.0;
            let unit = 10f64.powi(-(r.decimals as i32));
            if (actual - r.value).abs() >= unit - 1e-9 {
                out.push(
                    Finding::new(
                        Code::ArithRate,
                        self.line,
                        &self.excerpt(r),
                        format!(
                            "“{name}”写为{}%，但{}÷{}={:.2}%，与所述数字不符",
                            fmt_value(r.value),
                            fmt_value(num.value),
                            fmt_value(den.value),
                            actual
                        ),
                    )
                    .with_values(&name, Some(r.value), None),
                );
            }
        }
        out
    }

    /// Numerator and denominator of a rate among the quantities before it in its sentence:
    /// the numerator's clause names the rate's stem (`成功3472件` for 成功率); the denominator is
    /// the comparable quantity right before it. For a share (占比) exactly two must precede.
    fn operands<'q>(
        &self,
        name: &str,
        earlier: &[&'q Quantity],
    ) -> Option<(&'q Quantity, &'q Quantity)> {
        if let Some(share) = self
            .rules
            .share_words
            .iter()
            .find(|w| name.ends_with(w.as_str()))
        {
            let _ = share;
            return match earlier {
                [den, num] if comparable(den, num) && den.unit == num.unit => Some((num, den)),
                _ => None,
            };
        }
        let stem: Vec<char> = name
            .trim_end_matches('率')
            .chars()
            .rev()
            .take_while(|c| is_han(*c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if stem.len() < 2 {
            return None;
        }
        let windows: Vec<String> = stem.windows(2).map(|w| w.iter().collect()).collect();
        let names_stem = |q: &Quantity| {
            let around = format!("{}{}", self.before(q), clause_after(self.text, q.end));
            windows.iter().any(|w| around.contains(w.as_str()))
        };
        let ni = earlier.iter().rposition(|q| names_stem(q))?;
        let num = earlier[ni];
        let den = earlier[..ni].iter().rev().find(|q| comparable(q, num))?;
        Some((num, den))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::parse_text;

    fn codes(text: &str) -> Vec<String> {
        check(&parse_text(text), Rules::embedded())
            .into_iter()
            .map(|f| f.code.to_string())
            .collect()
    }

    #[test]
    fn truncation_and_rounding_are_not_errors() {
        assert!(
            codes("共受理3491件矛盾纠纷，调处3491件，调处率100%，成功3472件，成功率99.45%。")
                .is_empty(),
            "3472/3491 = 99.456% truncated to 99.45% is fine"
        );
        assert!(
            codes("行政复议案件56件，办结56件，其中以调解方式结案39件，调解成功率达69.6%。")
                .is_empty()
        );
        assert!(codes("已抽检1400批次，不合格42批次，不合格率3%。").is_empty());
    }

    #[test]
    fn a_rate_its_own_numbers_contradict_is_an_error() {
        assert_eq!(
            codes("梳理部门内部事项315项，已实现299个事项网上办理，实现率达98%。"),
            vec!["arith.rate"],
            "299/315 = 94.9%, not 98%"
        );
    }

    #[test]
    fn a_rate_whose_denominator_is_unstated_is_left_alone() {
        assert!(codes("全年共组织3批次101人参加考试，通过率100%。").is_empty());
        assert!(codes("行政复议纠错率为12.5%，办结案件40件。").is_empty());
        assert!(
            codes("审结行政复议案件40件，直接纠错5件，综合纠错率18%。").is_empty(),
            "纠错率 uses an unstated 口径: 5/40 = 12.5% proves nothing against 18%"
        );
    }

    #[test]
    fn a_share_over_100_percent_is_an_error_but_growth_is_not() {
        assert_eq!(codes("执法案卷合格率102%。"), vec!["arith.percent"]);
        assert!(codes("网上办件量同比增长150%。").is_empty());
    }

    #[test]
    fn qizhong_lists_that_sum_exactly_are_fine_and_ones_that_exceed_are_not() {
        assert!(codes("共清理相关文件23件，其中废止11件、失效3件，拟修改9件。").is_empty());
        assert!(
            codes("全年受理行政复议申请113件，审结92件，其中维持、驳回90件，确认违法2件。")
                .is_empty()
        );
        assert_eq!(
            codes("共清理相关文件23件，其中废止11件、失效5件，拟修改9件。"),
            vec!["arith.parts_exceed"]
        );
    }

    #[test]
    fn a_later_stage_larger_than_an_earlier_one_is_an_order_error() {
        assert_eq!(
            codes("全年共收到行政复议申请134件，受理144件，审结112件。"),
            vec!["arith.order"]
        );
        assert_eq!(
            codes("今年全市共284人参加考试，通过296人。"),
            vec!["arith.order"]
        );
        assert!(codes("全年收到行政复议申请134件，受理124件，审结112件。").is_empty());
    }

    #[test]
    fn cases_carried_over_may_make_decided_exceed_accepted() {
        assert!(codes("全年受理行政复议申请100件，审结110件（含上年结转15件）。").is_empty());
    }

    #[test]
    fn more_closed_than_received_asks_about_carried_over_cases() {
        assert_eq!(
            codes("全年受理行政复议申请56件,办结60件。"),
            vec!["arith.order"]
        );
        assert_eq!(
            codes("今年以来，受理群众投诉56件，办结60件。"),
            vec!["arith.carried_over"],
            "以来 may count last year's cases: a hint, not an error"
        );
        assert_eq!(codes("累计受理56件,办结60件。"), vec!["arith.carried_over"]);
        assert!(codes("受理56件，办结60件（含往年结转8件）。").is_empty());
    }

    #[test]
    fn different_sentences_are_never_compared() {
        assert!(codes("受理行政复议申请100件。审结各类案件300件。").is_empty());
    }
}
