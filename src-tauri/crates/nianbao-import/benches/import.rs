//! Import of a 30,000-character report as a GBK .txt, a saved portal page and a .docx.
//! The text is built at run time from the corpus (never stored); without a corpus, from an
//! invented 示例市 paragraph. Run: `cargo bench -p nianbao-import`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::sync::LazyLock;

use divan::{Bencher, black_box};
use nianbao_import::import_bytes;

const TARGET_CHARS: usize = 30_000;

static REPORT: LazyLock<String> = LazyLock::new(|| {
    let source: String = if common::corpus_dir().is_dir() {
        common::corpus()
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        "（一）化解矛盾纠纷。示例市全年收到行政复议申请156件，受理142件，审结130件，纠错率12.3%。\n"
            .repeat(200)
    };
    let mut out = String::new();
    for line in source.lines().cycle() {
        if out.chars().count() >= TARGET_CHARS {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
});

static GBK_TEXT: LazyLock<Vec<u8>> = LazyLock::new(|| common::gbk(&REPORT).0);
static UTF8_TEXT: LazyLock<Vec<u8>> = LazyLock::new(|| REPORT.clone().into_bytes());
static HTML_PAGE: LazyLock<Vec<u8>> = LazyLock::new(|| common::portal_page(&REPORT));
static DOCX: LazyLock<Vec<u8>> = LazyLock::new(|| common::docx(&REPORT));

fn main() {
    eprintln!(
        "input: {} chars; GBK {} B, HTML {} B, docx {} B",
        REPORT.chars().count(),
        GBK_TEXT.len(),
        HTML_PAGE.len(),
        DOCX.len()
    );
    divan::main();
}

#[divan::bench]
fn gbk_text(bencher: Bencher) {
    bencher.bench(|| import_bytes(black_box(&GBK_TEXT), Some("report.txt")));
}

#[divan::bench]
fn utf8_text(bencher: Bencher) {
    bencher.bench(|| import_bytes(black_box(&UTF8_TEXT), Some("report.txt")));
}

#[divan::bench]
fn html_page(bencher: Bencher) {
    bencher.bench(|| import_bytes(black_box(&HTML_PAGE), Some("report.html")));
}

#[divan::bench]
fn docx(bencher: Bencher) {
    bencher.bench(|| import_bytes(black_box(&DOCX), Some("report.docx")));
}
