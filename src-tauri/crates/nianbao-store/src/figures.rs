//! The `figures` table: every figure of every report as a row, so a metric can be followed
//! across the years of one government (the app's chart).
//!
//! Rows are written only with their report (in [`Store::add_report`]'s transaction) and go with
//! it. The metric name is the parser's (`家族·指标`); this module never renames metrics.

use nianbao_report::{Figure, Report, SectionKind};
use rusqlite::{Transaction, params};
use serde::{Deserialize, Serialize};

use crate::{Result, Store};

/// One year's value of a metric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricPoint {
    pub year: i32,
    pub value: f64,
    pub unit: String,
    /// True for 余/多/近/约 and similar.
    pub approx: bool,
    /// As written (`113件`).
    pub raw: String,
    /// The report it comes from and the 1-based line in it.
    pub report_id: i64,
    pub line: usize,
}

/// The family of a metric: the part before `·` (`行政复议·受理` → `行政复议`).
pub fn family_of(metric: &str) -> &str {
    metric.split('·').next().unwrap_or(metric)
}

pub(crate) fn insert_figures(tx: &Transaction<'_>, report_id: i64, report: &Report) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO figures (report_id, metric, family, value, unit, approx, raw, line,
            start_byte, end_byte, excerpt, section, change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for f in &report.figures {
        stmt.execute(params![
            report_id,
            f.metric,
            family_of(&f.metric),
            f.value,
            f.unit,
            f.approx,
            f.raw,
            i64::try_from(f.line).unwrap_or(0),
            i64::try_from(f.start).unwrap_or(0),
            i64::try_from(f.end).unwrap_or(0),
            f.excerpt,
            f.section.key(),
            f.change,
        ])?;
    }
    Ok(())
}

/// A report's figures in text order, read back from their rows.
pub(crate) fn report_figures(conn: &rusqlite::Connection, report_id: i64) -> Result<Vec<Figure>> {
    let mut stmt = conn.prepare_cached(
        "SELECT metric, value, unit, approx, raw, line, start_byte, end_byte, excerpt, section,
                change
         FROM figures WHERE report_id = ?1 ORDER BY id",
    )?;
    let size = |v: i64| usize::try_from(v).unwrap_or(0);
    let rows = stmt.query_map([report_id], |r| {
        Ok(Figure {
            metric: r.get(0)?,
            value: r.get(1)?,
            unit: r.get(2)?,
            approx: r.get(3)?,
            raw: r.get(4)?,
            line: size(r.get(5)?),
            start: size(r.get(6)?),
            end: size(r.get(7)?),
            excerpt: r.get(8)?,
            section: SectionKind::from_key(&r.get::<_, String>(9)?).unwrap_or(SectionKind::Other),
            change: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// A metric's values by year for one government, oldest year first, one point per year.
    ///
    /// When a year has several reports (a re-saved file), the most recently added wins; when a
    /// report states the metric more than once, its first statement wins.
    pub fn metric_history(&self, government: &str, metric: &str) -> Result<Vec<MetricPoint>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.year, f.value, f.unit, f.approx, f.raw, r.id, f.line
             FROM figures f JOIN reports r ON r.id = f.report_id
             WHERE r.government = ?1 AND f.metric = ?2 AND r.year IS NOT NULL
             ORDER BY r.year, r.id DESC, f.line",
        )?;
        let rows = stmt.query_map([government, metric], |r| {
            Ok(MetricPoint {
                year: r.get(0)?,
                value: r.get(1)?,
                unit: r.get(2)?,
                approx: r.get(3)?,
                raw: r.get(4)?,
                report_id: r.get(5)?,
                line: usize::try_from(r.get::<_, i64>(6)?).unwrap_or(0),
            })
        })?;
        let mut points: Vec<MetricPoint> = Vec::new();
        for point in rows {
            let point = point?;
            if points.last().is_none_or(|p| p.year != point.year) {
                points.push(point);
            }
        }
        Ok(points)
    }

    /// Every metric stated in any report of a government, sorted (what the chart can offer).
    pub fn metrics_of(&self, government: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT f.metric FROM figures f JOIN reports r ON r.id = f.report_id
             WHERE r.government = ?1 ORDER BY f.metric",
        )?;
        let rows = stmt.query_map([government], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many figures each report holds, by report id (the library list shows it without
    /// reading every report's figures).
    pub fn figure_counts(&self) -> Result<std::collections::HashMap<i64, usize>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT report_id, COUNT(*) FROM figures GROUP BY report_id")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, usize::try_from(r.get::<_, i64>(1)?).unwrap_or(0)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every government in the library, sorted.
    pub fn governments(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT government FROM reports WHERE government IS NOT NULL
             ORDER BY government",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_counts_are_counted_per_report() {
        let store = Store::open_in_memory().expect("open");
        let report = nianbao_report::parse_text(
            "示例市2024年法治政府建设年度报告\n一、化解矛盾纠纷\n全年受理行政复议申请128件，审结120件。",
        );
        let source = crate::Source {
            name: "示例市.txt".into(),
            hash: crate::hash_bytes(b"x"),
            format: nianbao_import::SourceFormat::Text,
            encoding: "UTF-8".into(),
        };
        let added = store.add_report(&source, &report).expect("add");
        let counts = store.figure_counts().expect("count");
        assert_eq!(
            counts.get(&added.id),
            Some(&report.figures.len()),
            "the list shows as many figures as the parser found: {:?}",
            report.figures
        );
        assert!(!report.figures.is_empty(), "the text states figures");
    }

    #[test]
    fn a_stated_change_is_read_back_as_a_change() {
        let store = Store::open_in_memory().expect("open");
        let report = nianbao_report::parse_text(
            "示例市2024年法治政府建设年度报告\n一、化解矛盾纠纷\n全年受理行政复议申请128件，同比增长12.5%。",
        );
        assert!(
            report.figures.iter().any(|f| f.change) && report.figures.iter().any(|f| !f.change),
            "a level and a change: {:?}",
            report.figures
        );
        let source = crate::Source {
            name: "示例市.txt".into(),
            hash: crate::hash_bytes(b"change"),
            format: nianbao_import::SourceFormat::Text,
            encoding: "UTF-8".into(),
        };
        let added = store.add_report(&source, &report).expect("add");
        let back = report_figures(&store.conn, added.id).expect("read back");
        assert_eq!(
            back, report.figures,
            "every field, `change` included, survives the store"
        );
    }

    #[test]
    fn family_is_the_part_before_the_dot() {
        assert_eq!(family_of("行政复议·受理"), "行政复议");
        assert_eq!(
            family_of("培训人次"),
            "培训人次",
            "a fallback metric without a dot is its own family"
        );
    }
}
