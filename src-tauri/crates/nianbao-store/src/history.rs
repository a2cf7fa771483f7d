//! History over many years: each report of a government is chained to the one before it through
//! the figure alignment (and the drafter's links), so a metric's history runs over every report
//! of that government even where its wording — and so its metric name — changed.
//!
//! Only pairs sure enough to be pairs are followed (a `possible` hint is not), so a chain never
//! jumps to another figure on a guess.

use std::collections::HashMap;

use nianbao_check::{FigureAligner, Rules};
use nianbao_report::Report;
use serde::{Deserialize, Serialize};

use crate::{Result, Store};

/// One year of a chained history, with its source line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChainPoint {
    pub year: i32,
    pub value: f64,
    pub unit: String,
    pub approx: bool,
    /// As written (`113件`).
    pub raw: String,
    /// The metric as named that year (it may differ from year to year).
    pub metric: String,
    pub report_id: i64,
    /// 1-based line and the clause of the figure there.
    pub line: usize,
    pub excerpt: String,
    /// How this point joins the year before (absent for the first point): the aligner's
    /// confidence, 1 for the drafter's link.
    pub confidence: Option<f64>,
    pub linked: bool,
}

/// One metric followed over the years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricHistory {
    /// The name of the newest year's figure.
    pub metric: String,
    pub points: Vec<ChainPoint>,
}

/// A figure: (index of the report in year order, index of the figure).
type Node = (usize, usize);

