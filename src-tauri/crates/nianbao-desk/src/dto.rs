//! Data the window receives, shaped for display. The TypeScript twins in
//! `ui/src/lib/api/bindings/` are generated from these types (tests/bindings.rs fails when they
//! drift). Mapping only: nothing here parses or judges report text.

use std::path::Path;

use nianbao_import::{ImportedText, SourceFormat};
use nianbao_report::{Report, Section};
use serde::Serialize;
use ts_rs::TS;

mod delivery;
pub use delivery::{DeadlineItem, DeliveryFieldsItem, DeliveryForm, DeliveryStatus, MarkItem};
mod links;
pub use links::{ChainedMetric, FigureChoice, FigureRef, HistoryPoint, LinkAction};

/// The app's own facts.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// The data folder in use (shown so a drafter knows where the library lives).
    pub data_dir: String,
}

/// An imported report: its text for the editor and its outline for the left pane. Field names
/// follow `nianbao outline --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReportOutline {
    /// The file it came from, as given.
    pub path: String,
    pub file_name: String,
    /// `text`, `html` or `docx`.
    pub format: String,
    /// The encoding the bytes were decoded with (`UTF-8`, `GBK`, ...).
    pub encoding: String,
    pub title: Option<String>,
    pub government: Option<String>,
    pub year: Option<i32>,
    pub doc_number: Option<String>,
    pub addressee: Option<String>,
    pub date: Option<String>,
    /// The imported text, one paragraph per line; outline `line`s are 1-based lines of it.
    pub text: String,
    pub line_count: usize,
    pub figure_count: usize,
    pub sections: Vec<OutlineSection>,
}

/// One heading of the outline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OutlineSection {
    /// The numbering as written (`一、`, `（一）`), possibly empty.
    pub number: String,
    pub heading: String,
    pub level: u8,
    /// The standard kind's key (`disputes`, `next_year`, `other`).
    pub kind: String,
    /// The kind's Chinese label (`化解矛盾纠纷`).
    pub kind_label: String,
    /// 1-based line of the heading in `ReportOutline.text`.
    pub line: usize,
    pub end_line: usize,
    pub children: Vec<OutlineSection>,
}

impl ReportOutline {
    /// A report just imported from `path`.
    pub fn new(path: &Path, imported: &ImportedText, report: &Report) -> Self {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = Source {
            path: path.display().to_string(),
            file_name,
            format: imported.format,
            encoding: &imported.encoding,
        };
        ReportOutline::of(source, report)
    }

    /// A report from the library; `path` is the name of the file it was imported from.
    pub fn stored(stored: &nianbao_store::StoredReport) -> Self {
        let summary = &stored.summary;
        let source = Source {
            path: summary.source_name.clone(),
            file_name: summary.source_name.clone(),
            format: summary.source_format,
            encoding: &stored.encoding,
        };
        ReportOutline::of(source, &stored.report)
    }

    /// The one place the outline's fields are filled: where the text came from, then the
    /// parsed report.
    fn of(source: Source<'_>, report: &Report) -> Self {
        let meta = &report.meta;
        ReportOutline {
            path: source.path,
            file_name: source.file_name,
            format: format_key(source.format),
            encoding: source.encoding.to_owned(),
            title: meta.title.clone(),
            government: meta.government.clone(),
            year: meta.year,
            doc_number: meta.doc_number.clone(),
            addressee: meta.addressee.clone(),
            date: meta.date.clone(),
            text: report.lines.join("\n"),
            line_count: report.lines.len(),
            figure_count: report.figures.len(),
            sections: report.sections.iter().map(OutlineSection::from).collect(),
        }
    }
}

/// Where an outline's text came from (a file just imported, or the library's record of one).
struct Source<'a> {
    path: String,
    file_name: String,
    format: SourceFormat,
    encoding: &'a str,
}

