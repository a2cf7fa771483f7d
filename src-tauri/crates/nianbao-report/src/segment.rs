//! Word segmentation: one jieba per process, shared by parsing, checking (word-level diffs) and
//! the library's full-text index, with the domain dictionary merged in.
//!
//! Start-up costs next to nothing: `build.rs` merged jieba's 349,000-word dictionary with ours
//! into an FST embedded in the binary (mapped, never parsed). A `Jieba` starts empty and, before
//! a text is cut, takes from the FST the dictionary words that occur in that text. The total
//! frequency stays that of the full dictionary (one placeholder record holds the frequency of
//! the words not loaded yet), so every cut is exactly the full dictionary's: jieba's route over
//! a block weighs only dictionary words inside the block, each by `ln(freq) - ln(total)`, and
//! its HMM looks up only characters of the block. `tests/segment_corpus.rs` checks it on every
//! corpus report against the old way (the full dictionary parsed at start).
//!
//! Finding the dictionary words of a text (a walk of the FST from every character) costs more
//! than cutting it, and a check cuts the same lines several times (diffs, content words, the
//! figure alignment), so the segmenter remembers which runs it has prepared: jieba cuts a text
//! block by block, a block being a maximal run of Han characters, ASCII letters and digits and
//! `+#&._%-`, and weighs only dictionary words inside the block, so once every dictionary word of
//! a run is loaded, any later text holding that run needs nothing more for it. The memory of
//! prepared runs is bounded ([`PREPARED_BYTES`]) and simply forgotten when full.
//!
//! Part-of-speech tags are not kept (nothing here asks jieba for them).

use std::collections::HashSet;
use std::sync::{OnceLock, PoisonError, RwLock};

use fst::raw::{Fst, Output};
use jieba_rs::Jieba;

include!(concat!(env!("OUT_DIR"), "/jieba_total.rs"));

/// jieba's dictionary with ours merged (`word → frequency`), prepared by `build.rs`.
static DICT_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba.fst"));

/// The record that carries the frequency of the words not loaded yet. jieba cuts only inside
/// runs of Han characters, letters, digits and a few joiners, so a word of two control
/// characters is never part of a cut.
const NOT_LOADED: &str = "\u{1}\u{1}";

/// Bytes of prepared runs remembered at most (then the memory starts over); a 30,000-character
/// report holds about 90 KB of runs.
const PREPARED_BYTES: usize = 8 << 20;

struct Segmenter {
    dict: Fst<&'static [u8]>,
    state: RwLock<Loaded>,
}

struct Loaded {
    jieba: Jieba,
    /// Sum of the frequencies of the dictionary words loaded so far.
    loaded_freq: u64,
    /// Dictionary words loaded so far.
    loaded_words: usize,
    /// Runs (jieba's blocks) whose dictionary words are all loaded.
    prepared: HashSet<Box<str>>,
    /// Bytes of the runs in `prepared`.
    prepared_bytes: usize,
}

/// jieba's block class (its `RE_HAN_DEFAULT`): CJK ideographs, ASCII letters and digits and
/// `+#&._%-`. jieba cuts each maximal run of these on its own; everything else is cut one
/// character at a time.
fn in_block(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
    } else {
        matches!(c,
            '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2B73F}'
            | '\u{2B740}'..='\u{2B81F}'
            | '\u{2B820}'..='\u{2CEAF}'
            | '\u{2CEB0}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}'
        )
    }
}

/// The blocks jieba cuts `text` into: its maximal runs of [`in_block`] characters.
fn runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !in_block(c)).filter(|r| !r.is_empty())
}

fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| {
        // The FST was written by our build script from dictionaries it parsed; a bad one would be
        // a build-time bug.
        let dict = Fst::new(DICT_FST).expect("the dictionary prepared by build.rs is valid");
        let mut jieba = Jieba::empty();
        jieba.add_word(NOT_LOADED, Some(freq(TOTAL_FREQ)), None);
        Segmenter {
            dict,
            state: RwLock::new(Loaded {
                jieba,
                loaded_freq: 0,
                loaded_words: 0,
                prepared: HashSet::new(),
                prepared_bytes: 0,
            }),
        }
    })
}

fn freq(f: u64) -> usize {
    usize::try_from(f).unwrap_or(usize::MAX)
}

