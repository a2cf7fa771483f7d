//! Reads `word/document.xml` as lines: one per paragraph in document order, one per table row
//! (cells joined by a tab), with the paragraph's heading level (direct `w:outlineLvl`, else its
//! style's) as a hint. Soft breaks split lines; deleted and moved-away text and the VML
//! fallback copies of text boxes are skipped so nothing is read twice.
//! It must never recurse on the XML (it streams events) and never keep more than one table row.

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

use super::numbering::Numbering;
use super::styles::{NumRef, StyleSheet, attr, outline_level};
use crate::ImportError;
use crate::limits::{Deadline, Limits, megabytes};

type Line = (String, Option<u8>);

/// Subtrees whose text is not part of the document as it reads now.
const SKIPPED: &[&[u8]] = &[b"Fallback", b"moveFrom", b"del", b"instrText", b"delText"];

#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    style_id: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

#[derive(Debug)]
struct Walk<'a> {
    styles: &'a StyleSheet,
    numbering: &'a mut Numbering,
    lines: Vec<Line>,
    paragraphs: Vec<Paragraph>,
    table_depth: usize,
    row: Vec<String>,
    cell: Option<String>,
    in_text: bool,
    in_ppr: usize,
    /// Bytes of text read so far: a small zip can expand to more text than any report
    /// ([`Limits::max_text_bytes`]), which must stop here, not after it is all in memory.
    read: usize,
}

impl Walk<'_> {
    fn append(&mut self, s: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            self.read += s.len();
            p.text.push_str(s);
        }
    }

    /// Refuse the document once it has read more text or lines than any import may produce.
    fn within_limits(&self) -> Result<(), ImportError> {
        let limits = Limits::DEFAULT;
        let read = u64::try_from(self.read).unwrap_or(u64::MAX);
        if read > limits.max_text_bytes || self.lines.len() > limits.max_text_lines {
            return Err(ImportError::TooMuchText {
                size_mb: megabytes(read),
                lines: self.lines.len(),
                limit_mb: megabytes(limits.max_text_bytes),
                limit_lines: limits.max_text_lines,
            });
        }
        Ok(())
    }

    fn end_paragraph(&mut self) {
        let Some(mut p) = self.paragraphs.pop() else {
            return;
        };
        let style_num = p
            .style_id
            .as_ref()
            .and_then(|id| self.styles.numbering.get(id))
            .cloned();
        let num = match p.num_id.take() {
            Some(num_id) => Some(NumRef {
                num_id,
                ilvl: p.ilvl.or(style_num.as_ref().map(|n| n.ilvl)).unwrap_or(0),
            }),
            None => style_num,
        };
        if let Some(num) = num.filter(|n| n.num_id != "0")
            && !p.text.trim().is_empty()
            && let Some(label) = self.numbering.next_label(&num)
        {
            p.text.insert_str(0, &label);
        }
        if self.table_depth > 0 {
            if let Some(cell) = self.cell.as_mut() {
                let text = p.text.replace('\n', " ");
                let text = text.trim();
                if !text.is_empty() {
                    if !cell.is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(text);
                }
            }
            return;
        }
        let style_level = p
            .style_id
            .as_ref()
            .and_then(|id| self.styles.levels.get(id))
            .copied();
        let level = p.outline.or(style_level);
        self.lines.push((p.text, level));
    }

    fn end_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        if row.iter().any(|c| !c.trim().is_empty()) {
            let cells: Vec<String> = row
                .iter()
                .map(|c| c.replace('\t', " ").trim().to_owned())
                .collect();
            self.lines.push((cells.join("\t"), None));
        }
    }
}

