//! `nianbao draft`: this year's draft from last year's report, written to .docx/.md/.html/.txt
//! by the output's extension, with a summary for people: how many years were moved, how many
//! fill-in marks wait, and last year's plan items to report on. The drafting itself is
//! nianbao-draft's; this module only loads, calls and prints.

use std::path::Path;

use nianbao_draft::{Draft, draft_from_last, export};

use crate::CliResult;
use crate::input::{load, office};

pub fn run(from: &Path, year: i32, out: &Path, json: bool) -> CliResult {
    // The office's own templates: `NIANBAO_DATA_DIR/templates`, when that folder exists.
    // Last year's report must never be replaced by its own draft (`--from r.docx --out r.docx`).
    crate::input::check_output(out, &[from])?;
    let office = office()?;
    let (_, last) = load(from, &office)?;
    let templates = office.templates();
    let draft =
        draft_from_last(&last, year, templates).map_err(|e| format!("[{}] {e}", e.code()))?;
    let report = nianbao_report::parse_text(&draft.text);
    export(&report, out, templates).map_err(|e| format!("[{}] {e}", e.code()))?;
    if json {
        // The draft's facts without its text (the text is in OUT): marks, moved years, plans.
        let mut value = serde_json::to_value(&draft)?;
        if let Some(obj) = value.as_object_mut() {
            obj.remove("text");
            obj.insert("out".into(), out.display().to_string().into());
        }
        crate::emit(&(serde_json::to_string_pretty(&value)? + "\n"))?;
    } else {
        crate::emit(&summary(&draft, out))?;
    }
    Ok(())
}

fn summary(draft: &Draft, out: &Path) -> String {
    let mut s = format!(
        "已起草 {} 年度报告 (drafted from {}): {}\n  年份前移 {} 处 (years moved)\n  待填标记 {} 处 (fill-in marks)\n  上年计划 {} 项待核对 (plan items to report on)\n",
        draft.year,
        draft.last_year,
        out.display(),
        draft.moved_years.len(),
        draft.marks.len(),
        draft.plan_checklist.len(),
    );
    if !draft.moved_years.is_empty() {
        s.push_str("\n年份前移 (moved years):\n");
        for m in &draft.moved_years {
            s.push_str(&format!(
                "  第{}行  {}→{}  {}\n",
                m.line, m.from, m.to, m.excerpt
            ));
        }
    }
    if !draft.marks.is_empty() {
        s.push_str("\n待填标记 (fill-in marks):\n");
        for m in &draft.marks {
            s.push_str(&format!("  第{}行  {}  {}\n", m.line, m.mark, m.metric));
        }
    }
    if !draft.plan_checklist.is_empty() {
        s.push_str("\n上年计划核对清单 (last year's plan):\n");
        for p in &draft.plan_checklist {
            s.push_str(&format!(
                "  [ ] {}（上年第{}行）\n",
                gist(&p.text),
                p.last_line
            ));
        }
    }
    for note in &draft.notes {
        s.push_str(&format!("\n提示: {note}\n"));
    }
    s
}

/// The first sentence of a plan item, at most 60 characters: enough to recognise it.
fn gist(text: &str) -> String {
    let first = text.split_inclusive('。').next().unwrap_or(text);
    let mut out: String = first.chars().take(60).collect();
    if first.chars().count() > 60 {
        out.push('…');
    }
    out
}
