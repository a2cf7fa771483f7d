//! Offline proof: every `nianbao` subcommand (outline, figures, check, draft, library add/list/
//! search) run on the sample library inside a network namespace with no interfaces (`unshare -n`)
//! gives exactly the output it gives outside. A tool that quietly phoned home (an update check, a
//! font or model download) would fail or differ here.
//!
//! It must never fail just because the machine forbids namespaces: it then prints why it skipped.
//! It reads only the project's own sample library, never the real corpus.

/// A process's exit code, stdout and stderr (with the temp folder replaced by `<dir>`).
type Outcome = (Option<i32>, String, String);

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const THIS_YEAR: &str = "示例市2024年法治政府建设年度报告（初稿）.txt";
const LAST_YEAR: &str = "示例市2023年法治政府建设年度报告.txt";

fn sample_library() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/sample-library")
}

/// `None` with the reason when this machine cannot make a network namespace.
fn unshare_unavailable() -> Option<String> {
    match Command::new("unshare").args(["-n", "true"]).output() {
        Err(e) => Some(format!("`unshare` cannot run here: {e}")),
        Ok(o) if !o.status.success() => Some(format!(
            "`unshare -n` is not permitted here: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        )),
        Ok(_) => None,
    }
}

/// One scenario's view of the world: where it writes, and whether it is cut off.
#[derive(Debug)]
struct Side {
    offline: bool,
    dir: PathBuf,
}

impl Side {
    fn new(offline: bool) -> Side {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
            "no_network-{}-{}",
            if offline { "inside" } else { "outside" },
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the scenario's folder");
        Side { offline, dir }
    }

    fn command(&self, program: &str) -> Command {
        let mut cmd = if self.offline {
            let mut c = Command::new("unshare");
            c.args(["-n", program]);
            c
        } else {
            Command::new(program)
        };
        cmd.current_dir(sample_library());
        cmd
    }

    /// Run `nianbao args...`; the result with this side's folder written as `<dir>`, so the
    /// two sides can be compared byte for byte.
    fn nianbao(&self, args: &[&str]) -> Outcome {
        let Output {
            status,
            stdout,
            stderr,
        } = self
            .command(env!("CARGO_BIN_EXE_nianbao"))
            .args(args)
            .output()
            .expect("run nianbao");
        let dir = self.dir.display().to_string();
        let clean = |b: &[u8]| String::from_utf8_lossy(b).replace(&dir, "<dir>");
        (status.code(), clean(&stdout), clean(&stderr))
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    /// The whole tour of the sample library; each step's outcome plus the drafted files.
    fn tour(&self) -> Vec<(String, Outcome)> {
        let db = self.path("library.db");
        let steps: Vec<Vec<String>> = vec![
            vec![
                "outline".into(),
                THIS_YEAR.into(),
                "--format".into(),
                "json".into(),
            ],
            vec![
                "figures".into(),
                THIS_YEAR.into(),
                "--format".into(),
                "json".into(),
            ],
            vec![
                "check".into(),
                THIS_YEAR.into(),
                "--last".into(),
                LAST_YEAR.into(),
            ],
            vec![
                "check".into(),
                THIS_YEAR.into(),
                "--last".into(),
                LAST_YEAR.into(),
                "--format".into(),
                "json".into(),
            ],
            vec![
                "draft".into(),
                "--from".into(),
                LAST_YEAR.into(),
                "--year".into(),
                "2024".into(),
                "--out".into(),
                self.path("draft.md"),
            ],
            vec![
                "draft".into(),
                "--from".into(),
                LAST_YEAR.into(),
                "--year".into(),
                "2024".into(),
                "--out".into(),
                self.path("draft.html"),
            ],
            vec![
                "draft".into(),
                "--from".into(),
                LAST_YEAR.into(),
                "--year".into(),
                "2024".into(),
                "--out".into(),
                self.path("draft.docx"),
            ],
            vec![
                "library".into(),
                "add".into(),
                LAST_YEAR.into(),
                THIS_YEAR.into(),
                "--db".into(),
                db.clone(),
            ],
            vec!["library".into(), "list".into(), "--db".into(), db.clone()],
            vec![
                "library".into(),
                "search".into(),
                "行政复议".into(),
                "--db".into(),
                db.clone(),
            ],
            vec![
                "library".into(),
                "search".into(),
                "营商环境".into(),
                "--db".into(),
                db,
            ],
        ];
        let mut seen = Vec::new();
        for args in steps {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let label = args
                .join(" ")
                .replace(&self.dir.display().to_string(), "<dir>");
            seen.push((label, self.nianbao(&args)));
        }
        for drafted in ["draft.md", "draft.html"] {
            let text = std::fs::read_to_string(self.dir.join(drafted)).unwrap_or_default();
            seen.push((
                format!("content of {drafted}"),
                (Some(0), text, String::new()),
            ));
        }
        let docx = std::fs::metadata(self.dir.join("draft.docx")).map_or(0, |m| m.len());
        seen.push((
            "draft.docx written".into(),
            (Some(0), (docx > 0).to_string(), String::new()),
        ));
        seen
    }
}

#[test]
fn the_namespace_really_has_no_network() {
    if let Some(reason) = unshare_unavailable() {
        println!("SKIPPED: {reason}");
        return;
    }
    let out = Command::new("unshare")
        .args(["-n", "cat", "/proc/net/dev"])
        .output()
        .expect("read interfaces inside the namespace");
    let table = String::from_utf8_lossy(&out.stdout);
    let interfaces: Vec<&str> = table
        .lines()
        .skip(2)
        .filter_map(|l| l.split(':').next())
        .map(str::trim)
        .collect();
    assert_eq!(
        interfaces,
        vec!["lo"],
        "inside `unshare -n` only a (down) loopback may exist, or the offline proof proves nothing"
    );
}

#[test]
fn every_subcommand_gives_the_same_output_without_a_network() {
    if let Some(reason) = unshare_unavailable() {
        println!("SKIPPED: {reason}");
        return;
    }
    let outside = Side::new(false).tour();
    let inside = Side::new(true).tour();
    assert_eq!(outside.len(), inside.len(), "both sides ran the same tour");
    let mut differences = Vec::new();
    for ((label, out), (_, inn)) in outside.iter().zip(&inside) {
        assert_eq!(
            out.0,
            Some(0),
            "`nianbao {label}` must succeed on the sample library even online: {}",
            out.2
        );
        assert!(
            !out.1.trim().is_empty(),
            "`nianbao {label}` printed nothing, so comparing it proves nothing"
        );
        if out != inn {
            differences.push(format!(
                "`nianbao {label}`\n  outside: exit {:?} {:?}\n  inside:  exit {:?} {:?}",
                out.0,
                out.1.chars().take(300).collect::<String>(),
                inn.0,
                inn.1.chars().take(300).collect::<String>() + &inn.2
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "nianbao must work the same with no network at all; it differed in:\n{}",
        differences.join("\n")
    );
    println!(
        "offline proof: {} steps identical inside `unshare -n`",
        outside.len()
    );
}
