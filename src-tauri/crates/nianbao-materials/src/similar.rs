//! Near-duplicate paragraphs sent by different departments (a joint campaign reported by both
//! the 司法局 and the 市场监管局): jieba words of two characters or more, compared as sets
//! (Dice coefficient). Pairs are found through an inverted index of words, so hundreds of
//! paragraphs cost no more than their words; words in too many paragraphs are no evidence.

use std::collections::HashMap;

use nianbao_report::segment;

/// Dice similarity of word sets from which two paragraphs are near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.6;
/// A word found in more paragraphs than this (and more than a tenth of them) says nothing.
const COMMON_WORD: usize = 40;

/// Content words of a paragraph (≥ 2 characters, letters), each once, sorted.
pub fn word_set(text: &str) -> Vec<String> {
    let mut words: Vec<String> = segment::words(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphanumeric))
        .map(str::to_owned)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Dice coefficient of two sorted sets.
pub fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups of near-duplicate paragraphs: `items` are `(department, text)`; each group (indices
/// into `items`, in order) holds paragraphs of at least two departments. Paragraphs of one
/// department are never grouped with each other alone.
pub fn groups(items: &[(&str, &str)]) -> Vec<Vec<usize>> {
    let sets: Vec<Vec<String>> = items.iter().map(|(_, t)| word_set(t)).collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        for w in set {
            index.entry(w.as_str()).or_default().push(i);
        }
    }
    let common = COMMON_WORD.max(items.len() / 10);
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for list in index.values().filter(|l| l.len() <= common) {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if items[a].0 != items[b].0 {
                    *shared.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    let mut parent: Vec<usize> = (0..items.len()).collect();
    for ((a, b), n) in shared {
        // A quick bound before the exact measure.
        if 2.0 * n as f64 / (sets[a].len() + sets[b].len()) as f64 + 0.2 < NEAR_DUPLICATE {
            continue;
        }
        if dice(&sets[a], &sets[b]) >= NEAR_DUPLICATE {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..items.len() {
        let r = find(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().filter(|g| g.len() > 1).collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_campaign_told_by_two_departments_is_one_group() {
        let items = [
            (
                "示例市司法局",
                "联合开展“法律进企业”专项行动，走访企业120家，解答法律咨询300余次。",
            ),
            (
                "示例市市场监管局",
                "联合开展“法律进企业”专项行动，走访企业120家，解答企业法律咨询300余次。",
            ),
            ("示例镇", "全面推进基层网格化治理，调解邻里纠纷56起。"),
            (
                "示例市司法局",
                "联合开展“法律进企业”专项行动，走访企业120家，解答法律咨询300余次。",
            ),
        ];
        let g = groups(&items);
        assert_eq!(g, vec![vec![0, 1, 3]], "{g:?}");
    }

    #[test]
    fn one_departments_repetition_alone_is_no_group() {
        let items = [
            ("甲", "开展普法宣传活动十场"),
            ("甲", "开展普法宣传活动十场"),
        ];
        assert!(groups(&items).is_empty());
    }
}
