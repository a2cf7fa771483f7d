//! Drafting this year's report from last year's: keep last year's structure and words, move the
//! years forward, turn every figure into a fill-in mark that shows last year's value, replace
//! the next-year part with the template for the new plan year (last year's plan becomes a
//! checklist), and insert the shortcomings part when last year had none.
//!
//! It must never invent a figure or silently drop last year's text outside the next-year part.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use nianbao_report::{Figure, Report, Section, SectionKind};
use regex::Regex;
use serde::Serialize;

use crate::error::DraftError;
use crate::marks;
use crate::numbering;
use crate::plan::{self, PlanItem};
use crate::segments::{SegmentKind, SegmentPlan, is_addressee, is_doc_number};
use crate::templates::{SectionContext, Templates};
use crate::years::{self, MovedYear, YearRules};

/// A fill-in mark the draft asks the drafter to replace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FillMark {
    /// 1-based line in the draft.
    pub line: usize,
    /// What the value counts (`行政复议·受理`), `文号` or `成文日期`.
    pub metric: String,
    /// Last year's value as written (`113件`).
    pub last_value: String,
    /// 1-based line in last year's report.
    pub last_line: usize,
    /// The mark as it stands in the draft (`【113件→？】`).
    pub mark: String,
}

/// This year's draft made from last year's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub year: i32,
    pub last_year: i32,
    /// The draft, one paragraph per line.
    pub text: String,
    pub moved_years: Vec<MovedYear>,
    pub marks: Vec<FillMark>,
    /// Last year's next-year items: the new report should say what came of each.
    pub plan_checklist: Vec<PlanItem>,
    /// What the drafter should know (a part inserted, a part missing).
    pub notes: Vec<String>,
}

/// A line of the draft being built, with where it came from.
struct OutLine {
    text: String,
    /// A level-1 heading whose `X、` number may be rewritten after an insertion.
    level1_number: Option<String>,
}

pub(crate) fn date_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(\d{4})\s*年\s*(\d{1,2}\s*月\s*\d{1,2}\s*日)$")
            .unwrap_or_else(|_| unreachable!("literal regex"))
    })
}

/// The year last year's report is about: its metadata, else the first year in its title, else
/// the first year in an early line that names 法治政府 (a title under portal chrome).
pub fn report_year(report: &Report) -> Option<i32> {
    if let Some(y) = report.meta.year {
        return Some(y);
    }
    let rules = YearRules::embedded();
    let first_year = |line: &str| years::mentions(line, rules).first().map(|m| m.year);
    if let Some(y) = report.meta.title.as_deref().and_then(first_year) {
        return Some(y);
    }
    report
        .paragraphs()
        .take(20)
        .filter(|(_, l)| l.contains("法治政府") || l.contains("依法行政"))
        .find_map(|(_, l)| first_year(l))
}

/// Make this year's draft (`year`) from last year's parsed report.
pub fn draft_from_last(
    last: &Report,
    year: i32,
    templates: &Templates,
) -> Result<Draft, DraftError> {
    if !(1949..=2100).contains(&year) {
        return Err(DraftError::InvalidYear(year));
    }
    let last_year = report_year(last).unwrap_or(year - 1);
    if year <= last_year {
        return Err(DraftError::YearNotAfter {
            year,
            last: last_year,
        });
    }
    Builder::new(last, year, last_year, templates).build()
}

struct Builder<'a> {
    last: &'a Report,
    year: i32,
    last_year: i32,
    templates: &'a Templates,
    rules: &'a YearRules,
    out: Vec<OutLine>,
    moved: Vec<MovedYear>,
    marks: Vec<FillMark>,
    notes: Vec<String>,
    inserted: bool,
}

impl<'a> Builder<'a> {
    fn new(last: &'a Report, year: i32, last_year: i32, templates: &'a Templates) -> Self {
        Builder {
            last,
            year,
            last_year,
            templates,
            rules: YearRules::embedded(),
            out: Vec::new(),
            moved: Vec::new(),
            marks: Vec::new(),
            notes: Vec::new(),
            inserted: false,
        }
    }

