//! Helpers shared by the command's integration tests: `mod common;` at the top of a test file.
//! Each test binary uses some of them, so the unused rest is allowed.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The corpora, read at run time (never copied): `NIANBAO_CORPUS`, else ../shared/corpus.
#[path = "../../../../../tests/support/corpus.rs"]
pub mod corpus;

/// The `nianbao` binary, with no stdin and no office data folder from the caller's environment
/// (a test that wants one sets `NIANBAO_DATA_DIR` itself).
pub fn nianbao() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    cmd.stdin(Stdio::null()).env_remove("NIANBAO_DATA_DIR");
    cmd
}

/// Run `nianbao ARGS…` to the end.
pub fn run(args: &[&str]) -> Output {
    nianbao().args(args).output().expect("run nianbao")
}

/// A file of the invented sample library (tests/fixtures/sample-library).
pub fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/sample-library")
        .join(name)
}

/// A fixture of the checker's tests (the invented 示例市 pair), as an argument.
pub fn check_fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../nianbao-check/tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A fixture of the parser's tests, as an argument.
pub fn report_fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../nianbao-report/tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// What the run printed on stdout.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What the run printed on stdout, as JSON (the test fails with the text when it is not).
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout must be JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}
