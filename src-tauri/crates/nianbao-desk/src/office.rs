//! The office profile: everything an office may make its own — the term table, checker lexicon,
//! metric aliases and proofreading lexicon (`terms.toml`, `lexicon.toml`, `aliases.toml`,
//! `proof.toml`), the parser's lexicon (`front.toml`, `sections.toml`,
//! `metrics.toml`) and the section templates (`templates/`) — built once from the built-in data
//! plus the office's files in its data folder, and passed to every use case.
//!
//! Building never fails: an office file that cannot be read is named (file and line, in
//! Chinese) in [`Office::warnings`] and the built-in part is used meanwhile, so a typo in
//! `terms.toml` never stops the drafter. The window rebuilds the profile when one of the files
//! changes ([`Office::is_current`]); the command builds it once per run.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use nianbao_check::Rules;
use nianbao_draft::Templates;
use nianbao_import::ImportedText;
use nianbao_report::{Lexicon, Report, ReportParser};

/// The checker's files in the data folder (every file `Rules::from_dir` reads; a test holds the
/// list to it).
pub const RULE_FILES: [&str; 4] = ["terms.toml", "lexicon.toml", "aliases.toml", "proof.toml"];
/// The parser's files in the data folder.
pub const LEXICON_FILES: [&str; 3] = ["front.toml", "sections.toml", "metrics.toml"];
/// The folder of the office's section templates, inside the data folder.
pub const TEMPLATE_DIR: &str = "templates";

/// One office's lexicons, rules and templates.
#[derive(Debug)]
pub struct Office {
    /// The data folder the profile was read from; `None` for the built-in profile.
    dir: Option<PathBuf>,
    /// `None`: the built-in parser.
    parser: Option<ReportParser>,
    /// The metric families the parser names (built-in plus the office's own).
    families: Vec<String>,
    /// `None`: the built-in rules.
    rules: Option<Rules>,
    templates: Templates,
    warnings: Vec<OfficeWarning>,
    stamp: Stamp,
}

impl Office {
    /// The built-in profile (what an office without files of its own gets).
    pub fn builtin() -> Office {
        Office::load(None)
    }

    /// The profile of a data folder: the built-in data with the folder's files in their place.
    /// `None` (no data folder) is the built-in profile.
    pub fn load(dir: Option<&Path>) -> Office {
        let mut warnings = Vec::new();
        let stamp = Stamp::of(dir);
        let (parser, families) = match dir {
            Some(dir) if LEXICON_FILES.iter().any(|f| dir.join(f).is_file()) => {
                match Lexicon::with_overrides(dir).and_then(|lexicon| {
                    let families = family_names(&lexicon);
                    ReportParser::new(lexicon).map(|p| (p, families))
                }) {
                    Ok((parser, families)) => (Some(parser), families),
                    Err(e) => {
                        let file = lexicon_file(&e);
                        warnings.push(warning(e.code(), dir, &file, &e.to_string(), "词表"));
                        (None, family_names(Lexicon::builtin()))
                    }
                }
            }
            _ => (None, family_names(Lexicon::builtin())),
        };
        let rules = match dir {
            Some(dir) if RULE_FILES.iter().any(|f| dir.join(f).is_file()) => {
                match Rules::from_dir(dir) {
                    Ok(rules) => Some(rules),
                    Err(e) => {
                        let (file, term) = match &e {
                            nianbao_check::CheckError::BadRuleFile { file, .. } => {
                                (file.clone(), None)
                            }
                            nianbao_check::CheckError::BadPattern { file, term, .. } => {
                                (file.clone(), Some(term.clone()))
                            }
                        };
                        let mut found = warning(e.code(), dir, &file, &e.to_string(), "规则");
                        if let Some(line) = term.and_then(|t| line_of(&dir.join(&file), &t)) {
                            found.line = Some(line);
                            found.message =
                                found
                                    .message
                                    .replacen(&file, &format!("{file} 第{line}行"), 1);
                        }
                        warnings.push(found);
                        None
                    }
                }
            }
            _ => None,
        };
        let template_dir = dir.map(|d| d.join(TEMPLATE_DIR)).filter(|d| d.is_dir());
        let templates = match Templates::load(template_dir.as_deref()) {
            Ok(t) => t,
            Err(e) => {
                if let Some(dir) = dir {
                    warnings.push(warning(e.code(), dir, TEMPLATE_DIR, &e.to_string(), "模板"));
                }
                Templates::load(None).unwrap_or_else(|_| builtin_templates())
            }
        };
        Office {
            dir: dir.map(Path::to_owned),
            parser,
            families,
            rules,
            templates,
            warnings,
            stamp,
        }
    }

    /// The data folder this profile was read from.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// False once one of the office's files was added, changed or removed since loading.
    pub fn is_current(&self) -> bool {
        self.stamp == Stamp::of(self.dir.as_deref())
    }

