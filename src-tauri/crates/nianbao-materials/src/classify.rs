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
/// The weight of the words of a paragraph's own run-in heading, counted once more.
const RUN_IN_HEADING: f64 = 1.0;
/// A run-in heading's words of the parser's headings (`sections.toml` `heading`, ≤ 4) count
/// this share of their heading weight on top.
const HEADING_WORD: f64 = 1.0;

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
    /// Words that plan in next year's parts but report as often (持续, 切实): half a plan word.
    #[serde(default)]
    plan_weak: Vec<String>,
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
    /// The parser's heading words (a run-in heading names its part as a heading line does).
    heading_words: Option<AhoCorasick>,
    heading_weights: Vec<Vec<(usize, f64)>>,
    cues: Vec<(Regex, usize, f64)>,
    plan: Option<AhoCorasick>,
    plan_weak: Option<AhoCorasick>,
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

/// The weights of the words of `ac` found in `text`, each word once (a heading names its part
/// once).
fn add_weighted(
    ac: Option<&AhoCorasick>,
    weights: &[Vec<(usize, f64)>],
    text: &str,
    scores: &mut [f64; KINDS],
) {
    let Some(ac) = ac else {
        return;
    };
    let mut seen: Vec<usize> = Vec::new();
    for m in ac.find_iter(text) {
        let id = m.pattern().as_usize();
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        for (k, w) in &weights[id] {
            scores[*k] += w;
        }
    }
}

/// Figures in a paragraph (a number with a counting unit or a percent sign).
static FIGURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\d+(?:\.\d+)?\s*(?:万|亿)?(?:件|次|人次|%|个|场|家|名|起|项|批|篇|期|元|户|份|人)")
        .ok()
});

