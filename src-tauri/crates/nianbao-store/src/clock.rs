//! Wall-clock time in Unix milliseconds: the one place the store reads the clock, so tests can
//! pass explicit times to the `*_at` functions instead.

/// Milliseconds since 1970-01-01 UTC (0 if the clock is before the epoch).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
