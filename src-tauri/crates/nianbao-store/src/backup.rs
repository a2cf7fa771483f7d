//! Copies of the library in `<data folder>/backups/`: one a day while the library is used, one
//! before every migration and one of the current library before a restore. SQLite makes each copy
//! from a consistent snapshot (`VACUUM INTO`) while other connections keep working; a copy is
//! written under a temporary name and renamed, so a listed backup is always complete.
//!
//! Kept: the newest copy of each of the last 7 days that have one, then the newest of each of
//! the 4 weeks before those; the last 3 copies made before a migration and the last 5 made
//! before a restore. File names carry the time (UTC) and the kind:
//! `library-20261205-164901-daily.sqlite3`.

use std::path::{Path, PathBuf};

use rusqlite::{OpenFlags, backup::Backup};
use serde::{Deserialize, Serialize};

use crate::{Result, Store, StoreError, clock, schema};

/// The folder of the backups, beside the library file.
pub const BACKUP_DIR: &str = "backups";

const DAY_MS: i64 = 86_400_000;
const DAILY_KEPT: usize = 7;
const WEEKLY_KEPT: usize = 4;
const BEFORE_MIGRATION_KEPT: usize = 3;
const BEFORE_RESTORE_KEPT: usize = 5;

/// Why a copy was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The copy of the day.
    Daily,
    /// Made just before the library's schema was upgraded.
    BeforeMigration,
    /// The library as it was just before a backup was restored over it.
    BeforeRestore,
}

impl BackupKind {
    fn key(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::BeforeMigration => "before-migration",
            BackupKind::BeforeRestore => "before-restore",
        }
    }

    fn from_key(key: &str) -> Option<BackupKind> {
        [
            BackupKind::Daily,
            BackupKind::BeforeMigration,
            BackupKind::BeforeRestore,
        ]
        .into_iter()
        .find(|k| k.key() == key)
    }

    /// How the window names it.
    pub fn label(self) -> &'static str {
        match self {
            BackupKind::Daily => "每日备份",
            BackupKind::BeforeMigration => "升级前备份",
            BackupKind::BeforeRestore => "恢复前的报告库",
        }
    }
}

/// One backup as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub kind: BackupKind,
    /// When it was made, Unix milliseconds (from its name).
    pub created_at: i64,
    /// `YYYY-MM-DD HH:MM` (UTC) for display.
    pub date: String,
    /// Size in bytes.
    pub size: u64,
    /// Drafts in it (`None` when the copy cannot be read).
    pub drafts: Option<usize>,
    /// Reports in it.
    pub reports: Option<usize>,
}

/// The backup folder of the library at `db_path`.
pub fn backup_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUP_DIR)
}

/// Every backup of the library at `db_path`, newest first (an absent folder: none).
pub fn list_backups(db_path: &Path) -> Result<Vec<BackupInfo>> {
    let mut backups: Vec<BackupInfo> = scan(&backup_dir(db_path))?
        .into_iter()
        .map(|(path, kind, created_at)| {
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            let (drafts, reports) = count_rows(&path);
            BackupInfo {
                date: format_date(created_at),
                path,
                kind,
                created_at,
                size,
                drafts,
                reports,
            }
        })
        .collect();
    backups.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.path.cmp(&a.path)));
    Ok(backups)
}

/// Open the library at `db_path` and restore `backup` over it (see [`Store::restore_backup`]):
/// for a window that offers the latest backup after the library was found damaged.
pub fn restore_backup(db_path: &Path, backup: &Path) -> Result<BackupInfo> {
    let mut store = Store::open(db_path)?;
    store.restore_backup(backup)
}

