//! Statistics values with report metric names: a department's spreadsheet (read by
//! nianbao-import's `read_statistics`) or a table inside a document (rows of cells joined by a
//! tab), each value named the way the office's parser names a figure of a report
//! (`行政复议·受理`, from its `metrics.toml`), so that it can be matched with a draft's fill-in
//! mark; names are compared through the office's word groups (`aliases.toml`: 收到 = 受理).
//! Cells are read as numbers by nianbao-import's [`nianbao_import::cell_number`], the same
//! reading a spreadsheet's cells get.

use nianbao_import::{Statistics, cell_number};
use nianbao_report::ReportParser;
use serde::Serialize;

/// How the office names and compares metrics: its parser (the lexicon with its own
/// `metrics.toml`) and the word groups of its `aliases.toml`.
#[derive(Clone, Copy)]
pub struct Naming<'a> {
    pub parser: &'a ReportParser,
    /// A word's group as one word (the group's first word); the word itself when it has none.
    pub canonical: &'a dyn Fn(&str) -> String,
}

impl std::fmt::Debug for Naming<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Naming").finish_non_exhaustive()
    }
}

fn itself(word: &str) -> String {
    word.to_owned()
}

impl Naming<'static> {
    /// The built-in lexicon, no word groups.
    pub fn builtin() -> Naming<'static> {
        Naming {
            parser: ReportParser::builtin(),
            canonical: &itself,
        }
    }
}

impl<'a> Naming<'a> {
    /// A parser's naming (an office's lexicon), no word groups.
    pub fn of(parser: &'a ReportParser) -> Naming<'a> {
        Naming {
            parser,
            canonical: &itself,
        }
    }

    /// The metric name the parser gives `label` followed by its value (`行政复议受理案件142件`).
    pub fn metric_name(&self, label: &str, text: &str, unit: &str) -> Option<String> {
        let finder = self.parser.figure_finder();
        let namer = self.parser.metric_namer();
        let unit = if unit.is_empty() { "件" } else { unit };
        let sentence = format!("{label}{text}{unit}");
        let found = finder.find(&sentence, 0);
        let at = found.iter().position(|f| f.start >= label.len())?;
        namer.name_line(&sentence, &found).into_iter().nth(at)
    }

    /// Whether two metric names are one metric for the office: the same, or the same once
    /// each part (`行政复议`, `收到`) is replaced by its word group.
    pub fn same_metric(&self, a: &str, b: &str) -> bool {
        if a.is_empty() || b.is_empty() {
            return false;
        }
        a == b || self.canonical_metric(a) == self.canonical_metric(b)
    }

    fn canonical_metric(&self, metric: &str) -> String {
        metric
            .split('·')
            .map(|part| (self.canonical)(part))
            .collect::<Vec<_>>()
            .join("·")
    }
}

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
pub fn from_statistics(stats: &Statistics, naming: &Naming<'_>) -> Vec<StatValue> {
    stats
        .figures
        .iter()
        .map(|f| {
            let unit = f.unit.clone().unwrap_or_default();
            StatValue {
                metric: naming
                    .metric_name(&f.metric, &f.text, &unit)
                    .unwrap_or_else(|| f.metric.clone()),
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
pub fn from_text_tables(lines: &[&str], naming: &Naming<'_>) -> (Vec<StatValue>, Vec<usize>) {
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
                metric: naming
                    .metric_name(&label, text, &unit)
                    .unwrap_or_else(|| label.clone()),
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
        let (values, table_lines) = from_text_tables(&lines, &Naming::builtin());
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
        let naming = Naming::builtin();
        let name = naming.metric_name("行政复议受理案件", "142", "件");
        let report = ReportParser::builtin().parse_text("示例\n全年受理行政复议案件113件。");
        let report_name = report.figures.first().map(|f| f.metric.as_str());
        assert!(name.is_some());
        assert_eq!(name.as_deref(), report_name);
    }

    #[test]
    fn the_offices_word_groups_make_two_names_one_metric() {
        let groups = |w: &str| {
            if w == "收到" {
                "受理".to_owned()
            } else {
                w.to_owned()
            }
        };
        let naming = Naming {
            parser: ReportParser::builtin(),
            canonical: &groups,
        };
        assert!(naming.same_metric("行政复议·收到", "行政复议·受理"));
        assert!(!naming.same_metric("行政复议·收到", "行政复议·办结"));
        assert!(!naming.same_metric("", ""), "no name matches nothing");
        assert!(!Naming::builtin().same_metric("行政复议·收到", "行政复议·受理"));
    }

    #[test]
    fn an_offices_metrics_file_names_the_rows() {
        // An office that counts 法治讲座 as its own family: the row is named by it.
        let dir = tempfile::tempdir().expect("tmp");
        let builtin = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../nianbao-report/data/metrics.toml"
        ))
        .expect("the built-in metrics.toml");
        let metrics = builtin.replacen(
            "[[family]]",
            "[[family]]\nname = \"示例讲堂\"\nkeywords = [\"示例讲堂\"]\ndefault = \"举办\"\n\
             actions = [{ name = \"举办\", words = [\"举办\"] }]\n\n[[family]]",
            1,
        );
        std::fs::write(dir.path().join("metrics.toml"), metrics).expect("write");
        let office = ReportParser::for_folder(dir.path())
            .expect("the office's lexicon reads")
            .expect("an edited lexicon");
        let lines = ["指标\t本年", "示例讲堂举办场次（场）\t12"];
        let (values, _) = from_text_tables(&lines, &Naming::of(&office));
        assert_eq!(values.len(), 1, "{values:#?}");
        let report = office.parse_text("示例\n全年示例讲堂举办12场。");
        assert_eq!(
            Some(values[0].metric.as_str()),
            report.figures.first().map(|f| f.metric.as_str()),
            "the row is named as the office's parser names the report's figure"
        );
        assert!(
            values[0].metric.starts_with("示例讲堂"),
            "{}",
            values[0].metric
        );
    }
}
