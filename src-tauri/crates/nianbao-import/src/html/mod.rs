//! The saved-web-page importer: decode (the page's `<meta charset>` first), find the article
//! (the deepest element holding most of the page's sentence ends 。！？), render it as lines with
//! `<h1>`–`<h4>` as heading hints, and drop portal chrome (see `data/html_chrome.toml`).
//! It must never return markup: the output is plain text, and scripts/styles are never read.

mod chrome;
mod cost;
mod depth;
mod labels;
mod render;

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};

use crate::limits::Deadline;
use crate::text::normalise_line_ends;
use crate::{ImportError, ImportedText, SourceFormat, assemble, encoding};
use chrome::chrome;

pub(crate) fn import(bytes: &[u8], deadline: &Deadline) -> Result<ImportedText, ImportError> {
    let decoded = encoding::decode(bytes, encoding::declared_charset(bytes))?;
    let source = normalise_line_ends(&decoded.text);
    if depth::estimated_depth(&source) > depth::MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    cost::check(&source)?;
    let document = Html::parse_document(&source);
    deadline.check()?;
    let root = body(&document);
    let container = article_container(root, deadline)?;
    let mut lines = Vec::new();
    if !render::has_heading(container)
        && let Some(title) = title_before(&document, root, container)
    {
        lines.push(title);
    }
    lines.extend(render::lines(container, deadline)?);
    let chrome = chrome();
    lines.retain(|(line, _)| !chrome.is_chrome_line(line.trim()));
    let lines = {
        let mut with_labels = labels::lines(root, container, deadline)?;
        with_labels.extend(lines);
        with_labels
    };
    assemble(lines, SourceFormat::Html, decoded.encoding)
}

/// `<body>`, or the document root for a fragment without one.
fn body(document: &Html) -> ElementRef<'_> {
    document
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or_else(|| document.root_element())
}

fn sentence_ends(text: &str) -> usize {
    text.chars()
        .filter(|c| matches!(c, '。' | '！' | '？'))
        .count()
}

/// Elements that hold one paragraph (or less): never the article container, however many of the
/// page's sentences one long paragraph holds (its siblings are the article's other paragraphs).
const PARAGRAPH_TAGS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "span", "font", "strong", "b", "em",
    "a",
];

/// The deepest element that still holds `container_share` of the page's sentence ends, never a
/// single paragraph ([`PARAGRAPH_TAGS`]). Skipped
/// tags (scripts, nav) do not count; class-marked chrome does, so the article's own wrapper can
/// never be ruled out by an unlucky class name.
fn article_container<'a>(
    root: ElementRef<'a>,
    deadline: &Deadline,
) -> Result<ElementRef<'a>, ImportError> {
    let chrome = chrome();
    let mut counts: HashMap<NodeId, usize> = HashMap::new();
    let mut stack: Vec<(NodeRef<'a, Node>, bool)> = vec![(*root, false)];
    let mut steps = 0usize;
    // Iterative post-order: deep pages must not overflow the stack.
    while let Some((node, children_done)) = stack.pop() {
        steps += 1;
        if steps.is_multiple_of(4096) {
            deadline.check()?;
        }
        if children_done {
            let own: usize = node
                .children()
                .map(|c| match c.value() {
                    Node::Text(t) => sentence_ends(t),
                    Node::Element(_) => counts.get(&c.id()).copied().unwrap_or(0),
                    _ => 0,
                })
                .sum();
            counts.insert(node.id(), own);
            continue;
        }
        stack.push((node, true));
        for child in node.children() {
            if let Node::Element(e) = child.value()
                && !chrome.skips_tag(e.name())
            {
                stack.push((child, false));
            }
        }
    }
    let total = counts.get(&root.id()).copied().unwrap_or(0);
    if total < 3 {
        return Ok(root);
    }
    let needed = (total as f64 * chrome.container_share).ceil() as usize;
    let mut current = root;
    loop {
        let next = current.children().filter_map(ElementRef::wrap).find(|c| {
            counts.get(&c.id()).copied().unwrap_or(0) >= needed
                && !PARAGRAPH_TAGS.contains(&c.value().name())
        });
        match next {
            Some(child) => current = child,
            None => return Ok(current),
        }
    }
}

/// The article title when it sits outside the container: the last `<h1>`–`<h3>` before it that
/// is not in chrome, else the page `<title>` without its site suffix.
fn title_before(
    document: &Html,
    root: ElementRef<'_>,
    container: ElementRef<'_>,
) -> Option<(String, Option<u8>)> {
    if container.id() == root.id() {
        return None;
    }
    let mut best: Option<(String, Option<u8>)> = None;
    for node in root.descendants() {
        if node.id() == container.id() {
            break;
        }
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let level = match el.value().name() {
            "h1" => 1,
            "h2" => 2,
            "h3" => 3,
            _ => continue,
        };
        if render::inside_chrome(el) {
            continue;
        }
        let text = render::inline_text(el);
        if text.chars().count() >= 4 {
            best = Some((text, Some(level)));
        }
    }
    best.or_else(|| page_title(document).map(|t| (t, Some(1))))
}

fn page_title(document: &Html) -> Option<String> {
    let title = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "title")?;
    let text = render::inline_text(title);
    let cut = text
        .split(['_', '|'])
        .next()
        .unwrap_or_default()
        .split(" - ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    (cut.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) && cut.chars().count() >= 4)
        .then_some(cut)
}

#[cfg(test)]
mod tests;
