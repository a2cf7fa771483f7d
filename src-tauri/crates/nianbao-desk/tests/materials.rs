//! The materials use cases on a real data folder: a folder of invented submissions imported
//! with progress (a broken file listed with its reason, the rest imported), cancelled, who has
//! not sent, a paragraph inserted into its part and a mark filled from a statistics table, both
//! kept as named versions (the trail).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use nianbao_desk::Desk;
use nianbao_desk::materials::MaterialProgress;

const DRAFT: &str = "示例市2024年法治政府建设情况报告\n\
一、化解矛盾纠纷\n\
全年受理行政复议案件【113件→？】，办结率保持较高水平。\n\
二、存在的不足\n\
基层法治力量仍然薄弱。\n\
三、2025年工作安排\n\
继续深化法治政府建设。";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(&p, text).expect("write fixture");
    p
}

/// A folder of invented submissions: two readable, one broken.
fn submissions(dir: &Path) -> PathBuf {
    let folder = dir.join("材料");
    write(
        &folder,
        "示例市司法局.txt",
        "示例市司法局2024年法治政府建设情况报告\n\
         一、化解矛盾纠纷\n\
         全年办理行政复议案件142件，行政机关负责人出庭应诉率100%，调解矛盾纠纷320起。\n\
         二、普法宣传\n\
         开展“八五”普法宣传活动12场，落实“谁执法谁普法”责任制。\n\
         统计表\n\
         指标\t上年\t本年\n\
         行政复议受理案件（件）\t113\t142\n\
         示例市司法局\n\
         2025年1月6日\n",
    );
    write(
        &folder,
        "乡镇/示例镇.txt",
        "2024年法治建设工作总结\n今年我镇调解邻里纠纷56起，化解矛盾纠纷成效明显。\n示例镇人民政府\n2025年1月8日\n",
    );
    write(
        &folder,
        "坏文件.docx",
        "PK\u{3}\u{4} 这不是一个完整的压缩包",
    );
    folder
}

fn desk_with_draft(dir: &Path) -> (Desk, i64) {
    let desk = Desk::in_folder(dir.join("data"));
    let overview = desk.overview().expect("library");
    let report = overview
        .reports
        .first()
        .expect("the sample library has a report")
        .id;
    let draft = desk.new_draft(report, 2024).expect("draft").id;
    desk.save_draft(draft, DRAFT).expect("our draft text");
    (desk, draft)
}

#[test]
fn a_folder_is_imported_with_progress_and_a_broken_file_listed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = submissions(tmp.path());
    let (desk, draft) = desk_with_draft(tmp.path());
    for name in ["示例市司法局", "示例镇人民政府", "示例市市场监管局"] {
        desk.add_department(name).expect("department");
    }
    let mut seen: Vec<MaterialProgress> = Vec::new();
    let batch = desk
        .import_materials(draft, &[folder], &AtomicBool::new(false), &mut |p| {
            seen.push(p.clone());
        })
        .expect("batch");
    assert_eq!(batch.imported.len(), 2, "{batch:#?}");
    assert_eq!(batch.errors.len(), 1, "{batch:#?}");
    assert_eq!(batch.errors[0].file, "坏文件.docx");
    assert!(!batch.errors[0].reason.is_empty());
    assert!(!batch.cancelled);
    assert_eq!(seen.first().map(|p| (p.done, p.total)), Some((0, 3)));
    assert_eq!(seen.last().map(|p| (p.done, p.total)), Some((3, 3)));
    let justice = batch
        .imported
        .iter()
        .find(|m| m.file == "示例市司法局.txt")
        .expect("the bureau's file");
    assert_eq!(justice.department, "示例市司法局");
    assert_eq!(justice.statistics, 2, "last year's and this year's value");

    let overview = desk.materials_overview(draft, None).expect("overview");
    assert_eq!(overview.missing, ["示例市市场监管局"], "who has not sent");
    let disputes = overview
        .parts
        .iter()
        .find(|p| p.part == "disputes")
        .expect("disputes part");
    assert_eq!(disputes.materials, 2, "{overview:#?}");
    let digital = overview
        .parts
        .iter()
        .find(|p| p.part == "digital")
        .expect("digital");
    assert!(digital.empty, "no material and no text yet");

    // The same folder again: nothing new.
    let again = desk
        .import_materials(
            draft,
            &[tmp.path().join("材料/示例市司法局.txt")],
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .expect("again");
    assert!(again.imported[0].already_present);
}

