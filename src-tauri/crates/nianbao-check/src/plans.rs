//! Plans (`plan.unreported`): items of last year's next-year part that this year's report never
//! addresses, judged by content words. Info only: a plan may be reported in other words.

use std::collections::HashMap;

use nianbao_report::Report;

use crate::finding::{Code, Finding};
use crate::parts;
use crate::rules::Rules;
use crate::text::{content_words, sentences};

/// An item counts as addressed when one sentence of this year's work holds this share of its
/// content words (at least two).
const ADDRESSED: f64 = 0.5;
/// Items with fewer content words say too little to judge.
const MIN_WORDS: usize = 3;

pub fn check(this: &Report, last: &Report, rules: &Rules) -> Vec<Finding> {
    let Some(range) = parts::locate(last).next_year else {
        return Vec::new();
    };
    // What this year says it did: every sentence outside its shortcomings and next-year parts
    // (a plan restated as a shortcoming or again as a plan is not a report of its outcome).
    let this_parts = parts::locate(this);
    let outside = |l: &usize| {
        !this_parts.problems.as_ref().is_some_and(|r| r.contains(l))
            && !this_parts.next_year.as_ref().is_some_and(|r| r.contains(l))
    };
    // Which sentences of this year's work hold each content word (sentence numbers, ascending,
    // each once): an item's best sentence is then counted from its own words' lists.
    let mut holding: HashMap<&str, Vec<u32>> = HashMap::new();
    let mut sentence_count = 0u32;
    for sentence in this
        .paragraphs()
        .filter(|(l, _)| outside(l))
        .flat_map(|(_, t)| sentences(t).into_iter().map(move |r| &t[r]))
    {
        for word in content_words(sentence, rules) {
            holding.entry(word).or_default().push(sentence_count);
        }
        sentence_count += 1;
    }
    let mut shared = vec![0u32; sentence_count as usize];
    let mut out = Vec::new();
    let items = last
        .paragraphs()
        .filter(|(l, _)| range.contains(l))
        .flat_map(|(line, text)| enumerated_items(text).into_iter().map(move |t| (line, t)));
    for (line, text) in items {
        if text.chars().count() < 12 {
            continue;
        }
        let words = content_words(text, rules);
        if words.len() < MIN_WORDS {
            continue;
        }
        // Addressed when one sentence of this year's work carries enough of the item's words.
        let needed = ((ADDRESSED * words.len() as f64).ceil() as usize).max(2);
        shared.iter_mut().for_each(|n| *n = 0);
        let mut best = 0;
        for ids in words.iter().filter_map(|w| holding.get(w)) {
            for &id in ids {
                let n = &mut shared[id as usize];
                *n += 1;
                best = best.max(*n as usize);
            }
        }
        if best < needed {
            let item = sentences(text).first().map_or(text, |s| &text[s.clone()]);
            out.push(
                Finding::new(
                    Code::PlanUnreported,
                    0,
                    "",
                    format!(
                        "上年报告安排的工作“{}”在本年度报告中未见落实情况",
                        crate::text::shorten(item, 40)
                    ),
                )
                .with_last(line, text),
            );
        }
    }
    out
}

/// A paragraph of plans written inline (`一是……。二是……。`) as its items; any other paragraph
/// is one item.
fn enumerated_items(text: &str) -> Vec<&str> {
    static ITEM: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[。；;！!])\s*(?:[一二三四五六七八九十]{1,2}是|[（(][一二三四五六七八九十]{1,2}[）)])").ok()
    });
    let Some(re) = ITEM.as_ref() else {
        return vec![text];
    };
    let starts: Vec<usize> = re
        .find_iter(text)
        .map(|m| {
            // The item starts after the punctuation that ended the previous one.
            let lead = m
                .as_str()
                .chars()
                .next()
                .filter(|c| "。；;！!".contains(*c));
            m.start() + lead.map_or(0, char::len_utf8)
        })
        .collect();
    if starts.len() < 2 {
        return vec![text];
    }
    let mut items = Vec::new();
    if starts[0] > 0 {
        items.push(&text[..starts[0]]);
    }
    for (i, s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(text.len());
        items.push(text[*s..e].trim());
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::parse_text;

    #[test]
    fn inline_enumerations_are_items() {
        let items = enumerated_items(
            "一是加强组织领导，压实责任。二是推进智慧普法平台建设。三是开展执法质量提升行动。",
        );
        assert_eq!(
            items,
            [
                "一是加强组织领导，压实责任。",
                "二是推进智慧普法平台建设。",
                "三是开展执法质量提升行动。"
            ]
        );
        assert_eq!(
            enumerated_items("全面推进依法行政。"),
            ["全面推进依法行政。"]
        );
    }

    #[test]
    fn an_item_inside_an_inline_list_is_judged_on_its_own() {
        let last = parse_text(
            "示例市2023年法治政府建设年度报告\n一、主要工作\n组织开展行政复议规范化建设，全年受理行政复议申请113件。\n二、2024年工作安排\n一是推进乡镇合法性审查全覆盖，建立司法所审查机制，配齐审查人员。二是建设智慧普法平台，开发普法小程序，打造线上法治文化阵地。",
        );
        let this = parse_text(
            "示例市2024年法治政府建设年度报告\n一、主要工作\n实现乡镇合法性审查全覆盖，明确司法所为审查机构，配齐审查人员12名。",
        );
        let f = check(&this, &last, Rules::embedded());
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("智慧普法"), "{}", f[0].message);
    }

    #[test]
    fn a_plan_never_mentioned_again_is_reported_and_one_carried_out_is_not() {
        let last = parse_text(
            "示例市2023年法治政府建设年度报告\n一、主要工作\n组织开展行政复议规范化建设，全年受理行政复议申请113件。\n二、2024年工作安排\n（一）推进乡镇合法性审查全覆盖，建立司法所审查机制，配齐审查人员。\n（二）建设智慧普法平台，开发普法小程序，打造线上法治文化阵地。",
        );
        let this = parse_text(
            "示例市2024年法治政府建设年度报告\n一、主要工作\n实现乡镇合法性审查全覆盖，明确司法所为审查机构，配齐审查人员12名。",
        );
        let f = check(&this, &last, Rules::embedded());
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].last_line,
            Some(6),
            "the 智慧普法 item was never reported"
        );
    }
}
