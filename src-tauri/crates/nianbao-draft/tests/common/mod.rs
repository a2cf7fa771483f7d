//! Test support: fixtures, the corpus folder, and parsing with the real nianbao-report parser.

#![allow(dead_code)]

use std::path::PathBuf;

use nianbao_report::Report;

#[path = "../../../../../tests/support/corpus.rs"]
mod corpus_support;
#[allow(unused_imports)]
pub use corpus_support::{corpus_dir, corpus_present};

pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

pub fn parse(text: &str) -> Report {
    nianbao_report::parse_text(text)
}
