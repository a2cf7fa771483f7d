//! A cheap scan of a page's tag nesting before html5ever sees it: html5ever's tree building is
//! quadratic in nesting depth (50,000 nested `<div>`s take seconds), and a parse cannot be
//! interrupted, so pathologically deep pages are refused up front. Browsers cap depth too
//! (Blink at 512).
//! It must never be used to understand a page: it only over-estimates depth, cheaply.

/// Pages nested deeper than this are refused.
pub(crate) const MAX_DEPTH: usize = 4096;

/// Elements that never hold children or whose end tag is implied by the next sibling: they do
/// not deepen the tree, whatever the markup says.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "param",
];

/// The deepest nesting of start tags the markup asks for (an upper bound on the DOM's depth).
pub(crate) fn estimated_depth(source: &str) -> usize {
    let bytes = source.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(offset) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        i += offset + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let name_len = bytes.get(start..).map_or(0, |rest| {
            rest.iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
        });
        if name_len == 0 || !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name = source
            .get(start..start + name_len)
            .unwrap_or_default()
            .to_ascii_lowercase();
        if FLAT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_page_is_shallow() {
        let page =
            "<html><body><div class=a><p>一<p>二<br><img src=x><div>三</div></div></body></html>";
        assert_eq!(
            estimated_depth(page),
            4,
            "html, body, div, div: p/br/img do not nest"
        );
    }

    #[test]
    fn nested_divs_are_counted() {
        let page = format!("{}x{}", "<div>".repeat(5000), "</div>".repeat(5000));
        assert_eq!(
            estimated_depth(&page),
            5000,
            "each unclosed div deepens the tree"
        );
    }

    #[test]
    fn text_with_angle_brackets_is_not_a_tag() {
        assert_eq!(
            estimated_depth("a < b, 1<2, <<>>, </ >"),
            0,
            "only '<' + letter opens a tag"
        );
    }
}
