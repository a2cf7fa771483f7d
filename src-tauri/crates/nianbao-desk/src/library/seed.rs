//! The bundled sample library (示例市: the 2023 report and the 2024 初稿 that follows it), brought
//! into a data folder on its first start so a new drafter sees the whole flow at once.
//!
//! Exactly once per data folder: a marker file remembers it, so a drafter who deletes the sample
//! does not get it back, and a folder that already holds a library is never seeded.

use std::path::Path;

use nianbao_store::Store;

use crate::DeskError;

/// The file in the data folder that says the sample library was offered.
pub const SEED_MARKER: &str = "sample-library.seeded";

const REPORT_NAME: &str = "示例市2023年法治政府建设年度报告.txt";
const REPORT: &[u8] = include_bytes!(
    "../../../../../tests/fixtures/sample-library/示例市2023年法治政府建设年度报告.txt"
);
const DRAFT_NAME: &str = "示例市2024年法治政府建设年度报告（初稿）";
const DRAFT: &[u8] = include_bytes!(
    "../../../../../tests/fixtures/sample-library/示例市2024年法治政府建设年度报告（初稿）.txt"
);
/// The draft's year when its own text does not say (it does: 2024).
const DRAFT_YEAR: i32 = 2024;

/// Seed the sample library if this data folder never had it and holds nothing yet. Returns
/// whether it seeded. The caller holds the store, so two windows cannot seed twice.
pub fn seed_once(store: &Store, data_dir: &Path) -> Result<bool, DeskError> {
    let marker = data_dir.join(SEED_MARKER);
    if marker.exists() {
        return Ok(false);
    }
    let empty = store.list_reports()?.is_empty() && store.list_drafts()?.is_empty();
    if empty {
        let report = nianbao_import::import_bytes(REPORT, Some(REPORT_NAME))?;
        let added = store.add_imported(REPORT_NAME, REPORT, &report)?;
        let draft = nianbao_import::import_bytes(DRAFT, Some(DRAFT_NAME))?;
        let year = nianbao_report::parse(&draft)
            .meta
            .year
            .unwrap_or(DRAFT_YEAR);
        store.create_draft(Some(added.id), year, DRAFT_NAME, &draft.text)?;
    }
    std::fs::write(
        &marker,
        "示例库已导入（删除本文件会在报告库为空时重新导入示例）\n",
    )
    .map_err(|e| DeskError::Io(format!("{}: {e}", marker.display())))?;
    Ok(empty)
}
