//! The departments' materials of a draft: stored once per file, paragraphs by part and
//! department, searchable, departments listed and renamed, the trail of what was used.

use nianbao_report::SectionKind;
mod common;

use nianbao_store::{NewMaterial, NewParagraph, NewStat, SearchFilters, Store, schema};

fn material(name: &str, dept: &str, texts: &[(SectionKind, &str)]) -> NewMaterial {
    NewMaterial {
        source_name: name.into(),
        source_path: format!("/材料/{name}"),
        source_hash: nianbao_store::hash_bytes(format!("{name}{texts:?}").as_bytes()),
        source_format: "text".into(),
        department: Some(dept.into()),
        department_source: Some("title".into()),
        paragraphs: texts
            .iter()
            .enumerate()
            .map(|(i, (part, text))| NewParagraph {
                line: i + 2,
                part: *part,
                confidence: 0.8,
                by_heading: false,
                text: (*text).into(),
                figures: Vec::new(),
            })
            .collect(),
        stats: vec![NewStat {
            metric: "行政复议·受理".into(),
            label: "行政复议受理案件".into(),
            column: "本年".into(),
            value: 142.0,
            text: "142".into(),
            unit: "件".into(),
            cell: "Sheet1!C3".into(),
            last_year: false,
        }],
    }
}

fn store_with_draft() -> (Store, i64) {
    let store = Store::open_in_memory().expect("store");
    let draft = store
        .create_draft(
            None,
            2024,
            "示例市2024年报告",
            "示例市2024年报告\n一、化解矛盾纠纷\n",
        )
        .expect("draft");
    (store, draft)
}

#[test]
fn the_migration_is_the_latest() {
    let (store, _) = store_with_draft();
    assert_eq!(
        store.schema_version().expect("version"),
        schema::latest_version()
    );
}

#[test]
fn a_material_is_stored_once_and_listed_by_part_and_department() {
    let (store, draft) = store_with_draft();
    let a = material(
        "司法局.txt",
        "示例市司法局",
        &[
            (SectionKind::Disputes, "全年受理行政复议案件142件。"),
            (SectionKind::Publicity, "开展普法宣传活动12场。"),
        ],
    );
    let (id, again) = store.add_material(draft, 2024, &a).expect("add");
    assert!(!again);
    assert_eq!(
        store.add_material(draft, 2024, &a).expect("add again"),
        (id, true)
    );
    let b = material(
        "镇.txt",
        "示例镇",
        &[(SectionKind::Disputes, "调解邻里纠纷56起。")],
    );
    store.add_material(draft, 2024, &b).expect("add b");
    let listed = store.list_materials(draft).expect("list");
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].paragraphs, 2);
    assert_eq!(listed[0].stats, 1);
    let disputes = store
        .material_paragraphs(draft, Some(SectionKind::Disputes), None)
        .expect("by part");
    assert_eq!(disputes.len(), 2);
    let town = store
        .material_paragraphs(draft, Some(SectionKind::Disputes), Some("示例镇"))
        .expect("by department");
    assert_eq!(town.len(), 1);
    assert_eq!(town[0].text, "调解邻里纠纷56起。");
    let stats = store.material_stats(draft).expect("stats");
    assert_eq!(stats.len(), 2);
    assert_eq!(stats[0].stat.cell, "Sheet1!C3");
}

#[test]
fn material_paragraphs_are_searchable() {
    let (store, draft) = store_with_draft();
    store
        .add_material(
            draft,
            2024,
            &material(
                "司法局.txt",
                "示例市司法局",
                &[
                    (SectionKind::Disputes, "全年受理行政复议案件142件。"),
                    (SectionKind::Publicity, "开展普法宣传活动12场。"),
                ],
            ),
        )
        .expect("add");
    let hits = store
        .search_materials(draft, "行政复议", 10)
        .expect("search");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].part, SectionKind::Disputes);
    assert!(hits[0].snippet.text.contains("行政复议"));
    assert!(
        store
            .search_materials(draft, "不存在的词语组合", 10)
            .expect("search")
            .is_empty()
    );
}

