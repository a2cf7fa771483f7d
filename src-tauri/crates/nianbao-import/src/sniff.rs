//! Which importer a file goes to, decided by its first bytes; the file name is only a tie-break.
//! It must never decide by extension alone: a .txt that is really a .docx is a .docx.

use encoding_rs::Encoding;

/// What the first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    Zip,
    Html,
    Text,
    /// `%PDF-` in the first kilobyte (writers may put junk before it).
    Pdf,
    /// An OLE2 compound file: .doc, .wps, .xls, .et or an encrypted Office file.
    Compound,
    /// Named .wps/.et but neither a compound file nor a zip: an old WPS format.
    OldWps,
    /// A format we recognise but do not import; the label names it for the user.
    Unsupported(&'static str),
}

const SNIFF_WINDOW: usize = 2048;

pub(crate) fn sniff(bytes: &[u8], name_hint: Option<&str>) -> Sniffed {
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(b"PK\x07\x08")
    {
        return Sniffed::Zip;
    }
    if bytes.starts_with(&crate::doc::CFB_MAGIC) {
        return Sniffed::Compound;
    }
    if bytes.starts_with(b"%PDF-") || find(&bytes[..bytes.len().min(1024)], b"%PDF-") {
        return Sniffed::Pdf;
    }
    if name_hint.is_some_and(has_wps_extension) {
        return Sniffed::OldWps;
    }
    if bytes.starts_with(b"{\\rtf") {
        return Sniffed::Unsupported("RTF 文件");
    }
    let head = ascii_head(bytes);
    let trimmed = head.trim_start();
    if trimmed.starts_with("mime-version:") {
        return Sniffed::Unsupported("MHT 网页归档");
    }
    if trimmed.starts_with('<') {
        if trimmed.contains("<html") || trimmed.contains("<!doctype html") {
            return Sniffed::Html;
        }
        if name_hint.is_some_and(has_html_extension) {
            return Sniffed::Html;
        }
    }
    Sniffed::Text
}

/// The first bytes as lower-case text: UTF-16 (with a BOM) decoded, other bytes read as ASCII
/// (non-ASCII bytes become U+FFFD, which never matches a marker).
fn ascii_head(bytes: &[u8]) -> String {
    let window = &bytes[..bytes.len().min(SNIFF_WINDOW)];
    let text = match Encoding::for_bom(window) {
        Some((enc, bom)) => enc
            .decode_without_bom_handling(&window[bom..])
            .0
            .into_owned(),
        None => String::from_utf8_lossy(window).into_owned(),
    };
    text.to_ascii_lowercase()
}

pub(crate) fn has_html_extension(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml")
}

fn find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// WPS's own extensions (.wps text, .et sheets, .wpt/.ett templates).
pub(crate) fn has_wps_extension(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".wps", ".wpt", ".et", ".ett"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// A name that says spreadsheet: decides that a comma-separated text is read as a table.
pub(crate) fn has_csv_extension(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".csv")
}

pub(crate) fn has_docx_extension(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".docx")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_magic_wins_over_a_txt_name() {
        assert_eq!(
            sniff(b"PK\x03\x04rest", Some("report.txt")),
            Sniffed::Zip,
            "content decides"
        );
    }

    #[test]
    fn doctype_or_html_tag_near_the_start_is_html() {
        assert_eq!(sniff(b"\n  <!DOCTYPE html><html>", None), Sniffed::Html);
        assert_eq!(
            sniff(b"\xEF\xBB\xBF<HTML><body>", None),
            Sniffed::Html,
            "after a BOM, any case"
        );
    }

    #[test]
    fn a_txt_that_mentions_html_later_is_text() {
        assert_eq!(
            sniff("一、总体情况\n<html> 标签".as_bytes(), None),
            Sniffed::Text,
            "must start with <"
        );
    }

    #[test]
    fn html_fragment_is_html_only_with_an_html_name() {
        assert_eq!(sniff(b"<div><p>x</p></div>", Some("a.htm")), Sniffed::Html);
        assert_eq!(sniff(b"<div><p>x</p></div>", Some("a.txt")), Sniffed::Text);
    }

    #[test]
    fn utf16_html_is_recognised() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "<html><body>示例</body></html>".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(
            sniff(&bytes, None),
            Sniffed::Html,
            "Save As 'Unicode' pages are UTF-16"
        );
    }

    #[test]
    fn pdf_compound_files_and_old_wps_by_content() {
        assert_eq!(sniff(b"%PDF-1.7", Some("a.txt")), Sniffed::Pdf);
        assert_eq!(
            sniff(b"\r\n%PDF-1.4\n", None),
            Sniffed::Pdf,
            "junk before the header"
        );
        assert_eq!(
            sniff(
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0],
                Some("x.txt")
            ),
            Sniffed::Compound
        );
        assert_eq!(
            sniff(b"WPS\x00\x01binary", Some("old.WPS")),
            Sniffed::OldWps
        );
        assert_eq!(sniff("一、总体".as_bytes(), Some("a.txt")), Sniffed::Text);
    }
}
