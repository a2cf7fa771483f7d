//! The window and the command share one import: a file the window imports (the use case its
//! `import_report` command calls) and the same file added by `nianbao library add` are stored as
//! the same rows — same summary, text, parsed outline and figures — with the office's own
//! lexicon applied by both.

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao_store::Store;
use serde_json::Value;

/// An invented report with a section, figures and a heading word only the office knows.
const REPORT: &str = "示例区人民政府关于2024年度法治政府建设情况的报告\n\
一、加强组织领导\n\
区政府常务会议研究法治工作6次，组织专题学法4次。\n\
二、自我审视\n\
全年受理行政复议申请35件，审结33件，纠错率9.1%。\n\
三、2025年工作安排\n\
继续推进严格规范公正文明执法。\n";

fn office_folder(root: &Path, name: &str) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).expect("data dir");
    let sections = include_str!("../../nianbao-report/data/sections.toml")
        .replace("\"存在问题\" = 8", "\"存在问题\" = 8, \"自我审视\" = 8");
    std::fs::write(dir.join("sections.toml"), sections).expect("office lexicon");
    dir
}

/// Everything stored about each report, without the moment it was added.
fn rows(db: &Path) -> Vec<Value> {
    let store = Store::open(db).expect("the library opens");
    let counts = store.figure_counts().expect("figure counts");
    store
        .list_reports()
        .expect("reports")
        .iter()
        .map(|summary| {
            let stored = store.get_report(summary.id).expect("the report");
            let mut value = serde_json::to_value(&stored).expect("JSON");
            value["summary"]["added_at"] = Value::Null;
            value["figure_count"] = counts.get(&summary.id).copied().into();
            let government = summary.government.clone().unwrap_or_default();
            value["metrics"] = store.metrics_of(&government).expect("metrics").into();
            value
        })
        .collect()
}

#[test]
fn the_window_and_library_add_store_the_same_rows_for_the_same_file() {
    let root = tempfile::tempdir().expect("temp dir");
    let file = root.path().join("示例区2024年报告.txt");
    std::fs::write(&file, REPORT).expect("write report");

    // The window: the use case behind its import_report command, on its own data folder.
    let window_dir = office_folder(root.path(), "window");
    let desk = nianbao_desk::Desk::in_folder(&window_dir);
    let outcome = desk.import_report(&file).expect("the window imports");
    assert!(!outcome.already_present);
    desk.close();

    // The command, on another data folder with the same office files.
    let cli_dir = office_folder(root.path(), "cli");
    let cli_db = cli_dir.join("cli.sqlite3");
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["library", "add", "--db"])
        .arg(&cli_db)
        .arg(&file)
        .env("NIANBAO_DATA_DIR", &cli_dir)
        .output()
        .expect("run nianbao");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let window = rows(&window_dir.join(nianbao_store::DB_FILE_NAME));
    let command = rows(&cli_db);
    assert_eq!(window.len(), 1, "one report stored by the window");
    assert_eq!(
        window, command,
        "the same file is stored the same way by the window and by the command"
    );
    let kinds: Vec<&str> = window[0]["report"]["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"problems"),
        "both read the office's own heading word (自我审视): {kinds:?}"
    );
}
