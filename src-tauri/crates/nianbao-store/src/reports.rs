//! The `reports` table: imported reports with their text, metadata, outline and figures.
//!
//! A report is identified by the SHA-256 of its source bytes: adding the same file twice returns
//! the first copy instead of a duplicate. Adding a report also writes its figure rows and its
//! search paragraphs in the same transaction, so the three never disagree.

use nianbao_import::{ImportedText, SourceFormat};
use nianbao_report::{Metadata, Report, Section};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{Result, Store, StoreError, clock};

/// Where a report came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The file name the drafter imported (`江山市2020年报告.docx`).
    pub name: String,
    /// Lowercase hex SHA-256 of the file's bytes ([`hash_bytes`]).
    pub hash: String,
    pub format: SourceFormat,
    /// The encoding the importer used (`UTF-8`, `GBK`, ...).
    pub encoding: String,
}

impl Source {
    /// Describe an imported file from its name, its raw bytes and what the importer found.
    pub fn new(name: &str, bytes: &[u8], imported: &ImportedText) -> Source {
        Source {
            name: name.to_owned(),
            hash: hash_bytes(bytes),
            format: imported.format,
            encoding: imported.encoding.clone(),
        }
    }
}

/// Lowercase hex SHA-256 of a file's bytes: how the library recognises a file it already has.
pub fn hash_bytes(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The result of [`Store::add_report`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedReport {
    pub id: i64,
    /// False when the same file (same bytes) was already in the library.
    pub was_new: bool,
}

/// One line of the library list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSummary {
    pub id: i64,
    pub government: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    pub source_name: String,
    pub source_format: SourceFormat,
    pub source_hash: String,
    /// Unix milliseconds.
    pub added_at: i64,
}

impl ReportSummary {
    /// The report's own title, else the file name.
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.source_name)
    }
}

/// A report as stored: its summary, the importer's encoding and the parsed report itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredReport {
    pub summary: ReportSummary,
    pub encoding: String,
    pub report: Report,
}

const SUMMARY_COLUMNS: &str =
    "id, government, year, title, source_name, source_format, source_hash, added_at";

fn format_key(format: SourceFormat) -> String {
    serde_json::to_value(format)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "text".to_owned())
}

fn format_from_key(key: &str) -> SourceFormat {
    serde_json::from_value(serde_json::Value::String(key.to_owned())).unwrap_or(SourceFormat::Text)
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ReportSummary> {
    Ok(ReportSummary {
        id: row.get(0)?,
        government: row.get(1)?,
        year: row.get(2)?,
        title: row.get(3)?,
        source_name: row.get(4)?,
        source_format: format_from_key(&row.get::<_, String>(5)?),
        source_hash: row.get(6)?,
        added_at: row.get(7)?,
    })
}

/// Lines back from the stored text (the inverse of joining with `\n`).
fn lines_of(text: &str) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n').map(str::to_owned).collect()
    }
}

impl Store {
    /// Add a parsed report; the same bytes (same hash) already present → `was_new: false` and
    /// the existing id, nothing written.
    pub fn add_report(&self, source: &Source, report: &Report) -> Result<AddedReport> {
        // Everything slow (JSON, the search words of every paragraph) is done before the write
        // lock is taken: the transaction only inserts, so a concurrent autosave waits
        // milliseconds, not the length of a segmentation.
        let meta = &report.meta;
        let meta_json = serde_json::to_string(meta)?;
        let outline_json = serde_json::to_string(&report.sections)?;
        let text = report.lines.join("\n");
        let paragraphs = crate::search::paragraph_rows(report);
        self.write(|tx| {
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM reports WHERE source_hash = ?1",
                    [&source.hash],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = existing {
                return Ok(AddedReport { id, was_new: false });
            }
            tx.execute(
                "INSERT INTO reports (source_name, source_hash, source_format, encoding, government,
                    year, title, meta_json, text, body_start, outline_json, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    source.name,
                    source.hash,
                    format_key(source.format),
                    source.encoding,
                    meta.government,
                    meta.year,
                    meta.title,
                    meta_json,
                    text,
                    i64::try_from(report.body_start).unwrap_or(1),
                    outline_json,
                    clock::now_ms(),
                ],
            )?;
            let id = tx.last_insert_rowid();
            crate::figures::insert_figures(tx, id, report)?;
            crate::search::insert_paragraphs(tx, id, &paragraphs)?;
            Ok(AddedReport { id, was_new: true })
        })
    }

    /// Import-and-parse convenience: hash the bytes, parse the imported text, add.
    pub fn add_imported(
        &self,
        name: &str,
        bytes: &[u8],
        imported: &ImportedText,
    ) -> Result<AddedReport> {
        let source = Source::new(name, bytes, imported);
        self.add_report(&source, &nianbao_report::parse(imported))
    }

    /// Every report, by government, then year, then order of import.
    pub fn list_reports(&self) -> Result<Vec<ReportSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM reports
             ORDER BY government IS NULL, government, year, id"
        ))?;
        let rows = stmt.query_map([], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One report with its parsed outline and figures.
    pub fn get_report(&self, id: i64) -> Result<StoredReport> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS}, encoding, meta_json, text, body_start, outline_json
             FROM reports WHERE id = ?1"
        ))?;
        let row = stmt
            .query_row([id], |r| {
                Ok((
                    summary_from_row(r)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, String>(10)?,
                    r.get::<_, i64>(11)?,
                    r.get::<_, String>(12)?,
                ))
            })
            .optional()?;
        let (summary, encoding, meta, text, body_start, outline) =
            row.ok_or(StoreError::NotFound { what: "报告", id })?;
        let report = Report {
            meta: serde_json::from_str::<Metadata>(&meta)?,
            lines: lines_of(&text),
            body_start: usize::try_from(body_start).unwrap_or(1),
            sections: serde_json::from_str::<Vec<Section>>(&outline)?,
            figures: crate::figures::report_figures(&self.conn, id)?,
        };
        Ok(StoredReport {
            summary,
            encoding,
            report,
        })
    }

    /// Remove a report with its figures and search paragraphs; drafts that followed it keep
    /// their text and lose only the link. Returns false if there was no such report.
    pub fn delete_report(&self, id: i64) -> Result<bool> {
        let n = self.write(|tx| Ok(tx.execute("DELETE FROM reports WHERE id = ?1", [id])?))?;
        Ok(n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_lowercase_hex_sha256() {
        assert_eq!(
            hash_bytes(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "the empty input has the well-known SHA-256"
        );
    }

    #[test]
    fn lines_round_trip_through_the_text_column() {
        for lines in [
            vec![],
            vec!["".to_owned()],
            vec!["a".into(), "".into(), "b".into()],
        ] {
            let text = lines.join("\n");
            if lines == [""] {
                // A single empty line and no lines both store as "": the parser never produces
                // a lone empty line for a non-empty file, and an empty file is refused on import.
                continue;
            }
            assert_eq!(lines_of(&text), lines, "split inverts join");
        }
    }

    #[test]
    fn source_format_keys_round_trip() {
        for f in [SourceFormat::Text, SourceFormat::Html, SourceFormat::Docx] {
            assert_eq!(format_from_key(&format_key(f)), f);
        }
    }
}
