//! How much an import may cost: file size, inflated size of zip entries, the text it expands to,
//! wall-clock time. Importers check a [`Deadline`] inside their loops so hostile input cannot hang
//! the app, and [`check_text`] before they hand text on: whatever the format, the parser and
//! the library never see more than [`Limits::max_text_bytes`] of text in
//! [`Limits::max_text_lines`] lines, which bounds their memory (a 109 KB .docx once expanded to
//! 56 MB of text and 2.8 GB of memory; 28 MB of short lines to 3.4 GB).
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
    /// Most text (UTF-8 bytes) an import may produce, whatever the format: a long report is
    /// 100 KB, so this is a hundred of them.
    pub max_text_bytes: u64,
    /// Most lines of text (a report has hundreds): short lines cost the parser more than their
    /// bytes.
    pub max_text_lines: usize,
}

impl Limits {
    /// 50 MB files, 200 MB inflated, 5 seconds, 8 MB of text in 200,000 lines.
    pub const DEFAULT: Limits = Limits {
        max_file_bytes: 50 * 1024 * 1024,
        max_inflated_bytes: 200 * 1024 * 1024,
        max_duration: Duration::from_secs(5),
        max_text_bytes: 8 * 1024 * 1024,
        max_text_lines: 200_000,
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

/// Refuse text past [`Limits::max_text_bytes`] or [`Limits::max_text_lines`] (one pass, no
/// allocation).
pub(crate) fn check_text(text: &str, limits: &Limits) -> Result<(), ImportError> {
    let bytes = u64::try_from(text.len()).unwrap_or(u64::MAX);
    let too_long = |lines: usize| ImportError::TooMuchText {
        size_mb: megabytes(bytes),
        lines,
        limit_mb: megabytes(limits.max_text_bytes),
        limit_lines: limits.max_text_lines,
    };
    if bytes > limits.max_text_bytes {
        return Err(too_long(text.bytes().filter(|&b| b == b'\n').count() + 1));
    }
    let mut lines = 1usize;
    for b in text.bytes() {
        if b == b'\n' {
            lines += 1;
            if lines > limits.max_text_lines {
                return Err(too_long(text.bytes().filter(|&b| b == b'\n').count() + 1));
            }
        }
    }
    Ok(())
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
    fn text_past_either_bound_is_refused_with_both_figures() {
        let limits = Limits {
            max_text_bytes: 100,
            max_text_lines: 10,
            ..Limits::DEFAULT
        };
        assert!(check_text(&"示例\n".repeat(9), &limits).is_ok());
        let err = check_text(&"示\n".repeat(10), &limits).expect_err("11 lines");
        assert_eq!(err.code(), "import.too_much_text");
        let err = check_text(&"示例市".repeat(20), &limits).expect_err("180 bytes");
        assert_eq!(err.code(), "import.too_much_text");
        assert!(err.to_string().contains("上限"), "{err}");
    }

    #[test]
    fn generous_deadline_passes() {
        assert!(
            Deadline::after(Duration::from_secs(60)).check().is_ok(),
            "a fresh minute-long budget is not spent"
        );
    }
}
