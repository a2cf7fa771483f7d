//! A paragraph alone → the standard part it belongs to, with a confidence.
//!
//! A department's paragraph arrives without the government report's outline around it, so the
//! part is read from the paragraph's own words: the parser's section keywords
//! (`sections.toml`, heading and body words both count here), the words of `data/parts.toml`
//! (weighed per part, chosen on the tune half of the measured reports, see `tests/measure.rs`),
//! whether it plans or reports (next year's parts plan, the others report figures) and the openings and phrasings of the two parts whose words are those of
//! every other part (problems: 存在……不足; next year: 将……, 下一步). The confidence is the share
//! of the best part in a softmax over the scores: a paragraph that speaks of one thing only is
//! sure, one that mixes 执法 and 普法 is not.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use nianbao_report::{Lexicon, SectionKind};
use regex::Regex;
use serde::Deserialize;

const KINDS: usize = SectionKind::ALL.len();
const PARTS_TOML: &str = include_str!("../data/parts.toml");
/// A keyword counts at most this many times in one paragraph.
const CAP: f64 = 3.0;
/// Scores are divided by this before the softmax (how quickly a lead becomes certainty).
const TEMPERATURE: f64 = 2.0;

fn index(kind: SectionKind) -> usize {
    SectionKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(KINDS - 1)
}

/// `data/parts.toml`: per part, jieba words and their weights; per part, phrasings (regex) and
/// their weights.
#[derive(Debug, Deserialize)]
struct PartsFile {
    #[serde(default)]
    words: HashMap<String, HashMap<String, f64>>,
    #[serde(default)]
    cues: HashMap<String, Vec<Cue>>,
    #[serde(default)]
    tense: Tense,
}

/// Words of planning, of reporting what was done, and of shortcomings.
#[derive(Debug, Default, Deserialize)]
struct Tense {
    #[serde(default)]
    plan: Vec<String>,
    #[serde(default)]
    past: Vec<String>,
    #[serde(default)]
    short: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Cue {
    re: String,
    weight: f64,
}

/// The classifier: keyword automaton, word weights and cue patterns, built once.
#[derive(Debug)]
pub struct Classifier {
    keywords: Option<AhoCorasick>,
    keyword_weights: Vec<Vec<(usize, f64)>>,
    cues: Vec<(Regex, usize, f64)>,
    plan: Option<AhoCorasick>,
    past: Option<AhoCorasick>,
    short: Option<AhoCorasick>,
}

fn automaton(words: &[String]) -> Option<AhoCorasick> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(words)
        .ok()
}

fn count(ac: Option<&AhoCorasick>, text: &str) -> f64 {
    ac.map_or(0, |ac| ac.find_iter(text).count()) as f64
}

/// Figures in a paragraph (a number with a counting unit or a percent sign).
static FIGURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\d+(?:\.\d+)?\s*(?:万|亿)?(?:件|次|人次|%|个|场|家|名|起|项|批|篇|期|元|户|份|人)")
        .ok()
});

/// A paragraph's part and how sure the classifier is (0‥1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Classified {
    pub part: SectionKind,
    pub confidence: f64,
}

