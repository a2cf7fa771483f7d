//! Checking the text as typed against last year's report, the section diff, and a metric's
//! history for the chart. Checks run on the cached parsed report and never hold the store lock.

use nianbao_check::{CheckOptions, Rules};

use super::Library;
use crate::AppError;
use crate::dto::{CheckResult, MetricPoint, SectionDiff};

impl Library<'_> {
    /// Outline, findings and figure table of `text`, against a stored report when given.
    pub fn check_draft(
        &self,
        text: &str,
        last_report_id: Option<i64>,
        year: Option<i32>,
    ) -> Result<CheckResult, AppError> {
        let last = last_report_id.map(|id| self.report(id)).transpose()?;
        let this = self.parse_text(text)?;
        let office = self.office_rules()?;
        let rules = office.as_ref().unwrap_or_else(|| Rules::embedded());
        let check =
            nianbao_check::check_with(&this, last.as_deref(), &CheckOptions { year }, rules);
        Ok(CheckResult::new(
            &this,
            &check,
            nianbao_draft::marks::count(text),
        ))
    }

    /// The word diff of the draft's section holding `line` against last year's section of
    /// the same kind.
    pub fn section_diff(
        &self,
        text: &str,
        line: usize,
        last_report_id: i64,
    ) -> Result<SectionDiff, AppError> {
        let last = self.report(last_report_id)?;
        let this = self.parse_text(text)?;
        let office = self.office_rules()?;
        let rules = office.as_ref().unwrap_or_else(|| Rules::embedded());
        nianbao_check::section_diff(&this, line, &last, rules)
            .map(|d| SectionDiff::from(&d))
            .ok_or(AppError::NoSection(line))
    }

    /// One metric's values across the stored years of a government, oldest first.
    pub fn metric_history(
        &self,
        government: &str,
        metric: &str,
    ) -> Result<Vec<MetricPoint>, AppError> {
        let points = self.with_store(|s| Ok(s.metric_history(government, metric)?))?;
        Ok(points.iter().map(MetricPoint::from).collect())
    }

    /// The named metrics (`行政复议·受理`, not fallbacks) a government's reports state.
    pub fn list_metrics(&self, government: &str) -> Result<Vec<String>, AppError> {
        let metrics = self.with_store(|s| Ok(s.metrics_of(government)?))?;
        Ok(metrics
            .into_iter()
            .filter(|m| nianbao_check::figures::is_named(m))
            .collect())
    }
}
