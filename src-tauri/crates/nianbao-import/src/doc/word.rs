//! The Word 97–2003 binary format ([MS-DOC]) as far as text needs it: the File Information Block,
//! the piece table (which bytes of the WordDocument stream hold which characters), the character
//! runs marked deleted by tracked changes, and each paragraph's style (for heading hints).
//! It must never index past a stream: every offset read from the file is checked, and a piece
//! table that points outside the stream is an error, not a panic.

use crate::ImportError;
use crate::limits::Deadline;

/// `wIdent` of a Word 97+ FIB.
const WORD_IDENT: u16 = 0xA5EC;
/// Characters read at most (pieces may point at the same bytes again and again).
const MAX_CHARS: usize = 20 * 1024 * 1024;
const PAGE: usize = 512;

/// Where a paragraph's text ended and the style it had.
#[derive(Debug)]
pub(crate) struct DocText {
    /// Main-document characters as written, with Word's control characters.
    pub chars: Vec<(char, u32)>,
    /// File offsets of the runs marked deleted (start, end).
    pub deleted: Vec<(u32, u32)>,
    /// Paragraph properties by file offset: (start, end, heading level).
    pub paragraphs: Vec<(u32, u32, Option<u8>)>,
}

pub(crate) struct Fib {
    pub encrypted: bool,
    pub table_stream: &'static str,
    ccp_text: u32,
    clx: (u32, u32),
    plcf_bte_chpx: (u32, u32),
    plcf_bte_papx: (u32, u32),
}

