//! Drafts: making one from a stored report, opening, autosaving, and its versions.

use nianbao_draft::Draft;

use super::Desk;
use crate::DeskError;
use crate::dto::{DraftDoc, SavedVersion, VersionItem};

impl Desk {
    /// Draft `year`'s report from a stored report and store it with its first version.
    pub fn new_draft(&self, report_id: i64, year: i32) -> Result<DraftDoc, DeskError> {
        let last = self.report(report_id)?;
        let draft = nianbao_draft::draft_from_last(&last, year, self.office().templates())?;
        let title = nianbao_report::parse_text(&draft.text)
            .meta
            .title
            .unwrap_or_else(|| format!("{year}年法治政府建设年度报告（草稿）"));
        let id =
            self.with_store(|s| Ok(s.create_draft(Some(report_id), year, &title, &draft.text)?))?;
        Ok(draft_doc(
            id,
            title,
            Some(report_id),
            last.meta.government.clone(),
            &draft,
            true,
        ))
    }

    /// A draft's latest saved text, with last year's plan items to report on.
    pub fn open_draft(&self, draft_id: i64) -> Result<DraftDoc, DeskError> {
        let (summary, text) =
            self.with_store(|s| Ok((s.get_draft(draft_id)?, s.latest_draft_text(draft_id)?)))?;
        // The report it follows may have been deleted since: then the draft stands alone.
        let last = summary.from_report.and_then(|id| self.report(id).ok());
        // Last year's plan is a property of last year's report: drafting again recovers it.
        let redrafted = match &last {
            Some(last) => {
                nianbao_draft::draft_from_last(last, summary.year, self.office().templates()).ok()
            }
            None => None,
        };
        let government = match &last {
            Some(last) => last.meta.government.clone(),
            None => nianbao_report::parse_text(&text).meta.government,
        };
        let mut doc = match &redrafted {
            Some(draft) => draft_doc(
                draft_id,
                summary.title,
                summary.from_report,
                government,
                draft,
                false,
            ),
            None => DraftDoc {
                id: draft_id,
                title: summary.title,
                year: summary.year,
                last_report_id: summary.from_report.filter(|_| last.is_some()),
                last_year: None,
                government,
                text: String::new(),
                marks: 0,
                moved_years: Vec::new(),
                plans: Vec::new(),
                notes: Vec::new(),
            },
        };
        doc.year = summary.year;
        doc.marks = nianbao_draft::marks::count(&text);
        doc.text = text;
        Ok(doc)
    }

    /// Autosave: the text as the draft's newest version (an unchanged text is not stored twice).
    pub fn save_draft(&self, draft_id: i64, text: &str) -> Result<SavedVersion, DeskError> {
        self.with_store(|s| {
            let version_id = s.save_version(draft_id, text)?;
            let saved_at = s.get_version(version_id)?.info.saved_at;
            Ok(SavedVersion {
                version_id,
                saved_at,
            })
        })
    }

    /// A draft's versions, newest first.
    pub fn list_versions(&self, draft_id: i64) -> Result<Vec<VersionItem>, DeskError> {
        self.with_store(|s| {
            s.get_draft(draft_id)?;
            Ok(s.list_versions(draft_id)?
                .iter()
                .map(VersionItem::from)
                .collect())
        })
    }

    /// The full text of one version.
    pub fn get_version(&self, version_id: i64) -> Result<String, DeskError> {
        self.with_store(|s| Ok(s.get_version(version_id)?.text))
    }
}

/// The editor's view of a draft made by `nianbao_draft`; `fresh` when it was just made (then
/// its moved years and notes describe the text; after edits they no longer would).
fn draft_doc(
    id: i64,
    title: String,
    last_report_id: Option<i64>,
    government: Option<String>,
    draft: &Draft,
    fresh: bool,
) -> DraftDoc {
    let moved_years = if fresh {
        draft
            .moved_years
            .iter()
            .map(|m| format!("第{}行 {}→{}：{}", m.line, m.from, m.to, m.excerpt))
            .collect()
    } else {
        Vec::new()
    };
    DraftDoc {
        id,
        title,
        year: draft.year,
        last_report_id,
        last_year: Some(draft.last_year),
        government,
        text: draft.text.clone(),
        marks: nianbao_draft::marks::count(&draft.text),
        moved_years,
        plans: draft
            .plan_checklist
            .iter()
            .map(|p| p.text.clone())
            .collect(),
        notes: if fresh {
            draft.notes.clone()
        } else {
            Vec::new()
        },
    }
}
