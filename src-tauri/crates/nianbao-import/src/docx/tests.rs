use std::io::Write;

use zip::write::SimpleFileOptions;

use super::*;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        writer.start_file(*name, options).expect("start entry");
        writer.write_all(data).expect("write entry");
    }
    writer.finish().expect("finish zip").into_inner()
}

fn docx_with_body(body: &str, styles: Option<&str>) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    let mut entries: Vec<(&str, &[u8])> = vec![("word/document.xml", document.as_bytes())];
    let styles_xml = styles.map(|s| format!(r#"<w:styles {W}>{s}</w:styles>"#));
    if let Some(s) = &styles_xml {
        entries.push(("word/styles.xml", s.as_bytes()));
    }
    zip_of(&entries)
}

fn run(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn para(text: &str) -> String {
    format!("<w:p>{}</w:p>", run(text))
}

fn import_ok(bytes: &[u8]) -> ImportedText {
    import(
        bytes,
        &Limits::DEFAULT,
        &Deadline::after(std::time::Duration::from_secs(5)),
    )
    .expect("imports")
}

fn import_err(bytes: &[u8], limits: &Limits) -> ImportError {
    import(
        bytes,
        limits,
        &Deadline::after(std::time::Duration::from_secs(5)),
    )
    .expect_err("refused")
}

#[test]
fn paragraphs_come_out_in_order_without_blank_ones() {
    let body = format!(
        "{}<w:p/>{}{}",
        para("示例县2024年法治政府建设情况报告"),
        para("一、主要举措"),
        para("全年办理行政复议案件58件。")
    );
    let t = import_ok(&docx_with_body(&body, None));
    assert_eq!(
        t.text, "示例县2024年法治政府建设情况报告\n一、主要举措\n全年办理行政复议案件58件。",
        "order kept, empty paragraph dropped"
    );
    assert_eq!(t.format, SourceFormat::Docx);
}

#[test]
fn runs_tabs_breaks_and_entities_join_as_word_shows_them() {
    let body = "<w:p><w:r><w:t>受理</w:t></w:r><w:r><w:t>案件</w:t><w:tab/><w:t>58件</w:t><w:br/><w:t>R&amp;D&#12290;</w:t></w:r></w:p>";
    let t = import_ok(&docx_with_body(body, None));
    assert_eq!(
        t.text, "受理案件\t58件\nR&D。",
        "runs concatenate, w:tab is a tab, w:br a new line, entities resolve"
    );
}

#[test]
fn table_rows_are_tab_joined_lines() {
    let cell = |s: &str| format!("<w:tc><w:tcPr/>{}</w:tc>", para(s));
    let body = format!(
        "{}<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>{}",
        para("表1"),
        cell("指标"),
        cell("数量"),
        cell("行政复议受理"),
        cell("142"),
        para("表后正文。")
    );
    let t = import_ok(&docx_with_body(&body, None));
    assert_eq!(
        t.text, "表1\n指标\t数量\n行政复议受理\t142\n表后正文。",
        "one line per row, in place"
    );
}

#[test]
fn heading_styles_and_outline_levels_become_hints() {
    let styles = r#"<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
                    <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>"#;
    let body = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr>{}</w:p><w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>{}</w:p>{}<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>{}</w:p>"#,
        run("一、主要举措和成效"),
        run("（一）坚持党的领导"),
        para("正文。"),
        run("1.学法制度")
    );
    let t = import_ok(&docx_with_body(&body, Some(styles)));
    assert_eq!(
        t.heading_hints,
        vec![
            crate::HeadingHint { line: 1, level: 1 },
            crate::HeadingHint { line: 2, level: 2 },
            crate::HeadingHint { line: 4, level: 3 },
        ],
        "Word heading styles (by name, numeric id) and direct outlineLvl are kept"
    );
}

#[test]
fn deleted_text_and_textbox_fallbacks_are_not_read() {
    let body = format!(
        r#"<w:p>{}<w:del><w:r><w:delText>旧文字</w:delText></w:r></w:del><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>{}</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>{}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        run("正文"),
        para("文本框"),
        para("文本框")
    );
    let t = import_ok(&docx_with_body(&body, None));
    assert_eq!(
        t.text.matches("文本框").count(),
        1,
        "the VML fallback repeats the text box: {}",
        t.text
    );
    assert!(
        !t.text.contains("旧文字"),
        "tracked deletions are not the document"
    );
}

#[test]
fn zip_without_document_part_is_not_a_docx() {
    let bytes = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
    let err = import_err(&bytes, &Limits::DEFAULT);
    assert_eq!(
        err.code(),
        "import.not_docx",
        "an .xlsx or any other zip is named for what it is not"
    );
}

#[test]
fn truncated_docx_is_corrupt() {
    let bytes = docx_with_body(&para("示例。"), None);
    for cut in [bytes.len() / 2, bytes.len() - 10, 30] {
        let err = import_err(&bytes[..cut], &Limits::DEFAULT);
        assert_eq!(
            err.code(),
            "import.corrupt_zip",
            "cut at {cut}: a truncated zip is damaged, not empty"
        );
    }
}

#[test]
fn malformed_document_xml_is_reported() {
    let bytes = zip_of(&[(
        "word/document.xml",
        "<w:document><w:body><w:p><w:t>示例</w:p></w:body>".as_bytes(),
    )]);
    let err = import_err(&bytes, &Limits::DEFAULT);
    assert_eq!(
        err.code(),
        "import.malformed_xml",
        "mismatched tags are malformed XML"
    );
}

#[test]
fn inflating_past_the_budget_is_a_zip_bomb() {
    let big = para(&"示例".repeat(100_000));
    let bytes = docx_with_body(&big, None);
    let limits = Limits {
        max_inflated_bytes: 64 * 1024,
        ..Limits::DEFAULT
    };
    let err = import_err(&bytes, &limits);
    assert_eq!(
        err.code(),
        "import.zip_bomb",
        "counted while inflating, whatever the header says"
    );
}

#[test]
fn main_part_is_found_through_package_relationships() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>"#;
    let doc = format!(
        r#"<w:document {W}><w:body>{}</w:body></w:document>"#,
        para("主文档。")
    );
    let bytes = zip_of(&[
        ("_rels/.rels", rels.as_bytes()),
        ("word/main.xml", doc.as_bytes()),
    ]);
    assert_eq!(
        import_ok(&bytes).text,
        "主文档。",
        "non-Word producers may name the part differently"
    );
}

