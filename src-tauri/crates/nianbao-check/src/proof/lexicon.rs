//! The proofreader's lexicon (`data/proof.toml`), compiled once: one aho-corasick automaton for
//! the miswritten words, one for the anchors of the standard formulations.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use crate::CheckError;
use crate::finding::Code;

pub(crate) const PROOF: &str = include_str!("../../data/proof.toml");

/// One miswritten word.
#[derive(Debug, Clone)]
pub(crate) struct Typo {
    pub wrong: String,
    pub right: String,
    /// The finding's code: `proof.typo`, `proof.typo_hint` or `proof.term` (a known wrong form
    /// of a standard formulation).
    pub code: Code,
    pub next: Vec<String>,
    pub not_next: Vec<String>,
    pub not_prev: Vec<String>,
    pub why: String,
}

/// One standard formulation, normalised (see [`normalize`]).
#[derive(Debug, Clone)]
pub(crate) struct Formulation {
    /// As the drafter should write it.
    pub name: String,
    /// Normalised characters of `name`.
    pub chars: Vec<char>,
    pub from: i32,
    pub to: i32,
    /// A book title (a law, a 纲要): compared only with the whole text between 《 and 》.
    pub title: bool,
}

/// Everything the proofreader knows, ready to use.
#[derive(Debug)]
pub struct ProofLexicon {
    pub(crate) typos: Vec<Typo>,
    pub(crate) typo_finder: AhoCorasick,
    pub(crate) doubled: HashSet<char>,
    pub(crate) doubled_except: Vec<String>,
    pub(crate) formulations: Vec<Formulation>,
    /// Normalised forms that are right although one character off a formulation.
    pub(crate) accepted: HashSet<Vec<char>>,
    /// Prefix and suffix anchors of the formulations that are not book titles.
    pub(crate) anchors: AhoCorasick,
    /// Per anchor pattern: the formulation and whether it is its prefix.
    pub(crate) anchor_of: Vec<(usize, bool)>,
    /// Every formulation (and accepted form) as it stands, to skip text that has it exactly.
    pub(crate) exact: AhoCorasick,
}

#[derive(Deserialize)]
struct ProofFile {
    #[serde(default)]
    typo: Vec<TypoEntry>,
    #[serde(default)]
    doubled: DoubledEntry,
    #[serde(default)]
    term: Vec<TermEntry>,
    #[serde(default)]
    wrong_term: Vec<WrongTermEntry>,
    #[serde(default)]
    plenums: PlenumEntry,
}

#[derive(Deserialize)]
struct TypoEntry {
    wrong: String,
    right: String,
    #[serde(default)]
    hint: bool,
    #[serde(default)]
    next: Vec<String>,
    #[serde(default)]
    not_next: Vec<String>,
    #[serde(default)]
    not_prev: Vec<String>,
    #[serde(default)]
    why: String,
}

#[derive(Deserialize, Default)]
struct DoubledEntry {
    #[serde(default)]
    chars: Vec<String>,
    #[serde(default)]
    except: Vec<String>,
}

#[derive(Deserialize)]
struct TermEntry {
    name: String,
    #[serde(default)]
    from: Option<i32>,
    #[serde(default)]
    to: Option<i32>,
    #[serde(default)]
    title: bool,
    #[serde(default)]
    accept: Vec<String>,
}

#[derive(Deserialize)]
struct WrongTermEntry {
    wrong: String,
    right: String,
}

#[derive(Deserialize, Default)]
struct PlenumEntry {
    #[serde(default)]
    congresses: Vec<String>,
    #[serde(default)]
    numbers: Vec<String>,
}

/// Brackets and dashes compared loosely: half-width brackets become full-width ones and every
/// dash or tilde between years becomes `—`. One character in, one out: positions are kept.
pub(crate) fn normalize(c: char) -> char {
    match c {
        '(' => '（',
        ')' => '）',
        '-' | '－' | '–' | '―' | '~' | '～' | '─' => '—',
        other => other,
    }
}

fn bad(reason: impl ToString) -> CheckError {
    CheckError::BadRuleFile {
        file: "proof.toml".into(),
        reason: reason.to_string(),
    }
}

