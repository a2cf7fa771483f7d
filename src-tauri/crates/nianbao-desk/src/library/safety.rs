//! The library kept safe, as the window uses it: opening it at start (a damaged file is moved
//! aside and what can be read is recovered — the drafter is told what happened, in Chinese),
//! listing the backups the store makes, and restoring one (the current library is copied aside
//! first). The work is nianbao-store's (`backup.rs`, `recover.rs`); this maps it for display.

use std::path::{Path, PathBuf};
use std::sync::PoisonError;

use nianbao_store::{BackupInfo, BackupKind, Damage, Store, StoreError};
use serde::Serialize;
use ts_rs::TS;

use super::Desk;
use crate::DeskError;

/// One copy of the library in the backup folder.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupItem {
    /// The file (what `restore_backup` is given back).
    pub path: String,
    /// `daily`, `before_migration` or `before_restore`.
    pub kind: String,
    /// The kind in Chinese (每日备份 …).
    pub label: String,
    /// `YYYY-MM-DD HH:MM` (UTC).
    pub date: String,
    /// Size in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// Drafts in the copy; null when it cannot be read.
    pub drafts: Option<u32>,
    /// Reports in the copy; null when it cannot be read.
    pub reports: Option<u32>,
}

impl From<&BackupInfo> for BackupItem {
    fn from(b: &BackupInfo) -> Self {
        let count = |n: Option<usize>| n.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        BackupItem {
            path: b.path.display().to_string(),
            kind: match b.kind {
                BackupKind::Daily => "daily",
                BackupKind::BeforeMigration => "before_migration",
                BackupKind::BeforeRestore => "before_restore",
            }
            .to_owned(),
            label: b.kind.label().to_owned(),
            date: b.date.clone(),
            size: b.size,
            drafts: count(b.drafts),
            reports: count(b.reports),
        }
    }
}

/// What happened to a damaged library when the app opened it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DamageNotice {
    /// The whole explanation in Chinese (where the file was kept, what came back, the backup).
    pub message: String,
    /// Where the damaged file was kept, unchanged.
    pub kept: String,
    /// Reports, drafts and versions recovered into the new library.
    pub reports: u32,
    pub drafts: u32,
    pub versions: u32,
    /// The newest backup, to offer restoring.
    pub latest_backup: Option<BackupItem>,
}

impl From<&Damage> for DamageNotice {
    fn from(d: &Damage) -> Self {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        DamageNotice {
            message: nianbao_store::recover::damage_message(d),
            kept: d.kept.display().to_string(),
            reports: count(d.reports),
            drafts: count(d.drafts),
            versions: count(d.versions),
            latest_backup: d.latest_backup.as_ref().map(BackupItem::from),
        }
    }
}

/// The library as the app found it at start.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryStart {
    /// The library file.
    pub path: String,
    /// The file cannot be written: reading works, saving does not.
    pub read_only: bool,
    /// Set when the library was found damaged and recovered.
    pub damage: Option<DamageNotice>,
}

/// A restore done.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreOutcome {
    /// The copy of the library as it was just before (nothing is lost by a restore).
    pub kept: BackupItem,
    /// What to tell the drafter.
    pub message: String,
}

impl Desk {
    /// The library file of this desk (its `--db`, else the default one).
    fn library_path(&self) -> Result<PathBuf, DeskError> {
        match &self.db {
            Some(path) => Ok(path.clone()),
            None => Ok(nianbao_store::default_db_path().ok_or(StoreError::NoDataDir)?),
        }
    }

    /// Open the library (the window calls this once, at start). A damaged library is moved
    /// aside, what can be read is recovered into a new one at the same place, and the returned
    /// [`LibraryStart::damage`] says so; the desk then works on the recovered library. A daily
    /// backup is made on opening when none was made today.
    pub fn start(&self) -> Result<LibraryStart, DeskError> {
        let damage = match self.with_store(|_| Ok(())) {
            Ok(()) => None,
            Err(DeskError::Store(StoreError::Damaged(damage))) => Some(damage),
            Err(e) => return Err(e),
        };
        let read_only = self.with_store(|s| Ok(s.is_read_only()))?;
        Ok(LibraryStart {
            path: self.library_path()?.display().to_string(),
            read_only,
            damage: damage.as_deref().map(DamageNotice::from),
        })
    }

    /// A daily copy of the library unless one was made today (the window asks now and then
    /// while it runs); `None` when none was due.
    pub fn backup_if_due(&self) -> Result<Option<BackupItem>, DeskError> {
        self.with_store(|s| Ok(s.backup_if_due()?.as_ref().map(BackupItem::from)))
    }

