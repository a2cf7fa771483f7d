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
        let check = nianbao_check::check_with(
            &this,
            last.as_deref(),
            &CheckOptions { year },
            office.rules(),
        );
        let mut result = CheckResult::new(&this, &check, nianbao_draft::marks::count(text));
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
}
