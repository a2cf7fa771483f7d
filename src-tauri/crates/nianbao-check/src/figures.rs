//! Figures across years: the [`FigureAligner`] pairs each figure of this year with last year's
//! by meaning (metric name, family and unit, the clause's content words, the section kind) —
//! never by value or position — and the findings that follow: `figure.changed`,
//! `figure.unchanged`, `figure.swing`, `figure.dropped`, `figure.new`, `figure.growth`.
//!
//! Ambiguous candidates are left unpaired rather than guessed, and an unpaired figure is only
//! reported as dropped or new when no figure of the other year carries its metric at all.

use std::collections::{HashMap, HashSet};

use nianbao_report::{Figure, Report};
use serde::{Deserialize, Serialize};

use crate::finding::{Code, Finding};
use crate::rules::Rules;
use crate::text::{clause_after, excerpt_at, fmt_value, quantities};

mod aliases;
mod align;
pub mod links;

pub use aliases::Aliases;
pub use align::{FigureAligner, POSSIBLE};
pub use links::{FigureKey, FigureLink, LinkKind, clause_hash};

/// From this confidence on, a pair is sure enough for warnings and errors.
pub const SURE: f64 = 0.6;
/// From this confidence on, a pair is a pair (`figure.changed`); below it, down to
/// [`POSSIBLE`], a hint the drafter can confirm (`figure.possible`).
pub const PAIRED: f64 = 0.5;
/// `figure.swing`: a change of half or more either way…
const SWING: f64 = 0.5;
/// …of a figure big enough for a half to mean something (2 → 3 批次 is no swing).
const SWING_MIN: f64 = 10.0;

/// Why a row of the figure table is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    /// Paired by the aligner, sure enough to judge (confidence ≥ [`PAIRED`]).
    #[default]
    Paired,
    /// Paired by the aligner below [`PAIRED`]: a hint for the drafter to confirm.
    Possible,
    /// Paired by the drafter's link.
    Linked,
    /// A named metric this year that last year never reports.
    New,
    /// A named metric of last year that this year never reports.
    Dropped,
    /// A figure of either year left unpaired (unnamed, or its metric appears in the other year
    /// under another figure, or two candidates were equally good).
    Unpaired,
    /// The drafter said it has nothing to compare with.
    NotComparable,
}

/// A last-year figure offered for a row left unpaired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferedFigure {
    pub metric: String,
    pub value: f64,
    pub unit: String,
    pub line: usize,
    pub confidence: f64,
    /// The words both clauses share (through the alias table).
    pub words: Vec<String>,
    pub key: FigureKey,
}

/// One row of the aligned figure table (design.md's `figures` array). Only the contract's seven
/// fields go into JSON; the rest serves the app's table.
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
    /// Why the row is what it is.
    #[serde(skip)]
    pub status: RowStatus,
    /// The words that made the pair (shared by both clauses, through the alias table).
    #[serde(skip)]
    pub words: Vec<String>,
    /// The keys a link names the two figures by.
    #[serde(skip)]
    pub this_key: Option<FigureKey>,
    #[serde(skip)]
    pub last_key: Option<FigureKey>,
    /// For a this-year row left unpaired: last year's best candidates.
    #[serde(skip)]
    pub offered: Vec<OfferedFigure>,
}

/// A pair of figure indexes (this year, last year) with its confidence and the words that made
/// it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub this: usize,
    pub last: usize,
    pub confidence: f64,
    /// Canonical words both clauses share.
    pub words: Vec<String>,
    /// Made by the drafter's link.
    pub linked: bool,
}

impl Pair {
    /// Sure enough for warnings and errors.
    pub fn is_sure(&self) -> bool {
        self.linked || self.confidence >= SURE
    }

    /// Only a hint (below [`PAIRED`]).
    pub fn is_possible(&self) -> bool {
        !self.linked && self.confidence < PAIRED
    }
}

/// A last-year candidate for a figure left unpaired.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub last: usize,
    pub confidence: f64,
    pub words: Vec<String>,
}

/// The result of aligning two reports' figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
    /// Figures left out: stated changes, or two candidates equally good.
    pub ambiguous_this: HashSet<usize>,
    pub ambiguous_last: HashSet<usize>,
    /// Figures the drafter marked as not comparable.
    pub not_comparable_this: HashSet<usize>,
    pub not_comparable_last: HashSet<usize>,
    /// Best last-year candidates of this year's figures left unpaired.
    pub candidates: HashMap<usize, Vec<Candidate>>,
    /// This year's percentages that state a change (`同比增长20%`), not a metric of their own.
    pub statements_this: HashSet<usize>,
}

