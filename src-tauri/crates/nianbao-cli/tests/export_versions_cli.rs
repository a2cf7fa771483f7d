//! `nianbao export FILE --out OUT --version submit|public` as a process, on the draft of a
//! corpus report (read at run time, never copied): the 公开版 is refused (exit 2, nothing
//! written) while fill-in marks are left, and lists them; once filled, the 报送版 carries the
//! 文号, 主送, 落款 and the 成文日期 in Arabic numerals (checked in its text and, when LibreOffice
//! is installed, in the PDF of its .docx), and the 公开版 has neither 文号 nor 主送.

#[path = "../../../../tests/support/corpus.rs"]
mod corpus_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use corpus_support::{corpus_dir, corpus_present};

const NUMBER: &str = "示政发〔2026〕7号";
const ADDRESSEE: &str = "示例省人民政府";
const ISSUER: &str = "示例市人民政府";

fn nianbao(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .expect("run nianbao")
}

fn os<S: AsRef<std::ffi::OsStr> + ?Sized>(s: &S) -> &std::ffi::OsStr {
    s.as_ref()
}

/// Every fill-in mark `【…】` replaced: a figure mark by last year's value, others by a phrase.
fn fill(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('【') {
        let Some(len) = rest[open..].find('】') else {
            break;
        };
        out.push_str(&rest[..open]);
        let inner = &rest[open + '【'.len_utf8()..open + len];
        out.push_str(inner.strip_suffix("→？").unwrap_or("已完成"));
        rest = &rest[open + len + '】'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// A draft of 2026 from the first corpus report, written by `nianbao draft` into `dir`.
fn corpus_draft(dir: &Path) -> Option<PathBuf> {
    if !corpus_present() {
        return None;
    }
    let mut reports: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    reports.sort();
    let last = reports.first().expect("a corpus report");
    let draft = dir.join("草稿.txt");
    let run = nianbao(&[
        os("draft"),
        os("--from"),
        last.as_os_str(),
        os("--year"),
        os("2026"),
        os("--out"),
        draft.as_os_str(),
    ]);
    assert!(
        run.status.success(),
        "draft: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    Some(draft)
}

fn export(src: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![os("export"), src.as_os_str(), os("--out"), out.as_os_str()];
    args.extend(extra.iter().map(os));
    nianbao(&args)
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// The text of the PDF LibreOffice makes of `docx`, without whitespace; None without the tools.
fn pdf_text(dir: &Path, docx: &Path) -> Option<String> {
    let (Some(soffice), Some(pdftotext)) = (which("soffice"), which("pdftotext")) else {
        eprintln!("soffice or pdftotext not on PATH: the PDF is not checked");
        return None;
    };
    let run = Command::new("timeout")
        .arg("180")
        .arg(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("run soffice");
    assert!(run.status.success(), "soffice: {run:?}");
    let run = Command::new(pdftotext)
        .args(["-enc", "UTF-8"])
        .arg(docx.with_extension("pdf"))
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(run.status.success(), "pdftotext");
    Some(
        String::from_utf8_lossy(&run.stdout)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect(),
    )
}

#[test]
fn public_version_is_refused_while_marks_are_left_and_lists_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(draft) = corpus_draft(dir.path()) else {
        return;
    };
    let text = std::fs::read_to_string(&draft).expect("draft");
    let first_mark = text
        .split('【')
        .nth(1)
        .and_then(|s| s.split('】').next())
        .expect("a fresh draft has fill-in marks");
    let out = dir.path().join("公开版.docx");
    let run = export(
        &draft,
        &out,
        &["--version", "public", "--date", "2026-03-20"],
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("draft.marks_left"), "{stderr}");
    assert!(
        stderr.contains(&format!("【{first_mark}】")) && stderr.contains("第"),
        "every mark listed with its paragraph: {stderr}"
    );
    assert!(!out.exists(), "nothing written while marks are left");
}

#[test]
fn submit_version_carries_number_addressee_issuer_and_arabic_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(draft) = corpus_draft(dir.path()) else {
        return;
    };
    let filled = dir.path().join("定稿.txt");
    std::fs::write(
        &filled,
        fill(&std::fs::read_to_string(&draft).expect("draft")),
    )
    .expect("write filled draft");
    let fields = [
        "--doc-number",
        NUMBER,
        "--addressee",
        ADDRESSEE,
        "--issuer",
        ISSUER,
        "--date",
        "二〇二六年二月九日",
        "--cc",
        "示例市人大常委会",
    ];

    // The 报送版 as text: the lines in their GB/T 9704 order.
    let txt = dir.path().join("报送版.txt");
    let mut args = vec!["--version", "submit"];
    args.extend(fields);
    let run = export(&filled, &txt, &args);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        said.contains("已导出报送版") && said.contains(NUMBER),
        "{said}"
    );
    let text = std::fs::read_to_string(&txt).expect("submit text");
    let lines: Vec<&str> = text.lines().collect();
    let at = |s: &str| {
        lines
            .iter()
            .position(|l| *l == s)
            .unwrap_or_else(|| panic!("no line {s:?} in {lines:?}"))
    };
    let (number, addressee, issuer, date) = (
        at(NUMBER),
        at(&format!("{ADDRESSEE}：")),
        at(ISSUER),
        at("2026年2月9日"),
    );
    assert!(number < addressee && addressee < issuer && issuer + 1 == date);
    assert_eq!(*lines.last().expect("lines"), "抄送：示例市人大常委会。");
    assert!(!text.contains('【'), "a filled draft has no marks");

    // The 报送版 as .docx, through LibreOffice.
    let docx = dir.path().join("报送版.docx");
    let run = export(&filled, &docx, &args);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let public = dir.path().join("公开版.docx");
    let run = export(&filled, &public, &["--version", "public"]);
    assert!(
        run.status.success(),
        "a filled draft is published: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    if let Some(pdf) = pdf_text(dir.path(), &docx) {
        for want in [NUMBER, ADDRESSEE, ISSUER, "2026年2月9日", "抄送"] {
            assert!(pdf.contains(want), "{want} in the submit PDF");
        }
        assert!(!pdf.contains("二〇二六年"), "the date in Arabic numerals");
        let public = pdf_text(dir.path(), &public).expect("public PDF");
        assert!(!public.contains(NUMBER) && !public.contains("抄送"));
        assert!(!public.contains('【'), "no marks in the public version");
    }
}

#[test]
fn delivery_fields_without_a_version_and_an_unknown_version_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("报告.txt");
    std::fs::write(
        &src,
        "示例县2025年法治政府建设年度报告\n一、主要举措\n正文。\n",
    )
    .expect("write");
    let out = dir.path().join("out.docx");
    let run = export(&src, &out, &["--doc-number", NUMBER]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--version"));
    let run = export(&src, &out, &["--version", "draft"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("draft.unknown_version"));
    let run = export(&src, &out, &["--version", "submit"]);
    assert_eq!(run.status.code(), Some(2), "no number, no addressee");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("draft.delivery_incomplete") && stderr.contains("文号"),
        "{stderr}"
    );
    assert!(!out.exists());
}
