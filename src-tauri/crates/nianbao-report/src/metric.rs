//! Metric names for figures: `家族·指标` (`行政复议·受理`), stable across phrasings, from the
//! families and actions of data/metrics.toml; a fallback name from the clause's content words
//! (jieba, stop words dropped) when no family is in reach.
//!
//! It never changes a figure's value or position; it only names it. Within a sentence a family
//! carries over (`收到行政复议申请36件,受理31件` → `行政复议·收到`, `行政复议·受理`).

use std::collections::HashMap;

use regex::Regex;

use crate::figures::Found;
use crate::lexicon::Metrics;
use crate::segment;
use crate::text::sentence_bounds;

/// Names figures with the families and actions of one lexicon.
#[derive(Debug)]
pub struct MetricNamer {
    families: Vec<FamilyInfo>,
    family_re: Option<Regex>,
    family_of: HashMap<String, usize>,
    action_re: Option<Regex>,
    /// action word → (family, action name)
    actions_of: HashMap<String, Vec<(usize, String)>>,
    unit_actions: HashMap<String, String>,
    stopwords: Vec<String>,
}

#[derive(Debug)]
struct FamilyInfo {
    name: String,
    generic: bool,
    default: Option<String>,
}

/// A family or action word found in a line.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    idx: usize,
}

fn alternation(words: impl Iterator<Item = String>) -> Result<Option<Regex>, regex::Error> {
    let mut words: Vec<String> = words.collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    if words.is_empty() {
        return Ok(None);
    }
    let pattern = words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&pattern).map(Some)
}

impl MetricNamer {
    pub fn new(m: &Metrics) -> Result<MetricNamer, regex::Error> {
        let mut family_of = HashMap::new();
        let mut actions_of: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        for (i, f) in m.families.iter().enumerate() {
            for k in &f.keywords {
                family_of.entry(k.clone()).or_insert(i);
            }
            for a in &f.actions {
                for w in &a.words {
                    actions_of
                        .entry(w.clone())
                        .or_default()
                        .push((i, a.name.clone()));
                }
            }
        }
        Ok(MetricNamer {
            families: m
                .families
                .iter()
                .map(|f| FamilyInfo {
                    name: f.name.clone(),
                    generic: f.generic,
                    default: f.default.clone(),
                })
                .collect(),
            family_re: alternation(family_of.keys().cloned())?,
            family_of,
            action_re: alternation(actions_of.keys().cloned())?,
            actions_of,
            unit_actions: m.unit_actions.clone().into_iter().collect(),
            stopwords: m.stopwords.clone(),
        })
    }

    /// Names for the figures of one line (same order as `found`).
    pub fn name_line(&self, line: &str, found: &[Found]) -> Vec<String> {
        let families: Vec<Hit> = self
            .family_re
            .iter()
            .flat_map(|re| re.find_iter(line))
            .filter_map(|m| {
                self.family_of.get(m.as_str()).map(|idx| Hit {
                    start: m.start(),
                    end: m.end(),
                    idx: *idx,
                })
            })
            .collect();
        let actions: Vec<(usize, usize, &str)> = self
            .action_re
            .iter()
            .flat_map(|re| re.find_iter(line))
            .map(|m| (m.start(), m.end(), m.as_str()))
            .collect();
        let mut names: Vec<String> = Vec::with_capacity(found.len());
        let mut chosen: Vec<Option<(usize, String)>> = Vec::with_capacity(found.len());
        for (i, f) in found.iter().enumerate() {
            let (cs, ce) = f.clause;
            let (ss, _) = sentence_bounds(line, f.start, f.end);
            let prev = i
                .checked_sub(1)
                .map(|p| &found[p])
                .filter(|p| p.clause == f.clause);
            let next_start = found
                .get(i + 1)
                .filter(|n| n.clause == f.clause)
                .map_or(ce, |n| n.start);
            let seg_start = prev.map_or(cs, |p| p.end);
            let family = self.pick_family(&families, f, (cs, ce), ss, next_start);
            let Some(fam) = family else {
                let name = self.fallback(line, f, seg_start, next_start);
                chosen.push(None);
                names.push(name);
                continue;
            };
            // The action: nearest before the figure in its segment; the previous figure's when
            // nothing stands between (`5场次100余人`); else nearest after; else defaults.
            let before = actions
                .iter()
                .filter(|(s, e, _)| *s >= seg_start && *e <= f.start)
                .filter_map(|(_, e, w)| self.action_for(w, fam).map(|a| (*e, a)))
                .max_by_key(|(e, _)| *e)
                .map(|(_, a)| a);
            let gap_empty = line[seg_start..f.start]
                .chars()
                .all(|c| matches!(c, '、' | ' ' | '和' | '及' | '与' | '共'));
            let inherited = chosen
                .get(i.wrapping_sub(1))
                .and_then(|c| c.clone())
                .filter(|(pf, _)| gap_empty && prev.is_some() && *pf == fam)
                .map(|(_, a)| a);
            let after = || {
                actions
                    .iter()
                    .filter(|(s, _, _)| *s >= f.end && *s < next_start)
                    .find_map(|(_, _, w)| self.action_for(w, fam))
            };
            let action = before
                .or(inherited)
                .or_else(after)
                .or_else(|| {
                    (f.unit == "%")
                        .then(|| rate_word(&line[seg_start..f.start]))
                        .flatten()
                })
                .or_else(|| self.families[fam].default.clone())
                .or_else(|| self.unit_actions.get(&f.unit).cloned())
                .unwrap_or_else(|| "数量".to_owned());
            names.push(format!("{}·{}", self.families[fam].name, action));
            chosen.push(Some((fam, action)));
        }
        names
    }

