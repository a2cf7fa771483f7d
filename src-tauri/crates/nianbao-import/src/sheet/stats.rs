//! A department's statistics table → named figures. The table is a column of metric names and
//! one or more columns of values under header rows (上年 / 本年, merged group headers); units
//! come from the value itself (`12.5%`), a 单位 column, the metric (`行政复议案件（件）`), the
//! column header (`本年（单位：件）`) or a note above the table (`单位：件`), in that order.
//! It must never invent a figure: only cells that hold a number become figures, each with the
//! cell it came from, so a drafter can check it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Sheet, Val, number_text};

/// The figures read from a workbook's statistics tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    pub figures: Vec<StatFigure>,
}

/// One value of a statistics table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatFigure {
    /// The metric's name as the table writes it, unit removed (`行政复议案件`).
    pub metric: String,
    /// The value column's header, group headers first (`本年`, `收案数·本年`); empty if none.
    pub column: String,
    pub value: f64,
    /// The value as a drafter writes it (`142`, `12.5`).
    pub text: String,
    pub unit: Option<String>,
    /// Where it came from: `Sheet1!C7`.
    pub cell: String,
}

/// `C7` for row 6, column 2 (0-based).
pub(crate) fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(col) + 1;
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        letters.into_iter().collect::<String>(),
        u64::from(row) + 1
    )
}

/// A number in a cell, with the unit written after it (`12.5%`, `1,234件`); years are no
/// figures of a statistics table, so `2023年` stays text.
fn number(v: &Val) -> Option<(f64, Option<String>)> {
    match v {
        Val::Num(n) => Some((*n, None)),
        Val::Text(t) => cell_number(t).map(|(n, _, unit)| (n, (!unit.is_empty()).then_some(unit))),
    }
}

/// A number written in a table cell (a spreadsheet's, or a row of a table inside a document)
/// with the unit after it: `142`, `12.5%`, `1,234件`, `3‰` → (value, the number as written
/// without separators, the unit or ""). `2023年` is a year, not a figure; anything else after
/// the number (more than three characters, or not Chinese) makes the cell text.
pub fn cell_number(text: &str) -> Option<(f64, String, String)> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '，')
        .collect();
    let end = t
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (c == '-' && i == 0)))
        .map_or(t.len(), |(i, _)| i);
    let (num, unit) = t.split_at(end);
    let n: f64 = num.parse().ok()?;
    let unit_ok = unit.is_empty()
        || unit == "%"
        || unit == "‰"
        || (unit.chars().count() <= 3
            && unit != "年"
            && unit.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    unit_ok.then(|| (n, num.to_owned(), unit.to_owned()))
}

fn text_of(v: &Val) -> Option<&str> {
    match v {
        Val::Text(t) if number(v).is_none() && !t.trim().is_empty() => Some(t.trim()),
        _ => None,
    }
}

/// `单位：件` anywhere in the text, or a short unit in brackets at the end (`本年（件）`): the
/// text without it, and the unit.
pub(crate) fn split_unit(text: &str) -> (String, Option<String>) {
    let t = text.trim();
    for marker in ["单位：", "单位:", "计量单位：", "计量单位:"] {
        if let Some(at) = t.find(marker) {
            let after = &t[at + marker.len()..];
            let unit: String = after
                .trim_start()
                .chars()
                .take_while(|c| !matches!(c, '）' | ')' | '，' | ',' | '；' | ';' | ' ' | '　'))
                .collect();
            let mut before = t[..at].trim_end().to_owned();
            while before.ends_with(['（', '(']) {
                before.pop();
            }
            let before = before
                .trim_end_matches(['，', ',', '：', ':'])
                .trim()
                .to_owned();
            return (before, (!unit.is_empty()).then_some(unit));
        }
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = t.strip_suffix(close)
            && let Some(at) = inner.rfind(open)
        {
            let unit = &inner[at + open.len_utf8()..];
            let n = unit.chars().count();
            if (1..=4).contains(&n)
                && !unit.chars().any(|c| c.is_ascii_digit())
                && (unit.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) || unit == "%")
            {
                return (inner[..at].trim().to_owned(), Some(unit.to_owned()));
            }
        }
    }
    (t.to_owned(), None)
}

/// The sheet's cells with each merged area filled with its top-left value (small areas only:
/// a merge is a header or a label, never a whole sheet).
fn filled(sheet: &Sheet) -> BTreeMap<u32, BTreeMap<u32, Val>> {
    let mut rows = sheet.rows.clone();
    for &((r0, c0), (r1, c1)) in &sheet.merged {
        if r1 < r0 || c1 < c0 || r1 - r0 > 50 || c1 - c0 > 50 {
            continue;
        }
        let Some(v) = sheet.rows.get(&r0).and_then(|r| r.get(&c0)).cloned() else {
            continue;
        };
        for r in r0..=r1 {
            for c in c0..=c1 {
                rows.entry(r)
                    .or_default()
                    .entry(c)
                    .or_insert_with(|| v.clone());
            }
        }
    }
    rows
}

