//! Proofreading the way a 公文 proofreader does, offline: miswritten words (`proof.typo`,
//! `proof.typo_hint`), standard formulations written wrongly (`proof.term`), broken punctuation
//! (`proof.punct`, `proof.punct_hint`) and numbers against GB/T 15835 and GB/T 9704
//! (`proof.number`, `proof.number_hint`).
//!
//! Every finding names the exact span (`matched`, `column`) and, when there is one, what to write
//! instead (`suggestion`). The word lists are data (`data/proof.toml`), editable by the office.
//! Precision over recall: a real reduplication (层层压实, 实实在在) or a correct formulation is
//! never flagged; what is only a matter of style is a hint.

mod lexicon;
mod number;
mod punct;
mod term;
mod typo;

pub use lexicon::ProofLexicon;

use nianbao_report::Report;

use crate::finding::{Code, Finding};
use crate::rules::Rules;
use crate::text::excerpt_at;

/// The code prefix every proofreading finding has (`nianbao check --only proof`).
pub const FAMILY: &str = "proof.";

/// Every proofreading finding of the report's body. `year` (the year the report is about)
/// decides which standard formulations are looked for, as `terms.toml` does for dated terms.
pub fn proofread(report: &Report, year: Option<i32>, rules: &Rules) -> Vec<Finding> {
    let lex = &rules.proof;
    let mut out = Vec::new();
    let paragraphs: Vec<(usize, &str)> = report.paragraphs().collect();
    for (k, &(line, text)) in paragraphs.iter().enumerate() {
        let para = Para::new(line, text);
        let mut here = Vec::new();
        // The word lists are of simplified characters: 習近平 is no slip of 习近平.
        if !traditional(text) {
            term::check(&para, lex, year, &mut here);
            typo::check(&para, lex, &mut here);
        }
        punct::check(&para, k + 1 == paragraphs.len(), &mut here);
        number::check(&para, rules, &mut here);
        out.extend(without_nested(here));
    }
    number::signature_date(&paragraphs, &mut out);
    out
}

/// Characters only traditional script uses, common in these reports.
const TRADITIONAL: &str = "們國學會這為與業發說對進區實黨貫徹習時東車長門問間開關見親認論變當總從歷點個體廣動勞務員單機構級組織設計議職權處辦執規準標記錄護環際條們";

/// A paragraph in traditional characters (reposts from big5 pages).
fn traditional(text: &str) -> bool {
    text.chars()
        .filter(|c| TRADITIONAL.contains(*c))
        .take(2)
        .count()
        >= 2
}

/// A finding whose span lies inside another's of the same paragraph says nothing more (行政复义
/// inside a law's title already flagged whole); the first of two equal spans stays.
fn without_nested(findings: Vec<Finding>) -> Vec<Finding> {
    let span = |f: &Finding| {
        let from = f.column.unwrap_or(0);
        (
            from,
            from + f.matched.as_deref().map_or(0, |m| m.chars().count()),
        )
    };
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    for (i, f) in findings.iter().enumerate() {
        let (a, b) = span(f);
        let inside = findings.iter().enumerate().any(|(j, g)| {
            let (x, y) = span(g);
            j != i && x <= a && b <= y && ((y - x) > (b - a) || j < i) && g.code != f.code
        });
        if !inside {
            kept.push(f.clone());
        }
    }
    kept
}

/// One paragraph with its characters indexed (columns are counted in characters).
pub(crate) struct Para<'a> {
    pub line: usize,
    pub text: &'a str,
    pub chars: Vec<char>,
    /// Byte offset of each character, and the text's length at the end.
    pub offsets: Vec<usize>,
}

impl<'a> Para<'a> {
    pub fn new(line: usize, text: &'a str) -> Para<'a> {
        let mut chars = Vec::with_capacity(text.len() / 3 + 1);
        let mut offsets = Vec::with_capacity(text.len() / 3 + 2);
        for (i, c) in text.char_indices() {
            chars.push(c);
            offsets.push(i);
        }
        offsets.push(text.len());
        Para {
            line,
            text,
            chars,
            offsets,
        }
    }

    /// The character index of a byte offset (which must start a character).
    pub fn col(&self, byte: usize) -> usize {
        self.offsets.partition_point(|&o| o < byte)
    }

    /// The text of characters `from..to`.
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.offsets[from]..self.offsets[to]]
    }

    /// A finding on characters `from..to`, with its suggestion.
    pub fn finding(
        &self,
        code: Code,
        from: usize,
        to: usize,
        message: String,
        suggestion: Option<String>,
    ) -> Finding {
        let range = self.offsets[from]..self.offsets[to];
        Finding::new(
            code,
            self.line,
            &excerpt_at(self.text, range.clone()),
            message,
        )
        .with_fix(&self.text[range], from, suggestion)
    }
}