    /// Every backup of the library, newest first.
    pub fn backups(&self) -> Result<Vec<BackupItem>, DeskError> {
        let path = self.library_path()?;
        Ok(nianbao_store::list_backups(&path)?
            .iter()
            .map(BackupItem::from)
            .collect())
    }

    /// Restore one of the listed backups over the library, after copying the current library
    /// into the backup folder. Only a file the backup list names is accepted.
    pub fn restore_backup(&self, backup: &Path) -> Result<RestoreOutcome, DeskError> {
        let path = self.library_path()?;
        let listed = nianbao_store::list_backups(&path)?;
        let wanted = std::fs::canonicalize(backup).ok();
        let Some(chosen) = listed
            .iter()
            .find(|b| wanted.is_some() && std::fs::canonicalize(&b.path).ok() == wanted)
        else {
            return Err(StoreError::Backup(format!(
                "{} 不是本报告库的备份 (not a backup of this library)",
                backup.display()
            ))
            .into());
        };
        let kept = {
            let mut slot = self.store.lock().unwrap_or_else(PoisonError::into_inner);
            if slot.is_none() {
                *slot = Some(Store::open(&path)?);
            }
            match slot.as_mut() {
                Some(store) => store.restore_backup(&chosen.path)?,
                None => return Err(StoreError::NoDataDir.into()),
            }
        };
        // Reports read before the restore may not be in the restored library.
        self.reports
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        let drafts = chosen
            .drafts
            .map_or_else(|| "若干".to_owned(), |n| n.to_string());
        Ok(RestoreOutcome {
            message: format!(
                "已从 {} 的{}恢复报告库（{} 份草稿）。恢复前的报告库已另存为 {}。",
                chosen.date,
                chosen.kind.label(),
                drafts,
                kept.path.display()
            ),
            kept: BackupItem::from(&kept),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desk_with_a_draft(dir: &Path) -> (Desk, i64) {
        let desk = Desk::in_folder(dir);
        let overview = desk.overview().expect("the sample library opens");
        let draft = overview
            .drafts
            .first()
            .expect("the sample library has a draft")
            .id;
        (desk, draft)
    }

    #[test]
    fn start_makes_the_daily_backup_and_lists_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (desk, _) = desk_with_a_draft(dir.path());
        drop(desk);
        let desk = Desk::in_folder(dir.path());
        let start = desk.start().expect("starts");
        assert!(start.damage.is_none(), "a sound library is not damaged");
        assert!(!start.read_only);
        let backups = desk.backups().expect("lists");
        let daily = backups
            .iter()
            .find(|b| b.kind == "daily")
            .expect("a daily copy is made when the library opens");
        assert!(
            daily.size > 0 && daily.drafts.unwrap_or(0) >= 1,
            "{daily:?}"
        );
        assert_eq!(daily.label, "每日备份");
    }

    #[test]
    fn a_damaged_library_is_recovered_explained_and_restored_from_its_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (desk, draft) = desk_with_a_draft(dir.path());
        let text = desk.open_draft(draft).expect("opens").text;
        // Make sure a backup holding the draft exists, then close and damage the file.
        desk.close();
        drop(desk);
        let _ = Desk::in_folder(dir.path()).start().expect("start");
        let db = dir.path().join(nianbao_store::DB_FILE_NAME);
        for side in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{side}", db.display()));
        }
        std::fs::write(&db, vec![0x5a; 64 * 1024]).expect("garbage over the library");

        let desk = Desk::in_folder(dir.path());
        let start = desk.start().expect("the app still starts");
        let damage = start.damage.expect("the damage is told");
        assert!(damage.message.contains("已损坏"), "{}", damage.message);
        assert!(
            Path::new(&damage.kept).is_file(),
            "the damaged file is kept"
        );
        let latest = damage.latest_backup.expect("the latest backup is offered");
        // The desk works on the recovered (empty) library meanwhile.
        desk.overview().expect("the recovered library opens");

        let outcome = desk
            .restore_backup(Path::new(&latest.path))
            .expect("restores");
        assert!(outcome.message.contains("已从"), "{}", outcome.message);
        assert_eq!(outcome.kept.kind, "before_restore");
        assert_eq!(
            desk.open_draft(draft).expect("the draft is back").text,
            text,
            "the draft comes back from the backup"
        );
    }

    #[test]
    fn only_a_listed_backup_is_restored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (desk, _) = desk_with_a_draft(dir.path());
        let stray = dir.path().join("other.sqlite3");
        std::fs::write(&stray, b"x").expect("write");
        let err = desk.restore_backup(&stray).expect_err("refused");
        assert_eq!(err.code(), StoreError::Backup(String::new()).code());
    }
}
