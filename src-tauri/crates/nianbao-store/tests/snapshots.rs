//! Snapshots of what a drafter sees from a search of the invented 示例市 library: which
//! paragraphs, in which section, on which line, with which words marked.

mod common;

use common::{shili_report, shili_text, source_for};
use nianbao_store::{SearchFilters, Store};

fn library() -> Store {
    let store = Store::open_in_memory().expect("open");
    for (year, accepted) in [(2022, 171), (2023, 196)] {
        let text = shili_text("示例市", year, accepted);
        store
            .add_report(
                &source_for(&text, &format!("示例市{year}.txt")),
                &shili_report("示例市", year, accepted),
            )
            .expect("add");
    }
    store
}

fn render(store: &Store, query: &str) -> Vec<String> {
    store
        .search(query, &SearchFilters::default())
        .expect("search")
        .iter()
        .map(|h| {
            format!(
                "#{} {} {} L{} [{}] {} | {}",
                h.report_id,
                h.government.as_deref().unwrap_or("-"),
                h.year.map_or("-".into(), |y| y.to_string()),
                h.line,
                h.section.key(),
                h.heading,
                h.snippet.marked("【", "】")
            )
        })
        .collect()
}

#[test]
fn search_hits_for_a_word() {
    insta::assert_yaml_snapshot!(render(&library(), "行政复议"));
}

#[test]
fn search_hits_for_two_characters() {
    insta::assert_yaml_snapshot!(render(&library(), "纠错"));
}
