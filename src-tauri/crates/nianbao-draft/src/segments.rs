//! The plan of a draft: last year's report cut into segments (front matter, body, next-year
//! part, tail), each with what the draft does with its lines. `draft_from_last` computes the plan
//! first and writes the draft from it, so the plan is what a reviewer (and a snapshot) reads to
//! know how a report will be drafted.

use std::fmt;
use std::ops::RangeInclusive;

use nianbao_report::{Report, Section, SectionKind};
use serde::Serialize;

use crate::draft::date_line;

/// Which part of last year's report a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// Before the body: title, document number, addressee and portal chrome.
    Front,
    /// The body: carried over with years moved and figures marked.
    Body,
    /// Last year's plan for the next year: replaced with the template.
    NextYear,
    /// The signature: issuer and date.
    Tail,
}

impl SegmentKind {
    pub fn label(self) -> &'static str {
        match self {
            SegmentKind::Front => "front",
            SegmentKind::Body => "body",
            SegmentKind::NextYear => "next_year",
            SegmentKind::Tail => "tail",
        }
    }
}

/// What the draft does with (or at) a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The title is kept (on a line of its own), years moved.
    KeepTitle,
    /// The title is taken from the portal's labels and written first.
    TitleFromMeta,
    /// No title anywhere: a usual one is written, with a note.
    InventTitle,
    /// The document number becomes a whole fill-in mark.
    MarkDocNumber,
    /// The addressee line is kept.
    KeepAddressee,
    /// Other front lines are portal chrome and dropped.
    DropChrome,
    /// Lines are carried over with years moved forward.
    MoveYears,
    /// Figures become fill-in marks showing last year's value.
    MarkFigures,
    /// Level-1 headings are renumbered after an inserted part.
    Renumber,
    /// A writing hint follows last year's shortcomings heading.
    HintProblems,
    /// The shortcomings part is inserted from the template (last year had none).
    InsertProblems,
    /// The next-year part is written from the template for the new plan year.
    ReplaceWithTemplate,
    /// Last year's next-year items become the checklist.
    Checklist,
    /// The next-year part (last year had none) is appended from the template.
    AppendNextYear,
    /// Blank lines only: nothing goes into the draft.
    DropBlank,
    /// The issuer line is kept.
    KeepIssuer,
    /// The signing date: year moved, day a fill-in mark.
    MarkSignatureDate,
}

impl Step {
    pub fn label(self) -> &'static str {
        match self {
            Step::KeepTitle => "keep_title",
            Step::TitleFromMeta => "title_from_meta",
            Step::InventTitle => "invent_title",
            Step::MarkDocNumber => "mark_doc_number",
            Step::KeepAddressee => "keep_addressee",
            Step::DropChrome => "drop_chrome",
            Step::MoveYears => "move_years",
            Step::MarkFigures => "mark_figures",
            Step::Renumber => "renumber",
            Step::HintProblems => "hint_problems",
            Step::InsertProblems => "insert_problems",
            Step::ReplaceWithTemplate => "replace_with_template",
            Step::Checklist => "checklist",
            Step::AppendNextYear => "append_next_year",
            Step::DropBlank => "drop_blank",
            Step::KeepIssuer => "keep_issuer",
            Step::MarkSignatureDate => "mark_signature_date",
        }
    }
}

/// One segment: its kind, its lines in last year's report (1-based, inclusive; `None` for a part
/// the draft adds where last year had nothing), and what the draft does with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub lines: Option<(usize, usize)>,
    pub steps: Vec<Step>,
}

impl Segment {
    pub fn range(&self) -> Option<RangeInclusive<usize>> {
        self.lines.map(|(a, b)| a..=b)
    }
}

/// The plan of a draft from last year's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SegmentPlan {
    /// In text order; the lined segments cover every line of last year's report once.
    pub segments: Vec<Segment>,
    /// The line holding the title (and the title alone), when it stands in the front.
    #[serde(skip)]
    pub(crate) title: Option<(usize, String)>,
    /// The last front line (0 when the report has no body to tell front from).
    #[serde(skip)]
    pub(crate) front_end: usize,
    #[serde(skip)]
    pub(crate) issuer: Option<usize>,
    #[serde(skip)]
    pub(crate) date: Option<usize>,
    /// Last year's next-year section and the lines it spans (up to the signature).
    #[serde(skip)]
    pub(crate) next_year: Option<(usize, RangeInclusive<usize>)>,
    #[serde(skip)]
    pub(crate) has_problems: bool,
    #[serde(skip)]
    pub(crate) problems_heading: Option<usize>,
}

