//! Word segmentation: one `Jieba` per process, with the domain dictionary loaded, shared by
//! parsing, checking (word-level diffs) and the library's full-text index.
//!
//! Never build a `Jieba` anywhere else: it costs ~100 ms and ~30 MB each time.

use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The domain dictionary (`词 频率 词性` lines), embedded so the segmenter works offline.
const DOMAIN_DICT: &str = include_str!("../data/dict.txt");

/// The shared segmenter; built on first use.
pub fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(|| {
        let mut jieba = Jieba::new();
        // The embedded dictionary is ours and tested; a bad line would be a build-time bug.
        jieba
            .load_dict(&mut DOMAIN_DICT.as_bytes())
            .expect("embedded domain dictionary is valid");
        jieba
    })
}

/// Words of a text in order (HMM on, so unknown names stay whole); concatenated they give back
/// the input exactly.
pub fn words(text: &str) -> Vec<&str> {
    jieba()
        .cut(text, true)
        .into_iter()
        .map(|t| t.word)
        .collect()
}

/// Words for a search index: longer words also yield their dictionary sub-words
/// (`法治政府建设` → `法治`, `政府`, `建设`, `法治政府建设`).
pub fn search_words(text: &str) -> Vec<&str> {
    jieba()
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
}
