//! `nianbao materials FILE_OR_DIR...`: the departments' materials taken apart — each file's
//! department, its paragraphs with their part, confidence and figures, its statistics values —
//! and the files that could not be read with their reasons. Nothing is stored (the window keeps
//! materials with a draft). A folder is read with its subfolders (nianbao-desk's batch rules).
//!
//! Exit 0 when at least one file was read (the broken ones are listed in `errors`); 2 when none
//! could be.

use std::path::PathBuf;

use nianbao_desk::materials::read_materials;
use nianbao_materials::{Material, StatValue};
use nianbao_report::Figure;
use serde_json::{Value, json};

use crate::CliResult;
use crate::input::{number, office, reason};

pub fn run(paths: &[PathBuf], json: bool) -> CliResult {
    let office = office()?;
    let read = read_materials(paths, &office, &[]);
    if read.is_empty() {
        return Err("没有找到材料文件 (no files given or the folders are empty)".into());
    }
    let mut materials: Vec<(PathBuf, Material)> = Vec::new();
    let mut errors: Vec<(PathBuf, String, String)> = Vec::new();
    for (path, r) in read {
        match r {
            Ok(m) => materials.push((path, m)),
            Err(e) => errors.push((path, e.code().to_owned(), reason(&e))),
        }
    }
    if materials.is_empty() {
        let (path, _, why) = &errors[0];
        return Err(format!(
            "无法读取任何材料 (no file could be read): {}: {why}",
            path.display()
        )
        .into());
    }
    let out = if json {
        serde_json::to_string_pretty(&to_json(&materials, &errors))? + "\n"
    } else {
        to_text(&materials, &errors)
    };
    crate::emit(&out)?;
    Ok(())
}

fn figure_json(f: &Figure) -> Value {
    json!({
        "metric": f.metric,
        "value": f.value,
        "unit": f.unit,
        "approx": f.approx,
        "raw": f.raw,
        "excerpt": f.excerpt,
    })
}

fn stat_json(s: &StatValue) -> Value {
    json!({
        "metric": s.metric,
        "label": s.label,
        "column": s.column,
        "value": s.value,
        "text": s.text,
        "unit": s.unit,
        "cell": s.cell,
        "last_year": s.last_year,
    })
}

/// The contract: `{"materials": [{"file", "department", "paragraphs": [{"part", "confidence",
/// "text", "figures"}]}], "errors": [...]}` (extra keys: `path`, `format`, `department_source`,
/// `line`, `statistics`; each error `file`, `code`, `reason`).
fn to_json(materials: &[(PathBuf, Material)], errors: &[(PathBuf, String, String)]) -> Value {
    json!({
        "materials": materials.iter().map(|(path, m)| json!({
            "file": m.file,
            "path": path.display().to_string(),
            "format": m.format,
            "department": m.department.as_ref().map(|d| d.name.clone()),
            "department_source": m.department.as_ref().map(|d| d.source.key()),
            "paragraphs": m.paragraphs.iter().map(|p| json!({
                "part": p.part.key(),
                "confidence": (p.confidence * 100.0).round() / 100.0,
                "line": p.line,
                "text": p.text,
                "figures": p.figures.iter().map(figure_json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "statistics": m.statistics.iter().map(stat_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "errors": errors.iter().map(|(path, code, why)| json!({
            "file": path.display().to_string(),
            "code": code,
            "reason": why,
        })).collect::<Vec<_>>(),
    })
}

fn to_text(materials: &[(PathBuf, Material)], errors: &[(PathBuf, String, String)]) -> String {
    let mut out = String::new();
    for (path, m) in materials {
        let dept = m.department.as_ref().map_or_else(
            || "（部门未知）".to_owned(),
            |d| format!("{}（{}）", d.name, d.source.key()),
        );
        out.push_str(&format!("{} — {dept}\n", path.display()));
        for p in &m.paragraphs {
            out.push_str(&format!(
                "  [{} {:.2}] 第{}行 {}\n",
                p.part.label(),
                p.confidence,
                p.line,
                p.text
            ));
            for f in &p.figures {
                out.push_str(&format!("      {} = {}\n", f.metric, f.raw));
            }
        }
        for s in &m.statistics {
            out.push_str(&format!(
                "  [统计] {} {} = {}{}（{}）\n",
                s.label,
                s.column,
                number(s.value),
                s.unit,
                s.cell
            ));
        }
    }
    for (path, _, why) in errors {
        out.push_str(&format!("无法读取 {}：{why}\n", path.display()));
    }
    out
}
