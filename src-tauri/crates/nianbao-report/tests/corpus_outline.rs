//! The five real reports: top-level outline, kinds and metadata as read by a person.
//! Expectations are facts (counts, kinds, years, names of governments), never corpus text.

mod common;

use nianbao_report::{SectionKind, parse_text};

use SectionKind::*;

struct Expect {
    file: &'static str,
    government: &'static str,
    year: i32,
    top_kinds: &'static [SectionKind],
    /// Kinds of the children of the first top-level part (a bundle of measures), if checked.
    first_children: &'static [SectionKind],
}

const EXPECTED: [Expect; 5] = [
    // 常州 2017: five measure parts, then a next-year part that has no heading (2018年是……).
    Expect {
        file: "000_59e847098df36eae.txt",
        government: "常州市",
        year: 2017,
        top_kinds: &[
            Organization,
            Functions,
            Supervision,
            Enforcement,
            Disputes,
            NextYear,
        ],
        first_children: &[Organization, Organization, Publicity],
    },
    // 江山 2020: 一、工作举措及成效 bundles six measures; 二、存在问题; 三、2021年工作思路.
    Expect {
        file: "001_19f77dd33b289f3a.txt",
        government: "江山市",
        year: 2020,
        top_kinds: &[Other, Problems, NextYear],
        first_children: &[
            Organization,
            Functions,
            Decisions,
            Enforcement,
            Supervision,
            Disputes,
        ],
    },
    // 溧阳 2023: six measure parts; shortcomings and next year are paragraphs without headings.
    Expect {
        file: "002_39d2de0b42660a7e.txt",
        government: "溧阳市",
        year: 2023,
        top_kinds: &[
            Organization,
            Rules,
            Decisions,
            Functions,
            Disputes,
            Publicity,
            Problems,
            NextYear,
        ],
        first_children: &[Organization, Organization, Organization],
    },
    // 常州经开区 2023: no title; one bundle of measures and a next-year part; no shortcomings.
    Expect {
        file: "003_d86cbefe220b43cd.txt",
        government: "常州经开区",
        year: 2023,
        top_kinds: &[Other, NextYear],
        first_children: &[Organization, Functions, Enforcement, Disputes],
    },
    // 广元 2017: seven run-in parts (一、严格落实工作责任。一是……), pre-2019, no shortcomings.
    Expect {
        file: "004_27b7b1199d3db883.txt",
        government: "广元市",
        year: 2017,
        top_kinds: &[
            Organization,
            Decisions,
            Rules,
            Enforcement,
            Functions,
            Supervision,
            Disputes,
        ],
        first_children: &[],
    },
];

#[test]
fn corpus_top_level_parts_have_the_kinds_a_reader_sees() {
    if !common::corpus_present() {
        return;
    }
    for e in &EXPECTED {
        let report = parse_text(&common::corpus_text(e.file));
        let kinds: Vec<SectionKind> = report.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds, e.top_kinds,
            "{}: top-level parts and their kinds",
            e.file
        );
        if !e.first_children.is_empty() {
            let children: Vec<SectionKind> = report.sections[0]
                .children
                .iter()
                .filter(|c| c.level < 5)
                .map(|c| c.kind)
                .collect();
            let children = if children.is_empty() {
                report.sections[0].children.iter().map(|c| c.kind).collect()
            } else {
                children
            };
            assert_eq!(
                children, e.first_children,
                "{}: the first part's children get their own kinds",
                e.file
            );
        }
    }
}

#[test]
fn corpus_metadata_names_government_and_year() {
    if !common::corpus_present() {
        return;
    }
    for e in &EXPECTED {
        let report = parse_text(&common::corpus_text(e.file));
        let gov = report.meta.government.clone().unwrap_or_default();
        assert!(
            gov.starts_with(e.government),
            "{}: government {gov:?} should be {}",
            e.file,
            e.government
        );
        assert_eq!(
            report.meta.year,
            Some(e.year),
            "{}: the year the report is about",
            e.file
        );
    }
}

#[test]
fn corpus_portal_chrome_is_front_matter() {
    if !common::corpus_present() {
        return;
    }
    // 常州 2017: the portal header, title and addressee come before the opening paragraph.
    let report = parse_text(&common::corpus_text("000_59e847098df36eae.txt"));
    assert_eq!(
        report.body_start, 13,
        "body starts at the opening paragraph"
    );
    assert!(
        report
            .meta
            .doc_number
            .as_deref()
            .is_some_and(|d| d.contains("〔2018〕")),
        "文件编号 read from the portal table"
    );
    assert!(
        report.meta.addressee.is_some(),
        "the addressee line is metadata"
    );
    assert!(report.meta.date.is_some(), "the signing date is metadata");
    // 溧阳 2023: the mobile-app menu is front matter too.
    let report = parse_text(&common::corpus_text("002_39d2de0b42660a7e.txt"));
    assert_eq!(
        report.body_start, 8,
        "menus, breadcrumb and 相关文件 are not body"
    );
}

#[test]
fn corpus_headless_parts_are_found_and_hold_their_plans() {
    if !common::corpus_present() {
        return;
    }
    let report = parse_text(&common::corpus_text("000_59e847098df36eae.txt"));
    let next = report.sections.last().expect("a next-year part");
    assert_eq!(
        (next.number.as_str(), next.kind),
        ("", NextYear),
        "a part without a heading has an empty number"
    );
    assert_eq!(
        next.children.len(),
        5,
        "its 一是……五是 items are its children"
    );
    assert!(
        next.children.iter().all(|c| c.kind == NextYear),
        "plans inside the next-year part are next-year"
    );
}

#[test]
fn corpus_figures_are_never_years_dates_or_document_numbers() {
    if !common::corpus_present() {
        return;
    }
    for e in &EXPECTED {
        let report = parse_text(&common::corpus_text(e.file));
        for f in &report.figures {
            let bad = f.raw.ends_with('年')
                || (f.raw.ends_with('月') && !f.raw.ends_with("个月"))
                || (f.raw.ends_with('日') && !f.raw.ends_with("工作日"))
                || f.raw.ends_with('号')
                || f.raw.contains('〔');
            assert!(
                !bad,
                "{}: line {} {:?} is a date or number, not a figure",
                e.file, f.line, f.raw
            );
            assert!(
                f.line >= report.body_start,
                "{}: figures come from the body only",
                e.file
            );
        }
    }
}
