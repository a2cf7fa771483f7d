//! What the window receives and sends for the drafter's links between this year's figures and
//! last year's (关联 / 取消关联 / 不可比), and a metric's chained history with the source line of
//! each year.

use nianbao_check::{FigureKey, LinkKind, OfferedFigure};
use nianbao_report::Figure;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What names a figure across imports (metric, value, unit, the clause's hash): the window
/// passes it back unchanged to link the figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FigureRef {
    pub metric: String,
    pub value: f64,
    pub unit: String,
    /// A hash of the figure's clause, blind to white space.
    pub clause: String,
}

impl From<&FigureKey> for FigureRef {
    fn from(k: &FigureKey) -> Self {
        FigureRef {
            metric: k.metric.clone(),
            value: k.value,
            unit: k.unit.clone(),
            clause: k.clause.clone(),
        }
    }
}

impl From<FigureRef> for FigureKey {
    fn from(r: FigureRef) -> Self {
        FigureKey {
            metric: r.metric,
            value: r.value,
            unit: r.unit,
            clause: r.clause,
        }
    }
}

/// A figure of last year's report the drafter can link a row to: one of the candidates offered
/// for a row left unpaired, or any figure found by searching last year's report.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FigureChoice {
    pub metric: String,
    /// The value with its unit (`113件`).
    pub value: String,
    /// 1-based line in last year's report.
    pub line: usize,
    /// The clause the figure stands in, as written.
    pub excerpt: String,
    /// 0..=1: how sure the aligner is (absent for a figure found by searching).
    pub confidence: Option<f64>,
    /// The words both clauses share (through the alias table).
    pub words: Vec<String>,
    pub key: FigureRef,
}

impl FigureChoice {
    /// A candidate the aligner offered (its clause filled in from last year's report later).
    pub fn offered(o: &OfferedFigure) -> Self {
        FigureChoice {
            metric: o.metric.clone(),
            value: format!("{}{}", nianbao_check::text::fmt_value(o.value), o.unit),
            line: o.line,
            excerpt: String::new(),
            confidence: Some(o.confidence),
            words: o.words.clone(),
            key: FigureRef::from(&o.key),
        }
    }

    /// Any figure of last year's report.
    pub fn of(f: &Figure) -> Self {
        FigureChoice {
            metric: f.metric.clone(),
            value: format!("{}{}", nianbao_check::text::fmt_value(f.value), f.unit),
            line: f.line,
            excerpt: f.excerpt.clone(),
            confidence: None,
            words: Vec::new(),
            key: FigureRef::from(&FigureKey::of(f)),
        }
    }
}

/// What the drafter says about a figure in the figure table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkAction {
    /// 关联: this year's figure is last year's one.
    Same,
    /// 取消关联: the two are not the same figure.
    NotSame,
    /// 不可比: the figure has nothing to compare with.
    NotComparable,
}

impl From<LinkAction> for LinkKind {
    fn from(a: LinkAction) -> Self {
        match a {
            LinkAction::Same => LinkKind::Same,
            LinkAction::NotSame => LinkKind::NotSame,
            LinkAction::NotComparable => LinkKind::NotComparable,
        }
    }
}

/// One year of a metric's history, chained year to year through the alignment and the
/// drafter's links, with the line it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPoint {
    pub year: i32,
    pub value: f64,
    pub unit: String,
    /// As written (`113件`).
    pub raw: String,
    /// The metric as named that year (the wording may change from year to year).
    pub metric: String,
    /// 1-based line in that year's report and the clause there.
    pub line: usize,
    pub excerpt: String,
    /// How this year joins the year before: the aligner's confidence (absent for the first).
    pub confidence: Option<f64>,
    /// Joined to the year before by the drafter's own link.
    pub linked: bool,
}

impl From<&nianbao_store::ChainPoint> for HistoryPoint {
    fn from(p: &nianbao_store::ChainPoint) -> Self {
        HistoryPoint {
            year: p.year,
            value: p.value,
            unit: p.unit.clone(),
            raw: p.raw.clone(),
            metric: p.metric.clone(),
            line: p.line,
            excerpt: p.excerpt.clone(),
            confidence: p.confidence,
            linked: p.linked,
        }
    }
}

/// A metric the chart's picker offers: one chain of figures followed over the years, named by
/// its newest name, so a renamed metric is one entry, not one per wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChainedMetric {
    /// The newest name (passed back to metric_chain).
    pub metric: String,
    /// The names it had in earlier years, newest first (曾称…).
    pub older: Vec<String>,
    /// The years it was reported, oldest first.
    pub years: Vec<i32>,
}
