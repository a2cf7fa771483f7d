//! The data the rules read: word lists (`data/lexicon.toml`) and dated terms
//! (`data/terms.toml`), the figure aliases (`data/aliases.toml`), embedded as defaults and
//! loadable from user-edited files.
//!
//! Domain knowledge the user may edit lives in those files, never in `match` arms here.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use crate::CheckError;

const LEXICON: &str = include_str!("../data/lexicon.toml");
const TERMS: &str = include_str!("../data/terms.toml");
const ALIASES: &str = include_str!("../data/aliases.toml");

/// What a unit counts: figures of different classes are never compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitClass {
    Count,
    Person,
    Money,
    Percent,
    Points,
}

/// One dated term, compiled.
#[derive(Debug, Clone)]
pub struct Term {
    pub name: String,
    pub pattern: Regex,
    pub exists_from: i32,
    pub valid_to: i32,
    pub replacement: String,
    pub past_markers: Vec<String>,
}

/// All rule data, ready to use.
#[derive(Debug)]
pub struct Rules {
    /// Units, longest first, with their class.
    pub units: Vec<(String, UnitClass)>,
    pub chains: Vec<Vec<Vec<String>>>,
    pub backlog_words: Vec<String>,
    /// Backlog words that say outright that another year's cases are counted.
    pub carried_words: Vec<String>,
    pub share_words: Vec<String>,
    pub share_markers: Vec<String>,
    pub over_100_ok: Vec<String>,
    pub unstated_basis: Vec<String>,
    pub linking: Vec<String>,
    pub new_total: Vec<String>,
    pub growth_up: Vec<String>,
    pub growth_down: Vec<String>,
    pub growth_basis: Vec<String>,
    pub stopwords: HashSet<String>,
    pub terms: Vec<Term>,
    /// A number with its approximation marks, 万/亿 and a known unit (built from `units`).
    pub quantity: Regex,
    /// A stated change against last year: basis word, direction, number, unit.
    pub growth: Regex,
    /// Words a drafter uses for the same thing across years (`data/aliases.toml`).
    pub aliases: crate::figures::Aliases,
    /// The proofreader's lexicon (`data/proof.toml`).
    pub proof: crate::proof::ProofLexicon,
}

#[derive(Deserialize)]
struct LexiconFile {
    units: UnitsFile,
    order: OrderFile,
    rate: RateFile,
    growth: GrowthFile,
    content: ContentFile,
}

#[derive(Deserialize)]
struct UnitsFile {
    count: Vec<String>,
    person: Vec<String>,
    money: Vec<String>,
    percent: Vec<String>,
    points: Vec<String>,
}

#[derive(Deserialize)]
struct OrderFile {
    chains: Vec<Vec<Vec<String>>>,
    backlog_words: Vec<String>,
    #[serde(default)]
    carried_words: Vec<String>,
}

#[derive(Deserialize)]
struct RateFile {
    share_words: Vec<String>,
    share_markers: Vec<String>,
    over_100_ok: Vec<String>,
    unstated_basis: Vec<String>,
    linking: Vec<String>,
    new_total: Vec<String>,
}

#[derive(Deserialize)]
struct GrowthFile {
    up: Vec<String>,
    down: Vec<String>,
    basis: Vec<String>,
}

#[derive(Deserialize)]
struct ContentFile {
    stopwords: Vec<String>,
}

#[derive(Deserialize)]
struct TermsFile {
    term: Vec<TermEntry>,
}

#[derive(Deserialize)]
struct TermEntry {
    name: String,
    pattern: String,
    exists_from: i32,
    valid_to: i32,
    #[serde(default)]
    replacement: String,
    #[serde(default)]
    past_markers: Vec<String>,
}

