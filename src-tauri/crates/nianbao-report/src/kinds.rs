//! Section kinds by content: keywords of the heading (weighted heavily) and of the body
//! (weighted lightly) from the lexicon (data/sections.toml).
//!
//! Never by position or exact heading: governments reorder and reword their parts every year.
//! A part that bundles many measures is `other` and its children keep their own kinds; the
//! children of a problems or next-year part take that part's kind (a plan about 执法 is still
//! next year's plan).

use std::collections::HashMap;

use regex::Regex;

use crate::lexicon::Lexicon;
use crate::model::{Section, SectionKind};

const KINDS: usize = SectionKind::ALL.len();
/// A heading score at or above this, ahead of every other kind, decides the kind alone.
const DECISIVE_HEADING: u32 = 4;
/// Heading words weigh this many times body words.
const HEADING_WEIGHT: u32 = 6;
/// A body keyword counts at most this many times per section.
const BODY_CAP: u32 = 3;

fn index(kind: SectionKind) -> usize {
    SectionKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(KINDS - 1)
}

/// Keyword lookups prepared once per lexicon: one leftmost-longest alternation for heading
/// keywords and one for body keywords (jieba's words can be longer than a keyword — 文明执法
/// holds 执法 — so keywords are matched in the text, not against words).
#[derive(Debug)]
pub struct KindScorer {
    heading_re: Option<Regex>,
    heading_of: HashMap<String, Vec<(usize, u32)>>,
    body_re: Option<Regex>,
    body_keywords: Vec<Vec<(usize, u32)>>,
    body_index: HashMap<String, usize>,
}

fn alternation<'a>(words: impl Iterator<Item = &'a String>) -> Option<Regex> {
    let mut words: Vec<&String> = words.collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    if words.is_empty() {
        return None;
    }
    let pattern = words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    // Keywords are escaped literals: the pattern always compiles.
    Regex::new(&pattern).ok()
}

impl KindScorer {
    pub fn new(lex: &Lexicon) -> KindScorer {
        let mut heading_of: HashMap<String, Vec<(usize, u32)>> = HashMap::new();
        let mut body_index: HashMap<String, usize> = HashMap::new();
        let mut body_keywords: Vec<Vec<(usize, u32)>> = Vec::new();
        for (kind, words) in &lex.kinds {
            let k = index(*kind);
            for (w, weight) in &words.heading {
                heading_of.entry(w.clone()).or_default().push((k, *weight));
            }
            for (w, weight) in &words.body {
                let id = *body_index.entry(w.clone()).or_insert_with(|| {
                    body_keywords.push(Vec::new());
                    body_keywords.len() - 1
                });
                body_keywords[id].push((k, *weight));
            }
        }
        KindScorer {
            heading_re: alternation(heading_of.keys()),
            heading_of,
            body_re: alternation(body_index.keys()),
            body_keywords,
            body_index,
        }
    }

    /// Scores of a heading per kind (each keyword once).
    pub fn heading_scores(&self, heading: &str) -> [u32; KINDS] {
        let mut scores = [0; KINDS];
        let mut seen: Vec<&str> = Vec::new();
        for m in self.heading_re.iter().flat_map(|re| re.find_iter(heading)) {
            if seen.contains(&m.as_str()) {
                continue;
            }
            seen.push(m.as_str());
            for (k, weight) in self.heading_of.get(m.as_str()).into_iter().flatten() {
                scores[*k] += weight;
            }
        }
        scores
    }

    /// The kind a heading alone decides, if it does.
    pub fn heading_kind(&self, heading: &str) -> Option<SectionKind> {
        decisive(&self.heading_scores(heading))
    }

    /// Body keyword ids found in each line (computed once per report).
    pub fn line_hits(&self, lines: &[String]) -> Vec<Vec<usize>> {
        lines
            .iter()
            .map(|line| {
                self.body_re
                    .iter()
                    .flat_map(|re| re.find_iter(line))
                    .filter_map(|m| self.body_index.get(m.as_str()).copied())
                    .collect()
            })
            .collect()
    }

    /// Scores of body lines per kind (each keyword counted at most [`BODY_CAP`] times).
    fn body_scores(&self, hits: &[Vec<usize>]) -> [u32; KINDS] {
        let mut counts = vec![0u32; self.body_keywords.len()];
        for id in hits.iter().flatten() {
            counts[*id] += 1;
        }
        let mut scores = [0; KINDS];
        for (id, n) in counts.into_iter().enumerate() {
            for (k, weight) in &self.body_keywords[id] {
                scores[*k] += weight * n.min(BODY_CAP);
            }
        }
        scores
    }
}

