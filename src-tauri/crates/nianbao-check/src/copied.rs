//! Copied text: paragraphs of this year (nearly) identical to one of last year's, with a
//! word-level diff. Also feeds the stale-year rule (a year left behind in copied text).
//!
//! Never diffs every pair: last year's paragraphs are indexed by character bigrams and only the
//! few best candidates of each paragraph are diffed. Never flags short lines (headings).

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use nianbao_report::Report;

use crate::diff::{self, Piece};
use crate::finding::{Code, Finding, Severity};
use crate::rules::Rules;
use crate::text::{FastMap, is_han, shorten};

/// Paragraphs shorter than this (in characters) are headings or labels: never compared.
pub const MIN_CHARS: usize = 20;
/// Token similarity from which a paragraph counts as a copy of last year's (`text.same_as_last`).
/// Unrelated paragraphs of different reports in the corpus stay well below (see the
/// `similarity_of_unrelated_paragraphs` test); a drafter's light edit of a copy stays above.
pub const SAME_AS_LAST: f64 = 0.8;
/// From this similarity a paragraph is taken as derived from last year's (for stale years).
pub const DERIVED: f64 = 0.5;
/// Candidates must share this fraction of the longer paragraph's character bigrams.
const PREFILTER: f64 = 0.35;
/// The copy search stops after this long (pathological input only; a report takes ~10 ms).
const TIME_BUDGET: Duration = Duration::from_secs(2);
/// A candidate this similar ends the search for a paragraph's match.
const CERTAIN: f64 = 0.9;
/// At most this many candidates per paragraph are diffed.
const MAX_CANDIDATES: usize = 3;

/// A paragraph of this year matched to its closest paragraph of last year's.
#[derive(Debug, Clone)]
pub struct Copy {
    pub this_line: usize,
    pub last_line: usize,
    pub ratio: f64,
    pub pieces: Vec<Piece>,
}

/// A paragraph of last year's: line, text, character bigrams.
type Paragraph<'a> = (usize, &'a str, Vec<u64>);

/// The distinct bigrams of a text's Han characters and digits (taken together, the rest left
/// out), each pair of characters packed in one number, ascending.
fn bigrams(text: &str) -> Vec<u64> {
    let mut grams = Vec::with_capacity(text.len() / 3);
    let mut prev: Option<char> = None;
    for c in text.chars().filter(|c| is_han(*c) || c.is_ascii_digit()) {
        if let Some(p) = prev {
            grams.push((u64::from(p) << 32) | u64::from(c));
        }
        prev = Some(c);
    }
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// For every long paragraph of this year, its closest paragraph of last year's when the token
/// similarity is at least [`DERIVED`].
pub fn find_copies(this: &Report, last: &Report) -> Vec<Copy> {
    let rules = Rules::embedded();
    let last_paras: Vec<Paragraph> = last
        .paragraphs()
        .filter(|(_, t)| t.chars().count() >= MIN_CHARS)
        .map(|(l, t)| (l, t, bigrams(t)))
        .collect();
    let mut index: FastMap<u64, Vec<u32>> = FastMap::default();
    for (i, (_, _, grams)) in last_paras.iter().enumerate() {
        for g in grams {
            index.entry(*g).or_default().push(i as u32);
        }
    }
    // A bigram found in very many paragraphs says nothing about which one was copied.
    let common = (last_paras.len() / 4).max(64);
    index.retain(|_, ids| ids.len() <= common);
    let deadline = Instant::now() + TIME_BUDGET;
    let mut last_tokens: HashMap<usize, Vec<&str>> = HashMap::new();
    let mut out = Vec::new();
    let mut counts = vec![0u32; last_paras.len()];
    for (line, text) in this.paragraphs() {
        if Instant::now() > deadline {
            break;
        }
        if text.chars().count() < MIN_CHARS {
            continue;
        }
        let grams = bigrams(text);
        if grams.is_empty() {
            continue;
        }
        counts.iter_mut().for_each(|c| *c = 0);
        for g in &grams {
            if let Some(ids) = index.get(g) {
                for id in ids {
                    counts[*id as usize] += 1;
                }
            }
        }
        let mut candidates: Vec<(usize, f64)> = counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(i, c)| {
                let longer = grams.len().max(last_paras[i].2.len()).max(1);
                (i, f64::from(*c) / longer as f64)
            })
            .filter(|(_, s)| *s >= PREFILTER)
            .collect();
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
        candidates.truncate(MAX_CANDIDATES);
        if candidates.is_empty() {
            continue;
        }
        let this_tokens = diff::diff_tokens(text, rules);
        let mut best: Option<(usize, f64, Vec<Piece>)> = None;
        for (i, _) in candidates {
            let tokens = last_tokens
                .entry(i)
                .or_insert_with(|| diff::diff_tokens(last_paras[i].1, rules));
            let (ratio, pieces) = diff::diff_with_ratio(tokens, &this_tokens);
            let done = ratio >= CERTAIN;
            if best.as_ref().is_none_or(|(_, r, _)| ratio > *r) {
                best = Some((i, ratio, pieces));
            }
            // Candidates come best-overlap first: a near-identical one will not be beaten.
            if done {
                break;
            }
        }
        if let Some((i, ratio, pieces)) = best.filter(|(_, r, _)| *r >= DERIVED) {
            out.push(Copy {
                this_line: line,
                last_line: last_paras[i].0,
                ratio,
                pieces,
            });
        }
    }
    out
}

