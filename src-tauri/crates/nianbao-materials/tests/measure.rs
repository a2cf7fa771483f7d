//! Paragraph classification measured on real reports taken apart into headless paragraphs: the
//! part each paragraph came from is known from its report's outline (the parser's section kinds,
//! `Report::kind_at`); the classifier sees the paragraph alone. Paragraphs of no standard part
//! (`other`: openings, bundled measures without a kind) and headings alone are not counted.
//!
//! Halves: corpus-dev is split by government as nianbao-report's labels say (`half` in
//! tests/labels/corpus-dev/meta.toml); the words and cues of data/parts.toml were chosen looking
//! at the tune half only. The holdout half and the corpus are reported separately, with the
//! confusion between parts. Nothing of the corpora is copied here: they are read at run time.
//!
//! `NIANBAO_LEARN=1 cargo test -p nianbao-materials --test measure learn -- --ignored
//! --nocapture` prints candidate words per part from the tune half (how parts.toml was tuned).

#[path = "../../../../tests/support/corpus.rs"]
mod corpus;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use nianbao_materials::Classifier;
use nianbao_materials::material::is_heading_line;
use nianbao_report::{ReportParser, SectionKind, segment};

/// The measured floors (accuracy on paragraphs of a standard part): measured 75.3% (holdout)
/// and 71.9% (corpus; tune half 82.2%) on 2026-12-05; the goal of issue #16 is 90%, not reached yet.
const HOLDOUT_FLOOR: f64 = 0.75;
const CORPUS_FLOOR: f64 = 0.71;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Half {
    Tune,
    Holdout,
    Corpus,
}

