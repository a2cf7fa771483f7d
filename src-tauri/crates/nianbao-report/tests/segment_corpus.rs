//! Segmentation with the dictionary prepared at build time cuts exactly as the old way did
//! (jieba's dictionary parsed from text at start, then ours loaded over it): same words, in
//! default and in search mode, for every line and every whole text of the corpus and of
//! corpus-dev (read at run time, never copied), and for a few invented texts.

mod common;

use std::path::{Path, PathBuf};

use jieba_rs::Jieba;
use nianbao_report::segment;

/// The old way: kept here only, to compare against.
fn old_jieba() -> Jieba {
    let mut jieba = Jieba::new();
    jieba
        .load_dict(&mut include_str!("../data/dict.txt").as_bytes())
        .expect("our domain dictionary loads");
    jieba
}

fn texts_in(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.expect("readable folder").path())
        .collect();
    paths.sort();
    for path in paths {
        if let Ok(text) = std::fs::read_to_string(&path) {
            out.push((path.display().to_string(), text));
        }
    }
    out
}

/// Compares both ways on a text and on each of its lines; returns the pieces compared.
fn compare(old: &Jieba, name: &str, text: &str) -> usize {
    let mut pieces = 0;
    for piece in std::iter::once(text).chain(text.lines()) {
        let expected: Vec<&str> = old.cut(piece, true).into_iter().map(|t| t.word).collect();
        assert_eq!(segment::words(piece), expected, "{name}: words differ");
        let expected: Vec<&str> = old
            .cut_for_search(piece, true)
            .into_iter()
            .map(|t| t.word)
            .collect();
        assert_eq!(
            segment::search_words(piece),
            expected,
            "{name}: search words differ"
        );
        pieces += 1;
    }
    pieces
}

/// With a memo (as during a check), every text and line of the corpus is cut as without: the
/// lines' runs come from the memo once their text was cut.
#[test]
fn corpus_is_cut_the_same_through_the_memo() {
    if !common::corpus_present() {
        return;
    }
    let mut texts = texts_in(&common::corpus_dir());
    texts.extend(texts_in(&common::corpus_dev_dir()));
    let plain: Vec<Vec<Vec<&str>>> = texts
        .iter()
        .map(|(_, t)| {
            std::iter::once(t.as_str())
                .chain(t.lines())
                .map(segment::words)
                .collect()
        })
        .collect();
    let _memo = segment::memo();
    for ((name, text), expected) in texts.iter().zip(&plain) {
        let kept: Vec<Vec<&str>> = std::iter::once(text.as_str())
            .chain(text.lines())
            .map(segment::words)
            .collect();
        assert_eq!(&kept, expected, "{name}: words differ through the memo");
    }
}

#[test]
fn corpus_is_cut_as_before() {
    if !common::corpus_present() {
        return;
    }
    let old = old_jieba();
    let reports = texts_in(&common::corpus_dir());
    assert!(reports.len() >= 5, "the corpus has 5 reports");
    let dev = texts_in(&common::corpus_dev_dir());
    let mut pieces = 0;
    for (name, text) in reports.iter().chain(&dev) {
        pieces += compare(&old, name, text);
    }
    eprintln!(
        "{} reports, {} corpus-dev files, {pieces} texts and lines cut identically; loaded {:?}",
        reports.len(),
        dev.len(),
        segment::loaded_words()
    );
}

#[test]
fn invented_texts_are_cut_as_before() {
    let old = old_jieba();
    for text in [
        "示例市人民政府关于2025年法治政府建设情况的报告",
        "全面落实行政执法三项制度，行政机关负责人出庭应诉率达100%。",
        "受理行政复议申请113件，审结108件，以调解方式结案39件。",
        "WES-5.4.5 版本与 B超、T恤、AA制 混排\r\n第二行 ABC123 的 3.14 和 99.45%",
        "",
        "。。。",
    ] {
        compare(&old, text, text);
    }
}