impl Store {
    /// Make today's copy unless there is one (or the library is empty, or in memory, or
    /// read-only), then let old copies go. Returns the copy made.
    pub fn backup_if_due(&self) -> Result<Option<BackupInfo>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        if self.read_only {
            return Ok(None);
        }
        let empty: bool = self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM drafts) AND NOT EXISTS (SELECT 1 FROM reports)",
            [],
            |r| r.get(0),
        )?;
        if empty {
            return Ok(None);
        }
        let today = clock::now_ms().div_euclid(DAY_MS);
        let done_today = scan(&backup_dir(path))?
            .iter()
            .any(|(_, kind, at)| *kind == BackupKind::Daily && at.div_euclid(DAY_MS) == today);
        if done_today {
            return Ok(None);
        }
        self.backup_now(BackupKind::Daily).map(Some)
    }

    /// Copy the library now into the backup folder, then let old copies go.
    pub fn backup_now(&self, kind: BackupKind) -> Result<BackupInfo> {
        let Some(path) = &self.path else {
            return Err(StoreError::Backup(
                "内存中的报告库没有备份 (an in-memory library)".into(),
            ));
        };
        let dir = backup_dir(path);
        std::fs::create_dir_all(&dir).map_err(|e| {
            StoreError::Backup(format!("无法创建备份文件夹 {}：{e}", dir.display()))
        })?;
        let now = clock::now_ms();
        let mut target = dir.join(file_name(now, kind, 0));
        for n in 1.. {
            if !target.exists() {
                break;
            }
            target = dir.join(file_name(now, kind, n));
        }
        let partial = target.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let partial_str = partial.to_str().ok_or_else(|| {
            StoreError::Backup(format!("备份路径无法使用：{}", partial.display()))
        })?;
        let copied = self.conn.execute("VACUUM INTO ?1", [partial_str]);
        if let Err(e) = copied {
            let _ = std::fs::remove_file(&partial);
            return Err(StoreError::from(e));
        }
        std::fs::rename(&partial, &target)
            .map_err(|e| StoreError::Backup(format!("无法完成备份 {}：{e}", target.display())))?;
        prune(&dir, now)?;
        let size = std::fs::metadata(&target).map_or(0, |m| m.len());
        let (drafts, reports) = count_rows(&target);
        Ok(BackupInfo {
            path: target,
            kind,
            created_at: now,
            date: format_date(now),
            size,
            drafts,
            reports,
        })
    }

    /// Replace the library's content by `backup`'s, after checking the backup is a readable
    /// library of this or an older version, and after copying the current library into the
    /// backup folder ([`BackupKind::BeforeRestore`], returned: nothing is ever lost by a
    /// restore). SQLite's online backup writes the pages under its locks, so other windows or
    /// commands on the same library see either the old content or the restored one.
    pub fn restore_backup(&mut self, backup: &Path) -> Result<BackupInfo> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let source = rusqlite::Connection::open_with_flags(backup, flags)
            .map_err(|e| StoreError::Backup(format!("无法打开备份 {}：{e}", backup.display())))?;
        let version: usize = source
            .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
            .map(|v| usize::try_from(v).unwrap_or(0))
            .map_err(|e| StoreError::Backup(format!("{} 不是报告库备份：{e}", backup.display())))?;
        if version == 0 || version > schema::latest_version() {
            return Err(StoreError::Backup(format!(
                "{} 不是本程序能用的报告库备份（版本 {version}）",
                backup.display()
            )));
        }
        let check: String = source
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|e| StoreError::Backup(format!("备份 {} 已损坏：{e}", backup.display())))?;
        if check != "ok" {
            return Err(StoreError::Backup(format!(
                "备份 {} 已损坏：{check}",
                backup.display()
            )));
        }
        let kept = self.backup_now(BackupKind::BeforeRestore)?;
        {
            let copy = Backup::new(&source, &mut self.conn)?;
            copy.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        }
        self.migrate()?;
        self.index_missing_reports()?;
        Ok(kept)
    }
}

/// `YYYYMMDD-HHMMSS` (UTC): how file names carry a time.
pub(crate) fn stamp(at_ms: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(at_ms);
    format!("{y:04}{mo:02}{d:02}-{h:02}{mi:02}{s:02}")
}