    fn build(mut self) -> Result<Draft, DraftError> {
        let last = self.last;
        let plan = SegmentPlan::of(last);
        let next = plan.next_year.as_ref().and_then(|(line, range)| {
            last.all_sections()
                .into_iter()
                .find(|s| s.line == *line && s.kind == SectionKind::NextYear)
                .map(|s| (s, *range.end()))
        });
        let signed = plan.issuer.or(plan.date);
        let level1: BTreeMap<usize, &Section> = last
            .sections
            .iter()
            .filter(|s| s.level == 1 && numbering::is_chinese_level1(&s.number))
            .map(|s| (s.line, s))
            .collect();
        let figures = figures_by_line(last);

        let mut plan_checklist = Vec::new();
        match (&plan.title, last.meta.title.as_deref()) {
            (Some(_), _) => {}
            (None, None) => self.push_missing_title(),
            // Read from the portal's labels, not standing on a front line of its own.
            (None, Some(title)) if plan.front_end > 0 => {
                self.push_moved(title.trim(), 1, None, None)
            }
            // No body told apart from the front: every line goes through as it is.
            (None, Some(_)) => {}
        }
        for segment in &plan.segments {
            let Some(lines) = segment.range() else {
                continue;
            };
            match segment.kind {
                SegmentKind::Front => {
                    for line in lines {
                        self.push_front_line(&plan, line);
                    }
                }
                SegmentKind::NextYear => {
                    if let Some((s, to)) = next
                        && lines.contains(&s.line)
                    {
                        if !plan.has_problems {
                            self.insert_part(SectionKind::Problems, &s.number, s.level)?;
                        }
                        self.insert_part(SectionKind::NextYear, &s.number, s.level)?;
                        plan_checklist = plan::checklist(last, s, to);
                    }
                }
                SegmentKind::Body | SegmentKind::Tail => {
                    for line in lines {
                        if next.is_none() && Some(line) == signed {
                            self.insert_missing_tail(plan.has_problems)?;
                        }
                        self.push_carried(&plan, line, &level1, &figures);
                    }
                }
            }
        }
        if next.is_none() && signed.is_none() {
            self.insert_missing_tail(plan.has_problems)?;
        }
        if self.inserted {
            self.renumber_level1();
        }
        if plan_checklist.is_empty() {
            self.notes.push("上年报告未找到“下一年度安排”部分，无计划可核对 (no next-year part found in last year's report)".into());
        }
        let text = self
            .out
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        Ok(Draft {
            year: self.year,
            last_year: self.last_year,
            text,
            moved_years: self.moved,
            marks: self.marks,
            plan_checklist,
            notes: self.notes,
        })
    }

    /// A body or tail line of last year's report, carried into the draft.
    fn push_carried(
        &mut self,
        plan: &SegmentPlan,
        line: usize,
        level1: &BTreeMap<usize, &Section>,
        figures: &BTreeMap<usize, Vec<&Figure>>,
    ) {
        let last = self.last;
        let text = last.line(line).trim();
        if text.is_empty() {
            return;
        }
        if Some(line) == plan.date {
            self.push_date(text, line);
        } else if is_doc_number(last, text) {
            self.push_whole_mark(text, "文号", line);
        } else {
            let number = level1.get(&line).map(|s| s.number.clone());
            self.push_moved(text, line, figures.get(&line).map(Vec::as_slice), number);
        }
        if Some(line) == plan.problems_heading {
            // Last year's shortcomings are this year's starting point, never its answer.
            self.out.push(OutLine {
                text: "【写作提示：以下是上年报告的不足和原因，请按本年度实际重写，不要照抄】"
                    .into(),
                level1_number: None,
            });
        }
    }

    fn delta(&self) -> i32 {
        self.year - self.last_year
    }

