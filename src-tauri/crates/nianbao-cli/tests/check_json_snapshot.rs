//! The whole `nianbao check --format json` output of a small invented pair, as a snapshot: the
//! contract scripts read (design.md's fields, plus `matched`, `column` and `suggestion` on the
//! proofreading findings, omitted where they do not apply). docs/check.md describes it.

use std::process::Command;

const LAST: &str = "示例县人民政府关于2023年度法治政府建设情况的报告\n\
一、主要工作\n\
全年收到行政复议申请40件，受理38件。\n\
二、存在的不足\n\
基层执法力量不足。\n\
三、2024年工作安排\n\
持续推进严格规范公正文明执法。\n";

const THIS: &str = "示例县人民政府关于2024年度法治政府建设情况的报告\n\
一、主要工作\n\
认真布署年度工作，全年收到行政复议申请56件，受理51件（见附件),组织普法活动257余场。\n\
二、存在的不足\n\
基层执法力量不足，，执法装备有待加强。\n\
三、2025年工作安排\n\
持续推进严格规范公正文明执法。\n";

#[test]
fn check_json_with_proofreading_fields_matches_the_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let last = dir.path().join("last.txt");
    let this = dir.path().join("this.txt");
    std::fs::write(&last, LAST).expect("write last");
    std::fs::write(&this, THIS).expect("write this");
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check"])
        .arg(&this)
        .arg("--last")
        .arg(&last)
        .args(["--format", "json"])
        .env_remove("NIANBAO_DATA_DIR")
        .output()
        .expect("run nianbao");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let proof: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with("proof.")))
        .collect();
    assert!(
        proof
            .iter()
            .any(|f| f["matched"] == "布署" && f["suggestion"] == "部署" && f["column"] == 2),
        "a proofreading finding names its words, their column and the replacement: {proof:#?}"
    );
    insta::assert_json_snapshot!("check_json_contract", json);
}
