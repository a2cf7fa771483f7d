//! Which number cells of an .xls/.et are shown as percentages. `calamine` gives a percent cell
//! as its stored fraction (`0.091` for `9.1%`) and keeps the number formats to itself for BIFF,
//! so this walks the Workbook stream's records once: FORMAT (custom format codes), XF (each
//! style's format), BOUNDSHEET (where each sheet starts) and the number cells (NUMBER, RK,
//! MULRK, FORMULA) with their style. BIFF8 only (Excel 97 and later, and WPS); anything it does
//! not understand it skips — the worst case is a fraction read without its `%`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::ImportError;
use crate::limits::Deadline;

/// Sheet name → (row, col) of every number cell formatted as a percentage.
pub(crate) type PercentCells = HashMap<String, BTreeSet<(u32, u32)>>;

const BOF: u16 = 0x0809;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;

fn u16_at(d: &[u8], i: usize) -> Option<u16> {
    d.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(d: &[u8], i: usize) -> Option<u32> {
    d.get(i..i + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// A BIFF8 XLUnicodeString (16-bit length) or ShortXLUnicodeString (8-bit) at `i`.
fn unicode_string(d: &[u8], i: usize, short: bool) -> Option<String> {
    let (cch, at) = if short {
        (usize::from(*d.get(i)?), i + 1)
    } else {
        (usize::from(u16_at(d, i)?), i + 2)
    };
    let high = d.get(at)? & 1 == 1;
    let body = d.get(at + 1..)?;
    Some(if high {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .take(cch)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        body.iter().take(cch).map(|&b| char::from(b)).collect()
    })
}

/// Whether a number format code shows a percentage: a `%` outside quotes and escapes.
pub(crate) fn is_percent_code(code: &str) -> bool {
    let mut quoted = false;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' if !quoted => {
                chars.next();
            }
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// The records of a Workbook stream: (offset, type, data).
fn records(stream: &[u8]) -> impl Iterator<Item = (usize, u16, &[u8])> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        let here = at;
        at += 4 + len;
        Some((here, kind, data))
    })
}

/// The percent cells of a BIFF8 Workbook stream.
pub(crate) fn percent_cells(
    stream: &[u8],
    deadline: &Deadline,
) -> Result<PercentCells, ImportError> {
    // Built-in percent formats: 9 (0%) and 10 (0.00%).
    let mut percent_formats: BTreeSet<u16> = [9, 10].into_iter().collect();
    let mut xf_percent: Vec<bool> = Vec::new();
    let mut sheet_at: BTreeMap<usize, String> = BTreeMap::new();
    let mut out = PercentCells::new();
    let mut sheet: Option<String> = None;
    let mut in_globals = true;
    for (n, (offset, kind, d)) in records(stream).enumerate() {
        if n % 4096 == 0 {
            deadline.check()?;
        }
        match kind {
            BOF => {
                sheet = sheet_at.get(&offset).cloned();
                in_globals = in_globals && offset == 0;
            }
            FORMAT if in_globals => {
                if let (Some(id), Some(code)) = (u16_at(d, 0), unicode_string(d, 2, false))
                    && is_percent_code(&code)
                {
                    percent_formats.insert(id);
                }
            }
            XF if in_globals => {
                if let Some(ifmt) = u16_at(d, 2) {
                    xf_percent.push(percent_formats.contains(&ifmt));
                }
            }
            BOUNDSHEET if in_globals => {
                if let (Some(pos), Some(name)) = (u32_at(d, 0), unicode_string(d, 6, true)) {
                    sheet_at.insert(usize::try_from(pos).unwrap_or(usize::MAX), name);
                }
            }
            NUMBER | RK | FORMULA | MULRK if !in_globals => {
                let Some(name) = &sheet else { continue };
                let is_percent = |ixfe: Option<u16>| {
                    ixfe.and_then(|i| xf_percent.get(usize::from(i)).copied())
                        .unwrap_or(false)
                };
                let (Some(row), Some(col)) = (u16_at(d, 0), u16_at(d, 2)) else {
                    continue;
                };
                let mut cells = Vec::new();
                if kind == MULRK {
                    // rw, colFirst, (ixfe, rk)*, colLast
                    let body = d.get(4..d.len().saturating_sub(2)).unwrap_or_default();
                    for (i, rk) in body.chunks_exact(6).enumerate() {
                        if is_percent(u16_at(rk, 0)) {
                            let c = u32::from(col).saturating_add(u32::try_from(i).unwrap_or(0));
                            cells.push((u32::from(row), c));
                        }
                    }
                } else if is_percent(u16_at(d, 4)) {
                    cells.push((u32::from(row), u32::from(col)));
                }
                if !cells.is_empty() {
                    out.entry(name.clone()).or_default().extend(cells);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut v = kind.to_le_bytes().to_vec();
        v.extend_from_slice(&u16::try_from(data.len()).unwrap().to_le_bytes());
        v.extend_from_slice(data);
        v
    }

    #[test]
    fn percent_codes() {
        assert!(is_percent_code("0.0%"));
        assert!(is_percent_code("0%;[Red]-0%"));
        assert!(!is_percent_code("0.0\"%\""));
        assert!(!is_percent_code("0\\%"));
        assert!(!is_percent_code("General"));
    }

    #[test]
    fn finds_percent_cells_of_each_sheet() {
        // globals: BOF, custom format 164 = "0.0%", XF0 general, XF1 built-in 10, XF2 custom 164,
        // BOUNDSHEET "表1" at the sheet's BOF; then the sheet with NUMBER, RK and MULRK cells.
        let mut globals = rec(BOF, &[0; 16]);
        let mut fmt = 164u16.to_le_bytes().to_vec();
        fmt.extend_from_slice(&4u16.to_le_bytes());
        fmt.push(0);
        fmt.extend_from_slice(b"0.0%");
        globals.extend(rec(FORMAT, &fmt));
        for ifmt in [0u16, 10, 164] {
            let mut xf = vec![0, 0];
            xf.extend_from_slice(&ifmt.to_le_bytes());
            xf.extend_from_slice(&[0; 16]);
            globals.extend(rec(XF, &xf));
        }
        let name: Vec<u8> = "表1".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let boundsheet_len = 4 + 6 + 2 + name.len();
        let sheet_bof = globals.len() + boundsheet_len;
        let mut bs = u32::try_from(sheet_bof).unwrap().to_le_bytes().to_vec();
        bs.extend_from_slice(&[0, 0, 2, 1]);
        bs.extend_from_slice(&name);
        globals.extend(rec(BOUNDSHEET, &bs));
        assert_eq!(globals.len(), sheet_bof);
        let mut stream = globals;
        stream.extend(rec(BOF, &[0; 16]));
        // NUMBER at (3,2) with XF1 (percent), NUMBER at (3,1) with XF0.
        stream.extend(rec(NUMBER, &[3, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        stream.extend(rec(NUMBER, &[3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        // MULRK row 4 from col 1: XF0, XF2.
        stream.extend(rec(
            MULRK,
            &[4, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 2, 0],
        ));
        let cells =
            percent_cells(&stream, &Deadline::after(std::time::Duration::from_secs(5))).unwrap();
        let set = &cells["表1"];
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), [(3, 2), (4, 2)]);
    }

    #[test]
    fn garbage_is_no_cells() {
        let d = Deadline::after(std::time::Duration::from_secs(5));
        assert!(percent_cells(&[0xFF; 100], &d).unwrap().is_empty());
        assert!(percent_cells(&[], &d).unwrap().is_empty());
    }
}
