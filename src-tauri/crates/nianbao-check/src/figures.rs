//! Figures across years: the [`FigureAligner`] pairs each figure of this year with last year's
//! by meaning (metric name, family and unit, the clause's content words, the section kind) —
//! never by value or position — and the findings that follow: `figure.changed`,
//! `figure.unchanged`, `figure.swing`, `figure.dropped`, `figure.new`, `figure.growth`.
//!
//! Ambiguous candidates are left unpaired rather than guessed, and an unpaired figure is only
//! reported as dropped or new when no figure of the other year carries its metric at all.

use std::collections::{HashMap, HashSet};

use nianbao_report::{Figure, Report, SectionKind};
use serde::{Deserialize, Serialize};

use crate::finding::Finding;
use crate::rules::Rules;
use crate::text::{clause_after, content_words, excerpt_at, fmt_value, jaccard, quantities};

/// Score of an exact metric match.
const EXACT: f64 = 0.55;
/// Score of the same family with the same unit (`行政复议·收到` vs `行政复议·受理`).
const FAMILY: f64 = 0.25;
/// Weight of the content-word Jaccard of the two clauses.
const WORDS: f64 = 0.35;
/// Score of the same (classified) section kind.
const KIND: f64 = 0.1;
/// Pairs below this are not paired.
const THRESHOLD: f64 = 0.5;
/// A competing candidate this close to the best makes a pair ambiguous.
const MARGIN: f64 = 0.05;
/// Figures per report that are aligned at all (a real report has a few hundred); bounds the
/// work on pathological input.
const MAX_FIGURES: usize = 3000;
/// Candidates per figure, of each of: exact metric, same family.
const MAX_CANDIDATES: usize = 32;
/// From this confidence on, a pair is sure enough for warnings and errors.
const SURE: f64 = 0.6;
/// `figure.swing`: a change of half or more either way…
const SWING: f64 = 0.5;
/// …of a figure big enough for a half to mean something (2 → 3 批次 is no swing).
const SWING_MIN: f64 = 10.0;

/// One row of the aligned figure table (design.md's `figures` array).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedFigure {
    pub metric: String,
    pub this_value: Option<f64>,
    pub last_value: Option<f64>,
    /// For people: `+15（+13.3%）`, `持平`, `新增`, `未再报告`.
    pub change: String,
    pub this_line: Option<usize>,
    pub last_line: Option<usize>,
    /// 0..=1; 0 for rows with one side only.
    pub confidence: f64,
    /// The unit, for display (not part of the JSON contract).
    #[serde(skip)]
    pub unit: String,
}

/// A pair of figure indexes (this year, last year) with its confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub this: usize,
    pub last: usize,
    pub confidence: f64,
}

/// The result of aligning two reports' figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
    /// Figures left out because two candidates were equally good.
    pub ambiguous_this: HashSet<usize>,
    pub ambiguous_last: HashSet<usize>,
}

/// Scores candidate pairs and assigns them greedily, best first, one to one.
#[derive(Debug)]
pub struct FigureAligner<'r> {
    rules: &'r Rules,
}

fn family(metric: &str) -> Option<&str> {
    metric.split_once('·').map(|(f, _)| f)
}

