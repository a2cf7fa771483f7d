//! Checking the text as typed against last year's report, the section diff, and a metric's
//! history for the chart. Checks run on the cached parsed report and never hold the store lock.

use nianbao_check::CheckOptions;

use super::Desk;
use crate::DeskError;
use crate::dto::{CheckResult, MetricPoint, SectionDiff};

impl Desk {
    /// Outline, findings and figure table of `text`, against a stored report when given.
    pub fn check_draft(
        &self,
        text: &str,
        last_report_id: Option<i64>,
        year: Option<i32>,
    ) -> Result<CheckResult, DeskError> {
        let last = last_report_id.map(|id| self.report(id)).transpose()?;
        let office = self.office();
        let this = office.parse_text(text);
        // The drafter's links between this year and last year's report, kept per government.
        let links = last
            .as_deref()
            .and_then(|l| {
                let (government, this_year, last_year) = super::links::link_scope(&this, l, year)?;
                self.with_store(|s| Ok(s.figure_links(&government, this_year, last_year)?))
                    .ok()
            })
            .unwrap_or_default();
        let check = nianbao_check::check_linked(
            &this,
            last.as_deref(),
            &CheckOptions { year },
            office.rules(),
            &links,
        );
        let mut result = CheckResult::new(&this, &check, nianbao_draft::marks::count(text));
        if let Some(last) = last.as_deref() {
            super::links::fill_candidate_clauses(&mut result.figures, last);
            super::links::mark_unlinked(&mut result.figures, &this, last, &links);
        }
        result.office_warnings = office.warnings().iter().map(|w| w.to_string()).collect();
        Ok(result)
    }

    /// The word diff of the draft's section holding `line` against last year's section of
    /// the same kind.
    pub fn section_diff(
        &self,
        text: &str,
        line: usize,
        last_report_id: i64,
    ) -> Result<SectionDiff, DeskError> {
        let last = self.report(last_report_id)?;
        let office = self.office();
        let this = office.parse_text(text);
        nianbao_check::section_diff(&this, line, &last, office.rules())
            .map(|d| SectionDiff::from(&d))
            .ok_or(DeskError::NoSection(line))
    }

    /// One metric's values across the stored years of a government, oldest first.
    pub fn metric_history(
        &self,
        government: &str,
        metric: &str,
    ) -> Result<Vec<MetricPoint>, DeskError> {
        let points = self.with_store(|s| Ok(s.metric_history(government, metric)?))?;
        Ok(points.iter().map(MetricPoint::from).collect())
    }

    /// The named metrics (`行政复议·受理`, not fallbacks) a government's reports state; a
    /// family the office added names metrics too.
    pub fn list_metrics(&self, government: &str) -> Result<Vec<String>, DeskError> {
        let metrics = self.with_store(|s| Ok(s.metrics_of(government)?))?;
        let office = self.office();
        Ok(metrics.into_iter().filter(|m| office.is_named(m)).collect())
    }

    /// Keep a link of the drafter's between a figure of `this_year` and one of `last_year`
    /// (or mark a figure not comparable); every later check of that government uses it.
    pub fn link_figures(
        &self,
        government: &str,
        this_year: i32,
        last_year: i32,
        link: &nianbao_check::FigureLink,
    ) -> Result<i64, DeskError> {
        self.with_store(|s| Ok(s.set_figure_link(government, this_year, last_year, link)?))
    }

    /// Take a link back.
    pub fn unlink_figures(&self, link_id: i64) -> Result<bool, DeskError> {
        self.with_store(|s| Ok(s.remove_figure_link(link_id)?))
    }

    /// Every figure's history over the reports of a government, chained year to year through
    /// the alignment and the drafter's links (over at least `min_years` reports); only the
    /// chains that carry `metric` in some year when one is given.
    pub fn metric_histories(
        &self,
        government: &str,
        metric: Option<&str>,
        min_years: usize,
    ) -> Result<Vec<nianbao_store::MetricHistory>, DeskError> {
        let office = self.office();
        let all = self.with_store(|s| {
            Ok(s.metric_histories_with(government, office.rules(), min_years)?)
        })?;
        Ok(all
            .into_iter()
            .filter(|h| metric.is_none_or(|m| h.points.iter().any(|p| p.metric == m)))
            .collect())
    }
}
