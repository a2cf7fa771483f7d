//! The `nianbao` binary as a process: its help and exit codes are a contract.

mod common;
use common::nianbao;

#[test]
fn help_lists_every_subcommand_in_both_languages() {
    let out = nianbao().arg("--help").output().expect("run nianbao");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for sub in ["outline", "figures", "check", "draft", "export", "library"] {
        assert!(help.contains(sub), "--help must list `{sub}`:\n{help}");
    }
    assert!(help.contains("年报助手"), "help is bilingual: Chinese name");
    assert!(help.contains("Export"), "help is bilingual: English text");
}

#[test]
fn missing_file_exits_2_with_one_line() {
    let out = nianbao()
        .args(["outline", "/nonexistent/报告.txt"])
        .output()
        .expect("run nianbao");
    assert_eq!(out.status.code(), Some(2), "bad input is exit status 2");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "one-line reason: {err}");
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    // `nianbao figures big.txt | head -1`: the pipe closes while nianbao still writes.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("示例市.txt");
    let body = (0..3000)
        .map(|i| format!("全年受理行政复议申请{i}件，审结{i}件。"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&file, format!("示例市2024年法治政府建设情况报告\n{body}\n")).expect("write");
    let mut child = nianbao()
        .args(["figures", file.to_str().expect("utf-8 path")])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run nianbao");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked"),
        "no panic on a closed pipe: {err}"
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "a closed pipe ends quietly: {err}"
    );
}
