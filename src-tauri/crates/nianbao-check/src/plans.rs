//! Plans (`plan.unreported`): items of last year's next-year part that this year's report never
//! addresses, judged by content words. Info only: a plan may be reported in other words.

use std::collections::HashSet;

use nianbao_report::Report;

use crate::finding::Finding;
use crate::parts;
use crate::rules::Rules;
use crate::text::{content_words, sentences};

/// An item counts as addressed when this share of its content words occur in this year's text.
const ADDRESSED: f64 = 0.3;
/// Items with fewer content words say too little to judge.
const MIN_WORDS: usize = 4;

pub fn check(this: &Report, last: &Report, rules: &Rules) -> Vec<Finding> {
    let Some(range) = parts::locate(last).next_year else {
        return Vec::new();
    };
    let this_words: HashSet<&str> = this
        .paragraphs()
        .flat_map(|(_, t)| content_words(t, rules))
        .collect();
    let mut out = Vec::new();
    for (line, text) in last.paragraphs().filter(|(l, _)| range.contains(l)) {
        if text.chars().count() < 20 {
            continue;
        }
        let words = content_words(text, rules);
        if words.len() < MIN_WORDS {
            continue;
        }
        let found = words.iter().filter(|w| this_words.contains(*w)).count();
        if (found as f64) < ADDRESSED * words.len() as f64 {
            let item = sentences(text).first().map_or(text, |s| &text[s.clone()]);
            out.push(
                Finding::new(
                    "plan.unreported",
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

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::parse_text;

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
