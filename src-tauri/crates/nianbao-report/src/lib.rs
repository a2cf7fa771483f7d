//! The report model and its parsing: text → [`Report`] (metadata, outline, section kinds,
//! figures). Everything downstream (check, draft, store, the app) reads a `Report`; nothing
//! downstream re-parses text for structure.
//!
//! Parsing never fails: a text that is not a report yields a `Report` with little in it. It
//! must stay fast (design.md: import + parse of 30,000 characters ≤ 5 ms with jieba loaded).

pub mod clause;
pub mod convert;
pub mod error;
pub mod figures;
pub mod front;
pub mod kinds;
pub mod lexicon;
pub mod metric;
pub mod model;
pub mod numerals;
pub mod outline;
pub mod segment;
mod text;

pub use error::ReportError;
pub use lexicon::Lexicon;
pub use model::{Figure, MetaSource, MetaSources, Metadata, Report, Section, SectionKind};

use std::sync::OnceLock;

/// Lines longer than this (bytes) are read for figures a run of whole sentences at a time, so a
/// pasted megabyte-long paragraph costs linear time. Real paragraphs are far shorter.
const LINE_CHUNK: usize = 16 * 1024;

use nianbao_import::ImportedText;

/// Parse imported text (with its heading hints) into a report.
pub fn parse(imported: &ImportedText) -> Report {
    ReportParser::builtin().parse(imported)
}

/// Parse plain text into a report with the built-in lexicon.
pub fn parse_text(text: &str) -> Report {
    ReportParser::builtin().parse_text(text)
}

/// A lexicon with its compiled lookups; build once, parse many texts.
#[derive(Debug)]
pub struct ReportParser {
    lexicon: Lexicon,
    scorer: kinds::KindScorer,
    finder: figures::FigureFinder,
    namer: metric::MetricNamer,
}

impl ReportParser {
    /// A parser for a lexicon (e.g. one a drafter edited).
    pub fn new(lexicon: Lexicon) -> Result<ReportParser, ReportError> {
        fn bad(reason: impl std::fmt::Display) -> ReportError {
            ReportError::Lexicon {
                file: "metrics.toml",
                reason: reason.to_string(),
            }
        }
        Ok(ReportParser {
            scorer: kinds::KindScorer::new(&lexicon),
            finder: figures::FigureFinder::new(&lexicon.metrics).map_err(bad)?,
            namer: metric::MetricNamer::new(&lexicon.metrics).map_err(bad)?,
            lexicon,
        })
    }