impl<'r> FigureAligner<'r> {
    pub fn new(rules: &'r Rules) -> FigureAligner<'r> {
        FigureAligner { rules }
    }

    fn same_unit(&self, a: &Figure, b: &Figure) -> bool {
        a.unit == b.unit
            || matches!((self.rules.unit_class(&a.unit), self.rules.unit_class(&b.unit)), (Some(x), Some(y)) if x == y)
    }

    /// The score of pairing `a` (this year) with `b` (last year); `None` when they cannot be
    /// the same metric (different units or families).
    pub fn score(
        &self,
        a: &Figure,
        b: &Figure,
        wa: &HashSet<&str>,
        wb: &HashSet<&str>,
    ) -> Option<f64> {
        if !self.same_unit(a, b) {
            return None;
        }
        let base = if a.metric == b.metric {
            EXACT
        } else if family(&a.metric).is_some()
            && family(&a.metric) == family(&b.metric)
            && a.unit == b.unit
        {
            FAMILY
        } else {
            // Content words and section alone (≤ WORDS + KIND) never reach the threshold.
            return None;
        };
        let kind = if a.section == b.section && a.section != SectionKind::Other {
            KIND
        } else {
            0.0
        };
        let score = base + WORDS * jaccard(wa, wb) + kind;
        (score >= THRESHOLD).then_some(score.min(1.0))
    }

    /// A percentage right after a growth word (`同比增长20%`) states a change, not a metric.
    fn is_change_statement(&self, report: &Report, f: &Figure) -> bool {
        let line = report.line(f.line);
        let head = line.get(..f.start.min(line.len())).unwrap_or("");
        let head = head.trim_end_matches(['了', '达', '约']);
        self.rules
            .growth_up
            .iter()
            .chain(&self.rules.growth_down)
            .any(|w| head.ends_with(w.as_str()))
    }

    /// Align the figures of two reports.
    pub fn align<'a>(&self, this: &'a Report, last: &'a Report) -> Alignment {
        let words = |r: &'a Report| -> Vec<HashSet<&'a str>> {
            r.figures
                .iter()
                .map(|f| content_words(&f.excerpt, self.rules))
                .collect()
        };
        let (tw, lw) = (words(this), words(last));
        // Only figures of the same family can pair: index last year's by family.
        let mut by_family: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_metric: HashMap<&str, Vec<usize>> = HashMap::new();
        for (j, b) in last.figures.iter().enumerate().take(MAX_FIGURES) {
            by_family
                .entry(family(&b.metric).unwrap_or(&b.metric))
                .or_default()
                .push(j);
            by_metric.entry(b.metric.as_str()).or_default().push(j);
        }
        let mut candidates = Vec::new();
        let mut out = Alignment::default();
        for (i, f) in this.figures.iter().enumerate() {
            if self.is_change_statement(this, f) {
                out.ambiguous_this.insert(i);
            }
        }
        for (j, f) in last.figures.iter().enumerate() {
            if self.is_change_statement(last, f) {
                out.ambiguous_last.insert(j);
            }
        }
        for (i, a) in this.figures.iter().enumerate().take(MAX_FIGURES) {
            if out.ambiguous_this.contains(&i) {
                continue;
            }
            let wa = &tw[i];
            // Exact metric first, then the rest of the family; a bounded number of each.
            let exact = by_metric.get(a.metric.as_str()).into_iter().flatten();
            let same_family = by_family
                .get(family(&a.metric).unwrap_or(&a.metric))
                .into_iter()
                .flatten()
                .filter(|j| last.figures[**j].metric != a.metric);
            let group: Vec<usize> = exact
                .take(MAX_CANDIDATES)
                .chain(same_family.take(MAX_CANDIDATES))
                .copied()
                .collect();
            for j in group {
                let b = &last.figures[j];
                if out.ambiguous_last.contains(&j) {
                    continue;
                }
                if let Some(s) = self.score(a, b, wa, &lw[j]) {
                    candidates.push(Pair {
                        this: i,
                        last: j,
                        confidence: s,
                    });
                }
            }
        }
        candidates.sort_by(|x, y| {
            y.confidence
                .total_cmp(&x.confidence)
                .then(x.this.cmp(&y.this))
                .then(x.last.cmp(&y.last))
        });
        let mut by_this: Vec<Vec<usize>> = vec![Vec::new(); this.figures.len()];
        let mut by_last: Vec<Vec<usize>> = vec![Vec::new(); last.figures.len()];
        for (k, c) in candidates.iter().enumerate() {
            by_this[c.this].push(k);
            by_last[c.last].push(k);
        }
        let mut used_this = vec![false; this.figures.len()];
        let mut used_last = vec![false; last.figures.len()];
        for p in &candidates {
            if used_this[p.this] || used_last[p.last] {
                continue;
            }
            // A rival for either side, nearly as good, with a different value: do not guess.
            let rival = by_this[p.this]
                .iter()
                .chain(&by_last[p.last])
                .map(|k| &candidates[*k])
                .any(|q| {
                    q.confidence >= p.confidence - MARGIN
                        && ((q.this == p.this
                            && q.last != p.last
                            && !used_last[q.last]
                            && last.figures[q.last].value != last.figures[p.last].value)
                            || (q.last == p.last
                                && q.this != p.this
                                && !used_this[q.this]
                                && this.figures[q.this].value != this.figures[p.this].value))
                });
            if rival {
                used_this[p.this] = true;
                used_last[p.last] = true;
                out.ambiguous_this.insert(p.this);
                out.ambiguous_last.insert(p.last);
                continue;
            }
            used_this[p.this] = true;
            used_last[p.last] = true;
            out.pairs.push(*p);
        }
        out.pairs
            .sort_by_key(|p| (this.figures[p.this].line, this.figures[p.this].start));
        out
    }
}

