//! Paragraph classification measured on real reports taken apart into headless paragraphs: the
//! part each paragraph came from is known from its report's outline (the parser's section kinds,
//! `Report::kind_at`); the classifier does not see the headings. Paragraphs of no standard part
//! (`other`: openings, bundled measures without a kind) are not counted; headings alone are
//! dropped. Two readings: each paragraph alone, and a report's paragraphs in their order
//! (`Classifier::classify_sequence`, as the materials import reads a department's file whose
//! headings name no part). Both know the year the parser reads from the report's title.
//!
//! Halves: corpus-dev is split by government as nianbao-report's labels say (`half` in
//! tests/labels/corpus-dev/meta.toml); the corpus's five full reports are split by file
//! (`CORPUS_TUNE`, declared 2026-12-06 before their errors were looked at). The words and cues
//! of data/parts.toml and the constants of `Sequencing` were chosen on the tune halves and on
//! the invented reports of the repository's fixtures. The holdout halves are only measured and
//! reported separately, with the confusion between parts and the accuracy per confidence tenth
//! (`NIANBAO_MEASURE_BLIND=1` keeps them off the terminal while tuning). Nothing of the corpora
//! is copied here: they are read at run time.
//!
//! `NIANBAO_LEARN=1 cargo test -p nianbao-materials --test measure learn -- --ignored
//! --nocapture` prints candidate words per part from the tune half (how parts.toml was tuned);
//! `… grid …` the tune accuracy of `Sequencing` constants; `NIANBAO_MEASURE_ERRORS=tune` the
//! tune halves' wrong paragraphs; `NIANBAO_MEASURE_FILE=<prefix>` every paragraph of the tune
//! files of that name, with its three best scores. `NIANBAO_MEASURE_DIR=<folder>` adds the
//! reports of a folder as a third, fresh holdout (never tuned on, reported on its own): how a
//! new batch of real reports is measured without copying it here.

#[path = "../../../../tests/support/corpus.rs"]
mod corpus;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use nianbao_materials::Classifier;
use nianbao_materials::classify::Sequencing;
use nianbao_materials::material::is_heading_line;
use nianbao_report::{ReportParser, SectionKind, segment};

/// The measured floors (accuracy on paragraphs of a standard part), 2026-12-06: in sequence
/// (the materials import) holdout 87.5% (corpus-dev 85.9%, corpus 002–004 89.2%), the five
/// corpus reports 93.0%; alone, corpus-dev holdout 85.9% and the five reports 78.1%. Tune
/// halves in sequence: corpus-dev 98.6%, corpus 000–001 100%, invented 96.7%. Issue #16 asks
/// 90%.
const HOLDOUT_FLOOR: f64 = 0.85;
const CORPUS_FLOOR: f64 = 0.78;
const HOLDOUT_SEQ_FLOOR: f64 = 0.85;
const CORPUS_SEQ_FLOOR: f64 = 0.92;
/// Both holdout halves together, in sequence.
const ALL_HOLDOUT_SEQ_FLOOR: f64 = 0.87;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Half {
    Tune,
    /// The invented reports of the repository's fixtures (示例市…): tuned on, like the tune
    /// half; they have the shortcomings and next year's parts the corpus-dev excerpts lack.
    Invented,
    Holdout,
    /// The corpus's full reports tuned on (2026-12-06: `000`, `001`; chosen by the parts they
    /// hold — both have next year's plans, `001` also shortcomings — before their errors were
    /// looked at).
    CorpusTune,
    /// The corpus's other full reports (`002`, `003`, `004`): only measured.
    CorpusHoldout,
    /// Reports never seen, from the folder `NIANBAO_MEASURE_DIR` names (any format the
    /// importer reads; kept outside the repository): only measured, reported on their own.
    Fresh,
}

/// The corpus reports tuned on (file name prefixes); the others are held out.
const CORPUS_TUNE: &[&str] = &["000_", "001_"];

/// One report taken apart: its body paragraphs in order, each with the part its outline puts
/// it in (`other` included: they are in the sequence, not counted).
struct File {
    half: Half,
    name: String,
    year: Option<i32>,
    paragraphs: Vec<(String, SectionKind)>,
}

