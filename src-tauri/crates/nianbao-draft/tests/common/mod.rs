//! Test support: fixtures, the corpus folder, and parsing with the real nianbao-report parser.

#![allow(dead_code)]

use std::path::PathBuf;

use nianbao_report::Report;

pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// The corpus folder (read at run time only, never copied into the repository).
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("NIANBAO_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/corpus"),
        PathBuf::from,
    )
}

pub fn parse(text: &str) -> Report {
    nianbao_report::parse_text(text)
}

/// Whether the corpus can be read. Without `NIANBAO_CORPUS` and without the default folder (a
/// checkout that is not beside `shared/`), corpus tests say so on stderr and pass; with
/// `NIANBAO_CORPUS` set they always run, so a wrong path fails loudly.
#[allow(dead_code)]
pub fn corpus_present() -> bool {
    if std::env::var_os("NIANBAO_CORPUS").is_some() || corpus_dir().is_dir() {
        return true;
    }
    eprintln!(
        "corpus test skipped: no corpus at {} (set NIANBAO_CORPUS to run it)",
        corpus_dir().display()
    );
    false
}