fn bad(reason: &str) -> ImportError {
    ImportError::CorruptDoc(reason.to_owned())
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, ImportError> {
    b.get(at..at + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .ok_or_else(|| bad("结构越界 (offset past the end)"))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, ImportError> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| bad("结构越界 (offset past the end)"))
}

fn idx(v: u32) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

impl Fib {
    pub(crate) fn parse(word: &[u8]) -> Result<Fib, ImportError> {
        if u16_at(word, 0)? != WORD_IDENT {
            return Err(bad("WordDocument 流的标识不对 (not a Word 97+ FIB)"));
        }
        let flags = u16_at(word, 0x0A)?;
        let csw = usize::from(u16_at(word, 32)?);
        let lw_count_at = 34 + csw * 2;
        let cslw = usize::from(u16_at(word, lw_count_at)?);
        let lw_at = lw_count_at + 2;
        let ccp_text = u32_at(word, lw_at + 3 * 4)?;
        let fc_count_at = lw_at + cslw * 4;
        let fc_count = usize::from(u16_at(word, fc_count_at)?);
        let pair = |i: usize| -> Result<(u32, u32), ImportError> {
            if i >= fc_count {
                return Ok((0, 0));
            }
            let at = fc_count_at + 2 + i * 8;
            Ok((u32_at(word, at)?, u32_at(word, at + 4)?))
        };
        Ok(Fib {
            encrypted: flags & 0x0100 != 0,
            table_stream: if flags & 0x0200 != 0 {
                "1Table"
            } else {
                "0Table"
            },
            ccp_text,
            clx: pair(33)?,
            plcf_bte_chpx: pair(12)?,
            plcf_bte_papx: pair(13)?,
        })
    }
}

/// One entry of the piece table: characters `cp..cp_end` are at file offset `fc`.
#[derive(Debug, Clone, Copy)]
struct Piece {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

fn pieces(table: &[u8], clx: (u32, u32)) -> Result<Vec<Piece>, ImportError> {
    let start = idx(clx.0);
    let end = start.saturating_add(idx(clx.1));
    let clx = table
        .get(start..end)
        .ok_or_else(|| bad("片段表越界 (piece table past the end of the table stream)"))?;
    let mut at = 0;
    // Prc entries (direct formatting) come first; the Pcdt follows.
    while clx.get(at) == Some(&1) {
        let cb = usize::from(u16_at(clx, at + 1)?);
        at += 3 + cb;
    }
    if clx.get(at) != Some(&2) {
        return Err(bad("没有片段表 (no piece table)"));
    }
    let lcb = idx(u32_at(clx, at + 1)?);
    let plc = clx
        .get(at + 5..at + 5 + lcb)
        .ok_or_else(|| bad("片段表越界 (piece table past its end)"))?;
    if lcb < 4 || !(lcb - 4).is_multiple_of(12) {
        return Err(bad("片段表长度不对 (bad piece table length)"));
    }
    let n = (lcb - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cp = u32_at(plc, i * 4)?;
        let cp_end = u32_at(plc, (i + 1) * 4)?;
        let pcd = (n + 1) * 4 + i * 8;
        let fc_raw = u32_at(plc, pcd + 2)?;
        if cp_end < cp {
            return Err(bad("片段表顺序错乱 (piece table out of order)"));
        }
        out.push(Piece {
            cp,
            cp_end,
            fc: fc_raw & 0x3FFF_FFFF,
            compressed: fc_raw & 0x4000_0000 != 0,
        });
    }
    Ok(out)
}

/// The 8-bit code page Word uses for "compressed" pieces (Windows-1252 with a few more).
fn compressed_char(b: u8) -> char {
    let mut out = [0u16; 1];
    let (_, _, _) = encoding_rs::WINDOWS_1252
        .new_decoder_without_bom_handling()
        .decode_to_utf16_without_replacement(&[b], &mut out, true);
    char::from_u32(u32::from(out[0])).unwrap_or('\u{FFFD}')
}

/// The main document's characters with their file offsets.
pub(crate) fn read(
    word: &[u8],
    table: &[u8],
    fib: &Fib,
    deadline: &Deadline,
) -> Result<DocText, ImportError> {
    let pieces = pieces(table, fib.clx)?;
    let mut chars = Vec::new();
    for p in &pieces {
        deadline.check()?;
        if p.cp >= fib.ccp_text {
            continue;
        }
        let count = idx(p.cp_end.min(fib.ccp_text) - p.cp);
        if chars.len().saturating_add(count) > MAX_CHARS {
            return Err(bad("文字过多 (more text than any report has)"));
        }
        let (offset, width) = if p.compressed {
            (idx(p.fc / 2), 1)
        } else {
            (idx(p.fc), 2)
        };
        let bytes = word
            .get(offset..offset.saturating_add(count.saturating_mul(width)))
            .ok_or_else(|| bad("片段指向文件之外 (a piece points past the end of the stream)"))?;
        if p.compressed {
            for (i, &b) in bytes.iter().enumerate() {
                chars.push((compressed_char(b), fc_plus(p.fc / 2, i)));
            }
        } else {
            let units = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]));
            for (i, c) in char::decode_utf16(units).enumerate() {
                chars.push((c.unwrap_or('\u{FFFD}'), fc_plus(p.fc, i * 2)));
            }
        }
    }
    let deleted = runs(word, table, fib.plcf_bte_chpx, deadline, chpx_deleted)?
        .into_iter()
        .filter_map(|(s, e, del)| del.then_some((s, e)))
        .collect();
    let paragraphs = runs(word, table, fib.plcf_bte_papx, deadline, papx_heading)?;
    Ok(DocText {
        chars,
        deleted,
        paragraphs,
    })
}

fn fc_plus(fc: u32, i: usize) -> u32 {
    fc.saturating_add(u32::try_from(i).unwrap_or(u32::MAX))
}

/// Ranges of file offsets with a property read from the formatting pages (FKPs) listed by a
/// bin table; a broken bin table or page yields fewer ranges, never an error (formatting is
/// a hint, the text is what matters).
fn runs<T>(
    word: &[u8],
    table: &[u8],
    plcf: (u32, u32),
    deadline: &Deadline,
    read_prop: fn(&[u8], usize, usize) -> T,
) -> Result<Vec<(u32, u32, T)>, ImportError> {
    let mut out = Vec::new();
    let start = idx(plcf.0);
    let Some(bte) = table.get(start..start.saturating_add(idx(plcf.1))) else {
        return Ok(out);
    };
    if bte.len() < 4 {
        return Ok(out);
    }
    let n = (bte.len() - 4) / 8;
    for i in 0..n {
        deadline.check()?;
        let Ok(pn) = u32_at(bte, (n + 1) * 4 + i * 4) else {
            break;
        };
        let page_at = idx(pn & 0x003F_FFFF).saturating_mul(PAGE);
        let Some(page) = word.get(page_at..page_at.saturating_add(PAGE)) else {
            continue;
        };
        let crun = usize::from(page[PAGE - 1]);
        let entries_at = (crun + 1) * 4;
        for j in 0..crun {
            let (Ok(s), Ok(e)) = (u32_at(page, j * 4), u32_at(page, (j + 1) * 4)) else {
                break;
            };
            out.push((s, e, read_prop(page, entries_at, j)));
        }
    }
    Ok(out)
}

