//! The drafter's links in the figure table (关联 / 取消关联 / 不可比 / 恢复), last year's figures
//! to pick from, and a metric's history chained over every report of a government with the line
//! of each year. Links are kept in the library per government and pair of years — the very
//! scope `check_draft` reads them from, so the next check obeys them.

use nianbao_check::{FigureKey, FigureLink, LinkKind};
use nianbao_report::Report;

use super::Desk;
use crate::DeskError;
use crate::dto::{ChainedMetric, FigureChoice, FigureRef, FigureRow, HistoryPoint, LinkAction};
use nianbao_store::MetricHistory;

/// Where a link between the draft and last year's report is kept: the government (last year's,
/// else the draft's own), this year (given, else the draft's, else the year after last) and
/// last year. `None` when last year's report names no government or year.
pub(super) fn link_scope(
    this: &Report,
    last: &Report,
    year: Option<i32>,
) -> Option<(String, i32, i32)> {
    let government = last
        .meta
        .government
        .clone()
        .or(this.meta.government.clone())?;
    let last_year = last.meta.year?;
    let this_year = year.or(this.meta.year).unwrap_or(last_year + 1);
    Some((government, this_year, last_year))
}

/// The candidates of unpaired rows carry last year's clause, so the drafter sees what the
/// figure was about before linking it.
pub(super) fn fill_candidate_clauses(rows: &mut [FigureRow], last: &Report) {
    for c in rows.iter_mut().flat_map(|r| r.candidates.iter_mut()) {
        let key = FigureKey::from(c.key.clone());
        if let Some(f) = key.find(&last.figures).and_then(|i| last.figures.get(i)) {
            c.excerpt = f.excerpt.clone();
        }
    }
}

/// Rows whose figure the drafter took apart from another (取消关联) say so, with the figure of
/// the other year it is not — found as the aligner finds it ([`FigureKey::find`]), so a row is
/// marked exactly when the check obeyed the unlink.
pub(super) fn mark_unlinked(
    rows: &mut [FigureRow],
    this: &Report,
    last: &Report,
    links: &[FigureLink],
) {
    for link in links.iter().filter(|l| l.kind == LinkKind::NotSame) {
        let (Some(t), Some(l)) = (link.this.as_ref(), link.last.as_ref()) else {
            continue;
        };
        let (Some(t), Some(l)) = (
            t.find(&this.figures).and_then(|i| this.figures.get(i)),
            l.find(&last.figures).and_then(|j| last.figures.get(j)),
        ) else {
            continue;
        };
        let this_key = FigureRef::from(&FigureKey::of(t));
        let last_key = FigureRef::from(&FigureKey::of(l));
        for row in rows.iter_mut() {
            if row.this_key.as_ref() == Some(&this_key) {
                row.unlinked.push(FigureChoice::of(l));
            } else if row.last_key.as_ref() == Some(&last_key) {
                row.unlinked.push(FigureChoice::of(t));
            }
        }
    }
}

/// What the chart's picker calls a chain: the newest name of it that is a named metric (a
/// reworded year may carry a fallback name). `None` when no year's figure is named.
fn chain_name(h: &MetricHistory, named: impl Fn(&str) -> bool) -> Option<&str> {
    h.points
        .iter()
        .rev()
        .map(|p| p.metric.as_str())
        .find(|m| named(m))
}

/// Same key: metric, value, unit and clause.
fn same(a: Option<&FigureKey>, b: Option<&FigureKey>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.metric == b.metric
                && a.unit == b.unit
                && a.clause == b.clause
                && (a.value - b.value).abs() < 1e-9
        }
        _ => false,
    }
}

impl Desk {
    /// The scope of links between the draft `text` and the stored report `last_report_id`.
    fn scope(
        &self,
        text: &str,
        last_report_id: i64,
        year: Option<i32>,
    ) -> Result<(String, i32, i32), DeskError> {
        let last = self.report(last_report_id)?;
        let this = self.office().parse_text(text);
        link_scope(&this, &last, year).ok_or(DeskError::NoLinkScope)
    }

