//! Data the window receives, shaped for display. The TypeScript twins in
//! `ui/src/lib/api/bindings/` are generated from these types (tests/bindings.rs fails when they
//! drift). Mapping only: nothing here parses or judges report text.

use std::path::Path;

use nianbao_import::{ImportedText, SourceFormat};
use nianbao_report::{Report, Section};
use serde::Serialize;
use ts_rs::TS;

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
    pub fn new(path: &Path, imported: &ImportedText, report: &Report) -> Self {
        let meta = &report.meta;
        ReportOutline {
            path: path.display().to_string(),
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            format: format_key(imported.format),
            encoding: imported.encoding.clone(),
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
