//! Lines with their positions → paragraphs as a reader sees them. Pure geometry and text rules,
//! no PDF parsing, so each rule is tested on invented pages.
//! It must never join two lines of a table or across a heading, nor keep a running header, a
//! footer or a page number as text.

use std::collections::HashMap;

/// One word as the PDF library found it (x grows rightwards, sizes in points).
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub x: f32,
    pub width: f32,
    pub size: f32,
    pub text: String,
}

/// A run of words on one baseline with no wide gap inside: a text line, a column's line or a
/// table cell. `row` ties together the segments cut from one line of the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// Baseline height from the bottom of the page (larger is higher).
    pub y: f32,
    pub x: f32,
    pub right: f32,
    /// Font size in points.
    pub size: f32,
    pub text: String,
    pub row: usize,
}

/// The lines of one page, any order.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageLines {
    pub width: f32,
    /// The page's left edge (its media box's x0).
    pub left: f32,
    pub lines: Vec<Line>,
}

/// A gap wider than this many font sizes cuts a line into segments (table cells, columns).
const CELL_GAP: f32 = 1.8;

impl Line {
    /// The segments of one line of words (a single segment unless it has wide gaps); `row` is
    /// filled in by the caller's order when it matters (see [`paragraphs`]).
    /// `gutter` is the page's middle: a gap of half a character across it also cuts (the space
    /// between two columns can be narrower than a table's).
    pub(crate) fn from_words(
        y: f32,
        height: f32,
        words: &[Word],
        gutter: Option<f32>,
    ) -> Vec<Line> {
        let mut words: Vec<&Word> = words.iter().filter(|w| !w.text.trim().is_empty()).collect();
        words.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut out: Vec<Line> = Vec::new();
        let mut prev_end: Option<f32> = None;
        for w in words {
            let size = if w.size > 0.5 {
                w.size
            } else {
                height.max(1.0)
            };
            let text = squeeze_spaces(&w.text);
            let gap_cuts = prev_end.is_some_and(|end| {
                w.x - end > CELL_GAP * size
                    || gutter.is_some_and(|mid| {
                        w.x - end > 0.5 * size && end <= mid + size && w.x >= mid - size
                    })
            });
            match out.last_mut() {
                Some(line) if !gap_cuts => {
                    if needs_space(&line.text, &text) {
                        line.text.push(' ');
                    }
                    line.text.push_str(&text);
                    line.right = line.right.max(w.x + w.width);
                    line.size = line.size.max(size);
                }
                _ => out.push(Line {
                    y,
                    x: w.x,
                    right: w.x + w.width,
                    size,
                    text,
                    row: 0,
                }),
            }
            prev_end = Some(prev_end.map_or(w.x + w.width, |e: f32| e.max(w.x + w.width)));
        }
        out.retain(|l| !l.text.is_empty());
        out
    }
}

