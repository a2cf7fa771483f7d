//! What a page will cost to parse, counted in one pass over the source before html5ever sees it.
//!
//! html5ever checks every new attribute against the element's earlier ones, so an element with
//! n attributes costs n²/2 comparisons: 1,000,000 attributes (7.9 MB) ran for minutes, and the
//! import's deadline is only checked between html5ever's calls. And a DOM node costs the better
//! part of a kilobyte: a 9.5 MB table of tiny cells took 908 MB. A real report page has a few
//! thousand elements with a handful of attributes each; pages far past that are refused here.
//! It must stay linear and allocation-free, and count at least what the tokenizer will see.

use crate::ImportError;

/// Elements in one page (a portal page has 1,000–10,000).
pub(crate) const MAX_ELEMENTS: usize = 50_000;
/// Attributes on one element (real ones have under 20).
pub(crate) const MAX_ATTRIBUTES: usize = 256;
/// Attributes in the whole page (bounds the tokenizer's duplicate checks in total).
pub(crate) const MAX_TOTAL_ATTRIBUTES: usize = 200_000;

/// Refuse a page past any of the bounds above.
pub(crate) fn check(source: &str) -> Result<(), ImportError> {
    let bytes = source.as_bytes();
    let mut elements = 0usize;
    let mut total_attributes = 0usize;
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        elements += 1;
        if elements > MAX_ELEMENTS {
            return Err(ImportError::TooComplex("元素超过五万个"));
        }
        let (attributes, end) = attributes_of(bytes, i);
        if attributes > MAX_ATTRIBUTES {
            return Err(ImportError::TooComplex("一个元素有数百个属性"));
        }
        total_attributes += attributes;
        if total_attributes > MAX_TOTAL_ATTRIBUTES {
            return Err(ImportError::TooComplex("属性超过二十万个"));
        }
        i = end;
    }
    Ok(())
}

/// The attributes of the start tag whose name begins at `start`, and where the tag ends (just
/// past `>`, or the end of the source). Quotes count only around a value (after `=`), as the
/// tokenizer reads them; a quote elsewhere is part of a name.
fn attributes_of(bytes: &[u8], start: usize) -> (usize, usize) {
    let mut i = start;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
        i += 1;
    }
    let mut count = 0usize;
    // In a name; after a name and spaces (an `=` may still follow); after `=`.
    let (mut in_name, mut after_name, mut want_value) = (false, false, false);
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        match b {
            b'>' => return (count, i),
            b'=' if in_name || after_name => {
                (in_name, after_name, want_value) = (false, false, true);
            }
            _ if is_space(b) => {
                after_name |= in_name;
                in_name = false;
            }
            b'"' | b'\'' if want_value => {
                match bytes[i..].iter().position(|&c| c == b) {
                    Some(n) => i += n + 1,
                    None => return (count, bytes.len()),
                }
                want_value = false;
            }
            _ if want_value => {
                // An unquoted value runs to the next space or `>`.
                while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                    i += 1;
                }
                want_value = false;
            }
            b'/' => (in_name, after_name) = (false, false),
            _ if in_name => {}
            _ => {
                count += 1;
                (in_name, after_name) = (true, false);
            }
        }
    }
    (count, i)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_counted_as_the_tokenizer_sees_them() {
        let tag = |s: &str| attributes_of(s.as_bytes(), 1).0;
        assert_eq!(tag("<p>"), 0);
        assert_eq!(tag("<p class=\"a b c\" id=x>"), 2);
        assert_eq!(tag("<p a = 'x>y' b>"), 2, "a quoted > does not end the tag");
        assert_eq!(tag("<p \"a \"b c>"), 3, "a quote outside a value is a name");
        assert_eq!(tag("<input disabled checked/>"), 2);
    }

    #[test]
    fn an_ordinary_page_passes() {
        let page = "<html><head><meta charset=\"utf-8\"><title>示例</title></head><body>\
                    <div class=\"article\" id=\"zoom\"><p style=\"text-indent:2em\">示例市。</p>\
                    <script>if (a<b && c>d) {}</script></div></body></html>";
        assert!(check(page).is_ok());
    }

    #[test]
    fn absurd_pages_are_refused_in_linear_time() {
        let started = std::time::Instant::now();
        let mut many = String::from("<p");
        for i in 0..1_000_000 {
            many.push_str(&format!(" a{i}"));
        }
        many.push('>');
        let err = check(&many).expect_err("a million attributes");
        assert_eq!(err.code(), "import.too_complex");
        let cells = "<td>1</td>".repeat(MAX_ELEMENTS + 1);
        assert_eq!(
            check(&cells).expect_err("too many elements").code(),
            "import.too_complex"
        );
        let spread = "<p a b c d e f g h i j>".repeat(MAX_TOTAL_ATTRIBUTES / 10 + 1);
        assert_eq!(
            check(&spread).expect_err("too many attributes").code(),
            "import.too_complex"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }
}
