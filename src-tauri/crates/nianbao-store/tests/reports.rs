//! Reports in the library: adding, recognising a file seen before, reading back, deleting, and
//! following a metric across years.

mod common;

use common::{shili_report, shili_text, source_for};
use nianbao_report::SectionKind;
use nianbao_store::{SearchFilters, Store};

fn add(store: &Store, government: &str, year: i32, accepted: u32) -> i64 {
    let text = shili_text(government, year, accepted);
    let report = shili_report(government, year, accepted);
    store
        .add_report(
            &source_for(&text, &format!("{government}{year}.txt")),
            &report,
        )
        .expect("add")
        .id
}

#[test]
fn adding_the_same_file_twice_is_recognised_not_duplicated() {
    let store = Store::open_in_memory().expect("open");
    let text = shili_text("示例市", 2023, 196);
    let report = shili_report("示例市", 2023, 196);
    let first = store
        .add_report(&source_for(&text, "a.txt"), &report)
        .expect("add");
    let second = store
        .add_report(&source_for(&text, "copy of a.txt"), &report)
        .expect("add again");
    assert!(first.was_new, "the first import is new");
    assert!(
        !second.was_new,
        "same bytes under another name are the same report"
    );
    assert_eq!(first.id, second.id, "the existing report is returned");
    assert_eq!(
        store.list_reports().expect("list").len(),
        1,
        "no duplicate row"
    );
}

#[test]
fn a_stored_report_reads_back_exactly() {
    let store = Store::open_in_memory().expect("open");
    let report = shili_report("示例市", 2023, 196);
    let id = add(&store, "示例市", 2023, 196);
    let stored = store.get_report(id).expect("get");
    assert_eq!(
        stored.report, report,
        "text, outline and figures survive storage"
    );
    assert_eq!(stored.summary.government.as_deref(), Some("示例市人民政府"));
    assert_eq!(stored.summary.year, Some(2023));
    assert_eq!(stored.encoding, "UTF-8");
}

#[test]
fn missing_report_is_a_not_found_error() {
    let store = Store::open_in_memory().expect("open");
    let err = store.get_report(42).expect_err("nothing stored");
    assert_eq!(err.code(), "store.not_found", "the UI switches on the code");
}

#[test]
fn deleting_a_report_removes_its_figures_and_search_rows() {
    let store = Store::open_in_memory().expect("open");
    let id = add(&store, "示例市", 2023, 196);
    let keep = add(&store, "示例县", 2023, 50);
    assert!(store.delete_report(id).expect("delete"), "it existed");
    assert!(
        !store.delete_report(id).expect("delete again"),
        "already gone"
    );
    let hits = store
        .search("行政复议", &SearchFilters::default())
        .expect("search");
    assert!(
        hits.iter().all(|h| h.report_id == keep),
        "no hit may point at a deleted report: {hits:?}"
    );
    assert!(!hits.is_empty(), "the other report is still searchable");
    assert!(
        store
            .metric_history("示例市人民政府", "行政复议·受理")
            .expect("history")
            .is_empty(),
        "figure rows go with their report"
    );
    store.integrity_check().expect("intact after cascades");
}

#[test]
fn metric_history_gives_one_value_per_year_in_order() {
    let store = Store::open_in_memory().expect("open");
    add(&store, "示例市", 2023, 196);
    add(&store, "示例市", 2021, 150);
    add(&store, "示例市", 2022, 171);
    add(&store, "示例县", 2022, 40);
    let history = store
        .metric_history("示例市人民政府", "行政复议·受理")
        .expect("history");
    let points: Vec<(i32, f64)> = history.iter().map(|p| (p.year, p.value)).collect();
    assert_eq!(
        points,
        vec![(2021, 150.0), (2022, 171.0), (2023, 196.0)],
        "the chart needs the government's own values, oldest year first"
    );
    assert_eq!(history[0].raw, "150件");
    assert_eq!(
        store.metrics_of("示例县人民政府").expect("metrics"),
        vec!["行政复议·受理".to_owned()]
    );
    assert_eq!(store.governments().expect("govs").len(), 2);
}