fn family(metric: &str) -> Option<&str> {
    metric.split_once('·').map(|(f, _)| f)
}

/// The name a pair goes by: this year's, unless only last year's is a lexicon name.
fn pair_metric<'a>(a: &'a Figure, b: &'a Figure) -> &'a str {
    if !is_named(&a.metric) && is_named(&b.metric) {
        &b.metric
    } else {
        &a.metric
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

/// The aligned table: every pair (sure, possible or linked), then the figures of one year only —
/// named metrics the other year never reports (new, dropped), figures the drafter marked not
/// comparable, and every other figure left unpaired, with last year's best candidates. No
/// figure of this year is left out of the table.
pub fn table(this: &Report, last: &Report, alignment: &Alignment) -> Vec<AlignedFigure> {
    let row = |metric: &str, a: Option<&Figure>, b: Option<&Figure>| AlignedFigure {
        metric: metric.to_owned(),
        this_value: a.map(|f| f.value),
        last_value: b.map(|f| f.value),
        change: String::new(),
        this_line: a.map(|f| f.line),
        last_line: b.map(|f| f.line),
        confidence: 0.0,
        unit: a.or(b).map(|f| f.unit.clone()).unwrap_or_default(),
        status: RowStatus::Paired,
        words: Vec::new(),
        this_key: a.map(FigureKey::of),
        last_key: b.map(FigureKey::of),
        offered: Vec::new(),
    };
    let mut rows: Vec<AlignedFigure> = Vec::new();
    for p in &alignment.pairs {
        let (Some(a), Some(b)) = (this.figures.get(p.this), last.figures.get(p.last)) else {
            continue;
        };
        rows.push(AlignedFigure {
            change: describe_change(a, b),
            confidence: (p.confidence * 100.0).round() / 100.0,
            status: if p.linked {
                RowStatus::Linked
            } else if p.is_possible() {
                RowStatus::Possible
            } else {
                RowStatus::Paired
            },
            words: p.words.clone(),
            ..row(pair_metric(a, b), Some(a), Some(b))
        });
    }
    let listed = unpaired(this, last, alignment);
    let mut new_this = HashSet::new();
    let mut dropped_last = HashSet::new();
    for (a, b) in &listed {
        match (a, b) {
            (Some((i, a)), None) => {
                new_this.insert(*i);
                rows.push(AlignedFigure {
                    change: "新增".into(),
                    status: RowStatus::New,
                    ..row(&a.metric, Some(a), None)
                });
            }
            (None, Some((j, b))) => {
                dropped_last.insert(*j);
                rows.push(AlignedFigure {
                    change: "未再报告".into(),
                    status: RowStatus::Dropped,
                    ..row(&b.metric, None, Some(b))
                });
            }
            _ => {}
        }
    }
    let paired_this: HashSet<usize> = alignment.pairs.iter().map(|p| p.this).collect();
    for (i, a) in this.figures.iter().enumerate() {
        if paired_this.contains(&i)
            || new_this.contains(&i)
            || alignment.statements_this.contains(&i)
        {
            continue;
        }
        let offered = alignment
            .candidates
            .get(&i)
            .into_iter()
            .flatten()
            .filter_map(|c| {
                let b = last.figures.get(c.last)?;
                Some(OfferedFigure {
                    metric: b.metric.clone(),
                    value: b.value,
                    unit: b.unit.clone(),
                    line: b.line,
                    confidence: (c.confidence * 100.0).round() / 100.0,
                    words: c.words.clone(),
                    key: FigureKey::of(b),
                })
            })
            .collect();
        let not_comparable = alignment.not_comparable_this.contains(&i);
        rows.push(AlignedFigure {
            change: if not_comparable {
                "不可比"
            } else {
                "未配对"
            }
            .into(),
            status: if not_comparable {
                RowStatus::NotComparable
            } else {
                RowStatus::Unpaired
            },
            offered,
            ..row(&a.metric, Some(a), None)
        });
    }
    for j in &alignment.not_comparable_last {
        if let Some(b) = last.figures.get(*j)
            && !dropped_last.contains(j)
        {
            rows.push(AlignedFigure {
                change: "不可比".into(),
                status: RowStatus::NotComparable,
                ..row(&b.metric, None, Some(b))
            });
        }
    }
    rows
}

/// A figure with its index.
type Indexed<'a> = (usize, &'a Figure);

/// Named figures of one year whose metric the other year never reports (new, dropped).
fn unpaired<'a>(
    this: &'a Report,
    last: &'a Report,
    al: &Alignment,
) -> Vec<(Option<Indexed<'a>>, Option<Indexed<'a>>)> {
    let paired_this: HashSet<usize> = al.pairs.iter().map(|p| p.this).collect();
    let paired_last: HashSet<usize> = al.pairs.iter().map(|p| p.last).collect();
    let this_metrics: HashSet<&str> = this.figures.iter().map(|f| f.metric.as_str()).collect();
    let last_metrics: HashSet<&str> = last.figures.iter().map(|f| f.metric.as_str()).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, f) in this.figures.iter().enumerate() {
        if !paired_this.contains(&i)
            && !al.ambiguous_this.contains(&i)
            && !al.not_comparable_this.contains(&i)
            && !al.candidates.contains_key(&i)
            && is_named(&f.metric)
            && !last_metrics.contains(f.metric.as_str())
            && seen.insert(("new", f.metric.as_str()))
        {
            out.push((Some((i, f)), None));
        }
    }
    let offered_last: HashSet<usize> = al.candidates.values().flatten().map(|c| c.last).collect();
    for (j, f) in last.figures.iter().enumerate() {
        if !paired_last.contains(&j)
            && !al.ambiguous_last.contains(&j)
            && !al.not_comparable_last.contains(&j)
            && !offered_last.contains(&j)
            && is_named(&f.metric)
            && !this_metrics.contains(f.metric.as_str())
            && seen.insert(("dropped", f.metric.as_str()))
        {
            out.push((None, Some((j, f))));
        }
    }
    out
}