/// `2018年是……` opening a paragraph.
static YEAR_OPENING: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(19|20)\d{2}年是").ok());

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
        let mut heading_patterns: Vec<String> = Vec::new();
        let mut heading_weights: Vec<Vec<(usize, f64)>> = Vec::new();
        let mut heading_slot: HashMap<String, usize> = HashMap::new();
        for kind in SectionKind::ALL {
            let Some(words) = lexicon.kind_words(kind) else {
                continue;
            };
            if matches!(kind, SectionKind::Other) {
                continue;
            }
            let k = index(kind);
            for (w, weight) in &words.heading {
                let id = *heading_slot.entry(w.clone()).or_insert_with(|| {
                    heading_patterns.push(w.clone());
                    heading_weights.push(Vec::new());
                    heading_patterns.len() - 1
                });
                heading_weights[id].push((k, f64::from(*weight).min(4.0) * HEADING_WORD));
            }
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
            heading_words: automaton(&heading_patterns),
            heading_weights,
            cues,
            plan: automaton(&parts.tense.plan),
            plan_weak: automaton(&parts.tense.plan_weak),
            past: automaton(&parts.tense.past),
            short: automaton(&parts.tense.short),
        }
    }

    /// Scores per part (index of [`SectionKind::ALL`]).
    pub fn scores(&self, text: &str) -> [f64; KINDS] {
        self.scores_in(text, None)
    }

    /// Scores per part of a paragraph of a text about `year` (the year its report or material
    /// speaks of): `〈year+1〉年` plans, `〈year〉年` reports.
    pub fn scores_in(&self, text: &str, year: Option<i32>) -> [f64; KINDS] {
        let text = &*nianbao_report::convert::to_simplified(text);
        let mut scores = [0.0; KINDS];
        self.add_keywords(text, 1.0, &mut scores);
        // A paragraph opening with its own numbered heading (`（二）深化“放管服”改革。……`): the
        // heading names the part, its words count once more.
        if let Some(h) = nianbao_report::outline::heading(text) {
            self.add_keywords(&h.text, RUN_IN_HEADING, &mut scores);
            add_weighted(
                self.heading_words.as_ref(),
                &self.heading_weights,
                &h.text,
                &mut scores,
            );
            // A run-in heading that names a shortcoming (`（一）行政决策程序规范有待进一步加强。`)
            // heads a shortcoming, whatever matter it is about.
            if count(self.short.as_ref(), &h.text) > 0.0 {
                scores[index(SectionKind::Problems)] += SHORTCOMING_HEADING;
            }
        }
        let figures = FIGURE.as_ref().map_or(0, |re| re.find_iter(text).count()) as f64;
        let mut plan =
            count(self.plan.as_ref(), text) + PLAN_WEAK * count(self.plan_weak.as_ref(), text);
        let mut past = count(self.past.as_ref(), text) + 2.0 * figures;
        if let Some(year) = year {
            let next = format!("{}年", year + 1);
            let this = format!("{year}年");
            let ny = index(SectionKind::NextYear);
            if text.starts_with(&next) {
                scores[ny] += NEXT_YEAR_OPENING;
            }
            plan += NEXT_YEAR_MENTION * text.matches(&next).count().min(2) as f64;
            past += text.matches(&this).count().min(2) as f64;
        } else if YEAR_OPENING.as_ref().is_some_and(|re| re.is_match(text)) {
            // `2018年是……` opening a paragraph of a text of no known year: most likely the
            // next year's (the report's own year opens its preamble, before any part).
            scores[index(SectionKind::NextYear)] += NEXT_YEAR_OPENING;
        }
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

    fn add_keywords(&self, text: &str, factor: f64, scores: &mut [f64; KINDS]) {
        let Some(ac) = &self.keywords else {
            return;
        };
        let mut counts: HashMap<usize, f64> = HashMap::new();
        for m in ac.find_iter(text) {
            *counts.entry(m.pattern().as_usize()).or_default() += 1.0;
        }
        for (id, n) in counts {
            for (k, w) in &self.keyword_weights[id] {
                scores[*k] += factor * w * n.min(CAP);
            }
        }
    }

    /// The part of a paragraph read alone. Nothing to go by: `other` with confidence 0.
    pub fn classify(&self, text: &str) -> Classified {
        let scores = self.scores(text);
        decide(&scores)
    }

    /// The part of a paragraph read alone, knowing the year its text speaks of.
    pub fn classify_in(&self, text: &str, year: Option<i32>) -> Classified {
        decide(&self.scores_in(text, year))
    }

    /// The parts of a file's paragraphs read in their order: `paragraphs` are the file's
    /// paragraphs as they come, each with the part its own heading states (`None`: no heading
    /// says); `year` is the year the file speaks of. See [`sequence`].
    pub fn classify_sequence(
        &self,
        paragraphs: &[(&str, Option<SectionKind>)],
        year: Option<i32>,
    ) -> Vec<Classified> {
        self.classify_sequence_with(paragraphs, year, &Sequencing::default())
    }

    /// [`Classifier::classify_sequence`] with other constants (to choose them on the tune half).
    pub fn classify_sequence_with(
        &self,
        paragraphs: &[(&str, Option<SectionKind>)],
        year: Option<i32>,
        how: &Sequencing,
    ) -> Vec<Classified> {
        let steps: Vec<Step> = paragraphs
            .iter()
            .map(|(text, known)| Step {
                emission: emission(&self.scores_in(text, year), *known, how),
                numbered: opens_a_part(text),
            })
            .collect();
        sequence(&steps, how)
    }
}

