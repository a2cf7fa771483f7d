//! What the drafter fills in when a report's government or year could not be read (issue 13):
//! kept in the report's row and in its metadata (source `drafter`), so the library list, the
//! figure history and the checker all use it.

use nianbao_report::{MetaSource, Metadata};
use rusqlite::{OptionalExtension, params};

use crate::{Result, Store, StoreError};

impl Store {
    /// Set a report's government and/or year as the drafter gave them (`None` leaves a field as
    /// it is). Returns the metadata as now stored.
    pub fn set_report_meta(
        &self,
        id: i64,
        government: Option<&str>,
        year: Option<i32>,
    ) -> Result<Metadata> {
        self.write(|tx| {
            let json: Option<String> = tx
                .query_row("SELECT meta_json FROM reports WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            let json = json.ok_or(StoreError::NotFound { what: "报告", id })?;
            let mut meta: Metadata = serde_json::from_str(&json)?;
            if let Some(g) = government {
                meta.government = Some(g.to_owned());
                meta.sources.government = Some(MetaSource::Drafter);
            }
            if let Some(y) = year {
                meta.year = Some(y);
                meta.sources.year = Some(MetaSource::Drafter);
            }
            tx.execute(
                "UPDATE reports SET government = ?2, year = ?3, meta_json = ?4 WHERE id = ?1",
                params![
                    id,
                    meta.government,
                    meta.year,
                    serde_json::to_string(&meta)?
                ],
            )?;
            Ok(meta)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> crate::Source {
        crate::Source {
            name: "无题.txt".into(),
            hash: crate::hash_bytes(b"no title"),
            format: nianbao_import::SourceFormat::Text,
            encoding: "UTF-8".into(),
        }
    }

    #[test]
    fn the_drafters_government_and_year_are_kept_and_said_to_be_theirs() {
        let store = Store::open_in_memory().expect("open");
        let report = nianbao_report::parse_text("一、主要举措\n全年受理行政复议申请128件。");
        assert_eq!(
            (report.meta.government.as_deref(), report.meta.year),
            (None, None)
        );
        let id = store.add_report(&source(), &report).expect("add").id;
        store
            .set_report_meta(id, Some("示例市人民政府"), Some(2024))
            .expect("set");
        let back = store.get_report(id).expect("get");
        assert_eq!(back.summary.government.as_deref(), Some("示例市人民政府"));
        assert_eq!(back.summary.year, Some(2024));
        assert_eq!(back.report.meta.year, Some(2024));
        assert_eq!(back.report.meta.sources.year, Some(MetaSource::Drafter));
        assert_eq!(
            back.report.meta.sources.government,
            Some(MetaSource::Drafter)
        );
        assert_eq!(
            store.governments().expect("list"),
            vec!["示例市人民政府".to_owned()]
        );
        // Only the year: the government stays.
        store.set_report_meta(id, None, Some(2023)).expect("set");
        let back = store.get_report(id).expect("get");
        assert_eq!(back.summary.government.as_deref(), Some("示例市人民政府"));
        assert_eq!(back.report.meta.year, Some(2023));
    }

    #[test]
    fn a_missing_report_is_not_found() {
        let store = Store::open_in_memory().expect("open");
        assert!(store.set_report_meta(7, Some("示例市"), None).is_err());
    }
}
