//! The TypeScript types the UI uses for IPC are generated from the Rust types and committed in
//! `ui/src/lib/api/bindings/`. This test fails when they drift; regenerate with
//! `UPDATE_BINDINGS=1 cargo test -p nianbao-app --test bindings` (or `make bindings`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use nianbao_app::IpcError;
use nianbao_app::dto::{
    AppInfo, CheckResult, DiffOp, DiffPart, DismissedFinding, DraftDoc, DraftItem, ExportOutcome,
    FigureRow, FigureStatus, FindingCode, FindingItem, ImportOutcome, LibraryOverview, MetricPoint,
    OutlineSection, ReportItem, ReportOutline, SavedVersion, SearchResult, SectionDiff, Severity,
    SnippetPart, TemplateItem, VersionItem,
};
use nianbao_app::dto::{ChainedMetric, FigureChoice, FigureRef, HistoryPoint, LinkAction};
use nianbao_app::dto::{DeadlineItem, DeliveryFieldsItem, DeliveryForm, DeliveryStatus, MarkItem};
use nianbao_app::error::ErrorCode;
use nianbao_desk::dto::MaterialSearchRef;
use nianbao_desk::materials::{
    DepartmentItem, FillItem, FillOption, MaterialBatch, MaterialError, MaterialFigure,
    MaterialHitItem, MaterialInsert, MaterialItem, MaterialParagraphItem, MaterialProgress,
    MaterialsOverview, PartStatus, TrailItem,
};
use nianbao_desk::{BackupItem, DamageNotice, LibraryStart, RestoreOutcome};
use ts_rs::{Config, TS};

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api/bindings")
}

fn generated<T: TS + 'static>(cfg: &Config, out: &mut BTreeMap<String, String>) {
    let file = T::output_path()
        .expect("derived types have a file")
        .display()
        .to_string();
    let text = T::export_to_string(cfg).expect("the type exports");
    out.insert(file, text);
}

fn all_bindings() -> BTreeMap<String, String> {
    let cfg = Config::new();
    let mut out = BTreeMap::new();
    generated::<IpcError>(&cfg, &mut out);
    generated::<ErrorCode>(&cfg, &mut out);
    generated::<AppInfo>(&cfg, &mut out);
    generated::<BackupItem>(&cfg, &mut out);
    generated::<DamageNotice>(&cfg, &mut out);
    generated::<LibraryStart>(&cfg, &mut out);
    generated::<RestoreOutcome>(&cfg, &mut out);
    generated::<ReportOutline>(&cfg, &mut out);
    generated::<OutlineSection>(&cfg, &mut out);
    generated::<ReportItem>(&cfg, &mut out);
    generated::<DraftItem>(&cfg, &mut out);
    generated::<LibraryOverview>(&cfg, &mut out);
    generated::<ImportOutcome>(&cfg, &mut out);
    generated::<SnippetPart>(&cfg, &mut out);
    generated::<SearchResult>(&cfg, &mut out);
    generated::<MaterialSearchRef>(&cfg, &mut out);
    generated::<DraftDoc>(&cfg, &mut out);
    generated::<SavedVersion>(&cfg, &mut out);
    generated::<VersionItem>(&cfg, &mut out);
    generated::<Severity>(&cfg, &mut out);
    generated::<FindingCode>(&cfg, &mut out);
    generated::<FindingItem>(&cfg, &mut out);
    generated::<FigureStatus>(&cfg, &mut out);
    generated::<FigureRow>(&cfg, &mut out);
    generated::<FigureRef>(&cfg, &mut out);
    generated::<FigureChoice>(&cfg, &mut out);
    generated::<LinkAction>(&cfg, &mut out);
    generated::<HistoryPoint>(&cfg, &mut out);
    generated::<ChainedMetric>(&cfg, &mut out);
    generated::<CheckResult>(&cfg, &mut out);
    generated::<DismissedFinding>(&cfg, &mut out);
    generated::<DiffOp>(&cfg, &mut out);
    generated::<DiffPart>(&cfg, &mut out);
    generated::<SectionDiff>(&cfg, &mut out);
    generated::<MetricPoint>(&cfg, &mut out);
    generated::<TemplateItem>(&cfg, &mut out);
    generated::<ExportOutcome>(&cfg, &mut out);
    generated::<DeliveryFieldsItem>(&cfg, &mut out);
    generated::<DeliveryForm>(&cfg, &mut out);
    generated::<MarkItem>(&cfg, &mut out);
    generated::<DeadlineItem>(&cfg, &mut out);
    generated::<DeliveryStatus>(&cfg, &mut out);
    generated::<MaterialProgress>(&cfg, &mut out);
    generated::<MaterialError>(&cfg, &mut out);
    generated::<MaterialBatch>(&cfg, &mut out);
    generated::<MaterialItem>(&cfg, &mut out);
    generated::<DepartmentItem>(&cfg, &mut out);
    generated::<PartStatus>(&cfg, &mut out);
    generated::<MaterialsOverview>(&cfg, &mut out);
    generated::<MaterialFigure>(&cfg, &mut out);
    generated::<MaterialParagraphItem>(&cfg, &mut out);
    generated::<MaterialInsert>(&cfg, &mut out);
    generated::<FillOption>(&cfg, &mut out);
    generated::<FillItem>(&cfg, &mut out);
    generated::<MaterialHitItem>(&cfg, &mut out);
    generated::<TrailItem>(&cfg, &mut out);
    out
}

fn committed(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(e.path()).unwrap_or_default())
        })
        .collect()
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let dir = bindings_dir();
    let want = all_bindings();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(&dir).expect("create bindings dir");
        for name in committed(&dir).keys().filter(|n| !want.contains_key(*n)) {
            std::fs::remove_file(dir.join(name)).expect("remove stale binding");
        }
        for (name, text) in &want {
            std::fs::write(dir.join(name), text).expect("write binding");
        }
    }
    let have = committed(&dir);
    assert_eq!(
        have.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "ui/src/lib/api/bindings must hold exactly the generated files; \
         run UPDATE_BINDINGS=1 cargo test -p nianbao-app --test bindings"
    );
    for (name, text) in &want {
        assert_eq!(
            have.get(name),
            Some(text),
            "{name} drifted from the Rust type, so the UI would read fields that are not sent; \
             run UPDATE_BINDINGS=1 cargo test -p nianbao-app --test bindings"
        );
    }
}