#[test]
fn the_library_search_finds_material_paragraphs_of_every_draft_with_their_draft() {
    let store = Store::open_in_memory().expect("store");
    let text = common::shili_text("示例市", 2023, 196);
    let report = store
        .add_report(
            &common::source_for(&text, "示例市2023.txt"),
            &common::shili_report("示例市", 2023, 196),
        )
        .expect("report")
        .id;
    let followed = store
        .create_draft(Some(report), 2024, "示例市2024年报告", "示例市2024年报告\n")
        .expect("draft");
    let other = store
        .create_draft(None, 2025, "示例区2025年报告", "示例区2025年报告\n")
        .expect("draft");
    store
        .add_material(
            followed,
            2024,
            &material(
                "司法局.txt",
                "示例市司法局",
                &[
                    (SectionKind::Disputes, "全年受理行政复议案件142件。"),
                    (SectionKind::Publicity, "开展普法宣传活动12场。"),
                ],
            ),
        )
        .expect("add");
    store
        .add_material(
            other,
            2025,
            &material(
                "镇.txt",
                "示例镇",
                &[(SectionKind::Supervision, "配合办理行政复议答复3件。")],
            ),
        )
        .expect("add");

    let all = store
        .search_material_page("行政复议", &SearchFilters::default())
        .expect("search");
    assert_eq!(all.hits.len(), 2, "{all:?}");
    assert!(!all.more);
    let city = all
        .hits
        .iter()
        .find(|h| h.draft_id == followed)
        .expect("the 2024 draft's paragraph");
    assert_eq!(city.draft_title, "示例市2024年报告");
    assert_eq!(city.year, 2024);
    assert_eq!(city.department.as_deref(), Some("示例市司法局"));
    assert_eq!(city.part, SectionKind::Disputes);
    assert_eq!(city.line, 2, "the paragraph's line in its material");
    assert_eq!(city.government.as_deref(), Some("示例市人民政府"));
    assert_eq!(
        city.snippet.marked("【", "】"),
        "全年受理【行政复议】案件142件。"
    );

    // Narrowed like the reports' search: the draft's year, the part, the report's government.
    let by_year = SearchFilters {
        year: Some(2025),
        ..SearchFilters::default()
    };
    let hits = store
        .search_material_page("行政复议", &by_year)
        .expect("year")
        .hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].draft_id, other);
    let by_part = SearchFilters {
        section: Some(SectionKind::Disputes),
        ..SearchFilters::default()
    };
    let hits = store
        .search_material_page("行政复议", &by_part)
        .expect("part")
        .hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].department.as_deref(), Some("示例市司法局"));
    let by_government = SearchFilters {
        government: Some("示例市人民政府".into()),
        ..SearchFilters::default()
    };
    let hits = store
        .search_material_page("行政复议", &by_government)
        .expect("government")
        .hits;
    assert_eq!(hits.len(), 1, "the draft with no report has no government");
    assert_eq!(hits[0].draft_id, followed);

    // A one-character query is found by the substring scan; the cap says "more".
    let one = SearchFilters {
        limit: 1,
        ..SearchFilters::default()
    };
    let page = store.search_material_page("件", &one).expect("short");
    assert_eq!(page.hits.len(), 1);
    assert!(page.more, "three paragraphs hold 件, one is listed");

    // The reports' own search does not change: the report's paragraphs, no material.
    let reports = store
        .search_page("普法宣传", &SearchFilters::default())
        .expect("reports");
    assert!(
        reports.hits.iter().all(|h| h.report_id == report),
        "{reports:?}"
    );
    assert!(
        store
            .search_material_page("不存在的词语组合", &SearchFilters::default())
            .expect("none")
            .hits
            .is_empty()
    );
}

#[test]
fn departments_are_kept_renamed_and_removed() {
    let (store, draft) = store_with_draft();
    let id = store.add_department("示例市司法局").expect("add");
    assert_eq!(store.add_department(" 示例市司法局 ").expect("again"), id);
    store.add_department("示例镇").expect("add");
    store
        .add_material(draft, 2024, &material("a.txt", "示例市司法局", &[]))
        .expect("material");
    store
        .rename_department(id, "示例市司法局（改）")
        .expect("rename");
    let names: Vec<String> = store
        .list_departments()
        .expect("list")
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(names, ["示例市司法局（改）", "示例镇"]);
    assert_eq!(
        store.list_materials(draft).expect("list")[0]
            .department
            .as_deref(),
        Some("示例市司法局（改）"),
        "the materials follow the rename"
    );
    assert!(store.delete_department(id).expect("delete"));
    assert_eq!(store.list_departments().expect("list").len(), 1);
}

#[test]
fn the_trail_names_the_version_and_marks_the_paragraph_used() {
    let (store, draft) = store_with_draft();
    let (mid, _) = store
        .add_material(
            draft,
            2024,
            &material(
                "a.txt",
                "示例市司法局",
                &[(SectionKind::Disputes, "全年受理行政复议案件142件。")],
            ),
        )
        .expect("material");
    let p = store
        .material_paragraphs(draft, None, None)
        .expect("paragraphs")[0]
        .clone();
    assert_eq!(p.material_id, mid);
    assert!(!p.used);
    let version = store
        .save_named_version(draft, "新文本", "插入材料：示例市司法局")
        .expect("version");
    store
        .record_material_use(
            draft,
            Some(version),
            Some(p.id),
            None,
            "paragraph",
            "插入材料",
        )
        .expect("use");
    assert!(store.material_paragraph(p.id).expect("p").used);
    let trail = store.material_uses(draft).expect("trail");
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].version_id, Some(version));
    store.set_paragraph_used(p.id, false).expect("unmark");
    assert!(!store.material_paragraph(p.id).expect("p").used);
    store.set_material_department(mid, "示例镇").expect("edit");
    let m = store.get_material(mid).expect("m");
    assert_eq!(m.department_source.as_deref(), Some("edited"));
    assert!(store.delete_material(mid).expect("delete"));
    assert!(
        store
            .material_paragraphs(draft, None, None)
            .expect("p")
            .is_empty()
    );
    assert_eq!(
        store.material_uses(draft).expect("trail").len(),
        1,
        "the trail stays"
    );
}
