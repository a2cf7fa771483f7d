//! The .docx export in the official layout (GB/T 9704-2012 党政机关公文格式): A4, margins
//! 37/35/28/26 mm, a 22 × 28 document grid, 仿宋_GB2312 三号 body with a two-character indent and
//! exact line spacing, 方正小标宋简体 二号 title, 黑体/楷体_GB2312/仿宋 bold headings, `— 1 —` page
//! numbers in 宋体 四号 (odd pages right, even pages left), issuer and date right-aligned.
//! Chinese fonts go in the eastAsia slot (Word/WPS fall back to a Western font otherwise).
//! Fill-in marks are highlighted yellow. It lays out blocks; it never edits the text.

use docx_rs::{
    AlignmentType, BorderType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE,
    InstrText, LineSpacing, LineSpacingType, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
};

use crate::error::DraftError;
use crate::export::layout::{Block, Role};
use crate::marks::Span;

/// Page and grid in twips (1/20 pt) and half-points, as the tests check them.
pub mod spec {
    pub const PAGE_WIDTH: u32 = 11906;
    pub const PAGE_HEIGHT: u32 = 16838;
    /// 37 mm, 35 mm, 28 mm, 26 mm.
    pub const MARGIN_TOP: i32 = 2098;
    pub const MARGIN_BOTTOM: i32 = 1984;
    pub const MARGIN_LEFT: i32 = 1588;
    pub const MARGIN_RIGHT: i32 = 1474;
    /// Header and footer distances from the page edge: the page number's top sits about 7 mm
    /// below the text block (GB/T 9704 7.5).
    pub const HEADER: i32 = 851;
    pub const FOOTER: i32 = 1304;
    /// 225 mm of text height / 22 lines = 28.95 pt.
    pub const LINE_PITCH: usize = 579;
    /// 156 mm / 28 characters = 15.79 pt per character, so a 16 pt character is condensed by
    /// 0.25 pt (in twentieths of a point): 28 × 15.75 pt fits in 156 mm. Condensing the runs,
    /// with a grid of lines only, lays out 28 characters a line in Word, WPS and LibreOffice
    /// alike; a `linesAndChars` grid does it in Word and WPS, but LibreOffice then gives each
    /// 16 pt glyph two narrower cells and shows about 17 characters a line.
    pub const BODY_CONDENSE: i32 = -5;
    /// 三号 16 pt, 二号 22 pt, 四号 14 pt, in half-points.
    pub const BODY_SIZE: usize = 32;
    pub const TITLE_SIZE: usize = 44;
    pub const PAGE_NUMBER_SIZE: usize = 28;
    /// Two characters of 16 pt.
    pub const FIRST_LINE_INDENT: i32 = 640;
    pub const BODY_FONT: &str = "仿宋_GB2312";
    pub const TITLE_FONT: &str = "方正小标宋简体";
    pub const HEADING1_FONT: &str = "黑体";
    pub const HEADING2_FONT: &str = "楷体_GB2312";
    pub const PAGE_NUMBER_FONT: &str = "宋体";
    /// 发文机关标志: red 方正小标宋简体, 小初 36 pt (half-points), off the line grid.
    pub const ISSUING_MARK_SIZE: usize = 72;
    pub const RED: &str = "FF0000";
    /// 版记 (抄送): 四号 14 pt, one character in on both sides, between two 0.35 mm rules
    /// (eighths of a point: 1 pt).
    pub const CC_SIZE: usize = 28;
    pub const CC_INDENT: i32 = 280;
    pub const CC_RULE: usize = 8;
    /// The red separator under the document number: 0.35 mm, 4 mm below the number (pt).
    pub const SEPARATOR_RULE: usize = 8;
    pub const SEPARATOR_SPACE: usize = 11;
    /// Empty lines left for the seal above the issuer (with the one every signature gets).
    pub const SEAL_LINES: usize = 2;
    pub const LATIN_FONT: &str = "Times New Roman";
}

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(spec::LATIN_FONT)
        .hi_ansi(spec::LATIN_FONT)
}

fn exact_lines() -> LineSpacing {
    LineSpacing::new()
        .line(spec::LINE_PITCH as i32)
        .line_rule(LineSpacingType::Exact)
        .before(0)
        .after(0)
}

#[derive(Clone, Copy)]
struct Look<'a> {
    font: &'a str,
    size: usize,
    bold: bool,
    red: bool,
}

const BODY: Look = Look {
    font: spec::BODY_FONT,
    size: spec::BODY_SIZE,
    bold: false,
    red: false,
};

fn rule(
    position: ParagraphBorderPosition,
    size: usize,
    space: usize,
    color: &str,
) -> ParagraphBorder {
    ParagraphBorder::new(position)
        .val(BorderType::Single)
        .size(size)
        .space(space)
        .color(color)
}

fn runs(mut p: Paragraph, spans: &[Span], look: Look) -> Paragraph {
    for span in spans {
        let mut run = Run::new()
            .add_text(span.text.as_str())
            .fonts(fonts(look.font))
            .size(look.size);
        if look.size == spec::BODY_SIZE {
            run = run.character_spacing(spec::BODY_CONDENSE);
        }
        if look.bold {
            run = run.bold();
        }
        if span.mark {
            run = run.highlight("yellow");
        }
        if look.red {
            run = run.color(spec::RED);
        }
        p = p.add_run(run);
    }
    p
}

