//! The library fed by the real importer and parser (not hand-built reports): three years of the
//! invented 示例市 report, then the chart's metric history and a search by section.

mod common;

use common::shili_text;
use nianbao_report::SectionKind;
use nianbao_store::{SearchFilters, Store};

fn library() -> Store {
    let store = Store::open_in_memory().expect("open");
    for (year, accepted) in [(2021, 150), (2022, 171), (2023, 196)] {
        let text = shili_text("示例市", year, accepted);
        let imported =
            nianbao_import::import_bytes(text.as_bytes(), Some("r.txt")).expect("import");
        let added = store
            .add_imported(&format!("示例市{year}.txt"), text.as_bytes(), &imported)
            .expect("add");
        assert!(added.was_new);
    }
    store
}

#[test]
fn metric_history_follows_a_parsed_metric_across_years() {
    let store = library();
    let history = store
        .metric_history("示例市人民政府", "行政复议·受理")
        .expect("history");
    let points: Vec<(i32, f64)> = history.iter().map(|p| (p.year, p.value)).collect();
    assert_eq!(
        points,
        vec![(2021, 150.0), (2022, 171.0), (2023, 196.0)],
        "the parser names the metric the same way each year, so the store can chart it"
    );
    assert!(
        store
            .metrics_of("示例市人民政府")
            .expect("metrics")
            .iter()
            .any(|m| m == "行政应诉·负责人出庭应诉率"),
        "every parsed metric is offered for the chart"
    );
}

#[test]
fn search_by_section_uses_the_parsed_outline() {
    let store = library();
    let hits = store
        .search(
            "复议",
            &SearchFilters {
                section: Some(SectionKind::Disputes),
                year: Some(2022),
                ..SearchFilters::default()
            },
        )
        .expect("search");
    assert!(!hits.is_empty(), "the 2022 disputes section mentions 复议");
    assert!(
        hits.iter()
            .all(|h| h.section == SectionKind::Disputes && h.year == Some(2022)),
        "filters hold: {hits:?}"
    );
    assert!(
        hits[0].heading.contains("化解社会矛盾纠纷"),
        "the hit carries its section heading: {}",
        hits[0].heading
    );
}

#[test]
fn a_parsed_report_round_trips_through_the_library() {
    let store = library();
    let first = store.list_reports().expect("list")[0].clone();
    let stored = store.get_report(first.id).expect("get");
    let text = shili_text("示例市", 2021, 150);
    let imported = nianbao_import::import_bytes(text.as_bytes(), None).expect("import");
    assert_eq!(
        stored.report,
        nianbao_report::parse(&imported),
        "outline, figures and metadata read back equal to a fresh parse"
    );
}
