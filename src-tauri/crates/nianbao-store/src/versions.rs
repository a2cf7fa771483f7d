//! The `draft_versions` table: the full text of every autosave of a draft, thinned by
//! [`crate::thinning`] as it ages.
//!
//! Autosave must stay cheap (< 5 ms for a 30,000-character text): one transaction that skips an
//! unchanged text, inserts the new one and deletes what the thinning rule lets go. A save that
//! returned `Ok` is committed (WAL): killing the process afterwards loses nothing.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::thinning::{ThinningRule, VersionStamp};
use crate::{Result, Store, StoreError, clock};

/// A version as listed (without its text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub id: i64,
    pub draft_id: i64,
    /// Unix milliseconds.
    pub saved_at: i64,
    /// A name the drafter gave it (`送审稿`); named versions are kept forever.
    pub name: Option<String>,
    /// Saved by hand rather than by autosave; kept forever.
    pub manual: bool,
    /// Length of the text in characters.
    pub chars: usize,
}

/// A version with its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub info: VersionInfo,
    pub text: String,
}

const INFO_COLUMNS: &str = "id, draft_id, saved_at, name, manual, length(text)";

fn info_from_row(r: &Row<'_>) -> rusqlite::Result<VersionInfo> {
    Ok(VersionInfo {
        id: r.get(0)?,
        draft_id: r.get(1)?,
        saved_at: r.get(2)?,
        name: r.get(3)?,
        manual: r.get(4)?,
        chars: usize::try_from(r.get::<_, i64>(5)?).unwrap_or(0),
    })
}

impl Store {
    /// Autosave: store `text` as the draft's newest version (unless it equals the newest already)
    /// and thin old versions. Returns the id of the version that holds `text`.
    pub fn save_version(&self, draft_id: i64, text: &str) -> Result<i64> {
        self.save_version_at(draft_id, text, clock::now_ms(), None)
    }

    /// Save by hand under a name (`送审稿`): always a new version, never thinned.
    pub fn save_named_version(&self, draft_id: i64, text: &str, name: &str) -> Result<i64> {
        self.save_version_at(draft_id, text, clock::now_ms(), Some(name))
    }

    /// [`Store::save_version`] at a given time (Unix ms): for tests of the thinning and for
    /// importing versions with their original times.
    pub fn save_version_at(
        &self,
        draft_id: i64,
        text: &str,
        now: i64,
        name: Option<&str>,
    ) -> Result<i64> {
        self.write(|tx| {
            let latest: Option<(i64, bool)> = tx
                .prepare_cached(
                    "SELECT id, text = ?2 FROM draft_versions WHERE draft_id = ?1
                     ORDER BY id DESC LIMIT 1",
                )?
                .query_row(params![draft_id, text], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match latest {
                Some((id, true)) if name.is_none() => return Ok(id),
                Some(_) => {}
                None => {
                    let exists = tx
                        .query_row("SELECT 1 FROM drafts WHERE id = ?1", [draft_id], |_| Ok(()))
                        .optional()?;
                    if exists.is_none() {
                        return Err(StoreError::NotFound {
                            what: "草稿",
                            id: draft_id,
                        });
                    }
                }
            }
            tx.prepare_cached(
                "INSERT INTO draft_versions (draft_id, saved_at, text, name, manual)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![draft_id, now, text, name, name.is_some()])?;
            let id = tx.last_insert_rowid();
            let stamps: Vec<VersionStamp> = tx
                .prepare_cached(
                    "SELECT id, saved_at, name IS NOT NULL OR manual FROM draft_versions
                     WHERE draft_id = ?1",
                )?
                .query_map([draft_id], |r| {
                    Ok(VersionStamp {
                        id: r.get(0)?,
                        saved_at: r.get(1)?,
                        pinned: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let doomed = ThinningRule::default().versions_to_delete(&stamps, now);
            if !doomed.is_empty() {
                let mut delete = tx.prepare_cached("DELETE FROM draft_versions WHERE id = ?1")?;
                for old in doomed {
                    delete.execute([old])?;
                }
            }
            Ok(id)
        })
    }

    /// Give a version a name; named versions are never thinned.
    pub fn name_version(&self, version_id: i64, name: &str) -> Result<()> {
        let n = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE draft_versions SET name = ?2 WHERE id = ?1",
                params![version_id, name],
            )?)
        })?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "版本",
                id: version_id,
            });
        }
        Ok(())
    }

    /// A draft's versions, newest first, without their text.
    pub fn list_versions(&self, draft_id: i64) -> Result<Vec<VersionInfo>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {INFO_COLUMNS} FROM draft_versions WHERE draft_id = ?1 ORDER BY id DESC"
        ))?;
        let rows = stmt.query_map([draft_id], info_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One version with its text.
    pub fn get_version(&self, version_id: i64) -> Result<Version> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {INFO_COLUMNS}, text FROM draft_versions WHERE id = ?1"
            ))?
            .query_row([version_id], |r| {
                Ok(Version {
                    info: info_from_row(r)?,
                    text: r.get(6)?,
                })
            })
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "版本",
                id: version_id,
            })
    }

    /// The newest text of a draft (what the editor opens).
    pub fn latest_draft_text(&self, draft_id: i64) -> Result<String> {
        self.conn
            .prepare_cached(
                "SELECT text FROM draft_versions WHERE draft_id = ?1 ORDER BY id DESC LIMIT 1",
            )?
            .query_row([draft_id], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "草稿",
                id: draft_id,
            })
    }
}