impl Store {
    /// The newest report of each year of a government, oldest year first, parsed.
    fn yearly_reports(&self, government: &str) -> Result<Vec<(i32, i64, Report)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT year, id FROM reports WHERE government = ?1 AND year IS NOT NULL
             ORDER BY year, id DESC",
        )?;
        let rows = stmt.query_map([government], |r| Ok((r.get::<_, i32>(0)?, r.get(1)?)))?;
        let mut ids: Vec<(i32, i64)> = Vec::new();
        for row in rows {
            let (year, id) = row?;
            if ids.last().is_none_or(|(y, _)| *y != year) {
                ids.push((year, id));
            }
        }
        let mut out = Vec::with_capacity(ids.len());
        for (year, id) in ids {
            out.push((year, id, self.get_report(id)?.report));
        }
        Ok(out)
    }

    /// Every chain of a government's figures over at least `min_years` reports, newest metric
    /// name first, with the drafter's links obeyed and `rules`' alias table.
    pub fn metric_histories_with(
        &self,
        government: &str,
        rules: &Rules,
        min_years: usize,
    ) -> Result<Vec<MetricHistory>> {
        let reports = self.yearly_reports(government)?;
        // next[(k, i)] = (k + 1, j): figure i of report k continues as figure j of report k + 1.
        let mut next: HashMap<Node, (Node, f64, bool)> = HashMap::new();
        let mut has_prev: HashMap<Node, bool> = HashMap::new();
        let aligner = FigureAligner::new(rules);
        for k in 1..reports.len() {
            let (Some((last_year, _, last)), Some((year, _, this))) =
                (reports.get(k - 1), reports.get(k))
            else {
                continue;
            };
            let links = self.figure_links(government, *year, *last_year)?;
            let al = aligner.align_linked(this, last, &links);
            for p in al.pairs.iter().filter(|p| !p.is_possible()) {
                next.insert((k - 1, p.last), ((k, p.this), p.confidence, p.linked));
                has_prev.insert((k, p.this), true);
            }
        }
        let mut out = Vec::new();
        for (k, (year, id, report)) in reports.iter().enumerate() {
            for (i, f) in report.figures.iter().enumerate() {
                if has_prev.contains_key(&(k, i)) {
                    continue;
                }
                // A chain starts here: follow it forward.
                let mut points = vec![ChainPoint {
                    year: *year,
                    value: f.value,
                    unit: f.unit.clone(),
                    approx: f.approx,
                    raw: f.raw.clone(),
                    metric: f.metric.clone(),
                    report_id: *id,
                    line: f.line,
                    excerpt: f.excerpt.clone(),
                    confidence: None,
                    linked: false,
                }];
                let mut at = (k, i);
                while let Some(((nk, ni), confidence, linked)) = next.get(&at).copied() {
                    let Some((y, rid, r)) = reports.get(nk) else {
                        break;
                    };
                    let Some(g) = r.figures.get(ni) else {
                        break;
                    };
                    points.push(ChainPoint {
                        year: *y,
                        value: g.value,
                        unit: g.unit.clone(),
                        approx: g.approx,
                        raw: g.raw.clone(),
                        metric: g.metric.clone(),
                        report_id: *rid,
                        line: g.line,
                        excerpt: g.excerpt.clone(),
                        confidence: Some((confidence * 100.0).round() / 100.0),
                        linked,
                    });
                    at = (nk, ni);
                }
                if points.len() >= min_years.max(1) {
                    let metric = points.last().map(|p| p.metric.clone()).unwrap_or_default();
                    out.push(MetricHistory { metric, points });
                }
            }
        }
        out.sort_by(|a, b| {
            b.points
                .len()
                .cmp(&a.points.len())
                .then_with(|| a.metric.cmp(&b.metric))
        });
        Ok(out)
    }

    /// A metric's history over every report of a government, chained through the alignment:
    /// the longest chain that carries `metric` in any year (ties: the one whose figure comes
    /// first in its report). Empty when no report names the metric.
    pub fn metric_chain_with(
        &self,
        government: &str,
        metric: &str,
        rules: &Rules,
    ) -> Result<Vec<ChainPoint>> {
        let best = self
            .metric_histories_with(government, rules, 1)?
            .into_iter()
            .filter(|h| h.points.iter().any(|p| p.metric == metric))
            .max_by(|a, b| {
                a.points.len().cmp(&b.points.len()).then_with(|| {
                    // Fewer is better for the first line: reverse.
                    let first = |h: &MetricHistory| h.points.first().map_or(usize::MAX, |p| p.line);
                    first(b).cmp(&first(a))
                })
            });
        Ok(best.map(|h| h.points).unwrap_or_default())
    }

    /// [`Store::metric_chain_with`] with the built-in rules.
    pub fn metric_chain(&self, government: &str, metric: &str) -> Result<Vec<ChainPoint>> {
        self.metric_chain_with(government, metric, Rules::embedded())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_check::{FigureKey, FigureLink, LinkKind};

    fn add(store: &Store, text: &str) -> i64 {
        let report = nianbao_report::parse_text(text);
        let source = crate::Source {
            name: "示例.txt".into(),
            hash: crate::hash_bytes(text.as_bytes()),
            format: nianbao_import::SourceFormat::Text,
            encoding: "UTF-8".into(),
        };
        store.add_report(&source, &report).expect("add").id
    }

    fn year(y: i32, body: &str) -> String {
        format!("示例市{y}年法治政府建设年度报告\n一、加强组织领导\n{y}年，{body}")
    }

    const LECTURES_2022: &str =
        "举办机关干部法治讲座（培训、报告会）320场。全年受理行政复议申请113件。";
    const LECTURES_2023: &str =
        "组织开展专题学法和法治讲座（培训、报告会）510余场。全年新收行政复议申请120件。";

    /// Four years of 示例市, the wording of the lecture count changing every year.
    fn library() -> Store {
        let store = Store::open_in_memory().expect("open");
        add(
            &store,
            &year(
                2021,
                "举办机关干部法治讲座280场。全年受理行政复议申请98件。",
            ),
        );
        add(
            &store,
            &year(
                2022,
                "举办机关干部法治讲座（培训、报告会）320场。全年受理行政复议申请113件。",
            ),
        );
        add(
            &store,
            &year(
                2023,
                "组织开展专题学法和法治讲座（培训、报告会）510余场。全年新收行政复议申请120件。",
            ),
        );
        add(
            &store,
            &year(
                2024,
                "开展法治讲座（培训、报告会）560场。全年受理行政复议申请131件。",
            ),
        );
        store
    }

    #[test]
    fn a_metric_runs_over_every_year_even_where_its_wording_changed() {
        let store = library();
        let metric = nianbao_report::parse_text(&year(2024, "全年受理行政复议申请131件。"))
            .figures
            .first()
            .map(|f| f.metric.clone())
            .unwrap_or_default();
        let chain = store.metric_chain("示例市", &metric).expect("chain");
        let values: Vec<(i32, f64)> = chain.iter().map(|p| (p.year, p.value)).collect();
        assert_eq!(
            values,
            vec![(2021, 98.0), (2022, 113.0), (2023, 120.0), (2024, 131.0)],
            "受理 → 新收 → 受理 is one history: {chain:#?}"
        );
        assert!(chain.iter().skip(1).all(|p| p.confidence.is_some()));
        assert!(
            chain.iter().all(|p| p.line > 0 && !p.excerpt.is_empty()),
            "each point has its source line"
        );
        // The lectures: 2023 rewords them so much that the aligner only hints at the pair (a
        // possible pair is never followed); the drafter confirms it and the history runs on.
        let lectures = |s: &Store| {
            s.metric_histories_with("示例市", Rules::embedded(), 1)
                .expect("histories")
                .into_iter()
                .find(|h| h.points.iter().any(|p| p.value == 560.0))
                .map(|h| h.points.iter().map(|p| p.value).collect::<Vec<_>>())
        };
        assert_eq!(lectures(&store), Some(vec![510.0, 560.0]));
        let r22 = nianbao_report::parse_text(&year(2022, LECTURES_2022));
        let r23 = nianbao_report::parse_text(&year(2023, LECTURES_2023));
        let k = |r: &Report, v: f64| r.figures.iter().find(|f| f.value == v).map(FigureKey::of);
        let link = FigureLink {
            kind: LinkKind::Same,
            this: k(&r23, 510.0),
            last: k(&r22, 320.0),
        };
        store
            .set_figure_link("示例市", 2023, 2022, &link)
            .expect("link");
        assert_eq!(lectures(&store), Some(vec![280.0, 320.0, 510.0, 560.0]));
    }

    #[test]
    fn the_drafters_links_break_and_make_the_chain() {
        let store = library();
        let histories = |s: &Store| {
            s.metric_histories_with("示例市", Rules::embedded(), 2)
                .expect("h")
        };
        // 2023's 120件 is not 2022's 113件, says the drafter.
        let r22 = nianbao_report::parse_text(&year(
            2022,
            "举办机关干部法治讲座（培训、报告会）320场。全年受理行政复议申请113件。",
        ));
        let r23 = nianbao_report::parse_text(&year(
            2023,
            "组织开展专题学法和法治讲座（培训、报告会）510余场。全年新收行政复议申请120件。",
        ));
        let k = |r: &Report, v: f64| r.figures.iter().find(|f| f.value == v).map(FigureKey::of);
        let unlink = FigureLink {
            kind: LinkKind::NotSame,
            this: k(&r23, 120.0),
            last: k(&r22, 113.0),
        };
        store
            .set_figure_link("示例市", 2023, 2022, &unlink)
            .expect("set");
        let h = histories(&store);
        assert!(
            !h.iter().any(|h| h.points.iter().any(|p| p.value == 113.0)
                && h.points.iter().any(|p| p.value == 120.0)),
            "the chain breaks where the drafter said: {h:#?}"
        );
        // Then the drafter links the two after all: the link replaces the unlink.
        let link = FigureLink {
            kind: LinkKind::Same,
            this: k(&r23, 120.0),
            last: k(&r22, 113.0),
        };
        store
            .set_figure_link("示例市", 2023, 2022, &link)
            .expect("set");
        let h = histories(&store);
        let joined = h.iter().find(|h| h.points.iter().any(|p| p.value == 120.0));
        assert!(
            joined.is_some_and(|h| h.points.iter().any(|p| p.value == 113.0 && !p.linked)
                && h.points.iter().any(|p| p.value == 120.0 && p.linked)),
            "and holds where the drafter linked: {h:#?}"
        );
    }
}