#[test]
fn word_auto_numbering_is_written_into_the_text() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
           </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let h1 = |t: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr>{}</w:p>"#,
            run(t)
        )
    };
    let h2 = |t: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
            run(t)
        )
    };
    let body = [
        h1("主要举措和成效"),
        h2("坚持党的领导"),
        para("正文。"),
        h2("化解矛盾纠纷"),
        h1("存在的不足"),
    ]
    .concat();
    let document = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
    let bytes = zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    let t = import_ok(&bytes);
    assert_eq!(
        t.text,
        "一、主要举措和成效\n（一）坚持党的领导\n正文。\n（二）化解矛盾纠纷\n二、存在的不足",
        "Word shows these numbers; the parser reads numbering from the text"
    );
    assert_eq!(
        t.heading_hints.len(),
        2,
        "the Heading 1 paragraphs are still hinted"
    );
}

#[test]
fn xml_readers_accept_any_part_without_panicking() {
    let deadline = Deadline::after(std::time::Duration::from_secs(5));
    let body = format!(
        r#"<w:document {W}><w:body>{}</w:body></w:document>"#,
        para("示例。")
    );
    assert_eq!(
        read_parts_xml(body.as_bytes(), &deadline).ok(),
        Some(1),
        "one paragraph read"
    );
    assert!(
        read_parts_xml(b"<w:p><w:t>x</w:p>", &deadline).is_err(),
        "broken XML is an error, not a panic"
    );
}