/// The top kind when it is at least [`DECISIVE_HEADING`] and strictly ahead.
fn decisive(scores: &[u32; KINDS]) -> Option<SectionKind> {
    let (best, second) = top_two(scores);
    (scores[best] >= DECISIVE_HEADING && scores[best] > second).then(|| SectionKind::ALL[best])
}

fn top_two(scores: &[u32; KINDS]) -> (usize, u32) {
    let mut best = 0;
    for i in 1..KINDS {
        if scores[i] > scores[best] {
            best = i;
        }
    }
    let second = (0..KINDS)
        .filter(|i| *i != best)
        .map(|i| scores[i])
        .max()
        .unwrap_or(0);
    (best, second)
}

/// Give every section a kind (children first). Sections already carrying a kind other than
/// `Other` (headless parts recognised by how they begin) keep it.
pub fn classify(sections: &mut [Section], lines: &[String], scorer: &KindScorer) {
    let hits = scorer.line_hits(lines);
    classify_all(sections, &hits, scorer);
}

fn classify_all(sections: &mut [Section], hits: &[Vec<usize>], scorer: &KindScorer) {
    for s in sections.iter_mut() {
        classify_one(s, hits, scorer);
    }
}

fn classify_one(s: &mut Section, hits: &[Vec<usize>], scorer: &KindScorer) {
    classify_all(&mut s.children, hits, scorer);
    if s.kind == SectionKind::Other {
        s.kind = decide(s, hits, scorer);
    }
    if matches!(s.kind, SectionKind::Problems | SectionKind::NextYear) {
        inherit(&mut s.children, s.kind);
    }
}

fn inherit(children: &mut [Section], kind: SectionKind) {
    for c in children {
        c.kind = kind;
        inherit(&mut c.children, kind);
    }
}

fn decide(s: &Section, hits: &[Vec<usize>], scorer: &KindScorer) -> SectionKind {
    let heading = scorer.heading_scores(&s.heading);
    if let Some(kind) = decisive(&heading) {
        return kind;
    }
    if !s.children.is_empty() {
        let mut counts = [0usize; KINDS];
        for c in &s.children {
            counts[index(c.kind)] += 1;
        }
        counts[index(SectionKind::Other)] = 0;
        let distinct = counts.iter().filter(|c| **c > 0).count();
        let (best, _) = top_two(&counts.map(|c| c as u32));
        if counts[best] * 2 >= s.children.len() && counts[best] > 0 {
            return SectionKind::ALL[best];
        }
        if distinct >= 3 {
            return SectionKind::Other;
        }
    }
    let from = s.line.saturating_sub(1).min(hits.len());
    let to = s.end_line.min(hits.len()).max(from);
    let mut total = scorer.body_scores(&hits[from..to]);
    for (t, h) in total.iter_mut().zip(heading) {
        *t += h * HEADING_WEIGHT;
    }
    // Problems and next-year parts are recognised by their headings or openings only: their
    // bodies use the same words as the measures.
    for kind in [
        SectionKind::Problems,
        SectionKind::NextYear,
        SectionKind::Other,
    ] {
        if heading[index(kind)] == 0 {
            total[index(kind)] = 0;
        }
    }
    let (best, second) = top_two(&total);
    if total[best] > 0 && total[best] > second {
        SectionKind::ALL[best]
    } else {
        SectionKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scorer() -> KindScorer {
        KindScorer::new(Lexicon::builtin())
    }

    #[test]
    fn standard_headings_decide_their_kind() {
        let s = scorer();
        for (heading, kind) in [
            ("存在问题", SectionKind::Problems),
            ("存在的不足和原因", SectionKind::Problems),
            ("2024年工作思路", SectionKind::NextYear),
            ("下一步工作打算", SectionKind::NextYear),
            ("工作举措及成效", SectionKind::Other),
            ("强化组织领导，推进法治建设", SectionKind::Organization),
            ("坚持依法科学决策", SectionKind::Decisions),
            ("坚持规范公正文明执法", SectionKind::Enforcement),
            ("有效化解各类争议", SectionKind::Disputes),
            ("推动普法宣传，提升治理效能", SectionKind::Publicity),
            ("全面深化“放管服”改革", SectionKind::Functions),
        ] {
            assert_eq!(s.heading_kind(heading), Some(kind), "{heading}");
        }
    }
}