    /// Last year had no next-year part (or no heading for it): add the missing parts at the end.
    fn insert_missing_tail(&mut self, has_problems: bool) -> Result<(), DraftError> {
        let count = self
            .out
            .iter()
            .filter(|l| l.level1_number.is_some())
            .count();
        let number = |n: usize| {
            if count > 0 {
                numbering::level1(n)
            } else {
                String::new()
            }
        };
        let mut n = count + 1;
        if !has_problems {
            self.insert_part(SectionKind::Problems, &number(n), 1)?;
            n += 1;
        }
        self.notes.push(
            "上年报告没有“下一年度安排”部分：已按模板加入 (next-year part added from the template)"
                .into(),
        );
        self.insert_part(SectionKind::NextYear, &number(n), 1)
    }

    fn insert_part(
        &mut self,
        kind: SectionKind,
        number: &str,
        level: u8,
    ) -> Result<(), DraftError> {
        let ctx = SectionContext {
            year: self.year,
            government: self.last.meta.government.clone(),
            number: number.to_owned(),
            level: level.max(1),
            figures: BTreeMap::new(),
        };
        let text = self.templates.render_section(kind, &ctx)?;
        if kind == SectionKind::Problems {
            self.inserted = true;
            self.notes.push("上年报告没有“存在的不足和原因”部分：已按模板加入，请如实填写 (shortcomings part added: please fill it in)".into());
        }
        for (i, line) in text.lines().enumerate() {
            let is_numbered_heading = i == 0 && level == 1 && numbering::is_chinese_level1(number);
            self.out.push(OutLine {
                text: line.to_owned(),
                level1_number: is_numbered_heading.then(|| number.to_owned()),
            });
        }
        Ok(())
    }

    /// One line of last year's front matter: the title, the document number and the addressee
    /// are kept; anything else there is portal chrome.
    fn push_front_line(&mut self, plan: &SegmentPlan, line: usize) {
        let last = self.last;
        let text = last.line(line).trim();
        if let Some((at, title)) = &plan.title
            && *at == line
        {
            self.push_moved(title, line, None, None);
        } else if is_doc_number(last, text) {
            self.push_whole_mark(text, "文号", line);
        } else if is_addressee(last, text) {
            self.push_moved(text, line, None, None);
        }
    }

    /// Last year's text shows no title of its own (a web copy that lost it): the draft gets the
    /// usual one, and a note says it was made up.
    fn push_missing_title(&mut self) {
        let who = self
            .last
            .meta
            .government
            .as_deref()
            .unwrap_or("【机关名称】");
        let title = format!("{who}{}年度法治政府建设情况报告", self.year);
        self.out.push(OutLine {
            text: title,
            level1_number: None,
        });
        self.notes.push(
            "上年报告中没有找到标题：已按惯例拟定标题，请核对 (no title in last year's report: a usual one was written)"
                .into(),
        );
    }

    /// A line of last year's text: figures become marks, years move forward.
    fn push_moved(
        &mut self,
        text: &str,
        last_line: usize,
        figures: Option<&[&Figure]>,
        level1: Option<String>,
    ) {
        let raw_line = self.last.line(last_line);
        let offset = raw_line.len() - raw_line.trim_start().len();
        let draft_line = self.out.len() + 1;
        let mut out = String::with_capacity(text.len() + 32);
        let mut cursor = 0;
        for f in figures.unwrap_or_default() {
            let Some((start, end)) = locate(text, f, offset, cursor) else {
                continue;
            };
            self.push_plain(&mut out, &text[cursor..start], draft_line);
            let mark = marks::figure_mark(&f.raw);
            out.push_str(&mark);
            self.marks.push(FillMark {
                line: draft_line,
                metric: f.metric.clone(),
                last_value: f.raw.clone(),
                last_line,
                mark,
            });
            cursor = end;
        }
        self.push_plain(&mut out, &text[cursor..], draft_line);
        self.out.push(OutLine {
            text: out,
            level1_number: level1,
        });
    }

    fn push_plain(&mut self, out: &mut String, plain: &str, draft_line: usize) {
        let (moved, changes) = years::move_line(plain, self.last_year, self.delta(), self.rules);
        for (from, to) in changes {
            self.moved.push(MovedYear {
                line: draft_line,
                from,
                to,
                excerpt: excerpt(&moved, to),
            });
        }
        out.push_str(&moved);
    }

