//! Drafting 示例县's 2024 report from its 2023 report (an invented fixture).

mod common;

use nianbao_draft::{Templates, draft_from_last, marks, years};

fn draft_2024() -> nianbao_draft::Draft {
    let templates = Templates::load(None).expect("embedded templates");
    let last = common::parse(&common::fixture("示例县2023年法治政府建设年度报告.txt"));
    draft_from_last(&last, 2024, &templates).expect("draft")
}

#[test]
fn draft_of_the_fixture_matches_the_reviewed_snapshot() {
    let draft = draft_2024();
    insta::assert_snapshot!("fixture_draft_text", draft.text);
    insta::assert_json_snapshot!("fixture_draft_lists", {
        let mut v = serde_json::to_value(&draft).expect("json");
        v.as_object_mut().expect("object").remove("text");
        v
    });
}

#[test]
fn every_figure_of_last_year_becomes_a_mark_showing_its_value() {
    let last = common::parse(&common::fixture("示例县2023年法治政府建设年度报告.txt"));
    let draft = draft_2024();
    let next_year = last
        .all_sections()
        .into_iter()
        .find(|s| s.kind == nianbao_report::SectionKind::NextYear)
        .map(|s| s.line..=s.end_line);
    for f in &last.figures {
        if next_year.as_ref().is_some_and(|r| r.contains(&f.line)) {
            continue; // last year's plan goes to the checklist, not the text
        }
        assert!(
            draft
                .marks
                .iter()
                .any(|m| m.last_line == f.line && m.last_value == f.raw),
            "figure {} on line {} must be a fill-in mark",
            f.raw,
            f.line
        );
    }
    for m in &draft.marks {
        let line = draft.text.lines().nth(m.line - 1).unwrap_or_default();
        assert!(
            line.contains(&m.mark),
            "mark {} listed at line {} is really there",
            m.mark,
            m.line
        );
    }
    assert!(
        marks::count(&draft.text) >= draft.marks.len(),
        "every listed mark is in the text"
    );
}

#[test]
fn no_live_mention_of_last_year_remains() {
    let draft = draft_2024();
    for (i, line) in draft.text.lines().enumerate() {
        let live = years::unmoved(line, 2023, years::YearRules::embedded());
        assert!(
            live.is_empty(),
            "line {} still names 2023 outside a history context: {line}",
            i + 1
        );
    }
    assert!(
        draft.text.contains("2021年以来"),
        "history (2021年以来) is kept"
    );
    assert!(draft.text.contains("（2021-2025年）"), "periods are kept");
    assert!(
        draft.text.contains("比2023年增加"),
        "a comparison base moves with the report"
    );
}

#[test]
fn next_year_part_becomes_the_template_and_last_plan_a_checklist() {
    let draft = draft_2024();
    assert!(
        draft.text.contains("2025年推进法治政府建设的主要安排"),
        "plan for N+1"
    );
    assert!(
        !draft.text.contains("实现乡镇合法性审查全覆盖"),
        "last year's plan text is not left in the new plan"
    );
    let items: Vec<_> = draft
        .plan_checklist
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(items.len(), 3, "three plan items to report on: {items:?}");
    assert!(items[1].contains("合法性审查全覆盖"));
}

#[test]
fn report_without_shortcomings_gets_the_part_inserted_and_renumbered() {
    let text = "示例县人民政府关于2017年度法治政府建设情况的报告\n示例市人民政府：\n一、主要工作\n全年受理行政复议申请20件。\n二、2018年工作安排\n一是加强执法监督。二是深化普法。\n示例县人民政府\n2018年1月9日";
    let last = common::parse(text);
    let templates = Templates::load(None).expect("templates");
    let draft = draft_from_last(&last, 2018, &templates).expect("draft");
    let heads: Vec<_> = draft
        .text
        .lines()
        .filter(|l| l.starts_with("二、") || l.starts_with("三、"))
        .collect();
    assert_eq!(
        heads.len(),
        2,
        "the inserted part is numbered in sequence: {}",
        draft.text
    );
    assert!(
        heads[0].contains("存在的不足和原因"),
        "shortcomings come before the plan"
    );
    assert!(
        heads[1].contains("2019年"),
        "the plan is for the year after the draft year"
    );
    assert!(
        draft.notes.iter().any(|n| n.contains("存在的不足")),
        "the drafter is told"
    );
}

/// An invented report's body with no title: what a web copy keeps of it.
const UNTITLED_2023: &str = "2023年，示例区坚持依法行政，全年受理行政复议申请20件。\n\
    一、主要工作\n\
    全年开展执法培训12次。\n\
    二、2024年工作安排\n\
    一是加强执法监督。";

fn draft_2024_of(text: &str) -> nianbao_draft::Draft {
    let templates = Templates::load(None).expect("templates");
    draft_from_last(&common::parse(text), 2024, &templates).expect("draft")
}

#[test]
fn a_web_copy_drafts_without_its_portal_chrome_and_with_the_title_alone() {
    let text = format!(
        "首页 >> 政府信息公开 >> 法治政府建设\n\
         相关文件:示例区2023年度法治政府建设情况报告\n\
         发布日期:2024-01-10 浏览次数: 信息来源:区司法局\n\
         【字号:大 中 小】\n{UNTITLED_2023}"
    );
    let draft = draft_2024_of(&text);
    let lines: Vec<&str> = draft.text.lines().collect();
    assert_eq!(
        lines[0], "示例区2024年度法治政府建设情况报告",
        "{}",
        draft.text
    );
    assert!(
        lines[1].starts_with("2024年，示例区坚持依法行政"),
        "the body follows the title: {}",
        draft.text
    );
    for chrome in ["首页", "相关文件", "发布日期", "浏览次数", "字号"] {
        assert!(
            !draft.text.contains(chrome),
            "no {chrome} in the draft: {}",
            draft.text
        );
    }
}

#[test]
fn a_report_without_a_title_gets_the_usual_one_and_a_note() {
    let draft = draft_2024_of(UNTITLED_2023);
    assert_eq!(
        draft.text.lines().next(),
        Some("示例区2024年度法治政府建设情况报告"),
        "{}",
        draft.text
    );
    assert!(
        draft.notes.iter().any(|n| n.contains("标题")),
        "the drafter is told the title was made up: {:?}",
        draft.notes
    );
}

#[test]
fn draft_year_must_come_after_last_year() {
    let last = common::parse(&common::fixture("示例县2023年法治政府建设年度报告.txt"));
    let templates = Templates::load(None).expect("templates");
    let err = draft_from_last(&last, 2023, &templates).expect_err("same year is refused");
    assert_eq!(err.code(), "draft.year_not_after");
}