/// `text.same_as_last` for every copy at or above [`SAME_AS_LAST`], except heading lines (a
/// part's heading repeats every year by design). A copy whose only changes are numbers (the
/// figures and years were updated, the wording kept) is how most reports are written: it is
/// told as info, not as a warning.
pub fn findings(this: &Report, last: &Report, copies: &[Copy]) -> Vec<Finding> {
    let headings: HashSet<usize> = this
        .all_sections()
        .into_iter()
        .filter(|s| {
            let whole = this.line(s.line).trim().chars().count();
            whole <= s.number.chars().count() + s.heading.chars().count() + 2
        })
        .map(|s| s.line)
        .collect();
    copies
        .iter()
        .filter(|c| c.ratio >= SAME_AS_LAST && !headings.contains(&c.this_line))
        .map(|c| {
            let changes = diff::render_changes(&c.pieces, 6);
            let numbers_only = !changes.is_empty() && only_numbers_changed(&c.pieces);
            let message = if changes.is_empty() {
                format!(
                    "本段与上年报告第{}行完全相同，请确认是否已按本年度情况更新",
                    c.last_line
                )
            } else if numbers_only {
                format!(
                    "本段沿用上年报告第{}行的文字，仅更新了数字：{}",
                    c.last_line,
                    shorten(&changes, 160)
                )
            } else {
                format!(
                    "本段与上年报告第{}行基本相同（相似度{:.0}%），改动仅有：{}",
                    c.last_line,
                    c.ratio * 100.0,
                    shorten(&changes, 160)
                )
            };
            let mut finding = Finding::new(
                Code::TextSameAsLast,
                c.this_line,
                this.line(c.this_line),
                message,
            )
            .with_last(c.last_line, last.line(c.last_line));
            if numbers_only {
                finding.severity = Severity::Info;
            }
            finding
        })
        .collect()
}

/// Whether every removed or added run is a number with at most a short unit (`113件`, `97.67%`,
/// `2023`, `260余次`): the wording is last year's, only the figures moved.
/// Runs that only move a year (`[-2023-]{+2024+}`) do not count: a paragraph whose only change
/// is its year is last year's paragraph.
fn only_numbers_changed(pieces: &[Piece]) -> bool {
    let changed: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Same(_) => None,
            Piece::Removed(t) | Piece::Added(t) => Some(t.as_str()),
        })
        .collect();
    changed.iter().all(|t| is_number_run(t)) && changed.iter().any(|t| !is_year(t))
}

