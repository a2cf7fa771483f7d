//! The `dismissals` table: findings a drafter marked 不是错误 in one draft, so the next check of
//! that draft does not show them again, until the drafter takes the word back.
//!
//! A dismissal names its finding by a key (code, the words and a little of their context; see
//! `nianbao_desk`), never by line: lines move while the drafter writes. It belongs to its draft
//! and goes with it (`ON DELETE CASCADE`).

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::{Result, Store, clock};

/// One finding the drafter said is not an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissal {
    pub draft_id: i64,
    /// What names the finding across checks.
    pub key: String,
    /// For people, in the list of dismissed findings (`布署 → 部署`).
    pub label: String,
    /// Milliseconds since the epoch.
    pub dismissed_at: i64,
}

impl Store {
    /// Keep the drafter's 不是错误 about a finding of a draft. Saying it again only renews the
    /// label; there is one row per draft and key.
    pub fn dismiss_finding(&self, draft_id: i64, key: &str, label: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO dismissals (draft_id, key, label, dismissed_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (draft_id, key) DO UPDATE SET label = excluded.label",
                params![draft_id, key, label, clock::now_ms()],
            )?;
            Ok(())
        })
    }

    /// Take a dismissal back: the finding shows again. True when there was one.
    pub fn restore_finding(&self, draft_id: i64, key: &str) -> Result<bool> {
        self.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM dismissals WHERE draft_id = ?1 AND key = ?2",
                params![draft_id, key],
            )? > 0)
        })
    }

    /// Every dismissal of a draft, oldest first.
    pub fn dismissals(&self, draft_id: i64) -> Result<Vec<Dismissal>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT draft_id, key, label, dismissed_at FROM dismissals
             WHERE draft_id = ?1 ORDER BY dismissed_at, rowid",
        )?;
        let rows = stmt.query_map([draft_id], |r| {
            Ok(Dismissal {
                draft_id: r.get(0)?,
                key: r.get(1)?,
                label: r.get(2)?,
                dismissed_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_with_drafts() -> (Store, i64, i64) {
        let store = Store::open_in_memory().expect("in-memory store");
        let a = store
            .create_draft(None, 2024, "示例市草稿", "正文")
            .expect("draft a");
        let b = store
            .create_draft(None, 2024, "示例区草稿", "正文")
            .expect("draft b");
        (store, a, b)
    }

    #[test]
    fn a_dismissal_is_kept_per_draft_and_can_be_taken_back() {
        let (store, a, b) = store_with_drafts();
        store
            .dismiss_finding(a, "proof.typo|布署|认真布署工作", "布署 → 部署")
            .expect("dismiss");
        let kept = store.dismissals(a).expect("list");
        assert_eq!(kept.len(), 1, "the dismissal is kept for its draft");
        assert_eq!(kept[0].label, "布署 → 部署");
        assert!(
            store.dismissals(b).expect("list").is_empty(),
            "another draft still sees the finding"
        );
        assert!(store.restore_finding(a, &kept[0].key).expect("restore"));
        assert!(
            store.dismissals(a).expect("list").is_empty(),
            "taken back: the finding shows again"
        );
        assert!(
            !store.restore_finding(a, &kept[0].key).expect("restore"),
            "nothing left to take back"
        );
    }

    #[test]
    fn dismissing_twice_keeps_one_row() {
        let (store, a, _) = store_with_drafts();
        store.dismiss_finding(a, "k", "旧").expect("dismiss");
        store.dismiss_finding(a, "k", "新").expect("dismiss again");
        let kept = store.dismissals(a).expect("list");
        assert_eq!(kept.len(), 1, "one row per draft and key");
        assert_eq!(kept[0].label, "新");
    }

    #[test]
    fn a_deleted_draft_takes_its_dismissals_with_it() {
        let (store, a, _) = store_with_drafts();
        store.dismiss_finding(a, "k", "标签").expect("dismiss");
        assert!(store.delete_draft(a).expect("delete"));
        assert!(
            store.dismissals(a).expect("list").is_empty(),
            "no dismissal outlives its draft"
        );
    }

    #[test]
    fn dismissals_survive_reopening_the_library() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("library.sqlite3");
        let draft = {
            let store = Store::open(&path).expect("open");
            let draft = store
                .create_draft(None, 2024, "草稿", "正文")
                .expect("draft");
            store.dismiss_finding(draft, "k", "标签").expect("dismiss");
            draft
        };
        let store = Store::open(&path).expect("reopen");
        assert_eq!(
            store.dismissals(draft).expect("list").len(),
            1,
            "a dismissal is kept in the library file, not in memory"
        );
    }
}