/// `(half, file, paragraph, its part)` of every file.
fn paragraphs() -> Option<Vec<(Half, String, String, SectionKind)>> {
    if !corpus::corpus_present() {
        return None;
    }
    let meta_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../nianbao-report/tests/labels/corpus-dev/meta.toml");
    let meta: toml::Table =
        toml::from_str(&std::fs::read_to_string(&meta_path).expect("corpus-dev labels"))
            .expect("meta.toml parses");
    let mut files: Vec<(Half, PathBuf)> = Vec::new();
    for f in meta["file"].as_array().expect("[[file]]") {
        let name = f["name"].as_str().expect("name");
        let half = match f["half"].as_str() {
            Some("holdout") => Half::Holdout,
            _ => Half::Tune,
        };
        files.push((half, corpus::corpus_dev_dir().join(name)));
    }
    let mut corpus_files: Vec<PathBuf> = std::fs::read_dir(corpus::corpus_dir())
        .expect("corpus folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    corpus_files.sort();
    files.extend(corpus_files.into_iter().map(|p| (Half::Corpus, p)));
    let parser = ReportParser::builtin();
    let mut out = Vec::new();
    for (half, path) in files {
        let Ok(imported) = nianbao_import::import_path(&path) else {
            continue;
        };
        let report = parser.parse(&imported);
        let body_end = report.meta.body_end.unwrap_or(report.lines.len());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (n, text) in report.paragraphs() {
            if n > body_end || is_heading_line(&report, n) {
                continue;
            }
            let part = report.kind_at(n);
            if part == SectionKind::Other {
                continue;
            }
            out.push((half, name.clone(), text.to_owned(), part));
        }
    }
    Some(out)
}

struct Measured {
    right: usize,
    total: usize,
    confusion: BTreeMap<(SectionKind, SectionKind), usize>,
}

fn measure(items: &[(Half, String, String, SectionKind)], half: Half) -> Measured {
    let c = Classifier::builtin();
    let mut m = Measured {
        right: 0,
        total: 0,
        confusion: BTreeMap::new(),
    };
    for (h, _, text, truth) in items {
        if *h != half {
            continue;
        }
        let got = c.classify(text).part;
        m.total += 1;
        if got == *truth {
            m.right += 1;
        }
        *m.confusion.entry((*truth, got)).or_default() += 1;
    }
    m
}

fn report(name: &str, m: &Measured) -> f64 {
    let acc = m.right as f64 / m.total.max(1) as f64;
    println!(
        "{name}: {}/{} paragraphs in their part = {:.1}%",
        m.right,
        m.total,
        acc * 100.0
    );
    let mut errors: Vec<(&(SectionKind, SectionKind), &usize)> =
        m.confusion.iter().filter(|((t, g), _)| t != g).collect();
    errors.sort_by(|a, b| b.1.cmp(a.1));
    println!("  confusion (part → classified as: paragraphs), most frequent first:");
    for ((t, g), n) in errors.iter().take(15) {
        println!("    {} → {}: {n}", t.key(), g.key());
    }
    let mut per_part: BTreeMap<SectionKind, (usize, usize)> = BTreeMap::new();
    for ((t, g), n) in &m.confusion {
        let e = per_part.entry(*t).or_default();
        e.1 += n;
        if t == g {
            e.0 += n;
        }
    }
    println!(
        "  per part: {}",
        per_part
            .iter()
            .map(|(k, (r, t))| format!("{} {r}/{t}", k.key()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    acc
}

#[test]
fn classification_accuracy_on_headless_paragraphs() {
    let Some(items) = paragraphs() else {
        return;
    };
    let tune = measure(&items, Half::Tune);
    let holdout = measure(&items, Half::Holdout);
    let corpus_m = measure(&items, Half::Corpus);
    report("tune (corpus-dev)", &tune);
    let h = report("holdout (corpus-dev)", &holdout);
    let c = report("corpus", &corpus_m);
    assert!(
        holdout.total > 50,
        "enough holdout paragraphs: {}",
        holdout.total
    );
    assert!(
        h >= HOLDOUT_FLOOR,
        "holdout accuracy {h:.3} under its floor"
    );
    assert!(c >= CORPUS_FLOOR, "corpus accuracy {c:.3} under its floor");
}

/// Candidate words per part from the tune half: words of ≥ 2 characters without digits, found
/// in ≥ 3 files, weighed by smoothed log-odds of the part against the rest.
#[test]
#[ignore]
fn learn() {
    if std::env::var_os("NIANBAO_LEARN").is_none() {
        return;
    }
    let Some(items) = paragraphs() else {
        return;
    };
    let mut count: HashMap<(SectionKind, String), f64> = HashMap::new();
    let mut total: HashMap<String, f64> = HashMap::new();
    let mut files: HashMap<String, HashSet<String>> = HashMap::new();
    let mut words_in: HashMap<SectionKind, f64> = HashMap::new();
    for (h, file, text, part) in &items {
        if *h != Half::Tune {
            continue;
        }
        for w in segment::words(text) {
            if w.chars().count() < 2 || !w.chars().all(|c| c.is_alphabetic()) {
                continue;
            }
            *count.entry((*part, w.to_owned())).or_default() += 1.0;
            *total.entry(w.to_owned()).or_default() += 1.0;
            *words_in.entry(*part).or_default() += 1.0;
            files.entry(w.to_owned()).or_default().insert(file.clone());
        }
    }
    let all: f64 = words_in.values().sum();
    for kind in SectionKind::ALL {
        let in_k = words_in.get(&kind).copied().unwrap_or(0.0);
        if in_k == 0.0 {
            continue;
        }
        let mut scored: Vec<(f64, String)> = total
            .iter()
            .filter(|(w, _)| files.get(*w).is_some_and(|f| f.len() >= 3))
            .filter_map(|(w, t)| {
                let c = count.get(&(kind, w.clone())).copied().unwrap_or(0.0);
                if c < 3.0 {
                    return None;
                }
                let p = (c + 0.5) / in_k;
                let q = (t - c + 0.5) / (all - in_k);
                Some(((p / q).ln(), w.clone()))
            })
            .filter(|(s, _)| *s > 0.7)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        println!("[words.{}]", kind.key());
        for (s, w) in scored.iter().take(40) {
            println!("\"{w}\" = {:.1}", s.min(3.0) / 2.0);
        }
        println!();
    }
}