/// A change for people: `+15（+13.3%）`, `-2.5个百分点`, `持平`.
fn describe_change(this: &Figure, last: &Figure) -> String {
    let d = this.value - last.value;
    if d.abs() < 1e-9 {
        return "持平".to_owned();
    }
    let sign = if d > 0.0 { "+" } else { "-" };
    if this.unit == "%" || this.unit == "％" {
        return format!("{sign}{}个百分点", fmt_value(d.abs()));
    }
    if last.value.abs() < 1e-9 {
        return format!("{sign}{}", fmt_value(d.abs()));
    }
    format!(
        "{sign}{}（{sign}{:.1}%）",
        fmt_value(d.abs()),
        (d / last.value * 100.0).abs()
    )
}

/// A family from the parser's metric lexicon (not a fallback built from content words).
pub fn is_known_family(family: &str) -> bool {
    nianbao_report::lexicon::Lexicon::builtin()
        .metrics
        .families
        .iter()
        .any(|f| f.name == family)
}

/// A metric named by the lexicon (`行政复议·受理`), not a fallback (`未命名·件数`).
pub fn is_named(metric: &str) -> bool {
    family(metric).is_some_and(is_known_family)
}

/// The aligned table: every pair, then named metrics found in one year only.
pub fn table(this: &Report, last: &Report, alignment: &Alignment) -> Vec<AlignedFigure> {
    let mut rows: Vec<AlignedFigure> = alignment
        .pairs
        .iter()
        .map(|p| {
            let (a, b) = (&this.figures[p.this], &last.figures[p.last]);
            AlignedFigure {
                metric: a.metric.clone(),
                this_value: Some(a.value),
                last_value: Some(b.value),
                change: describe_change(a, b),
                this_line: Some(a.line),
                last_line: Some(b.line),
                confidence: (p.confidence * 100.0).round() / 100.0,
                unit: a.unit.clone(),
            }
        })
        .collect();
    for (a, b) in unpaired(this, last, alignment) {
        rows.push(match (a, b) {
            (Some(a), None) => AlignedFigure {
                metric: a.metric.clone(),
                this_value: Some(a.value),
                last_value: None,
                change: "新增".into(),
                this_line: Some(a.line),
                last_line: None,
                confidence: 0.0,
                unit: a.unit.clone(),
            },
            (_, Some(b)) => AlignedFigure {
                metric: b.metric.clone(),
                this_value: None,
                last_value: Some(b.value),
                change: "未再报告".into(),
                this_line: None,
                last_line: Some(b.line),
                confidence: 0.0,
                unit: b.unit.clone(),
            },
            (None, None) => continue,
        });
    }
    rows
}

/// Named figures of one year whose metric the other year never reports (dropped or new).
fn unpaired<'a>(
    this: &'a Report,
    last: &'a Report,
    al: &Alignment,
) -> Vec<(Option<&'a Figure>, Option<&'a Figure>)> {
    let paired_this: HashSet<usize> = al.pairs.iter().map(|p| p.this).collect();
    let paired_last: HashSet<usize> = al.pairs.iter().map(|p| p.last).collect();
    let this_metrics: HashSet<&str> = this.figures.iter().map(|f| f.metric.as_str()).collect();
    let last_metrics: HashSet<&str> = last.figures.iter().map(|f| f.metric.as_str()).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, f) in this.figures.iter().enumerate() {
        if !paired_this.contains(&i)
            && !al.ambiguous_this.contains(&i)
            && is_named(&f.metric)
            && !last_metrics.contains(f.metric.as_str())
            && seen.insert(("new", f.metric.as_str()))
        {
            out.push((Some(f), None));
        }
    }
    for (j, f) in last.figures.iter().enumerate() {
        if !paired_last.contains(&j)
            && !al.ambiguous_last.contains(&j)
            && is_named(&f.metric)
            && !this_metrics.contains(f.metric.as_str())
            && seen.insert(("dropped", f.metric.as_str()))
        {
            out.push((None, Some(f)));
        }
    }
    out
}