    /// The drafter's word on a row of the figure table: 关联 (`this` is last year's `last`),
    /// 取消关联 (they are not the same) or 不可比 (the figure given has nothing to compare
    /// with). Kept for the government and the two years; every later check obeys it. Returns
    /// the link's id.
    pub fn link_draft_figures(
        &self,
        text: &str,
        last_report_id: i64,
        year: Option<i32>,
        action: LinkAction,
        this: Option<FigureRef>,
        last: Option<FigureRef>,
    ) -> Result<i64, DeskError> {
        let (government, this_year, last_year) = self.scope(text, last_report_id, year)?;
        let link = FigureLink {
            kind: LinkKind::from(action),
            this: this.map(FigureKey::from),
            last: last.map(FigureKey::from),
        };
        self.link_figures(&government, this_year, last_year, &link)
    }

    /// 恢复: forget every word of the drafter's about the figures given (a 不可比, a link, an
    /// unlinked pair), so the aligner judges them afresh. Returns how many were forgotten.
    pub fn forget_draft_figure_links(
        &self,
        text: &str,
        last_report_id: i64,
        year: Option<i32>,
        this: Option<FigureRef>,
        last: Option<FigureRef>,
    ) -> Result<usize, DeskError> {
        let (government, this_year, last_year) = self.scope(text, last_report_id, year)?;
        let this = this.map(FigureKey::from);
        let last = last.map(FigureKey::from);
        self.with_store(|s| {
            let mut forgotten = 0;
            for stored in s.stored_links(&government, this_year, last_year)? {
                let l = &stored.link;
                if same(l.this.as_ref(), this.as_ref()) || same(l.last.as_ref(), last.as_ref()) {
                    forgotten += usize::from(s.remove_figure_link(stored.id)?);
                }
            }
            Ok(forgotten)
        })
    }

    /// Every figure of a stored report (last year's, for 关联… to search), in text order.
    pub fn report_figures(&self, report_id: i64) -> Result<Vec<FigureChoice>, DeskError> {
        let report = self.report(report_id)?;
        Ok(report.figures.iter().map(FigureChoice::of).collect())
    }

    /// A metric's history over every report of a government, chained year to year through the
    /// alignment and the drafter's links, oldest first, each year with its line: the chain the
    /// picker names `metric` ([`Desk::chained_metrics`]), else the longest chain that carries
    /// `metric` in some year (ties: the one whose figure comes first in its report). Empty when
    /// no report names the metric.
    pub fn metric_chain(
        &self,
        government: &str,
        metric: &str,
    ) -> Result<Vec<HistoryPoint>, DeskError> {
        let office = self.office();
        let named = |m: &str| office.is_named(m);
        let best = self
            .metric_histories(government, Some(metric), 1)?
            .into_iter()
            .max_by(|a, b| {
                let rank = |h: &MetricHistory| {
                    (
                        chain_name(h, named) == Some(metric),
                        h.points.len(),
                        // Fewer is better for the first line: reversed.
                        std::cmp::Reverse(h.points.first().map_or(usize::MAX, |p| p.line)),
                    )
                };
                rank(a).cmp(&rank(b))
            });
        Ok(best
            .map(|h| h.points.iter().map(HistoryPoint::from).collect())
            .unwrap_or_default())
    }

