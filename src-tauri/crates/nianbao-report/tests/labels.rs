//! Figure extraction measured against hand-made labels of whole corpus reports
//! (tests/labels/<corpus file>.toml: line, value, unit, approx — numbers only, no corpus text).
//! Fails below recall 95% or precision 97%, and prints the measured figures.

mod common;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Labels {
    figure: Vec<Label>,
}

#[derive(Debug, Deserialize)]
struct Label {
    line: usize,
    value: f64,
    unit: String,
    approx: bool,
}

/// All five reports: 000, 001 and 004 labelled by reviewing every number of every line; 002 and
/// 003 labelled blind (by reading, before looking at the parser's output).
const LABELLED: [&str; 5] = [
    "000_59e847098df36eae.txt",
    "001_19f77dd33b289f3a.txt",
    "002_39d2de0b42660a7e.txt",
    "003_d86cbefe220b43cd.txt",
    "004_27b7b1199d3db883.txt",
];

fn labels(file: &str) -> Labels {
    let path = format!("{}/tests/labels/{file}.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn same(f: &nianbao_report::Figure, l: &Label) -> bool {
    f.line == l.line && f.unit == l.unit && f.approx == l.approx && (f.value - l.value).abs() < 0.01
}

#[test]
fn figure_extraction_meets_recall_and_precision_on_labelled_reports() {
    if !common::corpus_present() {
        return;
    }
    let (mut tp, mut extracted, mut labelled) = (0usize, 0usize, 0usize);
    for file in LABELLED {
        let report = nianbao_report::parse_text(&common::corpus_text(file));
        let labels = labels(file);
        let mut used = vec![false; labels.figure.len()];
        let mut file_tp = 0;
        for f in &report.figures {
            let hit = labels
                .figure
                .iter()
                .enumerate()
                .find(|(i, l)| !used[*i] && same(f, l));
            match hit {
                Some((i, _)) => {
                    used[i] = true;
                    file_tp += 1;
                }
                None => println!(
                    "{file}: extra  line {} {} {}{}",
                    f.line, f.raw, f.value, f.unit
                ),
            }
        }
        for (l, _) in labels.figure.iter().zip(&used).filter(|(_, u)| !**u) {
            println!(
                "{file}: missed line {} {}{} approx={}",
                l.line, l.value, l.unit, l.approx
            );
        }
        println!(
            "{file}: labelled {}, extracted {}, correct {file_tp}",
            labels.figure.len(),
            report.figures.len()
        );
        tp += file_tp;
        extracted += report.figures.len();
        labelled += labels.figure.len();
    }
    let recall = tp as f64 / labelled as f64;
    let precision = tp as f64 / extracted as f64;
    println!(
        "figures: labelled {labelled}, extracted {extracted}, correct {tp}; recall {:.1}%, precision {:.1}%",
        recall * 100.0,
        precision * 100.0
    );
    assert!(recall >= 0.95, "recall {recall:.3} is below 95%");
    assert!(precision >= 0.97, "precision {precision:.3} is below 97%");
}

/// What each figure of a report is named: `L<line> <figure as written> → <metric>` (a change
/// marked `Δ`). Names and figures are labels, not text; the snapshot diff is the review of every
/// naming change.
fn metric_names(report: &nianbao_report::Report) -> Vec<String> {
    report
        .figures
        .iter()
        .map(|f| {
            let mark = if f.change { " Δ" } else { "" };
            format!("L{} {} → {}{mark}", f.line, f.raw, f.metric)
        })
        .collect()
}

#[test]
fn metric_names_of_the_corpus() {
    if !common::corpus_present() {
        return;
    }
    for file in LABELLED {
        let report = nianbao_report::parse_text(&common::corpus_text(file));
        let name = format!("metric_names__{}", &file[..3]);
        insta::assert_yaml_snapshot!(name, metric_names(&report));
    }
}