#[test]
fn a_cancelled_batch_reads_nothing_more() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = submissions(tmp.path());
    let (desk, draft) = desk_with_draft(tmp.path());
    let batch = desk
        .import_materials(draft, &[folder], &AtomicBool::new(true), &mut |_| {})
        .expect("batch");
    assert!(batch.cancelled);
    assert_eq!(batch.skipped, 3);
    assert!(batch.imported.is_empty());
}

#[test]
fn a_paragraph_goes_into_its_part_and_a_mark_is_filled_both_in_the_versions() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = submissions(tmp.path());
    let (desk, draft) = desk_with_draft(tmp.path());
    desk.import_materials(draft, &[folder], &AtomicBool::new(false), &mut |_| {})
        .expect("batch");
    let disputes = desk
        .material_paragraphs(draft, Some("disputes"), Some("示例市司法局"))
        .expect("paragraphs");
    assert_eq!(disputes.len(), 1, "{disputes:#?}");
    let p = &disputes[0];
    assert!(p.figures.iter().any(|f| f.raw == "142件"), "{p:#?}");
    let inserted = desk
        .insert_material(draft, DRAFT, p.id, None, None)
        .expect("insert");
    assert_eq!(inserted.line, 4, "after the disputes part's last line");
    assert_eq!(
        inserted.text.lines().nth(3),
        Some(p.text.as_str()),
        "{}",
        inserted.text
    );
    assert!(
        desk.material_paragraphs(draft, Some("disputes"), Some("示例市司法局"))
            .expect("again")[0]
            .used
    );

    let fills = desk.fill_proposals(draft, &inserted.text).expect("fills");
    let mark = fills
        .iter()
        .find(|f| f.mark == "【113件→？】")
        .expect("the mark is offered");
    let option = mark.options.first().expect("a value for it");
    assert_eq!(option.text, "142件");
    assert_eq!(
        option.cell, "表1!C2",
        "the table's own rows: header C1, first row C2"
    );
    assert_eq!(option.file, "示例市司法局.txt");
    let filled = desk
        .accept_fill(draft, &inserted.text, mark.line, &mark.mark, option.stat_id)
        .expect("accept")
        .expect("the mark was there");
    assert!(
        filled.text.contains("全年受理行政复议案件142件"),
        "{}",
        filled.text
    );
    assert!(
        desk.accept_fill(draft, &filled.text, mark.line, &mark.mark, option.stat_id)
            .expect("stale")
            .is_none(),
        "a mark already filled is not filled twice"
    );

    let names: Vec<String> = desk
        .list_versions(draft)
        .expect("versions")
        .into_iter()
        .filter_map(|v| v.name)
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("插入材料段落") && n.contains("示例市司法局")),
        "{names:?}"
    );
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("从统计表填入") && n.contains("表1!C2")),
        "{names:?}"
    );
    let trail = desk.material_trail(draft).expect("trail");
    assert_eq!(trail.len(), 2);

    // A rejected value is not offered again for that mark.
    let fills = desk.fill_proposals(draft, DRAFT).expect("fills");
    let m = &fills[0];
    desk.reject_fill(draft, m.line, &m.mark, m.options[0].stat_id)
        .expect("reject");
    let fills = desk.fill_proposals(draft, DRAFT).expect("fills");
    assert!(fills[0].options.is_empty(), "{fills:#?}");
    let hits = desk.search_materials(draft, "普法宣传").expect("search");
    assert_eq!(hits.len(), 1);
}

#[test]
fn a_table_with_year_columns_offers_only_the_drafts_year() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = tmp.path().join("统计");
    write(
        &folder,
        "示例市司法局统计表.csv",
        "指标,2023年,2024年\n行政复议受理案件（件）,113,142\n",
    );
    let (desk, draft) = desk_with_draft(tmp.path());
    let batch = desk
        .import_materials(draft, &[folder], &AtomicBool::new(false), &mut |_| {})
        .expect("batch");
    assert!(batch.errors.is_empty(), "{:#?}", batch.errors);
    let fills = desk.fill_proposals(draft, DRAFT).expect("fills");
    let mark = fills
        .iter()
        .find(|f| f.mark == "【113件→？】")
        .expect("the mark is offered");
    let offered: Vec<&str> = mark.options.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(
        offered,
        ["142件"],
        "the 2023 column is last year's value, never this year's"
    );
}
