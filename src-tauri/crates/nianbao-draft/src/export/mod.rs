//! Export a parsed report (or a draft) to .docx, .md, .html or .txt, chosen by the output's
//! extension, written atomically. Layout decisions live in `layout`; this module only routes.

pub mod atomic;
pub mod deadline;
pub mod docx;
pub mod layout;
pub mod markup;
pub mod version;

use std::path::Path;

use nianbao_report::Report;

use crate::error::DraftError;
use crate::templates::Templates;

pub use deadline::{Day, Deadline, DeadlineStatus, delivery_status};
pub use version::{DeliveryFields, ExportVersion, MarkLeft};

/// The formats a report can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Markdown,
    Html,
    Text,
}

impl Format {
    /// By the output path's extension (case-insensitive).
    pub fn from_path(path: &Path) -> Result<Format, DraftError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Ok(Format::Docx),
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "txt" => Ok(Format::Text),
            _ => Err(DraftError::UnsupportedFormat(ext)),
        }
    }
}

/// The exported file's bytes.
pub fn render(
    report: &Report,
    format: Format,
    templates: &Templates,
) -> Result<Vec<u8>, DraftError> {
    render_blocks(&layout::blocks(report), format, templates, false)
}

/// The bytes of laid-out blocks; `portal` gives the clean HTML of the 公开版.
fn render_blocks(
    blocks: &[layout::Block],
    format: Format,
    templates: &Templates,
    portal: bool,
) -> Result<Vec<u8>, DraftError> {
    match format {
        Format::Docx => docx::build(blocks),
        Format::Markdown => markup::markdown(templates, blocks).map(String::into_bytes),
        Format::Html => markup::html(templates, blocks, portal).map(String::into_bytes),
        Format::Text => {
            let mut text = blocks
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            text.push('\n');
            Ok(text.into_bytes())
        }
    }
}

/// Export to `out` by its extension; the file appears only when everything succeeded.
pub fn export(report: &Report, out: &Path, templates: &Templates) -> Result<(), DraftError> {
    let format = Format::from_path(out)?;
    let bytes = render(report, format, templates)?;
    atomic::write(out, &bytes)
}

/// The bytes of one version of a draft (see [`version`]): refused, with the reason, when the
/// version lacks a required part or (公开版) still holds a fill-in mark.
pub fn render_version(
    report: &Report,
    fields: &DeliveryFields,
    version: ExportVersion,
    format: Format,
    templates: &Templates,
) -> Result<Vec<u8>, DraftError> {
    let blocks = version::version_blocks(report, fields, version)?;
    render_blocks(&blocks, format, templates, version == ExportVersion::Public)
}

/// Export one version to `out` by its extension; nothing is written when it is refused.
pub fn export_version(
    report: &Report,
    fields: &DeliveryFields,
    version: ExportVersion,
    out: &Path,
    templates: &Templates,
) -> Result<(), DraftError> {
    let format = Format::from_path(out)?;
    let bytes = render_version(report, fields, version, format, templates)?;
    atomic::write(out, &bytes)
}
