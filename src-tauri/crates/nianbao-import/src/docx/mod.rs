//! The .docx importer: open the zip, find the main document part (via `_rels/.rels`, else
//! `word/document.xml`), inflate it under the size budget, and read paragraphs and tables in
//! order with Word heading styles as hints and Word's automatic numbering written into the text.
//! It must never trust a declared size: bytes are counted while inflating, so a zip bomb stops
//! at the limit; and it never reads more entries than the ones it needs.

mod document;
mod numbering;
mod styles;

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use crate::limits::{Deadline, Limits, megabytes};
use crate::{ImportError, ImportedText, SourceFormat, assemble};

const DOCUMENT_PART: &str = "word/document.xml";
const STYLES_PART: &str = "word/styles.xml";
const NUMBERING_PART: &str = "word/numbering.xml";
const OFFICE_DOCUMENT_REL: &str = "/officeDocument";

pub(crate) fn import(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<ImportedText, ImportError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    let mut budget = Budget {
        remaining: limits.max_inflated_bytes,
        limit: limits.max_inflated_bytes,
        deadline,
    };
    let main_part = main_part_name(&mut archive, &mut budget)?;
    let document_xml = match read_entry(&mut archive, &main_part, &mut budget)? {
        Some(xml) => xml,
        None => {
            return Err(ImportError::NotDocx(format!(
                "压缩包里没有 {main_part} (the zip has no {main_part})"
            )));
        }
    };
    // Styles and numbering are optional: without them there are no hints or list labels.
    let styles = match read_entry(&mut archive, STYLES_PART, &mut budget) {
        Ok(Some(xml)) => styles::style_sheet(&xml, deadline).unwrap_or_default(),
        Ok(None) | Err(ImportError::CorruptZip(_) | ImportError::MalformedXml(_)) => {
            Default::default()
        }
        Err(other) => return Err(other),
    };
    let mut numbering = match read_entry(&mut archive, NUMBERING_PART, &mut budget) {
        Ok(Some(xml)) => numbering::Numbering::parse(&xml, deadline).unwrap_or_default(),
        Ok(None) | Err(ImportError::CorruptZip(_) | ImportError::MalformedXml(_)) => {
            Default::default()
        }
        Err(other) => return Err(other),
    };
    let lines = document::paragraphs(&document_xml, &styles, &mut numbering, deadline)?;
    drop(document_xml);
    assemble(lines, SourceFormat::Docx, "UTF-8")
}

/// Run every XML reader of this module over one buffer, as if it were each part in turn;
/// returns the number of lines read from it as a document body. For fuzzing.
pub(crate) fn read_parts_xml(xml: &[u8], deadline: &Deadline) -> Result<usize, ImportError> {
    let styles = styles::style_sheet(xml, deadline).unwrap_or_default();
    let mut numbering = numbering::Numbering::parse(xml, deadline).unwrap_or_default();
    let _ = document::relationship_target(xml, OFFICE_DOCUMENT_REL);
    Ok(document::paragraphs(xml, &styles, &mut numbering, deadline)?.len())
}

/// Inflation allowance shared by every entry read from one archive.
struct Budget<'a> {
    remaining: u64,
    limit: u64,
    deadline: &'a Deadline,
}

/// The main part named by the package relationships; Word always writes `word/document.xml`,
/// other producers may not.
fn main_part_name(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    budget: &mut Budget<'_>,
) -> Result<String, ImportError> {
    let rels = match read_entry(archive, "_rels/.rels", budget) {
        Ok(Some(rels)) => rels,
        Ok(None) | Err(ImportError::CorruptZip(_)) => return Ok(DOCUMENT_PART.to_owned()),
        Err(other) => return Err(other),
    };
    Ok(document::relationship_target(&rels, OFFICE_DOCUMENT_REL)
        .map(|t| t.trim_start_matches('/').to_owned())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| DOCUMENT_PART.to_owned()))
}

/// Inflate one entry, counting bytes as they come out. `Ok(None)` if there is no such entry.
fn read_entry(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut Budget<'_>,
) -> Result<Option<Vec<u8>>, ImportError> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(ZipError::UnsupportedArchive(msg)) if msg.to_lowercase().contains("password") => {
            return Err(ImportError::Encrypted);
        }
        Err(e) => return Err(corrupt(e)),
    };
    if entry.encrypted() {
        return Err(ImportError::Encrypted);
    }
    let mut out = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut reader = entry;
    loop {
        budget.deadline.check()?;
        let n = reader
            .read(&mut chunk)
            .map_err(|e| ImportError::CorruptZip(e.to_string()))?;
        if n == 0 {
            break;
        }
        let n64 = u64::try_from(n).unwrap_or(u64::MAX);
        if n64 > budget.remaining {
            return Err(ImportError::ZipBomb {
                limit_mb: megabytes(budget.limit),
            });
        }
        budget.remaining -= n64;
        out.extend_from_slice(&chunk[..n]);
    }
    Ok(Some(out))
}

fn corrupt(e: ZipError) -> ImportError {
    ImportError::CorruptZip(e.to_string())
}

#[cfg(test)]
mod tests;
