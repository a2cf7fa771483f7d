//! Helpers shared by the integration tests: where the corpus and our fixtures are.
//! The corpus is only READ at run time; none of its text is copied into the repository.

#![allow(dead_code)]

use std::path::PathBuf;

#[path = "../../../../../tests/support/corpus.rs"]
mod corpus_support;
#[allow(unused_imports)]
pub use corpus_support::{corpus_dev_dir, corpus_dir, corpus_present};

/// The text of one corpus file; fails the test with a clear reason when the corpus is missing.
pub fn corpus_text(name: &str) -> String {
    let path = corpus_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "corpus file {} is needed (set NIANBAO_CORPUS to the corpus folder): {e}",
            path.display()
        )
    })
}

/// The text of one of our own fixtures (tests/fixtures).
pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("fixture {} must exist: {e}", path.display()))
}
