//! Alignment by meaning: every figure of last year with a unit of the same class is a candidate
//! for a figure of this year; a pair is scored by the metric names, the weighted content words of
//! the two clauses (through the alias table), the word next to the number (what is done or
//! counted), the section kind, the place in the report and how plausible the change of value is.
//! Candidates then go through one global one-to-one assignment (Kuhn–Munkres, per connected group
//! of candidates) instead of a greedy pick; the drafter's links come first and are obeyed.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use nianbao_report::{Figure, Report, SectionKind, convert, segment};
use pathfinding::prelude::{Matrix, kuhn_munkres};

use super::links::{FigureLink, LinkKind};
use super::{Alignment, Candidate, Pair, family, is_named};
use crate::rules::{Rules, UnitClass};
use crate::text::is_han;

/// Same metric, named by the lexicon.
const NAME_EXACT: f64 = 0.4;
/// Same metric, a fallback name built from content words.
const NAME_FALLBACK: f64 = 0.2;
/// Same lexicon family, same unit.
const NAME_FAMILY: f64 = 0.15;
/// Weight of the overlap of the two clauses' words (half weighted Dice, half weighted overlap
/// coefficient: a clause that grew longer around the same words still matches).
const WORDS: f64 = 0.42;
/// Weight of the overlap of the two whole sentences (a drafter moves words between the clauses
/// of a sentence).
const SENTENCE: f64 = 0.15;
/// Same word next to the number (the action before it or the object counted after it).
const HEAD: f64 = 0.1;
/// Words next to the number: the word before it, the word after it, and the nearest words of
/// the alias table before and after it.
const HEADS: usize = 4;
/// Sentence context read around a figure, in bytes either way.
const SENTENCE_REACH: usize = 240;
/// Same classified section kind; a different classified kind costs `KIND_OTHER`.
const KIND: f64 = 0.08;
const KIND_OTHER: f64 = 0.05;
/// Near the same place of the report (relative line).
const PLACE: f64 = 0.05;
/// A plausible change of value earns up to this; an implausible one loses up to `VALUE_BAD`.
const VALUE: f64 = 0.07;
const VALUE_BAD: f64 = 0.15;
/// Units of one class that differ (件 and 项) cost this.
const UNIT_OTHER: f64 = 0.05;

/// Below this a candidate is not even shown as possible.
pub const POSSIBLE: f64 = 0.4;
/// A competing candidate this close to the chosen one, with another value, makes it ambiguous.
const MARGIN: f64 = 0.04;
/// Figures per report that are aligned at all; bounds the work on pathological input.
// Every pair of one unit class is scored: 800 × 800 stays well inside the budget, and a real
// report states a few hundred figures.
const MAX_FIGURES: usize = 800;
/// Candidates kept per figure of this year (best first).
const MAX_CANDIDATES: usize = 8;
/// Groups larger than this (rows × columns) are assigned greedily, best first.
const MAX_KM_CELLS: usize = 90 * 90;
/// Candidates offered for a figure left unpaired.
const OFFERED: usize = 3;

/// What one figure brings to the comparison.
#[derive(Debug, Default)]
struct Features {
    /// Canonical word ids of the clause, sorted, unique.
    words: Vec<u32>,
    /// Canonical word ids of the whole sentence, sorted, unique.
    context: Vec<u32>,
    /// The words next to the number: the last before it and the first after it.
    head: [Option<u32>; HEADS],
    /// Relative line (0..1) in a report long enough for it to mean something.
    place: Option<f64>,
    /// Left out (a stated change `同比增长20%`, past the cap, or ruled out by a link).
    out: bool,
    /// The metric is a lexicon name.
    named: bool,
    /// The unit's class, looked up once.
    class: Option<UnitClass>,
    /// Summed weights of `words` and `context` (set once the weights are known).
    words_weight: f64,
    context_weight: f64,
}

/// Content words of one sentence (outside 《》 titles, kept by [`FigureAligner::keep`]) with
/// their byte offsets in the line, and their canonical ids (sorted, unique; alias phrases
/// included). Every figure of the sentence reads its clause and context from here: a sentence is
/// cut into words once, not once per figure and clause.
#[derive(Debug, Default)]
struct Sentence<'a> {
    words: Vec<(usize, &'a str)>,
    ids: Vec<u32>,
}

/// Word ids shared by both reports, with their document frequency.
#[derive(Debug, Default)]
struct Vocabulary<'a> {
    ids: HashMap<&'a str, u32>,
    words: Vec<&'a str>,
    df: Vec<u32>,
}