/// The constants of reading a file's paragraphs in order (log-penalties in nats).
#[derive(Debug, Clone, PartialEq)]
pub struct Sequencing {
    /// Scores are divided by this to become a paragraph's log-likelihood of each part.
    pub temperature: f64,
    /// A change of part before a paragraph that opens with its own part's number (`三、`,
    /// `（二）`). More than before a plain paragraph: a numbered item's run-in heading already
    /// speaks loudly for its matter, and the items of the shortcomings and of next year's plans
    /// are numbered and name every part's matters.
    pub switch_numbered: f64,
    /// A change of part before a paragraph without a number (it usually goes on with the one
    /// before).
    pub switch_plain: f64,
    /// Leaving next year's plans, on top of the switch: it is the last part of a report.
    pub leave_next_year: f64,
    /// Leaving the shortcomings for any part but next year's plans or the first responsible's
    /// duties (organization), on top of the switch: a report tells its work, then its
    /// shortcomings, then (the 2019 rules' order) how its leaders did their duty, then its plans.
    pub leave_problems: f64,
    /// Next year's plans and the shortcomings speak of every other part's matters: this share
    /// of a paragraph's best score of the other parts counts for them too (their own words,
    /// tense and cues decide between them and the part whose matters they speak of).
    pub topics_in_plans: f64,
    pub topics_in_problems: f64,
}

impl Default for Sequencing {
    fn default() -> Self {
        Sequencing {
            temperature: 2.0,
            switch_numbered: 3.0,
            switch_plain: 1.0,
            leave_next_year: 8.0,
            leave_problems: 4.0,
            topics_in_plans: 0.25,
            topics_in_problems: 0.0,
        }
    }
}

/// The parts a paragraph can be put in by its sequence (every standard part; `other` is what
/// remains when nothing speaks for any).
const STATES: usize = KINDS - 1;
/// The log-penalty of a part other than the one the paragraph's own heading states.
const AGAINST_HEADING: f64 = 8.0;
/// `〈year+1〉年` opening a paragraph (`2025年，我局将……`, `2025年是……`).
const NEXT_YEAR_OPENING: f64 = 8.0;
/// A run-in heading naming a shortcoming (有待, 不足 …).
const SHORTCOMING_HEADING: f64 = 10.0;
/// What a weak planning word (持续, 切实) counts for.
const PLAN_WEAK: f64 = 0.5;
/// Each `〈year+1〉年` in a paragraph counts as this many planning words.
const NEXT_YEAR_MENTION: f64 = 2.0;

/// One paragraph in a sequence: its log-likelihood of each part and whether it opens with a
/// number of its own.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub emission: [f64; STATES],
    pub numbered: bool,
}

/// Whether a paragraph opens with a number of the levels that number a report's parts and
/// their chapters (`三、`, `（二）`); `1.`, `一是` number items inside one part.
fn opens_a_part(text: &str) -> bool {
    nianbao_report::outline::heading(text).is_some_and(|h| h.level <= 2)
}

/// A paragraph's log-likelihood of each part (up to a constant) from its scores.
fn emission(scores: &[f64; KINDS], known: Option<SectionKind>, how: &Sequencing) -> [f64; STATES] {
    let mut e = [0.0; STATES];
    match known.filter(|k| *k != SectionKind::Other) {
        Some(k) => {
            let k = index(k);
            for (i, v) in e.iter_mut().enumerate() {
                *v = if i == k { 0.0 } else { -AGAINST_HEADING };
            }
        }
        None => {
            let problems = index(SectionKind::Problems);
            let next_year = index(SectionKind::NextYear);
            let topics = scores
                .iter()
                .take(STATES)
                .enumerate()
                .filter(|(i, _)| *i != problems && *i != next_year)
                .map(|(_, s)| *s)
                .fold(0.0, f64::max);
            for (v, s) in e.iter_mut().zip(scores.iter()) {
                *v = s / how.temperature;
            }
            e[next_year] += how.topics_in_plans * topics / how.temperature;
            e[problems] += how.topics_in_problems * topics / how.temperature;
        }
    }
    e
}

/// The log-probability of going from part `from` to part `to` before a paragraph.
fn transition(from: usize, to: usize, numbered: bool, how: &Sequencing) -> f64 {
    if from == to {
        return 0.0;
    }
    let switch = if numbered {
        how.switch_numbered
    } else {
        how.switch_plain
    };
    if from == index(SectionKind::NextYear) {
        -(switch + how.leave_next_year)
    } else if from == index(SectionKind::Problems)
        && to != index(SectionKind::NextYear)
        && to != index(SectionKind::Organization)
    {
        -(switch + how.leave_problems)
    } else {
        -switch
    }
}

