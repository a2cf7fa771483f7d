//! Test-only writer for `tests/crash_safety.rs`: opens the library at the path given, then
//! autosaves versions of one draft in a loop, printing `saved <version id> <marker>` after each
//! save returned. The test kills it at random moments and checks every printed save survived.
//!
//! Not part of the app; never run it on a real library (it writes until killed).

use std::io::Write;
use std::process::ExitCode;

use nianbao_store::Store;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: nianbao-store-crash-writer LIBRARY.sqlite3");
        return ExitCode::from(2);
    };
    match run(std::path::Path::new(&path)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crash-writer: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
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
