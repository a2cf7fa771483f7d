//! `nianbao check --db`: a finding the drafter marked 不是错误 in the window (kept in the library
//! for the draft of this government and year) is left out, as the window leaves it out, and said
//! to be; `--all` lists it again.

mod common;

use common::{json, nianbao};
use nianbao_desk::Desk;

/// An invented report for the sample library's government, the year of its draft: two slips.
const TEXT: &str = "示例市人民政府关于2024年度法治政府建设情况的报告\n\
一、主要工作\n\
全面布署年度法治政府建设工作，确保落实到到位。\n";

fn codes_and_words(v: &serde_json::Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            format!(
                "{}|{}",
                f["code"].as_str().unwrap_or_default(),
                f["matched"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn findings_dismissed_in_the_window_are_left_out_unless_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The window's way: the sample library's draft, checked, one finding marked 不是错误.
    let desk = Desk::in_folder(dir.path());
    let overview = desk.overview().expect("the sample library is seeded");
    let draft = overview.drafts.first().expect("the sample has a draft");
    assert_eq!(draft.year, 2024, "the sample draft is for 2024");
    let check = desk
        .check_draft(TEXT, draft.last_report_id, Some(2024))
        .expect("check");
    let typo = check
        .findings
        .iter()
        .find(|f| f.matched.as_deref() == Some("布署"))
        .expect("the window finds 布署");
    desk.dismiss_finding(draft.id, &typo.key, "布署 → 部署")
        .expect("dismiss");
    desk.close();
    drop(desk);

    let file = dir.path().join("示例市2024年报告.txt");
    std::fs::write(&file, TEXT).expect("write the report");
    let file = file.to_string_lossy().into_owned();
    let db = dir.path().join(nianbao_store::DB_FILE_NAME);
    let db = db.to_string_lossy().into_owned();
    let run = |extra: &[&str]| {
        let mut args = vec!["check", file.as_str(), "--only", "proof"];
        args.extend_from_slice(extra);
        let out = nianbao().args(&args).output().expect("run nianbao");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };

    let all = codes_and_words(&json(&run(&["--format", "json"])));
    assert!(
        all.contains(&"proof.typo|布署".to_owned()) && all.len() == 2,
        "without --db both slips: {all:?}"
    );
    let honoured = codes_and_words(&json(&run(&["--db", &db, "--format", "json"])));
    assert_eq!(
        honoured.len(),
        1,
        "the dismissed 布署 is left out: {honoured:?}"
    );
    assert!(
        !honoured.contains(&"proof.typo|布署".to_owned()),
        "{honoured:?}"
    );
    let shown = codes_and_words(&json(&run(&["--db", &db, "--all", "--format", "json"])));
    assert_eq!(shown, all, "--all lists the dismissed finding again");

    let text = String::from_utf8_lossy(&run(&["--db", &db]).stdout).into_owned();
    assert!(!text.contains("“布署”"), "no line about 布署: {text}");
    assert!(
        text.contains("另有 1 项已由起草人标为“不是错误”，未列出（加 --all 列出全部）"),
        "the text says what was left out: {text}"
    );
    let text = String::from_utf8_lossy(&run(&["--db", &db, "--all"]).stdout).into_owned();
    assert!(text.contains("“布署”") && !text.contains("另有"), "{text}");
}

#[test]
fn the_drafters_links_in_the_library_are_said_to_be_used() {
    use nianbao_check::{FigureKey, FigureLink, LinkKind};
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = Desk::in_folder(dir.path());
    desk.overview().expect("the sample library is seeded");
    let key = |metric: &str| FigureKey {
        metric: metric.into(),
        value: 1.0,
        unit: "件".into(),
        clause: "0".into(),
    };
    for (kind, this, last) in [
        (LinkKind::Same, Some(key("甲")), Some(key("乙"))),
        (LinkKind::NotSame, Some(key("丙")), Some(key("丁"))),
        (LinkKind::NotComparable, Some(key("戊")), None),
        (LinkKind::NotComparable, None, Some(key("己"))),
    ] {
        desk.link_figures(
            "示例市人民政府",
            2024,
            2023,
            &FigureLink { kind, this, last },
        )
        .expect("link");
    }
    desk.close();
    drop(desk);
    let file = dir.path().join("示例市2024年报告.txt");
    std::fs::write(&file, TEXT).expect("write the report");
    let last = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/sample-library/示例市2023年法治政府建设年度报告.txt");
    let db = dir.path().join(nianbao_store::DB_FILE_NAME);
    let run = |with_db: bool| {
        let mut cmd = nianbao();
        cmd.arg("check").arg(&file).arg("--last").arg(&last);
        if with_db {
            cmd.arg("--db").arg(&db);
        }
        let out = cmd.output().expect("run nianbao");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = run(true);
    assert!(
        text.contains(
            "已按报告库中起草人的人工对照核对数据：确认同一项 1 处、取消关联 1 处、不可比 2 处"
        ),
        "{text}"
    );
    assert!(
        !run(false).contains("人工对照"),
        "no library, no links to speak of"
    );
}

#[test]
fn all_needs_a_library() {
    let out = nianbao()
        .args(["check", "x.txt", "--all"])
        .output()
        .expect("run nianbao");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_help_says_what_db_leaves_out_and_all_brings_back() {
    let out = nianbao()
        .args(["check", "--help"])
        .output()
        .expect("run nianbao");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--all") && help.contains("不是错误"),
        "{help}"
    );
}
