//! Robustness proof: every file of the generated bad-input corpus (`tests/bad-input/generate`:
//! zip bombs, broken .docx, random bytes, wrong encodings, 60 MB text, 5,000 headings, 1 MB lines,
//! deeply nested tables ...) goes through `nianbao outline`, `figures` and `check` as a real
//! process, each watched from outside: a clear error (exit 2, one line on stderr) or a sensible
//! import (exit 0, valid JSON), never a panic (101) or a signal, never past a wall-clock limit,
//! never past a memory bound. The peak memory of every run is printed (`--nocapture`).
//!
//! This test must never hold corpus text of its own (the generator writes invented text) and
//! never needs unsafe code: peak memory is read by polling `/proc/<pid>/status` (VmHWM).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::Deserialize;

/// A run that takes longer is killed and counted as a hang.
const WALL_LIMIT: Duration = Duration::from_secs(10);
/// A run whose peak resident memory passes this is killed and counted as unbounded.
const MEMORY_LIMIT_KB: u64 = 500 * 1024;
/// How often the watcher samples the child (VmHWM is a high-water mark, so sampling only
/// risks missing a peak reached in the last interval before exit).
const POLL: Duration = Duration::from_millis(2);

#[derive(Debug, Deserialize)]
struct Case {
    file: String,
    what: String,
    /// `error`, `import` or `either` (see the generator's header).
    expect: String,
    /// The peak memory this case may take (issue 19: 10× the text plus a floor), below
    /// [`MEMORY_LIMIT_KB`].
    #[serde(default, rename = "budgetMb")]
    budget_mb: Option<u64>,
    /// Words the outline of a sound import shows (a mojibake import would not).
    #[serde(default, rename = "outlineContains")]
    outline_contains: Vec<String>,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

fn bad_input_dir() -> PathBuf {
    repo_root().join("tests/bad-input")
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The corpus, generated once per test process (by node) when missing or older than its script.
fn corpus() -> &'static (PathBuf, Vec<Case>) {
    static CORPUS: OnceLock<(PathBuf, Vec<Case>)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = bad_input_dir();
        let script = dir.join("generate");
        let generated = dir.join("generated");
        let manifest = generated.join("manifest.json");
        let stale = match (modified(&manifest), modified(&script)) {
            (Some(made), Some(written)) => made < written,
            _ => true,
        };
        if stale {
            let out = Command::new("node")
                .arg(&script)
                .arg(&generated)
                .output()
                .expect("node must be installed to generate the bad-input corpus");
            assert!(
                out.status.success(),
                "the bad-input generator failed, so nothing below would be tested: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let json = std::fs::read_to_string(&manifest).expect("generator writes manifest.json");
        let cases: Vec<Case> = serde_json::from_str(&json).expect("manifest.json is valid");
        assert!(
            cases.len() >= 40,
            "the corpus should cover every kind of bad input, found only {}",
            cases.len()
        );
        (generated, cases)
    })
}

/// What happened to one run, seen from outside.
#[derive(Debug)]
struct Outcome {
    code: Option<i32>,
    signal: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    elapsed: Duration,
    peak_kb: u64,
    killed_for: Option<&'static str>,
}

fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    })
}