fn files() -> Option<Vec<File>> {
    if !corpus::corpus_present() {
        return None;
    }
    let meta_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../nianbao-report/tests/labels/corpus-dev/meta.toml");
    let meta: toml::Table =
        toml::from_str(&std::fs::read_to_string(&meta_path).expect("corpus-dev labels"))
            .expect("meta.toml parses");
    let mut paths: Vec<(Half, PathBuf)> = Vec::new();
    for f in meta["file"].as_array().expect("[[file]]") {
        let name = f["name"].as_str().expect("name");
        let half = match f["half"].as_str() {
            Some("holdout") => Half::Holdout,
            _ => Half::Tune,
        };
        paths.push((half, corpus::corpus_dev_dir().join(name)));
    }
    let mut corpus_files: Vec<PathBuf> = std::fs::read_dir(corpus::corpus_dir())
        .expect("corpus folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    corpus_files.sort();
    paths.extend(corpus_files.into_iter().map(|p| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        let tuned = name.is_some_and(|n| CORPUS_TUNE.iter().any(|t| n.starts_with(t)));
        (
            if tuned {
                Half::CorpusTune
            } else {
                Half::CorpusHoldout
            },
            p,
        )
    }));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    for f in INVENTED {
        paths.push((Half::Invented, root.join(f)));
    }
    if let Some(dir) = std::env::var_os("NIANBAO_MEASURE_DIR") {
        let mut fresh: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("NIANBAO_MEASURE_DIR names a folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        fresh.sort();
        paths.extend(fresh.into_iter().map(|p| (Half::Fresh, p)));
    }
    let parser = ReportParser::builtin();
    let mut out = Vec::new();
    for (half, path) in paths {
        let Ok(imported) = nianbao_import::import_path(&path) else {
            continue;
        };
        let report = parser.parse(&imported);
        let body_end = report.meta.body_end.unwrap_or(report.lines.len());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let paragraphs = report
            .paragraphs()
            .filter(|(n, _)| *n <= body_end && !is_heading_line(&report, *n))
            .map(|(n, text)| (text.to_owned(), report.kind_at(n)))
            .collect();
        out.push(File {
            half,
            name,
            // The year as the product reads it from a material: the parser's.
            year: report.meta.year,
            paragraphs,
        });
    }
    Some(out)
}

/// The invented reports (workspace-relative) of the fixtures, each of a different hand.
const INVENTED: &[&str] = &[
    "tests/fixtures/sample-library/示例市2023年法治政府建设年度报告.txt",
    "src-tauri/crates/nianbao-check/tests/fixtures/shili_2023.txt",
    "src-tauri/crates/nianbao-check/tests/fixtures/shili_2024.txt",
    "src-tauri/crates/nianbao-draft/tests/fixtures/示例县2023年法治政府建设年度报告.txt",
    "src-tauri/crates/nianbao-report/tests/fixtures/plain_2023.txt",
    "src-tauri/crates/nianbao-report/tests/fixtures/portal_2024.txt",
    "src-tauri/crates/nianbao-report/tests/fixtures/pre2019_2017.txt",
    "src-tauri/crates/nianbao-store/tests/fixtures/shili_2023.txt",
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    /// Each paragraph read alone (knowing the year of its file).
    Alone,
    /// A file's paragraphs read in their order, no heading known (as the materials import
    /// reads a file whose headings name no part).
    Sequence,
}

#[derive(Default)]
struct Measured {
    right: usize,
    total: usize,
    confusion: BTreeMap<(SectionKind, SectionKind), usize>,
    /// Per confidence tenth: (right, total).
    calibration: [(usize, usize); 10],
    errors: Vec<(String, SectionKind, SectionKind, f64)>,
}

fn measure(files: &[File], halves: &[Half], mode: Mode) -> Measured {
    let c = Classifier::builtin();
    let mut m = Measured::default();
    for f in files.iter().filter(|f| halves.contains(&f.half)) {
        let got: Vec<_> = match mode {
            Mode::Alone => f
                .paragraphs
                .iter()
                .map(|(t, _)| c.classify_in(t, f.year))
                .collect(),
            Mode::Sequence => {
                let items: Vec<(&str, Option<SectionKind>)> = f
                    .paragraphs
                    .iter()
                    .map(|(t, _)| (t.as_str(), None))
                    .collect();
                c.classify_sequence(&items, f.year)
            }
        };
        let show = matches!(f.half, Half::Tune | Half::CorpusTune | Half::Invented)
            && mode == Mode::Sequence
            && std::env::var("NIANBAO_MEASURE_FILE")
                .is_ok_and(|p| !p.is_empty() && f.name.starts_with(&p));
        for ((text, truth), got) in f.paragraphs.iter().zip(got) {
            if show {
                let scores = c.scores_in(text, f.year);
                let mut top: Vec<(f64, &str)> = scores
                    .iter()
                    .zip(SectionKind::ALL)
                    .map(|(s, k)| (*s, k.key()))
                    .collect();
                top.sort_by(|a, b| b.0.total_cmp(&a.0));
                println!(
                    "    {:>12} {:>12} {:.2} [{}] {}",
                    truth.key(),
                    got.part.key(),
                    got.confidence,
                    top.iter()
                        .take(3)
                        .map(|(s, k)| format!("{}:{s:.1}", &k[..4]))
                        .collect::<Vec<_>>()
                        .join(" "),
                    text.chars().take(30).collect::<String>()
                );
            }
            if *truth == SectionKind::Other {
                continue;
            }
            m.total += 1;
            let bucket = ((got.confidence * 10.0) as usize).min(9);
            m.calibration[bucket].1 += 1;
            if got.part == *truth {
                m.right += 1;
                m.calibration[bucket].0 += 1;
            } else {
                m.errors.push((
                    format!("{}: {}", f.name, text.chars().take(60).collect::<String>()),
                    *truth,
                    got.part,
                    got.confidence,
                ));
            }
            *m.confusion.entry((*truth, got.part)).or_default() += 1;
        }
    }
    m
}

fn short(k: SectionKind) -> String {
    k.key().chars().take(5).collect()
}

fn report(name: &str, m: &Measured) -> f64 {
    let acc = m.right as f64 / m.total.max(1) as f64;
    println!(
        "{name}: {}/{} paragraphs in their part = {:.1}%",
        m.right,
        m.total,
        acc * 100.0
    );
    println!("  confusion (row: the part it came from; column: the part it was put in):");
    println!(
        "  {:>6}{}",
        "",
        SectionKind::ALL
            .iter()
            .map(|k| format!("{:>6}", short(*k)))
            .collect::<String>()
    );
    for t in SectionKind::ALL {
        let row: Vec<usize> = SectionKind::ALL
            .iter()
            .map(|g| m.confusion.get(&(t, *g)).copied().unwrap_or(0))
            .collect();
        if row.iter().sum::<usize>() == 0 {
            continue;
        }
        println!(
            "  {:>6}{}",
            short(t),
            row.iter()
                .map(|n| if *n == 0 {
                    format!("{:>6}", ".")
                } else {
                    format!("{n:>6}")
                })
                .collect::<String>()
        );
    }
    println!(
        "  accuracy by confidence: {}",
        m.calibration
            .iter()
            .enumerate()
            .filter(|(_, (_, t))| *t > 0)
            .map(|(i, (r, t))| format!(
                "[{:.1},{:.1}) {r}/{t}",
                i as f64 / 10.0,
                (i + 1) as f64 / 10.0
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    acc
}

/// `NIANBAO_MEASURE_ERRORS=tune` prints the wrong paragraphs of the halves tuned on (their
/// openings, on the terminal only): what the cues were chosen from. Never the holdout's.
fn print_errors(halves: &[Half], m: &Measured) {
    let tuned = halves
        .iter()
        .all(|h| matches!(h, Half::Tune | Half::Invented | Half::CorpusTune));
    if std::env::var("NIANBAO_MEASURE_ERRORS").ok().as_deref() != Some("tune") || !tuned {
        return;
    }
    for (text, truth, got, conf) in &m.errors {
        println!("    {} → {} ({conf:.2}): {text}", truth.key(), got.key());
    }
}

#[test]
fn classification_accuracy_on_headless_paragraphs() {
    let Some(files) = files() else {
        return;
    };
    let mut acc: HashMap<(&str, &str), f64> = HashMap::new();
    for (mode, label) in [(Mode::Alone, "alone"), (Mode::Sequence, "in sequence")] {
        for (halves, name) in [
            (&[Half::Tune][..], "tune (corpus-dev)"),
            (&[Half::CorpusTune][..], "tune (corpus 000, 001)"),
            (&[Half::Invented][..], "tune (invented fixtures)"),
            (&[Half::Holdout][..], "holdout (corpus-dev)"),
            (&[Half::CorpusHoldout][..], "holdout (corpus 002–004)"),
            (&[Half::Holdout, Half::CorpusHoldout][..], "HOLDOUT (all)"),
            (&[Half::Tune, Half::CorpusTune][..], "TUNE (real reports)"),
            (
                &[Half::CorpusTune, Half::CorpusHoldout][..],
                "corpus (all 5)",
            ),
            (&[Half::Fresh][..], "fresh (NIANBAO_MEASURE_DIR)"),
        ] {
            let m = measure(&files, halves, mode);
            if m.total == 0 {
                continue;
            }
            // While tuning, `NIANBAO_MEASURE_BLIND=1` keeps the holdout's figures off the
            // terminal (and its floors unchecked).
            let blind = std::env::var_os("NIANBAO_MEASURE_BLIND").is_some();
            let held = halves
                .iter()
                .any(|h| matches!(h, Half::Holdout | Half::CorpusHoldout | Half::Fresh));
            if blind && held {
                continue;
            }
            let a = report(&format!("{name}, {label}"), &m);
            print_errors(halves, &m);
            if halves == [Half::Holdout] {
                assert!(m.total > 50, "enough holdout paragraphs: {}", m.total);
            }
            acc.insert((name, label), a);
        }
    }
    for (name, label, floor) in [
        ("holdout (corpus-dev)", "alone", HOLDOUT_FLOOR),
        ("corpus (all 5)", "alone", CORPUS_FLOOR),
        ("holdout (corpus-dev)", "in sequence", HOLDOUT_SEQ_FLOOR),
        ("corpus (all 5)", "in sequence", CORPUS_SEQ_FLOOR),
        ("HOLDOUT (all)", "in sequence", ALL_HOLDOUT_SEQ_FLOOR),
    ] {
        let Some(a) = acc.get(&(name, label)).copied() else {
            continue;
        };
        assert!(
            a >= floor,
            "{name} {label}: accuracy {a:.3} under its floor {floor}"
        );
    }
}

/// The constants of [`Sequencing`] tried on the tune half only (prints tune accuracy in
/// sequence for each): `NIANBAO_LEARN=1 cargo test -p nianbao-materials --test measure grid --
/// --ignored --nocapture`.
#[test]
#[ignore]
fn grid() {
    if std::env::var_os("NIANBAO_LEARN").is_none() {
        return;
    }
    let Some(files) = files() else {
        return;
    };
    let c = Classifier::builtin();
    let mut results = Vec::new();
    // Every combination of these values of the constants.
    let mut grid = vec![Sequencing::default()];
    type Field = fn(&mut Sequencing) -> &mut f64;
    let axes: [(Field, &[f64]); 6] = [
        (|s| &mut s.temperature, &[1.5, 2.0, 3.0]),
        (|s| &mut s.switch_numbered, &[1.0, 2.0, 3.0]),
        (|s| &mut s.switch_plain, &[1.0, 2.0, 3.0]),
        (|s| &mut s.topics_in_plans, &[0.0, 0.25, 0.5]),
        (|s| &mut s.leave_next_year, &[4.0, 8.0, 12.0]),
        (|s| &mut s.leave_problems, &[0.0, 4.0, 8.0]),
    ];
    for (field, values) in axes {
        grid = grid
            .iter()
            .flat_map(|how| {
                values.iter().map(move |v| {
                    let mut how = how.clone();
                    *field(&mut how) = *v;
                    how
                })
            })
            .collect();
    }
    for how in grid {
        let mut right = [0usize; 3];
        let mut total = [0usize; 3];
        for f in files
            .iter()
            .filter(|f| matches!(f.half, Half::Tune | Half::Invented | Half::CorpusTune))
        {
            let h = match f.half {
                Half::Invented => 1,
                Half::CorpusTune => 2,
                _ => 0,
            };
            let items: Vec<(&str, Option<SectionKind>)> = f
                .paragraphs
                .iter()
                .map(|(t, _)| (t.as_str(), None))
                .collect();
            let got = c.classify_sequence_with(&items, f.year, &how);
            for ((_, truth), got) in f.paragraphs.iter().zip(got) {
                if *truth != SectionKind::Other {
                    total[h] += 1;
                    right[h] += usize::from(got.part == *truth);
                }
            }
        }
        results.push((
            right[0] + right[1] + right[2],
            format!(
                "{how:?}: tune {}/{}, invented {}/{}, corpus tune {}/{}",
                right[0], total[0], right[1], total[1], right[2], total[2]
            ),
        ));
    }
    results.sort_by_key(|r| r.0);
    for (_, line) in results.iter().rev().take(40) {
        println!("{line}");
    }
}

/// Candidate words per part from the tune half: words of ≥ 2 characters without digits, found
/// in ≥ 3 files, weighed by smoothed log-odds of the part against the rest.
#[test]
#[ignore]
fn learn() {
    if std::env::var_os("NIANBAO_LEARN").is_none() {
        return;
    }
    let Some(files) = files() else {
        return;
    };
    let items: Vec<(Half, String, String, SectionKind)> = files
        .iter()
        .flat_map(|f| {
            f.paragraphs
                .iter()
                .filter(|(_, k)| *k != SectionKind::Other)
                .map(|(t, k)| (f.half, f.name.clone(), t.clone(), *k))
        })
        .collect();
    let mut count: HashMap<(SectionKind, String), f64> = HashMap::new();
    let mut total: HashMap<String, f64> = HashMap::new();
    let mut files: HashMap<String, HashSet<String>> = HashMap::new();
    let mut words_in: HashMap<SectionKind, f64> = HashMap::new();
    for (h, file, text, part) in &items {
        if !matches!(h, Half::Tune | Half::CorpusTune) {
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