fn log_sum_exp(values: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = values.collect();
    let max = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + v.iter().map(|x| (x - max).exp()).sum::<f64>().ln()
}

/// A file's paragraphs read in order, as a hidden Markov chain over the parts: a file's parts
/// are contiguous (a change of part costs [`Sequencing`]'s switch, less before a paragraph that
/// opens with its own number) and next year's plans come last (leaving
/// them costs more); each paragraph's words give its likelihood of each part ([`emission`]).
/// Each paragraph gets the part of highest posterior probability (forward–backward) and that
/// probability as its confidence: a paragraph without a word of its own takes its neighbours'
/// part, as sure as they make it. A paragraph no part is more likely for than a guess is
/// `other` with confidence 0.
pub fn sequence(steps: &[Step], how: &Sequencing) -> Vec<Classified> {
    let n = steps.len();
    if n == 0 {
        return Vec::new();
    }
    let mut fwd = vec![[0.0; STATES]; n];
    let mut bwd = vec![[0.0; STATES]; n];
    fwd[0] = steps[0].emission;
    for t in 1..n {
        let numbered = steps[t].numbered;
        for j in 0..STATES {
            fwd[t][j] = steps[t].emission[j]
                + log_sum_exp((0..STATES).map(|i| fwd[t - 1][i] + transition(i, j, numbered, how)));
        }
    }
    for t in (0..n - 1).rev() {
        let next = &steps[t + 1];
        for i in 0..STATES {
            bwd[t][i] =
                log_sum_exp((0..STATES).map(|j| {
                    transition(i, j, next.numbered, how) + next.emission[j] + bwd[t + 1][j]
                }));
        }
    }
    (0..n)
        .map(|t| {
            let joint: Vec<f64> = (0..STATES).map(|i| fwd[t][i] + bwd[t][i]).collect();
            let z = log_sum_exp(joint.iter().copied());
            let (best, p) = joint
                .iter()
                .enumerate()
                .map(|(i, v)| (i, (v - z).exp()))
                .fold((0, f64::NEG_INFINITY), |a, b| if b.1 > a.1 { b } else { a });
            if p < 2.0 / STATES as f64 {
                Classified {
                    part: SectionKind::Other,
                    confidence: 0.0,
                }
            } else {
                Classified {
                    part: SectionKind::ALL[best],
                    confidence: p.clamp(0.0, 1.0),
                }
            }
        })
        .collect()
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
    fn in_sequence_a_paragraph_without_words_takes_its_neighbours_part() {
        let c = Classifier::builtin();
        let got = c.classify_sequence(
            &[
                (
                    "开展“八五”普法宣传活动12场，落实“谁执法谁普法”责任制。",
                    None,
                ),
                ("活动受到群众欢迎。", None),
                ("建设法治文化阵地，组织宪法宣传周活动。", None),
            ],
            Some(2024),
        );
        assert!(
            got.iter().all(|g| g.part == SectionKind::Publicity),
            "{got:?}"
        );
        assert!(got[1].confidence < got[0].confidence, "{got:?}");
        assert!(got[1].confidence > 2.0 / STATES as f64, "{got:?}");
    }

    #[test]
    fn in_sequence_a_heading_part_holds_and_next_year_is_not_left() {
        let c = Classifier::builtin();
        let got = c.classify_sequence(
            &[
                ("这是一段没有线索的话。", Some(SectionKind::Decisions)),
                (
                    "2025年，我局将继续深化法治政府建设，持续提升依法行政水平。",
                    None,
                ),
                ("深化行政执法三项制度，全面提升执法规范化水平。", None),
            ],
            Some(2024),
        );
        assert_eq!(got[0].part, SectionKind::Decisions, "{got:?}");
        assert_eq!(got[1].part, SectionKind::NextYear, "{got:?}");
        assert_eq!(got[2].part, SectionKind::NextYear, "{got:?}");
        // Alone, the last one is a measure of enforcement.
        assert_eq!(
            c.classify_in("深化行政执法三项制度，全面提升执法规范化水平。", Some(2024))
                .part,
            SectionKind::Enforcement
        );
    }

    #[test]
    fn the_year_after_the_materials_year_plans() {
        let c = Classifier::builtin();
        let text = "2025年，继续推进行政复议规范化建设。";
        assert_eq!(c.classify_in(text, Some(2024)).part, SectionKind::NextYear);
        assert_ne!(c.classify_in(text, Some(2025)).part, SectionKind::NextYear);
    }

    #[test]
    fn traditional_characters_read_like_simplified() {
        let c = Classifier::builtin();
        let simplified = c.classify("深化行政审批制度改革，精简行政许可事项。");
        let traditional = c.classify("深化行政審批制度改革，精簡行政許可事項。");
        assert_eq!(simplified.part, SectionKind::Functions);
        assert_eq!(traditional, simplified);
    }

    #[test]
    fn in_sequence_nothing_to_go_by_is_other() {
        let c = Classifier::builtin();
        assert!(c.classify_sequence(&[], None).is_empty());
        let got = c.classify_sequence(&[("今天天气很好。", None), ("明天也是。", None)], None);
        assert!(
            got.iter()
                .all(|g| g.part == SectionKind::Other && g.confidence == 0.0),
            "{got:?}"
        );
    }

    #[test]
    fn a_paragraph_without_any_cue_is_other_with_no_confidence() {
        let got = Classifier::builtin().classify("今天天气很好。");
        assert_eq!(got.part, SectionKind::Other);
        assert!(got.confidence.abs() < f64::EPSILON);
    }

    #[test]
    fn a_run_in_heading_naming_a_shortcoming_heads_a_problem() {
        let c = Classifier::builtin();
        let text =
            "（二）重大行政决策程序有待进一步规范。个别部门决策前的公众参与和专家论证还不充分。";
        assert_eq!(c.classify_in(text, Some(2024)).part, SectionKind::Problems);
        // The same matter as a measure is the decisions part.
        let measure = "（二）规范重大行政决策程序。严格落实公众参与、专家论证和合法性审查。";
        assert_eq!(
            c.classify_in(measure, Some(2024)).part,
            SectionKind::Decisions
        );
    }

    #[test]
    fn a_run_in_heading_names_its_part_as_a_heading_line_does() {
        let c = Classifier::builtin();
        // Body words lean to enforcement (监管, 检查); the heading says functions.
        let text = "（二）深入推进政府职能转变。创新执法监管方式，开展跨部门联合执法检查，规范涉企行政执法检查。";
        assert_eq!(c.classify_in(text, Some(2024)).part, SectionKind::Functions);
    }

    #[test]
    fn in_sequence_shortcomings_lead_to_the_leaders_duties_or_plans_not_back_to_measures() {
        let c = Classifier::builtin();
        let got = c.classify_sequence(
            &[
                ("全年办理行政复议案件45件，调解矛盾纠纷320起。", None),
                ("健全行政复议与行政调解衔接机制，推进矛盾纠纷多元化解。", None),
                ("（一）基层执法力量仍然不足。乡镇综合执法队伍人员少。", None),
                ("（二）执法规范化水平有待提升。部分执法人员程序意识不强。", None),
                ("执法案卷质量参差不齐，执法监督还需加强。", None),
                (
                    "市政府主要负责人切实履行推进法治建设第一责任人职责，主持专题会议研究法治工作。",
                    None,
                ),
            ],
            Some(2024),
        );
        let parts: Vec<SectionKind> = got.iter().map(|g| g.part).collect();
        assert_eq!(
            parts,
            [
                SectionKind::Disputes,
                SectionKind::Disputes,
                SectionKind::Problems,
                SectionKind::Problems,
                SectionKind::Problems,
                SectionKind::Organization
            ],
            "{got:?}"
        );
    }
}
