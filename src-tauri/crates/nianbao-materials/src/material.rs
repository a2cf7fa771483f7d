//! One department's file → a [`Material`]: its department, its paragraphs (each with its part,
//! confidence and figures) and its statistics values.
//!
//! A material is parsed like a report (its own headings tell the part when it has them:
//! `二、化解矛盾纠纷` above a paragraph puts it there); a paragraph under no classified heading
//! is classified by its words and its place among the file's paragraphs
//! ([`Classifier::classify_sequence`]: a file's parts are contiguous). Headings alone, the
//! title and the signature are no paragraphs; rows of a table are statistics, not paragraphs.

use std::path::Path;

use nianbao_import::{ImportError, SourceFormat};
use nianbao_report::{Figure, Report, ReportParser, SectionKind};
use serde::Serialize;

use crate::classify::Classifier;
use crate::department::{self, Department};
use crate::stats::{self, StatValue};

/// The confidence of a part the material's own heading states.
const HEADING_CONFIDENCE: f64 = 0.9;

/// A material file read for drafting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Material {
    /// The file name as sent.
    pub file: String,
    pub format: SourceFormat,
    pub department: Option<Department>,
    pub paragraphs: Vec<MaterialParagraph>,
    pub statistics: Vec<StatValue>,
}

/// One paragraph of a material.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaterialParagraph {
    /// 1-based line of the imported text.
    pub line: usize,
    pub part: SectionKind,
    /// 0‥1.
    pub confidence: f64,
    /// Whether the part came from the material's own heading rather than the paragraph's words.
    pub by_heading: bool,
    pub text: String,
    /// Figures named like a report's (`行政复议·受理`).
    pub figures: Vec<Figure>,
}

/// Whether line `n` of a parsed text is a heading alone (`二、化解矛盾纠纷`), not a paragraph.
/// A part recognised by how it begins (`下一步，……`) and a run-in heading followed by its text
/// are paragraphs.
pub fn is_heading_line(report: &Report, n: usize) -> bool {
    report.all_sections().iter().any(|s| {
        if s.line != n {
            return false;
        }
        let text = report.line(n);
        if s.number.is_empty() && (text.contains('。') || text.chars().count() > 40) {
            return false;
        }
        let rest = nianbao_report::outline::heading(text)
            .map_or(text, |h| text.get(h.prefix_len..).unwrap_or(""));
        rest.trim()
            .trim_end_matches(['。', '；', ';'])
            .chars()
            .count()
            <= s.heading.chars().count() + 1
    })
}

/// Read a material from disk (any format nianbao-import reads).
pub fn read_material(
    path: &Path,
    parser: &ReportParser,
    known: &[String],
) -> Result<Material, ImportError> {
    let bytes = nianbao_import::read_file(path, &nianbao_import::Limits::DEFAULT)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    read_material_bytes(&bytes, &name, parser, known)
}