    fn action_for(&self, word: &str, family: usize) -> Option<String> {
        self.actions_of
            .get(word)?
            .iter()
            .find(|(f, _)| *f == family)
            .map(|(_, a)| a.clone())
    }

    /// Nearest specific family before the figure in its clause, else after it in the clause,
    /// else earlier in the sentence; generic families only when no specific one is found.
    fn pick_family(
        &self,
        hits: &[Hit],
        f: &Found,
        (cs, _ce): (usize, usize),
        ss: usize,
        next_start: usize,
    ) -> Option<usize> {
        for generic in [false, true] {
            let ok = |h: &&Hit| self.families[h.idx].generic == generic;
            if let Some(h) = hits
                .iter()
                .filter(ok)
                .filter(|h| h.start >= cs && h.end <= f.start)
                .max_by_key(|h| h.end)
            {
                return Some(h.idx);
            }
            if let Some(h) = hits
                .iter()
                .filter(ok)
                .find(|h| h.start >= f.end && h.start < next_start)
            {
                return Some(h.idx);
            }
            if let Some(h) = hits
                .iter()
                .filter(ok)
                .filter(|h| h.start >= ss && h.end <= cs)
                .max_by_key(|h| h.end)
            {
                return Some(h.idx);
            }
        }
        None
    }

    /// A readable name from the clause's content words before the figure (after it when
    /// nothing stands before).
    fn fallback(&self, line: &str, f: &Found, seg_start: usize, next_start: usize) -> String {
        let mut words = self.content_words(&line[seg_start..f.start]);
        if words.is_empty() {
            words = self.content_words(&line[f.end..next_start.max(f.end)]);
            words.truncate(3);
        } else {
            let n = words.len();
            words.drain(..n.saturating_sub(3));
        }
        if words.is_empty() {
            return format!("未命名·{}", self.unit_action(&f.unit));
        }
        if f.unit == "%"
            && let Some(last) = words.last()
            && (last.ends_with('率') || last.ends_with("比"))
        {
            let rate = words.pop().unwrap_or_default();
            return if words.is_empty() {
                rate
            } else {
                format!("{}·{}", words.concat(), rate)
            };
        }
        format!("{}·{}", words.concat(), self.unit_action(&f.unit))
    }

    fn unit_action(&self, unit: &str) -> String {
        self.unit_actions
            .get(unit)
            .cloned()
            .unwrap_or_else(|| "数量".to_owned())
    }

    fn content_words(&self, text: &str) -> Vec<String> {
        segment::words(text)
            .into_iter()
            .filter(|w| {
                w.chars().any(|c| {
                    c > '\u{2e80}'
                        && !matches!(
                            c,
                            '、' | '，' | '。' | '“' | '”' | '（' | '）' | '《' | '》'
                        )
                }) && !w.chars().any(|c| c.is_ascii_digit())
                    && !self.stopwords.iter().any(|s| s == w)
            })
            .map(str::to_owned)
            .collect()
    }
}

/// The last word ending in 率 in a text (`调解成功率达` → `调解成功率`).
fn rate_word(text: &str) -> Option<String> {
    segment::words(text)
        .into_iter()
        .rev()
        .find(|w| w.ends_with('率') && w.chars().count() >= 2)
        .map(str::to_owned)
}
