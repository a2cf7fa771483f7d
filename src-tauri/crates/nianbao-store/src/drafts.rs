//! The `drafts` table: this year's report being written, which report it follows, its year and
//! title. The text lives in its versions ([`crate::versions`]); a draft always has at least one.
//!
//! Deleting a draft deletes its versions; deleting the report it follows only unlinks it.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::{Result, Store, StoreError, clock};

/// One draft as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: i64,
    /// The report it was drafted from (`None` if written from scratch or that report was deleted).
    pub from_report: Option<i64>,
    pub year: i32,
    pub title: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// When its newest version was saved.
    pub updated_at: i64,
}

fn draft_from_row(r: &Row<'_>) -> rusqlite::Result<DraftSummary> {
    Ok(DraftSummary {
        id: r.get(0)?,
        from_report: r.get(1)?,
        year: r.get(2)?,
        title: r.get(3)?,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
    })
}

const DRAFT_SELECT: &str = "SELECT d.id, d.from_report, d.year, d.title, d.created_at,
    COALESCE((SELECT MAX(v.saved_at) FROM draft_versions v WHERE v.draft_id = d.id),
             d.created_at)
    FROM drafts d";

impl Store {
    /// Start a draft with its first version; returns the draft's id.
    pub fn create_draft(
        &self,
        from_report: Option<i64>,
        year: i32,
        title: &str,
        text: &str,
    ) -> Result<i64> {
        let now = clock::now_ms();
        self.write(|tx| {
            if let Some(report) = from_report {
                let exists: Option<i64> = tx
                    .query_row("SELECT id FROM reports WHERE id = ?1", [report], |r| {
                        r.get(0)
                    })
                    .optional()?;
                if exists.is_none() {
                    return Err(StoreError::NotFound {
                        what: "报告",
                        id: report,
                    });
                }
            }
            tx.execute(
                "INSERT INTO drafts (from_report, year, title, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![from_report, year, title, now],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO draft_versions (draft_id, saved_at, text) VALUES (?1, ?2, ?3)",
                params![id, now, text],
            )?;
            Ok(id)
        })
    }

    /// Every draft, most recently edited first.
    pub fn list_drafts(&self) -> Result<Vec<DraftSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{DRAFT_SELECT} ORDER BY 6 DESC, d.id DESC"))?;
        let rows = stmt.query_map([], draft_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn get_draft(&self, id: i64) -> Result<DraftSummary> {
        self.conn
            .prepare_cached(&format!("{DRAFT_SELECT} WHERE d.id = ?1"))?
            .query_row([id], draft_from_row)
            .optional()?
            .ok_or(StoreError::NotFound { what: "草稿", id })
    }

    /// Rename a draft or change its year.
    pub fn update_draft(&self, id: i64, year: i32, title: &str) -> Result<()> {
        let n = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE drafts SET year = ?2, title = ?3 WHERE id = ?1",
                params![id, year, title],
            )?)
        })?;
        if n == 0 {
            return Err(StoreError::NotFound { what: "草稿", id });
        }
        Ok(())
    }

    /// Delete a draft and all its versions. Returns false if there was no such draft.
    pub fn delete_draft(&self, id: i64) -> Result<bool> {
        let n = self.write(|tx| Ok(tx.execute("DELETE FROM drafts WHERE id = ?1", [id])?))?;
        Ok(n > 0)
    }
}
