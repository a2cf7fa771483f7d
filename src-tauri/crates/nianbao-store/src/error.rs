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
    Sqlite(#[from] rusqlite::Error),
    #[error("未找到{what} #{id} (not found)")]
    NotFound { what: &'static str, id: i64 },
    #[error("报告库中的数据已损坏 (stored data is corrupt): {0}")]
    Corrupt(String),
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
        }
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
