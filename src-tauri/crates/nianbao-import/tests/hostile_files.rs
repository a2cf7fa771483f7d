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
        "import.unsupported",
        "PDF is named"
    );
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    assert_eq!(
        code(import_bytes(&ole, Some("a.doc"))),
        "import.unsupported",
        ".doc is named"
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
