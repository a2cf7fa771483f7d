//! Helpers shared by the integration tests: where the corpus and our fixtures are.
//! The corpus is only READ at run time; none of its text is copied into the repository.

#![allow(dead_code)]

use std::path::PathBuf;

/// `NIANBAO_CORPUS`, else `<repo root>/../shared/corpus`.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("NIANBAO_CORPUS").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../../shared/corpus"
            ))
        },
        PathBuf::from,
    )
}

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
