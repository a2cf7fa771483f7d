//! The .docx export: the official layout's values in document.xml, and LibreOffice opens it.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use nianbao_draft::{Templates, draft_from_last, export};

fn docx_part(path: &Path, part: &str) -> String {
    let file = std::fs::File::open(path).expect("open docx");
    let mut zip = zip::ZipArchive::new(file).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name(part)
        .unwrap_or_else(|_| panic!("{part} present"))
        .read_to_string(&mut xml)
        .expect("utf-8 xml");
    xml
}

fn exported_draft(dir: &Path) -> std::path::PathBuf {
    let templates = Templates::load(None).expect("templates");
    let last = common::parse(&common::fixture("示例县2023年法治政府建设年度报告.txt"));
    let draft = draft_from_last(&last, 2024, &templates).expect("draft");
    let out = dir.join("草稿.docx");
    export(&common::parse(&draft.text), &out, &templates).expect("export docx");
    out
}

#[test]
fn docx_has_the_official_page_grid_and_fonts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = exported_draft(dir.path());
    let doc = docx_part(&out, "word/document.xml");
    let must = [
        (r#"w:w="11906""#, "A4 width"),
        (r#"w:h="16838""#, "A4 height"),
        (r#"w:top="2098""#, "top margin 37 mm"),
        (r#"w:bottom="1984""#, "bottom margin 35 mm"),
        (r#"w:left="1588""#, "left margin 28 mm"),
        (r#"w:right="1474""#, "right margin 26 mm"),
        (
            r#"w:type="linesAndChars""#,
            "document grid of lines and characters",
        ),
        (r#"w:linePitch="579""#, "22 lines: 28.95 pt line pitch"),
        (
            r#"w:eastAsia="仿宋_GB2312""#,
            "body font in the eastAsia slot",
        ),
        (r#"w:eastAsia="方正小标宋简体""#, "title font"),
        (r#"w:eastAsia="黑体""#, "level-1 heading font"),
        (r#"w:eastAsia="楷体_GB2312""#, "level-2 heading font"),
        (
            r#"w:ascii="Times New Roman""#,
            "Latin digits in Times New Roman",
        ),
        (r#"<w:sz w:val="32" />"#, "body 16 pt"),
        (r#"<w:sz w:val="44" />"#, "title 22 pt"),
        (
            r#"w:firstLine="640""#,
            "two-character first-line indent: 2 × 16 pt",
        ),
        (r#"w:lineRule="exact""#, "exact line spacing"),
        (
            r#"<w:highlight w:val="yellow" />"#,
            "fill-in marks highlighted",
        ),
    ];
    for (needle, why) in must {
        assert!(
            doc.contains(needle),
            "document.xml must contain {needle}: {why}"
        );
    }
    let settings = docx_part(&out, "word/settings.xml");
    assert!(
        settings.contains("evenAndOddHeaders"),
        "odd and even pages have their own footers"
    );
    let footers: Vec<String> = (1..=2)
        .map(|i| docx_part(&out, &format!("word/footer{i}.xml")))
        .collect();
    assert!(
        footers
            .iter()
            .all(|f| f.contains("PAGE") && f.contains("— ")),
        "page number as — 1 —"
    );
    assert!(
        footers
            .iter()
            .all(|f| f.contains(r#"w:eastAsia="宋体""#) && f.contains(r#"<w:sz w:val="28" />"#)),
        "宋体 四号"
    );
    assert!(
        footers.iter().any(|f| f.contains(r#"w:val="right""#)),
        "odd pages right"
    );
    assert!(
        footers.iter().any(|f| f.contains(r#"w:val="left""#)),
        "even pages left"
    );
}

#[test]
fn libreoffice_converts_the_docx_without_error() {
    let Ok(soffice) = which("soffice") else {
        eprintln!("soffice not on PATH: skipped (make test installs it)");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let out = exported_draft(dir.path());
    let profile = dir.path().join("lo-profile");
    let status = Command::new("timeout")
        .arg("120")
        .arg(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&out)
        .output()
        .expect("run soffice");
    assert!(
        status.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = dir.path().join("草稿.pdf");
    let size = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
    assert!(size > 1000, "LibreOffice produced a PDF ({size} bytes)");
}

fn which(name: &str) -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .ok_or(())
}
