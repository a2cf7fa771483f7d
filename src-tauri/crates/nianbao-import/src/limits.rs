//! How much an import may cost: file size, inflated size of zip entries, wall-clock time.
//! Importers check a [`Deadline`] inside their loops so hostile input cannot hang the app.
//! It must never be bypassed by an importer: every loop over input checks it.

use std::time::{Duration, Instant};

use crate::ImportError;

/// Bounds on one import. [`Limits::default`] is what the app and the CLI use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this are refused before they are read.
    pub max_file_bytes: u64,
    /// Total bytes inflated from a zip (counted while inflating; declared sizes can lie).
    pub max_inflated_bytes: u64,
    /// Wall-clock budget for one import.
    pub max_duration: Duration,
}

impl Limits {
    /// 50 MB files, 200 MB inflated, 5 seconds.
    pub const DEFAULT: Limits = Limits {
        max_file_bytes: 50 * 1024 * 1024,
        max_inflated_bytes: 200 * 1024 * 1024,
        max_duration: Duration::from_secs(5),
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// The moment an import must give up.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    at: Instant,
    budget: Duration,
}

impl Deadline {
    pub(crate) fn after(budget: Duration) -> Self {
        let now = Instant::now();
        Deadline {
            at: now
                .checked_add(budget)
                .unwrap_or(now + Duration::from_secs(3600)),
            budget,
        }
    }

    /// `Err(Timeout)` once the budget is spent.
    pub(crate) fn check(&self) -> Result<(), ImportError> {
        if Instant::now() >= self.at {
            Err(ImportError::Timeout {
                seconds: self.budget.as_secs().max(1),
            })
        } else {
            Ok(())
        }
    }
}

pub(crate) fn megabytes(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spent_deadline_reports_timeout() {
        let d = Deadline::after(Duration::ZERO);
        let err = d.check().expect_err("a zero budget is spent at once");
        assert_eq!(
            err.code(),
            "import.timeout",
            "time overrun has its own code"
        );
    }

    #[test]
    fn generous_deadline_passes() {
        assert!(
            Deadline::after(Duration::from_secs(60)).check().is_ok(),
            "a fresh minute-long budget is not spent"
        );
    }
}
