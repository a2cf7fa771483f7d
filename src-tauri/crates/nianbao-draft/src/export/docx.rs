//! The .docx export in the official layout (GB/T 9704-2012 党政机关公文格式): A4, margins
//! 37/35/28/26 mm, a 22 × 28 document grid, 仿宋_GB2312 三号 body with a two-character indent and
//! exact line spacing, 方正小标宋简体 二号 title, 黑体/楷体_GB2312/仿宋 bold headings, `— 1 —` page
//! numbers in 宋体 四号 (odd pages right, even pages left), issuer and date right-aligned.
//! Chinese fonts go in the eastAsia slot (Word/WPS fall back to a Western font otherwise).
//! Fill-in marks are highlighted yellow. It lays out blocks; it never edits the text.

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
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
}

const BODY: Look = Look {
    font: spec::BODY_FONT,
    size: spec::BODY_SIZE,
    bold: false,
};

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
                bold: false,
            },
        ),
        Role::DocNumber => runs(base.align(AlignmentType::Center), &block.spans, BODY),
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
        if block.role == Role::Issuer
            || (block.role == Role::Date && i > 0 && blocks[i - 1].role != Role::Issuer)
        {
            docx = docx.add_paragraph(empty());
        }
        docx = docx.add_paragraph(paragraph(block));
        if block.role == Role::Title {
            docx = docx.add_paragraph(empty());
        }
    }
    let mut bytes = Vec::new();
    docx.build()
        .pack(std::io::Cursor::new(&mut bytes))
        .map_err(|e| DraftError::Docx(e.to_string()))?;
    Ok(bytes)
}
