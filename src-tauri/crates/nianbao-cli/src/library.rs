//! `nianbao library`: add reports to the library, list them, search them. Text for people,
//! Chinese labels, aligned columns.
//!
//! The database is `--db PATH`, else `NIANBAO_DATA_DIR/library.sqlite3`, else the platform data
//! folder's. All SQL stays in nianbao-store; this module only loads files and prints.

use std::path::{Path, PathBuf};

use nianbao_report::SectionKind;
use nianbao_store::{ReportSummary, SearchFilters, SearchHit, Source, Store};

use crate::CliResult;
use crate::input::{load, pad, width};

fn open(db: Option<&Path>) -> Result<Store, Box<dyn std::error::Error>> {
    let store = match db {
        Some(path) => Store::open(path),
        None => Store::open_default(),
    };
    store.map_err(|e| format!("[{}] {e}", e.code()).into())
}

/// Add files; every file is read and parsed first, so one bad file adds nothing.
pub fn add(db: Option<&Path>, files: &[PathBuf]) -> CliResult {
    if files.is_empty() {
        return Err("请指定要添加的报告文件 (no files given)".into());
    }
    let mut loaded = Vec::with_capacity(files.len());
    for file in files {
        let (imported, report) = load(file)?;
        let bytes = std::fs::read(file)
            .map_err(|e| format!("无法读取 {} (cannot read): {e}", file.display()))?;
        let name = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        loaded.push((Source::new(&name, &bytes, &imported), report));
    }
    let store = open(db)?;
    for (source, report) in &loaded {
        let added = store
            .add_report(source, report)
            .map_err(|e| format!("[{}] {e}", e.code()))?;
        let summary = store
            .get_report(added.id)
            .map_err(|e| format!("[{}] {e}", e.code()))?
            .summary;
        let status = if added.was_new {
            "已添加"
        } else {
            "已存在"
        };
        crate::emit(&format!("{status} #{} {}\n", added.id, describe(&summary)))?;
    }
    Ok(())
}

fn describe(s: &ReportSummary) -> String {
    let government = s.government.as_deref().unwrap_or("—");
    let year = s.year.map_or_else(|| "—".to_owned(), |y| format!("{y}年"));
    format!(
        "{government} {year} {}（{}）",
        s.display_title(),
        s.source_name
    )
}

/// The library as a table: 编号, 政府, 年度, 标题, 来源文件.
pub fn list(db: Option<&Path>) -> CliResult {
    let store = open(db)?;
    let reports = store
        .list_reports()
        .map_err(|e| format!("[{}] {e}", e.code()))?;
    if reports.is_empty() {
        crate::emit("报告库为空 (the library is empty)\n")?;
        return Ok(());
    }
    let rows: Vec<[String; 5]> = reports
        .iter()
        .map(|r| {
            [
                format!("#{}", r.id),
                r.government.clone().unwrap_or_else(|| "—".into()),
                r.year.map_or_else(|| "—".into(), |y| y.to_string()),
                r.display_title().to_owned(),
                r.source_name.clone(),
            ]
        })
        .collect();
    let header = ["编号", "政府", "年度", "标题", "来源文件"];
    let mut widths = header.map(width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: [&str; 5]| {
        let padded: Vec<String> = cells.iter().zip(widths).map(|(c, w)| pad(c, w)).collect();
        padded.join("  ").trim_end().to_owned()
    };
    crate::emit(&format!("{}\n", line(header)))?;
    for row in &rows {
        crate::emit(&format!("{}\n", line(row.each_ref().map(String::as_str))))?;
    }
    crate::emit(&format!("共 {} 份报告\n", reports.len()))?;
    Ok(())
}

/// Search the library; each hit with its report, section, line and a marked snippet.
pub fn search(
    db: Option<&Path>,
    query: &str,
    government: Option<String>,
    year: Option<i32>,
    kind: Option<&str>,
) -> CliResult {
    if query.trim().is_empty() {
        return Err("请输入要搜索的内容 (empty query)".into());
    }
    let section = match kind {
        Some(key) => Some(SectionKind::from_key(key).ok_or_else(|| {
            let known: Vec<&str> = SectionKind::ALL.iter().map(|k| k.key()).collect();
            format!(
                "未知的部分类别 {key} (unknown kind; one of {})",
                known.join(", ")
            )
        })?),
        None => None,
    };
    let filters = SearchFilters {
        government,
        year,
        section,
        ..SearchFilters::default()
    };
    let store = open(db)?;
    let hits = store
        .search(query, &filters)
        .map_err(|e| format!("[{}] {e}", e.code()))?;
    if hits.is_empty() {
        crate::emit(&format!("未找到“{}”(no results)\n", query.trim()))?;
        return Ok(());
    }
    crate::emit(&format!("“{}”共找到 {} 处：\n", query.trim(), hits.len()))?;
    for (i, hit) in hits.iter().enumerate() {
        crate::emit(&hit_text(i + 1, hit))?;
    }
    Ok(())
}

fn hit_text(n: usize, hit: &SearchHit) -> String {
    let government = hit.government.as_deref().unwrap_or("—");
    let year = hit
        .year
        .map_or_else(|| "—".to_owned(), |y| format!("{y}年"));
    let title = match &hit.title {
        Some(title) => format!("{title}（{}）", hit.source_name),
        None => hit.source_name.clone(),
    };
    let heading = if hit.heading.is_empty() {
        String::new()
    } else {
        format!(" · {}", hit.heading)
    };
    format!(
        "{n}. #{} {government} {year} {title}\n   章节：{}{heading} · 第{}行\n   {}\n",
        hit.report_id,
        hit.section.label(),
        hit.line,
        hit.snippet.marked("【", "】"),
    )
}
