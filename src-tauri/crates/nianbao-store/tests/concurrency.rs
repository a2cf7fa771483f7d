//! Many writers, one library: two processes adding reports at once, an autosave every 100 ms
//! while a 300-report batch is added, a batch killed midway, and threads with their own
//! connections. Every writing transaction begins IMMEDIATE and is retried when busy, so no writer
//! fails with "database is locked" and nothing is stored half.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nianbao_store::{SearchFilters, Store};

fn writer(path: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_nianbao-store-crash-writer"))
        .arg(path)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the writer")
}

fn finish(child: Child, what: &str) -> usize {
    let out = child.wait_with_output().expect("wait for the writer");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{what} failed: {stderr}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("added "))
        .count()
}

/// Every report listed is whole: its figures and its search paragraphs are there.
fn assert_whole(store: &Store) {
    let counts = store.figure_counts().unwrap();
    for r in store.list_reports().unwrap() {
        let stored = store.get_report(r.id).unwrap();
        assert_eq!(
            counts.get(&r.id).copied().unwrap_or(0),
            stored.report.figures.len(),
            "report #{} has its figures",
            r.id
        );
        assert!(
            !stored.report.figures.is_empty(),
            "report #{} has figures",
            r.id
        );
        let filters = SearchFilters {
            government: r.government.clone(),
            ..SearchFilters::default()
        };
        assert!(
            !store.search("行政复议", &filters).unwrap().is_empty(),
            "report #{} ({:?}) is in the search index",
            r.id,
            r.government
        );
    }
}

#[test]
fn two_processes_adding_25_reports_each_both_succeed_every_round() {
    const ROUNDS: usize = 20;
    let started = Instant::now();
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        // A new library each round: the two also race to create and migrate it.
        let path = dir.path().join("library.sqlite3");
        let a = writer(&path, &["add", "甲", "25"]);
        let b = writer(&path, &["add", "乙", "25"]);
        let added = finish(a, &format!("round {round}: writer 甲"))
            + finish(b, &format!("round {round}: writer 乙"));
        assert_eq!(added, 50, "round {round}");
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.list_reports().unwrap().len(),
            50,
            "round {round}: all listed"
        );
        store.integrity_check().unwrap();
        if round == 0 {
            assert_whole(&store);
        }
    }
    eprintln!(
        "{ROUNDS} rounds of 2 × 25 concurrent adds in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn autosave_every_100_ms_never_fails_while_300_reports_are_added() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let store = Store::open(&path).unwrap();
    let draft = store.create_draft(None, 2024, "自动保存", "开头").unwrap();
    let mut batch = writer(&path, &["add", "丙", "300"]);
    let body = "示例市全面推进依法行政。".repeat(2500); // 30,000 characters
    let mut saves = 0;
    let mut slowest = Duration::ZERO;
    while batch.try_wait().unwrap().is_none() {
        let t = Instant::now();
        store
            .save_version(draft, &format!("{saves}\n{body}"))
            .unwrap_or_else(|e| panic!("autosave {saves} failed while the batch ran: {e}"));
        slowest = slowest.max(t.elapsed());
        saves += 1;
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(finish(batch, "the 300-report batch"), 300);
    assert!(
        saves >= 5,
        "the autosave ran during the batch ({saves} saves)"
    );
    assert_eq!(store.list_reports().unwrap().len(), 300);
    store.integrity_check().unwrap();
    eprintln!(
        "{saves} autosaves during a 300-report add, slowest {} ms",
        slowest.as_millis()
    );
    assert!(
        slowest < Duration::from_secs(3),
        "a save waits for one report's transaction, not the batch: {slowest:?}"
    );
}

#[test]
fn a_batch_killed_midway_leaves_whole_reports_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut seen = 0;
    for (run, wait) in [3usize, 7, 1, 12, 5].into_iter().enumerate() {
        let mut child = writer(&path, &["add", &format!("丁{run}-"), "300"]);
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        for _ in 0..wait {
            lines.next();
        }
        std::thread::sleep(Duration::from_micros(700 * wait as u64));
        child.kill().unwrap();
        child.wait().unwrap();
        let store = Store::open(&path)
            .unwrap_or_else(|e| panic!("run {run}: the library opens after kill -9: {e}"));
        store.integrity_check().unwrap();
        let listed = store.list_reports().unwrap().len();
        assert!(
            listed >= seen + wait,
            "run {run}: every returned add is kept"
        );
        seen = listed;
        assert_whole(&store);
    }
}

#[test]
fn threads_with_their_own_connections_save_without_busy_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    Store::open(&path).unwrap();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let store = Store::open(&path).unwrap();
                let draft = store
                    .create_draft(None, 2024, &format!("线程{t}"), "")
                    .unwrap();
                for i in 0..100 {
                    store
                        .save_version(draft, &format!("线程{t}第{i}次"))
                        .unwrap_or_else(|e| panic!("thread {t} save {i}: {e}"));
                }
                draft
            })
        })
        .collect();
    let store = Store::open(&path).unwrap();
    for t in threads {
        let draft = t.join().unwrap();
        assert!(store.latest_draft_text(draft).unwrap().ends_with("第99次"));
    }
}