fn paragraph(block: &Block) -> Paragraph {
    let base = Paragraph::new().line_spacing(exact_lines());
    let indented = base
        .clone()
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(spec::FIRST_LINE_INDENT)),
            None,
            None,
        )
        .align(AlignmentType::Both);
    match block.role {
        // Off the line grid, or LibreOffice gives each 22 pt title line two grid lines.
        Role::Title => runs(
            base.align(AlignmentType::Center).snap_to_grid(false),
            &block.spans,
            Look {
                font: spec::TITLE_FONT,
                size: spec::TITLE_SIZE,
                ..BODY
            },
        ),
        Role::IssuingMark => runs(
            Paragraph::new()
                .align(AlignmentType::Center)
                .snap_to_grid(false),
            &block.spans,
            Look {
                font: spec::TITLE_FONT,
                size: spec::ISSUING_MARK_SIZE,
                red: true,
                ..BODY
            },
        ),
        Role::DocNumber => runs(base.align(AlignmentType::Center), &block.spans, BODY),
        Role::SealSpace => base,
        Role::Cc => {
            let mut p = Paragraph::new()
                .line_spacing(exact_lines())
                .align(AlignmentType::Left)
                .indent(Some(spec::CC_INDENT), None, Some(spec::CC_INDENT), None);
            // Rules above and below only: docx-rs's default borders box all four sides.
            p.property = p.property.set_borders(
                ParagraphBorders::with_empty()
                    .set(rule(
                        ParagraphBorderPosition::Top,
                        spec::CC_RULE,
                        1,
                        "000000",
                    ))
                    .set(rule(
                        ParagraphBorderPosition::Bottom,
                        spec::CC_RULE,
                        1,
                        "000000",
                    )),
            );
            runs(
                p,
                &block.spans,
                Look {
                    size: spec::CC_SIZE,
                    ..BODY
                },
            )
        }
        Role::Addressee => runs(base.align(AlignmentType::Both), &block.spans, BODY),
        // 右空二字 for the issuer, 右空四字 for the date.
        Role::Issuer => runs(
            base.align(AlignmentType::Right)
                .indent(None, None, Some(640), None),
            &block.spans,
            BODY,
        ),
        Role::Date => runs(
            base.align(AlignmentType::Right)
                .indent(None, None, Some(1280), None),
            &block.spans,
            BODY,
        ),
        Role::Body => runs(indented, &block.spans, BODY),
        Role::Heading => {
            let head_look = match block.level {
                1 => Look {
                    font: spec::HEADING1_FONT,
                    ..BODY
                },
                2 => Look {
                    font: spec::HEADING2_FONT,
                    ..BODY
                },
                3 => Look { bold: true, ..BODY },
                _ => BODY,
            };
            let p = runs(
                indented.keep_next(block.spans.is_empty()),
                &block.head,
                head_look,
            );
            runs(p, &block.spans, BODY)
        }
    }
}

/// `— 1 —` in 宋体 四号, right on odd pages and left on even pages, one character in.
fn page_number_footer(align: AlignmentType, odd: bool) -> Footer {
    let look = |r: Run| {
        r.fonts(fonts(spec::PAGE_NUMBER_FONT))
            .size(spec::PAGE_NUMBER_SIZE)
    };
    let indent = if odd {
        (None, Some(280))
    } else {
        (Some(280), None)
    };
    let p = Paragraph::new()
        .align(align)
        .indent(indent.0, None, indent.1, None)
        .add_run(look(Run::new().add_text("— ")))
        .add_run(look(
            Run::new()
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
                .add_field_char(FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(FieldCharType::End, false),
        ))
        .add_run(look(Run::new().add_text(" —")));
    Footer::new().add_paragraph(p)
}

/// Build the whole document and return the .docx bytes.
pub fn build(blocks: &[Block]) -> Result<Vec<u8>, DraftError> {
    let mut docx = Docx::new()
        .page_size(spec::PAGE_WIDTH, spec::PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(spec::MARGIN_TOP)
                .bottom(spec::MARGIN_BOTTOM)
                .left(spec::MARGIN_LEFT)
                .right(spec::MARGIN_RIGHT)
                .header(spec::HEADER)
                .footer(spec::FOOTER),
        )
        .default_fonts(fonts(spec::BODY_FONT))
        .default_size(spec::BODY_SIZE)
        .footer(page_number_footer(AlignmentType::Right, true))
        .even_footer(page_number_footer(AlignmentType::Left, false));
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(spec::LINE_PITCH),
    );
    let empty = || Paragraph::new().line_spacing(exact_lines());
    for (i, block) in blocks.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| blocks[p].role);
        let next = blocks.get(i + 1).map(|b| b.role);
        if block.role == Role::Issuer
            || (block.role == Role::Date && previous != Some(Role::Issuer))
        {
            docx = docx.add_paragraph(empty());
        }
        // 发文字号 two lines under the 发文机关标志; 版记 apart from the text.
        if (block.role == Role::DocNumber && previous == Some(Role::IssuingMark))
            || block.role == Role::Cc
        {
            docx = docx.add_paragraph(empty()).add_paragraph(empty());
        }
        if block.role == Role::SealSpace {
            for _ in 0..spec::SEAL_LINES {
                docx = docx.add_paragraph(empty());
            }
            continue;
        }
        let mut p = paragraph(block);
        // The red separator under the number of a document with its 发文机关标志.
        if block.role == Role::DocNumber && previous == Some(Role::IssuingMark) {
            p.property = p
                .property
                .set_borders(ParagraphBorders::with_empty().set(rule(
                    ParagraphBorderPosition::Bottom,
                    spec::SEPARATOR_RULE,
                    spec::SEPARATOR_SPACE,
                    spec::RED,
                )));
        }
        docx = docx.add_paragraph(p);
        if block.role == Role::Title || (block.role == Role::DocNumber && next == Some(Role::Title))
        {
            docx = docx.add_paragraph(empty());
        }
    }
    let mut bytes = Vec::new();
    docx.build()
        .pack(std::io::Cursor::new(&mut bytes))
        .map_err(|e| DraftError::Docx(e.to_string()))?;
    Ok(bytes)
}
