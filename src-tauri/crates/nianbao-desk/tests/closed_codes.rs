//! Finding codes are a closed set owned by nianbao-check: every finding the checker emits is one
//! of `Code::ALL`, and no code is spelled as a string outside the checker (the window, the
//! command and this crate receive codes, never match them), tests and snapshots aside.

use std::path::{Path, PathBuf};

use nianbao_check::Code;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

/// Non-test source files under `dir` with one of the extensions.
fn sources(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            let skip = [
                "tests",
                "test",
                "snapshots",
                "bindings",
                "node_modules",
                "target",
            ];
            if !skip.contains(&name.as_str()) {
                sources(&path, exts, out);
            }
        } else if exts.iter().any(|e| name.ends_with(e)) && !name.contains(".test.") {
            out.push(path);
        }
    }
}

#[test]
fn no_code_is_spelled_outside_the_checker() {
    let root = root();
    let mut files = Vec::new();
    sources(&root.join("src-tauri/src"), &[".rs"], &mut files);
    sources(&root.join("ui/src"), &[".ts", ".svelte"], &mut files);
    for krate in std::fs::read_dir(root.join("src-tauri/crates"))
        .expect("crates")
        .flatten()
    {
        if krate.file_name() != "nianbao-check" {
            sources(&krate.path().join("src"), &[".rs"], &mut files);
        }
    }
    assert!(
        files.len() > 20,
        "the scan sees the sources: {}",
        files.len()
    );
    let mut spelled = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        // Unit tests beside the code are tests too.
        let code_part = text.split("#[cfg(test)]").next().unwrap_or_default();
        for code in Code::ALL {
            for quote in ['"', '\''] {
                if code_part.contains(&format!("{quote}{}{quote}", code.as_str())) {
                    spelled.push(format!("{}: {code}", file.display()));
                }
            }
        }
    }
    assert!(
        spelled.is_empty(),
        "codes are the checker's; outside it they are received, never matched: {spelled:#?}"
    );
}

#[test]
fn every_code_the_checker_emits_is_in_the_closed_set() {
    let sample = root().join("tests/fixtures/sample-library");
    let read = |name: &str| {
        let imported = nianbao_import::import_path(&sample.join(name)).expect("the sample imports");
        nianbao_report::parse(&imported)
    };
    let last = read("示例市2023年法治政府建设年度报告.txt");
    let this = read("示例市2024年法治政府建设年度报告（初稿）.txt");
    let result = nianbao_check::check(&this, Some(&last));
    assert!(
        result.findings.len() > 5,
        "the sample draft has planted problems"
    );
    for f in &result.findings {
        let json = serde_json::to_value(f).expect("a finding serialises");
        let written = json["code"].as_str().unwrap_or_default();
        assert_eq!(
            written.parse::<Code>(),
            Ok(f.code),
            "the JSON code string reads back as the same code"
        );
    }
}