    /// The signing date: the year moves, the day becomes a mark (`2025年【1月18日→？】`).
    fn push_date(&mut self, text: &str, last_line: usize) {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(c) = date_line().captures(&compact) else {
            return self.push_moved(text, last_line, None, None);
        };
        let year: i32 = c[1].parse().unwrap_or(self.last_year + 1);
        let to = year + self.delta();
        let mark = marks::figure_mark(&c[2]);
        let draft_line = self.out.len() + 1;
        self.moved.push(MovedYear {
            line: draft_line,
            from: year,
            to,
            excerpt: format!("{to}年"),
        });
        self.marks.push(FillMark {
            line: draft_line,
            metric: "成文日期".into(),
            last_value: c[2].to_owned(),
            last_line,
            mark: mark.clone(),
        });
        self.out.push(OutLine {
            text: format!("{to}年{mark}"),
            level1_number: None,
        });
    }

    fn push_whole_mark(&mut self, text: &str, metric: &str, last_line: usize) {
        let mark = marks::figure_mark(text);
        self.marks.push(FillMark {
            line: self.out.len() + 1,
            metric: metric.into(),
            last_value: text.into(),
            last_line,
            mark: mark.clone(),
        });
        self.out.push(OutLine {
            text: mark,
            level1_number: None,
        });
    }

    /// After an insertion the `一、二、…` of level-1 headings run on again.
    fn renumber_level1(&mut self) {
        let mut n = 0;
        for line in &mut self.out {
            if let Some(old) = &line.level1_number {
                n += 1;
                let new = numbering::level1(n);
                if let Some(rest) = line.text.strip_prefix(old.as_str()) {
                    line.text = format!("{new}{rest}");
                }
            }
        }
    }
}

fn figures_by_line(report: &Report) -> BTreeMap<usize, Vec<&Figure>> {
    let mut map: BTreeMap<usize, Vec<&Figure>> = BTreeMap::new();
    for f in &report.figures {
        map.entry(f.line).or_default().push(f);
    }
    for list in map.values_mut() {
        list.sort_by_key(|f| f.start);
    }
    map
}

/// Where a figure sits in the trimmed line: its byte range if that still holds `raw`, else the
/// first occurrence of `raw` after the cursor.
fn locate(text: &str, f: &Figure, offset: usize, cursor: usize) -> Option<(usize, usize)> {
    if f.raw.is_empty() {
        return None;
    }
    let start = f.start.checked_sub(offset)?;
    let end = f.end.checked_sub(offset)?;
    if start >= cursor && text.get(start..end) == Some(f.raw.as_str()) {
        return Some((start, end));
    }
    let found = text.get(cursor..)?.find(&f.raw)? + cursor;
    Some((found, found + f.raw.len()))
}

/// A few characters around the first place `year` appears, for the moved-years list.
fn excerpt(line: &str, year: i32) -> String {
    let needle = year.to_string();
    let Some(at) = line.find(&needle) else {
        return String::new();
    };
    // Up to 8 characters before the year and 14 from it, with `…` where the line goes on.
    let head: Vec<char> = line[..at].chars().collect();
    let before: String = head[head.len().saturating_sub(8)..].iter().collect();
    let lead = if head.len() > 8 { "…" } else { "" };
    let tail_chars = line[at..].chars().count();
    let after: String = line[at..].chars().take(14).collect();
    let trail = if tail_chars > 14 { "…" } else { "" };
    format!("{lead}{before}{after}{trail}")
}

#[cfg(test)]
mod excerpt_tests {
    #[test]
    fn a_cut_excerpt_says_so() {
        assert_eq!(
            super::excerpt("示例镇人民政府关于2024年度法治政府建设情况的报告", 2024),
            "…例镇人民政府关于2024年度法治政府建设情况…"
        );
        assert_eq!(super::excerpt("2024年，示例市", 2024), "2024年，示例市");
    }
}
