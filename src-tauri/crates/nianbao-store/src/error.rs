//! The store's one error type. Every variant has a stable `code()` the UI and the CLI switch on;
//! messages are Chinese first, English in brackets. Never carries the user's text in a message.

/// Anything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("无法打开报告库 {path} (cannot open the library): {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("无法创建数据文件夹 {path} (cannot create the data folder): {reason}")]
    DataDir { path: String, reason: String },
    #[error("找不到数据文件夹，请设置 NIANBAO_DATA_DIR 或使用 --db (no data folder found)")]
    NoDataDir,
    #[error("报告库升级失败 (library migration failed): {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("数据库错误 (database error): {0}")]
    Sqlite(rusqlite::Error),
    #[error("未找到{what} #{id} (not found)")]
    NotFound { what: &'static str, id: i64 },
    #[error("报告库中的数据已损坏 (stored data is corrupt): {0}")]
    Corrupt(String),
    #[error(
        "报告库正被另一个窗口或命令占用，等待后仍未能写入，请稍后再试 (the library is busy: another writer held it too long)"
    )]
    Busy,
    #[error(
        "无法写入报告库：磁盘已满或文件大小受限。编辑中的文字未丢失，请腾出空间后再保存 (disk full: nothing was written; free some space and save again)"
    )]
    DiskFull,
    #[error("报告库是只读的，只能查看和搜索，不能修改 (the library is read-only)")]
    ReadOnly,
    #[error(
        "报告库 {path} 由更新版本的年报助手创建（库版本 {found}，本程序只认得到 {supported}），请升级年报助手后再打开；文件未作任何改动 (made by a newer version of 年报助手)"
    )]
    NewerVersion {
        path: String,
        found: usize,
        supported: usize,
    },
    #[error("报告库路径 {path} 不是普通文件 (the library path is not a regular file)")]
    NotAFile { path: String },
    #[error("{}", crate::recover::damage_message(.0))]
    Damaged(Box<crate::recover::Damage>),
    #[error("备份失败 (backup failed): {0}")]
    Backup(String),
}

impl From<rusqlite::Error> for StoreError {
    /// SQLite's failures that a drafter must be told apart get their own variant: a busy
    /// library, a full disk, a read-only file and a damaged file.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                StoreError::Corrupt(e.to_string())
            }
            // A write refused by the operating system (a file-size limit, a quota) is a full
            // disk for the drafter: the same advice applies.
            Some(ErrorCode::SystemIoFailure) if is_write_failure(&e) => StoreError::DiskFull,
            _ => StoreError::Sqlite(e),
        }
    }
}

/// SQLITE_IOERR_WRITE / _FSYNC / _TRUNCATE: the OS refused to write (EFBIG under a file-size
/// limit, EDQUOT) rather than the disk failing to read.
fn is_write_failure(e: &rusqlite::Error) -> bool {
    const IOERR_WRITE: i32 = 10 | (3 << 8);
    const IOERR_FSYNC: i32 = 10 | (4 << 8);
    const IOERR_TRUNCATE: i32 = 10 | (6 << 8);
    const IOERR_SHMSIZE: i32 = 10 | (19 << 8);
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.extended_code, IOERR_WRITE | IOERR_FSYNC | IOERR_TRUNCATE | IOERR_SHMSIZE)
    )
}

impl StoreError {
    /// A stable machine-readable code (`store.not_found`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Open { .. } => "store.open",
            StoreError::DataDir { .. } => "store.data_dir",
            StoreError::NoDataDir => "store.no_data_dir",
            StoreError::Migration(_) => "store.migration",
            StoreError::Sqlite(_) => "store.sqlite",
            StoreError::NotFound { .. } => "store.not_found",
            StoreError::Corrupt(_) => "store.corrupt",
            StoreError::Busy => "store.busy",
            StoreError::DiskFull => "store.disk_full",
            StoreError::ReadOnly => "store.read_only",
            StoreError::NewerVersion { .. } => "store.newer_version",
            StoreError::NotAFile { .. } => "store.not_a_file",
            StoreError::Damaged(_) => "store.damaged",
            StoreError::Backup(_) => "store.backup",
        }
    }

    /// Whether a whole transaction may be tried again (another writer held the lock).
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Busy)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_namespaced_by_the_crate() {
        let errors = [
            StoreError::NoDataDir,
            StoreError::NotFound {
                what: "报告",
                id: 1,
            },
            StoreError::Corrupt("x".into()),
            StoreError::Sqlite(rusqlite::Error::InvalidQuery),
        ];
        for e in errors {
            assert!(
                e.code().starts_with("store."),
                "codes are routed by crate prefix: {}",
                e.code()
            );
        }
    }

    #[test]
    fn not_found_message_is_chinese_first() {
        let msg = StoreError::NotFound {
            what: "草稿",
            id: 7,
        }
        .to_string();
        assert!(
            msg.starts_with("未找到草稿 #7"),
            "drafters read Chinese: {msg}"
        );
    }
}
