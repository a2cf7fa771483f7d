//! The Tera templates: one per standard part (templates/sections/*.md), the whole-report skeleton
//! (templates/skeleton.md) and the export skeletons (templates/export/*). The defaults are
//! embedded; an office may keep its own copy of any of them in an override folder (same relative
//! name), which then replaces the default. Rendering never guesses a figure: a value nobody
//! supplied becomes a visible fill-in mark.
//!
//! Tera identifiers are ASCII only, so figures are looked up with a function:
//! `{{ figure(m="行政复议·受理", label="行政复议受理件数") }}` → `186` or `【行政复议受理件数：＿＿】`.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use nianbao_report::SectionKind;
use serde::Serialize;
use tera::{Context, Tera, Value};

use crate::error::{DraftError, tera_reason};
use crate::marks;

/// Relative name of the skeleton template.
pub const SKELETON: &str = "skeleton.md";
/// Relative names of the export skeletons.
pub const EXPORT_HTML: &str = "export/report.html";
pub const EXPORT_MD: &str = "export/report.md";

/// The template file name for a standard part (`sections/disputes.md`).
pub fn template_name(kind: SectionKind) -> String {
    format!("sections/{}.md", kind.key())
}

/// Every template the program knows, with its embedded default.
fn defaults() -> [(String, &'static str); 16] {
    use SectionKind as K;
    let s = |k: K| template_name(k);
    [
        (
            s(K::Organization),
            include_str!("../../../../templates/sections/organization.md"),
        ),
        (
            s(K::Functions),
            include_str!("../../../../templates/sections/functions.md"),
        ),
        (
            s(K::Rules),
            include_str!("../../../../templates/sections/rules.md"),
        ),
        (
            s(K::Decisions),
            include_str!("../../../../templates/sections/decisions.md"),
        ),
        (
            s(K::Enforcement),
            include_str!("../../../../templates/sections/enforcement.md"),
        ),
        (
            s(K::Emergency),
            include_str!("../../../../templates/sections/emergency.md"),
        ),
        (
            s(K::Disputes),
            include_str!("../../../../templates/sections/disputes.md"),
        ),
        (
            s(K::Supervision),
            include_str!("../../../../templates/sections/supervision.md"),
        ),
        (
            s(K::Publicity),
            include_str!("../../../../templates/sections/publicity.md"),
        ),
        (
            s(K::Digital),
            include_str!("../../../../templates/sections/digital.md"),
        ),
        (
            s(K::Problems),
            include_str!("../../../../templates/sections/problems.md"),
        ),
        (
            s(K::NextYear),
            include_str!("../../../../templates/sections/next_year.md"),
        ),
        (
            s(K::Other),
            include_str!("../../../../templates/sections/other.md"),
        ),
        (
            SKELETON.to_owned(),
            include_str!("../../../../templates/skeleton.md"),
        ),
        (
            EXPORT_HTML.to_owned(),
            include_str!("../../../../templates/export/report.html"),
        ),
        (
            EXPORT_MD.to_owned(),
            include_str!("../../../../templates/export/report.md"),
        ),
    ]
}

/// What a section template sees.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SectionContext {
    /// The year the report is about.
    pub year: i32,
    /// The reporting government; a fill-in mark when unknown.
    pub government: Option<String>,
    /// The numbering to put before the heading (`（六）`, `四、`), possibly empty.
    pub number: String,
    /// 1 for a top-level part, 2 for a part inside 主要举措和成效.
    pub level: u8,
    /// Known figures by metric (`行政复议·受理` → 186).
    pub figures: BTreeMap<String, f64>,
}

/// The loaded templates (defaults, some maybe replaced by the office's own).
#[derive(Debug, Clone)]
pub struct Templates {
    tera: Tera,
    /// Relative names that came from the override folder.
    overridden: Vec<String>,
}

impl Templates {
    /// The embedded defaults, each replaced by `<override_dir>/<name>` when that file exists.
    pub fn load(override_dir: Option<&Path>) -> Result<Templates, DraftError> {
        let mut tera = Tera::default();
        let mut overridden = Vec::new();
        for (name, default) in defaults() {
            let own = match override_dir {
                Some(dir) => read_override(dir, &name)?,
                None => None,
            };
            let source = match &own {
                Some(text) => {
                    overridden.push(name.clone());
                    text.as_str()
                }
                None => default,
            };
            tera.add_raw_template(&name, source)
                .map_err(|e| DraftError::Template {
                    name: name.clone(),
                    reason: tera_reason(&e),
                })?;
        }
        Ok(Templates { tera, overridden })
    }

