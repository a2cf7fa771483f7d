//! The `nianbao` binary as a process: its help and exit codes are a contract.

use std::process::Command;

fn nianbao() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
}

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