/// `library-YYYYMMDD-HHMMSS-<kind>[-n].sqlite3`.
fn file_name(at_ms: i64, kind: BackupKind, n: u32) -> String {
    let suffix = if n == 0 {
        String::new()
    } else {
        format!("-{n}")
    };
    format!("library-{}-{}{suffix}.sqlite3", stamp(at_ms), kind.key())
}

/// The time and kind a backup's name says; `None` for any other file.
fn parse_name(name: &str) -> Option<(BackupKind, i64)> {
    let rest = name.strip_prefix("library-")?.strip_suffix(".sqlite3")?;
    let (date, rest) = rest.split_once('-')?;
    let (time, kind) = rest.split_once('-')?;
    let kind = kind
        .rsplit_once('-')
        .filter(|(_, n)| n.chars().all(|c| c.is_ascii_digit()))
        .map_or(kind, |(k, _)| k);
    let kind = BackupKind::from_key(kind)?;
    if date.len() != 8 || time.len() != 6 {
        return None;
    }
    let num = |s: &str| s.parse::<i64>().ok();
    let (y, mo, d) = (num(&date[..4])?, num(&date[4..6])?, num(&date[6..])?);
    let (h, mi, s) = (num(&time[..2])?, num(&time[2..4])?, num(&time[4..])?);
    let days = days_from_civil(y, mo, d);
    Some((kind, (days * 86_400 + h * 3600 + mi * 60 + s) * 1000))
}

/// The backups in `dir` with their kind and time (an absent folder: none).
fn scan(dir: &Path) -> Result<Vec<(PathBuf, BackupKind, i64)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(StoreError::Backup(format!(
                "无法读取备份文件夹 {}：{e}",
                dir.display()
            )));
        }
    };
    Ok(entries
        .filter_map(std::result::Result::ok)
        .filter_map(|e| {
            let name = e.file_name();
            let (kind, at) = parse_name(name.to_str()?)?;
            Some((e.path(), kind, at))
        })
        .collect())
}

/// Delete the copies the retention rule lets go.
fn prune(dir: &Path, now: i64) -> Result<()> {
    let backups = scan(dir)?;
    let stamps: Vec<(BackupKind, i64)> = backups.iter().map(|(_, k, at)| (*k, *at)).collect();
    for i in doomed(&stamps, now) {
        let _ = std::fs::remove_file(&backups[i].0);
    }
    Ok(())
}

/// Indexes of the copies to delete: of the daily ones all but the newest of each of the last
/// [`DAILY_KEPT`] days and then of each of the [`WEEKLY_KEPT`] weeks before; of the others all
/// but the newest few. Copies dated in the future (a clock set back) are kept.
fn doomed(backups: &[(BackupKind, i64)], now: i64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..backups.len()).collect();
    order.sort_by(|&a, &b| backups[b].1.cmp(&backups[a].1));
    let mut kept = vec![false; backups.len()];
    let mut days: Vec<i64> = Vec::new();
    let mut weeks: Vec<i64> = Vec::new();
    let mut migrations = 0;
    let mut restores = 0;
    for &i in &order {
        let (kind, at) = backups[i];
        if at > now {
            kept[i] = true;
            continue;
        }
        kept[i] = match kind {
            BackupKind::BeforeMigration => {
                migrations += 1;
                migrations <= BEFORE_MIGRATION_KEPT
            }
            BackupKind::BeforeRestore => {
                restores += 1;
                restores <= BEFORE_RESTORE_KEPT
            }
            BackupKind::Daily => {
                let day = at.div_euclid(DAY_MS);
                // Weeks from Monday (1970-01-01 was a Thursday).
                let week = (day + 3).div_euclid(7);
                if days.contains(&day) {
                    false
                } else if days.len() < DAILY_KEPT {
                    days.push(day);
                    true
                } else if weeks.contains(&week)
                    || days.iter().any(|d| (d + 3).div_euclid(7) == week)
                {
                    false
                } else if weeks.len() < WEEKLY_KEPT {
                    weeks.push(week);
                    true
                } else {
                    false
                }
            }
        };
    }
    (0..backups.len()).filter(|&i| !kept[i]).collect()
}