/// Spaces inside a word's text squeezed by the same rule as between words.
fn squeeze_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{3000}' {
            pending_space = !out.is_empty();
            continue;
        }
        if c == '\u{3000}' {
            pending_space = false;
            continue;
        }
        if pending_space && needs_space(&out, c.encode_utf8(&mut [0u8; 4])) {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// A space stays only between two Latin letters or digits (`Windows XP`, `120 142`); Chinese
/// has none, and none is wanted in `2020 年` or `5 %`.
fn needs_space(before: &str, after: &str) -> bool {
    match (before.chars().next_back(), after.chars().next()) {
        (Some(a), Some(b)) => a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric(),
        _ => false,
    }
}

/// Every page's lines → paragraphs in reading order, each with a heading level when its type is
/// markedly larger than the body's.
pub(crate) fn paragraphs(mut pages: Vec<PageLines>) -> Vec<(String, Option<u8>)> {
    for page in &mut pages {
        number_rows(&mut page.lines);
    }
    drop_running_lines(&mut pages);
    let body_size = body_font_size(&pages);
    let mut out: Vec<(String, Option<u8>)> = Vec::new();
    let mut prev: Option<(Line, f32)> = None; // the last line and its flow's right edge
    for page in &pages {
        for flow in flows(page) {
            for line in flow.lines {
                let new_paragraph = match &prev {
                    None => true,
                    Some((p, p_right)) => starts_paragraph(p, *p_right, &line, flow.left),
                };
                if new_paragraph {
                    let level = (line.size >= body_size * 1.25).then_some(1);
                    out.push((line.text.clone(), level));
                } else if let Some((text, _)) = out.last_mut() {
                    if needs_space(text, &line.text) {
                        text.push(' ');
                    }
                    text.push_str(&line.text);
                }
                prev = Some((line, flow.right));
            }
        }
    }
    out
}

/// Segments sorted top to bottom, left to right, with a shared `row` for each baseline.
fn number_rows(lines: &mut [Line]) {
    lines.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut row = 0;
    let mut row_y: Option<(f32, f32)> = None;
    for line in lines.iter_mut() {
        match row_y {
            Some((y, size)) if (y - line.y).abs() <= 0.4 * size.max(line.size) => {}
            Some(_) => {
                row += 1;
                row_y = Some((line.y, line.size));
            }
            None => row_y = Some((line.y, line.size)),
        }
        line.row = row;
    }
    lines.sort_by(|a, b| a.row.cmp(&b.row).then(a.x.total_cmp(&b.x)));
}

/// The text of a row, segments joined by a tab.
fn row_text(lines: &[Line], row: usize) -> String {
    lines
        .iter()
        .filter(|l| l.row == row)
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\t")
}

/// Drop page numbers and the lines repeated at the top or bottom of most pages.
fn drop_running_lines(pages: &mut [PageLines]) {
    const EDGE_ROWS: usize = 2;
    // Running headers and footers are short; a body line repeated on every page is not one.
    const RUNNING_MAX_CHARS: usize = 30;
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let edge_rows = |page: &PageLines| -> Vec<usize> {
        let last = page.lines.iter().map(|l| l.row).max();
        match last {
            None => Vec::new(),
            Some(last) => {
                let mut rows: Vec<usize> = (0..EDGE_ROWS.min(last + 1)).collect();
                rows.extend((last + 1).saturating_sub(EDGE_ROWS)..=last);
                rows.sort_unstable();
                rows.dedup();
                rows
            }
        }
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut keys: Vec<String> = edge_rows(page)
            .into_iter()
            .map(|r| key(&row_text(&page.lines, r)))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let repeated_at = (pages.len() / 2).max(2);
    for page in pages.iter_mut() {
        let drop: Vec<usize> = edge_rows(page)
            .into_iter()
            .filter(|&r| {
                let text = row_text(&page.lines, r);
                is_page_number(&text)
                    || (text.chars().count() <= RUNNING_MAX_CHARS
                        && seen.get(&key(&text)).is_some_and(|&n| n >= repeated_at))
            })
            .collect();
        page.lines.retain(|l| !drop.contains(&l.row));
    }
}

/// `— 3 —`, `-3-`, `- 3 -`, `第3页`, `第 3 页 共 9 页`, `3/9`, `Page 3`, or a bare number.
pub(crate) fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c: char| "-—–－一·•".contains(c));
    if t.is_empty() {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 5 && s.chars().all(|c| c.is_ascii_digit());
    if digits(t) {
        return true;
    }
    if let Some(rest) = t.strip_prefix('第') {
        let (n, tail) = rest.split_once('页').unwrap_or((rest, "x"));
        let tail_ok = tail.is_empty()
            || tail
                .strip_prefix('共')
                .and_then(|r| r.strip_suffix('页'))
                .is_some_and(digits);
        return digits(n) && tail_ok;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        let n = rest.split("of").next().unwrap_or("");
        return digits(n);
    }
    false
}

/// The font size most characters are set in.
fn body_font_size(pages: &[PageLines]) -> f32 {
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for line in pages.iter().flat_map(|p| &p.lines) {
        *counts.entry((line.size * 2.0).round() as u32).or_default() += line.text.chars().count();
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, u32::MAX - size))
        .map_or(12.0, |(size, _)| size as f32 / 2.0)
}

/// Lines in reading order with the edges they are laid between.
struct Flow {
    left: f32,
    right: f32,
    lines: Vec<Line>,
}

/// One flow per page, or, for a two-column page, what spans both columns above them, the left
/// column, the right column, and what spans both below.
fn flows(page: &PageLines) -> Vec<Flow> {
    let lines = &page.lines;
    if lines.is_empty() {
        return Vec::new();
    }
    let mid = page.left + page.width / 2.0;
    let slack = page.width * 0.02;
    let is_left = |l: &Line| l.right <= mid + slack;
    let is_right = |l: &Line| l.x >= mid - slack;
    let left: Vec<&Line> = lines
        .iter()
        .filter(|l| is_left(l) && !is_right(l))
        .collect();
    let right: Vec<&Line> = lines
        .iter()
        .filter(|l| is_right(l) && !is_left(l))
        .collect();
    let wide = |ls: &[&Line]| {
        let mut w: Vec<f32> = ls.iter().map(|l| l.right - l.x).collect();
        w.sort_by(f32::total_cmp);
        w.get(w.len() / 2).copied().unwrap_or(0.0) > page.width * 0.25
    };
    let two_columns = left.len() >= 4
        && right.len() >= 4
        && lines.len() - left.len() - right.len() <= lines.len() / 5
        && wide(&left)
        && wide(&right);
    if !two_columns {
        return vec![flow_of(joined_rows(lines))];
    }
    let top_of_columns = left
        .iter()
        .chain(&right)
        .map(|l| l.y)
        .fold(f32::MIN, f32::max);
    let spanning = |above: bool| -> Vec<Line> {
        let rest: Vec<Line> = lines
            .iter()
            .filter(|l| !(is_left(l) ^ is_right(l)) && ((l.y > top_of_columns) == above))
            .cloned()
            .collect();
        joined_rows(&rest)
    };
    let mut out = Vec::new();
    for part in [
        spanning(true),
        left.into_iter().cloned().collect(),
        right.into_iter().cloned().collect(),
        spanning(false),
    ] {
        if !part.is_empty() {
            out.push(flow_of(part));
        }
    }
    out
}

