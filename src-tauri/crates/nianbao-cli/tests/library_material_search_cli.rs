//! `nianbao library search` finds the departments' materials too: a library made by
//! nianbao-desk (an invented report, a draft from it, two invented submissions imported as its
//! materials), searched as a process. Material paragraphs are listed after the reports', each
//! with its department, file, line, draft and part, the match marked.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;

use nianbao_desk::Desk;

const REPORT: &str = "示例县人民政府关于2024年度法治政府建设情况的报告\n2024年，示例县深入推进法治政府建设。\n一、主要举措和成效\n（一）化解矛盾纠纷。全年收到行政复议申请48件。\n二、存在的不足和原因\n一是法治宣传仍有短板。\n示例县人民政府\n2025年2月10日\n";

fn search(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["library", "search"])
        .args(args)
        .arg("--db")
        .arg(db)
        .env("NIANBAO_DATA_DIR", "/nonexistent/nianbao-test-data")
        .output()
        .expect("run nianbao")
}

fn library(dir: &Path) -> std::path::PathBuf {
    let report = dir.join("示例县2024年报告.txt");
    std::fs::write(&report, REPORT).expect("write report");
    let db = dir.join("library.sqlite3");
    let desk = Desk::new(None, Some(db.clone()));
    let report_id = desk.import_report(&report).expect("report").report.id;
    let draft = desk.new_draft(report_id, 2025).expect("draft").id;
    let folder = dir.join("材料");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(
        folder.join("示例县司法局.txt"),
        "示例县司法局2025年法治政府建设情况\n一、化解矛盾纠纷\n全年办理行政复议案件52件，开展示例灯塔调解行动。\n示例县司法局\n2026年1月6日\n",
    )
    .expect("write");
    let batch = desk
        .import_materials(draft, &[folder], &AtomicBool::new(false), &mut |_| {})
        .expect("import");
    assert_eq!(batch.imported.len(), 1, "{batch:#?}");
    db
}

#[test]
fn material_paragraphs_are_listed_after_the_reports() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = library(tmp.path());
    let run = search(&db, &["行政复议"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let out = String::from_utf8_lossy(&run.stdout);
    let reports = out.find("共找到").expect("the report's hit");
    let materials = out
        .find("在部门材料中找到 1 处")
        .unwrap_or_else(|| panic!("the material's hit:\n{out}"));
    assert!(reports < materials, "reports first:\n{out}");
    assert!(
        out.contains("材料 示例县司法局《示例县司法局.txt》第3行"),
        "{out}"
    );
    assert!(out.contains("（2025年）"), "the draft's year:\n{out}");
    assert!(out.contains("部分：化解矛盾纠纷"), "{out}");
    assert!(out.contains("【行政复议】案件52件"), "{out}");
}

#[test]
fn a_word_only_the_materials_hold_is_found_there() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = library(tmp.path());
    let out = String::from_utf8_lossy(&search(&db, &["示例灯塔"]).stdout).into_owned();
    assert!(out.contains("在报告中未找到"), "{out}");
    assert!(out.contains("【示例灯塔】"), "{out}");
    let other_year =
        String::from_utf8_lossy(&search(&db, &["示例灯塔", "--year", "2024"]).stdout).into_owned();
    assert!(other_year.contains("未找到"), "{other_year}");
    assert!(!other_year.contains("部门材料"), "{other_year}");
}