    /// Relative names of the templates taken from the override folder.
    pub fn overridden(&self) -> &[String] {
        &self.overridden
    }

    /// Render one standard part; the result has no empty lines.
    pub fn render_section(
        &self,
        kind: SectionKind,
        ctx: &SectionContext,
    ) -> Result<String, DraftError> {
        let mut context = Context::new();
        context.insert("year", &ctx.year);
        context.insert("next_year", &(ctx.year + 1));
        context.insert("last_year", &(ctx.year - 1));
        context.insert("government", &government_or_mark(ctx.government.as_deref()));
        context.insert("number", &ctx.number);
        context.insert("level", &ctx.level);
        self.render_with_figures(&template_name(kind), &context, &ctx.figures)
    }

    /// Render a template by name with a prepared context (the skeleton, the export skeletons).
    pub(crate) fn render(&self, name: &str, context: &Context) -> Result<String, DraftError> {
        self.tera
            .render(name, context)
            .map_err(|e| DraftError::Template {
                name: name.to_owned(),
                reason: tera_reason(&e),
            })
    }

    fn render_with_figures(
        &self,
        name: &str,
        context: &Context,
        figures: &BTreeMap<String, f64>,
    ) -> Result<String, DraftError> {
        // Tera functions cannot see the context, so each render gets its own `figure`.
        let mut tera = self.tera.clone();
        let known = figures.clone();
        tera.register_function("figure", move |args: &HashMap<String, Value>| {
            let metric = args.get("m").and_then(Value::as_str).unwrap_or_default();
            let label = args.get("label").and_then(Value::as_str).unwrap_or(metric);
            Ok(Value::String(match known.get(metric) {
                Some(v) => format_value(*v),
                None => marks::blank_mark(label),
            }))
        });
        let text = tera
            .render(name, context)
            .map_err(|e| DraftError::Template {
                name: name.to_owned(),
                reason: tera_reason(&e),
            })?;
        Ok(compact_lines(&text))
    }
}

fn read_override(dir: &Path, name: &str) -> Result<Option<String>, DraftError> {
    let path = dir.join(name);
    match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| DraftError::Template {
                name: name.to_owned(),
                reason: "模板须为 UTF-8 编码 (the template must be UTF-8)".into(),
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(DraftError::TemplateDir {
            path,
            reason: e.to_string(),
        }),
    }
}

/// The government's name, or a mark asking for it.
pub(crate) fn government_or_mark(government: Option<&str>) -> String {
    match government.map(str::trim) {
        Some(g) if !g.is_empty() => g.to_owned(),
        _ => format!("{}政府名称{}", marks::OPEN, marks::CLOSE),
    }
}

/// `113.0` → `113`, `99.45` → `99.45`.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Trim every line and drop empty ones: templates may leave blank lines around tags.
pub(crate) fn compact_lines(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_template() {
        let names: std::collections::HashSet<_> =
            SectionKind::ALL.iter().map(|k| template_name(*k)).collect();
        assert_eq!(names.len(), SectionKind::ALL.len(), "one template per kind");
    }

    #[test]
    fn unknown_figure_renders_as_fill_in_mark_and_known_as_value() {
        let templates = Templates::load(None).expect("embedded templates parse");
        let mut ctx = SectionContext {
            year: 2024,
            number: "（六）".into(),
            level: 2,
            ..SectionContext::default()
        };
        ctx.figures.insert("行政复议·受理".into(), 186.0);
        let text = templates
            .render_section(SectionKind::Disputes, &ctx)
            .expect("disputes renders");
        assert!(
            text.contains("受理186件"),
            "a known figure is filled in: {text}"
        );
        assert!(
            text.contains("【行政复议收到件数：＿＿】"),
            "an unknown figure is a visible mark: {text}"
        );
        assert!(
            text.starts_with("（六）"),
            "heading carries the given number"
        );
    }

    #[test]
    fn values_print_without_needless_decimals() {
        assert_eq!(format_value(113.0), "113");
        assert_eq!(format_value(99.45), "99.45");
    }
}
