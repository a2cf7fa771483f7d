//! Metric names for figures: `家族·指标` (`行政复议·受理`), stable across phrasings, from the
//! families and actions of data/metrics.toml; a fallback name from the clause's content words
//! (jieba, stop words dropped) when no family is in reach.
//!
//! It never changes a figure's value or position; it only names it. Within a sentence a family
//! carries over (`收到行政复议申请36件,受理31件` → `行政复议·收到`, `行政复议·受理`).

use std::collections::HashMap;

use aho_corasick::AhoCorasick;
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
    /// Every action word, found overlapping: in `调解成功率` both 调解成功率 (行政复议's) and
    /// 成功率 (人民调解's) are candidates, and the figure's family decides.
    action_words: Option<AhoCorasick>,
    /// action word → (family, action name)
    actions_of: HashMap<String, Vec<(usize, String)>>,
    unit_actions: HashMap<String, String>,
    stopwords: Vec<String>,
    growth_words: Vec<[String; 2]>,
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
    /// Fails (with the reason) when a word list cannot be compiled.
    pub fn new(m: &Metrics) -> Result<MetricNamer, String> {
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
            family_re: alternation(family_of.keys().cloned()).map_err(|e| e.to_string())?,
            family_of,
            action_words: {
                let words: Vec<&String> = actions_of.keys().collect();
                (!words.is_empty())
                    .then(|| AhoCorasick::new(words))
                    .transpose()
                    .map_err(|e| e.to_string())?
            },
            actions_of,
            unit_actions: m.unit_actions.clone().into_iter().collect(),
            stopwords: m.stopwords.clone(),
            growth_words: m.growth_words.clone(),
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
        // An action word that is only a part of a family's name (评查 in 案卷评查) is not an action.
        let actions: Vec<(usize, usize, &str)> = self
            .action_words
            .iter()
            .flat_map(|ac| ac.find_overlapping_iter(line))
            .map(|m| (m.start(), m.end(), &line[m.start()..m.end()]))
            .filter(|&(start, end, _)| {
                // A generic family's name still says what was done: 审核 in 合法性审核 is the
                // action of `合法性审核规范性文件32件` (规范性文件·审查, not the default 出台).
                !families.iter().any(|h| {
                    h.start <= start
                        && end <= h.end
                        && h.end - h.start > end - start
                        && !self.families[h.idx].generic
                })
            })
            .collect();
        let mut names: Vec<String> = Vec::with_capacity(found.len());
        // (family, action) of each figure when the action came from a word (not a default):
        // only such an action carries to a figure right after (`听庭5场次100余人`).
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
            if f.change {
                chosen.push(None);
                names.push(self.change_name(line, f, seg_start, ss, &found[..i], &names));
                continue;
            }
            if let Some(name) = self.growth(line, f, seg_start, ss, &found[..i], &names) {
                chosen.push(None);
                names.push(name);
                continue;
            }
            let family = self.pick_family(&families, &actions, f, (cs, ce), ss);
            // `分别为56项、92项、52项`: a figure listed right after another with nothing of its
            // own to go by is counted as the one before it.
            let gap_empty = line[seg_start..f.start]
                .chars()
                .all(|c| matches!(c, '、' | ' ' | '和' | '及' | '与' | '共'));
            let Some(fam) = family else {
                let mut name = self.fallback(line, f, seg_start, next_start);
                if name.starts_with("未命名·")
                    && gap_empty
                    && let (Some(p), Some(prev_name)) = (prev, names.last())
                    && p.unit == f.unit
                {
                    name.clone_from(prev_name);
                } else if f.unit == "%" && !name.contains('·') && name.chars().count() <= 3 {
                    name = self.qualify_rate(
                        line,
                        name,
                        (seg_start, f.start),
                        ss,
                        &found[..i],
                        &names,
                    );
                }
                chosen.push(None);
                names.push(name);
                continue;
            };
            // The action: nearest before the figure in its segment; the previous figure's when
            // nothing stands between (`5场次100余人`); else nearest after; else defaults.
            let before = actions
                .iter()
                .filter(|(s, e, _)| *s >= seg_start && *e <= f.start)
                // Nearest first; of words ending together the longest (调解方式结案, not 结案).
                .filter_map(|(s, e, w)| self.action_for(w, fam).map(|a| ((*e, e - s), a)))
                .max_by_key(|(key, _)| *key)
                .map(|(_, a)| a);
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
            let rate = (f.unit == "%")
                .then(|| rate_word(&line[seg_start..f.start]))
                .flatten();
            let worded = before
                .or(inherited)
                .or_else(after)
                .filter(|a| rate.is_none() || a.ends_with('率') || a.ends_with('比'))
                .or(rate);
            // People are never counted as a family's default (案件, 次数): 学法2546名 is 学法·人数.
            let people = matches!(f.unit.as_str(), "人" | "名" | "位");
            let action = worded
                .clone()
                .or_else(|| {
                    people
                        .then(|| self.unit_actions.get(&f.unit).cloned())
                        .flatten()
                })
                .or_else(|| self.families[fam].default.clone())
                .or_else(|| self.unit_actions.get(&f.unit).cloned())
                .unwrap_or_else(|| "数量".to_owned());
            names.push(format!("{}·{}", self.families[fam].name, action));
            chosen.push(worded.map(|a| (fam, a)));
        }
        self.distinguish(line, found, &mut names);
        names
    }

    /// `同比增长8.3个百分点`, `比上年增加15件`: a change is named after what changed (the
    /// sentence's previous level, else the words before the change word) and how
    /// (`办结率·同比增长`, `行政复议·增加`), never like a level.
    fn change_name(
        &self,
        line: &str,
        f: &Found,
        seg_start: usize,
        ss: usize,
        earlier: &[Found],
        names: &[String],
    ) -> String {
        let head = line[seg_start..f.start].trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '了' | '达' | '为' | '约' | '近' | '超' | '逾')
        });
        let (action, word_at) = self
            .growth_words
            .iter()
            .find_map(|[w, a]| {
                head.ends_with(w.as_str())
                    .then(|| (a.clone(), head.len() - w.len()))
            })
            .unwrap_or_else(|| ("变化".to_owned(), head.len()));
        let base = earlier
            .iter()
            .zip(names)
            .rev()
            .find(|(e, _)| e.start >= ss && !e.change)
            .map(|(_, n)| n.split('·').next().unwrap_or(n).to_owned())
            .filter(|b| !b.starts_with("未命名"))
            .or_else(|| {
                let mut words = self.content_words(&head[..word_at]);
                words.retain(|w| {
                    !matches!(
                        w.as_str(),
                        "比" | "较" | "上年" | "去年" | "环比" | "上一年"
                    )
                });
                let n = words.len();
                (n > 0).then(|| words[n.saturating_sub(2)..].concat())
            })
            .unwrap_or_else(|| "未命名".to_owned());
        format!("{base}·{action}")
    }

    /// Two different things in one sentence never share a name: a later figure named like an
    /// earlier one, with words of its own between them (not a list such as `分别为56项、92项`) or
    /// another unit, takes the previous figure's subject (`宣传300余次受众10万余人` →
    /// `宣传·受众人数`), else its own words.
    fn distinguish(&self, line: &str, found: &[Found], names: &mut [String]) {
        for i in 1..found.len() {
            let (ss, _) = sentence_bounds(line, found[i].start, found[i].end);
            let Some(j) = (0..i).find(|&j| found[j].start >= ss && names[j] == names[i]) else {
                continue;
            };
            let prev = &found[i - 1];
            let gap = &line[prev.end.min(found[i].start)..found[i].start];
            let listed = gap
                .chars()
                .all(|c| matches!(c, '、' | ' ' | '和' | '及' | '与' | '共' | '，' | ','));
            if listed && found[j].unit == found[i].unit {
                continue;
            }
            let (base, action) = names[i]
                .split_once('·')
                .map_or((names[i].clone(), String::new()), |(b, a)| {
                    (b.to_owned(), a.to_owned())
                });
            // Only a named subject (`宣传·次数`), not a bare rate, lends its subject.
            let prev_base = names[i - 1]
                .split_once('·')
                .map_or("", |(b, _)| b)
                .to_owned();
            let renamed = if i - 1 != j && !prev_base.is_empty() && prev_base != base {
                format!("{prev_base}·{base}{action}")
            } else {
                let own = self.content_words(gap);
                let own: String = own
                    .iter()
                    .rev()
                    .find(|w| !names[i].contains(w.as_str()))
                    .cloned()
                    .unwrap_or_default();
                if own.is_empty() {
                    continue;
                }
                format!("{base}·{own}{action}")
            };
            names[i] = renamed;
        }
    }

    /// `新增市场主体3.2万户,同比增长12.5%` → `新增市场主体·同比增长`: a percentage right after a
    /// growth word names a change of the previous figure in the sentence.
    fn growth(
        &self,
        line: &str,
        f: &Found,
        seg_start: usize,
        ss: usize,
        earlier: &[Found],
        names: &[String],
    ) -> Option<String> {
        if f.unit != "%" {
            return None;
        }
        let before = line[seg_start..f.start].trim_end_matches(['了', '达', '为', '约', '近']);
        let action = self
            .growth_words
            .iter()
            .find(|[w, _]| before.ends_with(w.as_str()))
            .map(|[_, a]| a)?;
        let (prev, name) = earlier.iter().zip(names).next_back()?;
        if prev.start < ss || prev.unit == "%" {
            return None;
        }
        let family = name.split('·').next().unwrap_or(name);
        Some(format!("{family}·{action}"))
    }

    fn action_for(&self, word: &str, family: usize) -> Option<String> {
        self.actions_of
            .get(word)?
            .iter()
            .find(|(f, _)| *f == family)
            .map(|(_, a)| a.clone())
    }

    /// The family of a figure, in this order: the nearest specific family before the figure in
    /// its clause, else the first after it in the clause; the same for generic families; else a
    /// family carried over from earlier in the sentence (specific first) when one of its action
    /// words is in this clause (`收到行政复议申请36件,受理31件`).
    fn pick_family(
        &self,
        hits: &[Hit],
        actions: &[(usize, usize, &str)],
        f: &Found,
        (cs, ce): (usize, usize),
        ss: usize,
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
                .find(|h| h.start >= f.end && h.end <= ce)
            {
                return Some(h.idx);
            }
        }
        let acts_in_clause = |fam: usize| {
            actions
                .iter()
                .filter(|(s, e, _)| *s >= cs && *e <= ce)
                .any(|(_, _, w)| self.action_for(w, fam).is_some())
        };
        // The nearest family before the clause that this clause has an action of: in
        // `人民调解组织受理矛盾纠纷5410件,调解成功率98.9%` the rate is 人民调解's, though 矛盾纠纷
        // stands nearer.
        for generic in [false, true] {
            let carried = hits
                .iter()
                .filter(|h| h.start >= ss && h.end <= cs)
                .filter(|h| self.families[h.idx].generic == generic)
                .filter(|h| acts_in_clause(h.idx))
                .max_by_key(|h| h.end);
            if let Some(h) = carried {
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
            && let Some(rate) = rate_word(&line[seg_start..f.start])
        {
            return rate;
        }
        format!("{}·{}", words.concat(), self.unit_action(&f.unit))
    }

    /// A short bare rate (`实现率`, `办结率`; a longer one such as 问题整改率 says enough) says what
    /// it is a rate of: the quoted name or the content
    /// word right before it (`政务服务“一网通办”实现率` → `一网通办·实现率`), else the family of the
    /// sentence's previous figure (`办理建议提案352件,办结率100%` → `建议提案·办结率`).
    fn qualify_rate(
        &self,
        line: &str,
        rate: String,
        (seg_start, fig_start): (usize, usize),
        ss: usize,
        earlier: &[Found],
        names: &[String],
    ) -> String {
        let before = &line[seg_start..fig_start];
        let Some(cut) = before.rfind(rate.as_str()) else {
            return rate;
        };
        let head = before[..cut].trim_end();
        let quoted = head
            .strip_suffix('”')
            .and_then(|h| h.rfind('“').map(|q| &h[q + '“'.len_utf8()..]))
            .filter(|q| (2..=12).contains(&q.chars().count()) && q.chars().all(is_han));
        // A two-character last word names too little on its own (事项 of 政务服务事项): take the
        // word before it too.
        let word = quoted.map(str::to_owned).or_else(|| {
            let words = self.content_words(head);
            let last = words.last().filter(|w| w.chars().count() >= 2)?;
            match words.len() {
                n if n >= 2 && last.chars().count() == 2 => Some(words[n - 2..].concat()),
                _ => Some(last.clone()),
            }
        });
        if let Some(word) = word {
            return if rate.starts_with(word.as_str()) {
                rate
            } else {
                format!("{word}·{rate}")
            };
        }
        let family = earlier
            .iter()
            .zip(names)
            .rev()
            .find(|(e, n)| e.start >= ss && n.contains('·') && !n.starts_with("未命名"))
            .and_then(|(_, n)| n.split('·').next());
        match family {
            // 不合格42批次,不合格率3%: the rate names itself.
            Some(family) if !rate.starts_with(family) => format!("{family}·{rate}"),
            _ => rate,
        }
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

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The rate named last in a text: the run of Chinese ending at its last 率, at most its last
/// three words (`调解成功率达` → `调解成功率`, `跨部门联合监管率` → `部门联合监管率`).
fn rate_word(text: &str) -> Option<String> {
    let end = text.rfind('率')? + '率'.len_utf8();
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_han(*c))
        .last()
        .map_or(end, |(i, _)| i);
    let run = &text[start..end];
    let words = segment::words(run);
    // The word holding 率, then the words before it while they are words (two characters or
    // more) and the rate stays short: 调解成功率, 出庭应诉率, not 热线转办件办结率.
    let mut keep = 0;
    let mut chars = 0;
    for (i, w) in words.iter().enumerate().rev() {
        let n = w.chars().count();
        if i + 1 < words.len() && (n < 2 || chars + n > 6) {
            break;
        }
        keep += 1;
        chars += n;
    }
    let rate = words[words.len() - keep..].concat();
    (rate.chars().count() >= 2).then_some(rate)
}

/// Names of the figures of one invented line (unit tests).
#[cfg(test)]
fn tests_names(line: &str) -> Vec<String> {
    let metrics = &crate::lexicon::Lexicon::builtin().metrics;
    let found = crate::figures::FigureFinder::new(metrics)
        .expect("builtin pattern compiles")
        .find(line, 0);
    MetricNamer::new(metrics)
        .expect("builtin lexicon compiles")
        .name_line(line, &found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Vec<String> {
        tests_names(line)
    }

    #[test]
    fn names_come_from_the_figures_own_item_and_clause() {
        assert_eq!(names("梳理涉企事项3大类、75项措施。")[1], "措施·数量");
        assert_eq!(
            names("全年合法性审核规范性文件32件，集中清理44件，出台规范性文件10件。"),
            ["规范性文件·审查", "规范性文件·清理", "规范性文件·出台"]
        );
        assert_eq!(
            names("对32件规范性文件进行合法性审核，集中清理规范性文件44件。"),
            ["规范性文件·审查", "规范性文件·清理"]
        );
    }

    #[test]
    fn people_are_not_counted_as_the_familys_default() {
        assert_eq!(names("组织2546名公务员参加学法用法考试。"), ["学法·人数"]);
    }

    #[test]
    fn changes_are_named_as_changes() {
        assert_eq!(
            names("办结率98%，同比增长8.3个百分点。"),
            ["办结率", "办结率·同比增长"]
        );
        assert_eq!(names("网上办件量同比下降12.5%。"), ["网上办件量·同比下降"]);
        assert_eq!(
            names("受理行政复议申请128件，比上年增加15件，同比增长13.3%。"),
            ["行政复议·受理", "行政复议·增加", "行政复议·同比增长"]
        );
    }

    #[test]
    fn different_things_in_one_sentence_do_not_share_a_name() {
        let got = names("举办讲座36场受众4万余人，宣传300余次受众10万余人。");
        assert_eq!(got[3], "宣传·受众人数");
        let mut unique = got.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), got.len(), "{got:?}");
    }

    #[test]
    fn a_family_carries_over_within_its_sentence() {
        assert_eq!(
            names("收到行政复议申请36件，受理31件。"),
            ["行政复议·收到", "行政复议·受理"]
        );
    }

    #[test]
    fn a_family_further_back_in_the_sentence_carries_when_the_clause_has_its_action() {
        let got = names("全市人民调解组织受理矛盾纠纷5410件，调解成功5356件，调解成功率98.9%。");
        assert_eq!(got, ["人民调解·受理", "人民调解·成功", "人民调解·成功率"]);
    }

    #[test]
    fn a_bare_rate_says_what_it_is_a_rate_of() {
        assert_eq!(
            names("政务服务“一网通办”实现率达到99.2%。"),
            ["一网通办·实现率"]
        );
        assert_eq!(
            names("共办理建议提案352件，办结率100%。"),
            ["建议提案·数量", "建议提案·办结率"]
        );
        assert_eq!(
            names("抽检1400批次，不合格42批次，不合格率3%。")[2],
            "不合格率"
        );
    }

    #[test]
    fn the_longest_action_word_wins_over_one_inside_it() {
        assert_eq!(
            names("行政复议案件56件，办结56件，其中以调解方式结案39件。")[2],
            "行政复议·调解"
        );
    }

    #[test]
    fn those_who_passed_are_not_those_who_sat() {
        assert_eq!(
            names("组织新任领导干部任前法律知识考试，参考86人，通过84人，通过率97.67%。"),
            [
                "任前法律知识考试·人数",
                "任前法律知识考试·通过人数",
                "任前法律知识考试·通过率"
            ]
        );
    }

    #[test]
    fn a_figure_listed_after_another_is_counted_like_it() {
        let got = names("首批集中审批事项分别为56项、92项、52项。");
        assert_eq!(got.len(), 3);
        assert!(!got[0].starts_with("未命名"), "{got:?}");
        assert!(got.iter().all(|n| n == &got[0]), "{got:?}");
        // Different units are different things: nothing is inherited across them.
        let mixed = names("分别为56项、92人。");
        assert_ne!(mixed[0], mixed[1], "{mixed:?}");
    }
}
