//! Which autosaved versions to let go: a pure function of the versions' times and now.
//!
//! The rule: keep every version of the last hour; between one hour and one day old keep one per
//! 10 minutes (the newest of each 10-minute slot); older than a day keep one per day (the newest
//! of each UTC day). Never delete the newest version of a draft, nor a pinned one (named by the
//! drafter or saved by hand). Slots are fixed on the clock (not relative to now), so applying the
//! rule twice at the same moment deletes nothing the second time.
//!
//! No SQL here, no clock: the caller passes `now`.

use std::collections::HashMap;

/// What the rule needs to know about one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionStamp {
    pub id: i64,
    /// Unix milliseconds.
    pub saved_at: i64,
    /// Named or saved by hand: never deleted.
    pub pinned: bool,
}

/// The thresholds of the rule, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThinningRule {
    /// Versions younger than this are all kept.
    pub keep_all: i64,
    /// Up to this age, one per `recent_slot`.
    pub recent: i64,
    pub recent_slot: i64,
    /// Older than `recent`, one per `old_slot`.
    pub old_slot: i64,
}

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

impl Default for ThinningRule {
    fn default() -> Self {
        ThinningRule {
            keep_all: HOUR,
            recent: DAY,
            recent_slot: 10 * MINUTE,
            old_slot: DAY,
        }
    }
}

impl ThinningRule {
    /// The ids of versions to delete, in ascending order.
    pub fn versions_to_delete(&self, versions: &[VersionStamp], now: i64) -> Vec<i64> {
        // slot → the version kept in it so far (the newest seen).
        let mut keeper: HashMap<(bool, i64), VersionStamp> = HashMap::new();
        let mut delete = Vec::new();
        for v in versions {
            let age = now.saturating_sub(v.saved_at);
            // The newest version still takes its slot (so no older one is kept beside it); as
            // the latest of all it always wins the slot and is never deleted.
            if v.pinned || age <= self.keep_all {
                continue;
            }
            let slot = if age <= self.recent {
                (true, v.saved_at.div_euclid(self.recent_slot.max(1)))
            } else {
                (false, v.saved_at.div_euclid(self.old_slot.max(1)))
            };
            match keeper.get(&slot) {
                Some(k) if (k.saved_at, k.id) >= (v.saved_at, v.id) => delete.push(v.id),
                Some(k) => {
                    delete.push(k.id);
                    keeper.insert(slot, *v);
                }
                None => {
                    keeper.insert(slot, *v);
                }
            }
        }
        delete.sort_unstable();
        delete
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: i64 = 1_800_000_000_000;

    fn stamp(id: i64, age: i64) -> VersionStamp {
        VersionStamp {
            id,
            saved_at: NOW - age,
            pinned: false,
        }
    }

    fn thin(versions: &[VersionStamp]) -> Vec<i64> {
        ThinningRule::default().versions_to_delete(versions, NOW)
    }

    #[test]
    fn everything_from_the_last_hour_is_kept() {
        let versions: Vec<_> = (0..3600).map(|s| stamp(s, s * 1000)).collect();
        assert!(
            thin(&versions).is_empty(),
            "an autosave every second for an hour is all kept"
        );
    }

    #[test]
    fn one_per_ten_minutes_is_kept_within_the_day() {
        // One version a minute from 121 to 180 minutes ago: 60 versions over six 10-minute
        // slots (slots are aligned on the clock; NOW is a multiple of 10 minutes).
        let versions: Vec<_> = (121..=180).map(|m| stamp(m, m * MINUTE)).collect();
        let deleted = thin(&versions);
        assert_eq!(
            versions.len() - deleted.len(),
            6,
            "one survivor per 10-minute slot"
        );
        assert!(
            !deleted.contains(&121),
            "the newest of its slot survives (id 121 is the youngest)"
        );
    }

    #[test]
    fn one_per_day_is_kept_after_a_day() {
        // Every hour for ten days, starting two days ago: 240 hours that touch 11 calendar
        // days (NOW is not at midnight), so 11 survivors, one per day.
        let versions: Vec<_> = (48..48 + 240).map(|h| stamp(h, h * HOUR)).collect();
        let kept = versions.len() - thin(&versions).len();
        assert_eq!(kept, 11, "ten days of hourly saves thin to one per day");
    }

    #[test]
    fn the_newest_version_is_never_deleted() {
        let versions = [stamp(1, 30 * DAY), stamp(2, 30 * DAY - 1)];
        assert_eq!(
            thin(&versions),
            vec![1],
            "id 2 is the draft's latest text: deleting it would lose work"
        );
    }

    #[test]
    fn pinned_versions_are_never_deleted() {
        let mut versions = vec![stamp(1, 5 * DAY), stamp(2, 5 * DAY - 1), stamp(3, 0)];
        versions[0].pinned = true;
        assert_eq!(
            thin(&versions),
            Vec::<i64>::new(),
            "the named version and its unpinned neighbour both stay"
        );
    }

    proptest! {
        #[test]
        fn thinning_twice_deletes_nothing_more(ages in proptest::collection::vec(0i64..40 * DAY, 0..200), pins in proptest::collection::vec(any::<bool>(), 200)) {
            let versions: Vec<VersionStamp> = ages.iter().enumerate().map(|(i, a)| VersionStamp {
                id: i64::try_from(i).unwrap_or(0), saved_at: NOW - a, pinned: pins[i] && i % 7 == 0,
            }).collect();
            let rule = ThinningRule::default();
            let deleted = rule.versions_to_delete(&versions, NOW);
            let rest: Vec<VersionStamp> = versions.iter().copied().filter(|v| !deleted.contains(&v.id)).collect();
            prop_assert!(rule.versions_to_delete(&rest, NOW).is_empty(), "the rule is idempotent");
                let newest = versions.iter().max_by_key(|v| (v.saved_at, v.id)).map(|v| v.id);
            if let Some(n) = newest { prop_assert!(!deleted.contains(&n), "newest kept"); }
            for v in &versions {
                if v.pinned { prop_assert!(!deleted.contains(&v.id), "pinned kept"); }
            }
        }
    }
}