#[test]
fn search_finds_the_paragraph_its_line_and_section() {
    let store = Store::open_in_memory().expect("open");
    let id = add(&store, "示例市", 2023, 196);
    let report = shili_report("示例市", 2023, 196);
    let hits = store
        .search("行政复议", &SearchFilters::default())
        .expect("search");
    let disputes = hits
        .iter()
        .find(|h| h.section == SectionKind::Disputes)
        .expect("the disputes paragraph mentions 行政复议");
    assert_eq!(disputes.report_id, id);
    assert!(
        report.line(disputes.line).contains("收到行政复议申请"),
        "the hit's line points at the original paragraph"
    );
    assert_eq!(disputes.heading, "（六）依法化解社会矛盾纠纷");
    assert!(
        disputes.snippet.marked("【", "】").contains("【行政复议】"),
        "the snippet marks the query in the original text: {}",
        disputes.snippet.text
    );
}

#[test]
fn two_character_query_finds_what_the_words_miss() {
    let store = Store::open_in_memory().expect("open");
    add(&store, "示例市", 2023, 196);
    for query in ["复议", "政复"] {
        let hits = store
            .search(query, &SearchFilters::default())
            .expect("search");
        assert!(
            hits.iter().any(|h| h.section == SectionKind::Disputes),
            "`{query}` (two characters) must reach the disputes paragraph"
        );
        assert!(
            hits.iter().all(|h| h.snippet.text.contains(query)),
            "every hit contains the query"
        );
    }
}

#[test]
fn filters_narrow_by_government_year_and_section() {
    let store = Store::open_in_memory().expect("open");
    add(&store, "示例市", 2023, 196);
    add(&store, "示例市", 2022, 171);
    add(&store, "示例县", 2023, 40);
    let only = |f: SearchFilters| store.search("行政复议", &f).expect("search");
    let by_year = only(SearchFilters {
        year: Some(2022),
        ..SearchFilters::default()
    });
    assert!(!by_year.is_empty() && by_year.iter().all(|h| h.year == Some(2022)));
    let by_gov = only(SearchFilters {
        government: Some("示例县人民政府".into()),
        ..SearchFilters::default()
    });
    assert!(
        !by_gov.is_empty()
            && by_gov
                .iter()
                .all(|h| h.government.as_deref() == Some("示例县人民政府"))
    );
    let by_kind = only(SearchFilters {
        section: Some(SectionKind::Disputes),
        ..SearchFilters::default()
    });
    assert_eq!(by_kind.len(), 3, "one disputes paragraph per report");
    let limited = only(SearchFilters {
        limit: 2,
        ..SearchFilters::default()
    });
    assert_eq!(limited.len(), 2, "the limit is honoured");
}

#[test]
fn search_ranks_the_densest_paragraph_first() {
    let store = Store::open_in_memory().expect("open");
    add(&store, "示例市", 2023, 196);
    let hits = store
        .search("行政复议 纠错率", &SearchFilters::default())
        .expect("search");
    assert!(!hits.is_empty(), "both words occur in the report");
    assert!(
        hits.windows(2).all(|w| w[0].score <= w[1].score),
        "bm25 order: best (lowest) score first"
    );
}

#[test]
fn odd_queries_never_fail() {
    let store = Store::open_in_memory().expect("open");
    add(&store, "示例市", 2023, 196);
    for q in [
        "",
        "   ",
        "\"",
        "AND OR NOT",
        "*",
        "（）",
        "a\"b\"c",
        "NEAR(复议)",
        "、",
    ] {
        assert!(
            store.search(q, &SearchFilters::default()).is_ok(),
            "user text is data, never FTS syntax: {q:?}"
        );
    }
}

#[test]
fn a_search_says_when_the_limit_cut_hits_off() {
    let store = Store::open_in_memory().expect("open");
    for year in 2015..2025 {
        let report = common::shili_report("示例市", year, 196);
        let source = common::source_for(&report.lines.join("\n"), &format!("{year}.txt"));
        store.add_report(&source, &report).expect("add");
    }
    let few = SearchFilters {
        limit: 5,
        ..SearchFilters::default()
    };
    let page = store.search_page("行政复议", &few).expect("search");
    assert_eq!(page.hits.len(), 5);
    assert!(page.more, "ten reports match: more than 5");
    let all = SearchFilters {
        limit: 1000,
        ..SearchFilters::default()
    };
    let page = store.search_page("行政复议", &all).expect("search");
    assert!(!page.more, "{} hits, all shown", page.hits.len());
    assert_eq!(
        store.search("行政复议", &few).expect("search").len(),
        5,
        "search keeps its answer"
    );
}
