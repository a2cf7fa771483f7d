//! The `draft_delivery` table: a draft's delivery fields (文号, 主送机关, 落款, 成文日期, 抄送…),
//! kept once per draft and used by both versions of its export. The store keeps them as the
//! JSON the caller gives (nianbao-draft's `DeliveryFields`): it never reads inside them.

use rusqlite::{OptionalExtension, params};

use crate::{Result, Store, StoreError, clock};

impl Store {
    /// The delivery fields stored for a draft (JSON), `None` when none were saved yet.
    pub fn draft_delivery(&self, draft_id: i64) -> Result<Option<String>> {
        self.get_draft(draft_id)?;
        Ok(self
            .conn
            .prepare_cached("SELECT fields_json FROM draft_delivery WHERE draft_id = ?1")?
            .query_row([draft_id], |r| r.get(0))
            .optional()?)
    }

    /// Keep a draft's delivery fields (JSON), replacing what was kept.
    pub fn set_draft_delivery(&self, draft_id: i64, fields_json: &str) -> Result<()> {
        let now = clock::now_ms();
        self.write(|tx| {
            let exists: Option<i64> = tx
                .query_row("SELECT id FROM drafts WHERE id = ?1", [draft_id], |r| {
                    r.get(0)
                })
                .optional()?;
            if exists.is_none() {
                return Err(StoreError::NotFound {
                    what: "草稿",
                    id: draft_id,
                });
            }
            tx.execute(
                "INSERT INTO draft_delivery (draft_id, fields_json, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(draft_id) DO UPDATE SET fields_json = ?2, saved_at = ?3",
                params![draft_id, fields_json, now],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn fields_are_kept_per_draft_replaced_and_dropped_with_the_draft() {
        let store = Store::open_in_memory().expect("store");
        let a = store
            .create_draft(None, 2025, "示例县2025年报告", "正文")
            .expect("draft a");
        let b = store
            .create_draft(None, 2025, "示例区2025年报告", "正文")
            .expect("draft b");
        assert_eq!(store.draft_delivery(a).expect("read"), None);
        store
            .set_draft_delivery(a, r#"{"doc_number":"示政发〔2026〕1号"}"#)
            .expect("save");
        store
            .set_draft_delivery(a, r#"{"doc_number":"示政发〔2026〕2号"}"#)
            .expect("replace");
        assert_eq!(
            store.draft_delivery(a).expect("read").as_deref(),
            Some(r#"{"doc_number":"示政发〔2026〕2号"}"#)
        );
        assert_eq!(store.draft_delivery(b).expect("read"), None, "per draft");
        assert_eq!(
            store
                .set_draft_delivery(999, "{}")
                .expect_err("no such draft")
                .code(),
            "store.not_found"
        );
        assert!(store.delete_draft(a).expect("delete"));
        let left: i64 = store
            .conn
            .query_row("SELECT COUNT(*) FROM draft_delivery", [], |r| r.get(0))
            .expect("count");
        assert_eq!(left, 0, "the fields go with their draft");
    }
}
