//! The data files that steer parsing (data/*.toml): portal chrome, section keywords, units and
//! metric families. Embedded as defaults; [`Lexicon::from_toml`] reads edited copies.
//!
//! Only data lives here, already shaped for fast lookups; no text is parsed in this module.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::ReportError;
use crate::model::SectionKind;

const FRONT: &str = include_str!("../data/front.toml");
const SECTIONS: &str = include_str!("../data/sections.toml");
const METRICS: &str = include_str!("../data/metrics.toml");

/// Portal chrome and metadata keys (data/front.toml).
#[derive(Debug, Clone, Deserialize)]
pub struct Chrome {
    pub line_starts: Vec<String>,
    pub whole_lines: Vec<String>,
    pub title_keys: Vec<String>,
    pub doc_number_keys: Vec<String>,
    pub issuer_keys: Vec<String>,
    pub date_keys: Vec<String>,
    /// A short line (at most 120 characters) containing one of these is chrome wherever it
    /// sits (`Copyright`, `ICP备`, `网站标识码`).
    #[serde(default)]
    pub line_contains: Vec<String>,
    /// Province-level places in full (`广东省`): an opening naming one without its 省 names it.
    #[serde(default)]
    pub places: Vec<String>,
    /// Zones that name no place on their own (`经开区`, `经济技术开发区`).
    #[serde(default)]
    pub placeless: Vec<String>,
}

/// Keywords of one section kind (data/sections.toml).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct KindWords {
    #[serde(default)]
    pub heading: BTreeMap<String, u32>,
    #[serde(default)]
    pub body: BTreeMap<String, u32>,
    /// Patterns (regex) of a paragraph that begins this part when it has no heading.
    #[serde(default)]
    pub starts: Vec<String>,
}

/// One action of a metric family: its name and the words that say it.
#[derive(Debug, Clone, Deserialize)]
pub struct Action {
    pub name: String,
    pub words: Vec<String>,
}

/// A metric family (`行政复议`) with the words that name it and its actions.
#[derive(Debug, Clone, Deserialize)]
pub struct Family {
    pub name: String,
    pub keywords: Vec<String>,
    /// Used only when no specific family is in reach.
    #[serde(default)]
    pub generic: bool,
    #[serde(default)]
    pub default: Option<String>,
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// Units, approximation markers and metric families (data/metrics.toml).
#[derive(Debug, Clone, Deserialize)]
pub struct Metrics {
    pub units: Vec<String>,
    pub counting_units: Vec<String>,
    pub false_units: Vec<String>,
    pub approx_before: Vec<String>,
    pub approx_after: Vec<String>,
    pub stopwords: Vec<String>,
    pub unit_actions: BTreeMap<String, String>,
    /// `[word, action]`: a percentage after `word` is a change of the previous figure.
    #[serde(default)]
    pub growth_words: Vec<[String; 2]>,
    /// Units a figure may take with 大 before them (`3大类`).
    #[serde(default)]
    pub big_units: Vec<String>,
    /// Words before `五个…` that make it a count (成立五个专项小组), and the nouns after it that
    /// make it a name (三个阶段).
    #[serde(default)]
    pub counted_by: Vec<String>,
    #[serde(default)]
    pub numeral_names: Vec<String>,
    /// Words of a change (`同比增长`, `提高`) and of its basis (`同比`, `比上年`): a figure after
    /// them states a change, not a level.
    #[serde(default)]
    pub change_words: Vec<String>,
    #[serde(default)]
    pub change_basis: Vec<String>,
    #[serde(rename = "family")]
    pub families: Vec<Family>,
}

/// Everything parsing reads from data files.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub chrome: Chrome,
    /// Keywords per kind, in [`SectionKind::ALL`] order.
    pub kinds: Vec<(SectionKind, KindWords)>,
    pub metrics: Metrics,
    /// Compiled `starts` patterns: how a part without a heading begins.
    pub headless: Vec<(SectionKind, regex::Regex)>,
}

