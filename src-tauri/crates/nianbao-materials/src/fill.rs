//! Fill from statistics: for each fill-in mark `【113件→？】` of a draft, the statistics value
//! whose metric matches, with its source — a proposal the drafter accepts or rejects, never a
//! silent fill. The mark's metric is named the way the parser names last year's figure in that
//! sentence (the mark read as the figure it stands for); a value far from last year's is
//! flagged as the checker's `figure.swing` would flag it.

use nianbao_draft::marks;
use serde::Serialize;

use crate::stats::{Naming, StatValue};

/// `figure.swing` of nianbao-check: a change of half or more either way…
const SWING: f64 = 0.5;
/// …of a figure big enough for a half to mean something, not a percentage.
const SWING_MIN: f64 = 10.0;

/// One fill-in mark of a figure and what the statistics offer for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FillProposal {
    /// 1-based line of the draft.
    pub line: usize,
    /// The mark as written (`【113件→？】`).
    pub mark: String,
    /// Byte offset of the mark in its line.
    pub start: usize,
    /// Last year's figure as written (`113件`).
    pub last_raw: String,
    pub last_value: f64,
    /// The metric the mark stands for (`行政复议·受理`), "" when the parser names none.
    pub metric: String,
    /// The matching values, best first (none: nothing in the statistics matches).
    pub proposals: Vec<Proposal>,
}

/// A value offered for a mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    /// Index into the statistics values given to [`proposals`].
    pub stat: usize,
    /// What replaces the mark (`142件`).
    pub text: String,
    pub value: f64,
    /// How the value was matched: `metric` (same metric name) or `label` (the table's row name
    /// is in the sentence).
    pub matched_by: &'static str,
    /// The checker's words when the value is far from last year's (`figure.swing`).
    pub swing: Option<String>,
}

/// Last year's figure of a figure mark (`【113件→？】` → `113件`); `None` for other marks.
pub fn mark_figure(mark: &str) -> Option<&str> {
    let inner = mark.strip_prefix(marks::OPEN)?.strip_suffix(marks::CLOSE)?;
    let (raw, rest) = inner.split_once('→')?;
    (rest == "？" || rest == "?").then_some(raw)
}

/// Whether `this` is a swing from `last` the way nianbao-check's `figure.swing` judges one.
pub fn swing(last: f64, this: f64, unit: &str) -> Option<String> {
    if unit == "%" || unit == "％" {
        return None;
    }
    let ratio = if last.abs() > 1e-9 {
        (this - last).abs() / last.abs()
    } else {
        f64::INFINITY
    };
    (last.abs().max(this.abs()) >= SWING_MIN && ratio >= SWING).then(|| {
        format!(
            "由上年{}变为{}，变化{:.0}%，幅度较大，请核实",
            trim_number(last),
            trim_number(this),
            if ratio.is_finite() {
                ratio * 100.0
            } else {
                100.0
            }
        )
    })
}

fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The line with every figure mark replaced by last year's figure (so the parser reads the
/// sentence as a report's), and where each mark's figure now lies: `(mark start in the draft
/// line, mark, start in the read line)`.
fn read_line(line: &str) -> (String, Vec<(usize, String, usize)>) {
    let mut out = String::with_capacity(line.len());
    let mut at = 0usize;
    let mut found = Vec::new();
    for span in marks::spans(line) {
        match span.mark.then(|| mark_figure(&span.text)).flatten() {
            Some(raw) => {
                found.push((at, span.text.clone(), out.len()));
                out.push_str(raw);
            }
            None => out.push_str(&span.text),
        }
        at += span.text.len();
    }
    (out, found)
}

/// The proposals for every figure mark of `draft` from `stats`; marks are named by the
/// office's parser and matched through its word groups ([`Naming`]), like the values.
pub fn proposals(draft: &str, stats: &[StatValue], naming: &Naming<'_>) -> Vec<FillProposal> {
    let finder = naming.parser.figure_finder();
    let namer = naming.parser.metric_namer();
    let mut out = Vec::new();
    for (i, line) in draft.lines().enumerate() {
        if !line.contains(marks::OPEN) {
            continue;
        }
        let (read, found) = read_line(line);
        if found.is_empty() {
            continue;
        }
        let figures = finder.find(&read, 0);
        let names = namer.name_line(&read, &figures);
        for (start, mark, read_at) in found {
            let Some(raw) = mark_figure(&mark).map(str::to_owned) else {
                continue;
            };
            let figure = figures
                .iter()
                .position(|f| f.start <= read_at && read_at < f.end.max(f.start + 1));
            let (metric, last_value, unit, clause) = match figure {
                Some(k) => {
                    let f = &figures[k];
                    (
                        names.get(k).cloned().unwrap_or_default(),
                        f.value,
                        f.unit.clone(),
                        read.get(f.clause.0..f.clause.1).unwrap_or("").to_owned(),
                    )
                }
                None => (String::new(), 0.0, String::new(), read.clone()),
            };
            // A value of the very metric wins over one only the office's word groups make the
            // same (收到 = 受理): those are offered only when no value has the mark's own name.
            let exact = !metric.is_empty()
                && stats
                    .iter()
                    .any(|v| !v.last_year && v.metric == metric && same_unit(v, &unit));
            let mut offered: Vec<Proposal> = Vec::new();
            for (s, v) in stats.iter().enumerate() {
                if v.last_year {
                    continue;
                }
                let matched_by = if (exact && v.metric == metric)
                    || (!exact && naming.same_metric(&v.metric, &metric))
                {
                    "metric"
                } else if v.label.chars().count() >= 4 && clause.contains(&v.label) {
                    "label"
                } else {
                    continue;
                };
                let unit_of = if v.unit.is_empty() { &unit } else { &v.unit };
                if !same_unit(v, &unit) {
                    continue;
                }
                offered.push(Proposal {
                    stat: s,
                    text: format!("{}{}", v.text, unit_of),
                    value: v.value,
                    matched_by,
                    swing: figure.and_then(|_| swing(last_value, v.value, unit_of)),
                });
            }
            offered.sort_by_key(|p| p.matched_by != "metric");
            out.push(FillProposal {
                line: i + 1,
                mark,
                start,
                last_raw: raw,
                last_value,
                metric,
                proposals: offered,
            });
        }
    }
    out
}

