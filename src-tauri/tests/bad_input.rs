//! Every file of the generated bad-input corpus (`tests/bad-input/generate`: zip bombs, broken
//! .docx, random bytes, wrong encodings, 60 MB text, deeply nested HTML ...) goes through the
//! app's `import_report` command over IPC: a sensible import or an `{code, message}` error with
//! a Chinese message, within a few seconds, never a panic. The corpus is written into a temporary
//! folder of this test (not the shared `tests/bad-input/generated`, which the CLI's test uses).

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{TestApp, is_chinese};
use serde::Deserialize;
use serde_json::json;

/// The importer's own budget is 5 s; parsing and storing a best-effort import come on top. The
/// same bound as the CLI's bad-input test: this runs in the debug build, where the domain crates
/// are unoptimised (the 1.7 MB many-figures.txt takes about 5 s here).
const PER_FILE: Duration = Duration::from_secs(10);

#[derive(Debug, Deserialize)]
struct Case {
    file: String,
    what: String,
    /// `error`, `import` or `either` (see the generator's header).
    expect: String,
}

fn generate(out: &Path) -> Vec<Case> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bad-input/generate");
    let run = Command::new("node")
        .arg(&script)
        .arg(out)
        .output()
        .expect("node must be installed to generate the bad-input corpus");
    assert!(
        run.status.success(),
        "the generator failed, so nothing below would be tested: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let manifest = std::fs::read_to_string(out.join("manifest.json")).expect("manifest.json");
    let cases: Vec<Case> = serde_json::from_str(&manifest).expect("manifest.json is valid");
    assert!(
        cases.len() >= 40,
        "the corpus should cover every kind of bad input, found only {}",
        cases.len()
    );
    cases
}

#[test]
fn every_bad_file_is_imported_or_refused_with_a_reason_never_a_panic() {
    let corpus = tempfile::tempdir().expect("temp dir");
    let cases = generate(corpus.path());
    let app = TestApp::new();
    let mut failures = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for case in &cases {
        let path = corpus.path().join(&case.file);
        let started = Instant::now();
        let outcome = app.invoke("import_report", json!({ "path": path }));
        let took = started.elapsed();
        if took > slowest.0 {
            slowest = (took, case.file.clone());
        }
        if took > PER_FILE {
            failures.push(format!("{} ({}): took {took:?}", case.file, case.what));
        }
        match outcome {
            Ok(v) => {
                if case.expect == "error" {
                    failures.push(format!(
                        "{} ({}): imported, must be refused",
                        case.file, case.what
                    ));
                }
                if v["report"]["id"].as_i64().is_none() {
                    failures.push(format!("{}: an import without a report: {v}", case.file));
                }
            }
            Err(e) => {
                // A statistics table reads (the importer's control case) but belongs in a
                // draft's materials: the library refuses it, by code.
                let table = e["code"] == "app.statistics_table"
                    && [".xlsx", ".xls", ".et", ".csv"]
                        .iter()
                        .any(|ext| case.file.ends_with(ext));
                if case.expect == "import" && !table {
                    failures.push(format!("{} ({}): refused: {e}", case.file, case.what));
                }
                let coded = e["code"].as_str().is_some_and(|c| c.contains('.'));
                if !coded || !is_chinese(&e["message"]) {
                    failures.push(format!("{}: not a coded Chinese error: {e}", case.file));
                }
            }
        }
    }
    eprintln!(
        "{} bad files through import_report; slowest {:?} ({})",
        cases.len(),
        slowest.0,
        slowest.1
    );
    assert!(
        failures.is_empty(),
        "bad input the app mishandled:\n{}",
        failures.join("\n")
    );
    // The library is still usable after all of that.
    let overview = app.ok("library_overview", json!({}));
    assert!(overview["reports"].is_array(), "{overview}");
}
