//! `nianbao export --draft ID --db LIBRARY --out OUT --version submit|public` as a process: a
//! library (an invented report added with `nianbao library add`, a draft made from it and saved
//! by nianbao-desk, the same steps the window takes) whose draft has delivery fields kept; the
//! export takes the draft's latest version and those fields, and options given on the command
//! line win over them. An unknown draft id or a missing library is one clear line, exit 2.

use std::path::Path;
use std::process::{Command, Output};

use nianbao_desk::Desk;
use nianbao_desk::dto::DeliveryFieldsItem;

const REPORT_2024: &str = "示例县人民政府关于2024年度法治政府建设情况的报告\n示例市人民政府：\n2024年，示例县深入推进法治政府建设。\n一、主要举措和成效\n（一）加强党的领导。县政府常务会议专题学法4次。\n（二）化解矛盾纠纷。全年收到行政复议申请48件。\n二、存在的不足和原因\n一是法治宣传仍有短板。\n三、2025年工作安排\n一是推进行政复议体制改革。\n示例县人民政府\n2025年2月10日\n";

/// The draft's latest version: every mark filled, an old date in the 落款 that the kept date replaces.
const LATEST: &str = "示例县人民政府关于2025年度法治政府建设情况的报告\n示例市人民政府：\n2025年，示例县持续推进法治政府建设。\n一、主要举措和成效\n（一）加强党的领导。县政府常务会议专题学法6次。\n（二）化解矛盾纠纷。全年收到行政复议申请52件。\n二、存在的不足和原因\n一是基层执法力量不足。\n三、2026年工作安排\n一是深化行政执法规范化。\n示例县人民政府\n2026年2月1日\n";

const KEPT_NUMBER: &str = "示政发〔2026〕5号";
const GIVEN_NUMBER: &str = "示政发〔2026〕9号";
const KEPT_CC: &str = "示例县人大常委会";

fn nianbao(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .env("NIANBAO_DATA_DIR", "/nonexistent/nianbao-test-data")
        .output()
        .expect("run nianbao")
}

fn os<S: AsRef<std::ffi::OsStr> + ?Sized>(s: &S) -> &std::ffi::OsStr {
    s.as_ref()
}

fn export(db: &Path, id: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        os("export"),
        os("--draft"),
        os(id),
        os("--db"),
        db.as_os_str(),
        os("--out"),
        out.as_os_str(),
    ];
    args.extend(extra.iter().map(os));
    nianbao(&args)
}

