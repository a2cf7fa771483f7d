//! The office's own proofreading list: a `proof.toml` in the data folder replaces the built-in
//! one for the window's checks (like `terms.toml`), is picked up when it changes, and a broken
//! one is named while the built-in list is used.

use nianbao_desk::{Desk, Office};

const TEXT: &str =
    "示例市2024年法治政府建设年度报告\n一、主要工作\n认真布署示例工作，统筹示例错字活动。\n";

fn proof_words(desk: &Desk) -> Vec<(String, String)> {
    let check = desk.check_draft(TEXT, None, Some(2024)).expect("check");
    check
        .findings
        .iter()
        .filter_map(|f| Some((f.matched.clone()?, f.suggestion.clone()?)))
        .collect()
}

#[test]
fn an_office_proof_list_replaces_the_builtin_one_in_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = Desk::in_folder(dir.path());
    let builtin = proof_words(&desk);
    assert!(
        builtin.contains(&("布署".to_owned(), "部署".to_owned())),
        "the built-in list knows 布署: {builtin:?}"
    );
    let own = format!(
        "{}\n[[typo]]\nwrong = \"示例错字\"\nright = \"示例正字\"\n",
        nianbao_check::Rules::default_proof()
    );
    std::fs::write(dir.path().join("proof.toml"), own).expect("write proof.toml");
    let after = proof_words(&desk);
    assert!(
        after.contains(&("示例错字".to_owned(), "示例正字".to_owned())),
        "the office's word is found once its proof.toml is there: {after:?}"
    );
    assert!(
        after.contains(&("布署".to_owned(), "部署".to_owned())),
        "the rest of the copied list still applies"
    );
}

#[test]
fn a_broken_office_proof_list_is_named_and_the_builtin_one_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("proof.toml"), "[[typo]]\nwrong = 3\n").expect("write");
    let office = Office::load(Some(dir.path()));
    assert!(
        office
            .warnings()
            .iter()
            .any(|w| w.message.contains("proof.toml")),
        "the broken file is named: {:?}",
        office.warnings()
    );
    let desk = Desk::in_folder(dir.path());
    assert!(
        proof_words(&desk).contains(&("布署".to_owned(), "部署".to_owned())),
        "the built-in list is used meanwhile"
    );
}
