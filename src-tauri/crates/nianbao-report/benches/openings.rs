//! Metadata and figure reading on the real report openings of corpus-dev (issue 13), read at
//! run time from `NIANBAO_CORPUS_DEV` (default `../shared/corpus-dev`; never copied): every
//! opening parsed once per iteration (title/label/body/signature metadata, outline, figures and
//! their names). The budget that bounds it is design.md's 5 ms for a whole 30,000-character
//! report; an opening is under 1,000 characters.
//! `cargo bench -p nianbao-report --bench openings`

use std::hint::black_box;
use std::path::PathBuf;

fn openings() -> Vec<String> {
    let dir = std::env::var_os("NIANBAO_CORPUS_DEV").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../../shared/corpus-dev"
            ))
        },
        PathBuf::from,
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn main() {
    // Load jieba and the lexicons before timing.
    let _ = nianbao_report::parse_text("示例市2023年法治政府建设年度报告\n受理行政复议申请12件。");
    divan::main();
}

/// All 73 openings, one after the other (metadata, outline and figures of each).
#[divan::bench]
fn all_corpus_dev_openings(bencher: divan::Bencher) {
    let texts = openings();
    assert!(!texts.is_empty(), "corpus-dev openings are needed");
    bencher.bench(|| {
        texts
            .iter()
            .map(|t| nianbao_report::parse_text(black_box(t)).figures.len())
            .sum::<usize>()
    });
}

/// One opening at a time, in turn (traditional-character ones are converted first).
#[divan::bench]
fn one_opening_in_turn(bencher: divan::Bencher) {
    let texts = openings();
    let mut i = 0usize;
    bencher.bench_local(|| {
        i = (i + 1) % texts.len().max(1);
        let r = nianbao_report::parse_text(black_box(&texts[i]));
        (r.meta.government.is_some(), r.meta.year)
    });
}