impl<'a> Vocabulary<'a> {
    fn id(&mut self, w: &'a str) -> u32 {
        if let Some(id) = self.ids.get(w) {
            return *id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.ids.insert(w, id);
        self.words.push(w);
        self.df.push(0);
        id
    }
}

/// Last year's figures of one unit class, indexed by what can make a pair score at all.
#[derive(Debug, Default)]
struct Block<'a> {
    by_word: HashMap<u32, Vec<usize>>,
    by_metric: HashMap<&'a str, Vec<usize>>,
    by_family: HashMap<&'a str, Vec<usize>>,
}

/// A figure's text as the aligner reads it: as written, or in simplified characters.
#[derive(Debug, Clone, Copy)]
struct Read<'a> {
    raw: &'a str,
    excerpt: &'a str,
}

/// Bytes of clause text (about 200 characters) converted at most to tell a traditional report.
const SAMPLE: usize = 600;

/// A report in traditional characters read in simplified ones, as the parser reads it (its
/// metric names already are): the lines holding figures, and each figure's raw and excerpt,
/// converted character for character (same byte layout, so offsets still hold). Without this,
/// `累計承接市級賦權` one year and `累计承接市级赋权` the next share no word.
#[derive(Debug, Default)]
struct Simplified {
    lines: HashMap<usize, String>,
    raw: Vec<String>,
    excerpt: Vec<String>,
}

impl Simplified {
    /// `None` for a report in simplified characters (the usual case): told from a sample of
    /// its clauses, so that case costs one short conversion.
    fn of(report: &Report) -> Option<Simplified> {
        let mut seen = 0;
        let traditional = report
            .figures
            .iter()
            .take_while(|f| {
                let more = seen < SAMPLE;
                seen += f.excerpt.len();
                more
            })
            .any(|f| matches!(convert::to_simplified(&f.excerpt), Cow::Owned(_)));
        if !traditional {
            return None;
        }
        let mut out = Simplified::default();
        for f in report.figures.iter().take(MAX_FIGURES) {
            out.lines
                .entry(f.line)
                .or_insert_with(|| convert::to_simplified(report.line(f.line)).into_owned());
            out.raw.push(convert::to_simplified(&f.raw).into_owned());
            out.excerpt
                .push(convert::to_simplified(&f.excerpt).into_owned());
        }
        Some(out)
    }

    fn line<'a>(&'a self, report: &'a Report, line: usize) -> &'a str {
        self.lines
            .get(&line)
            .map_or_else(|| report.line(line), String::as_str)
    }

    fn read<'a>(&'a self, i: usize, f: &'a Figure) -> Read<'a> {
        match (self.raw.get(i), self.excerpt.get(i)) {
            (Some(raw), Some(excerpt)) => Read { raw, excerpt },
            _ => Read {
                raw: &f.raw,
                excerpt: &f.excerpt,
            },
        }
    }
}

/// Scores candidate pairs and assigns them, one to one, over both reports at once.
#[derive(Debug)]
pub struct FigureAligner<'r> {
    rules: &'r Rules,
}

impl<'r> FigureAligner<'r> {
    pub fn new(rules: &'r Rules) -> FigureAligner<'r> {
        FigureAligner { rules }
    }

    fn class(&self, f: &Figure) -> Option<UnitClass> {
        self.rules.unit_class(&f.unit)
    }

    /// A percentage right after a growth word (`同比增长20%`) states a change, not a metric.
    fn is_change_statement(&self, line: &str, f: &Figure) -> bool {
        let head = line.get(..f.start.min(line.len())).unwrap_or("");
        let head = head.trim_end_matches(['了', '达', '约']);
        self.rules
            .growth_up
            .iter()
            .chain(&self.rules.growth_down)
            .any(|w| head.ends_with(w.as_str()))
    }

    fn keep(&self, w: &str) -> bool {
        w.chars().count() >= 2 && w.chars().all(is_han) && !self.rules.stopwords.contains(w)
    }

    /// Kept words of `text` outside 《》 titles, with their byte offsets (from `base`).
    fn kept_words<'a>(&self, text: &'a str, base: usize) -> Vec<(usize, &'a str)> {
        let mut out = Vec::new();
        for (from, to) in untitled_ranges(text) {
            let Some(piece) = text.get(from..to) else {
                continue;
            };
            let mut at = base + from;
            for w in segment::words(piece) {
                if self.keep(w) {
                    out.push((at, w));
                }
                at += w.len();
            }
        }
        out
    }