/// Findings from the alignment. Only a sure pair (or the drafter's link) can raise a warning or
/// an error; a pair below [`PAIRED`] is an info `figure.possible` hint.
pub fn findings(this: &Report, last: &Report, al: &Alignment, rules: &Rules) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &al.pairs {
        let (Some(a), Some(b)) = (this.figures.get(p.this), last.figures.get(p.last)) else {
            continue;
        };
        let metric = pair_metric(a, b);
        let values = |f: Finding| {
            f.with_values(metric, Some(a.value), Some(b.value))
                .with_last(b.line, &b.excerpt)
        };
        if p.is_possible() {
            let why = if p.words.is_empty() {
                String::new()
            } else {
                format!("；共同词语：{}", p.words.join("、"))
            };
            out.push(values(Finding::new(
                Code::FigurePossible,
                a.line,
                &a.excerpt,
                format!(
                    "“{}”（{}）可能与上年“{}”（{}）为同一数据（把握{:.0}%{why}），如是请在数据对照表中确认",
                    a.metric,
                    a.raw,
                    b.metric,
                    b.raw,
                    p.confidence * 100.0
                ),
            )));
            continue;
        }
        let sure = p.is_sure();
        let same = (a.value - b.value).abs() < 1e-9;
        let saturated = (a.unit == "%" || a.unit == "％") && (a.value - 100.0).abs() < 1e-9;
        if same {
            if sure && !saturated {
                out.push(values(Finding::new(
                    Code::FigureUnchanged,
                    a.line,
                    &a.excerpt,
                    format!("“{metric}”与上年相同（{}），请确认是否已更新", a.raw),
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
            Code::FigureSwing
        } else {
            Code::FigureChanged
        };
        let message = if code == "figure.swing" {
            format!(
                "“{metric}”由上年{}变为{}，变化{}，幅度较大，请核实",
                b.raw,
                a.raw,
                describe_change(a, b)
            )
        } else {
            format!(
                "“{metric}”由上年{}变为{}（{}）",
                b.raw,
                a.raw,
                describe_change(a, b)
            )
        };
        out.push(values(Finding::new(code, a.line, &a.excerpt, message)));
        if sure && !a.approx && !b.approx {
            out.extend(growth(this, a, b, metric, rules).map(values));
        }
    }
    for (a, b) in unpaired(this, last, al) {
        match (a, b) {
            (Some((_, a)), None) => out.push(
                Finding::new(
                    Code::FigureNew,
                    a.line,
                    &a.excerpt,
                    format!("“{}”为本年新增数据（上年报告未见）", a.metric),
                )
                .with_values(&a.metric, Some(a.value), None),
            ),
            (None, Some((_, b))) => out.push(
                Finding::new(
                    Code::FigureDropped,
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
fn growth(this: &Report, a: &Figure, b: &Figure, metric: &str, rules: &Rules) -> Option<Finding> {
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
        Code::FigureGrowth,
        a.line,
        &excerpt_at(text, a.start..stmt_at),
        format!(
            "文中称“{}”{verb}{}{label}，但上年为{}、本年为{}，实际{}{}{label}",
            metric,
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
    use nianbao_report::SectionKind;

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
            change: false,
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
            .map(|f| f.code.to_string())
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
            .map(|f| f.code.to_string())
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