/// The format's serde name, so a format the import crate adds later needs no change here.
fn format_key(format: SourceFormat) -> String {
    serde_json::to_value(format)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl From<&Section> for OutlineSection {
    fn from(s: &Section) -> Self {
        OutlineSection {
            number: s.number.clone(),
            heading: s.heading.clone(),
            level: s.level,
            kind: s.kind.key().to_owned(),
            kind_label: s.kind.label().to_owned(),
            line: s.line,
            end_line: s.end_line,
            children: s.children.iter().map(OutlineSection::from).collect(),
        }
    }
}

// ---- the library ---------------------------------------------------------------------------
// Types below follow docs/ipc.md: camelCase field names; `x?` in the contract is `x: T | null`.

/// One report of the library list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportItem {
    #[ts(type = "number")]
    pub id: i64,
    /// The reporting government, or "" when the report does not name one.
    pub government: String,
    /// The year the report is about, or 0 when it could not be recognised.
    pub year: i32,
    /// The report's own title, else its file name.
    pub title: String,
    pub file_name: String,
    pub figure_count: usize,
}

/// One draft of the library list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftItem {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub year: i32,
    /// The report it follows (null when written from scratch or that report was deleted).
    #[ts(type = "number | null")]
    pub last_report_id: Option<i64>,
    /// When its newest version was saved (ms since epoch).
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// What the left pane lists: reports and drafts by government, then year (newest first).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryOverview {
    pub reports: Vec<ReportItem>,
    pub drafts: Vec<DraftItem>,
    /// True on the one start that brought in the bundled sample library.
    pub seeded: bool,
}

/// The result of importing a file into the library.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub report: ReportItem,
    /// The same file (same bytes) was already in the library; nothing was added.
    pub already_present: bool,
}

/// A piece of a search snippet: plain text, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// One paragraph that matches a search, best first: a report's (`kind` `report`) or a
/// department's material of a draft (`kind` `material`, listed after the reports' hits).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    /// `report` or `material`.
    #[ts(type = "'report' | 'material'")]
    pub kind: String,
    /// The report (0 for a material hit).
    #[ts(type = "number")]
    pub report_id: i64,
    /// "" when the report names no government.
    pub government: String,
    /// 0 when the report's year is unknown.
    pub year: i32,
    pub title: String,
    /// The innermost heading above the paragraph with its number, or "".
    pub section_heading: String,
    /// The section kind's key (`disputes`).
    pub section_kind: String,
    /// 1-based line of the paragraph in the report's text (a material hit: in its file).
    pub line: usize,
    pub snippet: Vec<SnippetPart>,
    /// Where a material hit comes from; null for a report's paragraph.
    pub material: Option<MaterialSearchRef>,
}

/// A material paragraph found by the library's search: the draft (a year's materials) it is
/// stored with, its file, department and part. For a material hit, [`SearchResult`]'s
/// `government`, `year` and `title` are the draft's and `sectionKind` is the paragraph's part.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialSearchRef {
    #[ts(type = "number")]
    pub draft_id: i64,
    pub draft_title: String,
    #[ts(type = "number")]
    pub material_id: i64,
    #[ts(type = "number")]
    pub paragraph_id: i64,
    /// The material's file name.
    pub file: String,
    /// "" when the department is unknown.
    pub department: String,
    /// The part's key (`disputes`) and its label (`化解矛盾纠纷`).
    pub part: String,
    pub part_label: String,
}

// ---- drafts --------------------------------------------------------------------------------

/// A draft opened in the editor.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftDoc {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub year: i32,
    #[ts(type = "number | null")]
    pub last_report_id: Option<i64>,
    pub last_year: Option<i32>,
    pub government: Option<String>,
    /// The latest saved text, one paragraph per line.
    pub text: String,
    /// How many fill-in marks (`【…】`) the text still holds.
    pub marks: usize,
    /// Years moved forward when the draft was made (`第3行 2023→2024：…`); empty once reopened.
    pub moved_years: Vec<String>,
    /// Last year's next-year items the new report should say what came of.
    pub plans: Vec<String>,
    /// What the drafter should know (a part inserted, a part missing).
    pub notes: Vec<String>,
}

/// An autosave that was stored.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedVersion {
    #[ts(type = "number")]
    pub version_id: i64,
    /// ms since epoch.
    #[ts(type = "number")]
    pub saved_at: i64,
}

/// One saved version of a draft (without its text).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionItem {
    #[ts(type = "number")]
    pub id: i64,
    /// ms since epoch.
    #[ts(type = "number")]
    pub saved_at: i64,
    /// Length of the text in characters.
    pub chars: usize,
    /// A name the drafter gave it (`送审稿`).
    pub name: Option<String>,
}

// ---- checks --------------------------------------------------------------------------------

