//! PDF and Word 97-2003 files as LibreOffice writes them from a drafter's .docx: every corpus
//! report reads the same as its .txt (same outline, same figures), and invented documents with
//! running headers, page-number footers, two columns, a table, tracked changes and a field read
//! as a person reads them. All conversions of this binary happen once, in one temp folder.
mod common;
#[path = "formats_support/mod.rs"]
mod office;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use nianbao_import::{SourceFormat, import_bytes, import_path};
use office::Layout;

/// An invented report long enough for several pages, with figures in every paragraph.
fn invented_report() -> String {
    let mut s = String::from("示例市2024年法治政府建设年度报告\n");
    for (i, head) in ["一、主要举措和成效", "二、存在的不足", "三、下一步工作安排"]
        .iter()
        .enumerate()
    {
        s.push_str(head);
        s.push('\n');
        for j in 0..6 {
            s.push_str(&format!(
                "第{i}{j}段：示例市坚持依法行政，全年共受理行政复议案件{}件，同比增长{}.5%，\
                 行政机关负责人出庭应诉率达到100%，办理人大代表建议和政协提案{}件，\
                 组织执法人员培训{}人次，各项工作稳步推进。\n",
                100 + i * 10 + j,
                j + 1,
                40 + j,
                300 + j
            ));
        }
    }
    s
}

struct Converted {
    dir: PathBuf,
    corpus: Vec<(String, String)>,
}

fn converted() -> Option<&'static Converted> {
    static DIR: OnceLock<Option<Converted>> = OnceLock::new();
    DIR.get_or_init(|| {
        office::soffice()?;
        let dir = tempfile::Builder::new()
            .prefix("nianbao-formats-")
            .tempdir()
            .expect("temp dir")
            .keep();
        let corpus = common::corpus();
        let mut docs: Vec<(String, Vec<u8>)> = corpus
            .iter()
            .enumerate()
            .map(|(i, (_, text))| {
                (
                    format!("corpus{i}"),
                    office::official_docx(text, Layout::default()),
                )
            })
            .collect();
        let text = invented_report();
        docs.push((
            "headed".into(),
            office::official_docx(
                &text,
                Layout {
                    header_footer: true,
                    two_columns: false,
                },
            ),
        ));
        docs.push((
            "columns".into(),
            office::official_docx(
                &text,
                Layout {
                    header_footer: false,
                    two_columns: true,
                },
            ),
        ));
        docs.push(("revised".into(), revised_docx()));
        office::convert(&dir, &docs, &["pdf", "doc"]);
        Some(Converted { dir, corpus })
    })
    .as_ref()
}

/// A .docx with a table, a tracked deletion and insertion, and a field.
fn revised_docx() -> Vec<u8> {
    use docx_rs::*;
    let cell =
        |t: &str| TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)));
    let doc = Docx::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("示例区统计简报")))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("全年受理案件"))
                .add_delete(Delete::new().add_run(Run::new().add_delete_text("九十")))
                .add_insert(Insert::new(Run::new().add_text("142")))
                .add_run(Run::new().add_text("件。")),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("本页为第"))
                .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
                .add_run(Run::new().add_instr_text(InstrText::Unsupported("PAGE".into())))
                .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
                .add_run(Run::new().add_text("1"))
                .add_run(Run::new().add_field_char(FieldCharType::End, false))
                .add_run(Run::new().add_text("页。")),
        )
        .add_table(Table::new(vec![
            TableRow::new(vec![cell("指标"), cell("上年"), cell("本年")]),
            TableRow::new(vec![cell("行政复议"), cell("120"), cell("142")]),
        ]))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("以上为示例数据。")));
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).expect("docx");
    out.into_inner()
}

fn read(c: &Converted, stem: &str, ext: &str) -> nianbao_import::ImportedText {
    let path = c.dir.join(format!("{stem}.{ext}"));
    import_path(&path).unwrap_or_else(|e| panic!("{stem}.{ext}: {e}"))
}

type Outline = Vec<(String, String)>;

fn outline(report: &nianbao_report::Report) -> Outline {
    report
        .all_sections()
        .iter()
        .map(|s| (s.number.clone(), s.kind.key().to_owned()))
        .collect()
}

fn figures(report: &nianbao_report::Report) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for f in &report.figures {
        *out.entry((format!("{}", f.value), f.unit.clone()))
            .or_default() += 1;
    }
    out
}

