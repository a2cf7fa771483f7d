//! The library's full-text search finds the departments' materials too: after the reports'
//! paragraphs, each material paragraph with the draft it is stored with (a year's materials),
//! its department, file and part, and the matched words marked; narrowed by the same filters.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use nianbao_desk::Desk;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir).expect("folder");
    std::fs::write(dir.join(name), text).expect("write fixture");
}

/// A library with the sample reports, a 2024 draft and two invented submissions imported.
fn library(dir: &Path) -> (Desk, i64) {
    let desk = Desk::in_folder(dir.join("data"));
    let overview = desk.overview().expect("library");
    let report = overview.reports.first().expect("sample report").id;
    let draft = desk.new_draft(report, 2024).expect("draft").id;
    let folder = dir.join("材料");
    write(
        &folder,
        "示例市司法局.txt",
        "示例市司法局2024年法治政府建设情况报告\n\
         一、化解矛盾纠纷\n\
         全年办理行政复议案件142件，调解矛盾纠纷320起。\n\
         二、普法宣传\n\
         开展示例灯塔普法宣传活动12场。\n\
         示例市司法局\n\
         2025年1月6日\n",
    );
    write(
        &folder,
        "示例镇.txt",
        "2024年法治建设工作总结\n今年我镇举办示例灯塔普法讲座3场。\n示例镇人民政府\n2025年1月8日\n",
    );
    let batch = desk
        .import_materials(draft, &[folder], &AtomicBool::new(false), &mut |_| {})
        .expect("batch");
    assert_eq!(batch.imported.len(), 2, "{batch:#?}");
    (desk, draft)
}

#[test]
fn material_paragraphs_come_after_the_reports_as_their_own_kind() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (desk, draft) = library(tmp.path());

    let results = desk.search("示例灯塔", None, None, None).expect("search");
    assert_eq!(
        results.len(),
        2,
        "only the two materials say it: {results:#?}"
    );
    for r in &results {
        assert_eq!(r.kind, "material");
        let m = r
            .material
            .as_ref()
            .expect("a material hit says where it is from");
        assert_eq!(m.draft_id, draft);
        assert_eq!(r.year, 2024, "the draft's year");
        assert_eq!(m.part, r.section_kind);
        assert!(
            r.snippet.iter().any(|p| p.hit && p.text == "示例灯塔"),
            "the match is marked: {:?}",
            r.snippet
        );
    }
    let bureau = results
        .iter()
        .filter_map(|r| r.material.as_ref())
        .find(|m| m.file == "示例市司法局.txt")
        .expect("the bureau's paragraph");
    assert_eq!(bureau.department, "示例市司法局");
    assert!(!bureau.draft_title.is_empty());
    assert!(!bureau.part_label.is_empty());
    let town = results
        .iter()
        .filter_map(|r| r.material.as_ref())
        .find(|m| m.file == "示例镇.txt")
        .expect("the town's paragraph");
    assert_eq!(town.department, "示例镇人民政府");

    // Words the sample reports hold too: the reports' hits first, then the materials'.
    let mixed = desk.search("行政复议", None, None, None).expect("search");
    let first_material = mixed
        .iter()
        .position(|r| r.kind == "material")
        .expect("the bureau's paragraph is found");
    assert!(first_material > 0, "the reports come first");
    assert!(
        mixed[..first_material]
            .iter()
            .all(|r| r.kind == "report" && r.material.is_none())
    );
    assert!(mixed[first_material..].iter().all(|r| r.kind == "material"));

    // The filters narrow the materials too: another year, another part.
    assert!(
        desk.search("示例灯塔", None, Some(2023), None)
            .expect("year")
            .iter()
            .all(|r| r.kind == "report")
    );
    let bureau_part = bureau.part.clone();
    let by_part = desk
        .search("示例灯塔", None, None, Some(&bureau_part))
        .expect("part");
    assert!(by_part.iter().any(|r| {
        r.material
            .as_ref()
            .is_some_and(|m| m.file == "示例市司法局.txt")
    }));

    // The command's view: the page of material hits.
    let page = desk
        .search_material_hits("示例灯塔", None, None, None)
        .expect("hits");
    assert_eq!(page.hits.len(), 2);
    assert!(!page.more);
}