// The checker's closed codes, severities and figure statuses travel as they are (their TypeScript
// twins are generated from nianbao-check): the window never matches code strings.
pub use nianbao_check::{Code as FindingCode, FigureStatus, Severity};

/// One finding of the checks pane.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FindingItem {
    /// `figure.unchanged`, `arith.order`, … (design.md's table): the checker's closed set,
    /// passed through as the checker wrote it.
    pub code: FindingCode,
    pub severity: Severity,
    /// 1-based line in the draft; 0 for the report as a whole.
    pub line: usize,
    pub message: String,
    /// The words it is about.
    pub excerpt: Option<String>,
    /// Where the same thing stood last year (`上年第12行：…`).
    pub detail: Option<String>,
    /// The exact words the finding is about (`布署`), when it is one span of its line.
    pub matched: Option<String>,
    /// 0-based offset of `matched` in its line, in characters (Unicode scalar values).
    pub column: Option<usize>,
    /// What to write instead of `matched` (`部署`): the window's 改正.
    pub suggestion: Option<String>,
    /// Names the finding across checks of one draft (for 不是错误); never the line.
    pub key: String,
}

/// A finding the drafter marked 不是错误 in a draft (kept in the library for that draft).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DismissedFinding {
    /// The finding's [`FindingItem::key`].
    pub key: String,
    /// For the list (`布署 → 部署`).
    pub label: String,
    /// Milliseconds since the epoch.
    #[ts(type = "number")]
    pub dismissed_at: i64,
}

impl From<&nianbao_store::Dismissal> for DismissedFinding {
    fn from(d: &nianbao_store::Dismissal) -> Self {
        DismissedFinding {
            key: d.key.clone(),
            label: d.label.clone(),
            dismissed_at: d.dismissed_at,
        }
    }
}

/// One row of the aligned figure table.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FigureRow {
    pub metric: String,
    /// Last year's value with its unit (`113件`).
    pub last: Option<String>,
    /// This year's value with its unit.
    pub this: Option<String>,
    /// For people: `+15（+13.3%）`, `持平`, `新增`, `未再报告`.
    pub change: Option<String>,
    pub status: FigureStatus,
    /// Paired by the drafter's own link (人工关联), not by the aligner.
    pub linked: bool,
    pub this_line: Option<usize>,
    pub last_line: Option<usize>,
    /// 0..=1; 0 for rows with one side only.
    pub confidence: f64,
    /// Why the two are paired: the words both clauses share (through the alias table).
    pub words: Vec<String>,
    /// The keys a link names this row's figures by (passed back to link_figures).
    pub this_key: Option<FigureRef>,
    pub last_key: Option<FigureRef>,
    /// For a this-year figure left unpaired: last year's best candidates, best first.
    pub candidates: Vec<FigureChoice>,
    /// The drafter's 取消关联 about this row's figure: the figures of the other year the drafter
    /// said it is not (last year's for a figure of this year, the draft's for one of last year
    /// only). Empty when the drafter never took it apart.
    pub unlinked: Vec<FigureChoice>,
}

/// Everything the checks pane shows for the text as typed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CheckResult {
    pub outline: Vec<OutlineSection>,
    /// Errors first, then warnings, then info; by line within each.
    pub findings: Vec<FindingItem>,
    /// Empty without last year's report.
    pub figures: Vec<FigureRow>,
    /// How many fill-in marks the text still holds.
    pub marks: usize,
    /// The office's files that could not be used (file and line, in Chinese); the built-in
    /// part was used in their place. Empty when all is well.
    pub office_warnings: Vec<String>,
}

/// What a piece of a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

/// One run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiffPart {
    pub text: String,
    pub op: DiffOp,
}

/// The draft's section beside last year's section of the same kind.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SectionDiff {
    /// The draft's heading with its number.
    pub heading: String,
    /// Last year's counterpart; null when last year had none (then all parts are inserts).
    pub last_heading: Option<String>,
    /// Equal + delete parts give last year's text; equal + insert parts give this year's.
    pub parts: Vec<DiffPart>,
}

/// One year's value of a metric (the bar chart).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricPoint {
    pub year: i32,
    pub value: f64,
    pub unit: String,
    /// As written (`113件`).
    pub raw: String,
}

// ---- templates and export ------------------------------------------------------------------

