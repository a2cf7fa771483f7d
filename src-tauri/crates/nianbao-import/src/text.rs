//! The .txt importer: decode (see [`crate::encoding`]) and normalise line ends, nothing more.
//! It must keep EVERY line, blank ones included, so line numbers match what the drafter sees in
//! an editor; it never trims, re-flows or drops text — the parser decides what is blank.

use crate::encoding;
use crate::limits::{Limits, megabytes};
use crate::{ImportError, ImportedText, SourceFormat};

pub(crate) fn import(bytes: &[u8]) -> Result<ImportedText, ImportError> {
    import_with(bytes, &Limits::DEFAULT)
}

/// Decode under `limits`: a file that cannot fit [`Limits::max_text_bytes`] whatever its
/// encoding (every encoding read here takes at least one byte for each two of UTF-8) is refused
/// before it is decoded.
pub(crate) fn import_with(bytes: &[u8], limits: &Limits) -> Result<ImportedText, ImportError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size / 2 > limits.max_text_bytes {
        return Err(ImportError::TooMuchText {
            size_mb: megabytes(size),
            lines: bytes.iter().filter(|&&b| b == b'\n').count() + 1,
            limit_mb: megabytes(limits.max_text_bytes),
            limit_lines: limits.max_text_lines,
        });
    }
    let decoded = encoding::decode(bytes, None)?;
    let encoding = decoded.encoding.to_owned();
    let text = normalise_line_ends(&decoded.text);
    // Two copies of the text at once at most.
    drop(decoded);
    Ok(ImportedText {
        text,
        format: SourceFormat::Text,
        encoding,
        heading_hints: Vec::new(),
    })
}

/// CRLF and lone CR become LF; a leading U+FEFF (a BOM that survived decoding, e.g. GB18030's)
/// is dropped. Everything else is kept as it is.
pub(crate) fn normalise_line_ends(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(
            normalise_line_ends("一\r\n二\r三\n四"),
            "一\n二\n三\n四",
            "all three line ends"
        );
    }

    #[test]
    fn blank_and_indented_lines_are_kept() {
        let t = import("标题\n\n\u{3000}\u{3000}正文。\n".as_bytes()).expect("imports");
        assert_eq!(
            t.text, "标题\n\n\u{3000}\u{3000}正文。\n",
            "line numbers depend on every line"
        );
        assert_eq!(t.format, SourceFormat::Text);
    }

    #[test]
    fn gb18030_bom_is_dropped() {
        let mut bytes = vec![0x84, 0x31, 0x95, 0x33];
        let (body, _, _) = encoding_rs::GB18030.encode("示例市二〇二三年法治政府建设年度报告");
        bytes.extend_from_slice(&body);
        let t = import(&bytes).expect("GB18030 with its BOM imports");
        assert_eq!(
            t.text, "示例市二〇二三年法治政府建设年度报告",
            "the BOM is never text"
        );
    }
}