/// Run `nianbao args...`, sampling its peak memory, killing it past the time or memory limit.
fn run_watched(args: &[&std::ffi::OsStr]) -> Outcome {
    use std::os::unix::process::ExitStatusExt;

    let started = Instant::now();
    let mut child: Child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn nianbao");
    let pid = child.id();
    let out = drain(child.stdout.take().expect("piped stdout"));
    let err = drain(child.stderr.take().expect("piped stderr"));
    let mut peak_kb = 0;
    let mut killed_for = None;
    let status = loop {
        if let Some(kb) = vm_hwm_kb(pid) {
            peak_kb = peak_kb.max(kb);
        }
        match child.try_wait().expect("wait for nianbao") {
            Some(status) => break status,
            None if started.elapsed() > WALL_LIMIT => killed_for = Some("time"),
            None if peak_kb > MEMORY_LIMIT_KB => killed_for = Some("memory"),
            None => {}
        }
        if killed_for.is_some() {
            let _ = child.kill();
            break child.wait().expect("reap nianbao");
        }
        std::thread::sleep(POLL);
    };
    Outcome {
        code: status.code(),
        signal: status.signal(),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        elapsed: started.elapsed(),
        peak_kb,
        killed_for,
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every way an outcome can break the contract, as readable sentences (empty: it kept it).
fn contract_breaches(case: &Case, o: &Outcome) -> Vec<String> {
    let mut breaches = Vec::new();
    let stderr = String::from_utf8_lossy(&o.stderr);
    if let Some(what) = o.killed_for {
        breaches.push(format!(
            "killed for {what} after {:?} at {} MB peak",
            o.elapsed,
            o.peak_kb / 1024
        ));
        return breaches;
    }
    match (o.code, o.signal) {
        (Some(0), _) => {
            if let Err(e) = serde_json::from_slice::<serde_json::Value>(&o.stdout) {
                breaches.push(format!("exit 0 but stdout is not the JSON promised: {e}"));
            }
            if case.expect == "error" {
                breaches.push("accepted a file the contract says must be refused".into());
            }
        }
        (Some(2), _) => {
            let lines: Vec<&str> = stderr.trim().lines().collect();
            if lines.len() != 1 {
                breaches.push(format!(
                    "exit 2 needs exactly one stderr line, got {lines:?}"
                ));
            } else if !has_cjk(lines[0]) {
                breaches.push(format!(
                    "the reason should be Chinese (with English): {lines:?}"
                ));
            }
            if case.expect == "import" {
                breaches.push(format!("refused a file it must import: {}", stderr.trim()));
            }
        }
        (Some(101), _) => breaches.push(format!("PANIC: {}", stderr.trim())),
        (Some(code), _) => breaches.push(format!("exit {code}: {}", stderr.trim())),
        (None, signal) => breaches.push(format!(
            "died of signal {signal:?} (abort or stack overflow): {}",
            stderr.trim()
        )),
    }
    breaches
}

/// Run one subcommand over the whole corpus, print a line per file, fail with every breach.
fn every_file_through(subcommand: &str) {
    let (dir, cases) = corpus();
    let mut failures = Vec::new();
    let mut worst = (0u64, String::new());
    println!("{subcommand}: file / exit / ms / peak MB");
    for case in cases {
        let path = dir.join(&case.file);
        let mut args: Vec<&std::ffi::OsStr> =
            vec![std::ffi::OsStr::new(subcommand), path.as_os_str()];
        if subcommand == "check" {
            // The file against itself: both sides hostile, every diff rule at full size.
            args.extend([std::ffi::OsStr::new("--last"), path.as_os_str()]);
        }
        args.extend([
            std::ffi::OsStr::new("--format"),
            std::ffi::OsStr::new("json"),
        ]);
        let o = run_watched(&args);
        // A run that ends before the first sample has no reading: shown as "-", not as 0.
        let peak = if o.peak_kb == 0 {
            "-".to_string()
        } else {
            format!("{:.1}", o.peak_kb as f64 / 1024.0)
        };
        println!(
            "{subcommand:8} {:28} exit {:>4} {:>6} ms {peak:>7} MB",
            case.file,
            o.code.map_or_else(|| "sig".into(), |c| c.to_string()),
            o.elapsed.as_millis(),
        );
        if o.peak_kb > worst.0 {
            worst = (o.peak_kb, case.file.clone());
        }
        if let Some(mb) = case.budget_mb
            && o.peak_kb > mb * 1024
        {
            failures.push(format!(
                "{} ({}): peak {:.1} MB past its budget of {mb} MB",
                case.file,
                case.what,
                o.peak_kb as f64 / 1024.0
            ));
        }
        if subcommand == "outline" && o.code == Some(0) {
            let stdout = String::from_utf8_lossy(&o.stdout);
            for word in &case.outline_contains {
                if !stdout.contains(word.as_str()) {
                    failures.push(format!(
                        "{} ({}): the outline lacks “{word}” (decoded wrong?)",
                        case.file, case.what
                    ));
                }
            }
        }
        for breach in contract_breaches(case, &o) {
            failures.push(format!("{} ({}): {breach}", case.file, case.what));
        }
    }
    println!(
        "{subcommand}: highest peak {:.1} MB ({})",
        worst.0 as f64 / 1024.0,
        worst.1
    );
    assert!(
        failures.is_empty(),
        "`nianbao {subcommand}` broke the bad-input contract (clear error or sensible import; \
         no panic, no hang past {WALL_LIMIT:?}, no more than {} MB) on {} file(s):\n{}",
        MEMORY_LIMIT_KB / 1024,
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn outline_gives_a_clear_error_or_an_import_for_every_bad_file() {
    every_file_through("outline");
}

#[test]
fn figures_gives_a_clear_error_or_an_import_for_every_bad_file() {
    every_file_through("figures");
}

#[test]
fn check_against_itself_gives_a_clear_error_or_findings_for_every_bad_file() {
    every_file_through("check");
}

#[test]
fn the_watcher_sees_a_panic_and_a_timeout_as_failures() {
    // The harness itself: a run that panics or hangs must not pass as "exit 2".
    let case = Case {
        file: "x".into(),
        what: "harness".into(),
        expect: "either".into(),
        budget_mb: None,
        outline_contains: Vec::new(),
    };
    let panicked = Outcome {
        code: Some(101),
        signal: None,
        stdout: Vec::new(),
        stderr: b"thread 'main' panicked".to_vec(),
        elapsed: Duration::ZERO,
        peak_kb: 0,
        killed_for: None,
    };
    assert!(
        !contract_breaches(&case, &panicked).is_empty(),
        "exit 101 is a panic and must fail"
    );
    let hung = Outcome {
        code: None,
        signal: Some(9),
        killed_for: Some("time"),
        ..panicked
    };
    assert!(
        !contract_breaches(&case, &hung).is_empty(),
        "a run killed for time must fail"
    );
    let own = vm_hwm_kb(std::process::id());
    assert!(
        own.is_some_and(|kb| kb > 0),
        "peak memory is read from /proc/<pid>/status; without it the bound proves nothing"
    );
}
