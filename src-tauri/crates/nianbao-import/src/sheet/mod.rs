//! Spreadsheets (.xlsx, .xls, WPS .et in Excel's binary format, .csv in any Chinese encoding):
//! read through `calamine` into sparse rows of cells, then either as text (one row a line, cells
//! joined by a tab) or as a department's statistics table (see [`stats`]).
//! It must never build a dense grid from a sheet's declared size (a hostile sheet can claim a
//! million rows by sixteen thousand columns): cells are kept sparse, at most [`MAX_CELLS`].

mod biff;
mod stats;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, DataRef, Reader, Xls, Xlsx, open_workbook_from_rs};

use crate::limits::{Deadline, Limits, megabytes};
use crate::{ImportError, ImportedText, SourceFormat, assemble};

pub use stats::{StatFigure, Statistics, cell_number};

/// Cells read at most from one workbook.
const MAX_CELLS: usize = 500_000;

/// A cell's value: text, or a number with the text it was shown as.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Text(String),
    Num(f64),
}

/// One sheet, sparse: row → column → value (0-based, absolute positions), plus merged areas.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sheet {
    pub name: String,
    pub rows: BTreeMap<u32, BTreeMap<u32, Val>>,
    /// Merged areas ((row, col) start, (row, col) end), inclusive.
    pub merged: Vec<((u32, u32), (u32, u32))>,
}

/// Which reader a workbook needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Xlsx,
    /// Excel 97–2003 or WPS .et (BIFF in a compound file).
    Xls,
    Csv,
}

pub(crate) fn is_workbook_zip(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .is_ok_and(|z| z.index_for_name("xl/workbook.xml").is_some())
}

pub(crate) fn import(
    bytes: &[u8],
    kind: Kind,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<ImportedText, ImportError> {
    let (sheets, encoding) = read(bytes, kind, limits, deadline)?;
    let mut lines = Vec::new();
    for sheet in &sheets {
        for row in sheet.rows.values() {
            let cells: Vec<String> = row.values().map(shown).filter(|s| !s.is_empty()).collect();
            lines.push((cells.join("\t"), None));
        }
    }
    assemble(lines, SourceFormat::Spreadsheet, &encoding)
}

/// A number as a drafter writes it: no trailing `.0`, no exponent for ordinary sizes.
pub(crate) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

pub(crate) fn shown(v: &Val) -> String {
    match v {
        Val::Text(t) => t.split_whitespace().collect::<Vec<_>>().join(" "),
        Val::Num(n) => number_text(*n),
    }
}

/// The sheets of a workbook and the encoding its text was in.
pub(crate) fn read(
    bytes: &[u8],
    kind: Kind,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<(Vec<Sheet>, String), ImportError> {
    // `calamine` can panic on a damaged file (its own compound-file reader slices past the end
    // of a cut .xls; found by the cut-file test): that is a corrupt workbook, not a crash.
    let guarded = |f: &dyn Fn() -> Result<Vec<Sheet>, ImportError>| {
        catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
            Err(ImportError::CorruptSheet(
                "工作簿结构无法读取 (unreadable workbook structure)".to_owned(),
            ))
        })
    };
    match kind {
        Kind::Xlsx => {
            check_inflated_size(bytes, limits, deadline)?;
            Ok((guarded(&|| read_xlsx(bytes, deadline))?, "UTF-8".to_owned()))
        }
        Kind::Xls => Ok((
            guarded(&|| read_xls(bytes, deadline))?,
            "UTF-16LE".to_owned(),
        )),
        Kind::Csv => {
            let text = crate::text::import(bytes)?;
            Ok((vec![csv_sheet(&text.text, deadline)?], text.encoding))
        }
    }
}

fn corrupt(e: impl std::fmt::Display) -> ImportError {
    let mut s = e.to_string().replace('\n', " ");
    if s.len() > 200 {
        let cut = (0..=200)
            .rev()
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(0);
        s.truncate(cut);
    }
    ImportError::CorruptSheet(s)
}

/// Inflate every entry once, counting, so that the reader never meets a zip bomb.
fn check_inflated_size(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<(), ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::CorruptZip(e.to_string()))?;
    let mut total: u64 = 0;
    let mut chunk = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| ImportError::CorruptZip(e.to_string()))?;
        if entry.encrypted() {
            return Err(ImportError::Encrypted);
        }
        loop {
            deadline.check()?;
            let n = entry
                .read(&mut chunk)
                .map_err(|e| ImportError::CorruptZip(e.to_string()))?;
            if n == 0 {
                break;
            }
            total = total.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
            if total > limits.max_inflated_bytes {
                return Err(ImportError::ZipBomb {
                    limit_mb: megabytes(limits.max_inflated_bytes),
                });
            }
        }
    }
    Ok(())
}

fn put(sheet: &mut Sheet, count: &mut usize, pos: (u32, u32), v: Val) -> Result<(), ImportError> {
    if matches!(&v, Val::Text(t) if t.trim().is_empty()) {
        return Ok(());
    }
    *count += 1;
    if *count > MAX_CELLS {
        return Err(ImportError::CorruptSheet(format!(
            "单元格超过 {MAX_CELLS} 个 (more than {MAX_CELLS} cells)"
        )));
    }
    sheet.rows.entry(pos.0).or_default().insert(pos.1, v);
    Ok(())
}

fn val_of_text(s: &str) -> Val {
    Val::Text(s.to_owned())
}