    /// What is wrong with the office's files (file and line, in Chinese); empty when nothing.
    pub fn warnings(&self) -> &[OfficeWarning] {
        &self.warnings
    }

    /// The parser with the office's lexicon.
    pub fn parser(&self) -> &ReportParser {
        self.parser
            .as_ref()
            .unwrap_or_else(|| ReportParser::builtin())
    }

    /// Parse imported text with the office's lexicon.
    pub fn parse(&self, imported: &ImportedText) -> Report {
        self.parser().parse(imported)
    }

    /// Parse plain text with the office's lexicon.
    pub fn parse_text(&self, text: &str) -> Report {
        self.parser().parse_text(text)
    }

    /// The checker's rules with the office's terms and lexicon.
    pub fn rules(&self) -> &Rules {
        self.rules.as_ref().unwrap_or_else(|| Rules::embedded())
    }

    /// The section templates, each the office's own copy when it has one.
    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    /// The metric families the parser names, the office's own included.
    pub fn families(&self) -> &[String] {
        &self.families
    }

    /// A metric named by one of the families (`行政复议·受理`), not a fallback (`未命名·件数`).
    pub fn is_named(&self, metric: &str) -> bool {
        metric
            .split_once('·')
            .is_some_and(|(family, _)| self.families.iter().any(|f| f == family))
    }
}

fn family_names(lexicon: &Lexicon) -> Vec<String> {
    lexicon
        .metrics
        .families
        .iter()
        .map(|f| f.name.clone())
        .collect()
}

fn lexicon_file(e: &nianbao_report::ReportError) -> String {
    match e {
        nianbao_report::ReportError::Lexicon { file, .. } => (*file).to_owned(),
    }
}

/// The embedded templates are ours and tested; this is only reached if they stopped compiling.
fn builtin_templates() -> Templates {
    #[allow(clippy::expect_used)]
    Templates::load(None).expect("the embedded templates compile")
}

/// An office file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeWarning {
    /// The domain crate's error code (`check.bad_rule_file`, `report.lexicon`, `draft.template`).
    pub code: &'static str,
    pub file: PathBuf,
    /// 1-based, when the reason tells it.
    pub line: Option<usize>,
    /// Chinese, naming the file and the line: `…/terms.toml 第3行 有误，已改用内置规则：…`.
    pub message: String,
}

impl std::fmt::Display for OfficeWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// `terms.toml 第3行 有误，已改用内置规则：…`: the file, the line when the reason tells it, and
/// the reason's own last line (TOML and Tera put the message after a picture of the line).
fn warning(code: &'static str, dir: &Path, file: &str, reason: &str, what: &str) -> OfficeWarning {
    let line = line_in(reason);
    let at = line.map(|n| format!(" 第{n}行")).unwrap_or_default();
    let gist = reason
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty() && !l.starts_with('|') && !l.starts_with('^'))
        .unwrap_or(reason);
    let path = dir.join(file);
    OfficeWarning {
        code,
        line,
        message: format!(
            "办公室文件 {}{at} 有误，已改用内置{what}：{gist}",
            path.display()
        ),
        file: path,
    }
}