/// A standard part the template picker offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TemplateItem {
    /// The kind's key (`disputes`), passed back to `render_template`.
    pub kind: String,
    /// The Chinese label (`化解矛盾纠纷`).
    pub label: String,
}

/// A written export.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportOutcome {
    pub path: String,
    /// Size of the written file.
    #[ts(type = "number")]
    pub bytes: u64,
}

// ---- mapping from the domain crates (shape only, no judgement) -----------------------------

impl ReportItem {
    pub fn new(summary: &nianbao_store::ReportSummary, figure_count: usize) -> Self {
        ReportItem {
            id: summary.id,
            government: summary.government.clone().unwrap_or_default(),
            year: summary.year.unwrap_or(0),
            title: summary.display_title().to_owned(),
            file_name: summary.source_name.clone(),
            figure_count,
        }
    }
}

impl From<&nianbao_store::DraftSummary> for DraftItem {
    fn from(d: &nianbao_store::DraftSummary) -> Self {
        DraftItem {
            id: d.id,
            title: d.title.clone(),
            year: d.year,
            last_report_id: d.from_report,
            updated_at: d.updated_at,
        }
    }
}

/// A snippet's highlights (byte ranges) as plain and marked parts; a range that does not fall
/// on character boundaries is shown unmarked rather than dropped.
pub fn snippet_parts(snippet: &nianbao_store::Snippet) -> Vec<SnippetPart> {
    let text = snippet.text.as_str();
    let mut parts = Vec::new();
    let mut at = 0;
    let mut push = |s: &str, hit: bool| {
        if !s.is_empty() {
            parts.push(SnippetPart {
                text: s.to_owned(),
                hit,
            });
        }
    };
    for h in &snippet.highlights {
        let (Some(before), Some(marked)) = (text.get(at..h.start), text.get(h.clone())) else {
            continue;
        };
        push(before, false);
        push(marked, true);
        at = h.end;
    }
    push(text.get(at..).unwrap_or_default(), false);
    parts
}

impl From<&nianbao_store::SearchHit> for SearchResult {
    fn from(h: &nianbao_store::SearchHit) -> Self {
        SearchResult {
            report_id: h.report_id,
            government: h.government.clone().unwrap_or_default(),
            year: h.year.unwrap_or(0),
            title: h.title.clone().unwrap_or_else(|| h.source_name.clone()),
            section_heading: h.heading.clone(),
            section_kind: h.section.key().to_owned(),
            line: h.line,
            snippet: snippet_parts(&h.snippet),
            kind: "report".to_owned(),
            material: None,
        }
    }
}

impl From<&nianbao_store::MaterialHit> for SearchResult {
    fn from(h: &nianbao_store::MaterialHit) -> Self {
        SearchResult {
            kind: "material".to_owned(),
            report_id: 0,
            government: h.government.clone().unwrap_or_default(),
            year: h.year,
            title: h.draft_title.clone(),
            section_heading: String::new(),
            section_kind: h.part.key().to_owned(),
            line: h.line,
            snippet: snippet_parts(&h.snippet),
            material: Some(MaterialSearchRef {
                draft_id: h.draft_id,
                draft_title: h.draft_title.clone(),
                material_id: h.material_id,
                paragraph_id: h.paragraph_id,
                file: h.source_name.clone(),
                department: h.department.clone().unwrap_or_default(),
                part: h.part.key().to_owned(),
                part_label: h.part.label().to_owned(),
            }),
        }
    }
}

impl From<&nianbao_store::VersionInfo> for VersionItem {
    fn from(v: &nianbao_store::VersionInfo) -> Self {
        VersionItem {
            id: v.id,
            saved_at: v.saved_at,
            chars: v.chars,
            name: v.name.clone(),
        }
    }
}

impl From<&nianbao_check::Finding> for FindingItem {
    fn from(f: &nianbao_check::Finding) -> Self {
        let detail = f.last_line.map(|line| match f.last_excerpt.as_deref() {
            Some(excerpt) if !excerpt.is_empty() => format!("上年第{line}行：{excerpt}"),
            _ => format!("上年第{line}行"),
        });
        FindingItem {
            code: f.code,
            severity: f.severity,
            line: f.line,
            message: f.message.clone(),
            excerpt: Some(f.excerpt.clone()).filter(|e| !e.is_empty()),
            detail,
            matched: f.matched.clone(),
            column: f.column,
            suggestion: f.suggestion.clone(),
            key: crate::library::finding_key(f),
        }
    }
}

