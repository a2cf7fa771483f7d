//! Shared test helpers: the corpus (read at run time, never copied), and each report written in
//! the forms a drafter's machine produces (encodings, line ends, a saved portal page, a .docx).
#![allow(dead_code)]

use encoding_rs::{GB18030, GBK};

#[path = "../../../../../tests/support/corpus.rs"]
mod corpus_support;
#[allow(unused_imports)]
pub use corpus_support::{corpus_dir, corpus_present};

/// Every corpus report as (file name, UTF-8 text).
pub fn corpus() -> Vec<(String, String)> {
    let dir = corpus_dir();
    let mut reports: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus must be readable at {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("corpus files are UTF-8");
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    reports.sort();
    assert!(
        !reports.is_empty(),
        "no corpus reports found in {}",
        dir.display()
    );
    reports
}

/// Lines as a reader sees them: trimmed, inner whitespace runs collapsed, blank lines dropped.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

pub fn utf8_bom(text: &str) -> Vec<u8> {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(text.as_bytes());
    b
}

pub fn utf16le_bom(text: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        b.extend_from_slice(&unit.to_le_bytes());
    }
    b
}

/// GBK cannot encode every character (en spaces, «): those become plain spaces first, and the
/// returned text is what the GBK file really says.
pub fn gbk(text: &str) -> (Vec<u8>, String) {
    let representable: String = text
        .chars()
        .map(|c| {
            let mut buf = [0u8; 4];
            let (_, _, unmappable) = GBK.encode(c.encode_utf8(&mut buf));
            if unmappable { ' ' } else { c }
        })
        .collect();
    let (bytes, _, _) = GBK.encode(&representable);
    (bytes.into_owned(), representable)
}

pub fn gb18030(text: &str) -> Vec<u8> {
    GB18030.encode(text).0.into_owned()
}

pub fn crlf(text: &str) -> Vec<u8> {
    text.replace('\n', "\r\n").into_bytes()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The article title a generated portal page carries in its `<title>` (before the site name).
pub const PAGE_TITLE: &str = "示例市法治政府建设年度报告";

/// A saved government portal page: nav, breadcrumbs, script, style, share bar and a footer with
/// 网站标识码/ICP备案号 around an article div holding the report, one `<p>` per line.
pub fn portal_page(text: &str) -> Vec<u8> {
    let body: String = text
        .lines()
        .map(|l| format!("<p style=\"text-indent:2em\">{}</p>\n", escape(l)))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{PAGE_TITLE}_示例市人民政府</title>
<style>.nav{{float:left}} p{{line-height:2}}</style>
<script>var site = "示例市人民政府。"; function share(){{ return "分享。"; }}</script>
</head><body>
<div class="top-header"><img src="logo.png" alt="示例市人民政府"><div class="search"><input value="搜索"></div></div>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a>政务公开</a></li><li><a>政务服务</a></li><li><a>互动交流</a></li></ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开 &gt; 法定主动公开内容</div>
<div class="wrap"><div class="article-info">来源：示例市司法局　浏览次数：2048</div>
<div class="TRS_Editor article-content">
{body}</div>
<div class="bdsharebuttonbox">分享到：微信 微博</div></div>
<div class="footer"><p>网站地图 | 联系我们</p><p>主办单位：示例市人民政府办公室 网站标识码：9999000001</p>
<p>示ICP备00000000号-1 示公网安备00000000000000号</p></div>
<script>document.write("访问统计。");</script>
</body></html>"#
    )
    .into_bytes()
}

/// A .docx built with docx-rs: one paragraph per line; lines numbered 一、二、… get the
/// "Heading 1" style so heading hints can be checked.
pub fn docx(text: &str) -> Vec<u8> {
    use docx_rs::{Docx, Paragraph, Run, Style, StyleType};
    let mut doc =
        Docx::new().add_style(Style::new("Heading1", StyleType::Paragraph).name("Heading 1"));
    for line in text.lines() {
        let mut p = Paragraph::new().add_run(Run::new().add_text(line));
        if is_level1_heading(line) {
            p = p.style("Heading1");
        }
        doc = doc.add_paragraph(p);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.pack(&mut out).expect("docx-rs writes the package");
    out.into_inner()
}

pub fn is_level1_heading(line: &str) -> bool {
    let t = line.trim();
    let numeral_len = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    numeral_len > 0 && t.chars().nth(numeral_len) == Some('、')
}