/// `at line 3` / `line 3` in an error's text.
fn line_in(reason: &str) -> Option<usize> {
    let at = reason.find("line ")?;
    let digits: String = reason[at + 5..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The 1-based line of a file that first mentions `needle`.
fn line_of(path: &Path, needle: &str) -> Option<usize> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

/// When each office file was last changed (absent files too, so adding one counts).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Stamp(Vec<(PathBuf, Option<(SystemTime, u64)>)>);

impl Stamp {
    fn of(dir: Option<&Path>) -> Stamp {
        let Some(dir) = dir else {
            return Stamp::default();
        };
        let seen = |p: PathBuf| {
            let meta = std::fs::metadata(&p)
                .ok()
                .and_then(|m| Some((m.modified().ok()?, m.len())));
            (p, meta)
        };
        let mut files: Vec<_> = RULE_FILES
            .iter()
            .chain(&LEXICON_FILES)
            .map(|f| seen(dir.join(f)))
            .collect();
        let templates = dir.join(TEMPLATE_DIR);
        files.push(seen(templates.clone()));
        if let Ok(entries) = std::fs::read_dir(&templates) {
            let mut own: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            own.sort();
            files.extend(own.into_iter().map(seen));
        }
        Stamp(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_profile_has_no_warnings_and_knows_the_builtin_families() {
        let office = Office::builtin();
        assert!(office.warnings().is_empty());
        assert!(
            office.is_named("行政复议·受理"),
            "a built-in family names its metrics"
        );
        assert!(!office.is_named("未命名·件数"), "a fallback is not named");
        assert!(office.is_current(), "the built-in profile never goes stale");
    }

    #[test]
    fn a_broken_office_file_is_named_with_its_line_and_the_builtin_part_is_used() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("terms.toml"),
            "[[term]]\nold = \"a\"\nnew = \n",
        )
        .expect("write");
        let office = Office::load(Some(dir.path()));
        assert_eq!(office.warnings().len(), 1, "{:?}", office.warnings());
        let warning = &office.warnings()[0].message;
        assert_eq!(office.warnings()[0].line, Some(3));
        assert!(
            warning.contains("terms.toml") && warning.contains("第3行"),
            "the file and the line: {warning}"
        );
        assert!(warning.contains("已改用内置规则"), "{warning}");
        assert!(
            std::ptr::eq(office.rules(), Rules::embedded()),
            "the built-in rules apply meanwhile"
        );
    }

    #[test]
    fn a_changed_office_file_makes_the_profile_stale() {
        let dir = tempfile::tempdir().expect("temp dir");
        let office = Office::load(Some(dir.path()));
        assert!(office.is_current(), "nothing changed yet");
        std::fs::write(dir.path().join("lexicon.toml"), "").expect("write");
        assert!(!office.is_current(), "a new office file is a change");
        let again = Office::load(Some(dir.path()));
        std::fs::create_dir(dir.path().join(TEMPLATE_DIR)).expect("mkdir");
        assert!(!again.is_current(), "a templates folder is a change");
    }

    /// Every office file: a broken copy is read (and named), and adding one is noticed.
    #[test]
    fn every_office_file_is_read_and_watched() {
        for file in RULE_FILES.iter().chain(&LEXICON_FILES) {
            let dir = tempfile::tempdir().expect("temp dir");
            let office = Office::load(Some(dir.path()));
            std::fs::write(dir.path().join(file), "[[broken\n").expect("write");
            assert!(!office.is_current(), "{file}: adding it is a change");
            let office = Office::load(Some(dir.path()));
            assert_eq!(
                office.warnings().len(),
                1,
                "{file}: read, and named when broken: {:?}",
                office.warnings()
            );
            let w = &office.warnings()[0];
            assert!(
                w.file.ends_with(file) && w.message.contains(file) && w.line == Some(1),
                "{file}: the file and its line: {w:?}"
            );
            assert!(office.is_current(), "{file}: nothing changed since loading");
        }
    }

    /// The files the checker and the parser read from an office folder are the ones watched:
    /// a new `read("x.toml", …)` in `Rules::from_dir` or `Lexicon::with_overrides` fails here.
    #[test]
    fn the_watch_list_is_every_file_the_crates_read_from_the_folder() {
        let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let read_names = |path: &str, from: &str| -> Vec<String> {
            let text = std::fs::read_to_string(crates.join(path)).unwrap_or_default();
            let body = text.split(from).nth(1).unwrap_or_default();
            let body: String = body
                .split("\n    }\n")
                .next()
                .unwrap_or_default()
                .split_whitespace()
                .collect();
            body.split("read(\"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .map(str::to_owned)
                .collect()
        };
        let mut rules = read_names("nianbao-check/src/rules.rs", "pub fn from_dir");
        let mut lexicon = read_names("nianbao-report/src/lexicon.rs", "pub fn with_overrides");
        rules.sort();
        lexicon.sort();
        let mut watched_rules: Vec<String> = RULE_FILES.iter().map(|s| s.to_string()).collect();
        let mut watched_lexicon: Vec<String> =
            LEXICON_FILES.iter().map(|s| s.to_string()).collect();
        watched_rules.sort();
        watched_lexicon.sort();
        assert_eq!(
            rules, watched_rules,
            "RULE_FILES is what Rules::from_dir reads"
        );
        assert_eq!(
            lexicon, watched_lexicon,
            "LEXICON_FILES is what Lexicon::with_overrides reads"
        );
    }

    #[test]
    fn an_office_alias_and_proof_entry_are_used() {
        let dir = tempfile::tempdir().expect("temp dir");
        let proof = format!(
            "{}\n[[typo]]\nwrong = \"示例错词\"\nright = \"示例正词\"\n",
            Rules::default_proof()
        );
        std::fs::write(dir.path().join("proof.toml"), proof).expect("write");
        let office = Office::load(Some(dir.path()));
        assert!(office.warnings().is_empty(), "{:?}", office.warnings());
        let report = office
            .parse_text("示例区2024年法治政府建设年度报告\n\n一、工作\n\n我们示例错词了工作。\n");
        let found = nianbao_check::proofread(&report, Some(2024), office.rules());
        assert!(
            found
                .iter()
                .any(|f| f.suggestion.as_deref() == Some("示例正词")),
            "the office's own proof entry is used: {found:?}"
        );
    }

    #[test]
    fn line_numbers_are_read_from_the_reason() {
        assert_eq!(line_in("TOML parse error at line 12, column 3"), Some(12));
        assert_eq!(line_in("no position"), None);
    }
}
