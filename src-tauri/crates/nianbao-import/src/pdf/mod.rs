//! The PDF importer: the text layer read through `pdf_oxide` (fonts' ToUnicode maps, lines with
//! their boxes), then laid out again as a drafter reads it: running headers, footers and page
//! numbers dropped, two-column pages read column by column, lines re-joined into paragraphs
//! (no space at a Chinese line break), the spaces PDF writers put around digits removed.
//! It must never return the text of a page it could not decrypt, and never hang: the deadline is
//! checked between pages, and `pdf_oxide` bounds what one stream may inflate to.

mod layout;

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_oxide::PdfDocument;

use crate::limits::Deadline;
use crate::{ImportError, ImportedText, SourceFormat, assemble};

use layout::{Line, PageLines, paragraphs};

/// Pages beyond this are not read: no annual report has them, and each page costs time.
const MAX_PAGES: usize = 2000;

pub(crate) fn import(bytes: &[u8], deadline: &Deadline) -> Result<ImportedText, ImportError> {
    // `pdf_oxide` can panic on a damaged file (found by the bit-flip property test): that is a
    // corrupt PDF, or a page without text, not an internal error.
    let doc = catch_unwind(AssertUnwindSafe(|| PdfDocument::from_bytes(bytes.to_vec())))
        .unwrap_or_else(|_| Err(pdf_oxide::Error::InvalidPdf("unreadable structure".into())))
        .map_err(open_error)?;
    if doc.is_encrypted() && !doc.is_authenticated() {
        return Err(ImportError::Encrypted);
    }
    let count = doc.page_count().map_err(open_error)?;
    let mut pages = Vec::with_capacity(count.min(MAX_PAGES));
    let mut unreadable_pages = 0usize;
    for page in 0..count.min(MAX_PAGES) {
        deadline.check()?;
        let (x0, _, x1, _) = doc
            .get_page_media_box(page)
            .unwrap_or((0.0, 0.0, 595.0, 842.0));
        // A page whose content cannot be read loses its text, not the whole document.
        let lines = match catch_unwind(AssertUnwindSafe(|| doc.extract_text_lines(page))) {
            Ok(Ok(lines)) => lines,
            _ => {
                unreadable_pages += 1;
                Vec::new()
            }
        };
        let lines = lines
            .iter()
            .flat_map(|l| {
                let words: Vec<layout::Word> = l
                    .words
                    .iter()
                    .map(|w| layout::Word {
                        x: w.bbox.x,
                        width: w.bbox.width,
                        size: w.avg_font_size.max(w.bbox.height),
                        text: w.text.clone(),
                    })
                    .collect();
                Line::from_words(l.bbox.y, l.bbox.height, &words, Some((x0 + x1) / 2.0))
            })
            .collect();
        pages.push(PageLines {
            width: (x1 - x0).abs(),
            left: x0.min(x1),
            lines,
        });
    }
    if pages.iter().all(|p| p.lines.is_empty()) {
        // No text: a scan, unless the file is cut short (a download that stopped) or has no
        // pages at all — then saying "a scan" would send the drafter the wrong way.
        if count == 0 {
            return Err(ImportError::CorruptPdf("没有页面 (no pages)".to_owned()));
        }
        if unreadable_pages > 0 {
            return Err(ImportError::CorruptPdf(format!(
                "{unreadable_pages} 页的内容无法解析，也没有读到文字 \
                 ({unreadable_pages} page(s) unreadable, no text)"
            )));
        }
        if !ends_like_a_pdf(bytes) {
            return Err(ImportError::CorruptPdf(
                "文件不完整，可能没有下载完 (the file is cut short: no %%EOF)".to_owned(),
            ));
        }
        return Err(ImportError::ScannedPdf);
    }
    deadline.check()?;
    assemble(paragraphs(pages), SourceFormat::Pdf, "UTF-8")
}

/// Whether `%%EOF` is in the last 2 KB (writers may put a few bytes after it).
fn ends_like_a_pdf(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

fn open_error(e: pdf_oxide::Error) -> ImportError {
    match e {
        pdf_oxide::Error::EncryptedPdf => ImportError::Encrypted,
        other => {
            let mut reason = other.to_string();
            if reason.len() > 200 {
                let cut = (0..=200)
                    .rev()
                    .find(|&i| reason.is_char_boundary(i))
                    .unwrap_or(0);
                reason.truncate(cut);
            }
            ImportError::CorruptPdf(reason.replace('\n', " "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_file_is_not_called_a_scan() {
        assert!(ends_like_a_pdf(b"%PDF-1.7\n...\n%%EOF\n"));
        assert!(ends_like_a_pdf(b"%PDF-1.7\n...\n%%EOF\r\n\0\0"));
        assert!(!ends_like_a_pdf(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"));
    }
}
