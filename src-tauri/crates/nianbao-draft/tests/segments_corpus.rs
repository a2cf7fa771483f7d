//! The segment plan of every corpus report (read at test time, never copied), as snapshots that
//! hold only segment kinds, line numbers and step labels. Skipped when the corpus is absent.

mod common;

use nianbao_draft::{SegmentKind, SegmentPlan};

#[test]
fn corpus_segment_plans() {
    if !common::corpus_present() {
        return;
    }
    let dir = common::corpus_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("corpus not found at {}: skipped", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("txt"))
        .collect();
    paths.sort();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("corpus is UTF-8");
        let report = common::parse(&text);
        let plan = SegmentPlan::of(&report);
        // The lined segments cover every line once, in order.
        let mut next = 1;
        for s in plan.segments.iter().filter_map(|s| s.lines) {
            assert_eq!(
                s.0,
                next,
                "{}: segments leave a gap\n{plan}",
                path.display()
            );
            next = s.1 + 1;
        }
        assert_eq!(next, report.lines.len() + 1, "{}: {plan}", path.display());
        assert!(
            plan.segments.iter().any(|s| s.kind == SegmentKind::Body),
            "{}: a report has a body\n{plan}",
            path.display()
        );
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("report");
        insta::assert_snapshot!(format!("segments_{stem}"), plan.to_string());
    }
    assert!(
        !paths.is_empty() || std::env::var_os("NIANBAO_CORPUS").is_none(),
        "a given corpus must hold reports"
    );
}