impl Classifier {
    /// The classifier of the built-in lexicon and `data/parts.toml`.
    pub fn builtin() -> &'static Classifier {
        static C: OnceLock<Classifier> = OnceLock::new();
        C.get_or_init(|| Classifier::new(Lexicon::builtin()))
    }

    /// A classifier with the section keywords of `lexicon` (an office's edited sections.toml).
    pub fn new(lexicon: &Lexicon) -> Classifier {
        let mut patterns: Vec<String> = Vec::new();
        let mut keyword_weights: Vec<Vec<(usize, f64)>> = Vec::new();
        let mut slot: HashMap<String, usize> = HashMap::new();
        for kind in SectionKind::ALL {
            let Some(words) = lexicon.kind_words(kind) else {
                continue;
            };
            if matches!(kind, SectionKind::Other) {
                continue;
            }
            let k = index(kind);
            for (w, weight) in words.heading.iter().chain(words.body.iter()) {
                let id = *slot.entry(w.clone()).or_insert_with(|| {
                    patterns.push(w.clone());
                    keyword_weights.push(Vec::new());
                    patterns.len() - 1
                });
                // Heading words are the part's names; in a paragraph they weigh like body words.
                let w = f64::from(*weight).min(4.0) * 0.5;
                if let Some(e) = keyword_weights[id].iter_mut().find(|(kk, _)| *kk == k) {
                    e.1 = e.1.max(w);
                } else {
                    keyword_weights[id].push((k, w));
                }
            }
        }
        // The embedded file is ours and tested (`builtin_data_reads`); a broken one would
        // leave the classifier with the section keywords alone.
        let parts: PartsFile = toml::from_str(PARTS_TOML).unwrap_or(PartsFile {
            words: HashMap::new(),
            cues: HashMap::new(),
            tense: Tense::default(),
        });
        for (kind, ws) in &parts.words {
            let Some(k) = SectionKind::from_key(kind).map(index) else {
                continue;
            };
            for (w, weight) in ws {
                let id = *slot.entry(w.clone()).or_insert_with(|| {
                    patterns.push(w.clone());
                    keyword_weights.push(Vec::new());
                    patterns.len() - 1
                });
                if let Some(e) = keyword_weights[id].iter_mut().find(|(kk, _)| *kk == k) {
                    e.1 = e.1.max(*weight);
                } else {
                    keyword_weights[id].push((k, *weight));
                }
            }
        }
        let keywords = automaton(&patterns);
        let mut cues = Vec::new();
        for (kind, list) in &parts.cues {
            let Some(k) = SectionKind::from_key(kind).map(index) else {
                continue;
            };
            for cue in list {
                if let Ok(re) = Regex::new(&cue.re) {
                    cues.push((re, k, cue.weight));
                }
            }
        }
        Classifier {
            keywords,
            keyword_weights,
            cues,
            plan: automaton(&parts.tense.plan),
            past: automaton(&parts.tense.past),
            short: automaton(&parts.tense.short),
        }
    }

    /// Scores per part (index of [`SectionKind::ALL`]).
    pub fn scores(&self, text: &str) -> [f64; KINDS] {
        let mut scores = [0.0; KINDS];
        if let Some(ac) = &self.keywords {
            let mut counts: HashMap<usize, f64> = HashMap::new();
            for m in ac.find_iter(text) {
                *counts.entry(m.pattern().as_usize()).or_default() += 1.0;
            }
            for (id, n) in counts {
                for (k, w) in &self.keyword_weights[id] {
                    scores[*k] += w * n.min(CAP);
                }
            }
        }
        let figures = FIGURE.as_ref().map_or(0, |re| re.find_iter(text).count()) as f64;
        let plan = count(self.plan.as_ref(), text);
        let past = count(self.past.as_ref(), text) + 2.0 * figures;
        if plan >= 3.0 && plan > past + 1.0 {
            scores[index(SectionKind::NextYear)] += (3.0 + 2.0 * (plan - past)).min(10.0);
        }
        let short = count(self.short.as_ref(), text);
        if short > 0.0 && figures < 2.0 {
            scores[index(SectionKind::Problems)] += 3.0 * short.min(CAP);
        }
        for (re, k, weight) in &self.cues {
            if re.is_match(text) {
                scores[*k] += weight;
            }
        }
        scores
    }

    /// The part of a paragraph read alone. Nothing to go by: `other` with confidence 0.
    pub fn classify(&self, text: &str) -> Classified {
        let scores = self.scores(text);
        decide(&scores)
    }
}

/// The best part of a score vector and its softmax share.
pub fn decide(scores: &[f64; KINDS]) -> Classified {
    let other = index(SectionKind::Other);
    let mut best = other;
    for (i, s) in scores.iter().enumerate() {
        if i != other && *s > 0.0 && (best == other || *s > scores[best]) {
            best = i;
        }
    }
    if best == other {
        return Classified {
            part: SectionKind::Other,
            confidence: 0.0,
        };
    }
    let top = scores[best];
    let sum: f64 = scores
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != other)
        .map(|(_, s)| ((s - top) / TEMPERATURE).exp())
        .sum();
    // An unopposed score still needs some weight before it is sure.
    let evidence = 1.0 - (-top / 4.0).exp();
    Classified {
        part: SectionKind::ALL[best],
        confidence: (evidence / sum).clamp(0.0, 1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_reads() {
        let parts: Result<PartsFile, _> = toml::from_str(PARTS_TOML);
        let parts = parts.expect("data/parts.toml is valid");
        for kind in parts.words.keys().chain(parts.cues.keys()) {
            assert!(SectionKind::from_key(kind).is_some(), "unknown part {kind}");
        }
        for cue in parts.cues.values().flatten() {
            assert!(Regex::new(&cue.re).is_ok(), "{}", cue.re);
        }
    }

    #[test]
    fn invented_paragraphs_go_to_their_parts() {
        let c = Classifier::builtin();
        for (text, kind) in [
            (
                "全年办理行政复议案件45件，行政机关负责人出庭应诉率100%，调解矛盾纠纷320起。",
                SectionKind::Disputes,
            ),
            (
                "开展“八五”普法宣传活动12场，落实“谁执法谁普法”责任制。",
                SectionKind::Publicity,
            ),
            (
                "一是法治宣传的针对性还不够强，二是基层执法力量仍然不足。",
                SectionKind::Problems,
            ),
            (
                "下一步，我局将继续深化行政执法三项制度，提升执法规范化水平。",
                SectionKind::NextYear,
            ),
            (
                "全面落实行政执法三项制度，开展执法案卷评查，规范行政处罚。",
                SectionKind::Enforcement,
            ),
        ] {
            let got = c.classify(text);
            assert_eq!(got.part, kind, "{text}: {got:?}");
            assert!(got.confidence > 0.3, "{text}: {got:?}");
        }
    }

    #[test]
    fn a_paragraph_without_any_cue_is_other_with_no_confidence() {
        let got = Classifier::builtin().classify("今天天气很好。");
        assert_eq!(got.part, SectionKind::Other);
        assert!(got.confidence.abs() < f64::EPSILON);
    }
}
