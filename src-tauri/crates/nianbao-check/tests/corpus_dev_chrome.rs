//! Issue 13: no finding on any pair of consecutive years of the corpus-dev series
//! (`../shared/corpus-dev/index.json`, read at run time, never copied) quotes web chrome. The
//! property holds without a list of expected answers: no finding points at a line the reader
//! listed as chrome, and no excerpt holds any of the portal's marks (date/visit/source lines, share and print widgets, time stamps).

#[path = "../../../../tests/support/corpus.rs"]
mod corpus_support;

use corpus_support::corpus_dev_dir;
use regex::Regex;

/// Marks of a portal line, independent of the reader's own chrome list.
const PORTAL_MARKS: [&str; 16] = [
    "浏览次数",
    "访问次数",
    "点击数",
    "发布日期",
    "发布时间",
    "索引号",
    "信息来源",
    "来源:",
    "来源：",
    "【打印",
    "字号",
    "分享到",
    "扫一扫",
    "首页",
    "版权所有",
    "您的浏览器",
];

#[test]
fn no_finding_on_a_corpus_dev_pair_quotes_chrome() {
    let dir = corpus_dev_dir();
    let Ok(index) = std::fs::read_to_string(dir.join("index.json")) else {
        eprintln!("corpus-dev test skipped: no {}", dir.display());
        return;
    };
    let index: serde_json::Value = serde_json::from_str(&index).expect("index.json");
    let series = index["series"].as_array().expect("series");
    let stamp = Regex::new(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}").expect("re");
    let read = |name: &str| {
        let text =
            std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        nianbao_report::parse_text(&text)
    };
    let (mut pairs, mut findings) = (0, 0);
    let mut wrong = Vec::new();
    for files in series {
        let files: Vec<&str> = files
            .as_array()
            .expect("a series")
            .iter()
            .filter_map(|f| f.as_str())
            .collect();
        for pair in files.windows(2) {
            let (last, this) = (read(pair[0]), read(pair[1]));
            let result = nianbao_check::check(&this, Some(&last));
            pairs += 1;
            for f in &result.findings {
                findings += 1;
                let chrome_line = this.meta.chrome_lines.contains(&f.line);
                let marked = PORTAL_MARKS.iter().any(|m| f.excerpt.contains(m))
                    || stamp.is_match(&f.excerpt);
                if chrome_line || marked {
                    wrong.push(format!(
                        "{} line {} {}: {}",
                        pair[1], f.line, f.code, f.excerpt
                    ));
                }
            }
        }
    }
    println!("{pairs} pairs, {findings} findings");
    assert!(pairs >= 30, "every series pair is checked: {pairs}");
    assert!(
        wrong.is_empty(),
        "findings quoting chrome:\n{}",
        wrong.join("\n")
    );
}