impl Segmenter {
    /// Dictionary words of `text` (with their frequencies) that `loaded` does not hold yet.
    fn missing<'t>(&self, loaded: &Loaded, text: &'t str) -> Vec<(&'t str, u64)> {
        let bytes = text.as_bytes();
        let mut missing = Vec::new();
        for (start, _) in text.char_indices() {
            let mut node = self.dict.root();
            let mut out = Output::zero();
            for (end, &b) in bytes.iter().enumerate().skip(start) {
                let Some(i) = node.find_input(b) else { break };
                let t = node.transition(i);
                out = out.cat(t.out);
                node = self.dict.node(t.addr);
                if node.is_final() {
                    // Dictionary words are whole UTF-8, so a final state ends on a boundary.
                    let Some(word) = text.get(start..=end) else {
                        continue;
                    };
                    if !loaded.jieba.has_word(word) {
                        missing.push((word, out.cat(node.final_output()).value()));
                    }
                }
            }
        }
        missing
    }

    /// The shared jieba, holding every dictionary word of `text`'s blocks.
    fn ready_for(&self, text: &str) -> std::sync::RwLockReadGuard<'_, Loaded> {
        let (fresh, missing) = {
            let loaded = self.state.read().unwrap_or_else(PoisonError::into_inner);
            let fresh: Vec<&str> = runs(text)
                .filter(|run| !loaded.prepared.contains(*run))
                .collect();
            if fresh.is_empty() {
                return loaded;
            }
            let missing: Vec<(&str, u64)> = fresh
                .iter()
                .flat_map(|run| self.missing(&loaded, run))
                .collect();
            (fresh, missing)
        };
        {
            let mut loaded = self.state.write().unwrap_or_else(PoisonError::into_inner);
            if !missing.is_empty() {
                for (word, f) in missing {
                    // Another thread may have loaded it meanwhile.
                    if !loaded.jieba.has_word(word) {
                        loaded.jieba.add_word(word, Some(freq(f)), None);
                        loaded.loaded_freq += f;
                        loaded.loaded_words += 1;
                    }
                }
                let rest = TOTAL_FREQ.saturating_sub(loaded.loaded_freq);
                loaded.jieba.add_word(NOT_LOADED, Some(freq(rest)), None);
            }
            for run in fresh {
                if loaded.prepared_bytes + run.len() > PREPARED_BYTES {
                    loaded.prepared.clear();
                    loaded.prepared_bytes = 0;
                }
                if loaded.prepared.insert(run.into()) {
                    loaded.prepared_bytes += run.len();
                }
            }
        }
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Forgets which runs are prepared (the loaded words stay).
    fn forget_prepared(&self) {
        let mut loaded = self.state.write().unwrap_or_else(PoisonError::into_inner);
        loaded.prepared = HashSet::new();
        loaded.prepared_bytes = 0;
    }
}

/// Prepares the segmenter (maps the dictionary); a few microseconds. Benchmarks call it so that
/// what they time is the work, not the first use.
pub fn warm_up() {
    let _ = segmenter();
}

/// Forgets which runs of text the segmenter has prepared, so that the next cuts look their
/// dictionary words up again as for a text never seen (the words already loaded stay loaded).
/// For benchmarks that time a first check; results never depend on it.
pub fn forget_prepared() {
    segmenter().forget_prepared();
}

/// Words the segmenter holds so far, and words in its prepared dictionary.
pub fn loaded_words() -> (usize, usize) {
    let loaded = segmenter()
        .state
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .loaded_words;
    (loaded, WORD_COUNT)
}

/// Words of a text in order (HMM on, so unknown names stay whole); concatenated they give back
/// the input exactly.
pub fn words(text: &str) -> Vec<&str> {
    let loaded = segmenter().ready_for(text);
    loaded
        .jieba
        .cut(text, true)
        .into_iter()
        .map(|t| t.word)
        .collect()
}

/// Words for a search index: longer words also yield their dictionary sub-words
/// (`法治政府建设` → `法治`, `政府`, `建设`, `法治政府建设`).
pub fn search_words(text: &str) -> Vec<&str> {
    let loaded = segmenter().ready_for(text);
    loaded
        .jieba
        .cut_for_search(text, true)
        .into_iter()
        .map(|t| t.word)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_terms_stay_whole() {
        let w = words("全面落实行政执法三项制度，负责人出庭应诉率100%");
        assert!(
            w.contains(&"三项制度"),
            "domain dictionary keeps 三项制度 whole: {w:?}"
        );
        assert!(w.contains(&"行政执法"), "{w:?}");
    }

    #[test]
    fn words_concatenate_back_to_the_input() {
        let text = "受理行政复议申请113件，审结108件。";
        assert_eq!(words(text).concat(), text);
    }

    #[test]
    fn only_the_words_of_the_text_are_loaded() {
        let _ = words("示例市司法局");
        let (loaded, all) = loaded_words();
        assert!(all > 300_000, "the whole dictionary is prepared: {all}");
        assert!(
            loaded < 10_000,
            "only words met so far are loaded: {loaded}"
        );
        assert!(loaded > 0);
    }

    #[test]
    fn runs_are_jiebas_blocks() {
        let r: Vec<&str> = runs("依法行政，a-1.5%「示例市」\n\n受理").collect();
        assert_eq!(r, ["依法行政", "a-1.5%", "示例市", "受理"]);
    }

    #[test]
    fn prepared_runs_cut_as_fresh_ones() {
        let text = "示例区办理行政复议案件，示例区人民政府负责人出庭应诉";
        let first = words(text);
        // The same runs again, inside other texts and alone.
        let later = "负责人出庭应诉率达到100%，示例区办理行政复议案件";
        let warm = words(later);
        forget_prepared();
        assert_eq!(words(later), warm);
        assert_eq!(words(text), first);
        assert!(search_words(text).len() >= first.len());
    }

    #[test]
    fn the_placeholder_is_never_a_word() {
        let text = "a\u{1}\u{1}b 依法\u{1}\u{1}行政";
        let w = words(text);
        assert!(!w.contains(&NOT_LOADED), "{w:?}");
        assert_eq!(w.concat(), text);
    }
}
