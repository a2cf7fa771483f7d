//! The report library in SQLite: reports, drafts, autosaved versions, figures, full-text search.
//!
//! The only crate that writes SQL. Opens with WAL, `busy_timeout` and foreign keys on; applies
//! embedded migrations in transactions.

/// Where the library lives when nothing else is said: `NIANBAO_DATA_DIR`, if set.
pub fn data_dir_override() -> Option<std::path::PathBuf> {
    std::env::var_os("NIANBAO_DATA_DIR")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
}

#[cfg(test)]
mod tests {
    #[test]
    fn empty_override_is_ignored() {
        // SAFETY-free: reading only; the variable is not set in the test environment by default.
        if std::env::var_os("NIANBAO_DATA_DIR").is_none() {
            assert!(super::data_dir_override().is_none());
        }
    }
}
