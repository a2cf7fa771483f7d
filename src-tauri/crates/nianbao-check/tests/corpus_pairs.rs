//! Test pairs built from the real corpus AT TEST TIME: a corpus report as last year, an edited
//! copy as this year (figures changed, one left unchanged, a paragraph left as it was, a year
//! left behind, terms from the wrong period, broken arithmetic), and every finding asserted.
//! Also: the clean corpus reports raise no error a careful reader would reject.
//!
//! Nothing of the corpus is copied into the repository: the texts are read from
//! `NIANBAO_CORPUS` (default `<repo root>/../shared/corpus`) and edited in memory.

use nianbao_check::{CheckReport, Finding, Severity, check};
use nianbao_report::parse_text;

#[path = "../../../../tests/support/corpus.rs"]
mod corpus_support;
use corpus_support::{corpus_dir, corpus_present};

/// The corpus report whose file name starts with `prefix` (`001_`).
fn corpus(prefix: &str) -> String {
    let dir = corpus_dir();
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus at {} must be readable: {e}", dir.display()))
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("corpus report {prefix}* must exist in {}", dir.display()));
    std::fs::read_to_string(entry.path()).unwrap_or_default()
}

/// Apply edits, each of which must match (a corpus change would otherwise silently void a test).
fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (from, to) in edits {
        assert!(
            out.contains(from),
            "the corpus text must contain {from:?} for this edit"
        );
        out = out.replacen(from, to, 1);
    }
    out
}

fn has(result: &CheckReport, code: &str, line: usize) -> bool {
    result
        .findings
        .iter()
        .any(|f| f.code == code && f.line == line)
}

fn errors(result: &CheckReport) -> Vec<(String, usize)> {
    result
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.code.to_string(), f.line))
        .collect()
}

fn find<'a>(result: &'a CheckReport, code: &str, line: usize) -> Option<&'a Finding> {
    result
        .findings
        .iter()
        .find(|f| f.code == code && f.line == line)
}

#[test]
fn clean_corpus_reports_raise_only_the_one_real_error() {
    if !corpus_present() {
        return;
    }
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let report = parse_text(&corpus(prefix));
        let result = check(&report, None);
        let expected: Vec<(String, usize)> = if prefix == "001_" {
            // 梳理…事项315项,已实现299个事项…,实现率达98%: 299/315 = 94.9%.
            vec![("arith.rate".to_owned(), 14)]
        } else {
            Vec::new()
        };
        assert_eq!(
            errors(&result),
            expected,
            "{prefix}: every error must be provable from the text, and Jiangshan's rate must be found"
        );
    }
}

#[test]
fn a_report_checked_against_itself_finds_every_paragraph_copied_and_no_error_but_the_real_one() {
    if !corpus_present() {
        return;
    }
    let report = parse_text(&corpus("001_"));
    let result = check(&report, Some(&report));
    assert_eq!(
        errors(&result),
        vec![("arith.rate".to_owned(), 14)],
        "no figure error against itself"
    );
    assert!(
        has(&result, "text.same_as_last", 12),
        "an identical paragraph is a copy"
    );
    assert!(
        result
            .figures
            .iter()
            .all(|r| r.change == "持平" || r.this_value.is_none() || r.last_value.is_none()),
        "every aligned figure of a report against itself is unchanged"
    );
}

/// Jiangshan 2020 as last year; an edited copy as a 2021 report.
fn jiangshan_2021() -> (CheckReport, nianbao_report::Report) {
    let last_text = corpus("001_");
    let this_text = edit(
        &last_text,
        &[
            (
                "江山市人民政府2020年法治政府建设年度报告",
                "江山市人民政府2021年法治政府建设年度报告",
            ),
            ("2020年,江山市认真贯彻", "2021年,江山市认真贯彻"),
            // Line 12: a term from the wrong period as a new sentence.
            (
                "带头学法用法,切实履行",
                "深入推进“七五”普法规划实施。带头学法用法,切实履行",
            ),
            // Line 16: broken 其中 arithmetic; the 2020 目录 left behind in otherwise edited text.
            ("其中废止11件", "其中废止15件"),
            ("共出台行政规范性文件18件", "共出台行政规范性文件21件"),
            // Line 22: figures changed (consistent rate), a stated growth that 56 → 80 contradicts,
            // a swing, one figure left unchanged (公证1639件).
            (
                "行政复议案件56件,办结56件,其中以调解方式结案39件,调解成功率达69.6%",
                "行政复议案件80件,同比增长50%,办结80件,其中以调解方式结案50件,调解成功率达62.5%",
            ),
            ("办理法律援助案件760件", "办理法律援助案件300件"),
            // Line 36: a term that did not exist yet in 2021.
            (
                "推进法治政府建设全面督察常态化",
                "谋划“十五五”法治建设规划,推进法治政府建设全面督察常态化",
            ),
        ],
    );
    let last = parse_text(&last_text);
    let this = parse_text(&this_text);
    (check(&this, Some(&last)), last)
}

