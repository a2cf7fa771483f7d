//! Where the real reports are, for the tests that read them (included by each crate's tests with
//! `#[path]`; nothing of the corpus is ever copied into the repository).
//!
//! `NIANBAO_CORPUS`, else `<repo root>/../shared/corpus`. Without `NIANBAO_CORPUS` and without
//! that folder (a checkout that is not beside `shared/`), corpus tests say so on stderr and pass;
//! with `NIANBAO_CORPUS` set they always run, so a wrong path fails loudly.

#![allow(dead_code)]

use std::path::PathBuf;

/// The corpus folder.
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

/// The corpus-dev folder (real report openings, for measuring): `NIANBAO_CORPUS_DEV`, else
/// `<repo root>/../shared/corpus-dev`.
pub fn corpus_dev_dir() -> PathBuf {
    std::env::var_os("NIANBAO_CORPUS_DEV").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../../shared/corpus-dev"
            ))
        },
        PathBuf::from,
    )
}

/// Whether the corpus tests should run (see the module's documentation).
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