/// A library with the invented report, a draft of 2025 from it saved twice, and its fields kept.
fn library(dir: &Path) -> (std::path::PathBuf, i64) {
    let report = dir.join("示例县2024年报告.txt");
    std::fs::write(&report, REPORT_2024).expect("write report");
    let db = dir.join("library.sqlite3");
    let run = nianbao(&[
        os("library"),
        os("add"),
        report.as_os_str(),
        os("--db"),
        db.as_os_str(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let desk = Desk::new(None, Some(db.clone()));
    let report_id = desk.list_reports().expect("reports")[0].id;
    let draft = desk.new_draft(report_id, 2025).expect("new draft");
    assert!(
        draft.text.contains('【'),
        "a fresh draft has marks: {}",
        draft.text
    );
    desk.save_draft(draft.id, LATEST).expect("save latest");
    desk.save_delivery_fields(
        draft.id,
        DeliveryFieldsItem {
            doc_number: Some(KEPT_NUMBER.into()),
            addressee: Some("示例市人民政府".into()),
            date: Some("2026-02-20".into()),
            cc: Some(KEPT_CC.into()),
            ..DeliveryFieldsItem::default()
        },
    )
    .expect("keep fields");
    (db, draft.id)
}

/// The text of word/document.xml's runs, tags dropped.
fn docx_text(docx: &Path) -> String {
    let run = Command::new("unzip")
        .arg("-p")
        .arg(docx)
        .arg("word/document.xml")
        .output()
        .expect("run unzip");
    assert!(run.status.success(), "unzip {}", docx.display());
    let xml = String::from_utf8(run.stdout).expect("utf-8 xml");
    let mut text = String::new();
    let mut inside = false;
    for c in xml.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn submit_version_of_a_library_draft_uses_its_latest_text_and_kept_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, id) = library(dir.path());
    let id = id.to_string();

    let txt = dir.path().join("报送版.txt");
    let run = export(&db, &id, &txt, &["--version", "submit"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        said.contains("已导出报送版") && said.contains(KEPT_NUMBER),
        "{said}"
    );
    let text = std::fs::read_to_string(&txt).expect("submit text");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&KEPT_NUMBER), "the kept 文号: {lines:?}");
    assert!(
        lines.contains(&"2026年2月20日"),
        "the kept date, in Arabic numerals: {lines:?}"
    );
    assert!(
        !text.contains("2026年2月1日"),
        "the draft's own date replaced: {text}"
    );
    assert!(
        text.contains("专题学法6次"),
        "the latest version, not the first: {text}"
    );
    assert!(!text.contains('【'), "{text}");
    assert!(text.contains(KEPT_CC), "抄送 kept: {text}");

    // An option given here wins over the kept field; the others stay.
    let docx = dir.path().join("报送版.docx");
    let run = export(
        &db,
        &id,
        &docx,
        &["--version", "submit", "--doc-number", GIVEN_NUMBER],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let body = docx_text(&docx);
    assert!(body.contains(GIVEN_NUMBER), "{body}");
    assert!(!body.contains(KEPT_NUMBER), "{body}");
    assert!(
        body.contains("示例市人民政府：") || body.contains("示例市人民政府"),
        "{body}"
    );
    assert!(body.contains("2026年2月20日"), "{body}");
}

#[test]
fn public_version_of_a_library_draft_has_no_number_or_addressee() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, id) = library(dir.path());
    let docx = dir.path().join("公开版.docx");
    let run = export(&db, &id.to_string(), &docx, &["--version", "public"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let body = docx_text(&docx);
    assert!(body.contains("专题学法6次"), "{body}");
    assert!(!body.contains(KEPT_NUMBER), "no 文号 in the 公开版: {body}");
    assert!(
        !body.contains("示例市人民政府："),
        "no 主送 in the 公开版: {body}"
    );
    assert!(!body.contains(KEPT_CC), "no 抄送 in the 公开版: {body}");
    assert!(body.contains("2026年2月20日"), "{body}");

    // Asked for on the command line, the 文号 is printed in the 公开版 too.
    let run = export(
        &db,
        &id.to_string(),
        &docx,
        &["--version", "public", "--public-doc-number"],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(docx_text(&docx).contains(KEPT_NUMBER));
}

#[test]
fn unknown_draft_or_library_is_one_clear_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, _) = library(dir.path());
    let out = dir.path().join("x.docx");

    let run = export(&db, "999", &out, &["--version", "submit"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("没有编号为 999 的草稿"), "{stderr}");
    assert!(!out.exists());

    let missing = dir.path().join("无此库.sqlite3");
    let run = export(&missing, "1", &out, &["--version", "submit"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("不存在"), "{stderr}");
    assert!(!missing.exists(), "no library made by a typo");

    // A file and --draft at once: refused by the argument check.
    let report = dir.path().join("示例县2024年报告.txt");
    let run = nianbao(&[
        os("export"),
        report.as_os_str(),
        os("--draft"),
        os("1"),
        os("--out"),
        out.as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!out.exists());

    // --db without --draft says so rather than being ignored.
    let run = nianbao(&[
        os("export"),
        report.as_os_str(),
        os("--db"),
        db.as_os_str(),
        os("--out"),
        out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--db 只与 --draft 同用"), "{stderr}");
    assert!(!out.exists());
}
