//! The drafter fills in what a report does not say (issue 13): when its government or year
//! could not be read, the window asks, and the answer is kept with the report (source
//! `drafter`) so the list, the history and every later check use it.

use super::Desk;
use crate::DeskError;
use crate::dto::ReportItem;

impl Desk {
    /// Keep the drafter's government and year for report `id`; a blank government or a year
    /// of 0 leaves that field as it is. Returns the report as the list now shows it.
    pub fn set_report_meta(
        &self,
        id: i64,
        government: &str,
        year: i32,
    ) -> Result<ReportItem, DeskError> {
        let government = Some(government.trim()).filter(|g| !g.is_empty());
        let year = Some(year).filter(|y| *y > 0);
        self.with_store(|store| {
            store.set_report_meta(id, government, year)?;
            let summary = store.get_report(id)?.summary;
            let count = store.figure_counts()?.get(&id).copied().unwrap_or(0);
            Ok(ReportItem::new(&summary, count))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_without_government_and_year_gets_the_drafters() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("无题.txt");
        std::fs::write(&file, "一、主要举措\n全年受理行政复议申请128件。\n").expect("write");
        let desk = Desk::in_folder(dir.path());
        let added = desk.import_report(&file).expect("import").report;
        assert_eq!((added.government.as_str(), added.year), ("", 0));

        let item = desk
            .set_report_meta(added.id, " 示例县人民政府 ", 2024)
            .expect("set");
        assert_eq!(
            (item.government.as_str(), item.year),
            ("示例县人民政府", 2024)
        );
        let listed = desk.list_reports().expect("list");
        assert!(
            listed
                .iter()
                .any(|r| r.id == added.id && r.government == "示例县人民政府" && r.year == 2024),
            "{listed:?}"
        );
        // A blank field leaves what was kept.
        let item = desk.set_report_meta(added.id, "", 2023).expect("set");
        assert_eq!(
            (item.government.as_str(), item.year),
            ("示例县人民政府", 2023)
        );
    }
}
