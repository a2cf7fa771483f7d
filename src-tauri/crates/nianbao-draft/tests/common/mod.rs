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
