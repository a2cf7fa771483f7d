//! The two versions of a corpus report's draft (read at run time, never copied): the 报送版 and
//! the 公开版 exported to .docx, converted to PDF by LibreOffice and read back with pdftotext;
//! the 公开版 also as the portal's .html. Checked: document number, addressee and 抄送 present in
//! the one and absent from the other, the date in Arabic numerals, no fill-in mark in the
//! public one, and the public export refused (nothing written) while marks are left.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao_draft::export::{DeliveryFields, ExportVersion, export_version};
use nianbao_draft::{Templates, draft_from_last};

const NUMBER: &str = "示政发〔2026〕3号";
const CC: &str = "示例市人大常委会";

/// The drafter's work, simulated: every figure mark takes last year's value, every other mark
/// a phrase of ours.
fn filled(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('【') {
        let Some(close) = rest[open..].find('】') else {
            break;
        };
        out.push_str(&rest[..open]);
        let inner = &rest[open + '【'.len_utf8()..open + close];
        out.push_str(inner.strip_suffix("→？").unwrap_or("已按要求完成"));
        rest = &rest[open + close + '】'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

fn corpus_report() -> Option<(String, String)> {
    if !common::corpus_present() {
        return None;
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(common::corpus_dir())
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let path = paths.first().expect("a corpus report");
    Some((
        path.display().to_string(),
        std::fs::read_to_string(path).expect("corpus report"),
    ))
}

fn fields() -> DeliveryFields {
    DeliveryFields {
        doc_number: Some(NUMBER.into()),
        addressee: Some("示例省人民政府".into()),
        issuer: Some("示例市人民政府".into()),
        date: Some("2026-02-10".into()),
        cc: Some(CC.into()),
        issuing_mark: Some("示例市人民政府文件".into()),
        ..DeliveryFields::default()
    }
}

fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// PDF text of each .docx (one LibreOffice run), whitespace removed; None without the tools.
fn pdf_texts(dir: &Path, docs: &[&Path]) -> Option<Vec<String>> {
    let (Some(soffice), Some(pdftotext)) = (which("soffice"), which("pdftotext")) else {
        eprintln!("soffice or pdftotext not on PATH: PDF not checked (make test installs them)");
        return None;
    };
    let out = Command::new("timeout")
        .arg("180")
        .arg(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .args(docs)
        .output()
        .expect("run soffice");
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let texts = docs
        .iter()
        .map(|doc| {
            let pdf = doc.with_extension("pdf");
            let out = Command::new(&pdftotext)
                .args(["-enc", "UTF-8"])
                .arg(&pdf)
                .arg("-")
                .output()
                .expect("run pdftotext");
            assert!(out.status.success(), "pdftotext {}", pdf.display());
            String::from_utf8_lossy(&out.stdout)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        })
        .collect();
    Some(texts)
}

#[test]
fn both_versions_of_a_corpus_draft_through_libreoffice() {
    let Some((name, text)) = corpus_report() else {
        return;
    };
    let templates = Templates::load(None).expect("templates");
    let last = common::parse(&text);
    let draft = draft_from_last(&last, 2025, &templates).expect("draft");
    let dir = tempfile::tempdir().expect("temp dir");

    // Unfilled: the public version is refused and names the marks; nothing is written.
    let refused = dir.path().join("未填.docx");
    let err = export_version(
        &common::parse(&draft.text),
        &fields(),
        ExportVersion::Public,
        &refused,
        &templates,
    )
    .expect_err("marks are left in a fresh draft");
    assert_eq!(err.code(), "draft.marks_left", "{name}: {err}");
    assert!(
        err.to_string().contains('【'),
        "the marks are listed: {err}"
    );
    assert!(!refused.exists(), "nothing written for a refused export");

    let report = common::parse(&filled(&draft.text));
    let submit = dir.path().join("报送版.docx");
    let public = dir.path().join("公开版.docx");
    let html = dir.path().join("公开版.html");
    export_version(
        &report,
        &fields(),
        ExportVersion::Submit,
        &submit,
        &templates,
    )
    .expect("submit");
    export_version(
        &report,
        &fields(),
        ExportVersion::Public,
        &public,
        &templates,
    )
    .expect("public");
    export_version(&report, &fields(), ExportVersion::Public, &html, &templates)
        .expect("public html");

    let page = std::fs::read_to_string(&html).expect("html");
    assert!(!page.contains('【') && !page.contains("<mark"), "no marks");
    assert!(!page.contains(NUMBER), "no document number on the portal");
    assert!(
        !page.contains("示例省人民政府："),
        "no addressee on the portal"
    );
    assert!(!page.contains(CC), "no 抄送 on the portal");
    assert!(page.contains("2026年2月10日"), "date in Arabic numerals");
    for outside in ["<script", "src=", "href=", "http:", "https:", "@import"] {
        assert!(!page.contains(outside), "self-contained: {outside} found");
    }

    let Some(texts) = pdf_texts(dir.path(), &[&submit, &public]) else {
        return;
    };
    let (submitted, published) = (&texts[0], &texts[1]);
    assert!(
        submitted.contains(NUMBER),
        "报送版 has the number:\n{submitted}"
    );
    assert!(
        submitted.contains("示例省人民政府："),
        "报送版 has the addressee"
    );
    assert!(
        submitted.contains("示例市人民政府文件"),
        "报送版 has the 发文机关标志"
    );
    assert!(
        submitted.contains(&format!("抄送：{CC}。")),
        "报送版 has 抄送"
    );
    assert!(
        submitted.contains("示例市人民政府2026年2月10日"),
        "issuer over the date"
    );
    assert!(
        !published.contains(NUMBER),
        "公开版 has no number:\n{published}"
    );
    assert!(
        !published.contains("示例省人民政府："),
        "公开版 has no addressee"
    );
    assert!(!published.contains(CC), "公开版 has no 抄送");
    assert!(
        published.contains("2026年2月10日"),
        "公开版 date in Arabic numerals"
    );
    assert!(!published.contains('【'), "公开版 has no fill-in marks");
    let title = report.meta.title.clone().unwrap_or_default();
    let title: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        submitted.contains(&title) && published.contains(&title),
        "both carry the title {title}"
    );
}

/// The red rule under the 文号 and the two rules of the 抄送 are rules, not boxes: every
/// paragraph border of the 报送版 is a top or bottom line (docx-rs boxes all four sides unless
/// told otherwise, and LibreOffice drew a frame around the number and the 抄送).
#[test]
fn the_submit_version_has_rules_not_boxes() {
    use std::io::Read;
    let templates = Templates::load(None).expect("templates");
    let text = "示例县2025年法治政府建设年度报告\n示例市人民政府：\n一、主要举措和成效\n全年办结120件。\n示例县人民政府\n2026年2月1日";
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("报送版.docx");
    export_version(
        &common::parse(text),
        &fields(),
        ExportVersion::Submit,
        &out,
        &templates,
    )
    .expect("submit");
    let mut xml = String::new();
    zip::ZipArchive::new(std::fs::File::open(&out).expect("open"))
        .expect("zip")
        .by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("xml");
    let borders: Vec<&str> = xml
        .split("<w:pBdr>")
        .skip(1)
        .map(|s| s.split("</w:pBdr>").next().unwrap_or_default())
        .collect();
    assert_eq!(
        borders.len(),
        2,
        "the number's rule and the 抄送's: {borders:?}"
    );
    for b in &borders {
        assert!(
            !b.contains("<w:left") && !b.contains("<w:right"),
            "no side borders: {b}"
        );
    }
    assert!(borders[0].contains("<w:bottom") && borders[0].contains("FF0000"));
    assert!(!borders[0].contains("<w:top"), "{}", borders[0]);
    assert!(borders[1].contains("<w:top") && borders[1].contains("<w:bottom"));
}