impl FigureRow {
    /// A row of the aligned table; its status is the checker's own verdict
    /// ([`nianbao_check::figure_status`]), so table and findings never disagree.
    pub fn new(row: &nianbao_check::AlignedFigure, findings: &[nianbao_check::Finding]) -> Self {
        let with_unit = |v: f64| format!("{}{}", nianbao_check::text::fmt_value(v), row.unit);
        let status = nianbao_check::figure_status(row, findings);
        FigureRow {
            metric: row.metric.clone(),
            last: row.last_value.map(with_unit),
            this: row.this_value.map(with_unit),
            change: Some(row.change.clone()).filter(|c| !c.is_empty()),
            status,
            linked: row.status == nianbao_check::figures::RowStatus::Linked,
            this_line: row.this_line,
            last_line: row.last_line,
            confidence: row.confidence,
            words: row.words.clone(),
            this_key: row.this_key.as_ref().map(FigureRef::from),
            last_key: row.last_key.as_ref().map(FigureRef::from),
            candidates: row
                .offered
                .iter()
                .take(3)
                .map(FigureChoice::offered)
                .collect(),
            unlinked: Vec::new(),
        }
    }
}

impl CheckResult {
    /// The checks pane's view of a parsed text and its check.
    pub fn new(report: &Report, check: &nianbao_check::CheckReport, marks: usize) -> Self {
        CheckResult {
            outline: report.sections.iter().map(OutlineSection::from).collect(),
            findings: check.findings.iter().map(FindingItem::from).collect(),
            figures: check
                .figures
                .iter()
                .map(|row| FigureRow::new(row, &check.findings))
                .collect(),
            marks,
            office_warnings: Vec::new(),
        }
    }
}

impl From<&nianbao_check::diff::Piece> for DiffPart {
    fn from(p: &nianbao_check::diff::Piece) -> Self {
        use nianbao_check::diff::Piece;
        let (text, op) = match p {
            Piece::Same(t) => (t, DiffOp::Equal),
            Piece::Removed(t) => (t, DiffOp::Delete),
            Piece::Added(t) => (t, DiffOp::Insert),
        };
        DiffPart {
            text: text.clone(),
            op,
        }
    }
}

impl From<&nianbao_check::SectionDiff> for SectionDiff {
    fn from(d: &nianbao_check::SectionDiff) -> Self {
        SectionDiff {
            heading: d.heading.clone(),
            last_heading: d.last_heading.clone(),
            parts: d.pieces.iter().map(DiffPart::from).collect(),
        }
    }
}

impl From<&nianbao_store::MetricPoint> for MetricPoint {
    fn from(p: &nianbao_store::MetricPoint) -> Self {
        MetricPoint {
            year: p.year,
            value: p.value,
            unit: p.unit.clone(),
            raw: p.raw.clone(),
        }
    }
}

impl From<nianbao_report::SectionKind> for TemplateItem {
    fn from(kind: nianbao_report::SectionKind) -> Self {
        TemplateItem {
            kind: kind.key().to_owned(),
            label: kind.label().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet(text: &str, highlights: Vec<std::ops::Range<usize>>) -> nianbao_store::Snippet {
        nianbao_store::Snippet {
            text: text.to_owned(),
            highlights,
        }
    }

    #[test]
    fn snippet_parts_rebuild_the_text_and_mark_the_hits() {
        let text = "全年受理行政复议申请128件";
        let start = text.find("行政复议").unwrap_or(0);
        let hit = start..start + "行政复议".len();
        let parts = snippet_parts(&snippet(text, vec![hit]));
        assert_eq!(
            parts.iter().map(|p| p.text.as_str()).collect::<String>(),
            text,
            "the parts are the snippet, nothing lost or added"
        );
        assert_eq!(
            parts
                .iter()
                .filter(|p| p.hit)
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>(),
            ["行政复议"],
            "only the match is marked"
        );
    }

    #[test]
    fn a_highlight_inside_a_character_is_skipped_not_a_panic() {
        let parts = snippet_parts(&snippet("行政复议", vec![1..4, 100..200]));
        assert_eq!(
            parts,
            vec![SnippetPart {
                text: "行政复议".into(),
                hit: false
            }],
            "a range that does not fall on character boundaries marks nothing"
        );
    }
}
