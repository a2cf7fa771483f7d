//! Renders the article element as lines: block elements and `<br>` end a line, `<h1>`–`<h4>`
//! become heading hints, table rows become one line of tab-joined cells (layout tables whose
//! cells hold paragraphs are flattened instead). Whitespace collapses as a browser would, except
//! that a line break between two Chinese characters joins them without a space.
//! It must never recurse on the DOM (deep pages would overflow the stack) and never emit markup.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

use super::chrome::chrome;
use crate::ImportError;
use crate::limits::Deadline;

/// A rendered line and its heading level, if it came from `<h1>`–`<h4>`.
pub(crate) type Line = (String, Option<u8>);

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "center",
    "hr",
    "form",
    "fieldset",
    "figure",
    "figcaption",
    "address",
    "header",
    "footer",
    "h5",
    "h6",
    "body",
    "html",
];

/// Cells longer than this are not a data table's cells but a layout table's content.
const MAX_JOINED_CELL: usize = 100;

#[derive(Debug, Default)]
struct Sink {
    lines: Vec<Line>,
    current: String,
    level: Option<u8>,
    pending_space: bool,
    pending_newline: bool,
}

impl Sink {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                if !self.current.is_empty() {
                    self.pending_space = true;
                    self.pending_newline |= c == '\n';
                }
                continue;
            }
            if self.pending_space {
                // A source line break inside a Chinese sentence is an editor's wrap, not a space.
                let prev_wide = self.current.chars().last().is_some_and(|p| !p.is_ascii());
                if !(self.pending_newline && prev_wide && !c.is_ascii()) {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.pending_newline = false;
            }
            self.current.push(c);
        }
    }

    fn break_line(&mut self) {
        let line = self.current.trim();
        if !line.is_empty() {
            self.lines.push((line.to_owned(), self.level));
        }
        self.current.clear();
        self.level = None;
        self.pending_space = false;
        self.pending_newline = false;
    }

    fn finish(mut self) -> Vec<Line> {
        self.break_line();
        self.lines
    }
}

/// What an opened element needs when it closes.
#[derive(Debug, Clone, Copy)]
enum Opened {
    Inline,
    Block,
    Heading,
    Row,
    Cell,
    Article,
}

pub(crate) fn lines(
    container: ElementRef<'_>,
    deadline: &Deadline,
) -> Result<Vec<Line>, ImportError> {
    let chrome = chrome();
    let mut sinks = vec![Sink::default()];
    let mut rows: Vec<Vec<Vec<Line>>> = Vec::new();
    let mut opened: Vec<Opened> = Vec::new();
    let mut skip_depth = 0usize;
    let mut article_depth = 0usize;
    for (step, edge) in container.traverse().enumerate() {
        if step.is_multiple_of(4096) {
            deadline.check()?;
        }
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if skip_depth == 0 => {
                    if let Some(sink) = sinks.last_mut() {
                        sink.push_text(t);
                    }
                }
                Node::Element(e) => {
                    if node.id() == container.id() {
                        continue;
                    }
                    if skip_depth > 0 {
                        skip_depth += 1;
                        continue;
                    }
                    let name = e.name();
                    let is_chrome = chrome.skips_tag(name)
                        || (chrome.is_page_level(name) && article_depth == 0)
                        || e.attr("class").is_some_and(|c| chrome.marks_chrome(c))
                        || e.attr("id").is_some_and(|c| chrome.marks_chrome(c));
                    if is_chrome {
                        skip_depth = 1;
                        continue;
                    }
                    let sink = sinks.last_mut();
                    let action = match (name, sink) {
                        ("br", Some(sink)) => {
                            sink.break_line();
                            Opened::Inline
                        }
                        ("h1" | "h2" | "h3" | "h4", Some(sink)) => {
                            sink.break_line();
                            sink.level = name[1..].parse().ok();
                            Opened::Heading
                        }
                        ("tr", Some(sink)) => {
                            sink.break_line();
                            rows.push(Vec::new());
                            Opened::Row
                        }
                        ("td" | "th", _) if !rows.is_empty() => {
                            sinks.push(Sink::default());
                            Opened::Cell
                        }
                        ("article" | "main", Some(sink)) => {
                            sink.break_line();
                            article_depth += 1;
                            Opened::Article
                        }
                        (_, Some(sink))
                            if BLOCK_TAGS.contains(&name) || name == "td" || name == "th" =>
                        {
                            sink.break_line();
                            Opened::Block
                        }
                        _ => Opened::Inline,
                    };
                    opened.push(action);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if !node.value().is_element() || node.id() == container.id() {
                    continue;
                }
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                match opened.pop() {
                    Some(Opened::Block | Opened::Heading) => {
                        if let Some(sink) = sinks.last_mut() {
                            sink.break_line();
                        }
                    }
                    Some(Opened::Article) => {
                        article_depth = article_depth.saturating_sub(1);
                        if let Some(sink) = sinks.last_mut() {
                            sink.break_line();
                        }
                    }
                    Some(Opened::Cell) => {
                        if sinks.len() > 1
                            && let Some(cell) = sinks.pop()
                            && let Some(row) = rows.last_mut()
                        {
                            row.push(cell.finish());
                        }
                    }
                    Some(Opened::Row) => {
                        if let (Some(row), Some(sink)) = (rows.pop(), sinks.last_mut()) {
                            sink.lines.extend(render_row(row));
                        }
                    }
                    Some(Opened::Inline) | None => {}
                }
            }
        }
    }
    // Unbalanced input cannot happen with html5ever's tree, but never lose text if it did.
    let mut out = Vec::new();
    for sink in sinks {
        out.extend(sink.finish());
    }
    Ok(out)
}

/// A data row (short single-line cells) is one tab-joined line; anything else is flattened.
fn render_row(cells: Vec<Vec<Line>>) -> Vec<Line> {
    if cells.iter().all(|c| c.is_empty()) {
        return Vec::new();
    }
    let joinable = cells.iter().all(|c| {
        c.len() <= 1
            && c.first()
                .is_none_or(|(t, _)| t.chars().count() <= MAX_JOINED_CELL)
    });
    if joinable && cells.len() > 1 {
        let texts: Vec<&str> = cells
            .iter()
            .map(|c| c.first().map_or("", |(t, _)| t.as_str()))
            .collect();
        return vec![(texts.join("\t"), None)];
    }
    cells.into_iter().flatten().collect()
}

/// Any `<h1>`–`<h4>` inside the element (outside chrome)?
pub(crate) fn has_heading(el: ElementRef<'_>) -> bool {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .any(|e| matches!(e.value().name(), "h1" | "h2" | "h3" | "h4") && !inside_chrome(e))
}

/// Is the element, or an ancestor, chrome (a skipped tag, a page header/footer, a chrome class)?
pub(crate) fn inside_chrome(el: ElementRef<'_>) -> bool {
    let chrome = chrome();
    std::iter::once(*el)
        .chain(el.ancestors())
        .filter_map(ElementRef::wrap)
        .any(|e| {
            let v = e.value();
            chrome.skips_tag(v.name())
                || chrome.is_page_level(v.name())
                || v.attr("class").is_some_and(|c| chrome.marks_chrome(c))
                || v.attr("id").is_some_and(|c| chrome.marks_chrome(c))
        })
}

/// All text inside an element on one line, whitespace collapsed.
pub(crate) fn inline_text(el: ElementRef<'_>) -> String {
    let mut sink = Sink::default();
    for t in el.text() {
        sink.push_text(t);
    }
    sink.current.trim().to_owned()
}
