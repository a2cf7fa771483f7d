//! The .md and .html exports: escaping, marks, and a Markdown that re-parses to the same outline.

mod common;

use nianbao_draft::{Format, Templates, draft_from_last, export};

const HOSTILE: &str = "示例市2024年法治政府建设年度报告\n示例省人民政府：\n一、主要举措\n网页里抄来的<img src=x onerror=alert(1)>和<script>alert(2)</script>，受理【113件→？】。\n示例市人民政府\n2025年1月8日";

#[test]
fn html_export_shows_markup_in_the_report_as_text() {
    let templates = Templates::load(None).expect("templates");
    let bytes = nianbao_draft::export::render(&common::parse(HOSTILE), Format::Html, &templates)
        .expect("html");
    let html = String::from_utf8(bytes).expect("utf-8");
    assert!(
        !html.contains("<img"),
        "an <img> in the text must not become an element:\n{html}"
    );
    assert!(
        !html.contains("<script>alert"),
        "a <script> in the text must not run"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "it is shown as text"
    );
    assert!(
        html.contains("<mark>【113件→？】</mark>"),
        "fill-in marks are highlighted"
    );
    assert!(
        html.contains("<h1>示例市2024年法治政府建设年度报告</h1>"),
        "title"
    );
    assert!(
        html.contains(r#"class="right">2025年1月8日"#),
        "date right-aligned"
    );
}

#[test]
fn markdown_export_reparses_into_the_same_outline() {
    let templates = Templates::load(None).expect("templates");
    let last = common::parse(&common::fixture("示例县2023年法治政府建设年度报告.txt"));
    let draft = draft_from_last(&last, 2024, &templates).expect("draft");
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["draft.md", "draft.txt"] {
        let out = dir.path().join(name);
        export(&common::parse(&draft.text), &out, &templates).expect("export");
        let again = common::parse(&std::fs::read_to_string(&out).expect("read back"));
        let shape =
            |r: &nianbao_report::Report| -> Vec<(String, String, u8, nianbao_report::SectionKind)> {
                r.all_sections()
                    .iter()
                    .map(|s| (s.number.clone(), s.heading.clone(), s.level, s.kind))
                    .collect()
            };
        assert_eq!(
            shape(&again),
            shape(&common::parse(&draft.text)),
            "{name} keeps the outline"
        );
        assert_eq!(
            nianbao_draft::marks::count(&std::fs::read_to_string(&out).expect("read")),
            nianbao_draft::marks::count(&draft.text),
            "{name} keeps every fill-in mark"
        );
    }
}

#[test]
fn unknown_extension_is_refused_and_nothing_is_written() {
    let templates = Templates::load(None).expect("templates");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("draft.pdf");
    let err = export(&common::parse(HOSTILE), &out, &templates).expect_err("pdf is not offered");
    assert_eq!(err.code(), "draft.unsupported_format");
    assert!(!out.exists(), "no file for a refused export");
}

#[test]
fn failed_export_leaves_the_previous_file_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("draft.md");
    std::fs::write(&out, "上一版").expect("seed");
    let broken = tempfile::tempdir().expect("dir");
    std::fs::create_dir_all(broken.path().join("export")).expect("mkdir");
    std::fs::write(
        broken.path().join("export/report.md"),
        "{% for b in blocks %}{{ b.nope.deeper }}{% endfor %}",
    )
    .expect("write");
    let bad = Templates::load(Some(broken.path())).expect("loads; fails at render");
    let err = export(&common::parse(HOSTILE), &out, &bad).expect_err("render fails");
    assert_eq!(err.code(), "draft.template");
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "上一版",
        "the old file is untouched"
    );
}
