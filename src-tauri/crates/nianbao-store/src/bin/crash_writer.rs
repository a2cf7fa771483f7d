//! Test-only writer for the store's process tests (`tests/crash_safety.rs`,
//! `tests/concurrency.rs`). Modes:
//!
//! - `LIBRARY` — autosaves versions of one draft in a loop, printing `saved <version id>
//!   <marker>` after each save returned (the test kills it at random moments);
//! - `LIBRARY add TAG N` — adds N invented reports (the 示例市 fixture renamed `TAG`-i),
//!   printing `added <id>` after each, exit 1 with the error's code on the first failure;
//! - `LIBRARY fill` — autosaves ever longer texts until a save fails, then prints
//!   `failed <code>` and exits 0 (run under a file-size limit).
//!
//! Not part of the app; never run it on a real library.

use std::io::Write;
use std::process::ExitCode;

use nianbao_store::Store;

const FIXTURE: &str = include_str!("../../tests/fixtures/shili_2023.txt");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: nianbao-store-crash-writer LIBRARY.sqlite3 [add TAG N | fill]");
        return ExitCode::from(2);
    };
    let path = std::path::Path::new(path);
    let result = match args.get(1).map(String::as_str) {
        None => autosave(path),
        Some("add") => add(
            path,
            args.get(2).map_or("甲", String::as_str),
            args.get(3).and_then(|n| n.parse().ok()).unwrap_or(25),
        ),
        Some("fill") => fill(path),
        Some(other) => Err(format!("unknown mode {other}").into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crash-writer: {e}");
            ExitCode::from(1)
        }
    }
}

fn autosave(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let store = Store::open(path)?;
    let draft = match store.list_drafts()?.first() {
        Some(d) => d.id,
        None => store.create_draft(None, 2024, "崩溃测试草稿", "")?,
    };
    // A body of about 8,000 characters so a save spans several pages of the WAL.
    let body = "示例市全面推进依法行政，行政复议受理案件数量稳步增长。".repeat(300);
    let pid = std::process::id();
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let marker = format!("{pid}-{i}");
        let id = store.save_version(draft, &format!("{marker}\n{body}"))?;
        writeln!(out, "saved {id} {marker}")?;
        out.flush()?;
    }
    Ok(())
}

fn add(path: &std::path::Path, tag: &str, n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let store = Store::open(path).map_err(|e| format!("[{}] {e}", e.code()))?;
    let mut out = std::io::stdout().lock();
    for i in 0..n {
        let government = format!("{tag}{i}市");
        let text = FIXTURE.replace("示例市", &government);
        let imported = nianbao_import::import_bytes(text.as_bytes(), Some("r.txt"))?;
        let name = format!("{government}.txt");
        let added = store
            .add_imported(&name, text.as_bytes(), &imported)
            .map_err(|e| format!("[{}] {e}", e.code()))?;
        writeln!(out, "added {}", added.id)?;
        out.flush()?;
    }
    Ok(())
}

fn fill(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let store = Store::open(path).map_err(|e| format!("[{}] {e}", e.code()))?;
    let draft = store.create_draft(None, 2024, "磁盘已满测试", "")?;
    let line = "示例市全面推进依法行政，行政复议受理案件数量稳步增长。\n";
    let mut out = std::io::stdout().lock();
    let mut text = String::new();
    for i in 0u64.. {
        text.push_str(&format!("{i}{}", line.repeat(20)));
        match store.save_version(draft, &text) {
            Ok(id) => writeln!(out, "saved {id} {}", text.chars().count())?,
            Err(e) => {
                writeln!(out, "failed {}", e.code())?;
                return Ok(());
            }
        }
        out.flush()?;
    }
    Ok(())
}