    /// The sentence `from..to` of `line`, cut once.
    fn sentence<'a>(
        &'a self,
        line: &'a str,
        from: usize,
        to: usize,
        vocab: &mut Vocabulary<'a>,
    ) -> Sentence<'a>
    where
        'r: 'a,
    {
        let text = line.get(from..to).unwrap_or("");
        let aliases = &self.rules.aliases;
        let words = self.kept_words(text, from);
        let mut ids: Vec<u32> = words
            .iter()
            .map(|(_, w)| vocab.id(aliases.canonical(w)))
            .collect();
        for (a, b) in untitled_ranges(text) {
            for w in aliases.phrases_in(text.get(a..b).unwrap_or("")) {
                ids.push(vocab.id(w));
            }
        }
        ids.sort_unstable();
        ids.dedup();
        Sentence { words, ids }
    }

    /// Content words of a clause, each standing for its alias group, and the words next to the
    /// number. Titles in 《》 are left out: the document named changes every year. The words
    /// come from the sentence already cut when the clause lies inside it (clauses end at
    /// punctuation, where the word splitter cuts anyway), else the clause is cut on its own.
    fn words_of<'a>(
        &'a self,
        (f, read, line): (&'a Figure, Read<'a>, &'a str),
        sentence: &Sentence<'a>,
        (from, to): (usize, usize),
        named: bool,
        vocab: &mut Vocabulary<'a>,
    ) -> (Vec<u32>, [Option<u32>; HEADS])
    where
        'r: 'a,
    {
        let aliases = &self.rules.aliases;
        let (before, after, number) =
            match clause_in_line(f, read, line).filter(|(a, b)| *a >= from && *b <= to) {
                Some((a, b)) => {
                    let inside = |lo: usize, hi: usize| {
                        sentence
                            .words
                            .iter()
                            .filter(move |(at, w)| *at >= lo && at + w.len() <= hi)
                            .map(|(_, w)| *w)
                            .collect::<Vec<&str>>()
                    };
                    (
                        inside(a, f.start),
                        inside(f.end, b),
                        Some((f.start - a, f.end - a)),
                    )
                }
                None => {
                    let at = read.excerpt.find(read.raw);
                    let (before, after) = match at {
                        Some(i) => (
                            read.excerpt.get(..i).unwrap_or(""),
                            read.excerpt.get(i + read.raw.len()..).unwrap_or(""),
                        ),
                        None => (read.excerpt, ""),
                    };
                    let words = |t: &'a str| {
                        self.kept_words(t, 0)
                            .into_iter()
                            .map(|(_, w)| w)
                            .collect::<Vec<&str>>()
                    };
                    (
                        words(before),
                        words(after),
                        at.map(|i| (i, i + read.raw.len())),
                    )
                }
            };
        let mut ids = Vec::new();
        let mut head = [None; HEADS];
        for w in before {
            let id = vocab.id(aliases.canonical(w));
            head[0] = Some(id);
            ids.push(id);
        }
        for w in after {
            let id = vocab.id(aliases.canonical(w));
            if head[1].is_none() {
                head[1] = Some(id);
            }
            ids.push(id);
        }
        let phrases = aliases.phrases_at(read.excerpt);
        for (_, w) in &phrases {
            ids.push(vocab.id(w));
        }
        // The nearest word of the alias table either side of the number, outside titles: the
        // action or the object a drafter names in other words (`学法8次` and `集体学习《…》等
        // 法律法规8次`; `备案部门文件13件`, cut 部门/文件, and `备案行政规范性文件19件`).
        if let Some((x, y)) = number {
            let text = read.excerpt;
            head[2] = phrases
                .iter()
                .rev()
                .find(|(r, _)| r.end <= x && !in_title(text, r.start))
                .map(|(_, w)| vocab.id(w));
            head[3] = phrases
                .iter()
                .find(|(r, _)| r.start >= y && !in_title(text, r.start))
                .map(|(_, w)| vocab.id(w));
        }
        // The metric's own words: a name the parser gave from the lexicon says what is counted.
        // The stage (`受理`, `审结`) stays itself here: the alias table must not merge two stages
        // both years report side by side.
        if named {
            ids.push(vocab.id(f.metric.as_str()));
            if let Some(fam) = family(&f.metric) {
                ids.push(vocab.id(aliases.canonical(fam)));
            }
        }
        ids.sort_unstable();
        ids.dedup();
        (ids, head)
    }

    fn features<'a>(
        &'a self,
        (report, text): (&'a Report, Option<&'a Simplified>),
        vocab: &mut Vocabulary<'a>,
        statements: &mut Vec<usize>,
    ) -> Vec<Features>
    where
        'r: 'a,
    {
        let lines = report.lines.len();
        let mut sentences: HashMap<(usize, usize, usize), Sentence<'a>> = HashMap::new();
        report
            .figures
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let line = text.map_or_else(|| report.line(f.line), |t| t.line(report, f.line));
                if i >= MAX_FIGURES || self.is_change_statement(line, f) {
                    if i < MAX_FIGURES {
                        statements.push(i);
                    }
                    return Features {
                        out: true,
                        ..Features::default()
                    };
                }
                let named = is_named(&f.metric);
                let read = text.map_or(
                    Read {
                        raw: &f.raw,
                        excerpt: &f.excerpt,
                    },
                    |t| t.read(i, f),
                );
                let span = sentence_around(line, f.start.min(line.len()));
                let sentence = sentences
                    .entry((f.line, span.0, span.1))
                    .or_insert_with(|| self.sentence(line, span.0, span.1, vocab));
                let (words, head) = self.words_of((f, read, line), sentence, span, named, vocab);
                for w in &words {
                    if let Some(d) = vocab.df.get_mut(*w as usize) {
                        *d += 1;
                    }
                }
                // The whole sentence (its clause included: a word that moved to another clause
                // of the sentence still counts here).
                let mut context = Vec::with_capacity(sentence.ids.len() + words.len());
                context.extend_from_slice(&sentence.ids);
                context.extend_from_slice(&words);
                context.sort_unstable();
                context.dedup();
                Features {
                    words,
                    context,
                    head,
                    place: (lines >= 10).then(|| f.line as f64 / lines as f64),
                    out: false,
                    named,
                    class: self.class(f),
                    words_weight: 0.0,
                    context_weight: 0.0,
                }
            })
            .collect()
    }

    /// The score of pairing `a` (this year) with `b` (last year) and the words both clauses
    /// share; `None` below [`POSSIBLE`] or for units of different classes.
    fn score(
        &self,
        (a, fa): (&Figure, &Features),
        (b, fb): (&Figure, &Features),
        weight: &[f64],
    ) -> Option<(f64, Vec<u32>)> {
        let compatible =
            a.unit == b.unit || matches!((fa.class, fb.class), (Some(x), Some(y)) if x == y);
        if !compatible {
            return None;
        }
        let mut s = 0.0;
        if a.metric == b.metric {
            s += if fa.named { NAME_EXACT } else { NAME_FALLBACK };
        } else if a.unit == b.unit
            && fa.named
            && family(&a.metric).is_some_and(|x| family(&b.metric) == Some(x))
        {
            s += NAME_FAMILY;
        }
        let shared = shared_weight(&fa.words, &fb.words, weight);
        if shared <= 0.0 && s == 0.0 {
            return None;
        }
        let clause = similarity(shared, fa.words_weight, fb.words_weight);
        s += WORDS * clause;
        s += SENTENCE
            * similarity(
                shared_weight(&fa.context, &fb.context, weight),
                fa.context_weight,
                fb.context_weight,
            );
        let heads_meet = fa
            .head
            .iter()
            .flatten()
            .any(|h| fb.head.iter().flatten().any(|g| g == h));
        if heads_meet {
            s += HEAD;
        }
        if a.section != SectionKind::Other && b.section != SectionKind::Other {
            s += if a.section == b.section {
                KIND
            } else {
                -KIND_OTHER
            };
        }
        if let (Some(x), Some(y)) = (fa.place, fb.place) {
            s += PLACE * (1.0 - ((x - y).abs() / 0.2)).max(0.0);
        }
        s += plausibility(a, b, fa.class);
        if a.unit != b.unit {
            s -= UNIT_OTHER;
        }
        (s >= POSSIBLE).then(|| (s.min(1.0), shared_ids(&fa.words, &fb.words)))
    }

    /// Align the figures of two reports.
    pub fn align(&self, this: &Report, last: &Report) -> Alignment {
        self.align_linked(this, last, &[])
    }

    /// Align the figures of two reports, obeying the drafter's links first.
    pub fn align_linked(&self, this: &Report, last: &Report, links: &[FigureLink]) -> Alignment {
        let (this_text, last_text) = (Simplified::of(this), Simplified::of(last));
        let mut vocab = Vocabulary::default();
        let mut statements = Vec::new();
        let mut ft = self.features((this, this_text.as_ref()), &mut vocab, &mut statements);
        let mut out = Alignment {
            statements_this: statements.drain(..).collect(),
            ..Alignment::default()
        };
        let mut fl = self.features((last, last_text.as_ref()), &mut vocab, &mut statements);
        for (i, f) in ft.iter().enumerate() {
            if f.out {
                out.ambiguous_this.insert(i);
            }
        }
        for (j, f) in fl.iter().enumerate() {
            if f.out {
                out.ambiguous_last.insert(j);
            }
        }
        // The drafter's word first.
        let mut forbidden: HashSet<(usize, usize)> = HashSet::new();
        for link in links {
            let i = link.this.as_ref().and_then(|k| k.find(&this.figures));
            let j = link.last.as_ref().and_then(|k| k.find(&last.figures));
            match (link.kind, i, j) {
                (LinkKind::Same, Some(i), Some(j)) => {
                    let free = ft
                        .get(i)
                        .is_some_and(|f| !f.out || out.ambiguous_this.contains(&i))
                        && !out.pairs.iter().any(|p| p.this == i || p.last == j);
                    if free {
                        out.ambiguous_this.remove(&i);
                        out.ambiguous_last.remove(&j);
                        if let Some(f) = ft.get_mut(i) {
                            f.out = true;
                        }
                        if let Some(f) = fl.get_mut(j) {
                            f.out = true;
                        }
                        out.pairs.push(Pair {
                            this: i,
                            last: j,
                            confidence: 1.0,
                            words: Vec::new(),
                            linked: true,
                        });
                    }
                }
                (LinkKind::NotSame, Some(i), Some(j)) => {
                    forbidden.insert((i, j));
                }
                (LinkKind::NotComparable, Some(i), _) if link.this.is_some() => {
                    if let Some(f) = ft.get_mut(i) {
                        f.out = true;
                    }
                    out.not_comparable_this.insert(i);
                }
                (LinkKind::NotComparable, None, Some(j)) if link.this.is_none() => {
                    if let Some(f) = fl.get_mut(j) {
                        f.out = true;
                    }
                    out.not_comparable_last.insert(j);
                }
                _ => {}
            }
        }
        let n = (this.figures.len() + last.figures.len()).max(1) as f64;
        let weight: Vec<f64> = vocab
            .df
            .iter()
            .map(|d| (1.0 + n / f64::from((*d).max(1))).ln())
            .collect();
        for f in ft.iter_mut().chain(fl.iter_mut()) {
            f.words_weight = total_weight(&f.words, &weight);
            f.context_weight = total_weight(&f.context, &weight);
        }
        // Last year's figures by unit class (or unit when it has none), and inside each block by
        // clause word and by metric: only a figure that shares a word of its clause, its metric
        // or its family with this year's can score at all, so only those are scored.
        let mut blocks: HashMap<(Option<UnitClass>, &str), Block<'_>> = HashMap::new();
        for (j, b) in last.figures.iter().enumerate() {
            let Some(fb) = fl.get(j).filter(|f| !f.out) else {
                continue;
            };
            let unit = if fb.class.is_some() {
                ""
            } else {
                b.unit.as_str()
            };
            let block = blocks.entry((fb.class, unit)).or_default();
            for w in &fb.words {
                block.by_word.entry(*w).or_default().push(j);
            }
            block
                .by_metric
                .entry(b.metric.as_str())
                .or_default()
                .push(j);
            if fb.named
                && let Some(fam) = family(&b.metric)
            {
                block.by_family.entry(fam).or_default().push(j);
            }
        }
        let mut candidates: Vec<Pair> = Vec::new();
        let mut reach: Vec<usize> = Vec::new();
        for (i, a) in this.figures.iter().enumerate() {
            let Some(fa) = ft.get(i).filter(|f| !f.out) else {
                continue;
            };
            let unit = if fa.class.is_some() {
                ""
            } else {
                a.unit.as_str()
            };
            let Some(block) = blocks.get(&(fa.class, unit)) else {
                continue;
            };
            reach.clear();
            for w in &fa.words {
                reach.extend(block.by_word.get(w).into_iter().flatten());
            }
            reach.extend(block.by_metric.get(a.metric.as_str()).into_iter().flatten());
            if fa.named
                && let Some(fam) = family(&a.metric)
            {
                reach.extend(block.by_family.get(fam).into_iter().flatten());
            }
            reach.sort_unstable();
            reach.dedup();
            let mut mine: Vec<Pair> = reach
                .iter()
                .filter(|j| !forbidden.contains(&(i, **j)))
                .filter_map(|j| {
                    let (b, fb) = (last.figures.get(*j)?, fl.get(*j)?);
                    let (s, shared) = self.score((a, fa), (b, fb), &weight)?;
                    Some(Pair {
                        this: i,
                        last: *j,
                        confidence: s,
                        words: shared
                            .iter()
                            .filter_map(|w| vocab.words.get(*w as usize))
                            .map(|w| (*w).to_owned())
                            .collect(),
                        linked: false,
                    })
                })
                .collect();
            mine.sort_by(|x, y| {
                y.confidence
                    .total_cmp(&x.confidence)
                    .then(x.last.cmp(&y.last))
            });
            mine.truncate(MAX_CANDIDATES);
            candidates.extend(mine);
        }
        let chosen = assign(&candidates, this.figures.len(), last.figures.len());
        let mut by_this: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut by_last: HashMap<usize, Vec<usize>> = HashMap::new();
        for (k, c) in candidates.iter().enumerate() {
            by_this.entry(c.this).or_default().push(k);
            by_last.entry(c.last).or_default().push(k);
        }
        let partner_this: HashMap<usize, f64> = chosen
            .iter()
            .filter_map(|k| candidates.get(*k))
            .map(|p| (p.this, p.confidence))
            .collect();
        let partner_last: HashMap<usize, f64> = chosen
            .iter()
            .filter_map(|k| candidates.get(*k))
            .map(|p| (p.last, p.confidence))
            .collect();
        for k in &chosen {
            let Some(p) = candidates.get(*k) else {
                continue;
            };
            let value = |r: &Report, i: usize| r.figures.get(i).map(|f| f.value);
            // A rival nearly as good, with another value, that nothing else explains: do not
            // guess.
            let rival_last = by_this.get(&p.this).into_iter().flatten().any(|q| {
                candidates.get(*q).is_some_and(|q| {
                    q.last != p.last
                        && q.confidence >= p.confidence - MARGIN
                        && value(last, q.last) != value(last, p.last)
                        && partner_last
                            .get(&q.last)
                            .is_none_or(|s| *s < q.confidence + MARGIN)
                })
            });
            let rival_this = by_last.get(&p.last).into_iter().flatten().any(|q| {
                candidates.get(*q).is_some_and(|q| {
                    q.this != p.this
                        && q.confidence >= p.confidence - MARGIN
                        && value(this, q.this) != value(this, p.this)
                        && partner_this
                            .get(&q.this)
                            .is_none_or(|s| *s < q.confidence + MARGIN)
                })
            });
            if rival_last || rival_this {
                out.ambiguous_this.insert(p.this);
                out.ambiguous_last.insert(p.last);
                continue;
            }
            out.pairs.push(p.clone());
        }
        // What a drafter may pick from for a figure left unpaired.
        let paired_last: HashSet<usize> = out.pairs.iter().map(|p| p.last).collect();
        let paired_this: HashSet<usize> = out.pairs.iter().map(|p| p.this).collect();
        for (i, ks) in &by_this {
            if paired_this.contains(i) {
                continue;
            }
            let mut offered: Vec<Candidate> = ks
                .iter()
                .filter_map(|k| candidates.get(*k))
                .filter(|c| !paired_last.contains(&c.last))
                .map(|c| Candidate {
                    last: c.last,
                    confidence: c.confidence,
                    words: c.words.clone(),
                })
                .collect();
            offered.truncate(OFFERED);
            if !offered.is_empty() {
                out.candidates.insert(*i, offered);
            }
        }
        out.pairs.sort_by_key(|p| {
            this.figures
                .get(p.this)
                .map_or((usize::MAX, 0), |f| (f.line, f.start))
        });
        out
    }
}

