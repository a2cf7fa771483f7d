//! Every corpus report, written in each form a drafter might hand us, imports to the same text.
mod common;

use common::*;
use nianbao_import::{SourceFormat, import_bytes};

#[test]
fn text_forms_import_to_exactly_the_report() {
    if !common::corpus_present() {
        return;
    }
    for (name, text) in corpus() {
        let forms: Vec<(&str, Vec<u8>, &str)> = vec![
            ("UTF-8", text.clone().into_bytes(), "UTF-8"),
            ("UTF-8 + BOM", utf8_bom(&text), "UTF-8"),
            ("UTF-16LE + BOM", utf16le_bom(&text), "UTF-16LE"),
            ("GB18030", gb18030(&text), "GB18030"),
            ("CRLF", crlf(&text), "UTF-8"),
        ];
        for (form, bytes, encoding) in forms {
            let t = import_bytes(&bytes, Some(&name))
                .unwrap_or_else(|e| panic!("{name} as {form}: {e}"));
            assert_eq!(
                t.text, text,
                "{name} as {form}: every line, byte for byte, so line numbers hold"
            );
            assert_eq!(t.format, SourceFormat::Text, "{name} as {form} is text");
            if form != "GB18030" {
                assert_eq!(
                    t.encoding, encoding,
                    "{name} as {form}: the encoding is reported"
                );
            } else {
                assert!(
                    ["GBK", "gb18030"].contains(&t.encoding.as_str()),
                    "{name}: GB family, got {}",
                    t.encoding
                );
            }
        }
    }
}

#[test]
fn gbk_form_imports_to_the_report() {
    if !common::corpus_present() {
        return;
    }
    for (name, text) in corpus() {
        let (bytes, expected) = gbk(&text);
        let t = import_bytes(&bytes, Some(&name)).unwrap_or_else(|e| panic!("{name} as GBK: {e}"));
        assert_eq!(t.text, expected, "{name}: GBK text decodes to what it says");
        assert_eq!(
            t.encoding, "GBK",
            "{name}: a report-length GBK file is detected as GBK"
        );
    }
}

#[test]
fn saved_portal_page_yields_the_report_paragraphs() {
    if !common::corpus_present() {
        return;
    }
    for (name, text) in corpus() {
        let t = import_bytes(&portal_page(&text), Some("report.html"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(t.format, SourceFormat::Html);
        let mut got = paragraphs(&t.text);
        assert_eq!(
            got.first().map(String::as_str),
            Some(PAGE_TITLE),
            "{name}: the article div has no heading, so the page <title> (site name cut) is line 1"
        );
        got.remove(0);
        let want: Vec<String> = paragraphs(&text);
        for chrome in [
            "首页",
            "网站标识码",
            "ICP备",
            "浏览次数",
            "分享到",
            "访问统计",
            "搜索",
        ] {
            let in_report = text.contains(chrome);
            assert!(
                in_report || !t.text.contains(chrome),
                "{name}: portal chrome {chrome:?} leaked into the article"
            );
        }
        // The report's own pasted portal lines (some corpus .txt files start with a breadcrumb)
        // are chrome too and may go; every other paragraph must come through, in order.
        let kept: Vec<&String> = want.iter().filter(|l| got.contains(l)).collect();
        let lost: Vec<&String> = want.iter().filter(|l| !got.contains(l)).collect();
        // Words that make a short line portal furniture, as a reader would judge it.
        let chrome_words = [
            "位置",
            "浏览",
            "扫一扫",
            "字号",
            "打印",
            "关闭",
            "分享",
            "发布时间",
            "网站",
            "ICP",
            "索引号",
        ];
        for line in &lost {
            assert!(
                line.chars().count() <= 120 && chrome_words.iter().any(|w| line.contains(w)),
                "{name}: only short portal-chrome lines may be dropped, lost {line:?}"
            );
        }
        let got_in_order: Vec<&String> = got.iter().filter(|l| want.contains(l)).collect();
        assert_eq!(got_in_order, kept, "{name}: paragraphs keep their order");
        let extra: Vec<&String> = got.iter().filter(|l| !want.contains(l)).collect();
        assert!(
            extra.is_empty(),
            "{name}: nothing but the report's paragraphs, extra {extra:?}"
        );
    }
}

#[test]
fn generated_docx_yields_the_report_paragraphs_and_heading_hints() {
    if !common::corpus_present() {
        return;
    }
    for (name, text) in corpus() {
        let t = import_bytes(&docx(&text), Some("report.txt"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            t.format,
            SourceFormat::Docx,
            "{name}: a .docx named .txt is still a .docx"
        );
        assert_eq!(
            paragraphs(&t.text),
            paragraphs(&text),
            "{name}: the same paragraphs in order"
        );
        let headings = t.text.lines().filter(|l| is_level1_heading(l)).count();
        let level1_hints = t.heading_hints.iter().filter(|h| h.level == 1).count();
        assert_eq!(
            level1_hints, headings,
            "{name}: each Heading 1 paragraph carries a hint"
        );
        for hint in &t.heading_hints {
            let line = t.text.lines().nth(hint.line - 1).unwrap_or_default();
            assert!(
                is_level1_heading(line),
                "{name}: hint on line {} points at {line:?}",
                hint.line
            );
        }
    }
}