/// Findings from the alignment.
pub fn findings(this: &Report, last: &Report, al: &Alignment, rules: &Rules) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &al.pairs {
        let (a, b) = (&this.figures[p.this], &last.figures[p.last]);
        let values = |f: Finding| {
            f.with_values(&a.metric, Some(a.value), Some(b.value))
                .with_last(b.line, &b.excerpt)
        };
        let sure = p.confidence >= SURE;
        let same = (a.value - b.value).abs() < 1e-9;
        let saturated = (a.unit == "%" || a.unit == "％") && (a.value - 100.0).abs() < 1e-9;
        if same {
            if sure && !saturated {
                out.push(values(Finding::new(
                    "figure.unchanged",
                    a.line,
                    &a.excerpt,
                    format!("“{}”与上年相同（{}），请确认是否已更新", a.metric, a.raw),
                )));
            }
            continue;
        }
        let ratio = if b.value.abs() > 1e-9 {
            (a.value - b.value).abs() / b.value.abs()
        } else {
            f64::INFINITY
        };
        let percent = a.unit == "%" || a.unit == "％";
        let big = a.value.abs().max(b.value.abs()) >= SWING_MIN;
        let code = if sure && !percent && big && ratio >= SWING {
            "figure.swing"
        } else {
            "figure.changed"
        };
        let message = if code == "figure.swing" {
            format!(
                "“{}”由上年{}变为{}，变化{}，幅度较大，请核实",
                a.metric,
                b.raw,
                a.raw,
                describe_change(a, b)
            )
        } else {
            format!(
                "“{}”由上年{}变为{}（{}）",
                a.metric,
                b.raw,
                a.raw,
                describe_change(a, b)
            )
        };
        out.push(values(Finding::new(code, a.line, &a.excerpt, message)));
        if sure && !a.approx && !b.approx {
            out.extend(growth(this, a, b, rules).map(values));
        }
    }
    for (a, b) in unpaired(this, last, al) {
        match (a, b) {
            (Some(a), None) => out.push(
                Finding::new(
                    "figure.new",
                    a.line,
                    &a.excerpt,
                    format!("“{}”为本年新增数据（上年报告未见）", a.metric),
                )
                .with_values(&a.metric, Some(a.value), None),
            ),
            (None, Some(b)) => out.push(
                Finding::new(
                    "figure.dropped",
                    0,
                    "",
                    format!("上年报告的“{}”（{}）本年未再报告", b.metric, b.raw),
                )
                .with_values(&b.metric, None, Some(b.value))
                .with_last(b.line, &b.excerpt),
            ),
            _ => {}
        }
    }
    out
}