    /// The parser for the embedded lexicon, built on first use.
    pub fn builtin() -> &'static ReportParser {
        static PARSER: OnceLock<ReportParser> = OnceLock::new();
        PARSER.get_or_init(|| {
            // The embedded lexicon is ours and tested (`builtin_parser_builds`).
            ReportParser::new(Lexicon::builtin().clone()).expect("embedded lexicon compiles")
        })
    }

    /// The parser of a data folder that holds an edited `front.toml`, `sections.toml` or
    /// `metrics.toml` (each replaces the embedded file); `None` when it holds none of them (use
    /// [`ReportParser::builtin`]).
    pub fn for_folder(dir: &std::path::Path) -> Result<Option<ReportParser>, ReportError> {
        let edited = ["front.toml", "sections.toml", "metrics.toml"]
            .iter()
            .any(|f| dir.join(f).is_file());
        if !edited {
            return Ok(None);
        }
        Ok(Some(ReportParser::new(Lexicon::with_overrides(dir)?)?))
    }

    /// The figure finder of this parser's lexicon (its `metrics.toml`).
    pub fn figure_finder(&self) -> &figures::FigureFinder {
        &self.finder
    }

    /// The metric namer of this parser's lexicon: names a figure found outside a report (a
    /// statistics row, a fill-in mark) exactly as this parser names a report's figures.
    pub fn metric_namer(&self) -> &metric::MetricNamer {
        &self.namer
    }

    /// Parse plain text into a report. Never fails and never panics.
    pub fn parse_text(&self, text: &str) -> Report {
        self.parse_with_hints(text, &[])
    }

    /// Parse imported text; its heading hints (Word heading styles, `<h2>`) make unnumbered
    /// lines headings.
    pub fn parse(&self, imported: &ImportedText) -> Report {
        let hints: Vec<(usize, u8)> = imported
            .heading_hints
            .iter()
            .map(|h| (h.line, h.level))
            .collect();
        self.parse_with_hints(&imported.text, &hints)
    }

    fn parse_with_hints(&self, text: &str, hints: &[(usize, u8)]) -> Report {
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        // Traditional characters are read as simplified ones (same byte layout, see `convert`);
        // the report keeps and shows the text as written.
        let converted = convert::analysis_lines(&lines);
        let analysis: &[String] = converted.as_deref().unwrap_or(&lines);
        let mut front = front::read(analysis, &self.lexicon.chrome);
        let entries = outline::entries(
            analysis,
            front.body_start,
            front.body_end,
            // The year of the title or the label block: one read from the body may come from
            // the very line that opens next year's part.
            front.meta.year.filter(|_| {
                matches!(
                    front.meta.sources.year,
                    Some(MetaSource::Title | MetaSource::Label)
                )
            }),
            &self.lexicon.headless,
            hints,
            |h| self.scorer.heading_kind(h),
        );
        let mut sections = outline::nest(&entries, analysis, front.body_end);
        kinds::classify(&mut sections, analysis, &self.scorer);
        if converted.is_some() {
            restore_headings(&mut sections, analysis, &lines);
            if let Some(title) = front.meta.title.as_mut()
                && let Some(written) = analysis
                    .iter()
                    .zip(&lines)
                    .find_map(|(a, o)| convert::as_written(title, a, o))
            {
                *title = written;
            }
        }
        let mut report = Report {
            meta: front.meta,
            lines,
            body_start: front.body_start,
            sections,
            figures: Vec::new(),
        };
        report.figures = self.figures(&report, converted.as_deref(), front.body_end);
        report
    }

    /// Figures of the body read in the analysis text (`converted`, else the text itself); `raw`
    /// and `excerpt` as written.
    fn figures(
        &self,
        report: &Report,
        converted: Option<&[String]>,
        body_end: usize,
    ) -> Vec<Figure> {
        let mut out = Vec::new();
        for n in report.body_start..=body_end {
            if report.meta.chrome_lines.contains(&n) {
                continue;
            }
            let written = report.line(n);
            let line = converted.map_or(written, |c| c.get(n - 1).map_or("", String::as_str));
            let skip = outline::heading(line).map_or(0, |h| h.prefix_len);
            let section = report.kind_at(n);
            for (offset, part) in text::chunks(line, LINE_CHUNK) {
                let found = self.finder.find(part, skip.saturating_sub(offset));
                if found.is_empty() {
                    continue;
                }
                let as_written = |from: usize, to: usize| {
                    written
                        .get(offset + from..offset + to)
                        .unwrap_or(&part[from..to])
                };
                let names = self.namer.name_line(part, &found);
                for (f, metric) in found.into_iter().zip(names) {
                    out.push(Figure {
                        metric,
                        value: f.value,
                        unit: f.unit,
                        approx: f.approx,
                        raw: as_written(f.start, f.end).to_owned(),
                        line: n,
                        start: offset + f.start,
                        end: offset + f.end,
                        excerpt: text::trim(as_written(f.clause.0, f.clause.1)).to_owned(),
                        section,
                        change: f.change,
                    });
                }
            }
        }
        out
    }
}

/// Headings read in the converted text, shown as written.
fn restore_headings(sections: &mut [Section], analysis: &[String], original: &[String]) {
    for s in sections {
        if let (Some(a), Some(o)) = (analysis.get(s.line - 1), original.get(s.line - 1))
            && let Some(h) = convert::as_written(&s.heading, a, o)
        {
            s.heading = h;
        }
        restore_headings(&mut s.children, analysis, original);
    }
}

impl Report {
    /// The text of a 1-based line, or `""` past the end.
    pub fn line(&self, line: usize) -> &str {
        line.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map_or("", String::as_str)
    }