fn is_unit_header(t: &str) -> bool {
    matches!(t.trim(), "单位" | "计量单位" | "单 位")
}

fn is_skipped_header(t: &str) -> bool {
    matches!(t.trim(), "序号" | "备注" | "说明" | "编号")
}

/// A row of years (2022, 2023 or 2022年…) is a header row, not data.
fn is_year_row(row: &BTreeMap<u32, Val>) -> bool {
    let years: Vec<f64> = row
        .values()
        .filter_map(|v| match v {
            Val::Num(n) => Some(*n),
            Val::Text(_) => None,
        })
        .collect();
    !years.is_empty()
        && years
            .iter()
            .all(|y| y.fract() == 0.0 && (1990.0..=2100.0).contains(y))
}

pub(crate) fn figures(sheet: &Sheet) -> Vec<StatFigure> {
    let rows = filled(sheet);
    // Data rows: some text followed, further right, by a number.
    let data_rows: Vec<u32> = rows
        .iter()
        .filter(|(_, row)| !is_year_row(row))
        .filter(|(_, row)| {
            row.iter().any(|(c, v)| {
                text_of(v).is_some() && row.range(c + 1..).any(|(_, w)| number(w).is_some())
            })
        })
        .map(|(r, _)| *r)
        .collect();
    let Some(&first_data) = data_rows.first() else {
        return Vec::new();
    };
    // Header rows: the rows just above the first data row with two cells or more.
    let mut header_rows: Vec<u32> = rows
        .range(..first_data)
        .rev()
        .take_while(|(_, row)| row.len() >= 2)
        .take(3)
        .map(|(r, _)| *r)
        .collect();
    header_rows.reverse();
    let header_text = |c: u32| -> Vec<String> {
        header_rows
            .iter()
            .filter_map(|r| rows.get(r).and_then(|row| row.get(&c)))
            .map(super::shown)
            .collect()
    };
    let unit_col = rows
        .range(..first_data)
        .flat_map(|(_, row)| row.iter())
        .find(|(_, v)| matches!(v, Val::Text(t) if is_unit_header(t)))
        .map(|(c, _)| *c);
    let sheet_unit = rows
        .range(..first_data)
        .flat_map(|(_, row)| row.values())
        .filter_map(|v| match v {
            Val::Text(t) if t.contains("单位") => split_unit(t).1,
            _ => None,
        })
        .next();
    // The metric column: the one most often holding the text before a row's numbers.
    let mut votes: BTreeMap<u32, usize> = BTreeMap::new();
    for r in &data_rows {
        if let Some(row) = rows.get(r)
            && let Some((c, _)) = row.iter().find(|(c, v)| {
                Some(**c) != unit_col
                    && text_of(v).is_some()
                    && row.range(*c + 1..).any(|(_, w)| number(w).is_some())
            })
        {
            *votes.entry(*c).or_default() += 1;
        }
    }
    let Some(metric_col) = votes
        .iter()
        .max_by_key(|&(c, n)| (*n, u32::MAX - c))
        .map(|(c, _)| *c)
    else {
        return Vec::new();
    };

    let mut out = Vec::new();
    for r in &data_rows {
        let Some(row) = rows.get(r) else { continue };
        let Some(name) = row.get(&metric_col).and_then(text_of) else {
            continue;
        };
        let (metric, metric_unit) = split_unit(name);
        if metric.is_empty() {
            continue;
        }
        // A short text cell right of the name is the row's unit (an unlabelled 单位 column).
        let row_unit = unit_col
            .and_then(|c| row.get(&c))
            .and_then(text_of)
            .map(str::to_owned)
            .or_else(|| {
                row.range(metric_col + 1..)
                    .filter_map(|(_, v)| text_of(v))
                    .find(|t| t.chars().count() <= 3)
                    .map(str::to_owned)
            });
        for (&c, v) in row.range(metric_col + 1..) {
            if Some(c) == unit_col {
                continue;
            }
            let Some((value, own_unit)) = number(v) else {
                continue;
            };
            let headers = header_text(c);
            if headers.iter().any(|h| is_skipped_header(h)) {
                continue;
            }
            let mut column_unit = None;
            let mut labels: Vec<String> = Vec::new();
            for h in &headers {
                let (label, unit) = split_unit(h);
                column_unit = unit.or(column_unit);
                if !label.is_empty() && !labels.contains(&label) {
                    labels.push(label);
                }
            }
            out.push(StatFigure {
                metric: metric.clone(),
                column: labels.join("·"),
                value,
                text: number_text(value),
                unit: own_unit
                    .or_else(|| row_unit.clone())
                    .or_else(|| metric_unit.clone())
                    .or(column_unit)
                    .or_else(|| sheet_unit.clone()),
                cell: format!("{}!{}", sheet.name, cell_name(*r, c)),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(cells: &[(u32, u32, &str)]) -> Sheet {
        let mut s = Sheet {
            name: "Sheet1".into(),
            ..Sheet::default()
        };
        for &(r, c, t) in cells {
            let v = t
                .parse::<f64>()
                .map_or_else(|_| Val::Text(t.into()), Val::Num);
            s.rows.entry(r).or_default().insert(c, v);
        }
        s
    }

    #[test]
    fn cell_numbers_with_their_units() {
        assert_eq!(
            cell_number("142"),
            Some((142.0, "142".into(), String::new()))
        );
        assert_eq!(
            cell_number(" 1,234 件"),
            Some((1234.0, "1234".into(), "件".into()))
        );
        assert_eq!(
            cell_number("12.5%"),
            Some((12.5, "12.5".into(), "%".into()))
        );
        assert_eq!(cell_number("3‰"), Some((3.0, "3".into(), "‰".into())));
        assert_eq!(cell_number("-2"), Some((-2.0, "-2".into(), String::new())));
        assert_eq!(cell_number("2023年"), None, "a year is no figure");
        assert_eq!(
            cell_number("12个工作日以上"),
            None,
            "a sentence is no cell number"
        );
        assert_eq!(cell_number("5km"), None);
        assert_eq!(cell_number("行政复议"), None);
        assert_eq!(cell_number(""), None);
    }

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(6, 2), "C7");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
    }

    #[test]
    fn units_in_headers_and_names() {
        assert_eq!(split_unit("单位：件"), (String::new(), Some("件".into())));
        assert_eq!(
            split_unit("本年（单位：件）"),
            ("本年".into(), Some("件".into()))
        );
        assert_eq!(
            split_unit("行政复议案件（件）"),
            ("行政复议案件".into(), Some("件".into()))
        );
        assert_eq!(split_unit("纠错率(%)"), ("纠错率".into(), Some("%".into())));
        assert_eq!(
            split_unit("案件（2023年）"),
            ("案件（2023年）".into(), None)
        );
    }

    #[test]
    fn a_table_with_a_merged_group_header_and_a_unit_note() {
        let mut s = sheet(&[
            (0, 0, "示例区司法局统计表"),
            (1, 0, "单位：件"),
            (2, 0, "序号"),
            (2, 1, "指标"),
            (2, 2, "办理情况"),
            (3, 2, "上年"),
            (3, 3, "本年"),
            (3, 0, "序号"),
            (3, 1, "指标"),
            (4, 0, "1"),
            (4, 1, "行政复议案件"),
            (4, 2, "120"),
            (4, 3, "142"),
            (5, 0, "2"),
            (5, 1, "纠错率"),
            (5, 2, "8.5%"),
            (5, 3, "9.1%"),
        ]);
        s.merged.push(((2, 2), (2, 3)));
        let f = figures(&s);
        assert_eq!(f.len(), 4, "{f:#?}");
        assert_eq!(f[1].metric, "行政复议案件");
        assert_eq!(f[1].column, "办理情况·本年");
        assert_eq!(f[1].text, "142");
        assert_eq!(f[1].unit.as_deref(), Some("件"), "the note above the table");
        assert_eq!(f[1].cell, "Sheet1!D5");
        assert_eq!(f[3].unit.as_deref(), Some("%"), "the value's own unit wins");
        assert_eq!(f[3].text, "9.1");
    }

    #[test]
    fn a_unit_column_and_year_headers() {
        let s = sheet(&[
            (0, 0, "指标"),
            (0, 1, "单位"),
            (0, 2, "2022"),
            (0, 3, "2023"),
            (1, 0, "受理案件"),
            (1, 1, "件"),
            (1, 2, "30"),
            (1, 3, "41"),
        ]);
        let f = figures(&s);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].column, "2022");
        assert_eq!(f[1].unit.as_deref(), Some("件"));
        assert_eq!(f[1].cell, "Sheet1!D2");
    }

    #[test]
    fn a_sheet_without_numbers_has_no_figures() {
        assert!(figures(&sheet(&[(0, 0, "说明"), (1, 0, "本表无数据")])).is_empty());
    }
}
