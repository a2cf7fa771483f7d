//! Import + parse of a 30,000-character report with jieba already loaded (budget ≤ 5 ms,
//! design.md). The report is our own fixtures concatenated until it is long enough.
//! `cargo bench -p nianbao-report --bench parse`

use std::hint::black_box;

const FIXTURES: [&str; 3] = [
    include_str!("../tests/fixtures/plain_2023.txt"),
    include_str!("../tests/fixtures/portal_2024.txt"),
    include_str!("../tests/fixtures/pre2019_2017.txt"),
];

/// At least 30,000 characters of report text.
fn long_report() -> String {
    let mut text = String::new();
    while text.chars().count() < 30_000 {
        for f in FIXTURES {
            text.push_str(f);
            text.push('\n');
        }
    }
    text
}

fn main() {
    // Load jieba and the lexicons before timing: the budget is for parsing, not start-up.
    let _ = nianbao_report::parse_text(FIXTURES[0]);
    divan::main();
}

#[divan::bench]
fn import_and_parse_30k_chars(bencher: divan::Bencher) {
    let bytes = long_report().into_bytes();
    bencher.bench(|| {
        let imported = nianbao_import::import_bytes(black_box(&bytes), Some("report.txt"));
        imported.map(|t| nianbao_report::parse(&t).figures.len())
    });
}

#[divan::bench]
fn parse_30k_chars(bencher: divan::Bencher) {
    let text = long_report();
    bencher.bench(|| nianbao_report::parse_text(black_box(&text)).figures.len());
}