    /// The metrics the chart's picker offers: one entry per chain of figures over the years
    /// (through the alignment and the drafter's links) that a named metric takes part in, named
    /// by its newest name with the names it had before; by name. Where several chains end in
    /// the same name, the longest stands for it (the one [`Desk::metric_chain`] draws).
    pub fn chained_metrics(&self, government: &str) -> Result<Vec<ChainedMetric>, DeskError> {
        let office = self.office();
        let named = |m: &str| office.is_named(m);
        // Longest first, so the first chain of a name is the one metric_chain picks.
        let histories = self.metric_histories(government, None, 1)?;
        let mut out: Vec<ChainedMetric> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for h in &histories {
            let Some(name) = chain_name(h, named) else {
                continue;
            };
            if !seen.insert(name.to_string()) {
                continue;
            }
            // Only the names before it: a later year's fallback name is no former name.
            let upto = h.points.iter().rposition(|p| p.metric == name).unwrap_or(0);
            let mut older: Vec<String> = Vec::new();
            for p in h.points.iter().take(upto).rev() {
                if p.metric != name && !older.contains(&p.metric) {
                    older.push(p.metric.clone());
                }
            }
            out.push(ChainedMetric {
                metric: name.to_string(),
                older,
                years: h.points.iter().map(|p| p.year).collect(),
            });
        }
        out.sort_by(|a, b| a.metric.cmp(&b.metric));
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// An invented report of 示例区 for `year` (each year's wording of the same figures differs).
    fn report(year: i32, lectures: u32, wording: &str) -> String {
        format!(
            "示例区{year}年法治政府建设情况报告\n\n\
             一、主要举措和成效\n\
             （一）推进依法行政。全年办理行政复议案件{}件，行政应诉案件{}件。\n\
             （二）加强法治宣传。{wording}{lectures}场。\n\
             二、存在的不足\n\
             个别单位依法行政意识仍需增强。\n",
            40 + year - 2020,
            20 + year - 2020,
        )
    }

    fn import(desk: &Desk, dir: &Path, year: i32, text: &str) -> i64 {
        let path = dir.join(format!("示例区{year}年法治政府建设情况报告.txt"));
        std::fs::write(&path, text).expect("write report");
        desk.import_report(&path).expect("import").report.id
    }

    #[test]
    fn a_link_is_kept_for_the_government_and_obeyed_by_the_next_check() {
        let dir = tempfile::tempdir().expect("temp dir");
        let desk = Desk::in_folder(dir.path());
        let last_id = import(
            &desk,
            dir.path(),
            2023,
            &report(2023, 320, "举办机关干部法治讲座"),
        );
        let draft = report(2024, 510, "组织开展专题学法活动");
        let before = desk
            .check_draft(&draft, Some(last_id), Some(2024))
            .expect("check");
        let row = before
            .figures
            .iter()
            .find(|r| r.this.as_deref() == Some("510场"))
            .expect("this year's 510场 has a row");
        assert!(
            row.last.is_none(),
            "the reworded figure is not paired by itself: {row:?}"
        );
        let this_key = row.this_key.clone().expect("a this-year row has its key");
        let figures = desk.report_figures(last_id).expect("last year's figures");
        let lectures = figures
            .iter()
            .find(|f| f.value == "320场")
            .expect("320场 is among last year's figures");
        assert!(lectures.excerpt.contains("讲座"), "{lectures:?}");

        let id = desk
            .link_draft_figures(
                &draft,
                last_id,
                Some(2024),
                LinkAction::Same,
                Some(this_key.clone()),
                Some(lectures.key.clone()),
            )
            .expect("link kept");
        assert!(id > 0);
        // A fresh desk on the same folder: what a restarted app sees.
        let again = Desk::in_folder(dir.path());
        let after = again
            .check_draft(&draft, Some(last_id), Some(2024))
            .expect("check");
        let row = after
            .figures
            .iter()
            .find(|r| r.this.as_deref() == Some("510场"))
            .expect("row");
        assert!(row.linked, "the link is obeyed after a restart: {row:?}");
        assert_eq!(row.last.as_deref(), Some("320场"));

        // 取消关联: the pair is undone, and 恢复 forgets the drafter's word.
        again
            .link_draft_figures(
                &draft,
                last_id,
                Some(2024),
                LinkAction::NotSame,
                Some(this_key.clone()),
                Some(lectures.key.clone()),
            )
            .expect("unlink kept");
        let unlinked = again
            .check_draft(&draft, Some(last_id), Some(2024))
            .expect("check");
        assert!(
            !unlinked
                .figures
                .iter()
                .any(|r| r.this.as_deref() == Some("510场") && r.last.as_deref() == Some("320场")),
            "取消关联 parts the two"
        );
        again
            .link_draft_figures(
                &draft,
                last_id,
                Some(2024),
                LinkAction::NotComparable,
                Some(this_key.clone()),
                None,
            )
            .expect("not comparable kept");
        let marked = again
            .check_draft(&draft, Some(last_id), Some(2024))
            .expect("check");
        let row = marked
            .figures
            .iter()
            .find(|r| r.this.as_deref() == Some("510场"))
            .expect("row");
        assert_eq!(
            row.status,
            crate::dto::FigureStatus::NotComparable,
            "{row:?}"
        );
        let forgotten = again
            .forget_draft_figure_links(&draft, last_id, Some(2024), Some(this_key), None)
            .expect("forget");
        assert_eq!(
            forgotten, 2,
            "恢复 forgets both the 不可比 and the unlinked pair"
        );
        let restored = again
            .check_draft(&draft, Some(last_id), Some(2024))
            .expect("check");
        assert!(
            restored
                .figures
                .iter()
                .any(|r| r.this.as_deref() == Some("510场")
                    && r.status != crate::dto::FigureStatus::NotComparable
                    && !r.linked),
            "after 恢复 the aligner judges the figure afresh"
        );
    }

    #[test]
    fn an_unlinked_pair_says_so_on_both_rows_until_restored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let desk = Desk::in_folder(dir.path());
        let last_id = import(&desk, dir.path(), 2023, &report(2023, 320, "举办法治讲座"));
        let draft = report(2024, 510, "举办法治讲座");
        let lectures = |rows: &[FigureRow]| {
            rows.iter()
                .find(|r| r.this.as_deref() == Some("510场"))
                .cloned()
                .expect("510场 has a row")
        };
        let before = desk
            .check_draft(&draft, Some(last_id), Some(2024))
            .expect("check");
        let paired = lectures(&before.figures);
        assert_eq!(paired.last.as_deref(), Some("320场"), "{paired:?}");
        assert!(
            before.figures.iter().all(|r| r.unlinked.is_empty()),
            "nothing taken apart yet: {:?}",
            before.figures
        );

        desk.link_draft_figures(
            &draft,
            last_id,
            Some(2024),
            LinkAction::NotSame,
            paired.this_key.clone(),
            paired.last_key.clone(),
        )
        .expect("unlink kept");
        // A fresh desk on the same folder: the unlink is the library's, not the desk's memory.
        let again = Desk::in_folder(dir.path());
        let apart = again
            .check_draft(&draft, Some(last_id), Some(2024))
            .expect("check");
        let this_row = lectures(&apart.figures);
        assert!(this_row.last.is_none(), "not paired: {this_row:?}");
        assert!(!this_row.linked);
        let [was] = this_row.unlinked.as_slice() else {
            panic!("this year's row names last year's figure it is not: {this_row:?}");
        };
        assert_eq!((was.value.as_str(), was.line), ("320场", 5));
        assert!(was.excerpt.contains("讲座"), "{was:?}");
        assert_eq!(Some(&was.key), paired.last_key.as_ref());
        // Last year's figure, when the table shows it alone, names this year's one it is not.
        let last_rows: Vec<_> = apart
            .figures
            .iter()
            .filter(|r| r.this.is_none() && r.last.as_deref() == Some("320场"))
            .collect();
        for row in &last_rows {
            let [was] = row.unlinked.as_slice() else {
                panic!("last year's row names this year's figure it is not: {row:?}");
            };
            assert_eq!((was.value.as_str(), was.line), ("510场", 5));
        }
        assert_eq!(
            apart
                .figures
                .iter()
                .filter(|r| !r.unlinked.is_empty())
                .count(),
            1 + last_rows.len(),
            "only the figures taken apart: {:?}",
            apart.figures
        );

        // 恢复自动对照 on this year's row: the aligner pairs the two again, nothing says unlinked.
        let forgotten = again
            .forget_draft_figure_links(&draft, last_id, Some(2024), this_row.this_key, None)
            .expect("forget");
        assert_eq!(forgotten, 1);
        let restored = again
            .check_draft(&draft, Some(last_id), Some(2024))
            .expect("check");
        let row = lectures(&restored.figures);
        assert_eq!(row.last.as_deref(), Some("320场"), "{row:?}");
        assert!(
            restored.figures.iter().all(|r| r.unlinked.is_empty()),
            "{:?}",
            restored.figures
        );
    }