fn read_xlsx(bytes: &[u8], deadline: &Deadline) -> Result<Vec<Sheet>, ImportError> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(corrupt)?;
    let names = book.sheet_names();
    let mut out = Vec::new();
    let mut count = 0;
    for name in names {
        let merged = book
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.start, d.end))
            .collect();
        let mut sheet = Sheet {
            name: name.clone(),
            merged,
            ..Sheet::default()
        };
        let mut reader = book.worksheet_cells_reader(&name).map_err(corrupt)?;
        let percent: Vec<bool> = reader
            .styles()
            .iter()
            .map(|s| {
                s.number_format
                    .as_ref()
                    .is_some_and(|f| biff::is_percent_code(&f.format_code))
            })
            .collect();
        let mut n = 0usize;
        while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(corrupt)? {
            n += 1;
            if n.is_multiple_of(1024) {
                deadline.check()?;
            }
            let is_percent = percent.get(style).copied().unwrap_or(false);
            let v = match cell.get_value() {
                DataRef::Int(i) => number_val(*i as f64, is_percent),
                DataRef::Float(f) => number_val(*f, is_percent),
                DataRef::String(s) => val_of_text(s),
                DataRef::SharedString(s) => val_of_text(s),
                DataRef::Bool(_)
                | DataRef::DateTime(_)
                | DataRef::DateTimeIso(_)
                | DataRef::DurationIso(_)
                | DataRef::Error(_)
                | DataRef::Empty => continue,
            };
            put(&mut sheet, &mut count, cell.get_position(), v)?;
        }
        out.push(sheet);
    }
    Ok(out)
}

/// A number cell as the drafter sees it: a percent-formatted fraction as `9.1%`.
fn number_val(n: f64, percent: bool) -> Val {
    if percent {
        Val::Text(format!("{}%", number_text(n * 100.0)))
    } else {
        Val::Num(n)
    }
}

/// The Workbook (BIFF8) or Book (BIFF5) stream of an .xls/.et, read through `cfb`.
fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let name = ["/Workbook", "/Book"].into_iter().find(|n| cfb.exists(n))?;
    let mut out = Vec::new();
    cfb.open_stream(name)
        .ok()?
        .take(u64::try_from(bytes.len()).unwrap_or(u64::MAX))
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

fn read_xls(bytes: &[u8], deadline: &Deadline) -> Result<Vec<Sheet>, ImportError> {
    let percent = match workbook_stream(bytes) {
        Some(stream) => biff::percent_cells(&stream, deadline)?,
        None => biff::PercentCells::new(),
    };
    let mut book: Xls<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsError::Password => ImportError::Encrypted,
        other => corrupt(other),
    })?;
    let names = book.sheet_names();
    let mut out = Vec::new();
    let mut count = 0;
    for name in names {
        deadline.check()?;
        let merged = book
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.start, d.end))
            .collect();
        let range = book.worksheet_range(&name).map_err(corrupt)?;
        let mut sheet = Sheet {
            name: name.clone(),
            merged,
            ..Sheet::default()
        };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let percent_here = percent.get(&name);
        for (r, c, v) in range.used_cells() {
            let pos = (
                r0.saturating_add(u32::try_from(r).unwrap_or(u32::MAX)),
                c0.saturating_add(u32::try_from(c).unwrap_or(u32::MAX)),
            );
            let is_percent = percent_here.is_some_and(|p| p.contains(&pos));
            let v = match v {
                Data::Int(i) => number_val(*i as f64, is_percent),
                Data::Float(f) => number_val(*f, is_percent),
                Data::String(s) => val_of_text(s),
                _ => continue,
            };
            put(&mut sheet, &mut count, pos, v)?;
        }
        out.push(sheet);
    }
    Ok(out)
}

/// CSV (comma, or tab when a line has no comma; double quotes) into one sheet named `Sheet1`.
fn csv_sheet(text: &str, deadline: &Deadline) -> Result<Sheet, ImportError> {
    let mut sheet = Sheet {
        name: "Sheet1".to_owned(),
        ..Sheet::default()
    };
    let mut count = 0;
    for (r, line) in text.lines().enumerate() {
        if r % 1024 == 0 {
            deadline.check()?;
        }
        let sep = if line.contains(',') || !line.contains('\t') {
            ','
        } else {
            '\t'
        };
        for (c, field) in csv_fields(line, sep).into_iter().enumerate() {
            let pos = (
                u32::try_from(r).unwrap_or(u32::MAX),
                u32::try_from(c).unwrap_or(u32::MAX),
            );
            put(&mut sheet, &mut count, pos, Val::Text(field))?;
        }
    }
    Ok(sheet)
}

fn csv_fields(line: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    out.push(field);
    out
}

/// A workbook's statistics table(s) → named figures.
pub(crate) fn statistics(
    bytes: &[u8],
    kind: Kind,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Statistics, ImportError> {
    let (sheets, _) = read(bytes, kind, limits, deadline)?;
    let mut figures = Vec::new();
    for sheet in &sheets {
        deadline.check()?;
        figures.extend(stats::figures(sheet));
    }
    if figures.is_empty() {
        return Err(ImportError::NoStatistics);
    }
    Ok(Statistics { figures })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_quotes() {
        assert_eq!(
            csv_fields(r#"行政复议,"1,234","说""明""#, ','),
            ["行政复议", "1,234", "说\"明"]
        );
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number_text(142.0), "142");
        assert_eq!(number_text(12.5), "12.5");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
    }
}
