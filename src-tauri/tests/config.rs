//! The security posture in tauri.conf.json and capabilities/, checked so a later edit cannot
//! quietly open the window to the network or give the web side file access (design.md: strict
//! CSP, no remote sources, minimal capabilities; files are read only by our own commands).

use serde_json::Value;

fn read_json(path: &str) -> Value {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("read {full}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {full}: {e}"))
}

fn csp_directives() -> Vec<(String, Vec<String>)> {
    let conf = read_json("tauri.conf.json");
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP string is set");
    csp.split(';')
        .filter_map(|d| {
            let mut words = d.split_whitespace().map(str::to_owned);
            Some((words.next()?, words.collect()))
        })
        .collect()
}

#[test]
fn csp_allows_no_remote_source() {
    for (directive, sources) in csp_directives() {
        for source in sources {
            let remote = source.contains("://") && source != "http://ipc.localhost";
            assert!(
                !remote && source != "*" && source != "https:" && source != "http:",
                "{directive} allows {source}: the app must not load anything from the network"
            );
        }
    }
}

#[test]
fn csp_forbids_eval_and_inline_scripts() {
    let directives = csp_directives();
    let scripts = directives
        .iter()
        .find(|(d, _)| d == "script-src")
        .map(|(_, s)| s.clone())
        .expect("script-src is set explicitly");
    assert_eq!(
        scripts,
        vec!["'self'".to_owned()],
        "imported report text is data; no inline or eval'd script may ever run"
    );
    assert!(
        directives
            .iter()
            .any(|(d, s)| d == "object-src" && s == &["'none'"]),
        "plugins/objects are off"
    );
}

#[test]
fn capabilities_grant_no_file_system_or_shell_access() {
    let caps = read_json("capabilities/default.json");
    let permissions: Vec<&str> = caps["permissions"]
        .as_array()
        .expect("a permission list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for p in &permissions {
        assert!(
            !(p.starts_with("fs:") || p.starts_with("shell:") || p.starts_with("http:")),
            "{p}: the web side must not touch files, processes or the network directly"
        );
    }
    assert!(
        permissions.contains(&"dialog:allow-open"),
        "importing needs the open dialog"
    );
}

#[test]
fn capabilities_are_exactly_what_the_window_uses() {
    let caps = read_json("capabilities/default.json");
    let mut permissions: Vec<&str> = caps["permissions"]
        .as_array()
        .expect("a permission list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    permissions.sort_unstable();
    assert_eq!(
        permissions,
        [
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:window:allow-destroy",
            "dialog:allow-open",
            "dialog:allow-save",
        ],
        "file drops and close requests are events, import/export use the two dialogs, and the \
         window destroys itself after saving on close; any other grant must be argued for here"
    );
    assert_eq!(
        caps["windows"],
        serde_json::json!(["main"]),
        "only the app's own window holds these grants"
    );
}

#[test]
fn the_cli_and_the_app_share_one_library_folder() {
    let conf = read_json("tauri.conf.json");
    assert_eq!(
        conf["identifier"].as_str(),
        Some(nianbao_store::paths::APP_IDENTIFIER),
        "the app's data folder is named by its identifier; `nianbao library` must look in the same one"
    );
}