/// Drafts and reports in a backup file (read-only; `None` when it cannot be read).
fn count_rows(path: &Path) -> (Option<usize>, Option<usize>) {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let Ok(conn) = rusqlite::Connection::open_with_flags(path, flags) else {
        return (None, None);
    };
    let count = |table: &str| {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .ok()
        .and_then(|n| usize::try_from(n).ok())
    };
    (count("drafts"), count("reports"))
}

/// `YYYY-MM-DD HH:MM` (UTC).
fn format_date(at_ms: i64) -> String {
    let (y, mo, d, h, mi, _) = civil(at_ms);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
}

/// Year, month, day, hour, minute, second (UTC) of a Unix time in milliseconds.
fn civil(at_ms: i64) -> (i64, i64, i64, i64, i64, i64) {
    let secs = at_ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Days to a civil date in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Days since 1970-01-01 of a civil date (the inverse of [`civil`]'s date part).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_to_the_second() {
        let at = 1_796_485_741_000; // 2026-12-05 15:49:01 UTC
        for kind in [
            BackupKind::Daily,
            BackupKind::BeforeMigration,
            BackupKind::BeforeRestore,
        ] {
            for n in [0, 3] {
                let name = file_name(at, kind, n);
                assert_eq!(parse_name(&name), Some((kind, at)), "{name}");
            }
        }
        assert_eq!(format_date(at), "2026-12-05 15:49");
        assert_eq!(parse_name("library.sqlite3"), None);
        assert_eq!(parse_name("library-20261205-162901-weekly.sqlite3"), None);
    }

    #[test]
    fn calendar_is_right_across_leap_years() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 12, 31), (2100, 3, 1)] {
            let days = days_from_civil(y, m, d);
            let (cy, cm, cd, ..) = civil(days * DAY_MS);
            assert_eq!((cy, cm, cd), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(
            days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28),
            2
        );
    }

    #[test]
    fn seven_days_and_four_weeks_are_kept() {
        let now = 400 * DAY_MS + DAY_MS / 2;
        // Three copies a day for 60 days.
        let backups: Vec<(BackupKind, i64)> = (0..60)
            .flat_map(|day| {
                (0..3).map(move |k| (BackupKind::Daily, now - day * DAY_MS - k * 3_600_000))
            })
            .collect();
        let gone = doomed(&backups, now);
        let kept: Vec<i64> = (0..backups.len())
            .filter(|i| !gone.contains(i))
            .map(|i| backups[i].1)
            .collect();
        assert_eq!(kept.len(), DAILY_KEPT + WEEKLY_KEPT, "{kept:?}");
        for day in 0..7 {
            assert!(
                kept.contains(&(now - day * DAY_MS)),
                "the newest copy of day -{day}"
            );
        }
        let oldest = kept.iter().min().copied().unwrap_or(now);
        assert!(
            now - oldest >= 4 * 7 * DAY_MS,
            "weekly copies reach a month back: {} days",
            (now - oldest) / DAY_MS
        );
        let again: Vec<(BackupKind, i64)> =
            kept.iter().map(|&at| (BackupKind::Daily, at)).collect();
        assert!(
            doomed(&again, now).is_empty(),
            "pruning twice deletes nothing more"
        );
    }

    #[test]
    fn copies_before_a_migration_or_restore_are_kept_apart() {
        let now = 100 * DAY_MS;
        let mut backups = vec![(BackupKind::Daily, now)];
        backups.extend((0..5).map(|i| (BackupKind::BeforeMigration, now - i * DAY_MS)));
        backups.extend((0..7).map(|i| (BackupKind::BeforeRestore, now - i * DAY_MS)));
        backups.push((BackupKind::Daily, now + DAY_MS));
        let gone = doomed(&backups, now);
        assert_eq!(gone.len(), 2 + 2, "{gone:?}");
        assert!(!gone.contains(&0) && !gone.contains(&(backups.len() - 1)));
    }
}