impl ProofLexicon {
    /// The lexicon from the text of a `proof.toml`.
    pub fn from_toml(text: &str) -> Result<ProofLexicon, CheckError> {
        let file: ProofFile = toml::from_str(text).map_err(bad)?;
        let mut typos: Vec<Typo> = file
            .typo
            .into_iter()
            .filter(|t| !t.wrong.is_empty() && t.wrong != t.right)
            .map(|t| Typo {
                wrong: t.wrong,
                right: t.right,
                code: if t.hint {
                    Code::ProofTypoHint
                } else {
                    Code::ProofTypo
                },
                next: t.next,
                not_next: t.not_next,
                not_prev: t.not_prev,
                why: t.why,
            })
            .collect();
        typos.extend(
            file.wrong_term
                .into_iter()
                .filter(|t| !t.wrong.is_empty() && t.wrong != t.right)
                .map(|t| Typo {
                    why: format!("规范表述为“{}”", t.right),
                    wrong: t.wrong,
                    right: t.right,
                    code: Code::ProofTerm,
                    next: Vec::new(),
                    not_next: Vec::new(),
                    not_prev: Vec::new(),
                }),
        );
        let typo_finder = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(typos.iter().map(|t| t.wrong.as_str()))
            .map_err(bad)?;

        let mut formulations = Vec::new();
        let mut accepted: HashSet<Vec<char>> = HashSet::new();
        for t in file.term {
            let chars: Vec<char> = t.name.chars().map(normalize).collect();
            if chars.len() < 6 {
                return Err(bad(format!(
                    "标准表述“{}”太短（至少6个字），无法可靠地查找近似错写",
                    t.name
                )));
            }
            for a in &t.accept {
                accepted.insert(a.chars().map(normalize).collect());
            }
            formulations.push(Formulation {
                name: t.name,
                chars,
                from: t.from.unwrap_or(i32::MIN),
                to: t.to.unwrap_or(i32::MAX),
                title: t.title,
            });
        }
        for congress in &file.plenums.congresses {
            for n in &file.plenums.numbers {
                let name = format!("党的{congress}{n}中全会");
                formulations.push(Formulation {
                    chars: name.chars().collect(),
                    name,
                    from: i32::MIN,
                    to: i32::MAX,
                    title: false,
                });
            }
        }
        for f in &formulations {
            accepted.insert(f.chars.clone());
        }

        let mut anchor_patterns: Vec<String> = Vec::new();
        let mut anchor_of = Vec::new();
        for (i, f) in formulations.iter().enumerate().filter(|(_, f)| !f.title) {
            // Any one edit leaves the first m-1 or the last n-m-1 characters intact (m = n/2).
            let n = f.chars.len();
            let m = n / 2;
            anchor_patterns.push(f.chars[..m - 1].iter().collect());
            anchor_of.push((i, true));
            anchor_patterns.push(f.chars[m + 1..].iter().collect());
            anchor_of.push((i, false));
        }
        let anchors = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&anchor_patterns)
            .map_err(bad)?;
        let exact_patterns: Vec<String> = accepted.iter().map(|c| c.iter().collect()).collect();
        let exact = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&exact_patterns)
            .map_err(bad)?;

        let mut doubled = HashSet::new();
        for c in &file.doubled.chars {
            let mut it = c.chars();
            match (it.next(), it.next()) {
                (Some(ch), None) => {
                    doubled.insert(ch);
                }
                _ => return Err(bad(format!("[doubled] chars 只能是单个汉字：“{c}”"))),
            }
        }
        Ok(ProofLexicon {
            typos,
            typo_finder,
            doubled,
            doubled_except: file.doubled.except,
            formulations,
            accepted,
            anchors,
            anchor_of,
            exact,
        })
    }

    /// The lexicon shipped with the program.
    pub fn embedded() -> Result<ProofLexicon, CheckError> {
        ProofLexicon::from_toml(PROOF)
    }

    /// The default text (to write a user-editable copy).
    pub fn default_text() -> &'static str {
        PROOF
    }
}
