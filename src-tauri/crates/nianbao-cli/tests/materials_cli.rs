//! `nianbao materials` as a process on a folder of invented department submissions made here:
//! .docx (with a statistics table), .txt, .doc and .pdf (LibreOffice converts a .docx at test
//! time), an .xlsx statistics table (LibreOffice converts a .csv), and a broken .docx that is
//! listed in `errors` while the rest are read.

use std::path::Path;
use std::process::{Command, Output};

use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .env_remove("NIANBAO_DATA_DIR")
        .output()
        .expect("run nianbao")
}

fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
}

/// A submission as Word writes it: paragraphs, then a statistics table when given rows.
fn docx(lines: &[&str], table: &[[&str; 3]]) -> Vec<u8> {
    let mut doc = Docx::new();
    for l in lines {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(*l)));
    }
    if !table.is_empty() {
        let rows = table
            .iter()
            .map(|r| TableRow::new(r.iter().map(|c| cell(c)).collect()))
            .collect();
        doc = doc.add_table(Table::new(rows));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).expect("pack the .docx");
    out.into_inner()
}

const JUSTICE: &[&str] = &[
    "示例市司法局2024年法治政府建设情况报告",
    "一、化解矛盾纠纷",
    "全年办理行政复议案件142件，行政机关负责人出庭应诉率100%，调解矛盾纠纷320起。",
    "二、普法宣传",
    "开展“八五”普法宣传活动12场，落实“谁执法谁普法”责任制。",
    "三、存在的不足",
    "基层法治宣传力量仍然薄弱。",
    "示例市司法局",
    "2025年1月6日",
];

const TOWN: &[&str] = &[
    "2024年法治建设工作总结",
    "今年我镇调解邻里纠纷56起，化解矛盾纠纷成效明显。",
    "下一步，我镇将继续推进法治乡村建设。",
    "示例镇人民政府",
    "2025年1月8日",
];

const STREET: &[&str] = &[
    "示例街道办事处关于2024年度法治政府建设工作的报告",
    "全面落实行政执法三项制度，开展执法案卷评查3次。",
];

fn soffice(dir: &Path, target: &str, inputs: &[&Path]) -> bool {
    let profile = dir.join("lo-profile");
    Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
        ])
        .arg(dir)
        .args(inputs)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn has_soffice() -> bool {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("LibreOffice (soffice) missing: .doc/.pdf/.xlsx fixtures skipped");
    }
    found
}

/// The folder of submissions; returns how many files should be read.
fn submissions(dir: &Path) -> usize {
    let folder = dir.join("材料");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(
        folder.join("示例市司法局.docx"),
        docx(
            JUSTICE,
            &[
                ["指标", "上年", "本年"],
                ["行政复议受理案件（件）", "113", "142"],
                ["人民调解案件（件）", "300", "320"],
            ],
        ),
    )
    .expect("docx");
    std::fs::write(
        folder.join("示例市市场监管局.txt"),
        "示例市市场监管局2024年法治政府建设工作总结\n\
         深化“放管服”改革，优化营商环境，全年办理行政许可1200件。\n\
         开展“双随机、一公开”监管抽查85次，行政处罚案件46件。\n",
    )
    .expect("txt");
    std::fs::write(folder.join("坏文件.docx"), b"PK\x03\x04 cut short").expect("broken");
    let mut expected = 2;
    if has_soffice() {
        let work = dir.join("convert");
        std::fs::create_dir_all(&work).expect("work");
        let town = work.join("示例镇.docx");
        std::fs::write(&town, docx(TOWN, &[])).expect("town");
        let street = work.join("示例街道.docx");
        std::fs::write(&street, docx(STREET, &[])).expect("street");
        let csv = work.join("示例镇统计表.csv");
        std::fs::write(&csv, "指标,上年,本年\n人民调解案件（件）,50,56\n").expect("csv");
        assert!(soffice(&work, "doc:MS Word 97", &[&town]), "soffice .doc");
        assert!(soffice(&work, "pdf", &[&street]), "soffice .pdf");
        assert!(soffice(&work, "xlsx", &[&csv]), "soffice .xlsx");
        for name in ["示例镇.doc", "示例街道.pdf", "示例镇统计表.xlsx"] {
            std::fs::copy(work.join(name), folder.join(name)).expect("converted file");
        }
        expected += 3;
    }
    expected
}

