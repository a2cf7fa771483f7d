//! Import of a 30-page Chinese PDF and of a 30,000-character .doc, both made by LibreOffice
//! from an invented 示例市 report at start (budgets: PDF ≤ 150 ms, .doc ≤ 20 ms).
//! Run: `cargo bench -p nianbao-import --bench formats` (needs soffice).

#[path = "../tests/formats_support/mod.rs"]
mod office;

use std::sync::LazyLock;

use divan::{Bencher, black_box};
use nianbao_import::import_bytes;

/// Invented report text of about `chars` characters, headings every ten paragraphs.
fn report(chars: usize) -> String {
    let mut s = String::from("示例市2024年法治政府建设年度报告\n");
    let mut i = 0;
    while s.chars().count() < chars {
        if i % 10 == 0 {
            s.push_str(&format!(
                "{}、第{}部分工作情况\n",
                ["一", "二", "三", "四", "五", "六", "七", "八", "九"][(i / 10) % 9],
                i / 10 + 1
            ));
        }
        s.push_str(&format!(
            "示例市坚持依法行政，全年共受理行政复议案件{}件，同比增长{}.5%，行政机关负责人出庭应诉率达到100%，\
             办理人大代表建议和政协提案{}件，组织执法人员培训{}人次，各项工作稳步推进。\n",
            100 + i, i % 9 + 1, 40 + i, 300 + i
        ));
        i += 1;
    }
    s
}

/// (30-page PDF, 30,000-character .doc).
static FILES: LazyLock<(Vec<u8>, Vec<u8>)> = LazyLock::new(|| {
    office::soffice().expect("the format benches need LibreOffice (soffice)");
    let dir = tempfile::tempdir().expect("temp dir");
    // 16 pt body on A4 (LibreOffice's margins): 20,000 characters make about 31 pages; main() checks ≥ 30.
    office::convert(
        dir.path(),
        &[
            (
                "pdf30".into(),
                office::official_docx(
                    &report(20_000),
                    office::Layout {
                        header_footer: true,
                        two_columns: false,
                    },
                ),
            ),
            (
                "doc30k".into(),
                office::official_docx(&report(30_000), office::Layout::default()),
            ),
        ],
        &["pdf", "doc"],
    );
    let pdf = std::fs::read(dir.path().join("pdf30.pdf")).expect("pdf");
    let doc = std::fs::read(dir.path().join("doc30k.doc")).expect("doc");
    (pdf, doc)
});

/// Page objects of a PDF as LibreOffice writes it (`/Type/Page` not followed by `s`).
fn page_count(pdf: &[u8]) -> usize {
    pdf.windows(11)
        .filter(|w| w.starts_with(b"/Type/Page") && w[10] != b's')
        .count()
}

fn main() {
    let (pdf, doc) = &*FILES;
    let pages = page_count(pdf);
    assert!(
        pages >= 30,
        "the PDF bench needs 30 pages or more, LibreOffice made {pages}"
    );
    let chars = import_bytes(doc, None)
        .map(|t| t.text.chars().count())
        .unwrap_or(0);
    eprintln!(
        "PDF: {} bytes, {pages} pages; .doc: {} bytes, {chars} characters",
        pdf.len(),
        doc.len()
    );
    divan::main();
}

#[divan::bench]
fn pdf_30_pages(b: Bencher) {
    let pdf = &FILES.0;
    b.bench(|| import_bytes(black_box(pdf), Some("report.pdf")).expect("pdf imports"));
}

#[divan::bench]
fn doc_30000_chars(b: Bencher) {
    let doc = &FILES.1;
    b.bench(|| import_bytes(black_box(doc), Some("report.doc")).expect("doc imports"));
}
