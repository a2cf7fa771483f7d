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
//! Finding the dictionary words of a text (a walk of the FST from every character, started from
//! a table of the node after each first character, built on the first cut) costs more
//! than cutting it, and a check cuts the same lines several times (diffs, content words, the
//! figure alignment), so the segmenter remembers which runs it has prepared: jieba cuts a text
//! block by block, a block being a maximal run of Han characters, ASCII letters and digits and
//! `+#&._%-`, and weighs only dictionary words inside the block, so once every dictionary word of
//! a run is loaded, any later text holding that run needs nothing more for it. The memory of
//! prepared runs is bounded (8 MB of runs) and simply forgotten when full.
//!
//! Inside one check the same lines are cut several times over; [`memo`] keeps, on the checking
//! thread and for as long as its guard lives, the cut of every run already cut, so each run of
//! the two reports is cut once per check. It is dropped with the guard: nothing outlives a check.
//!
//! Part-of-speech tags are not kept (nothing here asks jieba for them).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::marker::PhantomData;
use std::sync::{OnceLock, PoisonError, RwLock};

use fst::raw::{CompiledAddr, Fst, Output};
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
    /// For every character a dictionary word starts with: the FST's node after that character
    /// and the output so far (a walk from each character of a text then starts one character in).
    first: OnceLock<FastMap<char, (CompiledAddr, Output)>>,
    state: RwLock<Loaded>,
}

struct Loaded {
    jieba: Jieba,
    /// Sum of the frequencies of the dictionary words loaded so far.
    loaded_freq: u64,
    /// Dictionary words loaded so far.
    loaded_words: usize,
    /// Runs (jieba's blocks) whose dictionary words are all loaded.
    prepared: HashSet<Box<str>, BuildHasherDefault<FastHasher>>,
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
            first: OnceLock::new(),
            state: RwLock::new(Loaded {
                jieba,
                loaded_freq: 0,
                loaded_words: 0,
                prepared: HashSet::default(),
                prepared_bytes: 0,
            }),
        }
    })
}

fn freq(f: u64) -> usize {
    usize::try_from(f).unwrap_or(usize::MAX)
}

impl Segmenter {
    /// The FST's node after each character that starts a dictionary word (built once, from the
    /// FST's first one to four levels; about 7,000 characters).
    fn first(&self) -> &FastMap<char, (CompiledAddr, Output)> {
        self.first.get_or_init(|| {
            let mut first = FastMap::default();
            let mut stack = vec![(self.dict.root().addr(), Output::zero(), Vec::new())];
            while let Some((addr, out, prefix)) = stack.pop() {
                for t in self.dict.node(addr).transitions() {
                    let mut bytes: Vec<u8> = prefix.clone();
                    bytes.push(t.inp);
                    let out = out.cat(t.out);
                    match std::str::from_utf8(&bytes) {
                        Ok(c) => {
                            if let Some(c) = c.chars().next() {
                                first.insert(c, (t.addr, out));
                            }
                        }
                        // An incomplete character: read on.
                        Err(e) if e.error_len().is_none() && bytes.len() < 4 => {
                            stack.push((t.addr, out, bytes));
                        }
                        Err(_) => {}
                    }
                }
            }
            first
        })
    }