    /// Every section of the outline, depth first, in text order.
    pub fn all_sections(&self) -> Vec<&Section> {
        fn walk<'a>(sections: &'a [Section], out: &mut Vec<&'a Section>) {
            for s in sections {
                out.push(s);
                walk(&s.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, &mut out);
        out
    }

    /// The chain of sections (outermost first) that contain a 1-based line.
    pub fn sections_at(&self, line: usize) -> Vec<&Section> {
        let mut chain = Vec::new();
        let mut level: &[Section] = &self.sections;
        while let Some(s) = level.iter().find(|s| s.line <= line && line <= s.end_line) {
            chain.push(s);
            level = &s.children;
        }
        chain
    }

    /// The kind of the innermost classified section that contains a line (`Other` outside any).
    pub fn kind_at(&self, line: usize) -> SectionKind {
        self.sections_at(line)
            .iter()
            .rev()
            .map(|s| s.kind)
            .find(|k| *k != SectionKind::Other)
            .unwrap_or(SectionKind::Other)
    }

    /// Body paragraphs: `(1-based line, text)` for every non-empty line from `body_start` on,
    /// except portal chrome ([`Metadata::chrome_lines`]): checks never quote the page's chrome.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &str)> {
        self.lines
            .iter()
            .enumerate()
            .skip(self.body_start.saturating_sub(1))
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(n, l)| !l.is_empty() && !self.meta.chrome_lines.contains(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(line: usize, end_line: usize, kind: SectionKind, children: Vec<Section>) -> Section {
        Section {
            number: String::new(),
            heading: String::new(),
            level: 1,
            kind,
            line,
            end_line,
            children,
        }
    }

    #[test]
    fn kind_at_prefers_the_innermost_classified_section() {
        let mut report = parse_text("a\nb\nc\nd");
        report.sections = vec![section(
            1,
            4,
            SectionKind::Disputes,
            vec![section(2, 3, SectionKind::Other, vec![])],
        )];
        assert_eq!(
            report.kind_at(3),
            SectionKind::Disputes,
            "an unclassified subsection inherits its parent's kind"
        );
    }

    #[test]
    fn a_heading_hint_makes_an_unnumbered_line_a_heading() {
        let imported = ImportedText {
            text: "示例市2023年法治政府建设情况报告\n2023年,示例市推进依法行政。\n存在的问题\n执法力量不足。".into(),
            format: nianbao_import::SourceFormat::Docx,
            encoding: "UTF-8".into(),
            heading_hints: vec![nianbao_import::HeadingHint { line: 3, level: 1 }],
        };
        let report = parse(&imported);
        let kinds: Vec<SectionKind> = report.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [SectionKind::Problems],
            "a Word heading without a number is still a part"
        );
    }

    /// A report whose second half has a paragraph opening `〈year〉年是……`: next year's part
    /// when that is the next year, not when it is the report's own.
    fn headless_plans(opening: &str) -> Vec<SectionKind> {
        let text = format!(
            "示例市2023年法治政府建设年度报告\n2023年,示例市推进依法行政。\n\
             一、加强组织领导\n市政府常务会议研究法治政府建设。\n\
             二、严格规范执法\n全面落实行政执法三项制度。\n\
             {opening}是全面贯彻落实党的二十大精神的关键之年。\n推进法治政府建设。"
        );
        parse_text(&text).sections.iter().map(|s| s.kind).collect()
    }

    #[test]
    fn a_headless_plan_opens_with_the_next_year_not_the_reports_own() {
        assert_eq!(
            headless_plans("2024年"),
            [
                SectionKind::Organization,
                SectionKind::Enforcement,
                SectionKind::NextYear
            ]
        );
        assert_eq!(
            headless_plans("2023年"),
            [SectionKind::Organization, SectionKind::Enforcement],
            "the report's own year opens no part of next year's plans"
        );
    }

    #[test]
    fn builtin_parser_builds() {
        let lex = Lexicon::builtin().clone();
        assert!(
            ReportParser::new(lex).is_ok(),
            "the embedded lexicon compiles"
        );
    }

    #[test]
    fn section_kind_keys_round_trip() {
        for kind in SectionKind::ALL {
            assert_eq!(SectionKind::from_key(kind.key()), Some(kind));
        }
    }
}