    #[test]
    fn a_paired_row_says_why_and_an_unpaired_one_offers_candidates() {
        let dir = tempfile::tempdir().expect("temp dir");
        let desk = Desk::in_folder(dir.path());
        let last_id = import(&desk, dir.path(), 2023, &report(2023, 320, "举办法治讲座"));
        let draft = report(2024, 510, "举办法治讲座");
        let result = desk
            .check_draft(&draft, Some(last_id), Some(2024))
            .expect("check");
        let paired = result
            .figures
            .iter()
            .find(|r| r.this.is_some() && r.last.is_some())
            .expect("a paired row");
        assert!(paired.confidence > 0.0);
        assert!(
            !paired.words.is_empty(),
            "a pair says which words made it: {paired:?}"
        );
        assert!(paired.this_key.is_some() && paired.last_key.is_some());

        // Two figures of this year equally like last year's one: neither is paired by itself,
        // each offers it, with last year's clause, 把握 and the shared words.
        let dir = tempfile::tempdir().expect("temp dir");
        let desk = Desk::in_folder(dir.path());
        let last = "示例区2023年法治政府建设情况报告\n\n一、主要举措和成效\n\
                    （一）加强法治宣传。开展法治讲座320场。\n二、存在的不足\n个别单位意识仍需增强。\n";
        let last_id = import(&desk, dir.path(), 2023, last);
        let draft = "示例区2024年法治政府建设情况报告\n\n一、主要举措和成效\n\
                     （一）加强法治宣传。甲街道开展法治讲座210场，乙街道开展法治讲座230场。\n\
                     二、存在的不足\n个别单位意识仍需增强。\n";
        let result = desk
            .check_draft(draft, Some(last_id), Some(2024))
            .expect("check");
        let unpaired: Vec<_> = result
            .figures
            .iter()
            .filter(|r| r.status == crate::dto::FigureStatus::Unpaired)
            .collect();
        assert!(!unpaired.is_empty(), "{:?}", result.figures);
        for row in &unpaired {
            assert!(
                row.candidates.len() <= 3,
                "at most three candidates: {row:?}"
            );
            let c = row
                .candidates
                .first()
                .expect("an unpaired row offers a candidate");
            assert_eq!(c.value, "320场");
            assert_eq!(c.line, 4);
            assert_eq!(c.excerpt, "开展法治讲座320场", "last year's clause: {c:?}");
            assert!(c.confidence.is_some_and(|x| x >= 0.4), "{c:?}");
            assert!(c.words.iter().any(|w| w == "讲座"), "{c:?}");
        }
        // 关联 the first with the candidate: that pair is the drafter's, the other stays unpaired.
        let first = unpaired[0];
        desk.link_draft_figures(
            draft,
            last_id,
            Some(2024),
            LinkAction::Same,
            first.this_key.clone(),
            Some(first.candidates[0].key.clone()),
        )
        .expect("link");
        let after = desk
            .check_draft(draft, Some(last_id), Some(2024))
            .expect("check");
        let linked: Vec<_> = after.figures.iter().filter(|r| r.linked).collect();
        assert_eq!(linked.len(), 1, "{:?}", after.figures);
        assert_eq!(linked[0].this, first.this);
        assert_eq!(linked[0].last.as_deref(), Some("320场"));
    }