/// Whether a value's unit can stand for a mark's (either unknown, or the same).
fn same_unit(v: &StatValue, unit: &str) -> bool {
    v.unit.is_empty() || unit.is_empty() || v.unit == unit
}

/// The draft with the mark at `line` (1-based) replaced by `text`; `None` when that line no
/// longer holds the mark (the drafter changed it meanwhile).
pub fn apply(draft: &str, line: usize, mark: &str, text: &str) -> Option<String> {
    let mut lines: Vec<&str> = draft.split('\n').collect();
    let target = lines.get(line.checked_sub(1)?)?;
    if !target.contains(mark) {
        return None;
    }
    let replaced = target.replacen(mark, text, 1);
    lines[line - 1] = &replaced;
    Some(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::from_text_tables;

    fn table() -> Vec<StatValue> {
        from_text_tables(
            &[
                "指标\t上年\t本年",
                "行政复议受理案件（件）\t113\t142",
                "人民调解案件（件）\t300\t310",
            ],
            &Naming::builtin(),
        )
        .0
    }

    #[test]
    fn a_mark_gets_the_value_of_its_metric_with_its_source() {
        let draft = "示例市2024年报告\n全年受理行政复议案件【113件→？】，调解纠纷【300件→？】。";
        let stats = table();
        let p = proposals(draft, &stats, &Naming::builtin());
        assert_eq!(p.len(), 2, "{p:#?}");
        assert_eq!(p[0].line, 2);
        assert_eq!(p[0].last_raw, "113件");
        let first = p[0].proposals.first().expect("a value for the first mark");
        assert_eq!(first.text, "142件");
        assert_eq!(stats[first.stat].cell, "表1!C2");
        assert!(first.swing.is_none(), "113 → 142 is no swing");
    }

    #[test]
    fn the_offices_word_groups_match_a_value_only_when_none_has_the_marks_own_name() {
        let groups = |w: &str| {
            if w == "受理" {
                "收到".to_owned()
            } else {
                w.to_owned()
            }
        };
        let naming = Naming {
            parser: nianbao_report::ReportParser::builtin(),
            canonical: &groups,
        };
        let draft = "示例市2024年报告\n全年受理行政复议案件【113件→？】。";
        let received = from_text_tables(
            &["指标\t本年", "收到行政复议申请（件）\t150"],
            &Naming::builtin(),
        )
        .0;
        assert!(received[0].metric.ends_with("收到"), "{received:#?}");
        let alone = proposals(draft, &received, &naming);
        assert_eq!(alone[0].proposals.len(), 1, "收到 = 受理 for this office");
        assert!(
            proposals(draft, &received, &Naming::builtin())[0]
                .proposals
                .is_empty(),
            "without the word group the names differ"
        );
        let mut both = received.clone();
        both.extend(table());
        let p = proposals(draft, &both, &naming);
        let texts: Vec<&str> = p[0].proposals.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(texts, ["142件"], "the value of the mark's own metric only");
    }

    #[test]
    fn a_value_far_from_last_year_is_flagged_like_the_checker() {
        assert!(swing(113.0, 300.0, "件").is_some());
        assert!(swing(113.0, 142.0, "件").is_none());
        assert!(swing(2.0, 3.0, "批次").is_none(), "too small to swing");
        assert!(swing(50.0, 100.0, "%").is_none(), "percentages never swing");
    }

    #[test]
    fn applying_replaces_only_that_mark_and_refuses_a_changed_line() {
        let draft = "甲【1件→？】乙【1件→？】\n丙";
        assert_eq!(
            apply(draft, 1, "【1件→？】", "2件").as_deref(),
            Some("甲2件乙【1件→？】\n丙")
        );
        assert_eq!(apply(draft, 2, "【1件→？】", "2件"), None);
    }

    #[test]
    fn other_marks_are_no_figures() {
        assert_eq!(mark_figure("【113件→？】"), Some("113件"));
        assert_eq!(mark_figure("【行政复议受理件数：＿＿】"), None);
    }
}
