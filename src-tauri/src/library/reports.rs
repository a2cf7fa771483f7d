//! The library list, importing files into it, reading a stored report, searching.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::path::Path;

use nianbao_report::SectionKind;
use nianbao_store::SearchFilters;

use super::Library;
use crate::AppError;
use crate::dto::{
    DraftItem, ImportOutcome, LibraryOverview, ReportItem, ReportOutline, SearchResult,
};

impl Library<'_> {
    /// Reports and drafts by government, then year, newest first; seeds the sample library on
    /// the first start of a data folder.
    pub fn overview(&self) -> Result<LibraryOverview, AppError> {
        self.with_store(|store| {
            let seeded = super::seed::seed_once(store, &self.dir)?;
            let counts = store.figure_counts()?;
            let mut reports: Vec<ReportItem> = store
                .list_reports()?
                .iter()
                .map(|r| ReportItem::new(r, counts.get(&r.id).copied().unwrap_or(0)))
                .collect();
            reports.sort_by(|a, b| {
                (&a.government, Reverse(a.year), a.id).cmp(&(&b.government, Reverse(b.year), b.id))
            });
            let government: HashMap<i64, &str> = reports
                .iter()
                .map(|r| (r.id, r.government.as_str()))
                .collect();
            let of = |d: &DraftItem| {
                d.last_report_id
                    .and_then(|id| government.get(&id).copied())
                    .unwrap_or("")
            };
            let mut drafts: Vec<DraftItem> =
                store.list_drafts()?.iter().map(DraftItem::from).collect();
            drafts.sort_by(|a, b| {
                (of(a), Reverse(a.year), Reverse(a.updated_at)).cmp(&(
                    of(b),
                    Reverse(b.year),
                    Reverse(b.updated_at),
                ))
            });
            Ok(LibraryOverview {
                reports,
                drafts,
                seeded,
            })
        })
    }

    /// Import a file into the library; the same bytes a second time find the first copy.
    pub fn import_report(&self, path: &Path) -> Result<ImportOutcome, AppError> {
        let imported = nianbao_import::import_path(path)?;
        // The importer refused anything over its size limit, so this read is bounded.
        let bytes =
            std::fs::read(path).map_err(|e| nianbao_import::ImportError::Io(e.to_string()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let report = self.parse(&imported)?;
        let source = nianbao_store::Source::new(&name, &bytes, &imported);
        self.with_store(|store| {
            let added = store.add_report(&source, &report)?;
            let summary = store.get_report(added.id)?.summary;
            let count = store.figure_counts()?.get(&added.id).copied().unwrap_or(0);
            Ok(ImportOutcome {
                report: ReportItem::new(&summary, count),
                already_present: !added.was_new,
            })
        })
    }

    /// A stored report's text and outline; `path` is the file name it was imported from.
    pub fn open_report(&self, id: i64) -> Result<ReportOutline, AppError> {
        let stored = self.with_store(|s| Ok(s.get_report(id)?))?;
        Ok(ReportOutline::stored(&stored))
    }

    /// Full-text search; `kind` is a section kind's key (`disputes`).
    pub fn search(
        &self,
        query: &str,
        government: Option<String>,
        year: Option<i32>,
        kind: Option<&str>,
    ) -> Result<Vec<SearchResult>, AppError> {
        let section = match kind.filter(|k| !k.is_empty()) {
            Some(key) => {
                Some(SectionKind::from_key(key).ok_or_else(|| AppError::UnknownKind(key.into()))?)
            }
            None => None,
        };
        let filters = SearchFilters {
            government: government.filter(|g| !g.is_empty()),
            year,
            section,
            ..SearchFilters::default()
        };
        let hits = self.with_store(|s| Ok(s.search(query, &filters)?))?;
        Ok(hits.iter().map(SearchResult::from).collect())
    }
}
