//! Statistics values with report metric names: a department's spreadsheet (read by
//! nianbao-import's `read_statistics`) or a table inside a document (rows of cells joined by a
//! tab), each value named the way the parser names a figure of a report (`行政复议·受理`), so
//! that it can be matched with a draft's fill-in mark.

use std::sync::OnceLock;

use nianbao_import::Statistics;
use nianbao_report::Lexicon;
use nianbao_report::figures::FigureFinder;
use nianbao_report::metric::MetricNamer;
use serde::Serialize;

/// One value of a statistics table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatValue {
    /// The report metric name (`行政复议·受理`), as the parser would name the row written as a
    /// sentence; the table's own words when the parser finds no figure in it.
    pub metric: String,
    /// The row's name as the table writes it (`行政复议受理案件`).
    pub label: String,
    /// The value column's header (`本年`, `2024年`), "" when none.
    pub column: String,
    pub value: f64,
    /// The value as written in the table (`142`).
    pub text: String,
    /// The unit (`件`, `%`), "" when the table gives none.
    pub unit: String,
    /// Where it came from: `Sheet1!C7`, or `表1!C3` for a table inside a document.
    pub cell: String,
    /// The column is last year's (`上年`, `去年`, `同期`): a value for comparison, not to fill.
    pub last_year: bool,
}

/// The figure finder and metric namer of the built-in lexicon.
pub(crate) fn namer() -> &'static (FigureFinder, MetricNamer) {
    static N: OnceLock<(FigureFinder, MetricNamer)> = OnceLock::new();
    N.get_or_init(|| {
        let m = &Lexicon::builtin().metrics;
        // The embedded lexicon compiles (nianbao-report tests it).
        (
            FigureFinder::new(m).expect("embedded metrics compile"),
            MetricNamer::new(m).expect("embedded metrics compile"),
        )
    })
}

/// The metric name a report would give `label` followed by its value (`行政复议受理案件142件`).
pub fn metric_name(label: &str, text: &str, unit: &str) -> Option<String> {
    let (finder, namer) = namer();
    let unit = if unit.is_empty() { "件" } else { unit };
    let sentence = format!("{label}{text}{unit}");
    let found = finder.find(&sentence, 0);
    let at = found.iter().position(|f| f.start >= label.len())?;
    namer.name_line(&sentence, &found).into_iter().nth(at)
}

/// Whether a column header names a year (`2023年`, `2023`, `2023年度`) other than `year`: the
/// values under it are not that year's.
pub fn other_year_column(column: &str, year: i32) -> bool {
    let digits: Vec<char> = column.chars().collect();
    let mut named = Vec::new();
    let mut i = 0;
    while i < digits.len() {
        if digits[i].is_ascii_digit() {
            let start = i;
            while i < digits.len() && digits[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let y: String = digits[start..i].iter().collect();
                if let Ok(y) = y.parse::<i32>()
                    && (1949..=2100).contains(&y)
                {
                    named.push(y);
                }
            }
        } else {
            i += 1;
        }
    }
    !named.is_empty() && !named.contains(&year)
}

fn is_last_year(column: &str) -> bool {
    ["上年", "去年", "同期", "上一年", "前年"]
        .iter()
        .any(|w| column.contains(w))
}

/// Named values of a spreadsheet's statistics.
pub fn from_statistics(stats: &Statistics) -> Vec<StatValue> {
    stats
        .figures
        .iter()
        .map(|f| {
            let unit = f.unit.clone().unwrap_or_default();
            StatValue {
                metric: metric_name(&f.metric, &f.text, &unit).unwrap_or_else(|| f.metric.clone()),
                label: f.metric.clone(),
                column: f.column.clone(),
                value: f.value,
                text: f.text.clone(),
                unit,
                cell: f.cell.clone(),
                last_year: is_last_year(&f.column),
            }
        })
        .collect()
}

/// A number in a cell with its unit (`142`, `12.5%`, `1,234件`).
fn cell_number(cell: &str) -> Option<(f64, String, String)> {
    let t: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '，')
        .collect();
    let end = t
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (c == '-' && i == 0)))
        .map_or(t.len(), |(i, _)| i);
    let (num, unit) = t.split_at(end);
    let value: f64 = num.parse().ok()?;
    let unit_ok = unit.is_empty()
        || unit == "%"
        || (unit.chars().count() <= 3 && unit != "年" && unit.chars().all(char::is_alphabetic));
    unit_ok.then(|| (value, num.to_owned(), unit.to_owned()))
}