impl SegmentPlan {
    /// Plan the draft of `report`.
    pub fn of(report: &Report) -> SegmentPlan {
        let n = report.lines.len();
        let front_end = if report.body_start > n {
            0
        } else {
            report.body_start - 1
        };
        let title = title_line(report, front_end);
        let (issuer, date) = signature_lines(report);
        let end_of_body = issuer.or(date).map_or(n, |l| l - 1);
        let sections = report.all_sections();
        let next: Option<&Section> = sections
            .iter()
            .copied()
            .find(|s| s.kind == SectionKind::NextYear);
        let problems_heading = sections
            .iter()
            .find(|s| s.kind == SectionKind::Problems)
            .map(|s| s.line);
        let has_problems = problems_heading.is_some();
        let next_year = next.map(|s| {
            let to = s.end_line.min(end_of_body).max(s.line);
            (s.line, s.line..=to)
        });

        // Each line's segment, with the builder's priority: front, next-year part, tail, body.
        let kind_of = |line: usize| {
            if line <= front_end {
                SegmentKind::Front
            } else if next_year.as_ref().is_some_and(|(_, r)| r.contains(&line)) {
                SegmentKind::NextYear
            } else if line > end_of_body {
                SegmentKind::Tail
            } else {
                SegmentKind::Body
            }
        };
        let mut runs: Vec<(SegmentKind, usize, usize)> = Vec::new();
        for line in 1..=n {
            let kind = kind_of(line);
            match runs.last_mut() {
                Some((k, _, last)) if *k == kind => *last = line,
                _ => runs.push((kind, line, line)),
            }
        }

        let mut plan = SegmentPlan {
            segments: Vec::new(),
            title,
            front_end,
            issuer,
            date,
            next_year,
            has_problems,
            problems_heading,
        };
        let inserts = !has_problems;
        for (kind, first, last) in runs {
            let steps = plan.steps(report, kind, first..=last);
            plan.segments.push(Segment {
                kind,
                lines: Some((first, last)),
                steps,
            });
        }
        if plan.next_year.is_none() && issuer.or(date).is_none() {
            let mut steps = Vec::new();
            if inserts {
                steps.push(Step::InsertProblems);
            }
            steps.push(Step::AppendNextYear);
            plan.segments.push(Segment {
                kind: SegmentKind::Tail,
                lines: None,
                steps,
            });
        }
        if plan.title.is_none() {
            let first = match report.meta.title.as_deref() {
                None => Some(Step::InventTitle),
                Some(_) if front_end > 0 => Some(Step::TitleFromMeta),
                Some(_) => None,
            };
            if let Some(step) = first {
                plan.segments.insert(
                    0,
                    Segment {
                        kind: SegmentKind::Front,
                        lines: None,
                        steps: vec![step],
                    },
                );
            }
        }
        if inserts
            && let Some(body) = plan
                .segments
                .iter_mut()
                .find(|s| s.kind == SegmentKind::Body)
        {
            body.steps.push(Step::Renumber);
        }
        plan
    }

    fn steps(&self, report: &Report, kind: SegmentKind, lines: RangeInclusive<usize>) -> Vec<Step> {
        let text = |l: usize| report.line(l).trim();
        let any = |f: &dyn Fn(usize) -> bool| lines.clone().any(f);
        let doc_number = any(&|l| is_doc_number(report, text(l)));
        let mut steps = Vec::new();
        match kind {
            SegmentKind::Front => {
                if self.title.as_ref().is_some_and(|(l, _)| lines.contains(l)) {
                    steps.push(Step::KeepTitle);
                }
                if doc_number {
                    steps.push(Step::MarkDocNumber);
                }
                if any(&|l| is_addressee(report, text(l))) {
                    steps.push(Step::KeepAddressee);
                }
                steps.push(Step::DropChrome);
            }
            SegmentKind::NextYear => {
                if !self.has_problems {
                    steps.push(Step::InsertProblems);
                }
                steps.push(Step::ReplaceWithTemplate);
                steps.push(Step::Checklist);
            }
            SegmentKind::Body | SegmentKind::Tail => {
                let signed = self.issuer.or(self.date);
                if self.next_year.is_none() && signed.is_some_and(|l| lines.contains(&l)) {
                    if !self.has_problems {
                        steps.push(Step::InsertProblems);
                    }
                    steps.push(Step::AppendNextYear);
                }
                if self.issuer.is_some_and(|l| lines.contains(&l)) {
                    steps.push(Step::KeepIssuer);
                }
                if self.date.is_some_and(|l| lines.contains(&l)) {
                    steps.push(Step::MarkSignatureDate);
                }
                if doc_number {
                    steps.push(Step::MarkDocNumber);
                }
                let carried = |l: usize| {
                    Some(l) != self.date && !text(l).is_empty() && !is_doc_number(report, text(l))
                };
                if any(&|l| carried(l)) {
                    steps.push(Step::MoveYears);
                }
                if report
                    .figures
                    .iter()
                    .any(|f| lines.contains(&f.line) && carried(f.line))
                {
                    steps.push(Step::MarkFigures);
                }
                if self.problems_heading.is_some_and(|l| lines.contains(&l)) {
                    steps.push(Step::HintProblems);
                }
                if steps.is_empty() && !any(&|l| !text(l).is_empty()) {
                    steps.push(Step::DropBlank);
                }
            }
        }
        steps
    }
}

