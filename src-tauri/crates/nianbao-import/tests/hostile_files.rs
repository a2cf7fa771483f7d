//! Broken and hostile files: each gets a one-line reason with its own code, never a panic or a
//! hang. The zip bomb is built here by streaming zeros through the zip writer.
mod common;

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use nianbao_import::{ImportError, Limits, import_bytes, import_bytes_with, import_path};
use zip::write::SimpleFileOptions;

fn code(r: Result<nianbao_import::ImportedText, ImportError>) -> &'static str {
    match r {
        Ok(t) => panic!(
            "expected a refusal, got {} lines of {:?}",
            t.text.lines().count(),
            t.format
        ),
        Err(e) => {
            assert!(!e.to_string().contains('\n'), "a reason is one line: {e}");
            e.code()
        }
    }
}

/// A .docx-shaped zip whose document part inflates to `megabytes` of zeros.
fn zip_bomb(megabytes: usize) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    writer
        .start_file("word/document.xml", options)
        .expect("start entry");
    let chunk = vec![0u8; 1024 * 1024];
    for _ in 0..megabytes {
        writer.write_all(&chunk).expect("write zeros");
    }
    writer.finish().expect("finish zip").into_inner()
}

#[test]
fn zip_bomb_is_refused_while_inflating() {
    let bomb = zip_bomb(300);
    assert!(
        bomb.len() * 50 < 300 * 1024 * 1024,
        "the bomb itself is small: {} bytes",
        bomb.len()
    );
    let started = Instant::now();
    let err = code(import_bytes(&bomb, Some("report.docx")));
    assert_eq!(
        err, "import.zip_bomb",
        "300 MB of zeros is past the 200 MB inflate limit"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "refused promptly: {:?}",
        started.elapsed()
    );
}

#[test]
fn truncated_docx_is_refused_as_damaged() {
    let docx =
        common::docx("示例市2024年法治政府建设情况报告\n一、主要举措\n全年受理行政复议案件142件。");
    for cut in [docx.len() - 1, docx.len() * 3 / 4, docx.len() / 2, 64, 5] {
        assert_eq!(
            code(import_bytes(&docx[..cut], Some("report.docx"))),
            "import.corrupt_zip",
            "cut at {cut} of {}: a truncated download is a damaged zip",
            docx.len()
        );
    }
}

#[test]
fn zip_that_is_not_a_docx_says_so() {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    writer
        .start_file("photos/a.jpg", SimpleFileOptions::default())
        .expect("entry");
    writer.write_all(b"not a document").expect("write");
    let bytes = writer.finish().expect("finish").into_inner();
    assert_eq!(
        code(import_bytes(&bytes, Some("report.txt"))),
        "import.not_docx",
        "a zip named .txt"
    );
}

#[test]
fn empty_binary_and_legacy_files_have_their_own_reasons() {
    assert_eq!(code(import_bytes(b"", None)), "import.empty");
    let binary: Vec<u8> = (0..10_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    assert_eq!(
        code(import_bytes(&binary, Some("a.txt"))),
        "import.not_text",
        "random bytes are not text"
    );
    assert_eq!(
        code(import_bytes(&binary, Some("a.docx"))),
        "import.not_docx",
        "named .docx, but no zip"
    );
    assert_eq!(
        code(import_bytes(b"%PDF-1.7\n%\xE2\xE3", None)),
        "import.corrupt_pdf",
        "a PDF is read now; a cut one is named as damaged"
    );
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    assert_eq!(
        code(import_bytes(&ole, Some("a.doc"))),
        "import.corrupt_doc",
        "a .doc is read now; a cut one is named as damaged"
    );
}

#[test]
fn page_of_scripts_only_has_no_text() {
    let page = b"<!DOCTYPE html><html><head><script>var a='\xE7\xA4\xBA\xE4\xBE\x8B\xE3\x80\x82';</script></head><body><style>p{}</style></body></html>";
    assert_eq!(
        code(import_bytes(page, None)),
        "import.no_text",
        "scripts and styles are never text"
    );
}

#[test]
fn oversized_file_on_disk_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(51 * 1024 * 1024).expect("sparse 51 MB file");
    let started = Instant::now();
    assert_eq!(
        code(import_path(&path)),
        "import.too_large",
        "over 50 MB is refused"
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "by its size, without reading it"
    );
}