/// Segments of each row joined into one line (cells by a tab), rows top to bottom.
fn joined_rows(lines: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for l in lines {
        match out.last_mut() {
            Some(last) if last.row == l.row => {
                if l.x - last.right > CELL_GAP * l.size.max(last.size) {
                    last.text.push('\t');
                } else if needs_space(&last.text, &l.text) {
                    last.text.push(' ');
                }
                last.text.push_str(&l.text);
                last.right = last.right.max(l.right);
                last.size = last.size.max(l.size);
            }
            _ => out.push(l.clone()),
        }
    }
    out
}

fn flow_of(lines: Vec<Line>) -> Flow {
    let left = lines.iter().map(|l| l.x).fold(f32::MAX, f32::min);
    let right = lines.iter().map(|l| l.right).fold(f32::MIN, f32::max);
    Flow { left, right, lines }
}

/// Whether `line` begins a paragraph after `prev` (which ran in a flow ending at `prev_right`).
fn starts_paragraph(prev: &Line, prev_right: f32, line: &Line, left: f32) -> bool {
    let size = line.size.max(prev.size);
    prev.text.contains('\t')
        || line.text.contains('\t')
        || (line.size - prev.size).abs() > 0.2 * size
        || line.x > left + 0.8 * line.size
        || prev.right < prev_right - 1.5 * prev.size
        || (looks_like_heading(&line.text) && ends_sentence(&prev.text))
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':'])
}

