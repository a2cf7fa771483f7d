//! Office fixtures for the format tests: a report's text written as an official-looking .docx
//! (title centred and larger, 一、 headings in a Heading 1 style, body justified with a
//! two-character first-line indent, optional running header and page-number footer), then
//! turned into .pdf and .doc by LibreOffice — all files of a test binary in one `soffice` call,
//! with its own profile so that parallel runs do not share one.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use docx_rs::{
    AlignmentType, Docx, Footer, Header, PageNum, Paragraph, Run, SpecialIndentType, Style,
    StyleType,
};

/// Whether LibreOffice is installed; tests that need it say so and pass when it is not.
pub fn soffice() -> Option<&'static str> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED: LibreOffice (soffice) is not installed; `make test` installs it");
    }
    found.then_some("soffice")
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Layout {
    /// A running header and a `— N —` footer on every page.
    pub header_footer: bool,
    /// Two newspaper columns (set in the section properties).
    pub two_columns: bool,
}

fn is_level1_heading(line: &str) -> bool {
    let t = line.trim();
    let n = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    n > 0 && t.chars().nth(n) == Some('、')
}

/// The text as a drafter's .docx: first line the title, then one paragraph per line.
pub fn official_docx(text: &str, layout: Layout) -> Vec<u8> {
    let mut doc = Docx::new()
        .default_size(32)
        .add_style(Style::new("Heading1", StyleType::Paragraph).name("Heading 1"));
    if layout.header_footer {
        doc = doc
            .header(
                Header::new().add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(Run::new().add_text("示例市人民政府办公室").size(21)),
                ),
            )
            .footer(
                Footer::new().add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(Run::new().add_text("— ").size(28))
                        .add_page_num(PageNum::new())
                        .add_run(Run::new().add_text(" —").size(28)),
                ),
            );
    }
    let mut first = true;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let p = if first {
            first = false;
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(line).size(44))
        } else if is_level1_heading(line) {
            Paragraph::new()
                .style("Heading1")
                .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
                .add_run(Run::new().add_text(line).size(32))
        } else {
            Paragraph::new()
                .align(AlignmentType::Both)
                .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
                .add_run(Run::new().add_text(line))
        };
        doc = doc.add_paragraph(p);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .expect("docx-rs writes the package");
    let bytes = out.into_inner();
    if layout.two_columns {
        two_columns(&bytes)
    } else {
        bytes
    }
}

/// Rewrite word/document.xml so the section has two columns.
fn two_columns(docx: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().to_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("inflate");
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).expect("utf-8 xml");
            let xml = xml.replacen(
                "</w:sectPr>",
                "<w:cols w:num=\"2\" w:space=\"425\"/></w:sectPr>",
                1,
            );
            data = xml.into_bytes();
        }
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        writer.write_all(&data).expect("write");
    }
    writer.finish().expect("finish").into_inner()
}

/// Convert every `(stem, docx bytes)` to each of `targets` (`pdf`, `doc`) with one soffice call
/// per target; returns the folder holding `<stem>.<target>`.
pub fn convert(dir: &Path, docs: &[(String, Vec<u8>)], targets: &[&str]) -> PathBuf {
    let mut inputs = Vec::new();
    for (stem, bytes) in docs {
        let path = dir.join(format!("{stem}.docx"));
        std::fs::write(&path, bytes).expect("write the .docx");
        inputs.push(path);
    }
    let profile = dir.join("lo-profile");
    for target in targets {
        let filter = match *target {
            "doc" => "doc:MS Word 97",
            other => other,
        };
        let status = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                filter,
                "--outdir",
            ])
            .arg(dir)
            .args(&inputs)
            .output()
            .expect("soffice runs");
        assert!(status.status.success(), "soffice failed: {status:?}");
        for (stem, _) in docs {
            assert!(
                dir.join(format!("{stem}.{target}")).exists(),
                "soffice made no {stem}.{target}: {}",
                String::from_utf8_lossy(&status.stderr)
            );
        }
    }
    dir.to_owned()
}

/// A PDF written by hand: `pages` content streams (uncompressed), one Type1 font, no ToUnicode.
pub fn handmade_pdf(pages: &[&str], extra_trailer: &str) -> Vec<u8> {
    let mut objects: Vec<String> = Vec::new();
    let n = pages.len();
    // 1 catalog, 2 pages, 3 font, then page/content pairs.
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {n} >>",
        kids.join(" ")
    ));
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into());
    for (i, content) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {extra_trailer}>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