#[test]
fn spent_time_budget_stops_a_docx_import() {
    let docx = common::docx("示例县2024年法治政府建设情况报告");
    let limits = Limits {
        max_duration: Duration::ZERO,
        ..Limits::DEFAULT
    };
    assert_eq!(
        code(import_bytes_with(&docx, None, &limits)),
        "import.timeout",
        "the deadline is checked"
    );
}

#[test]
fn mojibake_of_random_high_bytes_is_refused_or_kept_whole() {
    // High bytes without controls: not binary, but no encoding reads them cleanly.
    let bytes: Vec<u8> = (0..4000u32)
        .map(|i| 0x80 | ((i.wrapping_mul(2_654_435_761) >> 25) as u8))
        .collect();
    match import_bytes(&bytes, None) {
        Ok(t) => assert!(!t.text.is_empty(), "a best-effort reading keeps the text"),
        Err(e) => assert_eq!(
            e.code(),
            "import.unknown_encoding",
            "or it says the encoding is unknown"
        ),
    }
}

/// A .docx whose document part is `paragraphs` copies of one short paragraph: a small zip that
/// expands to far more text than any report.
fn expanding_docx(paragraphs: usize) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    writer
        .start_file("word/document.xml", options)
        .expect("start entry");
    writer
        .write_all(b"<w:document xmlns:w=\"w\"><w:body>")
        .expect("write");
    let para = "<w:p><w:r><w:t>示例市依法行政全年受理案件一百件。</w:t></w:r></w:p>".repeat(1000);
    for _ in 0..paragraphs / 1000 {
        writer.write_all(para.as_bytes()).expect("write");
    }
    writer.write_all(b"</w:body></w:document>").expect("write");
    writer.finish().expect("finish zip").into_inner()
}

#[test]
fn a_small_docx_expanding_to_megabytes_of_text_is_refused_early() {
    // 1,200,000 paragraphs of 16 characters: ~58 MB of text from a zip of a few hundred KB.
    let docx = expanding_docx(1_200_000);
    assert!(docx.len() < 2 * 1024 * 1024, "{} bytes", docx.len());
    let started = Instant::now();
    assert_eq!(
        code(import_bytes(&docx, Some("r.docx"))),
        "import.too_much_text"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_text_file_of_many_short_lines_is_refused_before_it_is_decoded() {
    let started = Instant::now();
    // 28 MB of two-character lines, and 6 MB (under the byte limit) of them: too many lines.
    for megabytes in [28, 6] {
        let bytes = "1\n".repeat(megabytes * 512 * 1024).into_bytes();
        assert_eq!(
            code(import_bytes(&bytes, Some("r.txt"))),
            "import.too_much_text"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    // A long real-sized report passes.
    let report = "示例市全面推进依法行政，行政复议受理案件数量稳步增长。\n".repeat(2000);
    assert!(import_bytes(report.as_bytes(), Some("r.txt")).is_ok());
}

#[test]
fn an_element_with_a_million_attributes_is_refused_at_once() {
    let mut page = String::from("<html><body><p");
    for i in 0..1_000_000 {
        page.push_str(&format!(" a{i}=\"\""));
    }
    page.push_str(">示例市。</p></body></html>");
    let started = Instant::now();
    assert_eq!(
        code(import_bytes(page.as_bytes(), Some("r.html"))),
        "import.too_complex"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_page_of_a_huge_table_is_refused_before_its_tree_is_built() {
    let mut page = String::from("<html><body><table>");
    while page.len() < 9_500_000 {
        page.push_str("<tr><td>1</td><td>2</td><td>3</td></tr>");
    }
    page.push_str("</table></body></html>");
    let started = Instant::now();
    assert_eq!(
        code(import_bytes(page.as_bytes(), Some("r.html"))),
        "import.too_complex"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn mixed_encodings_are_read_span_by_span() {
    let (gbk, _) = common::gbk("全年共办理行政复议案件一百一十三件。");
    let mut bytes = "示例市人民政府2023年法治政府建设年度报告\n一、主要举措\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(&gbk);
    bytes.extend_from_slice("\n二、存在的不足\n".as_bytes());
    let t = import_bytes(&bytes, Some("r.txt")).expect("imports");
    assert!(
        t.text.contains("全年共办理行政复议案件一百一十三件。"),
        "{}",
        t.text
    );
    assert!(t.text.starts_with("示例市人民政府"), "{}", t.text);
    assert_eq!(t.encoding, "UTF-8+GB18030");
}
