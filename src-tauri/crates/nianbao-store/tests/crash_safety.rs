//! Crash safety: a writer process is killed (SIGKILL) at random moments while autosaving, 100
//! times over; after each kill the library opens, passes `PRAGMA integrity_check`, and holds
//! every save the writer had reported as returned.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nianbao_store::Store;

const RUNS: usize = 100;

/// xorshift64: random enough for kill timings, no extra crate; the seed is printed on failure.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn killed_writer_never_loses_a_returned_save_nor_corrupts_the_library() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("library.sqlite3");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| u64::from(d.subsec_nanos()) | 1);
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut returned: Vec<(i64, String)> = Vec::new();
    for run in 0..RUNS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao-store-crash-writer"))
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the writer");
        let mut lines = BufReader::new(child.stdout.take().expect("piped")).lines();
        // Let it report 0–5 saves, then kill it 0–3 ms later: mid-save most of the time.
        let wait_for = rng.next() % 6;
        for _ in 0..wait_for {
            match lines.next() {
                Some(Ok(line)) => returned.push(parse(&line)),
                _ => break,
            }
        }
        std::thread::sleep(Duration::from_micros(rng.next() % 3000));
        child.kill().expect("SIGKILL the writer");
        child.wait().expect("reap");
        // Whatever it printed before dying also returned.
        for line in lines.map_while(Result::ok) {
            returned.push(parse(&line));
        }
        let store = Store::open(&path)
            .unwrap_or_else(|e| panic!("run {run} (seed {seed}): the library must open: {e}"));
        store
            .integrity_check()
            .unwrap_or_else(|e| panic!("run {run} (seed {seed}): integrity_check: {e}"));
    }
    let store = Store::open(&path).expect("open at the end");
    for (id, marker) in &returned {
        let v = store
            .get_version(*id)
            .unwrap_or_else(|e| panic!("seed {seed}: save {marker} returned but is gone: {e}"));
        assert!(
            v.text.starts_with(marker.as_str()),
            "seed {seed}: version {id} holds the text that was saved"
        );
    }
    assert!(
        returned.len() >= RUNS,
        "the test must observe saves to prove anything (saw {})",
        returned.len()
    );
    eprintln!(
        "{RUNS} kills, {} returned saves checked, {:.1} s",
        returned.len(),
        started.elapsed().as_secs_f64()
    );
}

fn parse(line: &str) -> (i64, String) {
    let mut parts = line.split_whitespace().skip(1);
    let id = parts
        .next()
        .and_then(|s| s.parse().ok())
        .expect("saved <id> <marker>");
    (id, parts.next().unwrap_or_default().to_owned())
}
