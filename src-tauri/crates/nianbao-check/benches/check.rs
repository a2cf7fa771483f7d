//! Benchmark (design.md budget: a full check of two 30,000-character reports ≤ 20 ms, release).
//!
//! The two reports are built at run time: last year = the five corpus reports and the 示例市 2023
//! fixture joined (≈30,000 characters), this year = the same text with every third number changed
//! and the reports in another order, so every rule (alignment, diffs, copies) has real work.
//! Without the corpus, the fixtures are repeated instead. `cargo bench -p nianbao-check`.

use nianbao_check::check;
use nianbao_report::{Report, parse_text};

fn main() {
    divan::main();
}

fn corpus_texts() -> Vec<String> {
    let dir = std::env::var_os("NIANBAO_CORPUS").map_or_else(
        || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/corpus"),
        std::path::PathBuf::from,
    );
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    texts.push(include_str!("../tests/fixtures/shili_2023.txt").to_owned());
    while texts.iter().map(|t| t.chars().count()).sum::<usize>() < 30_000 {
        texts.push(include_str!("../tests/fixtures/shili_2024.txt").to_owned());
    }
    texts
}

/// Change every third number (a drafter's update) without touching the rest.
fn edit_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let mut count = 0;
    for c in text.chars().chain(std::iter::once('\n')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            count += 1;
            if count % 3 == 0 && digits.len() < 9 && !digits.starts_with("20") {
                let n: u64 = digits.parse().unwrap_or(0);
                out.push_str(&(n + 7).to_string());
            } else {
                out.push_str(&digits);
            }
            digits.clear();
        }
        out.push(c);
    }
    out.pop();
    out
}

fn pair() -> (Report, Report) {
    let texts = corpus_texts();
    let last = texts.join("\n");
    let mut reordered = texts.clone();
    reordered.reverse();
    let this = edit_numbers(&reordered.join("\n"));
    (parse_text(&this), parse_text(&last))
}

#[divan::bench]
fn full_check_of_two_30k_reports(bencher: divan::Bencher) {
    let (this, last) = pair();
    // Jieba and the rules load once per process, outside the measurement.
    let _ = check(&this, Some(&last));
    bencher.bench(|| check(divan::black_box(&this), Some(divan::black_box(&last))));
}

/// The same check as a first one: the segmenter has forgotten which runs of text it prepared, so
/// every cut looks its dictionary words up again (a drafter's first check of two reports whose
/// words are already loaded; the full check above is a re-check, as after an edit).
#[divan::bench]
fn first_check_of_two_30k_reports(bencher: divan::Bencher) {
    let (this, last) = pair();
    let _ = check(&this, Some(&last));
    bencher.bench(|| {
        nianbao_report::segment::forget_prepared();
        check(divan::black_box(&this), Some(divan::black_box(&last)))
    });
}

#[divan::bench]
fn single_report_rules_on_30k(bencher: divan::Bencher) {
    let (this, _) = pair();
    let _ = check(&this, None);
    bencher.bench(|| check(divan::black_box(&this), None));
}

/// Proofreading alone (`proof.*`, issue 17's budget: ≤ 5 ms added to the check of a 30,000-character
/// report): what the proofreader adds to `single_report_rules_on_30k`.
#[divan::bench]
fn proofreading_of_a_30k_report(bencher: divan::Bencher) {
    let (this, _) = pair();
    let rules = nianbao_check::Rules::embedded();
    let _ = nianbao_check::proofread(&this, Some(2024), rules);
    bencher.bench(|| nianbao_check::proofread(divan::black_box(&this), Some(2024), rules));
}

/// The figure alignment alone (issue 14): what pairing the figures of the two reports costs
/// inside `full_check_of_two_30k_reports`.
#[divan::bench]
fn figure_alignment_of_two_30k_reports(bencher: divan::Bencher) {
    let (this, last) = pair();
    let rules = nianbao_check::Rules::embedded();
    let aligner = nianbao_check::FigureAligner::new(rules);
    let _ = aligner.align(&this, &last);
    bencher.bench(|| aligner.align(divan::black_box(&this), divan::black_box(&last)));
}
