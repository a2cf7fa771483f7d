//! The library list, importing files into it, reading a stored report, searching.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::path::Path;

use nianbao_report::SectionKind;
use nianbao_store::SearchFilters;

use nianbao_import::ImportedText;
use nianbao_report::Report;

use super::Desk;
use crate::DeskError;
use crate::dto::{
    DraftItem, ImportOutcome, LibraryOverview, ReportItem, ReportOutline, SearchResult,
};
use crate::office::Office;

impl Desk {
    /// Reports and drafts by government, then year, newest first; seeds the sample library on
    /// the first start of a data folder.
    pub fn overview(&self) -> Result<LibraryOverview, DeskError> {
        self.with_store(|store| {
            let seeded = match &self.data_dir {
                Some(dir) => super::seed::seed_once(store, dir)?,
                None => false,
            };
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
    pub fn import_report(&self, path: &Path) -> Result<ImportOutcome, DeskError> {
        let read = read_report(path, &self.office())?;
        self.add_report(&read)
    }

    /// Store a report read by [`read_report`] (the command reads every file first, so one bad
    /// file adds nothing).
    pub fn add_report(&self, read: &ReadReport) -> Result<ImportOutcome, DeskError> {
        // A department's statistics belong to a draft's materials, never among the reports.
        if read.imported.format == nianbao_import::SourceFormat::Spreadsheet {
            return Err(DeskError::StatisticsTable(read.name.clone()));
        }
        let source = nianbao_store::Source::new(&read.name, &read.bytes, &read.imported);
        self.with_store(|store| {
            let added = store.add_report(&source, &read.report)?;
            let summary = store.get_report(added.id)?.summary;
            let count = store.figure_counts()?.get(&added.id).copied().unwrap_or(0);
            Ok(ImportOutcome {
                report: ReportItem::new(&summary, count),
                already_present: !added.was_new,
            })
        })
    }

    /// The reports of the library in the order they were added.
    pub fn list_reports(&self) -> Result<Vec<ReportItem>, DeskError> {
        self.with_store(|store| {
            let counts = store.figure_counts()?;
            Ok(store
                .list_reports()?
                .iter()
                .map(|r| ReportItem::new(r, counts.get(&r.id).copied().unwrap_or(0)))
                .collect())
        })
    }

    /// A report file's text and outline, read with the office's lexicon but not stored.
    pub fn outline_file(&self, path: &Path) -> Result<ReportOutline, DeskError> {
        let read = read_report(path, &self.office())?;
        Ok(ReportOutline::new(path, &read.imported, &read.report))
    }

    /// A stored report's text and outline; `path` is the file name it was imported from.
    pub fn open_report(&self, id: i64) -> Result<ReportOutline, DeskError> {
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
    ) -> Result<Vec<SearchResult>, DeskError> {
        // One more than the window lists: a 51st result tells it to say "more than 50".
        let limit = SearchFilters::default().limit.saturating_add(1);
        let filters = search_filters(government, year, kind, limit)?;
        let page = self.with_store(|s| Ok(s.search_page(query, &filters)?))?;
        // Then the departments' materials (a 21st tells "more than 20").
        let materials = SearchFilters {
            limit: MATERIAL_HITS_SHOWN.saturating_add(1),
            ..filters
        };
        let found = self.with_store(|s| Ok(s.search_material_page(query, &materials)?))?;
        Ok(page
            .hits
            .iter()
            .map(SearchResult::from)
            .chain(found.hits.iter().map(SearchResult::from))
            .collect())
    }

    /// The departments' material paragraphs of every draft matching `query` (at most
    /// [`MATERIAL_HITS_SHOWN`]), narrowed like [`Desk::search`]: the government of the report a
    /// draft follows, the draft's year, the paragraph's part. The command prints these after
    /// the reports' hits.
    pub fn search_material_hits(
        &self,
        query: &str,
        government: Option<String>,
        year: Option<i32>,
        kind: Option<&str>,
    ) -> Result<nianbao_store::MaterialSearchPage, DeskError> {
        let filters = search_filters(government, year, kind, MATERIAL_HITS_SHOWN)?;
        self.with_store(|s| Ok(s.search_material_page(query, &filters)?))
    }

    /// [`Desk::search`] as the store found it (the command prints these), with whether the
    /// limit (50) cut more matching paragraphs off.
    pub fn search_hits(
        &self,
        query: &str,
        government: Option<String>,
        year: Option<i32>,
        kind: Option<&str>,
    ) -> Result<nianbao_store::SearchPage, DeskError> {
        let limit = SearchFilters::default().limit;
        self.search_limited(query, government, year, kind, limit)
    }

    fn search_limited(
        &self,
        query: &str,
        government: Option<String>,
        year: Option<i32>,
        kind: Option<&str>,
        limit: usize,
    ) -> Result<nianbao_store::SearchPage, DeskError> {
        let filters = search_filters(government, year, kind, limit)?;
        self.with_store(|s| Ok(s.search_page(query, &filters)?))
    }
}

/// Material hits the search lists after the reports' (the window says "more than 20" past it).
pub const MATERIAL_HITS_SHOWN: usize = 20;

/// The store's filters from the window's: `kind` is a section kind's key, "" none.
fn search_filters(
    government: Option<String>,
    year: Option<i32>,
    kind: Option<&str>,
    limit: usize,
) -> Result<SearchFilters, DeskError> {
    let section = match kind.filter(|k| !k.is_empty()) {
        Some(key) => {
            Some(SectionKind::from_key(key).ok_or_else(|| DeskError::UnknownKind(key.into()))?)
        }
        None => None,
    };
    Ok(SearchFilters {
        government: government.filter(|g| !g.is_empty()),
        year,
        section,
        limit,
    })
}

/// A report file read and parsed, ready to be stored.
#[derive(Debug)]
pub struct ReadReport {
    /// The file's name (what the library lists it by).
    pub name: String,
    pub bytes: Vec<u8>,
    pub imported: ImportedText,
    pub report: Report,
}

/// Read, import and parse one report file with the office's lexicon.
pub fn read_report(path: &Path, office: &Office) -> Result<ReadReport, DeskError> {
    // Read once (a FIFO or device refused, the size bounded), imported from those bytes: what
    // is stored is what was read.
    let bytes = nianbao_import::read_file(path, &nianbao_import::Limits::DEFAULT)?;
    let imported = nianbao_import::import_bytes(&bytes, path.file_name().and_then(|n| n.to_str()))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let report = office.parse(&imported);
    Ok(ReadReport {
        name,
        bytes,
        imported,
        report,
    })
}
