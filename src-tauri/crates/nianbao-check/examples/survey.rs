//! Survey the corpus: every finding on each report alone, and the similarity distribution of
//! unrelated paragraph pairs (paragraphs of different reports), to choose thresholds.
//!
//! `cargo run -p nianbao-check --example survey [CORPUS_DIR]` — prints to stdout, writes nothing.

use nianbao_check::{Severity, check, diff, text::is_han};
use nianbao_report::parse_text;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| {
        std::env::var("NIANBAO_CORPUS").unwrap_or_else(|_| "../shared/corpus".into())
    });
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let reports: Vec<_> = files
        .iter()
        .filter_map(|p| {
            std::fs::read_to_string(p)
                .ok()
                .map(|t| (p.clone(), parse_text(&t)))
        })
        .collect();
    for (path, r) in &reports {
        let result = check(r, None);
        println!(
            "== {} year={:?} figures={}",
            path.display(),
            result.year,
            r.figures.len()
        );
        for f in &result.findings {
            if f.severity != Severity::Info {
                println!(
                    "  {:?} {} L{} {} | {}",
                    f.severity, f.code, f.line, f.message, f.excerpt
                );
            }
        }
    }
    let rules = nianbao_check::Rules::embedded();
    let mut ratios = Vec::new();
    for (i, (_, a)) in reports.iter().enumerate() {
        for (_, b) in reports.iter().skip(i + 1) {
            for (_, pa) in a
                .paragraphs()
                .filter(|(_, t)| t.chars().filter(|c| is_han(*c)).count() >= 20)
            {
                let ta = diff::diff_tokens(pa, rules);
                for (_, pb) in b
                    .paragraphs()
                    .filter(|(_, t)| t.chars().filter(|c| is_han(*c)).count() >= 20)
                {
                    let tb = diff::diff_tokens(pb, rules);
                    ratios.push(diff::similarity(&ta, &tb));
                }
            }
        }
    }
    ratios.sort_by(f64::total_cmp);
    let q = |p: f64| {
        ratios
            .get(((ratios.len() as f64 - 1.0) * p) as usize)
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "unrelated pairs: {} | median {:.3} p99 {:.3} p99.9 {:.3} max {:.3}",
        ratios.len(),
        q(0.5),
        q(0.99),
        q(0.999),
        ratios.last().copied().unwrap_or(0.0)
    );
}
