//! Figures of real report openings (../shared/corpus-dev, read at run time, never copied) against
//! hand-made labels (tests/labels/corpus-dev-figures/figures.toml: line, value, unit, approx and a
//! short keyword — no text). Measured separately on the tune half and the holdout half of the
//! split written in the label file; and on every corpus-dev file, no figure may lie on a year, a
//! date, a document number or an ordinal.
//!
//! Misses and extras are printed for the tune half only; `NIANBAO_SHOW_HOLDOUT=1` prints the
//! holdout's too (not while tuning: that half measures what tuning did not see).

#[path = "../../../../tests/support/corpus.rs"]
mod corpus_support;

use corpus_support::corpus_dev_dir;

use regex::Regex;
use serde::Deserialize;

fn present() -> bool {
    if std::env::var_os("NIANBAO_CORPUS_DEV").is_some() || corpus_dev_dir().is_dir() {
        return true;
    }
    eprintln!(
        "corpus-dev test skipped: no corpus-dev at {}",
        corpus_dev_dir().display()
    );
    false
}

#[derive(Debug, Deserialize)]
struct Labels {
    file: Vec<FileLabels>,
}

#[derive(Debug, Deserialize)]
struct FileLabels {
    name: String,
    half: String,
    figure: Vec<Label>,
}

#[derive(Debug, Deserialize)]
struct Label {
    line: usize,
    value: f64,
    unit: String,
    approx: bool,
    key: String,
}

