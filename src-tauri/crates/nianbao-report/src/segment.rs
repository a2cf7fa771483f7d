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
//! Part-of-speech tags are not kept (nothing here asks jieba for them).

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

    /// The shared jieba, holding every dictionary word of `text`.
    fn ready_for(&self, text: &str) -> std::sync::RwLockReadGuard<'_, Loaded> {
        let missing = {
            let loaded = self.state.read().unwrap_or_else(PoisonError::into_inner);
            let missing = self.missing(&loaded, text);
            if missing.is_empty() {
                return loaded;
            }
            missing
        };
        {
            let mut loaded = self.state.write().unwrap_or_else(PoisonError::into_inner);
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
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Prepares the segmenter (maps the dictionary); a few microseconds. Benchmarks call it so that
/// what they time is the work, not the first use.
pub fn warm_up() {
    let _ = segmenter();
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
    fn the_placeholder_is_never_a_word() {
        let text = "a\u{1}\u{1}b 依法\u{1}\u{1}行政";
        let w = words(text);
        assert!(!w.contains(&NOT_LOADED), "{w:?}");
        assert_eq!(w.concat(), text);
    }
}
