//! The drafter's links: "this figure is last year's that one", "these two are not the same", "this
//! figure has nothing to compare with". A link names its figures by [`FigureKey`] — the metric,
//! value, unit and a hash of the clause — never by row or index, so it survives a re-import of
//! either report and a parser that renames a metric.

use nianbao_report::Figure;
use serde::{Deserialize, Serialize};

/// What names a figure across imports: metric, value, unit and the clause's hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureKey {
    pub metric: String,
    pub value: f64,
    pub unit: String,
    /// [`clause_hash`] of the figure's clause.
    pub clause: String,
}

impl FigureKey {
    /// The key of a figure.
    pub fn of(f: &Figure) -> FigureKey {
        FigureKey {
            metric: f.metric.clone(),
            value: f.value,
            unit: f.unit.clone(),
            clause: clause_hash(&f.excerpt),
        }
    }

    fn same_value(&self, f: &Figure) -> bool {
        (self.value - f.value).abs() < 1e-9 && self.unit == f.unit
    }

    /// The figure of `figures` this key names: the exact one, else the only one with the same
    /// value, unit and clause (a renamed metric), else the only one with the same metric, value
    /// and unit (a clause re-punctuated). `None` when none or several fit.
    pub fn find(&self, figures: &[Figure]) -> Option<usize> {
        let mut exact = figures
            .iter()
            .enumerate()
            .filter(|(_, f)| self.same_value(f) && f.metric == self.metric);
        let hashes = |i: &usize| figures.get(*i).map(|f| clause_hash(&f.excerpt));
        let exact_clause: Vec<usize> = exact
            .by_ref()
            .map(|(i, _)| i)
            .filter(|i| hashes(i).as_deref() == Some(self.clause.as_str()))
            .collect();
        if let Some(i) = exact_clause.first() {
            return Some(*i);
        }
        let unique = |it: &mut dyn Iterator<Item = usize>| match (it.next(), it.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        };
        let same_clause = unique(&mut (0..figures.len()).filter(|i| {
            figures.get(*i).is_some_and(|f| self.same_value(f))
                && hashes(i).as_deref() == Some(self.clause.as_str())
        }));
        same_clause.or_else(|| {
            unique(&mut (0..figures.len()).filter(|i| {
                figures
                    .get(*i)
                    .is_some_and(|f| self.same_value(f) && f.metric == self.metric)
            }))
        })
    }
}

/// What the drafter said about a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// `this` is last year's `last` (whatever the aligner thought).
    Same,
    /// `this` is not last year's `last` (an unlinked wrong pair).
    NotSame,
    /// The figure (`this`, or `last` when `this` is absent) has nothing to compare with.
    NotComparable,
}

impl LinkKind {
    /// The stored name (`same`, `not_same`, `not_comparable`).
    pub fn key(self) -> &'static str {
        match self {
            LinkKind::Same => "same",
            LinkKind::NotSame => "not_same",
            LinkKind::NotComparable => "not_comparable",
        }
    }

    /// The kind of a stored name.
    pub fn from_key(key: &str) -> Option<LinkKind> {
        match key {
            "same" => Some(LinkKind::Same),
            "not_same" => Some(LinkKind::NotSame),
            "not_comparable" => Some(LinkKind::NotComparable),
            _ => None,
        }
    }
}

/// One link of the drafter's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureLink {
    pub kind: LinkKind,
    /// This year's figure (absent for a last-year figure marked not comparable).
    pub this: Option<FigureKey>,
    /// Last year's figure (absent for a this-year figure marked not comparable).
    pub last: Option<FigureKey>,
}

/// A stable hash of a clause, blind to white space (FNV-1a, 64 bits, hex).
pub fn clause_hash(clause: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in clause.chars().filter(|c| !c.is_whitespace()) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::SectionKind;

    fn fig(metric: &str, value: f64, excerpt: &str) -> Figure {
        Figure {
            metric: metric.into(),
            value,
            unit: "件".into(),
            approx: false,
            raw: format!("{value}件"),
            line: 1,
            start: 0,
            end: 0,
            excerpt: excerpt.into(),
            section: SectionKind::Other,
            change: false,
        }
    }

    #[test]
    fn the_clause_hash_ignores_white_space_only() {
        assert_eq!(clause_hash("受理 申请 12件"), clause_hash("受理申请12件"));
        assert_ne!(clause_hash("受理申请12件"), clause_hash("审结申请12件"));
    }

    #[test]
    fn a_key_finds_its_figure_after_a_rename_or_a_repunctuation() {
        let old = fig("未命名·件数", 12.0, "受理申请12件");
        let key = FigureKey::of(&old);
        let renamed = vec![
            fig("其他·件数", 9.0, "x"),
            fig("行政复议·受理", 12.0, "受理申请12件"),
        ];
        assert_eq!(key.find(&renamed), Some(1), "same value and clause");
        let repunctuated = vec![fig("未命名·件数", 12.0, "共受理申请12件")];
        assert_eq!(key.find(&repunctuated), Some(0), "same metric and value");
        let two = vec![
            fig("未命名·件数", 12.0, "甲12件"),
            fig("未命名·件数", 12.0, "乙12件"),
        ];
        assert_eq!(key.find(&two), None, "two candidates: no guess");
        assert_eq!(key.find(&[fig("未命名·件数", 13.0, "受理申请13件")]), None);
    }
}