/// Whether run `j` of a character FKP is marked deleted (sprmCFRMarkDel) or hidden
/// (sprmCFVanish).
fn chpx_deleted(page: &[u8], entries_at: usize, j: usize) -> bool {
    let Some(&off) = page.get(entries_at + j) else {
        return false;
    };
    if off == 0 {
        return false;
    }
    let at = usize::from(off) * 2;
    let Some(&cb) = page.get(at) else {
        return false;
    };
    let Some(grpprl) = page.get(at + 1..at + 1 + usize::from(cb)) else {
        return false;
    };
    sprms(grpprl).any(|(sprm, arg)| matches!(sprm, 0x0800 | 0x0835) && arg.first() == Some(&1))
}

/// The heading level of paragraph run `j` of a paragraph FKP: built-in heading styles keep
/// their fixed style numbers 1–9; an explicit outline level (sprmPOutLvl) says the same.
fn papx_heading(page: &[u8], entries_at: usize, j: usize) -> Option<u8> {
    let off = *page.get(entries_at + j * 13)?;
    if off == 0 {
        return None;
    }
    let at = usize::from(off) * 2;
    let cb = *page.get(at)?;
    let (body_at, len) = if cb == 0 {
        (at + 2, usize::from(*page.get(at + 1)?) * 2)
    } else {
        (at + 1, usize::from(cb) * 2 - 1)
    };
    let body = page.get(body_at..body_at + len)?;
    let istd = u16_at(body, 0).ok()?;
    let outline = sprms(body.get(2..)?)
        .find(|&(sprm, _)| sprm == 0x2640)
        .and_then(|(_, arg)| arg.first().copied())
        .filter(|&lvl| lvl < 9)
        .map(|lvl| lvl + 1);
    outline.or_else(|| {
        (1..=9)
            .contains(&istd)
            .then(|| u8::try_from(istd).unwrap_or(9))
    })
}

/// The (sprm, operand) pairs of a grpprl; stops at the first one that does not fit.
fn sprms(grpprl: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let sprm = u16_at(grpprl, at).ok()?;
        let arg_at = at + 2;
        let len = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => {
                if sprm == 0xD608 {
                    usize::from(u16_at(grpprl, arg_at).ok()?) + 1
                } else {
                    usize::from(*grpprl.get(arg_at)?) + 1
                }
            }
        };
        let arg = grpprl.get(arg_at..arg_at + len)?;
        at = arg_at + len;
        Some((sprm, arg))
    })
}