#[test]
fn jiangshan_edited_as_2021_raises_every_planted_error_and_no_other() {
    if !corpus_present() {
        return;
    }
    let (result, _) = jiangshan_2021();
    assert_eq!(
        result.year,
        Some(2021),
        "the year comes from the edited title"
    );
    assert_eq!(result.last_year, Some(2020));
    let mut errs = errors(&result);
    errs.sort();
    assert_eq!(
        errs,
        vec![
            ("arith.parts_exceed".to_owned(), 16),
            ("arith.rate".to_owned(), 14),
            ("figure.growth".to_owned(), 22),
            ("term.anachronism".to_owned(), 36),
        ],
        "the planted errors plus the corpus's own real rate error, nothing else: {:#?}",
        result
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect::<Vec<_>>()
    );
    let growth = find(&result, "figure.growth", 22).map(|f| (f.this_value, f.last_value));
    assert_eq!(
        growth,
        Some((Some(80.0), Some(56.0))),
        "growth is recomputed from 56 → 80 (+42.9%)"
    );
}

#[test]
fn jiangshan_edited_as_2021_warns_of_every_planted_leftover() {
    if !corpus_present() {
        return;
    }
    let (result, _) = jiangshan_2021();
    for (code, line, why) in [
        (
            "term.outdated",
            8,
            "纲要(2015-2020年) named as current in 2021",
        ),
        ("term.outdated", 12, "七五普法 pushed forward in 2021"),
        (
            "time.stale_year",
            16,
            "江山市2020年重大行政决策目录 left in copied text",
        ),
        (
            "time.stale_year",
            32,
            "the next-year heading still says 2021",
        ),
        (
            "text.same_as_last",
            26,
            "a shortcomings paragraph left as it was",
        ),
        ("figure.swing", 22, "法律援助 760 → 300 is a swing"),
    ] {
        assert!(
            has(&result, code, line),
            "{why}: expected {code} at line {line}"
        );
    }
    let unchanged = result
        .findings
        .iter()
        .any(|f| f.code == "figure.unchanged" && f.line == 22 && f.this_value == Some(1639.0));
    assert!(unchanged, "公证1639件 was not updated");
    let same = find(&result, "text.same_as_last", 26).and_then(|f| f.last_line);
    assert_eq!(same, Some(26), "the copy points at last year's paragraph");
    assert!(
        !has(&result, "time.stale_year", 20),
        "向人大常委会报告2019年度法治政府建设工作 is about last year, legitimately"
    );
}

#[test]
fn jiangshan_edited_as_2021_reports_changed_figures_with_their_change() {
    if !corpus_present() {
        return;
    }
    let (result, _) = jiangshan_2021();
    let changed: Vec<(Option<f64>, Option<f64>)> = result
        .findings
        .iter()
        .filter(|f| f.code == "figure.changed" && f.line == 22)
        .map(|f| (f.last_value, f.this_value))
        .collect();
    for pair in [
        (Some(56.0), Some(80.0)),
        (Some(39.0), Some(50.0)),
        (Some(69.6), Some(62.5)),
    ] {
        assert!(
            changed.contains(&pair),
            "changed figure {pair:?} must be reported: {changed:?}"
        );
    }
    let row = result
        .figures
        .iter()
        .find(|r| r.last_value == Some(39.0) && r.this_value == Some(50.0));
    assert!(
        row.is_some_and(|r| r.confidence >= 0.6 && r.this_line == Some(22)),
        "the aligned table holds the 调解 pair with a confidence: {row:?}"
    );
}

/// Changzhou 2017 as last year; an edited copy as a 2018 report whose drafter forgot the
/// next-year part and last year's plan.
#[test]
fn changzhou_edited_as_2018_flags_the_next_year_part_and_last_years_plan() {
    if !corpus_present() {
        return;
    }
    let last_text = corpus("000_");
    let this_text = edit(
        &last_text,
        &[
            (
                "常州市2017年法治政府建设工作报告\n\n",
                "常州市2018年法治政府建设工作报告\n\n",
            ),
            ("  2017年,在省委", "  2018年,在省委"),
            (
                "全年市政府共受理行政复议申请113件,审结92件",
                "全年市政府共受理行政复议申请105件,审结98件",
            ),
            (
                "加强领导干部和行政机关工作人员学法工作",
                "深入学习贯彻习近平法治思想,加强领导干部和行政机关工作人员学法工作",
            ),
        ],
    );
    let last = parse_text(&last_text);
    let this = parse_text(&this_text);
    let result = check(&this, Some(&last));
    assert_eq!(result.year, Some(2018));
    assert!(
        has(&result, "time.stale_year", 16),
        "下发2017年度…工作计划 in a 2018 report"
    );
    assert!(
        has(&result, "time.stale_year", 39),
        "2018年是……开局之年 in a report about 2018"
    );
    assert!(
        has(&result, "term.anachronism", 17),
        "习近平法治思想 was named in Nov 2020"
    );
    assert!(
        !result
            .findings
            .iter()
            .any(|f| f.code.as_str().starts_with("term.") && f.line == 26),
        "区法制办 is still a current body in 2018"
    );
    let mut errs = errors(&result);
    errs.sort();
    assert_eq!(
        errs,
        vec![("term.anachronism".to_owned(), 17)],
        "only the planted anachronism is an error"
    );
    assert!(
        result.findings.iter().any(|f| f.code == "figure.changed"
            && f.last_value == Some(113.0)
            && f.this_value == Some(105.0)),
        "行政复议·受理 113 → 105 is aligned by meaning, not confused with 行政应诉 113"
    );
}
