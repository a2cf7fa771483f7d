//! The office's `metrics.toml` names the rows of a department's statistics table, so that
//! "fill from statistics" matches the draft's marks by the office's own metric: a family the
//! built-in lexicon does not know (示例讲堂) is offered once the office's file names it, and the
//! same table in a library without that file offers nothing for the mark.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use nianbao_desk::Desk;

const DRAFT: &str =
    "示例市2024年法治政府建设情况报告\n一、法治宣传\n全年开展示例讲堂【10场→？】，群众反响良好。\n";

fn office_metrics() -> String {
    let builtin = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../nianbao-report/data/metrics.toml"
    ))
    .expect("the built-in metrics.toml");
    builtin.replacen(
        "[[family]]",
        "[[family]]\nname = \"示例讲堂\"\nkeywords = [\"示例讲堂\"]\ndefault = \"开展\"\n\
         actions = [{ name = \"开展\", words = [\"开展\", \"举办\"] }]\n\n[[family]]",
        1,
    )
}

/// Options offered for the draft's mark after a table of 示例讲堂 is imported into `dir`.
fn offered(dir: &Path) -> Vec<String> {
    let desk = Desk::in_folder(dir);
    let report = desk.overview().expect("library").reports[0].id;
    let draft = desk.new_draft(report, 2024).expect("draft").id;
    desk.save_draft(draft, DRAFT).expect("save");
    let folder = dir.join("材料");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(
        folder.join("示例市司法局.txt"),
        "示例市司法局2024年法治宣传情况\n全年普法工作有序开展。\n指标\t本年\n举办示例讲堂（场）\t12\n示例市司法局\n",
    )
    .expect("write");
    let batch = desk
        .import_materials(draft, &[folder], &AtomicBool::new(false), &mut |_| {})
        .expect("import");
    assert_eq!(batch.imported.len(), 1, "{batch:#?}");
    let fills = desk.fill_proposals(draft, DRAFT).expect("fills");
    assert_eq!(fills.len(), 1, "one mark: {fills:#?}");
    fills[0].options.iter().map(|o| o.text.clone()).collect()
}

#[test]
fn a_metrics_file_written_after_the_import_names_the_stored_rows_afresh() {
    let dir = tempfile::tempdir().expect("tmp");
    assert!(offered(dir.path()).is_empty());
    std::fs::write(dir.path().join("metrics.toml"), office_metrics()).expect("write");
    let desk = Desk::in_folder(dir.path());
    let draft = desk.overview().expect("library").drafts[0].id;
    let fills = desk.fill_proposals(draft, DRAFT).expect("fills");
    let texts: Vec<&str> = fills[0].options.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(
        texts,
        ["12场"],
        "the stored row is named by the office's file now"
    );
}

#[test]
fn the_offices_metric_names_the_statistics_row_and_its_mark() {
    let with_file = tempfile::tempdir().expect("tmp");
    std::fs::write(with_file.path().join("metrics.toml"), office_metrics()).expect("write");
    assert_eq!(offered(with_file.path()), ["12场"]);

    let without = tempfile::tempdir().expect("tmp");
    assert!(
        offered(without.path()).is_empty(),
        "the built-in lexicon names the row and the mark apart"
    );
}
