//! The whole-report skeleton: title, addressee, opening, then the five items the 督察规定
//! requires (measures and results, shortcomings, 第一责任人, next-year plan, other), each from its
//! section template. With last year's report the measures follow last year's order of parts.
//! It never fills in a figure it was not given.

use std::collections::BTreeMap;

use nianbao_report::{Report, SectionKind};
use tera::Context;

use crate::error::DraftError;
use crate::numbering;
use crate::templates::{self, SKELETON, SectionContext, Templates};

/// The measures parts in the standard order (2021-2025 outline).
pub const STANDARD_MEASURES: [SectionKind; 10] = [
    SectionKind::Organization,
    SectionKind::Functions,
    SectionKind::Rules,
    SectionKind::Decisions,
    SectionKind::Enforcement,
    SectionKind::Emergency,
    SectionKind::Disputes,
    SectionKind::Supervision,
    SectionKind::Publicity,
    SectionKind::Digital,
];

/// One top-level item of the skeleton.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Measures,
    Problems,
    FirstResponsible,
    NextYear,
    Other,
}

/// What the skeleton is filled with.
#[derive(Debug, Clone, Default)]
pub struct SkeletonContext {
    pub year: i32,
    pub government: Option<String>,
    pub doc_number: Option<String>,
    pub addressee: Option<String>,
    pub figures: BTreeMap<String, f64>,
}

/// The measures parts: last year's order first, then the standard parts it did not have.
pub fn measures_order(last: Option<&Report>) -> Vec<SectionKind> {
    let mut order: Vec<SectionKind> = Vec::new();
    if let Some(report) = last {
        for s in report.all_sections() {
            if STANDARD_MEASURES.contains(&s.kind) && !order.contains(&s.kind) {
                order.push(s.kind);
            }
        }
    }
    for kind in STANDARD_MEASURES {
        if !order.contains(&kind) {
            order.push(kind);
        }
    }
    order
}

/// The top-level items: measures first, the others in last year's order where it had them,
/// then in the order of the 督察规定.
pub fn parts_order(last: Option<&Report>) -> Vec<Part> {
    let regulated = [
        Part::Problems,
        Part::FirstResponsible,
        Part::NextYear,
        Part::Other,
    ];
    let mut order = vec![Part::Measures];
    if let Some(report) = last {
        for s in report.sections.iter().filter(|s| s.level == 1) {
            let part = match s.kind {
                SectionKind::Problems => Part::Problems,
                SectionKind::Organization => Part::FirstResponsible,
                SectionKind::NextYear => Part::NextYear,
                SectionKind::Other if s.heading.contains("其他") => Part::Other,
                _ => continue,
            };
            if !order.contains(&part) {
                order.push(part);
            }
        }
    }
    for part in regulated {
        if !order.contains(&part) {
            order.push(part);
        }
    }
    order
}

impl Templates {
    /// Render the whole-report skeleton for `ctx.year`, following `last` where given.
    pub fn render_skeleton(
        &self,
        ctx: &SkeletonContext,
        last: Option<&Report>,
    ) -> Result<String, DraftError> {
        let section = |kind: SectionKind, number: String, level: u8| {
            self.render_section(
                kind,
                &SectionContext {
                    year: ctx.year,
                    government: ctx.government.clone(),
                    number,
                    level,
                    figures: ctx.figures.clone(),
                },
            )
        };
        let mut parts = Vec::new();
        for (i, part) in parts_order(last).into_iter().enumerate() {
            let number = numbering::level1(i + 1);
            let text = match part {
                Part::Measures => {
                    let mut text =
                        format!("{number}{}年推进法治政府建设的主要举措和成效", ctx.year);
                    for (j, kind) in measures_order(last).into_iter().enumerate() {
                        text.push('\n');
                        text.push_str(&section(kind, numbering::level2(j + 1), 2)?);
                    }
                    text
                }
                Part::Problems => section(SectionKind::Problems, number, 1)?,
                Part::FirstResponsible => section(SectionKind::Organization, number, 1)?,
                Part::NextYear => section(SectionKind::NextYear, number, 1)?,
                Part::Other => section(SectionKind::Other, number, 1)?,
            };
            parts.push(text);
        }
        let mark = |label: &str| format!("【{label}】");
        let mut context = Context::new();
        context.insert("year", &ctx.year);
        context.insert("next_year", &(ctx.year + 1));
        context.insert(
            "government",
            &templates::government_or_mark(ctx.government.as_deref()),
        );
        context.insert(
            "doc_number",
            &ctx.doc_number.clone().unwrap_or_else(|| mark("文号")),
        );
        context.insert(
            "addressee",
            &ctx.addressee.clone().unwrap_or_else(|| mark("报送机关")),
        );
        context.insert("parts", &parts);
        Ok(templates::compact_lines(&self.render(SKELETON, &context)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::{Section, parse_text};

    fn section(kind: SectionKind, line: usize) -> Section {
        Section {
            number: String::new(),
            heading: String::new(),
            level: 2,
            kind,
            line,
            end_line: line,
            children: Vec::new(),
        }
    }

    #[test]
    fn measures_follow_last_years_order_then_the_standard_rest() {
        let mut last = parse_text("a\nb");
        last.sections = vec![
            section(SectionKind::Disputes, 1),
            section(SectionKind::Rules, 2),
        ];
        let order = measures_order(Some(&last));
        assert_eq!(
            &order[..2],
            &[SectionKind::Disputes, SectionKind::Rules],
            "last year's order leads"
        );
        assert_eq!(
            order.len(),
            STANDARD_MEASURES.len(),
            "every standard part is offered once"
        );
    }

    #[test]
    fn skeleton_has_the_five_required_items_in_order() {
        let templates = Templates::load(None).expect("embedded templates");
        let ctx = SkeletonContext {
            year: 2025,
            government: Some("示例县人民政府".into()),
            ..SkeletonContext::default()
        };
        let text = templates
            .render_skeleton(&ctx, None)
            .expect("skeleton renders");
        let heads: Vec<_> = text
            .lines()
            .filter(|l| {
                numbering::is_chinese_level1(
                    l.split('、')
                        .next()
                        .map(|n| format!("{n}、"))
                        .as_deref()
                        .unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(heads.len(), 5, "five required items: {heads:?}");
        assert!(
            heads[0].contains("主要举措和成效")
                && heads[1].contains("不足")
                && heads[2].contains("第一责任人")
        );
        assert!(
            heads[3].contains("2026年") && heads[4].contains("其他"),
            "plan is for the next year"
        );
    }
}