impl fmt::Display for SegmentPlan {
    /// One segment a line: `body 7-40: move_years, mark_figures` (`-` for an added part).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.segments {
            let lines = s
                .lines
                .map_or_else(|| "-".to_owned(), |(a, b)| format!("{a}-{b}"));
            let steps: Vec<&str> = s.steps.iter().map(|s| s.label()).collect();
            writeln!(f, "{} {lines}: {}", s.kind.label(), steps.join(", "))?;
        }
        Ok(())
    }
}

/// Where the title stands in the front matter: on a line of its own, or at the end of a portal
/// label's line (`相关文件:X市2023年度……报告`).
fn title_line(report: &Report, end: usize) -> Option<(usize, String)> {
    let title = report
        .meta
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    (1..=end)
        .find(|l| report.line(*l).trim() == title)
        .or_else(|| (1..=end).find(|l| report.line(*l).trim().ends_with(title)))
        .map(|l| (l, title.to_owned()))
}

/// The line is the report's document number (kept whole, as a mark to renumber).
pub(crate) fn is_doc_number(report: &Report, text: &str) -> bool {
    !text.is_empty() && report.meta.doc_number.as_deref().map(str::trim) == Some(text)
}

/// The line is the addressee (`示例市人民政府：`).
pub(crate) fn is_addressee(report: &Report, text: &str) -> bool {
    report
        .meta
        .addressee
        .as_deref()
        .is_some_and(|a| text.trim_end_matches([':', '：']) == a.trim())
}

/// The issuer and date lines at the very end, if the report is signed.
fn signature_lines(report: &Report) -> (Option<usize>, Option<usize>) {
    // The date is one of the last few lines: a note such as （此件公开发布） may follow it.
    let tail: Vec<usize> = (1..=report.lines.len())
        .rev()
        .filter(|l| !report.line(*l).trim().is_empty())
        .take(4)
        .collect();
    let is_date = |l: usize| {
        let compact: String = report
            .line(l)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        date_line().is_match(&compact)
    };
    let Some(at) = tail.iter().position(|l| is_date(*l)) else {
        return (None, None);
    };
    let issuer = tail.get(at + 1).copied().filter(|l| {
        let t = report.line(*l).trim();
        t.chars().count() <= 30 && !t.contains('。') && !t.ends_with('：')
    });
    (issuer, Some(tail[at]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "示例市人民政府2023年法治政府建设年度报告
示例市人民政府：
2023年，示例市深入推进法治政府建设。
一、主要工作
全年办理行政复议案件12件。
二、存在的不足
基层执法力量不足。
三、2024年工作安排
继续推进依法行政。
示例市司法局
2024年1月18日";

    #[test]
    fn an_invented_report_is_planned_in_four_segments() {
        let report = nianbao_report::parse_text(REPORT);
        let plan = SegmentPlan::of(&report);
        let kinds: Vec<SegmentKind> = plan.segments.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SegmentKind::Front,
                SegmentKind::Body,
                SegmentKind::NextYear,
                SegmentKind::Tail
            ],
            "{plan}"
        );
        let next = &plan.segments[2];
        assert_eq!(next.lines, Some((8, 9)), "{plan}");
        assert!(next.steps.contains(&Step::ReplaceWithTemplate));
        assert!(!next.steps.contains(&Step::InsertProblems), "{plan}");
        let tail = &plan.segments[3];
        assert_eq!(tail.lines, Some((10, 11)), "{plan}");
        assert_eq!(
            tail.steps,
            [Step::KeepIssuer, Step::MarkSignatureDate, Step::MoveYears]
        );
        let body = &plan.segments[1];
        assert!(body.steps.contains(&Step::MarkFigures), "{plan}");
        assert!(body.steps.contains(&Step::HintProblems), "{plan}");
        assert!(plan.segments[0].steps.contains(&Step::KeepTitle), "{plan}");
    }

    #[test]
    fn a_report_without_plan_or_signature_gets_an_added_tail() {
        let report = nianbao_report::parse_text(
            "示例区2023年法治政府建设年度报告\n一、主要工作\n全年受理行政复议案件5件。",
        );
        let plan = SegmentPlan::of(&report);
        let last = plan.segments.last().expect("segments");
        assert_eq!(last.kind, SegmentKind::Tail, "{plan}");
        assert_eq!(last.lines, None);
        assert_eq!(last.steps, [Step::InsertProblems, Step::AppendNextYear]);
        // Every line is in exactly one lined segment.
        let covered: usize = plan
            .segments
            .iter()
            .filter_map(Segment::range)
            .map(|r| r.count())
            .sum();
        assert_eq!(covered, report.lines.len());
    }
}
