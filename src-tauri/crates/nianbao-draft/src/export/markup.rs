//! The .md and .html exports through the export skeletons (templates/export/). HTML is escaped
//! by Tera's autoescape (imported text is data: `<img onerror>` must come out as text); the
//! Markdown keeps the text exactly, one paragraph per block, so it re-parses into the same
//! outline. Neither ever drops a line.

use tera::Context;

use crate::error::DraftError;
use crate::export::layout::{Block, Role};
use crate::templates::{EXPORT_HTML, EXPORT_MD, Templates};

fn context(blocks: &[Block]) -> Context {
    let mut context = Context::new();
    context.insert("portal", &false);
    let title = blocks
        .iter()
        .find(|b| b.role == Role::Title)
        .or(blocks.first());
    context.insert("title", title.map_or("", |b| b.text.as_str()));
    context.insert("blocks", blocks);
    context
}

/// `portal`: the 公开版 for the government site — a plain self-contained page (no print margins,
/// no mark highlighting; the version has no marks left).
pub fn html(templates: &Templates, blocks: &[Block], portal: bool) -> Result<String, DraftError> {
    let mut context = context(blocks);
    context.insert("portal", &portal);
    templates.render(EXPORT_HTML, &context)
}

pub fn markdown(templates: &Templates, blocks: &[Block]) -> Result<String, DraftError> {
    let text = templates.render(EXPORT_MD, &context(blocks))?;
    Ok(format!("{}\n", text.trim_end()))
}