/// `2023`, `2023年`: a year, not a figure.
fn is_year(text: &str) -> bool {
    let t = text.trim().trim_end_matches('年');
    t.len() == 4
        && (t.starts_with("19") || t.starts_with("20"))
        && t.bytes().all(|b| b.is_ascii_digit())
}

fn is_number_run(text: &str) -> bool {
    const NUMERAL: &str = "0123456789.%％〇零一二三四五六七八九十百千万亿两余多近约";
    let mut numerals = 0;
    let mut other = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if NUMERAL.contains(c) {
            numerals += 1;
        } else if c == '、' || c == '，' || c == ',' {
            // a list of numbers stays a list of numbers
        } else {
            other += 1;
        }
    }
    // Chinese numerals alone (`七五`, `十九大`'s `十九`) name things; with a unit they count.
    let digits = text.chars().any(|c| c.is_ascii_digit());
    numerals > 0 && other <= 2 && (digits || other > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::parse_text;

    const LAST: &str = "示例市2023年法治政府建设年度报告\n全面推行行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，全年受理行政复议申请113件。\n组织领导干部旁听庭审活动，提升领导干部运用法治思维和法治方式的能力。";

    #[test]
    fn a_paragraph_left_as_it_was_is_flagged_with_its_diff() {
        let this = "示例市2024年法治政府建设年度报告\n全面推行行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，全年受理行政复议申请128件。\n深入开展营商环境专项整治行动，清理涉企规范性文件一批。";
        let (t, l) = (parse_text(this), parse_text(LAST));
        let copies = find_copies(&t, &l);
        let f = findings(&t, &l, &copies);
        assert_eq!(f.len(), 1, "only the copied paragraph: {f:?}");
        assert_eq!((f[0].line, f[0].last_line), (2, Some(2)));
        assert!(
            f[0].message.contains("[-113件-]{+128件+}"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn updated_figures_in_kept_wording_are_info_and_headings_are_never_flagged() {
        let last = "示例市2023年法治政府建设年度报告\n一、2023年推进法治政府建设的主要举措和成效\n全年受理行政复议申请113件，审结108件，办结率95.58%，较上年提高两个百分点。\n组织领导干部旁听庭审活动，提升领导干部运用法治思维和法治方式的能力。";
        let this = "示例市2024年法治政府建设年度报告\n一、2024年推进法治政府建设的主要举措和成效\n全年受理行政复议申请128件，审结126件，办结率98.44%，较上年提高两个百分点。\n组织领导干部旁听庭审活动，提升领导干部运用法治思维和法治方式的能力。";
        let (t, l) = (parse_text(this), parse_text(last));
        let f = findings(&t, &l, &find_copies(&t, &l));
        let lines: Vec<(usize, Severity)> = f.iter().map(|f| (f.line, f.severity)).collect();
        assert_eq!(
            lines,
            [(3, Severity::Info), (4, Severity::Warning)],
            "the heading is not flagged; figures updated in last year's wording is info; an identical paragraph is a warning: {f:?}"
        );
        assert!(f[0].message.contains("仅更新了数字"), "{}", f[0].message);
    }

    #[test]
    fn a_changed_word_is_not_a_number_run() {
        assert!(is_number_run("113件") && is_number_run("97.67%") && is_number_run("260余次"));
        assert!(is_number_run("两次") && is_number_run("三千余件"));
        assert!(!is_number_run("包容审慎监管") && !is_number_run("调查"));
        assert!(!is_number_run("七五"), "“七五”普法 is a name, not a figure");
        assert!(
            !only_numbers_changed(&[
                Piece::Removed("2023".into()),
                Piece::Added("2024".into()),
                Piece::Same("年，示例市坚持依法行政。".into()),
            ]),
            "a paragraph whose only change is its year is last year's paragraph"
        );
    }

    #[test]
    fn short_headings_are_never_compared() {
        let t = parse_text("一、加强组织领导\n二、推进依法决策");
        assert!(
            find_copies(&t, &t).is_empty(),
            "headings repeat every year by design"
        );
    }
}
