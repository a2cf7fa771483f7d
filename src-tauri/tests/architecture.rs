//! The domain has no window: no crate of the workspace except the app may depend on `tauri`,
//! directly or through another crate (style.md §1). Reads `cargo metadata`'s resolved graph.

use std::collections::{HashMap, HashSet};
use std::process::Command;

use serde_json::Value;

const APP_PACKAGE: &str = "nianbao-app";

fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml");
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(manifest)
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

fn name_of(packages: &[Value], id: &str) -> String {
    packages
        .iter()
        .find(|p| p["id"] == id)
        .and_then(|p| p["name"].as_str())
        .unwrap_or(id)
        .to_owned()
}

/// Every package name reachable from `root` through normal and build dependencies.
fn reachable(nodes: &HashMap<String, &Value>, packages: &[Value], root: &str) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut stack = vec![root.to_owned()];
    let mut names = HashSet::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(node) = nodes.get(&id) else { continue };
        for dep in node["deps"].as_array().into_iter().flatten() {
            let runtime = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].as_str() != Some("dev"));
            if let (true, Some(pkg)) = (runtime, dep["pkg"].as_str()) {
                names.insert(name_of(packages, pkg));
                stack.push(pkg.to_owned());
            }
        }
    }
    names
}

#[test]
fn no_domain_crate_depends_on_tauri() {
    let meta = metadata();
    let packages = meta["packages"].as_array().expect("packages").clone();
    let nodes: HashMap<String, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .expect("resolved graph")
        .iter()
        .filter_map(|n| Some((n["id"].as_str()?.to_owned(), n)))
        .collect();
    let members: Vec<String> = meta["workspace_members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m.as_str().map(str::to_owned))
        .collect();

    let domain: Vec<String> = members
        .iter()
        .filter(|id| name_of(&packages, id) != APP_PACKAGE)
        .cloned()
        .collect();
    assert!(
        domain.len() >= 5,
        "the domain crates are workspace members, so this check covers them: {domain:?}"
    );
    for id in domain {
        let deps = reachable(&nodes, &packages, &id);
        let window_crates: Vec<&String> = deps
            .iter()
            .filter(|n| n.as_str() == "tauri" || n.starts_with("tauri-") || n.starts_with("wry"))
            .collect();
        assert!(
            window_crates.is_empty(),
            "{} must build and test without a desktop, yet it pulls {window_crates:?}",
            name_of(&packages, &id)
        );
    }
}
