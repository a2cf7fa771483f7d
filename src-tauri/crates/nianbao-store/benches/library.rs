//! The library at scale: 1,000 generated reports (the invented 示例市 fixture moved across 50
//! invented governments × 20 years, every figure varied), then search, metric history and a
//! 30,000-character autosave. Run: `cargo bench -p nianbao-store --bench library`.
//!
//! Prints the import time and the database size before divan's table. Budgets (design.md):
//! search ≤ 20 ms median, import of the 1,000 ≤ 30 s. `NIANBAO_BENCH_REPEAT=N` repeats each
//! report's body N times (the fixture is ~2,600 characters; real reports run 8,000–25,000).
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

use divan::Bencher;
use nianbao_import::SourceFormat;
use nianbao_report::{SectionKind, parse_text};
use nianbao_store::{SearchFilters, Source, Store, hash_bytes};

const FIXTURE: &str = include_str!("../tests/fixtures/shili_2023.txt");
const PLACES: [&str; 5] = ["东", "西", "南", "北", "中"];
const FEATURES: [&str; 10] = ["岭", "泽", "川", "塘", "原", "洲", "坪", "湾", "屿", "峰"];

fn main() {
    library();
    divan::main();
}

/// xorshift64 so every run generates the same library.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn government(n: usize) -> String {
    format!("示例{}{}县", PLACES[n / 10 % 5], FEATURES[n % 10])
}

/// The fixture for another government and year, every non-year number scaled by 0.5–1.5.
fn generate(n: usize, year: i32, rng: &mut Rng, repeat: usize) -> String {
    let text = FIXTURE
        .replace("2024", &(year + 1).to_string())
        .replace("2023", &year.to_string())
        .replace("示例市", &government(n));
    let mut out = String::with_capacity(text.len() * repeat);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut Rng| {
        if digits.is_empty() {
            return;
        }
        let is_year = digits.len() == 4 && digits.starts_with("20");
        match digits.parse::<u64>() {
            Ok(v) if !is_year && v > 1 => {
                let scaled = v * (50 + rng.next() % 101) / 100;
                out.push_str(&scaled.max(1).to_string());
            }
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    let (head, body) = text.split_at(text.find("一、").unwrap_or(0));
    out.push_str(head);
    for _ in 0..repeat.max(1) {
        for c in body.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else {
                flush(&mut digits, &mut out, rng);
                out.push(c);
            }
        }
        flush(&mut digits, &mut out, rng);
    }
    out
}

/// Build the 1,000-report library once; print how long it took and how big it is.
fn library() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let repeat = std::env::var("NIANBAO_BENCH_REPEAT")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1);
        let dir = std::env::temp_dir().join(format!("nianbao-bench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("library.sqlite3");
        let store = Store::open(&path).unwrap();
        nianbao_report::segment::warm_up(); // prepared once per process, as in the app
        let mut rng = Rng(0x5EED_1234_ABCD_0001);
        let texts: Vec<String> = (0..1000)
            .map(|i| generate(i / 20, 2005 + (i % 20) as i32, &mut rng, repeat))
            .collect();
        let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
        let started = Instant::now();
        let mut parse_secs = 0.0;
        for (i, text) in texts.iter().enumerate() {
            let t = Instant::now();
            let report = parse_text(text);
            parse_secs += t.elapsed().as_secs_f64();
            let source = Source {
                name: format!("generated-{i}.txt"),
                hash: hash_bytes(text.as_bytes()),
                format: SourceFormat::Text,
                encoding: "UTF-8".into(),
            };
            store.add_report(&source, &report).unwrap();
        }
        let total = started.elapsed().as_secs_f64();
        store.checkpoint().unwrap();
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        eprintln!(
            "library: 1,000 reports, {chars} characters ({} per report); import {total:.2} s \
             (parse {parse_secs:.2} s, store {:.2} s); database {:.1} MB",
            chars / 1000,
            total - parse_secs,
            size as f64 / 1_048_576.0
        );
        path
    })
}

fn store() -> Store {
    Store::open(library()).unwrap()
}

#[divan::bench(args = ["行政复议", "复议", "营商环境", "行政复议 纠错率", "执法证件"])]
fn search(bencher: Bencher, query: &str) {
    let store = store();
    let hits = store
        .search(query, &SearchFilters::default())
        .unwrap()
        .len();
    assert!(hits > 0, "{query} must find something");
    bencher.bench_local(|| store.search(query, &SearchFilters::default()).unwrap());
}

#[divan::bench]
fn search_filtered_by_government_and_section(bencher: Bencher) {
    let store = store();
    let filters = SearchFilters {
        government: Some(government(7)),
        section: Some(SectionKind::Disputes),
        ..SearchFilters::default()
    };
    bencher.bench_local(|| store.search("复议", &filters).unwrap());
}

/// A one-character query: no word index helps, the substring scan reads every paragraph.
#[divan::bench]
fn search_single_rare_character(bencher: Bencher) {
    let store = store();
    bencher.bench_local(|| store.search("鑫", &SearchFilters::default()).unwrap());
}

#[divan::bench]
fn metric_history(bencher: Bencher) {
    let store = store();
    let gov = government(3);
    let metrics = store.metrics_of(&gov).unwrap();
    let metric = metrics
        .iter()
        .find(|m| m.starts_with("行政复议"))
        .or(metrics.first())
        .cloned()
        .unwrap_or_default();
    bencher.bench_local(|| store.metric_history(&gov, &metric).unwrap());
}

/// Autosave of a 30,000-character draft (budget < 5 ms), each save a new text.
#[divan::bench(sample_count = 40, sample_size = 1)]
fn save_version_30k_chars(bencher: Bencher) {
    let store = store();
    let base: String = FIXTURE.chars().cycle().take(30_000).collect();
    let draft = store.create_draft(None, 2024, "基准草稿", &base).unwrap();
    let mut n = 0u64;
    bencher.bench_local(|| {
        n += 1;
        store.save_version(draft, &format!("{n}{base}")).unwrap()
    });
}