/// Read a material from its bytes; `file` is its name (department and format hint).
pub fn read_material_bytes(
    bytes: &[u8],
    file: &str,
    parser: &ReportParser,
    known: &[String],
) -> Result<Material, ImportError> {
    let imported = nianbao_import::import_bytes(bytes, Some(file))?;
    let lines: Vec<&str> = imported.text.lines().collect();
    if imported.format == SourceFormat::Spreadsheet {
        let statistics = match nianbao_import::read_statistics(bytes, Some(file)) {
            Ok(s) => stats::from_statistics(&s, &stats::Naming::of(parser)),
            Err(ImportError::NoStatistics) => Vec::new(),
            Err(e) => return Err(e),
        };
        return Ok(Material {
            file: file.to_owned(),
            format: imported.format,
            department: department::detect(&[], file, known),
            paragraphs: Vec::new(),
            statistics,
        });
    }
    let report = parser.parse(&imported);
    let (statistics, table_lines) = stats::from_text_tables(&lines, &stats::Naming::of(parser));
    let classifier = Classifier::builtin();
    let body_end = report.meta.body_end.unwrap_or(report.lines.len());
    let heading_only = |n: usize| is_heading_line(&report, n);
    let department = department::detect(&lines, file, known);
    // A signature the parser left in the body (a table after it): the name alone, the date.
    let signature = |text: &str| {
        department.as_ref().is_some_and(|d| text == d.name)
            || (text.chars().count() <= 16
                && text.ends_with('日')
                && text.chars().take(4).all(|c| c.is_ascii_digit()))
    };
    let kept: Vec<(usize, &str, SectionKind)> = report
        .paragraphs()
        .filter(|(n, text)| {
            *n <= body_end && !table_lines.contains(n) && !heading_only(*n) && !signature(text)
        })
        .map(|(n, text)| (n, text, report.kind_at(n)))
        .collect();
    // The file's paragraphs in their order: one its own headings do not place takes the part
    // its words and its neighbours' say (the parts of a file are contiguous).
    let year = report.meta.year;
    let in_sequence = classifier.classify_sequence(
        &kept
            .iter()
            .map(|(_, text, own)| (*text, Some(*own).filter(|k| *k != SectionKind::Other)))
            .collect::<Vec<_>>(),
        year,
    );
    let mut paragraphs = Vec::new();
    for ((n, text, own), seq) in kept.into_iter().zip(in_sequence) {
        let (part, confidence, by_heading) = if own == SectionKind::Other {
            (seq.part, seq.confidence, false)
        } else {
            let read = classifier.classify_in(text, year);
            if own == read.part {
                (own, HEADING_CONFIDENCE.max(read.confidence), true)
            } else {
                (
                    own,
                    HEADING_CONFIDENCE * (1.0 - read.confidence / 2.0),
                    true,
                )
            }
        };
        paragraphs.push(MaterialParagraph {
            line: n,
            part,
            confidence,
            by_heading,
            text: text.to_owned(),
            figures: report
                .figures
                .iter()
                .filter(|f| f.line == n)
                .cloned()
                .collect(),
        });
    }
    Ok(Material {
        file: file.to_owned(),
        format: imported.format,
        department,
        paragraphs,
        statistics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, file: &str) -> Material {
        read_material_bytes(text.as_bytes(), file, ReportParser::builtin(), &[]).expect("reads")
    }

    #[test]
    fn a_submission_is_taken_apart_into_parts() {
        let m = read(
            "示例市司法局2024年法治政府建设情况报告\n\
             一、化解矛盾纠纷\n\
             全年受理行政复议案件142件，调解纠纷300起。\n\
             二、存在的不足\n\
             基层法治力量仍然薄弱。\n\
             下一步，我局将继续深化普法宣传。\n\
             示例市司法局\n\
             2025年1月6日\n",
            "示例市司法局.txt",
        );
        assert_eq!(
            m.department.as_ref().map(|d| d.name.as_str()),
            Some("示例市司法局")
        );
        let parts: Vec<(SectionKind, &str)> = m
            .paragraphs
            .iter()
            .map(|p| (p.part, p.text.as_str()))
            .collect();
        assert_eq!(
            parts.len(),
            3,
            "headings, title and signature are no paragraphs: {parts:?}"
        );
        assert_eq!(parts[0].0, SectionKind::Disputes);
        assert_eq!(parts[1].0, SectionKind::Problems);
        assert!(
            m.paragraphs[0].figures.iter().any(|f| f.raw == "142件"),
            "{:?}",
            m.paragraphs[0].figures
        );
    }

    #[test]
    fn a_paragraph_under_no_part_takes_its_neighbours_part() {
        let m = read(
            "示例市信访局2024年法治政府建设情况报告\n\
             全年受理行政复议案件42件，调解矛盾纠纷120起，信访事项按期办结。\n\
             同时做好来访群众的接待工作，做到件件有回音。\n\
             开展行政复议应诉业务培训，调解员持证上岗。\n",
            "示例市信访局.txt",
        );
        let parts: Vec<SectionKind> = m.paragraphs.iter().map(|p| p.part).collect();
        assert_eq!(parts, vec![SectionKind::Disputes; 3], "{:?}", m.paragraphs);
        assert!(m.paragraphs.iter().all(|p| !p.by_heading));
        // The one without a word of its own is less sure than its neighbours.
        assert!(m.paragraphs[1].confidence < m.paragraphs[0].confidence);
    }

    #[test]
    fn table_rows_are_statistics_not_paragraphs() {
        let m = read(
            "示例镇2024年法治建设工作总结\n今年我镇开展普法宣传活动10场。\n指标\t本年\n人民调解案件（件）\t56\n",
            "示例镇.txt",
        );
        assert_eq!(m.paragraphs.len(), 1, "{:?}", m.paragraphs);
        assert_eq!(m.statistics.len(), 1);
        assert_eq!(m.statistics[0].text, "56");
    }
}