impl Rules {
    /// The rules shipped with the program (parsed once per process).
    pub fn embedded() -> &'static Rules {
        static RULES: OnceLock<Rules> = OnceLock::new();
        RULES.get_or_init(|| {
            // The embedded files are ours and covered by tests; failing here is a build bug.
            Rules::from_toml(LEXICON, TERMS).expect("embedded rule files are valid")
        })
    }

    /// Rules from the text of a lexicon file and a terms file (user-edited copies).
    pub fn from_toml(lexicon: &str, terms: &str) -> Result<Rules, CheckError> {
        let lex: LexiconFile = toml::from_str(lexicon).map_err(|e| CheckError::BadRuleFile {
            file: "lexicon.toml".into(),
            reason: e.to_string(),
        })?;
        let terms_file: TermsFile = toml::from_str(terms).map_err(|e| CheckError::BadRuleFile {
            file: "terms.toml".into(),
            reason: e.to_string(),
        })?;
        let mut units: Vec<(String, UnitClass)> = Vec::new();
        for (list, class) in [
            (lex.units.count, UnitClass::Count),
            (lex.units.person, UnitClass::Person),
            (lex.units.money, UnitClass::Money),
            (lex.units.percent, UnitClass::Percent),
            (lex.units.points, UnitClass::Points),
        ] {
            units.extend(list.into_iter().map(|u| (u, class)));
        }
        units.sort_by_key(|(u, _)| std::cmp::Reverse(u.chars().count()));
        let mut compiled = Vec::new();
        for t in terms_file.term {
            let pattern = Regex::new(&t.pattern).map_err(|e| CheckError::BadPattern {
                file: "terms.toml".into(),
                term: t.name.clone(),
                reason: e.to_string(),
            })?;
            compiled.push(Term {
                name: t.name,
                pattern,
                exists_from: t.exists_from,
                valid_to: t.valid_to,
                replacement: t.replacement,
                past_markers: t.past_markers,
            });
        }
        let alternation: Vec<String> = units.iter().map(|(u, _)| regex::escape(u)).collect();
        let quantity = Regex::new(&format!(
            r"(?P<pre>约|近|超过|超|逾)?(?P<num>\d+(?:\.\d+)?)(?P<a1>余|多)?(?P<mag>万|亿)?(?P<unit>{})(?P<a2>余|多|以上|左右)?",
            alternation.join("|")
        ))
        .map_err(|e| CheckError::BadRuleFile {
            file: "lexicon.toml".into(),
            reason: e.to_string(),
        })?;
        let alt = |ws: &[String]| {
            ws.iter()
                .map(|w| regex::escape(w))
                .collect::<Vec<_>>()
                .join("|")
        };
        let growth = Regex::new(&format!(
            r"(?P<basis>{})(?P<dir>{}|{})了?(?P<num>\d+(?:\.\d+)?)(?P<unit>%|％|个百分点|倍)?",
            alt(&lex.growth.basis),
            alt(&lex.growth.up),
            alt(&lex.growth.down)
        ))
        .map_err(|e| CheckError::BadRuleFile {
            file: "lexicon.toml".into(),
            reason: e.to_string(),
        })?;
        Ok(Rules {
            quantity,
            growth,
            units,
            chains: lex.order.chains,
            backlog_words: lex.order.backlog_words,
            carried_words: lex.order.carried_words,
            share_words: lex.rate.share_words,
            share_markers: lex.rate.share_markers,
            over_100_ok: lex.rate.over_100_ok,
            unstated_basis: lex.rate.unstated_basis,
            linking: lex.rate.linking,
            new_total: lex.rate.new_total,
            growth_up: lex.growth.up,
            growth_down: lex.growth.down,
            growth_basis: lex.growth.basis,
            stopwords: lex.content.stopwords.into_iter().collect(),
            terms: compiled,
            aliases: crate::figures::Aliases::from_toml(ALIASES)?,
            proof: crate::proof::ProofLexicon::embedded()?,
        })
    }

    /// Rules from a data folder: `lexicon.toml` and `terms.toml` there replace the embedded
    /// defaults one by one; a missing file keeps its default.
    pub fn from_dir(dir: &std::path::Path) -> Result<Rules, CheckError> {
        let read = |name: &str, default: &str| -> Result<String, CheckError> {
            match std::fs::read_to_string(dir.join(name)) {
                Ok(text) => Ok(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(default.to_owned()),
                Err(e) => Err(CheckError::BadRuleFile {
                    file: name.to_owned(),
                    reason: e.to_string(),
                }),
            }
        };
        let mut rules =
            Rules::from_toml(&read("lexicon.toml", LEXICON)?, &read("terms.toml", TERMS)?)?;
        rules.aliases = crate::figures::Aliases::from_toml(&read("aliases.toml", ALIASES)?)?;
        rules.proof = crate::proof::ProofLexicon::from_toml(&read(
            "proof.toml",
            crate::proof::ProofLexicon::default_text(),
        )?)?;
        Ok(rules)
    }

    /// The class of a unit as written (`件`, `人次`, `%`), if it is one we know.
    pub fn unit_class(&self, unit: &str) -> Option<UnitClass> {
        self.units.iter().find(|(u, _)| u == unit).map(|(_, c)| *c)
    }

    /// The default lexicon text (to write a user-editable copy).
    pub fn default_lexicon() -> &'static str {
        LEXICON
    }

    /// The default term table text (to write a user-editable copy).
    pub fn default_terms() -> &'static str {
        TERMS
    }

    /// The default alias table text (to write a user-editable copy).
    pub fn default_aliases() -> &'static str {
        ALIASES
    }

    /// The default proofreading lexicon text (to write a user-editable copy).
    pub fn default_proof() -> &'static str {
        crate::proof::ProofLexicon::default_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load_with_every_domain_term() {
        let rules = Rules::embedded();
        for name in [
            "七五普法",
            "八五普法",
            "习近平法治思想",
            "民法典",
            "政府法制办",
            "十四五",
        ] {
            assert!(
                rules.terms.iter().any(|t| t.name == name),
                "domain.md's table must be in terms.toml: {name}"
            );
        }
        assert_eq!(rules.unit_class("人次"), Some(UnitClass::Person));
    }

    #[test]
    fn a_broken_user_term_file_is_an_error_with_a_code() {
        let err = Rules::from_toml(LEXICON, "[[term]]\nname = 1").err();
        assert_eq!(
            err.map(|e| e.code()),
            Some("check.bad_rule_file"),
            "a user's typo must be reported, not panic"
        );
        let bad_regex = "[[term]]\nname='x'\npattern='('\nexists_from=1\nvalid_to=2\n";
        assert_eq!(
            Rules::from_toml(LEXICON, bad_regex).err().map(|e| e.code()),
            Some("check.bad_pattern")
        );
    }
}