/// Word's characters → paragraphs: deleted runs dropped, fields shown by their result, table
/// cells joined by a tab, one paragraph or row per entry with its heading level.
pub(crate) fn paragraphs(doc: &DocText) -> Vec<(String, Option<u8>)> {
    let mut deleted_runs = doc.deleted.clone();
    deleted_runs.sort_unstable();
    let deleted = |fc: u32| -> bool {
        let i = deleted_runs.partition_point(|&(s, _)| s <= fc);
        i > 0 && deleted_runs[i - 1].1 > fc
    };
    let mut para_props = doc.paragraphs.clone();
    para_props.sort_by_key(|&(s, _, _)| s);
    let level_at = |fc: u32| -> Option<u8> {
        let i = para_props.partition_point(|&(s, _, _)| s <= fc);
        (i > 0 && para_props[i - 1].1 > fc)
            .then(|| para_props[i - 1].2)
            .flatten()
    };

    let mut out = Vec::new();
    let mut current = String::new();
    // Field nesting: true once the field's separator has been passed (its result shows).
    let mut fields: Vec<bool> = Vec::new();
    let mut after_cell = false;
    for &(c, fc) in &doc.chars {
        if !deleted_runs.is_empty() && deleted(fc) {
            continue;
        }
        match c {
            '\u{13}' => {
                fields.push(false);
                continue;
            }
            '\u{14}' => {
                if let Some(top) = fields.last_mut() {
                    *top = true;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ => {}
        }
        if fields.iter().any(|shown| !shown) {
            continue;
        }
        let cell_end = c == '\u{7}';
        match c {
            '\r' | '\u{c}' => {
                out.push((std::mem::take(&mut current), level_at(fc)));
            }
            '\u{7}' if after_cell => {
                // The row's end mark follows its last cell's mark.
                let row = std::mem::take(&mut current);
                out.push((row.trim_end_matches('\t').to_owned(), None));
            }
            '\u{7}' => current.push('\t'),
            '\u{b}' => current.push('\n'),
            '\t' => current.push('\t'),
            '\u{1e}' => current.push('-'),
            '\u{a0}' => current.push(' '),
            c if c < ' ' || c == '\u{1f}' => {}
            c => current.push(c),
        }
        after_cell = cell_end;
    }
    if !current.trim().is_empty() {
        out.push((current, None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> DocText {
        DocText {
            chars: text.chars().zip((0u32..).map(|i| 1024 + i * 2)).collect(),
            deleted: Vec::new(),
            paragraphs: Vec::new(),
        }
    }

    #[test]
    fn fields_show_their_result_and_tables_their_rows() {
        let d = doc(
            "共\u{13} PAGE \u{14}3\u{15}页\r名称\u{7}数量\u{7}\u{7}复议\u{7}142\u{7}\u{7}末段\r",
        );
        let p: Vec<String> = paragraphs(&d).into_iter().map(|(t, _)| t).collect();
        assert_eq!(p, ["共3页", "名称\t数量", "复议\t142", "末段"]);
    }

    #[test]
    fn deleted_runs_are_dropped_and_headings_hinted() {
        let mut d = doc("一、总体情况\r受理120件\r");
        // "120" (chars 9..12) is a deletion; the first paragraph (chars 0..7) is Heading 1.
        let fc = |i: u32| 1024 + i * 2;
        d.deleted = vec![(fc(9), fc(12))];
        d.paragraphs = vec![(fc(0), fc(7), Some(1)), (fc(7), fc(14), None)];
        let p = paragraphs(&d);
        assert_eq!(p[0], ("一、总体情况".to_owned(), Some(1)));
        assert_eq!(p[1], ("受理件".to_owned(), None));
    }

    #[test]
    fn sprm_operands_are_sized_by_their_kind() {
        // sprmCFRMarkDel (1 byte), sprmPOutLvl (1 byte), a 4-byte and a variable one.
        let g = [
            0x00, 0x08, 0x01, 0x40, 0x26, 0x02, 0x00, 0x60, 1, 2, 3, 4, 0x15, 0xC6, 2, 9, 9,
        ];
        let got: Vec<(u16, usize)> = sprms(&g).map(|(s, a)| (s, a.len())).collect();
        assert_eq!(got, [(0x0800, 1), (0x2640, 1), (0x6000, 4), (0xC615, 3)]);
        assert_eq!(
            sprms(&[0x00, 0x60, 1]).count(),
            0,
            "a cut operand ends the list"
        );
    }

    #[test]
    fn a_piece_past_the_end_is_an_error() {
        // Clx: one Pcdt with one piece of 100 characters at offset 4000 of a 100-byte stream.
        let mut table = vec![2u8];
        table.extend_from_slice(&16u32.to_le_bytes());
        table.extend_from_slice(&0u32.to_le_bytes());
        table.extend_from_slice(&100u32.to_le_bytes());
        table.extend_from_slice(&[0, 0]);
        table.extend_from_slice(&4000u32.to_le_bytes());
        table.extend_from_slice(&[0, 0]);
        let fib = Fib {
            encrypted: false,
            table_stream: "0Table",
            ccp_text: 100,
            clx: (0, u32::try_from(table.len()).unwrap_or(0)),
            plcf_bte_chpx: (0, 0),
            plcf_bte_papx: (0, 0),
        };
        let err = read(
            &[0u8; 100],
            &table,
            &fib,
            &Deadline::after(std::time::Duration::from_secs(5)),
        )
        .expect_err("past the end");
        assert_eq!(err.code(), "import.corrupt_doc");
    }
}