pub(crate) fn paragraphs(
    xml: &[u8],
    styles: &StyleSheet,
    numbering: &mut Numbering,
    deadline: &Deadline,
) -> Result<Vec<Line>, ImportError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut walk = Walk {
        styles,
        numbering,
        lines: Vec::new(),
        paragraphs: Vec::new(),
        table_depth: 0,
        row: Vec::new(),
        cell: None,
        in_text: false,
        in_ppr: 0,
        read: 0,
    };
    let mut skip_depth = 0usize;
    let mut steps = 0usize;
    loop {
        steps += 1;
        if steps.is_multiple_of(4096) {
            deadline.check()?;
            walk.within_limits()?;
        }
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| ImportError::MalformedXml(e.to_string()))?;
        if skip_depth > 0 {
            match &event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
            continue;
        }
        match &event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if SKIPPED.contains(&name) {
                    skip_depth = 1;
                } else {
                    match name {
                        b"p" => walk.paragraphs.push(Paragraph::default()),
                        b"pPr" => walk.in_ppr += 1,
                        b"t" => walk.in_text = true,
                        b"tbl" => walk.table_depth += 1,
                        b"tr" if walk.table_depth == 1 => walk.row.clear(),
                        b"tc" if walk.table_depth == 1 => walk.cell = Some(String::new()),
                        _ => {}
                    }
                }
            }
            Event::Empty(e) => match e.local_name().as_ref() {
                b"pStyle" if walk.in_ppr > 0 => {
                    if let Some(p) = walk.paragraphs.last_mut() {
                        p.style_id = attr(e, b"val");
                    }
                }
                b"numId" if walk.in_ppr > 0 => {
                    if let Some(p) = walk.paragraphs.last_mut() {
                        p.num_id = attr(e, b"val");
                    }
                }
                b"ilvl" if walk.in_ppr > 0 => {
                    if let Some(p) = walk.paragraphs.last_mut() {
                        p.ilvl = attr(e, b"val").and_then(|v| v.trim().parse().ok());
                    }
                }
                b"outlineLvl" if walk.in_ppr > 0 => {
                    let level = attr(e, b"val").and_then(|v| outline_level(&v));
                    if let Some(p) = walk.paragraphs.last_mut() {
                        p.outline = level;
                    }
                }
                b"tab" if walk.in_ppr == 0 => walk.append("\t"),
                b"br" | b"cr" if walk.in_ppr == 0 => walk.append("\n"),
                b"noBreakHyphen" => walk.append("-"),
                b"p" => {}
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"p" => walk.end_paragraph(),
                b"pPr" => walk.in_ppr = walk.in_ppr.saturating_sub(1),
                b"t" => walk.in_text = false,
                b"tc" if walk.table_depth == 1 => {
                    if let Some(cell) = walk.cell.take() {
                        walk.row.push(cell);
                    }
                }
                b"tr" if walk.table_depth == 1 => walk.end_row(),
                b"tbl" => walk.table_depth = walk.table_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if walk.in_text => {
                let s = t
                    .xml10_content()
                    .map_err(|e| ImportError::MalformedXml(e.to_string()))?;
                walk.append(&s);
            }
            Event::CData(t) if walk.in_text => {
                let s = String::from_utf8_lossy(t.as_ref()).into_owned();
                walk.append(&s);
            }
            Event::GeneralRef(r) if walk.in_text => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => r
                        .decode()
                        .ok()
                        .and_then(|name| resolve_predefined_entity(&name).map(str::to_owned)),
                    Err(e) => return Err(ImportError::MalformedXml(e.to_string())),
                };
                if let Some(s) = resolved {
                    walk.append(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    walk.within_limits()?;
    Ok(walk.lines)
}

/// The target of the first relationship whose type ends with `type_suffix` (`_rels/.rels`).
pub(crate) fn relationship_target(rels: &[u8], type_suffix: &str) -> Option<String> {
    let mut reader = Reader::from_reader(rels);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.local_name().as_ref() == b"Relationship"
                    && attr(&e, b"Type").is_some_and(|t| t.ends_with(type_suffix)) =>
            {
                return attr(&e, b"Target");
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
        buf.clear();
    }
}
