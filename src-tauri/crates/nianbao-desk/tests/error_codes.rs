//! IPC error codes are a closed set ([`ErrorCode`]): every code any crate's `fn code(&self)`
//! can return is listed there (so the window's TypeScript type holds it), and the list holds no
//! code nothing emits. The failure message says exactly which line to add or remove.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use nianbao_desk::ErrorCode;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

/// The `.rs` files under `dir`, tests folders left out.
fn rust_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if entry.file_name() != "tests" {
                rust_sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The body of each `fn code(&self)` in `text` (up to its matching brace).
fn code_fn_bodies(text: &str) -> Vec<&str> {
    let mut bodies = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("fn code(&self)") {
        let after = &rest[at..];
        let Some(open) = after.find('{') else { break };
        let mut depth = 0usize;
        let mut end = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        bodies.push(&after[..end]);
        rest = &after[end..];
    }
    bodies
}

/// String literals shaped like an error code (`import.scanned_pdf`).
fn code_literals(body: &str) -> Vec<String> {
    body.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.split_once('.').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
            })
        })
        .map(str::to_owned)
        .collect()
}

/// `import.scanned_pdf` → `ImportScannedPdf`, the variant name the list would give it.
fn variant(code: &str) -> String {
    code.split(['.', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Every code a crate's `code()` can return, with the file that returns it.
fn emitted() -> Vec<(String, PathBuf)> {
    let root = root();
    let mut files = Vec::new();
    rust_sources(&root.join("src-tauri/src"), &mut files);
    for krate in std::fs::read_dir(root.join("src-tauri/crates"))
        .expect("the crates folder")
        .flatten()
    {
        rust_sources(&krate.path().join("src"), &mut files);
    }
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        for body in code_fn_bodies(text) {
            for code in code_literals(body) {
                out.push((code, file.clone()));
            }
        }
    }
    out
}

#[test]
fn every_emitted_error_code_is_in_the_closed_set() {
    let emitted = emitted();
    assert!(
        emitted.len() > 40,
        "the scan sees the crates' error codes: {}",
        emitted.len()
    );
    let missing: BTreeSet<String> = emitted
        .iter()
        .filter(|(code, _)| code.parse::<ErrorCode>().is_err())
        .map(|(code, file)| {
            format!(
                "    {} = \"{code}\";   // returned in {}",
                variant(code),
                file.strip_prefix(root()).unwrap_or(file).display()
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "error codes the window cannot receive typed: add these lines to `error_codes!` in \
         src-tauri/crates/nianbao-desk/src/error_code.rs, then run `make bindings`:\n{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_closed_set_holds_no_code_nothing_emits() {
    let emitted: BTreeSet<String> = emitted().into_iter().map(|(c, _)| c).collect();
    // The window's own codes (`ui.*`, made in ui/src) and the fallback are no crate's.
    let own = |c: &ErrorCode| *c == ErrorCode::AppUnlisted || c.as_str().starts_with("ui.");
    let stale: Vec<String> = ErrorCode::ALL
        .iter()
        .filter(|c| !own(c) && !emitted.contains(c.as_str()))
        .map(|c| format!("    {c:?} = \"{c}\";"))
        .collect();
    assert!(
        stale.is_empty(),
        "no `fn code(&self)` returns these any more: remove them from `error_codes!` in \
         src-tauri/crates/nianbao-desk/src/error_code.rs (and run `make bindings`):\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_scan_reads_a_code_function_as_the_crates_write_it() {
    let text = r#"
        impl E {
            pub fn code(&self) -> &'static str {
                match self { E::A => "import.new_thing", E::B { .. } => "store.busy" }
            }
            fn other(&self) -> &str { "not.a_code_fn" }
        }"#;
    let found: Vec<String> = code_fn_bodies(text)
        .into_iter()
        .flat_map(code_literals)
        .collect();
    assert_eq!(found, ["import.new_thing", "store.busy"]);
    assert_eq!(variant("import.new_thing"), "ImportNewThing");
}