    #[test]
    fn history_runs_over_three_years_with_each_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let desk = Desk::in_folder(dir.path());
        for year in 2021..=2023 {
            import(&desk, dir.path(), year, &report(year, 300, "举办法治讲座"));
        }
        let metrics = desk.list_metrics("示例区").expect("metrics");
        let metric = metrics
            .iter()
            .find(|m| m.contains("复议"))
            .expect("a 行政复议 metric is listed");
        let chain = desk.metric_chain("示例区", metric).expect("chain");
        let years: Vec<i32> = chain.iter().map(|p| p.year).collect();
        assert_eq!(years, vec![2021, 2022, 2023]);
        let values: Vec<f64> = chain.iter().map(|p| p.value).collect();
        assert_eq!(values, vec![41.0, 42.0, 43.0]);
        assert!(
            chain
                .iter()
                .all(|p| p.line == 4 && p.excerpt.contains("复议")),
            "{chain:?}"
        );
        assert!(chain.first().is_some_and(|p| p.confidence.is_none()));
        assert!(chain.iter().skip(1).all(|p| p.confidence.is_some()));
    }

    #[test]
    fn the_picker_offers_a_renamed_metric_once_by_its_newest_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let desk = Desk::in_folder(dir.path());
        for (year, wording) in [(2021, "收到"), (2022, "受理"), (2023, "新收")] {
            let text = format!(
                "示例区{year}年法治政府建设情况报告\n\n\
                 一、主要举措和成效\n\
                 （一）推进依法行政。全年{wording}行政复议申请{}件，行政应诉案件{}件。\n\
                 二、存在的不足\n\
                 个别单位依法行政意识仍需增强。\n",
                40 + year - 2020,
                20 + year - 2020,
            );
            import(&desk, dir.path(), year, &text);
        }
        let by_name = desk.list_metrics("示例区").expect("metrics");
        assert!(
            by_name.iter().any(|m| m == "行政复议·收到")
                && by_name.iter().any(|m| m == "行政复议·受理"),
            "by name, each wording is a metric of its own: {by_name:?}"
        );
        let chained = desk.chained_metrics("示例区").expect("chained");
        let reviews: Vec<_> = chained
            .iter()
            .filter(|c| c.metric.starts_with("行政复议"))
            .collect();
        let [review] = reviews.as_slice() else {
            panic!("one entry for the renamed metric: {chained:?}");
        };
        assert_eq!(
            review.metric, "行政复议·案件",
            "its newest name: {review:?}"
        );
        assert_eq!(
            review.older,
            vec!["行政复议·受理", "行政复议·收到"],
            "newest first"
        );
        assert_eq!(review.years, vec![2021, 2022, 2023]);
        let suits = chained
            .iter()
            .find(|c| c.metric == "行政应诉·案件")
            .expect("the unchanged metric is offered too");
        assert!(suits.older.is_empty(), "{suits:?}");
        assert_eq!(chained.len(), 2, "{chained:?}");
        // The chart draws the entry's own chain, by its newest name or by a former one.
        for name in ["行政复议·案件", "行政复议·收到"] {
            let chain = desk.metric_chain("示例区", name).expect("chain");
            let years: Vec<(i32, &str)> =
                chain.iter().map(|p| (p.year, p.metric.as_str())).collect();
            assert_eq!(
                years,
                vec![
                    (2021, "行政复议·收到"),
                    (2022, "行政复议·受理"),
                    (2023, "行政复议·案件")
                ],
                "{name}"
            );
        }
    }

    #[test]
    fn a_link_survives_a_re_import_of_last_years_report() {
        let dir = tempfile::tempdir().expect("temp dir");
        let desk = Desk::in_folder(dir.path());
        let first = report(2023, 320, "举办机关干部法治讲座");
        let last_id = import(&desk, dir.path(), 2023, &first);
        let draft = report(2024, 510, "组织开展专题学法活动");
        let check = desk
            .check_draft(&draft, Some(last_id), Some(2024))
            .expect("check");
        let this_key = check
            .figures
            .iter()
            .find(|r| r.this.as_deref() == Some("510场"))
            .and_then(|r| r.this_key.clone())
            .expect("510场 has a key");
        let lectures = desk
            .report_figures(last_id)
            .expect("figures")
            .into_iter()
            .find(|f| f.value == "320场")
            .expect("320场");
        desk.link_draft_figures(
            &draft,
            last_id,
            Some(2024),
            LinkAction::Same,
            Some(this_key),
            Some(lectures.key),
        )
        .expect("link");
        // Last year's report again, from another file with other white space: a new report.
        let again = first.replace("。\n", "。 \n");
        let path = dir.path().join("示例区2023年报告（重新导入）.txt");
        std::fs::write(&path, again).expect("write");
        let reimported = desk.import_report(&path).expect("re-import");
        assert!(!reimported.already_present);
        assert_ne!(
            reimported.report.id, last_id,
            "a new report, with new figure rows"
        );
        let after = desk
            .check_draft(&draft, Some(reimported.report.id), Some(2024))
            .expect("check");
        let row = after
            .figures
            .iter()
            .find(|r| r.this.as_deref() == Some("510场"))
            .expect("row");
        assert!(row.linked, "the link names figures, not rows: {row:?}");
        assert_eq!(row.last.as_deref(), Some("320场"));
    }
}