/// Summed weight of the ids two sorted sets share.
fn shared_weight(a: &[u32], b: &[u32], weight: &[f64]) -> f64 {
    let (mut i, mut j) = (0, 0);
    let mut w = 0.0;
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                w += weight.get(*x as usize).copied().unwrap_or(0.0);
                i += 1;
                j += 1;
            }
        }
    }
    w
}

/// The ids two sorted sets share.
fn shared_ids(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut shared = Vec::new();
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared.push(*x);
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Summed weight of a set.
fn total_weight(a: &[u32], weight: &[f64]) -> f64 {
    a.iter()
        .map(|id| weight.get(*id as usize).copied().unwrap_or(0.0))
        .sum()
}

/// How much two word sets share, 0..=1, from the weight they share and their own weights: half
/// weighted Dice, half weighted overlap coefficient.
fn similarity(shared: f64, wa: f64, wb: f64) -> f64 {
    if wa <= 0.0 || wb <= 0.0 {
        return 0.0;
    }
    let dice = 2.0 * shared / (wa + wb);
    let coefficient = shared / wa.min(wb);
    ((dice + coefficient) / 2.0).min(1.0)
}

/// Whether byte `at` of `text` lies inside a 《…》 title.
fn in_title(text: &str, at: usize) -> bool {
    let mut depth = 0usize;
    for c in text.get(..at).unwrap_or("").chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0
}

/// Byte ranges of a text outside 《…》 titles (empty ones left out).
fn untitled_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut ranges = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '《' => {
                if depth == 0 && i > start {
                    ranges.push((start, i));
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    start = i + c.len_utf8();
                }
            }
            _ => {}
        }
    }
    if depth == 0 && text.len() > start {
        ranges.push((start, text.len()));
    }
    ranges
}