fn material<'a>(v: &'a serde_json::Value, file: &str) -> &'a serde_json::Value {
    v["materials"]
        .as_array()
        .expect("materials")
        .iter()
        .find(|m| m["file"] == file)
        .unwrap_or_else(|| panic!("{file} was read: {v:#}"))
}

#[test]
fn a_folder_of_submissions_is_taken_apart() {
    let tmp = tempfile::tempdir().expect("tmp");
    let expected = submissions(tmp.path());
    let folder = tmp.path().join("材料");
    let out = run(&[
        "materials",
        folder.to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "exit 0 with one broken file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        v["materials"].as_array().map(Vec::len),
        Some(expected),
        "{v:#}"
    );
    let errors = v["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{v:#}");
    assert!(
        errors[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("坏文件.docx"))
    );
    assert!(errors[0]["reason"].as_str().is_some_and(|r| !r.is_empty()));

    let justice = material(&v, "示例市司法局.docx");
    assert_eq!(justice["department"], "示例市司法局");
    let paragraphs = justice["paragraphs"].as_array().expect("paragraphs");
    for p in paragraphs {
        for key in ["part", "confidence", "text", "figures"] {
            assert!(p.get(key).is_some(), "a paragraph has `{key}`: {p}");
        }
    }
    let disputes = paragraphs
        .iter()
        .find(|p| {
            p["text"]
                .as_str()
                .is_some_and(|t| t.contains("行政复议案件142件"))
        })
        .expect("the disputes paragraph");
    assert_eq!(disputes["part"], "disputes");
    assert!(
        disputes["figures"].as_array().expect("figures").iter().any(
            |f| f["raw"] == "142件" && f["metric"].as_str().is_some_and(|m| m.contains("复议"))
        ),
        "{disputes:#}"
    );
    let parts: Vec<&str> = paragraphs
        .iter()
        .filter_map(|p| p["part"].as_str())
        .collect();
    assert!(
        parts.contains(&"publicity") && parts.contains(&"problems"),
        "{parts:?}"
    );
    assert!(
        !paragraphs.iter().any(|p| p["text"] == "示例市司法局"),
        "the signature is no paragraph"
    );
    let stats = justice["statistics"].as_array().expect("statistics");
    assert!(
        stats
            .iter()
            .any(|s| s["text"] == "142" && s["cell"] == "表1!C2" && s["last_year"] == false),
        "the table inside the .docx: {stats:#?}"
    );

    let market = material(&v, "示例市市场监管局.txt");
    assert_eq!(market["department"], "示例市市场监管局");
    let market_parts: Vec<&str> = market["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p["part"].as_str())
        .collect();
    assert_eq!(market_parts, ["functions", "enforcement"], "{market:#}");

    if expected > 2 {
        let town = material(&v, "示例镇.doc");
        assert_eq!(town["department"], "示例镇人民政府", "{town:#}");
        let town_parts: Vec<&str> = town["paragraphs"]
            .as_array()
            .expect("paragraphs")
            .iter()
            .filter_map(|p| p["part"].as_str())
            .collect();
        assert_eq!(town_parts, ["disputes", "next_year"], "{town:#}");
        let street = material(&v, "示例街道.pdf");
        assert_eq!(street["department"], "示例街道办事处", "{street:#}");
        assert!(
            street["paragraphs"]
                .as_array()
                .expect("paragraphs")
                .iter()
                .any(|p| p["part"] == "enforcement"),
            "{street:#}"
        );
        let sheet = material(&v, "示例镇统计表.xlsx");
        assert!(
            sheet["statistics"]
                .as_array()
                .expect("statistics")
                .iter()
                .any(|s| s["text"] == "56" && s["last_year"] == false),
            "{sheet:#}"
        );
    }

    let text = run(&["materials", folder.to_str().expect("utf-8")]);
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("[化解矛盾纠纷"), "{text}");
    assert!(text.contains("无法读取"), "{text}");
}

#[test]
fn nothing_readable_is_exit_2() {
    let tmp = tempfile::tempdir().expect("tmp");
    let broken = tmp.path().join("坏文件.docx");
    std::fs::write(&broken, b"PK\x03\x04 cut short").expect("broken");
    let out = run(&["materials", broken.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).trim().is_empty());
}
