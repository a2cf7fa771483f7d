//! The `figure_links` table: the drafter's word on which figure of this year is which of last
//! year's, kept per government and pair of years and used by every later check.
//!
//! A link names its figures by [`FigureKey`] (metric, value, unit, clause hash), never by row id:
//! a re-import of either report (new rows, new ids) finds the same figures again.

use nianbao_check::{FigureKey, FigureLink, LinkKind};
use rusqlite::{Row, params};
use serde::{Deserialize, Serialize};

use crate::{Result, Store, clock};

/// A stored link with where it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredLink {
    pub id: i64,
    pub government: String,
    pub this_year: i32,
    pub last_year: i32,
    pub link: FigureLink,
}

fn key_params(k: Option<&FigureKey>) -> (Option<&str>, Option<f64>, Option<&str>, Option<&str>) {
    (
        k.map(|k| k.metric.as_str()),
        k.map(|k| k.value),
        k.map(|k| k.unit.as_str()),
        k.map(|k| k.clause.as_str()),
    )
}

fn key_at(r: &Row<'_>, at: usize) -> rusqlite::Result<Option<FigureKey>> {
    let metric: Option<String> = r.get(at)?;
    let value: Option<f64> = r.get(at + 1)?;
    let unit: Option<String> = r.get(at + 2)?;
    let clause: Option<String> = r.get(at + 3)?;
    Ok(match (metric, value, unit, clause) {
        (Some(metric), Some(value), Some(unit), Some(clause)) => Some(FigureKey {
            metric,
            value,
            unit,
            clause,
        }),
        _ => None,
    })
}

fn same_key(a: Option<&FigureKey>, b: Option<&FigureKey>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.metric == b.metric
                && a.unit == b.unit
                && a.clause == b.clause
                && (a.value - b.value).abs() < 1e-9
        }
        (None, None) => true,
        _ => false,
    }
}

const SELECT: &str = "SELECT id, government, this_year, last_year, kind,
        this_metric, this_value, this_unit, this_clause,
        last_metric, last_value, last_unit, last_clause
    FROM figure_links";

fn stored(r: &Row<'_>) -> rusqlite::Result<Option<StoredLink>> {
    let kind: String = r.get(4)?;
    let Some(kind) = LinkKind::from_key(&kind) else {
        return Ok(None);
    };
    Ok(Some(StoredLink {
        id: r.get(0)?,
        government: r.get(1)?,
        this_year: r.get(2)?,
        last_year: r.get(3)?,
        link: FigureLink {
            kind,
            this: key_at(r, 5)?,
            last: key_at(r, 9)?,
        },
    }))
}