/// `一、`, `（一）`, `1.`, `第一章` … at the start of a line.
fn looks_like_heading(text: &str) -> bool {
    let t = text.trim_start();
    let numeral = |c: char| "一二三四五六七八九十百零〇".contains(c) || c.is_ascii_digit();
    let n = t.chars().take_while(|&c| numeral(c)).count();
    if n > 0 {
        return matches!(t.chars().nth(n), Some('、' | '.' | '．'));
    }
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        let n = rest.chars().take_while(|&c| numeral(c)).count();
        return n > 0 && matches!(rest.chars().nth(n), Some('）' | ')'));
    }
    if let Some(rest) = t.strip_prefix('第') {
        let n = rest.chars().take_while(|&c| numeral(c)).count();
        return n > 0 && matches!(rest.chars().nth(n), Some('章' | '节' | '部' | '条'));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(x: f32, text: &str) -> Word {
        Word {
            x,
            width: text.chars().count() as f32 * 10.0,
            size: 10.0,
            text: text.into(),
        }
    }

    fn line(y: f32, x: f32, text: &str) -> Line {
        Line {
            y,
            x,
            right: x + text.chars().count() as f32 * 10.0,
            size: 10.0,
            text: text.into(),
            row: 0,
        }
    }

    fn page(lines: Vec<Line>) -> PageLines {
        PageLines {
            width: 595.0,
            left: 0.0,
            lines,
        }
    }

    fn texts(pages: Vec<PageLines>) -> Vec<String> {
        paragraphs(pages).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn spaces_between_chinese_and_digits_go_latin_words_keep_theirs() {
        let l = Line::from_words(
            700.0,
            10.0,
            &[
                word(50.0, "2020"),
                word(92.0, "年"),
                word(104.0, "受理"),
                word(126.0, "5"),
                word(138.0, "%"),
                word(150.0, "Windows"),
                word(222.0, "XP"),
            ],
            None,
        );
        assert_eq!(l.len(), 1, "no wide gap, one segment");
        assert_eq!(l[0].text, "2020年受理5%Windows XP");
        assert_eq!(squeeze_spaces("2020 年 ( 一 )"), "2020年(一)");
    }

    #[test]
    fn a_wide_gap_cuts_cells() {
        let l = Line::from_words(
            700.0,
            10.0,
            &[
                word(50.0, "行政复议"),
                word(200.0, "120"),
                word(300.0, "142"),
            ],
            None,
        );
        let cells: Vec<&str> = l.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(cells, ["行政复议", "120", "142"]);
    }

    #[test]
    fn page_numbers_in_every_style() {
        for s in [
            "— 3 —",
            "-3-",
            "- 12 -",
            "第3页",
            "第 3 页 共 9 页",
            "3/9",
            "Page 3",
            "7",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["一、总体情况", "2023年", "第三章", "受理3件"] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn wrapped_lines_join_without_space_paragraphs_split_at_short_lines_and_indents() {
        // Full lines end at the right margin (x 310); a paragraph's first line is indented by
        // two characters, so it holds two fewer.
        let full = "全年共受理行政复议案件一百四十二件比上年增长较多其中";
        let first = "全年共受理行政复议案件一百四十二件比上年增长较多";
        let p = page(vec![
            line(800.0, 100.0, "一、总体情况"),
            line(780.0, 70.0, first),
            line(760.0, 50.0, full),
            line(740.0, 50.0, "办结。"),
            line(720.0, 70.0, first),
            line(700.0, 50.0, "2020年完成。"),
        ]);
        let t = texts(vec![p]);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[0], "一、总体情况");
        assert_eq!(t[1], format!("{first}{full}办结。"));
        assert_eq!(
            t[2],
            format!("{first}2020年完成。"),
            "no space at the line break"
        );
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_dropped() {
        let body = "全年共受理行政复议案件一百四十二件比上年增长较多，其中行政机关负责人出庭应诉";
        let pages: Vec<PageLines> = (1..=3)
            .map(|n| {
                page(vec![
                    line(820.0, 200.0, "示例市人民政府文件"),
                    line(780.0, 70.0, &format!("{body}{n}。")),
                    line(760.0, 50.0, &format!("{body}{n}。")),
                    line(30.0, 280.0, &format!("— {n} —")),
                ])
            })
            .collect();
        let t = texts(pages);
        assert!(t.iter().all(|p| !p.contains("示例市人民政府文件")), "{t:?}");
        assert!(t.iter().all(|p| !p.contains('—')), "{t:?}");
        assert_eq!(t.len(), 3, "one paragraph per page: {t:?}");
        assert!(t[0].ends_with("1。"), "{t:?}");
    }

    #[test]
    fn two_columns_are_read_left_then_right() {
        let mut lines = vec![line(810.0, 200.0, "示例区工作简报")];
        for i in 0..6 {
            let y = 780.0 - 20.0 * i as f32;
            lines.push(line(y, 40.0, &format!("左栏第{i}行文字内容较长一些的句子")));
            lines.push(line(
                y,
                310.0,
                &format!("右栏第{i}行文字内容较长一些的句子"),
            ));
        }
        let t = texts(vec![page(lines)]);
        let joined = t.join("\n");
        let first_right = joined.find("右栏第0行").expect("right column read");
        let last_left = joined.find("左栏第5行").expect("left column read");
        assert!(joined.starts_with("示例区工作简报"), "{joined}");
        assert!(last_left < first_right, "left column first: {joined}");
    }

    #[test]
    fn table_rows_stay_rows_with_tabs() {
        let mut lines = Vec::new();
        for (i, (name, a, b)) in [("指标", "上年", "本年"), ("行政复议", "120", "142")]
            .iter()
            .enumerate()
        {
            let y = 700.0 - 20.0 * i as f32;
            lines.extend(Line::from_words(
                y,
                10.0,
                &[word(50.0, name), word(250.0, a), word(400.0, b)],
                Some(297.0),
            ));
        }
        let t = texts(vec![page(lines)]);
        assert_eq!(t, ["指标\t上年\t本年", "行政复议\t120\t142"]);
    }

    #[test]
    fn larger_type_is_a_heading_hint() {
        let mut title = line(800.0, 150.0, "示例市2024年法治政府建设年度报告");
        title.size = 18.0;
        let body = "全年共受理行政复议案件一百四十二件。";
        let p = paragraphs(vec![page(vec![
            title,
            line(760.0, 70.0, body),
            line(740.0, 70.0, body),
        ])]);
        assert_eq!(p[0].1, Some(1), "{p:?}");
        assert_eq!(p[1].1, None);
    }

    #[test]
    fn headings_start_their_own_paragraph() {
        assert!(looks_like_heading("一、总体情况"));
        assert!(looks_like_heading("（二）推进依法行政"));
        assert!(looks_like_heading("3.加强监督"));
        assert!(!looks_like_heading("一是加强学习"));
    }
}
