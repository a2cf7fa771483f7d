//! The portal's label block (信息名称, 索引号, 文号, 发布机构, 成文日期 …) that sits outside the
//! article on a government page: kept as lines before the article, so that the parser reads the
//! title, document number, issuer and date from it (it reads them as front matter, never as
//! report text). The keys are data (`label_keys` in `data/html_chrome.toml`).

use scraper::ElementRef;

use super::chrome::chrome;
use super::render::{self, Line};
use crate::ImportError;
use crate::limits::Deadline;

/// A label block is short: an element with more text than this is not one (room for a
/// 内容概述 summary cell of a few paragraphs).
const MAX_BLOCK_CHARS: usize = 4000;
/// Keys a block needs to be a label block.
const MIN_KEYS: usize = 2;

/// The label block's lines (only those naming a key), or none.
pub(crate) fn lines(
    root: ElementRef<'_>,
    container: ElementRef<'_>,
    deadline: &Deadline,
) -> Result<Vec<Line>, ImportError> {
    if container.id() == root.id() {
        return Ok(Vec::new());
    }
    let keys = &chrome().label_keys;
    // The container's ancestors hold the article: never a label block.
    let around: Vec<_> = container.ancestors().map(|a| a.id()).collect();
    let mut best: Option<(usize, usize, ElementRef<'_>)> = None;
    for (step, node) in root.descendants().enumerate() {
        if step.is_multiple_of(4096) {
            deadline.check()?;
        }
        if node.id() == container.id() {
            break;
        }
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        if around.contains(&el.id()) {
            continue;
        }
        if !matches!(
            el.value().name(),
            "table" | "tbody" | "div" | "ul" | "dl" | "section" | "ol"
        ) {
            continue;
        }
        let Some(text) = short_text(el) else {
            continue;
        };
        let found = keys.iter().filter(|k| text.contains(k.as_str())).count();
        if found < MIN_KEYS {
            continue;
        }
        let len = text.chars().count();
        let better = best
            .as_ref()
            .is_none_or(|(f, l, _)| found > *f || (found == *f && len < *l));
        if better && !render::inside_chrome(el) {
            best = Some((found, len, el));
        }
    }
    let Some((_, _, block)) = best else {
        return Ok(Vec::new());
    };
    Ok(render::lines(block, deadline)?
        .into_iter()
        .filter(|(l, _)| keys.iter().any(|k| l.contains(k.as_str())))
        .map(|(l, _)| (l, None))
        .collect())
}

/// The element's text, or `None` past [`MAX_BLOCK_CHARS`] (counted as it is read).
fn short_text(el: ElementRef<'_>) -> Option<String> {
    let mut text = String::new();
    let mut n = 0;
    for t in el.text() {
        n += t.chars().count();
        if n > MAX_BLOCK_CHARS {
            return None;
        }
        text.push_str(t);
    }
    Some(text)
}