/// A unit written in a row or column name: `行政复议案件（件）` → (`行政复议案件`, `件`).
fn split_unit(name: &str) -> (String, Option<String>) {
    let name = name.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(stripped) = name.strip_suffix(close)
            && let Some(i) = stripped.rfind(open)
        {
            let inner = stripped[i + open.len_utf8()..]
                .trim_start_matches("单位：")
                .trim_start_matches("单位:");
            if !inner.is_empty() && inner.chars().count() <= 3 {
                return (stripped[..i].trim().to_owned(), Some(inner.to_owned()));
            }
        }
    }
    (name.to_owned(), None)
}

/// `C7` for a 0-based row and column.
fn cell_name(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// Tables inside a document's text: runs of lines whose cells are joined by tabs. The first
/// row with no number is the header; every later row whose first cell is a name and whose
/// other cells hold numbers gives one value per number. Returns the values and the 1-based
/// lines that belong to tables (they are no paragraphs).
pub fn from_text_tables(lines: &[&str]) -> (Vec<StatValue>, Vec<usize>) {
    let mut values = Vec::new();
    let mut table_lines = Vec::new();
    let mut table = 0usize;
    let mut row_in_table = 0usize;
    let mut header: Vec<String> = Vec::new();
    let mut previous_was_table = false;
    for (i, line) in lines.iter().enumerate() {
        if !line.contains('\t') {
            previous_was_table = false;
            continue;
        }
        table_lines.push(i + 1);
        if !previous_was_table {
            table += 1;
            row_in_table = 0;
            header.clear();
        }
        previous_was_table = true;
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let numbers: Vec<Option<(f64, String, String)>> =
            cells.iter().map(|c| cell_number(c)).collect();
        let row = row_in_table;
        row_in_table += 1;
        if numbers.iter().skip(1).all(Option::is_none) {
            if header.is_empty() {
                header = cells.iter().map(|c| (*c).to_owned()).collect();
            }
            continue;
        }
        let Some(first) = cells
            .first()
            .filter(|c| cell_number(c).is_none() && !c.is_empty())
        else {
            continue;
        };
        let (label, row_unit) = split_unit(first);
        for (col, n) in numbers.iter().enumerate().skip(1) {
            let Some((value, text, unit)) = n else {
                continue;
            };
            let column = header.get(col).cloned().unwrap_or_default();
            let (column_name, col_unit) = split_unit(&column);
            let unit = if unit.is_empty() {
                row_unit.clone().or(col_unit).unwrap_or_default()
            } else {
                unit.clone()
            };
            values.push(StatValue {
                metric: metric_name(&label, text, &unit).unwrap_or_else(|| label.clone()),
                label: label.clone(),
                last_year: is_last_year(&column_name),
                column: column_name,
                value: *value,
                text: text.clone(),
                unit,
                cell: format!("表{table}!{}", cell_name(row, col)),
            });
        }
    }
    (values, table_lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_named_for_another_year_is_not_this_years() {
        assert!(other_year_column("2023年", 2024));
        assert!(other_year_column("2023年度数值", 2024));
        assert!(!other_year_column("2024年", 2024));
        assert!(!other_year_column("本年", 2024));
        assert!(
            !other_year_column("2023年1-12月 / 2024年", 2024),
            "a header naming this year too"
        );
        assert!(!other_year_column("编号12345", 2024), "not a year");
    }

    #[test]
    fn a_table_inside_a_document_gives_named_values_with_their_cells() {
        let lines = [
            "统计表",
            "指标\t上年\t本年",
            "行政复议受理案件（件）\t113\t142",
            "行政机关负责人出庭应诉率\t95%\t100%",
            "正文又开始了。",
        ];
        let (values, table_lines) = from_text_tables(&lines);
        assert_eq!(table_lines, vec![2, 3, 4]);
        let this: Vec<_> = values.iter().filter(|v| !v.last_year).collect();
        assert_eq!(this.len(), 2, "{values:#?}");
        assert_eq!(this[0].label, "行政复议受理案件");
        assert_eq!(this[0].text, "142");
        assert_eq!(this[0].unit, "件");
        assert_eq!(this[0].cell, "表1!C2");
        assert_eq!(this[0].column, "本年");
        assert_eq!(this[1].unit, "%");
        assert!(this[0].metric.contains("复议"), "{}", this[0].metric);
        assert_eq!(values.iter().filter(|v| v.last_year).count(), 2);
    }

    #[test]
    fn a_metric_is_named_like_a_reports_figure() {
        let name = metric_name("行政复议受理案件", "142", "件");
        let (finder, namer) = namer();
        let line = "全年受理行政复议案件113件。";
        let found = finder.find(line, 0);
        let report_name = namer.name_line(line, &found);
        assert_eq!(name.as_deref(), report_name.first().map(String::as_str));
    }
}
