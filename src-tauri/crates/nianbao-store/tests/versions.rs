//! Drafts and their autosaved versions: saving, reading back, naming, thinning over time.

use nianbao_store::Store;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

fn draft(store: &Store) -> i64 {
    store
        .create_draft(None, 2024, "示例市2024年法治政府建设年度报告", "初稿")
        .expect("create")
}

#[test]
fn the_latest_save_is_what_the_editor_opens() {
    let store = Store::open_in_memory().expect("open");
    let id = draft(&store);
    assert_eq!(
        store.latest_draft_text(id).expect("text"),
        "初稿",
        "created with a first version"
    );
    store.save_version(id, "第二稿").expect("save");
    store.save_version(id, "第三稿").expect("save");
    assert_eq!(store.latest_draft_text(id).expect("text"), "第三稿");
    let versions = store.list_versions(id).expect("list");
    assert_eq!(versions.len(), 3, "all saves of the last hour are kept");
    assert_eq!(versions[0].chars, 3, "newest first, length in characters");
    let oldest = store.get_version(versions[2].id).expect("get");
    assert_eq!(oldest.text, "初稿");
}

#[test]
fn saving_unchanged_text_adds_no_version() {
    let store = Store::open_in_memory().expect("open");
    let id = draft(&store);
    let a = store.save_version(id, "同一段文字").expect("save");
    let b = store.save_version(id, "同一段文字").expect("save");
    assert_eq!(a, b, "an idle autosave tick must not pile up copies");
    assert_eq!(store.list_versions(id).expect("list").len(), 2);
}

#[test]
fn saving_to_a_missing_draft_is_not_found() {
    let store = Store::open_in_memory().expect("open");
    let err = store.save_version(99, "x").expect_err("no draft 99");
    assert_eq!(err.code(), "store.not_found");
}

#[test]
fn a_week_of_autosaves_thins_to_the_rule_keeping_named_ones() {
    let store = Store::open_in_memory().expect("open");
    let id = draft(&store);
    let start = 1_800_000_000_000 - 7 * DAY;
    let mut named = 0;
    // A save every 5 minutes for a week.
    for i in 0..(7 * 24 * 12) {
        let at = start + i * 5 * MINUTE;
        store
            .save_version_at(id, &format!("第{i}稿"), at, None)
            .expect("save");
        if i == 100 {
            named = store
                .save_version_at(id, "送审稿", at + 1, Some("送审稿"))
                .expect("named save");
        }
    }
    let versions = store.list_versions(id).expect("list");
    // Now is the last save: 1 h of 5-minute saves (13), 23 h at one per 10 minutes (~138),
    // 6 older days at one a day (~7), the named one and the first version's slot.
    assert!(
        (140..=175).contains(&versions.len()),
        "2,016 saves thin to about 160, kept {}",
        versions.len()
    );
    assert!(
        versions
            .iter()
            .any(|v| v.id == named && v.name.as_deref() == Some("送审稿")),
        "a named version is never thinned"
    );
    assert_eq!(
        store.latest_draft_text(id).expect("text"),
        format!("第{}稿", 7 * 24 * 12 - 1),
        "the newest text is never thinned"
    );
}

#[test]
fn naming_a_version_pins_it() {
    let store = Store::open_in_memory().expect("open");
    let id = draft(&store);
    let start = 1_800_000_000_000;
    let first = store.save_version_at(id, "甲", start, None).expect("save");
    store.name_version(first, "征求意见稿").expect("name");
    for i in 1..50 {
        store
            .save_version_at(id, &format!("乙{i}"), start + i * 10 * MINUTE, None)
            .expect("save");
    }
    store
        .save_version_at(id, "丙", start + 3 * DAY, None)
        .expect("save much later");
    let v = store.get_version(first).expect("named version survives");
    assert_eq!(v.info.name.as_deref(), Some("征求意见稿"));
    assert_eq!(
        store.name_version(9999, "x").expect_err("missing").code(),
        "store.not_found"
    );
}

#[test]
fn drafts_list_and_cascade() {
    let store = Store::open_in_memory().expect("open");
    let id = draft(&store);
    store.update_draft(id, 2025, "新标题").expect("rename");
    let d = store.get_draft(id).expect("get");
    assert_eq!((d.year, d.title.as_str()), (2025, "新标题"));
    assert_eq!(store.list_drafts().expect("list").len(), 1);
    assert!(store.delete_draft(id).expect("delete"));
    assert_eq!(
        store
            .latest_draft_text(id)
            .expect_err("versions go with the draft")
            .code(),
        "store.not_found"
    );
    assert_eq!(
        store
            .create_draft(Some(7), 2024, "t", "x")
            .expect_err("no report 7")
            .code(),
        "store.not_found",
        "a draft cannot follow a report that is not in the library"
    );
}