#[test]
fn every_corpus_report_reads_the_same_from_pdf_and_doc() {
    let Some(c) = converted() else { return };
    let mut failures = Vec::new();
    for (i, (name, text)) in c.corpus.iter().enumerate() {
        let want = nianbao_report::parse_text(text);
        for ext in ["pdf", "doc"] {
            let got_text = read(c, &format!("corpus{i}"), ext);
            assert_eq!(
                got_text.format,
                if ext == "pdf" {
                    SourceFormat::Pdf
                } else {
                    SourceFormat::Doc
                }
            );
            let got = nianbao_report::parse_text(&got_text.text);
            if outline(&got) != outline(&want) {
                failures.push(format!(
                    "{name} as .{ext}: outline differs\n  want {:?}\n  got  {:?}",
                    outline(&want),
                    outline(&got)
                ));
            }
            let (w, g) = (figures(&want), figures(&got));
            if w != g {
                let missing: Vec<_> = w.iter().filter(|(k, n)| g.get(*k) != Some(n)).collect();
                let extra: Vec<_> = g.iter().filter(|(k, n)| w.get(*k) != Some(n)).collect();
                failures.push(format!(
                    "{name} as .{ext}: figures differ\n  txt has {missing:?}\n  .{ext} has {extra:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn running_header_and_page_number_footer_are_dropped_paragraphs_span_pages() {
    let Some(c) = converted() else { return };
    let t = read(c, "headed", "pdf");
    assert!(
        !t.text.contains("示例市人民政府办公室"),
        "running header kept: {}",
        t.text
    );
    let want: Vec<String> = common::paragraphs(&invented_report());
    let got: Vec<&str> = t.text.lines().collect();
    assert_eq!(got, want, "every paragraph whole, nothing else");
    assert_eq!(
        t.heading_hints.first().map(|h| (h.line, h.level)),
        Some((1, 1)),
        "the larger title is a heading"
    );
}

#[test]
fn a_two_column_page_is_read_column_by_column() {
    let Some(c) = converted() else { return };
    let t = read(c, "columns", "pdf");
    let want: Vec<String> = common::paragraphs(&invented_report());
    let got: Vec<&str> = t.text.lines().collect();
    assert_eq!(got, want);
}

#[test]
fn doc_headings_come_from_paragraph_styles() {
    let Some(c) = converted() else { return };
    let t = read(c, "headed", "doc");
    let want: Vec<String> = common::paragraphs(&invented_report());
    let got: Vec<&str> = t.text.lines().collect();
    assert_eq!(got, want, ".doc text is the document's text");
    let heading_lines: Vec<usize> = t
        .heading_hints
        .iter()
        .filter(|h| h.level == 1)
        .map(|h| h.line)
        .collect();
    let expected: Vec<usize> = want
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with(['一', '二', '三']) && l.chars().nth(1) == Some('、'))
        .map(|(i, _)| i + 1)
        .collect();
    for line in expected {
        assert!(
            heading_lines.contains(&line),
            "line {line} is Heading 1: {:?}",
            t.heading_hints
        );
    }
}

#[test]
fn tracked_changes_fields_and_tables_read_as_shown() {
    let Some(c) = converted() else { return };
    for ext in ["doc", "pdf"] {
        let t = read(c, "revised", ext);
        let lines: Vec<&str> = t.text.lines().collect();
        // A PDF prints a tracked deletion struck through: that is ink on the page, so only
        // the .doc, where it is a revision mark, drops it.
        if ext == "doc" {
            assert!(
                lines.contains(&"全年受理案件142件。"),
                ".doc: the deletion is gone: {lines:?}"
            );
        }
        assert!(
            lines.contains(&"本页为第1页。"),
            ".{ext}: the field shows its result: {lines:?}"
        );
        assert!(
            lines.contains(&"行政复议\t120\t142"),
            ".{ext}: a table row: {lines:?}"
        );
    }
}

#[test]
fn a_pdf_without_text_is_a_scan() {
    let pdf = office::handmade_pdf(
        &["0 0 1 rg 100 100 400 600 re f", "0.5 g 50 50 200 200 re f"],
        "",
    );
    let err = import_bytes(&pdf, Some("扫描件.pdf")).expect_err("no text layer");
    assert_eq!(err.code(), "import.scanned_pdf", "{err}");
    assert!(err.for_drafter().contains("扫描"), "{}", err.for_drafter());
}

#[test]
fn a_handmade_pdf_with_latin_text_reads() {
    let pdf = office::handmade_pdf(&["BT /F1 12 Tf 72 700 Td (Annual report 2024) Tj ET"], "");
    let t = import_bytes(&pdf, None).expect("a text layer");
    assert_eq!(t.text, "Annual report 2024");
    assert_eq!(t.format, SourceFormat::Pdf);
}
