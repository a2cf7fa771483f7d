use super::*;

fn html(s: &str) -> ImportedText {
    import(
        s.as_bytes(),
        &Deadline::after(std::time::Duration::from_secs(5)),
    )
    .expect("imports")
}

#[test]
fn portal_page_keeps_only_the_article() {
    let page = include_str!("../../tests/fixtures/portal_page.html");
    let t = html(page);
    insta::assert_snapshot!("portal_page_text", t.text);
    for chrome in [
        "首页",
        "网站标识码",
        "ICP备",
        "浏览次数",
        "分享到",
        "打印本页",
        "统计代码",
        "页面加载完成",
        "搜索",
    ] {
        assert!(
            !t.text.contains(chrome),
            "portal chrome {chrome:?} must not reach the parser"
        );
    }
}

#[test]
fn article_title_outside_the_body_div_becomes_a_heading_hint() {
    let t = html(include_str!("../../tests/fixtures/portal_page.html"));
    assert_eq!(
        t.text.lines().next(),
        Some("示例市2024年度法治政府建设情况报告"),
        "the h2 title sits beside the text div and must still be line 1"
    );
    assert!(
        t.heading_hints
            .contains(&crate::HeadingHint { line: 1, level: 2 }),
        "its <h2> is a hint: {:?}",
        t.heading_hints
    );
}

#[test]
fn paragraphs_breaks_and_table_rows_are_lines() {
    let t = html(include_str!("../../tests/fixtures/portal_page.html"));
    let lines: Vec<&str> = t.text.lines().collect();
    assert!(
        lines.contains(&"行政机关负责人出庭应诉率达到100%。"),
        "<br> ends a line: {lines:?}"
    );
    assert!(
        lines.contains(&"行政复议受理（件）\t128\t142"),
        "a table row is one tab-joined line"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("2024年，示例市坚持") && l.contains("指导，深入学习")),
        "a source line break between Chinese characters adds no space"
    );
}

#[test]
fn gbk_page_declared_in_meta_is_decoded() {
    let page = "<html><head><meta charset=\"gb2312\"><title>t</title></head><body>\
                <div><p>示例县全面推进依法行政。</p><p>行政复议受理案件58件。</p><p>完成。</p></div></body></html>";
    let (bytes, _, _) = encoding_rs::GBK.encode(page);
    let t = import(&bytes, &Deadline::after(std::time::Duration::from_secs(5))).expect("imports");
    assert_eq!(t.encoding, "GBK", "the <meta> charset is used and reported");
    assert!(
        t.text.contains("行政复议受理案件58件。"),
        "GBK text is decoded: {}",
        t.text
    );
}

#[test]
fn headings_in_the_article_are_hints_by_level() {
    let t = html(
        "<html><body><div><h1>示例县报告</h1><h3>一、总体情况</h3><p>全县推进法治建设。成效明显。</p>\
         <h4>（一）组织领导</h4><p>召开会议3次。完成。</p></div></body></html>",
    );
    assert_eq!(
        t.heading_hints,
        vec![
            crate::HeadingHint { line: 1, level: 1 },
            crate::HeadingHint { line: 2, level: 3 },
            crate::HeadingHint { line: 4, level: 4 },
        ],
        "h1/h3/h4 keep their levels: {}",
        t.text
    );
}

#[test]
fn nested_page_within_the_cap_is_walked_iteratively() {
    let depth = super::depth::MAX_DEPTH - 10;
    let page = format!(
        "<html><body>{}示例。{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let t = import(
        page.as_bytes(),
        &Deadline::after(std::time::Duration::from_secs(30)),
    );
    assert_eq!(
        t.map(|t| t.text).ok().as_deref(),
        Some("示例。"),
        "deep nesting is walked without recursion"
    );
}

#[test]
fn pathologically_deep_page_is_refused_before_parsing() {
    let depth = 200_000;
    let page = format!("<html><body>{}示例。</body></html>", "<div>".repeat(depth));
    let started = std::time::Instant::now();
    let err = import(
        page.as_bytes(),
        &Deadline::after(std::time::Duration::from_secs(30)),
    )
    .expect_err("too deep");
    assert_eq!(
        err.code(),
        "import.too_deep",
        "html5ever is quadratic in depth; refuse up front"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "and refuse fast"
    );
}

#[test]
fn page_with_only_chrome_has_no_text() {
    let err = import(
        b"<html><body><script>alert(1)</script><nav>home</nav></body></html>",
        &Deadline::after(std::time::Duration::from_secs(5)),
    )
    .expect_err("nothing but chrome");
    assert_eq!(
        err.code(),
        "import.no_text",
        "an empty article is reported, not returned"
    );
}

#[test]
fn layout_table_cells_holding_paragraphs_are_flattened_not_tab_joined() {
    let t = html(
        "<html><body><table><tr>\
         <td><p>一、主要举措。示例县推进依法行政。</p><p>全年受理复议案件58件。</p></td>\
         <td><p>二、存在不足。基层力量薄弱。</p><p>下一步加强培训。</p></td>\
         </tr></table></body></html>",
    );
    assert_eq!(
        t.text,
        "一、主要举措。示例县推进依法行政。\n全年受理复议案件58件。\n二、存在不足。基层力量薄弱。\n下一步加强培训。",
        "old portals lay pages out with tables; their cells are content, not a data row"
    );
}

