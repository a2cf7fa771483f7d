//! Last year's next-year part as a checklist: each plan item the new report should say
//! something about. Splits by child headings, then by `一是……二是……`, then by sentence. It
//! never judges whether an item was done (that is nianbao-check's `plan.unreported`).

use std::sync::OnceLock;

use nianbao_report::{Report, Section};
use regex::Regex;
use serde::Serialize;

/// One item of last year's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanItem {
    pub text: String,
    /// 1-based line in last year's report.
    pub last_line: usize,
}

fn enumeration() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[一二三四五六七八九十]+是|第[一二三四五六七八九十]+，")
            .unwrap_or_else(|_| unreachable!("literal regex"))
    })
}

/// The body of a section line by line, the heading's own words removed from its first line.
fn body_lines<'a>(
    report: &'a Report,
    section: &Section,
    last_line: usize,
) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    for line in section.line..=last_line {
        let mut text = report.line(line).trim();
        if line == section.line {
            text = text.strip_prefix(section.number.as_str()).unwrap_or(text);
            if !section.heading.is_empty() {
                text = text.strip_prefix(section.heading.as_str()).unwrap_or(text);
                text = text.trim_start_matches(['。', '：', ':', '，']);
            }
        }
        let text = text.trim();
        if !text.is_empty() {
            out.push((line, text));
        }
    }
    out
}

/// The plan items of a next-year section that ends at `last_line`.
pub fn checklist(report: &Report, section: &Section, last_line: usize) -> Vec<PlanItem> {
    // Headed sub-parts (`（一）`, `1.`) are the items; inline `一是……二是……` are split from the
    // text below, since a line may hold several of them.
    if section.children.iter().any(|c| c.level <= 4) {
        return section
            .children
            .iter()
            .filter(|c| c.level <= 4)
            .map(|c| PlanItem {
                text: if c.heading.is_empty() {
                    report.line(c.line).trim().to_owned()
                } else {
                    c.heading.clone()
                },
                last_line: c.line,
            })
            .collect();
    }
    let lines = body_lines(report, section, last_line);
    let mut items = Vec::new();
    for (line, text) in &lines {
        let starts: Vec<usize> = enumeration().find_iter(text).map(|m| m.start()).collect();
        if starts.len() >= 2 {
            for (i, start) in starts.iter().enumerate() {
                let end = starts.get(i + 1).copied().unwrap_or(text.len());
                push_item(&mut items, &text[*start..end], *line);
            }
        } else if lines.len() == 1 {
            for sentence in text.split_inclusive('。') {
                push_item(&mut items, sentence, *line);
            }
        } else {
            push_item(&mut items, text, *line);
        }
    }
    items
}

fn push_item(items: &mut Vec<PlanItem>, text: &str, line: usize) {
    let text = text
        .trim()
        .trim_start_matches([',', '，', '。', '：', ':', '、'])
        .trim_end_matches(['；', ';'])
        .trim();
    if text.chars().count() >= 4 {
        items.push(PlanItem {
            text: text.to_owned(),
            last_line: line,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::{SectionKind, parse_text};

    fn next_year(line: usize, end_line: usize) -> Section {
        Section {
            number: "四、".into(),
            heading: "2024年推进法治政府建设的主要安排".into(),
            level: 1,
            kind: SectionKind::NextYear,
            line,
            end_line,
            children: Vec::new(),
        }
    }

    #[test]
    fn enumerated_plan_becomes_one_item_per_clause() {
        let report = parse_text(
            "四、2024年推进法治政府建设的主要安排\n一是制定工作要点。二是推行包容审慎监管。三是开展执法质量提升行动。",
        );
        let items = checklist(&report, &next_year(1, 2), 2);
        let texts: Vec<_> = items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "一是制定工作要点。",
                "二是推行包容审慎监管。",
                "三是开展执法质量提升行动。"
            ],
            "each 一是/二是 clause is one plan to report on"
        );
        assert!(
            items.iter().all(|i| i.last_line == 2),
            "items point at last year's line"
        );
    }

    #[test]
    fn plain_paragraph_plan_splits_by_sentence() {
        let report =
            parse_text("四、2024年推进法治政府建设的主要安排\n加强审查力量。推进复议改革。");
        let items = checklist(&report, &next_year(1, 2), 2);
        assert_eq!(items.len(), 2, "two sentences, two plans: {items:?}");
    }
}
