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
        (r#"w:type="lines""#, "document grid of lines"),
        (
            r#"<w:spacing w:val="-5" />"#,
            "16 pt characters condensed by 0.25 pt: 28 to a line",
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

/// A report of long all-Chinese paragraphs, so pages fill up and lines run to the margin.
fn exported_long_report(dir: &Path) -> std::path::PathBuf {
    let clause = "坚持依法行政，规范权力运行，持续优化法治化营商环境，";
    let mut text =
        String::from("示例市人民政府关于2024年度法治政府建设情况的报告\n\n示例省人民政府：\n");
    for _ in 0..12 {
        text.push_str(&clause.repeat(6));
        text.push_str("各项工作取得新进展。\n");
    }
    text.push_str("\n示例市人民政府\n2025年1月20日\n");
    let templates = Templates::load(None).expect("templates");
    let out = dir.join("草稿.docx");
    export(&common::parse(&text), &out, &templates).expect("export docx");
    out
}

#[test]
fn libreoffice_lays_the_docx_out_in_the_official_grid() {
    let Ok(soffice) = which("soffice") else {
        eprintln!("soffice not on PATH: skipped (make test installs it)");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let out = exported_long_report(dir.path());
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

    // The page as LibreOffice lays it out: 28 characters a line, 22 lines a page.
    let Ok(pdftotext) = which("pdftotext") else {
        eprintln!("pdftotext not on PATH: layout not measured (make test installs it)");
        return;
    };
    let text = Command::new(pdftotext)
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(text.status.success(), "pdftotext failed");
    let text = String::from_utf8_lossy(&text.stdout);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 2, "the draft fills more than a page");
    let is_page_number = |l: &str| l.trim().starts_with('—') && l.trim().ends_with('—');
    let lines_of = |page: &str| -> Vec<String> {
        page.lines()
            .filter(|l| !l.trim().is_empty() && !is_page_number(l))
            .map(|l| l.trim().to_string())
            .collect()
    };
    // 22 lines a page at most, and a page that is full has 22 (widow control and headings kept
    // with their text leave some pages short). The first page counts the empty line under the
    // title, which is dropped here.
    let counts: Vec<usize> = pages
        .iter()
        .enumerate()
        .map(|(i, page)| lines_of(page).len() + usize::from(i == 0))
        .collect();
    assert!(
        counts.iter().all(|&n| n <= 22) && counts.contains(&22),
        "lines a page: {counts:?}\n{text}"
    );
    // A line of Chinese only (no digits or Latin, whose widths differ) holds 28 characters,
    // not counting a closing mark squeezed in at its end (a line may not start with `，`).
    let widest = pages
        .iter()
        .flat_map(|p| lines_of(p))
        .filter(|l| !l.chars().any(|c| c.is_ascii()))
        .map(|l| {
            l.trim_end_matches(['，', '。', '、', '；', '：', '”', '）', '》'])
                .chars()
                .count()
        })
        .max()
        .unwrap_or(0);
    assert_eq!(
        widest, 28,
        "the longest all-Chinese line has {widest} characters"
    );
}

fn which(name: &str) -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .ok_or(())
}