fn labels() -> Labels {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/labels/corpus-dev-figures/figures.toml"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> String {
    let path = corpus_dev_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn same(f: &nianbao_report::Figure, l: &Label) -> bool {
    f.line == l.line
        && f.unit == l.unit
        && f.approx == l.approx
        && (f.value - l.value).abs() < 0.01 * l.value.abs().max(1.0)
}

#[derive(Debug, Default)]
struct Tally {
    files: usize,
    labelled: usize,
    extracted: usize,
    correct: usize,
}

impl Tally {
    fn recall(&self) -> f64 {
        if self.labelled == 0 {
            1.0
        } else {
            self.correct as f64 / self.labelled as f64
        }
    }
    fn precision(&self) -> f64 {
        if self.extracted == 0 {
            1.0
        } else {
            self.correct as f64 / self.extracted as f64
        }
    }
}

/// What may never be a figure: years (and year ranges), dates, document numbers, ordinals.
fn trap_spans(line: &str) -> Vec<(usize, usize, &'static str)> {
    let patterns: [(&str, &str); 4] = [
        ("year", r"(?:19|20)\d{2}\s*(?:年|[-—－–]\s*(?:19|20)\d{2})"),
        (
            "date",
            r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{0,2}|\d{1,2}\s*月\s*\d{1,2}\s*日",
        ),
        (
            "doc number",
            r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号|\d+\s*号",
        ),
        ("ordinal", r"第\s*[0-9０-９一二三四五六七八九十百]+"),
    ];
    let mut out = Vec::new();
    for (kind, p) in patterns {
        let re = Regex::new(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        out.extend(re.find_iter(line).map(|m| (m.start(), m.end(), kind)));
    }
    out
}

#[test]
fn figures_of_real_openings_meet_recall_and_precision_on_both_halves() {
    if !present() {
        return;
    }
    let show_holdout = std::env::var_os("NIANBAO_SHOW_HOLDOUT").is_some();
    let labels = labels();
    let mut tune = Tally::default();
    let mut holdout = Tally::default();
    let mut governments = std::collections::BTreeSet::new();
    for file in &labels.file {
        assert!(
            file.figure.iter().all(|l| l.key.chars().count() <= 6),
            "{}: keywords are labels of at most 6 characters",
            file.name
        );
        let report = nianbao_report::parse_text(&read(&file.name));
        governments.insert(file.name.split('_').nth(1).unwrap_or("").to_owned());
        let show = file.half == "tune" || show_holdout;
        let mut used = vec![false; file.figure.len()];
        let mut correct = 0;
        for f in &report.figures {
            match (0..file.figure.len()).find(|&i| !used[i] && same(f, &file.figure[i])) {
                Some(i) => {
                    used[i] = true;
                    correct += 1;
                }
                None if show => println!(
                    "{}: extra  line {} {} = {} {} approx={} [{}]",
                    file.name, f.line, f.raw, f.value, f.unit, f.approx, f.metric
                ),
                None => {}
            }
        }
        if show {
            for (l, _) in file.figure.iter().zip(&used).filter(|(_, u)| !**u) {
                println!(
                    "{}: missed line {} {}{} approx={} ({})",
                    file.name, l.line, l.value, l.unit, l.approx, l.key
                );
            }
        }
        let t = if file.half == "tune" {
            &mut tune
        } else {
            assert_eq!(file.half, "holdout", "{}", file.name);
            &mut holdout
        };
        t.files += 1;
        t.labelled += file.figure.len();
        t.extracted += report.figures.len();
        t.correct += correct;
    }
    for (half, t) in [("tune", &tune), ("holdout", &holdout)] {
        println!(
            "{half}: {} files, labelled {}, extracted {}, correct {}; recall {:.1}%, precision {:.1}%",
            t.files,
            t.labelled,
            t.extracted,
            t.correct,
            t.recall() * 100.0,
            t.precision() * 100.0
        );
    }
    assert!(
        tune.files + holdout.files >= 30 && governments.len() >= 20,
        "at least 30 files from 20 governments are labelled"
    );
    assert!(tune.recall() >= 0.95, "tune recall {:.3}", tune.recall());
    assert!(
        tune.precision() >= 0.98,
        "tune precision {:.3}",
        tune.precision()
    );
    assert!(
        holdout.recall() >= 0.95,
        "holdout recall {:.3}",
        holdout.recall()
    );
    assert!(
        holdout.precision() >= 0.98,
        "holdout precision {:.3}",
        holdout.precision()
    );
}

#[test]
fn no_year_date_document_number_or_ordinal_is_a_figure_in_any_file() {
    if !present() {
        return;
    }
    let mut names: Vec<String> = std::fs::read_dir(corpus_dev_dir())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 70, "corpus-dev holds its 73 files");
    let mut hits = Vec::new();
    let mut traps = 0;
    for name in &names {
        let report = nianbao_report::parse_text(&read(name));
        for (n, line) in report.lines.iter().enumerate() {
            let spans = trap_spans(line);
            traps += spans.len();
            for f in report.figures.iter().filter(|f| f.line == n + 1) {
                if let Some((_, _, kind)) =
                    spans.iter().find(|(s, e, _)| f.start < *e && *s < f.end)
                {
                    hits.push(format!("{name}:{} {kind}: {}", f.line, f.raw));
                }
            }
        }
    }
    println!(
        "{} files, {traps} years/dates/numbers/ordinals, {} taken as figures",
        names.len(),
        hits.len()
    );
    assert!(hits.is_empty(), "taken as figures: {hits:#?}");
}

/// What each figure of every labelled file is named (`L<line> <figure as written> → <metric>`,
/// a change marked `Δ`). Names and figures are labels, not text; the snapshot diff is the review
/// of every naming change.
#[test]
fn metric_names_of_the_labelled_files() {
    if !present() {
        return;
    }
    let mut all = std::collections::BTreeMap::new();
    for file in &labels().file {
        let report = nianbao_report::parse_text(&read(&file.name));
        let names: Vec<String> = report
            .figures
            .iter()
            .map(|f| {
                let mark = if f.change { " Δ" } else { "" };
                format!("L{} {} → {}{mark}", f.line, f.raw, f.metric)
            })
            .collect();
        all.insert(file.name.clone(), names);
    }
    insta::assert_yaml_snapshot!(all);
}