    /// Dictionary words of `text` (with their frequencies) that `loaded` does not hold yet.
    fn missing<'t>(&self, loaded: &Loaded, text: &'t str) -> Vec<(&'t str, u64)> {
        let bytes = text.as_bytes();
        let first = self.first();
        let mut missing = Vec::new();
        let mut found = |word: &'t str, out: Output, node: &fst::raw::Node<'_>| {
            if !loaded.jieba.has_word(word) {
                missing.push((word, out.cat(node.final_output()).value()));
            }
        };
        for (start, c) in text.char_indices() {
            let Some(&(addr, first_out)) = first.get(&c) else {
                continue;
            };
            let mut node = self.dict.node(addr);
            let mut out = first_out;
            let first_end = start + c.len_utf8();
            if node.is_final() {
                found(&text[start..first_end], out, &node);
            }
            for (end, &b) in bytes.iter().enumerate().skip(first_end) {
                let Some(i) = node.find_input(b) else { break };
                let t = node.transition(i);
                out = out.cat(t.out);
                node = self.dict.node(t.addr);
                if node.is_final() {
                    // Dictionary words are whole UTF-8, so a final state ends on a boundary.
                    let Some(word) = text.get(start..=end) else {
                        continue;
                    };
                    found(word, out, &node);
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
        loaded.prepared = HashSet::default();
        loaded.prepared_bytes = 0;
    }
}

/// Prepares the segmenter (maps the dictionary, tables the characters words start with; about a
/// millisecond). Benchmarks call it so that what they time is the work, not the first use.
pub fn warm_up() {
    let _ = segmenter().first();
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

/// A fast hasher for lookup tables keyed by a report's own text (runs, words, character pairs):
/// the multiply-and-rotate of rustc's FxHash, shared with the checker. Not for keys an adversary picks to collide; a report
/// could at worst slow its own check.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    fn add(&mut self, word: u64) {
        self.0 = self.0.wrapping_add(word).wrapping_mul(Self::K);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The product's high bits are its best mixed; hash tables index by the low ones.
        self.0.rotate_left(26)
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Bytes of runs one memo keeps at most (then later runs are cut without being kept).
const MEMO_BYTES: usize = 16 << 20;

/// Cuts kept by an active [`memo`]: each run with the byte lengths of its words.
#[derive(Default)]
struct Memo {
    cuts: FastMap<Box<str>, Box<[u32]>>,
    bytes: usize,
}

thread_local! {
    /// The active memo of this thread, if any.
    static MEMO: RefCell<Option<Memo>> = const { RefCell::new(None) };
}

/// Keeps [`words`]' cuts on this thread while it lives; see [`memo`].
#[derive(Debug)]
#[must_use = "the cuts are kept only while the guard lives"]
pub struct MemoGuard {
    /// Whether this guard started the memo (an inner guard leaves the outer one's in place).
    outermost: bool,
    /// The memo is the thread's: the guard stays on it.
    _thread: PhantomData<*const ()>,
}

impl Drop for MemoGuard {
    fn drop(&mut self) {
        if self.outermost {
            MEMO.with(|m| m.borrow_mut().take());
        }
    }
}

/// From now until the guard is dropped, [`words`] on this thread cuts each run of text (jieba's
/// block) once and reuses the cut: for a check, which cuts the same lines for its diffs, content
/// words and figure alignment. Results are the same with or without it.
pub fn memo() -> MemoGuard {
    let outermost = MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.is_some() {
            return false;
        }
        *m = Some(Memo::default());
        true
    });
    MemoGuard {
        outermost,
        _thread: PhantomData,
    }
}

/// [`words`] through the active memo, if there is one.
fn memo_words(text: &str) -> Option<Vec<&str>> {
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        let memo = m.as_mut()?;
        let mut out = Vec::with_capacity(text.len() / 4);
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if !in_block(c) {
                // Outside runs jieba gives each character, `\r\n` as one.
                let len = if rest.starts_with("\r\n") {
                    2
                } else {
                    c.len_utf8()
                };
                let (word, tail) = rest.split_at(len);
                out.push(word);
                rest = tail;
                continue;
            }
            let end = rest.find(|c: char| !in_block(c)).unwrap_or(rest.len());
            let (run, tail) = rest.split_at(end);
            rest = tail;
            if let Some(lens) = memo.cuts.get(run) {
                let mut at = 0;
                for &len in lens.iter() {
                    let len = len as usize;
                    out.push(&run[at..at + len]);
                    at += len;
                }
                continue;
            }
            let loaded = segmenter().ready_for(run);
            let start = out.len();
            out.extend(loaded.jieba.cut(run, true).into_iter().map(|t| t.word));
            drop(loaded);
            if memo.bytes + run.len() <= MEMO_BYTES {
                let lens = out[start..]
                    .iter()
                    .map(|w| u32::try_from(w.len()).unwrap_or(u32::MAX))
                    .collect();
                memo.cuts.insert(run.into(), lens);
                memo.bytes += run.len();
            }
        }
        Some(out)
    })
}

/// Words of a text in order (HMM on, so unknown names stay whole); concatenated they give back
/// the input exactly.
pub fn words(text: &str) -> Vec<&str> {
    if let Some(words) = memo_words(text) {
        return words;
    }
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
    fn every_first_character_is_tabled() {
        let started = std::time::Instant::now();
        let first = segmenter().first();
        eprintln!(
            "{} first characters in {:?}",
            first.len(),
            started.elapsed()
        );
        assert!(first.len() > 5000, "{}", first.len());
        assert!(first.contains_key(&'法') && first.contains_key(&'行'));
    }

    #[test]
    fn the_memo_cuts_as_without_it() {
        let texts = [
            "示例区办理行政复议案件113件，\r\n示例区人民政府负责人出庭应诉率100%。",
            "「示例市」a-1.5% 依法行政\n\r受理",
            "",
            "。，",
        ];
        let plain: Vec<Vec<&str>> = texts.iter().map(|t| words(t)).collect();
        let guard = memo();
        for _ in 0..2 {
            let kept: Vec<Vec<&str>> = texts.iter().map(|t| words(t)).collect();
            assert_eq!(kept, plain);
        }
        let inner = memo();
        drop(inner);
        assert!(MEMO.with(|m| m.borrow().as_ref().is_some_and(|m| !m.cuts.is_empty())));
        drop(guard);
        assert!(
            MEMO.with(|m| m.borrow().is_none()),
            "nothing outlives the guard"
        );
    }

    #[test]
    fn the_placeholder_is_never_a_word() {
        let text = "a\u{1}\u{1}b 依法\u{1}\u{1}行政";
        let w = words(text);
        assert!(!w.contains(&NOT_LOADED), "{w:?}");
        assert_eq!(w.concat(), text);
    }
}
