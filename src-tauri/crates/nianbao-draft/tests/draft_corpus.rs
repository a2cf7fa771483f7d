//! Drafts made from each corpus report (read at test time, never copied): no figure and no live
//! mention of last year's report year is left unmarked. Skipped when the corpus is absent.

mod common;

use nianbao_draft::{Templates, draft_from_last, years};
use nianbao_report::SectionKind;

#[test]
fn corpus_drafts_leave_no_figure_and_no_year_unmarked() {
    if !common::corpus_present() {
        return;
    }
    let dir = common::corpus_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("corpus not found at {}: skipped", dir.display());
        return;
    };
    let templates = Templates::load(None).expect("templates");
    let mut checked = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("corpus is UTF-8");
        let last = common::parse(&text);
        let Some(year) = nianbao_draft::draft::report_year(&last) else {
            panic!("{}: the report year must be found", path.display());
        };
        let draft = draft_from_last(&last, year + 1, &templates).expect("draft");
        let plan = last
            .all_sections()
            .into_iter()
            .find(|s| s.kind == SectionKind::NextYear)
            .map(|s| s.line..=s.end_line);
        let title_line = (1..=last.lines.len())
            .find(|l| Some(last.line(*l).trim()) == last.meta.title.as_deref())
            .unwrap_or(1);
        for f in &last.figures {
            if f.line < title_line || plan.as_ref().is_some_and(|r| r.contains(&f.line)) {
                continue;
            }
            assert!(
                draft
                    .marks
                    .iter()
                    .any(|m| m.last_line == f.line && m.last_value == f.raw),
                "{}: figure {} (line {}) is not a fill-in mark",
                path.display(),
                f.raw,
                f.line
            );
        }
        assert!(
            last.figures.is_empty() || !draft.marks.is_empty(),
            "{}: the parser found figures, so the draft must have marks",
            path.display()
        );
        for (i, line) in draft.text.lines().enumerate() {
            let live = years::unmoved(line, year, years::YearRules::embedded());
            assert!(
                live.is_empty(),
                "{}: draft line {} still names {year}: {line}",
                path.display(),
                i + 1
            );
        }
        checked += 1;
    }
    assert!(
        checked > 0 || std::env::var_os("NIANBAO_CORPUS").is_none(),
        "a given corpus must hold reports"
    );
}