impl Store {
    /// Keep a link of the drafter's. A figure has one word at a time: a new `same` or
    /// `not_comparable` about a figure replaces the earlier `same`/`not_comparable` about it
    /// (and a `same` lifts a `not_same` about the very same pair). Returns the link's id.
    pub fn set_figure_link(
        &self,
        government: &str,
        this_year: i32,
        last_year: i32,
        link: &FigureLink,
    ) -> Result<i64> {
        let existing = self.stored_links(government, this_year, last_year)?;
        let replaced: Vec<i64> = existing
            .iter()
            .filter(|s| {
                let l = &s.link;
                let same_pair = same_key(l.this.as_ref(), link.this.as_ref())
                    && same_key(l.last.as_ref(), link.last.as_ref());
                let about_this =
                    link.this.is_some() && same_key(l.this.as_ref(), link.this.as_ref());
                let about_last =
                    link.last.is_some() && same_key(l.last.as_ref(), link.last.as_ref());
                match link.kind {
                    LinkKind::NotSame => same_pair,
                    LinkKind::Same => {
                        same_pair || (l.kind != LinkKind::NotSame && (about_this || about_last))
                    }
                    LinkKind::NotComparable => {
                        l.kind != LinkKind::NotSame && (about_this || about_last)
                    }
                }
            })
            .map(|s| s.id)
            .collect();
        let (tm, tv, tu, tc) = key_params(link.this.as_ref());
        let (lm, lv, lu, lc) = key_params(link.last.as_ref());
        self.write(|tx| {
            for id in &replaced {
                tx.execute("DELETE FROM figure_links WHERE id = ?1", [id])?;
            }
            tx.execute(
                "INSERT INTO figure_links (government, this_year, last_year, kind,
                    this_metric, this_value, this_unit, this_clause,
                    last_metric, last_value, last_unit, last_clause, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    government,
                    this_year,
                    last_year,
                    link.kind.key(),
                    tm,
                    tv,
                    tu,
                    tc,
                    lm,
                    lv,
                    lu,
                    lc,
                    clock::now_ms()
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Forget a link (the drafter took it back). True when there was one.
    pub fn remove_figure_link(&self, id: i64) -> Result<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM figure_links WHERE id = ?1", [id])? > 0))
    }

    /// The links of a government between two years, oldest first, with their ids.
    pub fn stored_links(
        &self,
        government: &str,
        this_year: i32,
        last_year: i32,
    ) -> Result<Vec<StoredLink>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE government = ?1 AND this_year = ?2 AND last_year = ?3 ORDER BY id"
        ))?;
        let rows = stmt.query_map(params![government, this_year, last_year], stored)?;
        let mut out = Vec::new();
        for row in rows {
            if let Some(s) = row? {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// The links the checker takes for this year against last year.
    pub fn figure_links(
        &self,
        government: &str,
        this_year: i32,
        last_year: i32,
    ) -> Result<Vec<FigureLink>> {
        Ok(self
            .stored_links(government, this_year, last_year)?
            .into_iter()
            .map(|s| s.link)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(metric: &str, value: f64, clause: &str) -> FigureKey {
        FigureKey {
            metric: metric.into(),
            value,
            unit: "件".into(),
            clause: nianbao_check::figures::clause_hash(clause),
        }
    }

    #[test]
    fn links_are_kept_per_government_and_years_and_a_new_word_replaces_the_old() {
        let store = Store::open_in_memory().expect("open");
        let a = key("未命名·件数", 15.0, "演出15场");
        let b = key("未命名·件数", 12.0, "演出12场");
        let c = key("未命名·件数", 300.0, "活动300场");
        let same = FigureLink {
            kind: LinkKind::Same,
            this: Some(a.clone()),
            last: Some(b.clone()),
        };
        store
            .set_figure_link("示例市", 2024, 2023, &same)
            .expect("set");
        assert_eq!(
            store.figure_links("示例市", 2024, 2023).expect("read"),
            vec![same]
        );
        assert!(
            store
                .figure_links("示例区", 2024, 2023)
                .expect("read")
                .is_empty()
        );
        assert!(
            store
                .figure_links("示例市", 2023, 2022)
                .expect("read")
                .is_empty()
        );
        // The drafter changes their mind: 15 is last year's 300, then not comparable at all.
        let other = FigureLink {
            kind: LinkKind::Same,
            this: Some(a.clone()),
            last: Some(c.clone()),
        };
        store
            .set_figure_link("示例市", 2024, 2023, &other)
            .expect("set");
        assert_eq!(
            store.figure_links("示例市", 2024, 2023).expect("read"),
            vec![other]
        );
        let apart = FigureLink {
            kind: LinkKind::NotComparable,
            this: Some(a.clone()),
            last: None,
        };
        store
            .set_figure_link("示例市", 2024, 2023, &apart)
            .expect("set");
        let stored = store.stored_links("示例市", 2024, 2023).expect("read");
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].link, apart);
        assert!(store.remove_figure_link(stored[0].id).expect("remove"));
        assert!(
            store
                .figure_links("示例市", 2024, 2023)
                .expect("read")
                .is_empty()
        );
    }

    #[test]
    fn links_survive_reopening_the_library() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("library.db");
        let link = FigureLink {
            kind: LinkKind::NotSame,
            this: Some(key("行政复议·受理", 130.0, "受理申请130件")),
            last: Some(key("行政复议·受理", 120.0, "受理申请120件")),
        };
        {
            let store = Store::open(&path).expect("open");
            store
                .set_figure_link("示例市", 2024, 2023, &link)
                .expect("set");
        }
        let store = Store::open(&path).expect("reopen");
        assert_eq!(
            store.figure_links("示例市", 2024, 2023).expect("read"),
            vec![link]
        );
    }
}
