//! The window's command list (`ui/src/lib/api/commands.ts`, which types every `call`) and the
//! Rust one (`generate_handler!` in src/lib.rs, each command's signature in src/commands/) must
//! agree: same commands, same argument names (camelCase, as Tauri passes them), an argument
//! optional (`?`) exactly when it is an `Option` in Rust. A disagreement fails here with the line
//! to write in commands.ts (or the Rust side to fix).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One argument: its name as the window sends it, whether it may be left out, its Rust type.
#[derive(Debug, Clone, PartialEq)]
struct Arg {
    name: String,
    optional: bool,
    rust: String,
}

/// The text between the bracket at `open` and its match.
fn balanced(text: &str, open: usize) -> &str {
    let (o, c) = match text[open..].chars().next() {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        Some('<') => ('<', '>'),
        _ => ('{', '}'),
    };
    let mut depth = 0usize;
    for (i, ch) in text[open..].char_indices() {
        if ch == o {
            depth += 1;
        } else if ch == c {
            depth -= 1;
            if depth == 0 {
                return &text[open + 1..open + i];
            }
        }
    }
    &text[open + 1..]
}

/// Split at commas (or `sep`) outside brackets.
fn split_top(text: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for ch in text.chars() {
        match ch {
            '(' | '[' | '<' | '{' => depth += 1,
            ')' | ']' | '>' | '}' => depth -= 1,
            _ => {}
        }
        if ch == sep && depth == 0 {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    parts.push(cur);
    parts
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for ch in snake.chars() {
        if ch == '_' {
            up = true;
        } else if up {
            out.extend(ch.to_uppercase());
            up = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// Arguments Tauri fills in itself, never sent by the window.
fn injected(ty: &str) -> bool {
    [
        "AppHandle",
        "State<",
        "Window",
        "Webview",
        "tauri::ipc::Request",
    ]
    .iter()
    .any(|t| ty.contains(t))
}

/// `generate_handler!`'s commands in src/lib.rs, as (module path, name).
fn rust_handlers() -> Vec<(String, String)> {
    let lib = read(&root().join("src/lib.rs"));
    let at = lib
        .find("generate_handler!")
        .expect("src/lib.rs calls generate_handler!");
    let open = at + lib[at..].find('[').expect("generate_handler![");
    split_top(balanced(&lib, open), ',')
        .into_iter()
        .map(|path| {
            let path = path.replace(char::is_whitespace, "");
            let (module, name) = path.rsplit_once("::").unwrap_or(("", &path));
            (module.to_owned(), name.to_owned())
        })
        .collect()
}

/// The window-side arguments of `name`, read from its signature in the module's file.
fn rust_args(module: &str, name: &str) -> Result<Vec<Arg>, String> {
    let rel = module.trim_start_matches("crate::").replace("::", "/");
    let file = root().join("src").join(format!("{rel}.rs"));
    let text = std::fs::read_to_string(&file)
        .or_else(|_| std::fs::read_to_string(root().join("src").join(&rel).join("mod.rs")))
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let fn_at = [format!("fn {name}("), format!("fn {name}<")]
        .iter()
        .filter_map(|p| text.find(p.as_str()))
        .min()
        .ok_or_else(|| format!("no `fn {name}` in {}", file.display()))?;
    let before = &text[..fn_at];
    let attr = before
        .rfind("#[tauri::command")
        .map(|a| &before[a..])
        .unwrap_or_default();
    let snake = attr.contains("rename_all = \"snake_case\"");
    let mut open = fn_at + text[fn_at..].find(['(', '<']).unwrap_or(0);
    if text[open..].starts_with('<') {
        let generics = balanced(&text, open);
        open = open + generics.len() + 2;
        open += text[open..].find('(').unwrap_or(0);
    }
    let params = balanced(&text, open);
    Ok(split_top(params, ',')
        .into_iter()
        .filter_map(|p| {
            let (n, ty) = p.split_once(':')?;
            let ty = ty.trim().to_owned();
            if injected(&ty) {
                return None;
            }
            let n = n.trim().trim_start_matches("mut ").to_owned();
            Some(Arg {
                name: if snake { n } else { camel(&n) },
                optional: ty.starts_with("Option<"),
                rust: ty,
            })
        })
        .collect())
}

/// The TypeScript type a Rust argument or answer travels as (for the suggested line).
fn ts_type(rust: &str) -> String {
    let t = rust.trim().trim_start_matches('&');
    let inner = |prefix: &str| {
        t.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix('>'))
            .map(str::to_owned)
    };
    if let Some(i) = inner("Option<") {
        return format!("{} | null", ts_type(&i));
    }
    if let Some(i) = inner("Vec<") {
        return format!("{}[]", ts_type(&i));
    }
    if let Some(i) = inner("Result<") {
        let ok = split_top(&i, ',').into_iter().next().unwrap_or_default();
        return ts_type(&ok);
    }
    match t {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" | "f32"
        | "f64" => "number".into(),
        "String" | "str" | "PathBuf" => "string".into(),
        "bool" => "boolean".into(),
        "()" => "void".into(),
        other => other.rsplit("::").next().unwrap_or(other).to_owned(),
    }
}

/// The Rust answer type of `name` (for the suggested line).
fn rust_result(module: &str, name: &str) -> String {
    let rel = module.trim_start_matches("crate::").replace("::", "/");
    let text =
        std::fs::read_to_string(root().join("src").join(format!("{rel}.rs"))).unwrap_or_default();
    let Some(at) = text.find(&format!("fn {name}")) else {
        return "unknown".into();
    };
    let rest = &text[at..];
    let Some(arrow) = rest.find("->") else {
        return "void".into();
    };
    let end = rest[arrow..].find('{').map_or(rest.len(), |e| arrow + e);
    ts_type(rest[arrow + 2..end].trim().trim_end_matches("where").trim())
}

/// `Commands` in commands.ts: each command's argument names with their optionality.
fn ts_commands() -> BTreeMap<String, Vec<(String, bool)>> {
    let text = read(&root().join("../ui/src/lib/api/commands.ts"));
    let at = text
        .find("export interface Commands")
        .expect("commands.ts declares `export interface Commands`");
    let open = at + text[at..].find('{').expect("its body");
    let body = balanced(&text, open);
    let mut out = BTreeMap::new();
    for entry in split_top(body, ';') {
        let Some((name, shape)) = entry.split_once(':') else {
            continue;
        };
        let shape = shape.trim();
        let inner = if shape.starts_with('{') {
            balanced(shape, 0)
        } else {
            ""
        };
        let mut args = Vec::new();
        for field in split_top(inner, ';') {
            let Some((key, value)) = field.split_once(':') else {
                continue;
            };
            if key.trim() != "args" {
                continue;
            }
            let value = value.trim();
            if value.starts_with('{') {
                for arg in split_top(balanced(value, 0), ';') {
                    if let Some((k, _)) = arg.split_once(':') {
                        let k = k.trim();
                        args.push((k.trim_end_matches('?').to_owned(), k.ends_with('?')));
                    }
                }
            }
        }
        out.insert(name.trim().to_owned(), args);
    }
    out
}

fn suggested_line(module: &str, name: &str, args: &[Arg]) -> String {
    let shape = if args.is_empty() {
        "None".to_owned()
    } else {
        let fields: Vec<String> = args
            .iter()
            .map(|a| {
                if a.optional {
                    format!("{}?: {}", a.name, ts_type(&a.rust))
                } else {
                    format!("{}: {}", a.name, ts_type(&a.rust))
                }
            })
            .collect();
        format!("{{ {} }}", fields.join("; "))
    };
    format!(
        "  {name}: {{ args: {shape}; result: {} }};",
        rust_result(module, name)
    )
}

#[test]
fn the_windows_command_list_matches_generate_handler() {
    let handlers = rust_handlers();
    assert!(
        handlers.len() >= 20,
        "generate_handler! is read: {handlers:?}"
    );
    let ts = ts_commands();
    assert!(ts.len() >= 20, "commands.ts is read: {ts:?}");
    let mut problems = Vec::new();
    for (module, name) in &handlers {
        let args = match rust_args(module, name) {
            Ok(a) => a,
            Err(e) => {
                problems.push(format!(
                    "{name}: the Rust signature could not be read ({e})"
                ));
                continue;
            }
        };
        let Some(ts_args) = ts.get(name) else {
            problems.push(format!(
                "`{name}` is not in ui/src/lib/api/commands.ts: add to `interface Commands` \
                 (import its result type from ./bindings):\n{}",
                suggested_line(module, name, &args)
            ));
            continue;
        };
        let rust: Vec<(String, bool)> = args.iter().map(|a| (a.name.clone(), a.optional)).collect();
        let mut r = rust.clone();
        let mut t = ts_args.clone();
        r.sort();
        t.sort();
        if r != t {
            problems.push(format!(
                "`{name}`: the arguments differ — Rust sends {rust:?}, commands.ts says {ts_args:?} \
                 (name, optional). Write in commands.ts:\n{}",
                suggested_line(module, name, &args)
            ));
        }
    }
    for name in ts.keys() {
        if !handlers.iter().any(|(_, n)| n == name) {
            problems.push(format!(
                "`{name}` is in ui/src/lib/api/commands.ts but not in generate_handler! \
                 (src-tauri/src/lib.rs): remove it there or register the command"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the window and the app disagree on commands:\n\n{}",
        problems.join("\n\n")
    );
}

#[test]
fn a_signature_is_read_as_tauri_passes_it() {
    assert_eq!(camel("last_report_id"), "lastReportId");
    assert_eq!(
        ts_type("Result<Vec<MetricPoint>, IpcError>"),
        "MetricPoint[]"
    );
    assert_eq!(ts_type("Option<i64>"), "number | null");
    assert_eq!(ts_type("Result<(), IpcError>"), "void");
    let args = rust_args("commands::checks", "check_draft").expect("check_draft is read");
    assert_eq!(
        args.iter()
            .map(|a| (a.name.as_str(), a.optional))
            .collect::<Vec<_>>(),
        [("text", false), ("lastReportId", true), ("year", true)],
        "AppHandle is Tauri's; Option arguments may be left out"
    );
}