#[test]
fn article_in_a_layout_cell_beside_a_menu_cell_is_found() {
    let t = html(
        "<html><body><table><tr><td class=\"left\"><a>机构概况</a><br><a>政策文件</a><br><a>办事指南</a></td>\
         <td><div id=\"zoom\"><p>示例市全面推进法治政府建设。</p><p>全年审结复议案件130件。</p>\
         <p>出庭应诉率100%。</p><p>下一步继续努力。</p></div></td></tr></table></body></html>",
    );
    assert!(
        !t.text.contains("机构概况"),
        "the menu cell is outside the article: {}",
        t.text
    );
    assert_eq!(
        t.text.lines().count(),
        4,
        "the four article paragraphs, one per line: {}",
        t.text
    );
}

/// A saved portal page around `text`: navigation, breadcrumb, the label block, the article (one
/// `<p>` a line), a footer and scripts.
fn saved_page(title: &str, text: &str) -> String {
    let paragraphs: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}_示例市人民政府门户网站</title>\
         <script>var a = '统计代码。页面加载完成。';</script></head><body>\
         <div class=\"header\"><nav><a>首页</a><a>政务公开</a></nav></div>\
         <div class=\"breadcrumb\">您当前的位置：首页 &gt; 政务公开 &gt; 正文</div>\
         <table class=\"xxgk\"><tr><td>索引号：</td><td>000000/2024-00001</td><td>主题分类：</td><td>综合政务</td></tr>\
         <tr><td>信息名称：</td><td>{title}</td></tr>\
         <tr><td>文号：</td><td>示政发〔2024〕3号</td><td>发布机构：</td><td>示例市人民政府</td></tr>\
         <tr><td>成文日期：</td><td>2024-01-20</td><td>发布日期：</td><td>2024-01-25</td></tr></table>\
         <div class=\"article\">{paragraphs}</div>\
         <div class=\"footer\">版权所有：示例市人民政府 网站标识码：0000000000 示ICP备00000000号</div>\
         <script>document.write('<p>页面脚本。</p>');</script></body></html>"
    )
}

#[test]
fn the_portal_label_block_is_kept_before_the_article() {
    let text = "示例市2023年法治政府建设情况报告\n\n2023年，示例市坚持依法行政。\n一、主要举措\n受理行政复议案件12件。\n（一）加强领导。完成3项改革。";
    let t = html(&saved_page("示例市2023年法治政府建设情况报告", text));
    let lines: Vec<&str> = t.text.lines().collect();
    let article: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(
        lines.ends_with(&article),
        "the article reads like the text: {lines:?}"
    );
    let labels = &lines[..lines.len() - article.len()];
    assert!(
        labels
            .iter()
            .any(|l| l.contains("信息名称") && l.contains("示例市2023年")),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.contains("示政发〔2024〕3号")),
        "{labels:?}"
    );
    assert!(labels.iter().any(|l| l.contains("成文日期")), "{labels:?}");
    for chrome in ["首页", "版权所有", "统计代码", "页面脚本"] {
        assert!(
            !t.text.contains(chrome),
            "{chrome} must not reach the parser"
        );
    }
}

#[test]
fn a_page_without_a_label_block_gets_no_label_lines() {
    let t = html(include_str!("../../tests/fixtures/portal_page.html"));
    assert!(!t.text.contains("信息名称"), "{}", t.text);
}

/// A long article (hundreds of paragraphs) and a label block with a long 内容概述 cell: the
/// block's title, number and date lines are still kept before the article, and no article
/// line is taken for a label.
#[test]
fn a_long_page_keeps_its_label_block_with_a_long_summary() {
    let body: String = (1..=400)
        .map(|i| format!("<p>第{i}段：示例市发布日期相关工作推进，完成{i}项任务。</p>"))
        .collect();
    let summary = format!("{}。", "示例市坚持依法行政，推进各项工作".repeat(80));
    let page = format!(
        "<html><body><div class=\"nav\"><a>首页</a></div>\
         <div class=\"info\"><table><tr><td>索引号：</td><td>000000/2024-00002</td></tr>\
         <tr><td>信息名称：</td><td>示例市2023年法治政府建设情况报告</td></tr>\
         <tr><td>文号：</td><td>示政发〔2024〕8号</td><td>成文日期：</td><td>2024-02-01</td></tr>\
         <tr><td>内容概述：</td><td>{summary}</td></tr></table></div>\
         <div class=\"main\"><div class=\"article\">{body}</div></div></body></html>"
    );
    let t = html(&page);
    let lines: Vec<&str> = t.text.lines().collect();
    assert_eq!(
        lines.len(),
        400 + 3,
        "three label lines and the article: {:?}",
        &lines[..6]
    );
    assert!(
        lines[..3].iter().any(|l| l.contains("示政发〔2024〕8号")),
        "{:?}",
        &lines[..3]
    );
    assert!(lines[3].starts_with("第1段"), "{}", lines[3]);
}

/// One long paragraph holding most of the page's sentences is not the article: its siblings
/// (the preamble, the first heading) are the article too.
#[test]
fn a_long_last_paragraph_is_not_the_whole_article() {
    let long = "一是示例工作。".repeat(30);
    let page = format!(
        "<html><body><div class=\"nav\"><a>首页</a></div><div class=\"article\">\
         <p>示例市2023年法治政府建设年度报告</p><p>2023年，示例市坚持依法行政。</p>\
         <p>一、主要举措</p><p>（一）加强领导。{long}</p></div></body></html>"
    );
    let t = html(&page);
    let lines: Vec<&str> = t.text.lines().collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[2], "一、主要举措");
}
