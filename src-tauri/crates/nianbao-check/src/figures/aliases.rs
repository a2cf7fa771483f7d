//! The alias table (`data/aliases.toml`): groups of words a drafter uses for the same thing from
//! one year to the next (讲座/培训/报告会, 审核/审查, 收到/受理/新收 …). Every word of a group stands
//! for the group's first word when two clauses are compared. Editable data, never code.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use crate::CheckError;

#[derive(Deserialize)]
struct AliasFile {
    groups: Vec<Vec<String>>,
}

/// The compiled alias table.
#[derive(Debug, Clone)]
pub struct Aliases {
    /// Each group's words, the first one standing for all.
    groups: Vec<Vec<String>>,
    /// Word → group.
    by_word: HashMap<String, usize>,
    /// Every word of every group, to find phrases a word splitter cuts differently.
    finder: Option<AhoCorasick>,
    /// Group of each pattern of `finder`.
    pattern_group: Vec<usize>,
}

impl Aliases {
    /// The table from the text of an alias file.
    pub fn from_toml(text: &str) -> Result<Aliases, CheckError> {
        let bad = |reason: String| CheckError::BadRuleFile {
            file: "aliases.toml".into(),
            reason,
        };
        let file: AliasFile = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        let groups: Vec<Vec<String>> = file
            .groups
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .map(|w| w.trim().to_owned())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|g| g.len() >= 2)
            .collect();
        let mut by_word = HashMap::new();
        let mut patterns = Vec::new();
        let mut pattern_group = Vec::new();
        for (i, g) in groups.iter().enumerate() {
            for w in g {
                // A word in two groups belongs to the first (the file is read top down).
                if by_word.contains_key(w) {
                    continue;
                }
                by_word.insert(w.clone(), i);
                patterns.push(w.clone());
                pattern_group.push(i);
            }
        }
        let finder = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .map_err(|e| bad(e.to_string()))?,
            )
        };
        Ok(Aliases {
            groups,
            by_word,
            finder,
            pattern_group,
        })
    }

    /// The word that stands for `word` (itself when it is in no group).
    pub fn canonical<'a>(&'a self, word: &'a str) -> &'a str {
        self.by_word
            .get(word)
            .and_then(|g| self.groups.get(*g))
            .and_then(|g| g.first())
            .map_or(word, String::as_str)
    }

    /// The standing-for words of every alias phrase inside `text`.
    pub fn phrases_in<'a>(&'a self, text: &str) -> impl Iterator<Item = &'a str> + 'a {
        let found: Vec<usize> = self
            .finder
            .as_ref()
            .map(|f| {
                f.find_iter(text)
                    .filter_map(|m| self.pattern_group.get(m.pattern().as_usize()).copied())
                    .collect()
            })
            .unwrap_or_default();
        found
            .into_iter()
            .filter_map(|g| self.groups.get(g).and_then(|g| g.first()))
            .map(String::as_str)
    }

    /// Every alias phrase inside `text` (leftmost longest, not overlapping): its byte range and
    /// the word standing for its group.
    pub fn phrases_at<'a>(&'a self, text: &str) -> Vec<(std::ops::Range<usize>, &'a str)> {
        let Some(finder) = self.finder.as_ref() else {
            return Vec::new();
        };
        finder
            .find_iter(text)
            .filter_map(|m| {
                let g = self.pattern_group.get(m.pattern().as_usize())?;
                let w = self.groups.get(*g)?.first()?;
                Some((m.range(), w.as_str()))
            })
            .collect()
    }

    /// How many groups the table has.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// True for a table without groups.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_knows_the_rewordings_drafters_use() {
        let a = &crate::Rules::embedded().aliases;
        assert!(a.len() >= 10, "the shipped table has groups");
        for (x, y) in [
            ("讲座", "培训"),
            ("报告会", "讲座"),
            ("审核", "审查"),
            ("收到", "新收"),
            ("受理", "新收"),
            ("办结", "审结"),
            ("出庭应诉率", "出庭率"),
        ] {
            assert_eq!(a.canonical(x), a.canonical(y), "{x} and {y} are one word");
        }
        assert_eq!(
            a.canonical("行政处罚"),
            "行政处罚",
            "a word of no group is itself"
        );
    }

    #[test]
    fn phrases_are_found_inside_longer_words() {
        let a = Aliases::from_toml(r#"groups = [["出庭应诉率", "出庭率"]]"#)
            .unwrap_or_else(|e| panic!("{e}"));
        let found: Vec<&str> = a.phrases_in("行政机关负责人出庭率达100%").collect();
        assert_eq!(found, vec!["出庭应诉率"]);
        let at = a.phrases_at("出庭率98%，出庭应诉率99%");
        assert_eq!(
            at,
            vec![(0..9, "出庭应诉率"), (15..30, "出庭应诉率")],
            "with their byte ranges"
        );
    }

    #[test]
    fn a_broken_file_is_a_chinese_error() {
        let err = Aliases::from_toml("groups = 3").err();
        assert!(
            err.is_some_and(|e| e.to_string().contains("aliases.toml")),
            "the file is named in the error"
        );
    }
}