/// Byte range of a figure's clause (its excerpt) in its line, when the excerpt is found there
/// around the figure.
fn clause_in_line(f: &Figure, read: Read<'_>, line: &str) -> Option<(usize, usize)> {
    if read.excerpt.is_empty() || line.get(f.start..f.end) != Some(read.raw) {
        return None;
    }
    read.excerpt
        .match_indices(read.raw)
        .map(|(i, _)| i)
        .filter_map(|i| f.start.checked_sub(i))
        .find(|a| line.get(*a..a + read.excerpt.len()) == Some(read.excerpt))
        .map(|a| (a, a + read.excerpt.len()))
}

/// Byte range of the sentence around `pos`, at most [`SENTENCE_REACH`] either way.
fn sentence_around(line: &str, pos: usize) -> (usize, usize) {
    const END: &[char] = &['。', '！', '？', '；', ';', '!', '?'];
    let floor = |mut i: usize| {
        while i > 0 && !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let lo = floor(pos.saturating_sub(SENTENCE_REACH));
    let hi = floor((pos + SENTENCE_REACH).min(line.len()));
    let pos = floor(pos);
    let from = line
        .get(lo..pos)
        .and_then(|h| {
            h.rfind(END)
                .map(|i| lo + i + h[i..].chars().next().map_or(0, char::len_utf8))
        })
        .unwrap_or(lo);
    let to = line
        .get(pos..hi)
        .and_then(|t| t.find(END).map(|i| pos + i))
        .unwrap_or(hi);
    (from, to.max(from))
}

/// How plausible a change of value is: near values earn a little, values orders of magnitude
/// apart lose (a count of cases is not a count of documents ten times its size).
fn plausibility(a: &Figure, b: &Figure, class: Option<UnitClass>) -> f64 {
    if matches!(class, Some(UnitClass::Percent | UnitClass::Points)) {
        let d = (a.value - b.value).abs();
        return if d <= 5.0 {
            VALUE
        } else if d <= 20.0 {
            VALUE / 2.0
        } else if d <= 40.0 {
            0.0
        } else {
            -VALUE_BAD
        };
    }
    let (x, y) = (a.value.abs(), b.value.abs());
    if x < 1e-9 || y < 1e-9 {
        return 0.0;
    }
    let r = x.max(y) / x.min(y);
    if r <= 1.5 {
        VALUE
    } else if r <= 3.0 {
        VALUE / 2.0
    } else if r <= 10.0 {
        0.0
    } else {
        -VALUE_BAD * (r.log10() - 1.0).min(1.0)
    }
}

/// One-to-one assignment maximising the sum of squared scores (a strong pair is worth more than
/// two weak ones), per connected group of candidates. Returns indexes into `candidates`.
fn assign(candidates: &[Pair], n_this: usize, n_last: usize) -> Vec<usize> {
    // Connected groups: union-find over this-year figures and last-year figures.
    let mut parent: Vec<usize> = (0..n_this + n_last).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while let Some(&p) = parent.get(x) {
            if p == x {
                break;
            }
            let gp = parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = parent.get_mut(x) {
                *slot = gp;
            }
            x = gp;
        }
        x
    }
    for c in candidates {
        let (a, b) = (
            root(&mut parent, c.this),
            root(&mut parent, n_this + c.last),
        );
        if a != b
            && let Some(slot) = parent.get_mut(a)
        {
            *slot = b;
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, c) in candidates.iter().enumerate() {
        let r = root(&mut parent, c.this);
        groups.entry(r).or_default().push(k);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_by_key(|g| g.first().copied());
    let mut chosen = Vec::new();
    for group in groups {
        let mut rows: Vec<usize> = group
            .iter()
            .filter_map(|k| candidates.get(*k))
            .map(|c| c.this)
            .collect();
        let mut cols: Vec<usize> = group
            .iter()
            .filter_map(|k| candidates.get(*k))
            .map(|c| c.last)
            .collect();
        rows.sort_unstable();
        rows.dedup();
        cols.sort_unstable();
        cols.dedup();
        if group.len() == 1 {
            chosen.extend(group);
            continue;
        }
        if rows.len() * cols.len() > MAX_KM_CELLS {
            chosen.extend(greedy(candidates, &group));
            continue;
        }
        // kuhn_munkres wants no more rows than columns.
        let transposed = rows.len() > cols.len();
        let (r_ids, c_ids) = if transposed {
            (&cols, &rows)
        } else {
            (&rows, &cols)
        };
        let mut m = Matrix::new(r_ids.len(), c_ids.len(), 0i64);
        let mut cell: HashMap<(usize, usize), usize> = HashMap::new();
        for k in &group {
            let Some(c) = candidates.get(*k) else {
                continue;
            };
            let (r, col) = if transposed {
                (c.last, c.this)
            } else {
                (c.this, c.last)
            };
            let (Ok(ri), Ok(ci)) = (r_ids.binary_search(&r), c_ids.binary_search(&col)) else {
                continue;
            };
            if let Some(v) = m.get_mut((ri, ci)) {
                *v = (c.confidence * c.confidence * 1e6) as i64;
            }
            cell.insert((ri, ci), *k);
        }
        let (_, assignment) = kuhn_munkres(&m);
        for (ri, ci) in assignment.into_iter().enumerate() {
            if let Some(k) = cell.get(&(ri, ci)) {
                chosen.push(*k);
            }
        }
    }
    chosen
}

/// Best first, one to one (for groups too large for the exact assignment).
fn greedy(candidates: &[Pair], group: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = group.to_vec();
    order.sort_by(|x, y| {
        let (a, b) = (candidates.get(*x), candidates.get(*y));
        b.map(|c| c.confidence)
            .unwrap_or(0.0)
            .total_cmp(&a.map(|c| c.confidence).unwrap_or(0.0))
            .then(x.cmp(y))
    });
    let (mut used_this, mut used_last) = (HashSet::new(), HashSet::new());
    order
        .into_iter()
        .filter(|k| {
            candidates
                .get(*k)
                .is_some_and(|c| !used_this.contains(&c.this) && !used_last.contains(&c.last))
                && candidates.get(*k).is_some_and(|c| {
                    used_this.insert(c.this);
                    used_last.insert(c.last);
                    true
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report of `n` lines, each with one count of its own kind (`开展第7类检查35次`).
    fn many(n: usize, bump: usize) -> Report {
        let kinds = [
            "检查", "培训", "讲座", "督查", "审查", "宣传", "调解", "听证",
        ];
        let text: String = (0..n)
            .map(|i| {
                let kind = kinds.get(i % kinds.len()).copied().unwrap_or("检查");
                format!(
                    "示例区开展第{}批{kind}工作{}次。\n",
                    i + 1,
                    10 + (i * 7 + bump) % 90
                )
            })
            .collect();
        nianbao_report::parse_text(&format!(
            "示例区2024年法治政府建设年度报告\n全年共受理行政复议申请{}件。\n{text}",
            113 + bump
        ))
    }

    #[test]
    fn past_the_cap_the_aligner_degrades_to_the_first_figures_in_bounded_time() {
        let (this, last) = (many(2000, 3), many(2000, 0));
        assert!(this.figures.len() > MAX_FIGURES && last.figures.len() > MAX_FIGURES);
        let started = std::time::Instant::now();
        let al = FigureAligner::new(crate::Rules::embedded()).align(&this, &last);
        let took = started.elapsed();
        // Bounded work: nothing past the cap is scored or paired, every figure past it is left
        // out (never called new or dropped), and the candidates per figure are capped.
        assert!(
            al.pairs
                .iter()
                .all(|p| p.this < MAX_FIGURES && p.last < MAX_FIGURES),
            "no pair past the cap"
        );
        assert!(
            (MAX_FIGURES..this.figures.len()).all(|i| al.ambiguous_this.contains(&i)),
            "figures past the cap are left out, not new"
        );
        assert!(al.candidates.values().all(|c| c.len() <= OFFERED));
        assert!(
            !al.pairs.is_empty(),
            "the figures inside the cap are still aligned"
        );
        // Generous for an unoptimised build on a loaded machine; release takes a few ms.
        assert!(
            took < std::time::Duration::from_secs(20),
            "2,000 figures a side took {took:?}"
        );
        let table = crate::figures::table(&this, &last, &al);
        assert!(
            table.len() >= this.figures.len(),
            "every figure of this year keeps a row"
        );
    }

    #[test]
    fn the_title_free_ranges_and_the_clause_in_its_line() {
        assert_eq!(
            untitled_ranges("制定《示例办法》等规章3件"),
            vec![(0, 6), (24, 37)]
        );
        assert_eq!(untitled_ranges("《甲》"), Vec::<(usize, usize)>::new());
        let report = nianbao_report::parse_text(
            "示例市2024年报告\n全年共受理行政复议申请120件，审结110件。",
        );
        let f = report
            .figures
            .iter()
            .find(|f| f.raw == "110件")
            .unwrap_or_else(|| panic!("110件 is a figure: {:?}", report.figures));
        let line = report.line(f.line);
        let read = Read {
            raw: &f.raw,
            excerpt: &f.excerpt,
        };
        let (a, b) = clause_in_line(f, read, line).unwrap_or_else(|| panic!("clause of {f:?}"));
        assert_eq!(&line[a..b], f.excerpt);
    }
}