impl Lexicon {
    /// Read the three data files (front, sections, metrics) from TOML text.
    pub fn from_toml(front: &str, sections: &str, metrics: &str) -> Result<Lexicon, ReportError> {
        let chrome: Chrome = toml::from_str(front).map_err(|e| ReportError::Lexicon {
            file: "front.toml",
            reason: e.to_string(),
        })?;
        let mut by_key: BTreeMap<String, KindWords> =
            toml::from_str(sections).map_err(|e| ReportError::Lexicon {
                file: "sections.toml",
                reason: e.to_string(),
            })?;
        let kinds: Vec<(SectionKind, KindWords)> = SectionKind::ALL
            .into_iter()
            .map(|k| (k, by_key.remove(k.key()).unwrap_or_default()))
            .collect();
        let mut headless = Vec::new();
        for (kind, words) in &kinds {
            for pattern in &words.starts {
                let re = regex::Regex::new(pattern).map_err(|e| ReportError::Lexicon {
                    file: "sections.toml",
                    reason: format!("{pattern}: {e}"),
                })?;
                headless.push((*kind, re));
            }
        }
        if let Some(unknown) = by_key.keys().next() {
            return Err(ReportError::Lexicon {
                file: "sections.toml",
                reason: format!("未知的类别 (unknown kind) `{unknown}`"),
            });
        }
        let mut metrics: Metrics = toml::from_str(metrics).map_err(|e| ReportError::Lexicon {
            file: "metrics.toml",
            reason: e.to_string(),
        })?;
        // Longest first, so that 人次 wins over 人 and 个工作日 over 个.
        metrics
            .units
            .sort_by_key(|u| std::cmp::Reverse(u.chars().count()));
        metrics
            .approx_before
            .sort_by_key(|u| std::cmp::Reverse(u.chars().count()));
        Ok(Lexicon {
            chrome,
            kinds,
            metrics,
            headless,
        })
    }

    /// The defaults with any of `front.toml`, `sections.toml`, `metrics.toml` found in `dir`
    /// (the user's data folder) replacing the embedded file of the same name.
    pub fn with_overrides(dir: &std::path::Path) -> Result<Lexicon, ReportError> {
        let read = |file: &'static str, default: &'static str| -> Result<String, ReportError> {
            match std::fs::read_to_string(dir.join(file)) {
                Ok(text) => Ok(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(default.to_owned()),
                Err(e) => Err(ReportError::Lexicon {
                    file,
                    reason: e.to_string(),
                }),
            }
        };
        Lexicon::from_toml(
            &read("front.toml", FRONT)?,
            &read("sections.toml", SECTIONS)?,
            &read("metrics.toml", METRICS)?,
        )
    }

    /// The embedded defaults.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            // The embedded files are ours and tested (`builtin_lexicon_parses`).
            Lexicon::from_toml(FRONT, SECTIONS, METRICS).expect("embedded lexicon is valid")
        })
    }

    pub fn kind_words(&self, kind: SectionKind) -> Option<&KindWords> {
        self.kinds.iter().find(|(k, _)| *k == kind).map(|(_, w)| w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses() {
        let lex = Lexicon::from_toml(FRONT, SECTIONS, METRICS);
        assert!(lex.is_ok(), "embedded data files must parse: {lex:?}");
    }

    #[test]
    fn unknown_kind_is_a_coded_error() {
        let err = Lexicon::from_toml(FRONT, "[bogus]\nheading = {}\n", METRICS)
            .expect_err("an unknown kind must be refused, not ignored");
        assert_eq!(err.code(), "report.lexicon");
    }

    #[test]
    fn a_data_folder_file_replaces_the_embedded_one() {
        let dir = std::env::temp_dir().join(format!("nianbao-lexicon-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let edited = SECTIONS.replace("\"存在问题\" = 8", "\"存在问题\" = 8, \"自我审视\" = 8");
        std::fs::write(dir.join("sections.toml"), edited).expect("write override");
        let lex = Lexicon::with_overrides(&dir).expect("an edited file parses");
        let _ = std::fs::remove_dir_all(&dir);
        let problems = lex
            .kind_words(SectionKind::Problems)
            .expect("problems kind");
        assert!(
            problems.heading.contains_key("自我审视"),
            "the drafter's word is used"
        );
        assert_eq!(
            lex.metrics.families.len(),
            Lexicon::builtin().metrics.families.len(),
            "missing files fall back to the embedded ones"
        );
    }

    #[test]
    fn units_are_longest_first() {
        let units = &Lexicon::builtin().metrics.units;
        let a = units.iter().position(|u| u == "人次");
        let b = units.iter().position(|u| u == "人");
        assert!(
            a < b,
            "人次 must be tried before 人 so 3200余人次 keeps its unit"
        );
    }
}