/// A stated change against last year right after a figure (`128件，同比增长13.3%`,
/// `比上年增加15件`) that last year's own figure contradicts.
fn growth(this: &Report, a: &Figure, b: &Figure, rules: &Rules) -> Option<Finding> {
    let text = this.line(a.line);
    if a.end > text.len() || !text.is_char_boundary(a.end) || b.value.abs() < 1e-9 {
        return None;
    }
    // The clause after the figure and the next one.
    let first = clause_after(text, a.end);
    let second_start = (a.end + first.len() + 3).min(text.len());
    let second_start = (second_start..=text.len())
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(text.len());
    let window_end = a.end + first.len() + clause_after(text, second_start).len() + 3;
    let window_end = (window_end.min(text.len())..=text.len())
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(text.len());
    let window = &text[a.end..window_end];
    let caps = rules.growth.captures(window)?;
    // Another figure between ours and the statement owns the statement.
    let stmt_at = a.end + caps.get(0)?.start();
    if quantities(&text[a.end..stmt_at], rules)
        .iter()
        .any(|q| q.class != crate::rules::UnitClass::Percent)
    {
        return None;
    }
    let down = rules.growth_down.iter().any(|w| w == &caps["dir"]);
    let num: f64 = caps["num"].parse().ok()?;
    let decimals = caps["num"].split_once('.').map_or(0, |(_, d)| d.len());
    let stated = if down { -num } else { num };
    let percent_figure = a.unit == "%" || a.unit == "％";
    let (actual, label) = match caps.name("unit").map(|m| m.as_str()) {
        Some("%") | Some("％") if !percent_figure => ((a.value - b.value) / b.value * 100.0, "%"),
        Some("个百分点") if percent_figure => (a.value - b.value, "个百分点"),
        None => (a.value - b.value, a.unit.as_str()),
        _ => return None,
    };
    let tolerance = 10f64.powi(-(decimals as i32)).max(1e-6);
    if (actual - stated).abs() < tolerance {
        return None;
    }
    let verb = if down { "下降" } else { "增长" };
    Some(Finding::new(
        "figure.growth",
        a.line,
        &excerpt_at(text, a.start..stmt_at),
        format!(
            "文中称“{}”{verb}{}{label}，但上年为{}、本年为{}，实际{}{}{label}",
            a.metric,
            fmt_value(num),
            b.raw,
            a.raw,
            if actual >= 0.0 { "增长" } else { "下降" },
            if label == "%" {
                format!("{:.1}", actual.abs())
            } else {
                fmt_value(actual.abs())
            },
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(
        metric: &str,
        value: f64,
        unit: &str,
        line: usize,
        excerpt: &str,
        section: SectionKind,
    ) -> Figure {
        Figure {
            metric: metric.into(),
            value,
            unit: unit.into(),
            approx: false,
            raw: format!("{}{unit}", fmt_value(value)),
            line,
            start: 0,
            end: 0,
            excerpt: excerpt.into(),
            section,
        }
    }

    fn report(figures: Vec<Figure>) -> Report {
        let mut r = nianbao_report::parse_text("");
        r.figures = figures;
        r
    }

    #[test]
    fn two_metrics_with_equal_values_are_not_confused() {
        use SectionKind::Disputes;
        let last = report(vec![
            figure(
                "行政复议·受理",
                113.0,
                "件",
                1,
                "共受理行政复议申请113件",
                Disputes,
            ),
            figure(
                "行政应诉·案件",
                113.0,
                "件",
                2,
                "以市政府为被告的行政应诉案件113件",
                Disputes,
            ),
        ]);
        let this = report(vec![
            figure(
                "行政应诉·案件",
                90.0,
                "件",
                1,
                "以市政府为被告的行政应诉案件90件",
                Disputes,
            ),
            figure(
                "行政复议·受理",
                120.0,
                "件",
                2,
                "受理行政复议申请120件",
                Disputes,
            ),
        ]);
        let al = FigureAligner::new(Rules::embedded()).align(&this, &last);
        let pairs: Vec<(usize, usize)> = al.pairs.iter().map(|p| (p.this, p.last)).collect();
        assert_eq!(
            pairs,
            vec![(0, 1), (1, 0)],
            "pairs follow the metric, not last year's equal value"
        );
    }

    #[test]
    fn the_same_family_phrased_differently_is_aligned_by_meaning() {
        use SectionKind::Disputes;
        let last = report(vec![figure(
            "行政复议·受理",
            113.0,
            "件",
            1,
            "共受理行政复议申请113件",
            Disputes,
        )]);
        let this = report(vec![
            figure(
                "行政复议·收到",
                128.0,
                "件",
                1,
                "收到行政复议申请128件",
                Disputes,
            ),
            figure("行政复议·受理", 120.0, "件", 1, "受理120件", Disputes),
        ]);
        let al = FigureAligner::new(Rules::embedded()).align(&this, &last);
        assert_eq!(al.pairs.len(), 1);
        assert_eq!(
            (al.pairs[0].this, al.pairs[0].last),
            (1, 0),
            "受理 with 受理, 收到 is new"
        );
        let f = findings(&this, &last, &al, Rules::embedded());
        assert!(
            f.iter()
                .any(|f| f.code == "figure.new" && f.metric.as_deref() == Some("行政复议·收到"))
        );
    }

    #[test]
    fn ambiguous_candidates_are_left_unpaired() {
        use SectionKind::Enforcement;
        let last = report(vec![
            figure("未命名·数量", 30.0, "个", 1, "检查问题", Enforcement),
            figure("未命名·数量", 40.0, "个", 2, "检查问题", Enforcement),
        ]);
        let this = report(vec![figure(
            "未命名·数量",
            35.0,
            "个",
            1,
            "检查问题",
            Enforcement,
        )]);
        let al = FigureAligner::new(Rules::embedded()).align(&this, &last);
        assert!(
            al.pairs.is_empty(),
            "30 or 40? the aligner must not guess: {al:?}"
        );
        assert!(
            findings(&this, &last, &al, Rules::embedded()).is_empty(),
            "and not call it new or dropped"
        );
    }

    #[test]
    fn units_of_different_classes_never_pair() {
        let last = report(vec![figure(
            "执法人员·培训",
            250.0,
            "人",
            1,
            "培训执法人员",
            SectionKind::Other,
        )]);
        let this = report(vec![figure(
            "执法人员·培训",
            12.0,
            "场",
            1,
            "培训执法人员",
            SectionKind::Other,
        )]);
        assert!(
            FigureAligner::new(Rules::embedded())
                .align(&this, &last)
                .pairs
                .is_empty()
        );
    }

    #[test]
    fn swings_and_unchanged_figures_are_warned_but_small_counts_and_full_rates_are_not() {
        use SectionKind::Disputes;
        let last = report(vec![
            figure(
                "法律援助·案件",
                760.0,
                "件",
                1,
                "办理法律援助案件760件",
                Disputes,
            ),
            figure("公证·件数", 1639.0, "件", 1, "公证1639件", Disputes),
            figure("学法·次数", 2.0, "次", 1, "学法2次", Disputes),
            figure(
                "行政应诉·负责人出庭应诉率",
                100.0,
                "%",
                1,
                "出庭应诉率100%",
                Disputes,
            ),
        ]);
        let this = report(vec![
            figure(
                "法律援助·案件",
                300.0,
                "件",
                1,
                "办理法律援助案件300件",
                Disputes,
            ),
            figure("公证·件数", 1639.0, "件", 1, "公证1639件", Disputes),
            figure("学法·次数", 3.0, "次", 1, "学法3次", Disputes),
            figure(
                "行政应诉·负责人出庭应诉率",
                100.0,
                "%",
                1,
                "出庭应诉率100%",
                Disputes,
            ),
        ]);
        let al = FigureAligner::new(Rules::embedded()).align(&this, &last);
        let codes: Vec<String> = findings(&this, &last, &al, Rules::embedded())
            .into_iter()
            .map(|f| f.code)
            .collect();
        assert_eq!(
            codes,
            vec!["figure.swing", "figure.unchanged", "figure.changed"],
            "760 → 300 swings; 1639 unchanged; 2 → 3 is a plain change; 100% → 100% says nothing"
        );
    }

    /// A one-line report whose only figure is `raw` inside `text`.
    fn with_figure(text: &str, metric: &str, raw: &str, value: f64, unit: &str) -> Report {
        let mut r = nianbao_report::parse_text(text);
        let start = text.find(raw).unwrap_or(0);
        let mut f = figure(metric, value, unit, 1, text, SectionKind::Disputes);
        f.start = start;
        f.end = start + raw.len();
        f.raw = raw.into();
        r.figures = vec![f];
        r
    }

    fn growth_codes(
        this_text: &str,
        raw: &str,
        value: f64,
        unit: &str,
        last_value: f64,
    ) -> Vec<String> {
        let this = with_figure(this_text, "行政复议·受理", raw, value, unit);
        let last_raw = format!("{}{unit}", fmt_value(last_value));
        let last = with_figure(
            &format!("受理行政复议申请{last_raw}。"),
            "行政复议·受理",
            &last_raw,
            last_value,
            unit,
        );
        let al = FigureAligner::new(Rules::embedded()).align(&this, &last);
        findings(&this, &last, &al, Rules::embedded())
            .into_iter()
            .map(|f| f.code)
            .filter(|c| c == "figure.growth")
            .collect()
    }

    #[test]
    fn a_stated_growth_that_last_years_figure_confirms_is_fine() {
        assert!(
            growth_codes(
                "受理行政复议申请128件，同比增长13.3%。",
                "128件",
                128.0,
                "件",
                113.0
            )
            .is_empty()
        );
        assert!(
            growth_codes(
                "受理行政复议申请128件，同比增长13%。",
                "128件",
                128.0,
                "件",
                113.0
            )
            .is_empty(),
            "13.27% written as 13%"
        );
        assert!(
            growth_codes(
                "受理行政复议申请128件，比上年增加15件。",
                "128件",
                128.0,
                "件",
                113.0
            )
            .is_empty()
        );
    }

    #[test]
    fn a_stated_growth_that_last_years_figure_contradicts_is_an_error() {
        assert_eq!(
            growth_codes(
                "受理行政复议申请128件，同比增长20%。",
                "128件",
                128.0,
                "件",
                113.0
            ),
            vec!["figure.growth"]
        );
        assert_eq!(
            growth_codes(
                "受理行政复议申请128件，比上年增加20件。",
                "128件",
                128.0,
                "件",
                113.0
            ),
            vec!["figure.growth"]
        );
        assert_eq!(
            growth_codes(
                "受理行政复议申请100件，同比下降5%。",
                "100件",
                100.0,
                "件",
                113.0
            ),
            vec!["figure.growth"],
            "113 → 100 is -11.5%"
        );
    }

    #[test]
    fn a_growth_without_a_basis_word_is_not_recomputed() {
        assert!(
            growth_codes(
                "受理行政复议申请128件，增长20%。",
                "128件",
                128.0,
                "件",
                113.0
            )
            .is_empty(),
            "增长 without 同比/比上年 may have another base"
        );
    }
}
