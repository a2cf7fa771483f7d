//! A department's statistics table dropped on the library (or given to `nianbao library add`)
//! is refused with a Chinese reason that says where it belongs; nothing is stored.

use nianbao_desk::Desk;

#[test]
fn a_statistics_table_is_not_stored_as_a_report() {
    let tmp = tempfile::tempdir().expect("tmp");
    let desk = Desk::in_folder(tmp.path().join("data"));
    let before = desk.list_reports().expect("library").len();
    let csv = tmp.path().join("示例市司法局统计表.csv");
    std::fs::write(&csv, "指标,上年,本年\n行政复议受理案件（件）,113,142\n").expect("write");

    let err = desk.import_report(&csv).expect_err("a table is no report");
    assert_eq!(err.code(), "app.statistics_table");
    assert!(err.to_string().contains("部门材料"), "{err}");
    assert_eq!(desk.list_reports().expect("library").len(), before);

    let txt = tmp.path().join("示例市2024年报告.txt");
    std::fs::write(
        &txt,
        "示例市人民政府关于2024年度法治政府建设情况的报告\n一、主要举措\n全年办理行政复议案件142件。\n",
    )
    .expect("write");
    desk.import_report(&txt).expect("a report still imports");
    assert_eq!(desk.list_reports().expect("library").len(), before + 1);
}
