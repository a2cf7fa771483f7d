//! `nianbao library`: add reports to the library, list them, search them. Text for people,
//! Chinese labels, aligned columns.
//!
//! The database is `--db PATH`, else `NIANBAO_DATA_DIR/library.sqlite3`, else the platform data
//! folder's. Every step is nianbao-desk's, the same the window calls (reading a file into the
//! library is `read_report` + `Desk::add_report`); this module only prints.

use std::path::{Path, PathBuf};

use nianbao_desk::Desk;
use nianbao_desk::dto::ReportItem;
use nianbao_store::{MaterialHit, MaterialSearchPage, SearchHit};

use crate::CliResult;
use crate::input::{office, pad, read, reason, width};

/// The library of `--db`, else the default one, with the office's files of the data folder.
/// A typed `--db` is checked first (its folder must exist: a typo creates nothing).
fn desk(db: Option<&Path>) -> Result<Desk, String> {
    if let Some(db) = db {
        crate::input::check_db(db)?;
    }
    Ok(Desk::new(crate::input::data_dir(), db.map(Path::to_owned)))
}

/// Add files; every file is read and parsed first, so one bad file adds nothing.
pub fn add(db: Option<&Path>, files: &[PathBuf]) -> CliResult {
    if files.is_empty() {
        return Err("请指定要添加的报告文件 (no files given)".into());
    }
    let office = office()?;
    let loaded = files
        .iter()
        .map(|file| read(file, &office))
        .collect::<Result<Vec<_>, _>>()?;
    let desk = desk(db)?;
    for report in &loaded {
        let added = desk.add_report(report).map_err(|e| reason(&e))?;
        let status = if added.already_present {
            "已存在"
        } else {
            "已添加"
        };
        crate::emit(&format!(
            "{status} #{} {}\n",
            added.report.id,
            describe(&added.report)
        ))?;
    }
    Ok(())
}

fn government(r: &ReportItem) -> &str {
    Some(r.government.as_str())
        .filter(|g| !g.is_empty())
        .unwrap_or("—")
}

fn describe(r: &ReportItem) -> String {
    let year = Some(r.year)
        .filter(|y| *y != 0)
        .map_or_else(|| "—".to_owned(), |y| format!("{y}年"));
    format!("{} {year} {}（{}）", government(r), r.title, r.file_name)
}

/// The library as a table: 编号, 政府, 年度, 标题, 来源文件.
pub fn list(db: Option<&Path>) -> CliResult {
    let reports = desk(db)?.list_reports().map_err(|e| reason(&e))?;
    if reports.is_empty() {
        crate::emit("报告库为空 (the library is empty)\n")?;
        return Ok(());
    }
    let rows: Vec<[String; 5]> = reports
        .iter()
        .map(|r| {
            [
                format!("#{}", r.id),
                government(r).to_owned(),
                Some(r.year)
                    .filter(|y| *y != 0)
                    .map_or_else(|| "—".into(), |y| y.to_string()),
                r.title.clone(),
                r.file_name.clone(),
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
    let desk = desk(db)?;
    let page = desk
        .search_hits(query, government.clone(), year, kind)
        .map_err(|e| reason(&e))?;
    let materials = desk
        .search_material_hits(query, government, year, kind)
        .map_err(|e| reason(&e))?;
    let hits = page.hits;
    if hits.is_empty() && materials.hits.is_empty() {
        crate::emit(&format!("未找到“{}”(no results)\n", query.trim()))?;
        return Ok(());
    }
    if hits.is_empty() {
        crate::emit(&format!(
            "“{}”在报告中未找到 (no report matches)\n",
            query.trim()
        ))?;
        return material_hits(query, &materials);
    }
    if page.more {
        // The cap, said as a cap: not "共找到 50 处" when thousands match.
        crate::emit(&format!(
            "“{}”找到超过 {n} 处，只列出前 {n} 处，请加 --government、--year 或 --kind 缩小范围 (more than {n} matches)：\n",
            query.trim(),
            n = hits.len()
        ))?;
    } else {
        crate::emit(&format!("“{}”共找到 {} 处：\n", query.trim(), hits.len()))?;
    }
    for (i, hit) in hits.iter().enumerate() {
        crate::emit(&hit_text(i + 1, hit))?;
    }
    material_hits(query, &materials)
}

/// The departments' material paragraphs that match, after the reports' (nothing when none).
fn material_hits(query: &str, page: &MaterialSearchPage) -> CliResult {
    if page.hits.is_empty() {
        return Ok(());
    }
    let count = if page.more {
        format!("超过 {n} 处，只列出前 {n} 处", n = page.hits.len())
    } else {
        format!("{} 处", page.hits.len())
    };
    crate::emit(&format!(
        "“{}”在部门材料中找到 {count} (department materials)：\n",
        query.trim()
    ))?;
    for (i, hit) in page.hits.iter().enumerate() {
        crate::emit(&material_hit_text(i + 1, hit))?;
    }
    Ok(())
}

fn material_hit_text(n: usize, hit: &MaterialHit) -> String {
    let department = hit.department.as_deref().unwrap_or("（部门不明）");
    format!(
        "{n}. 材料 {department}《{}》第{}行 · 草稿 #{} {}（{}年）\n   部分：{}\n   {}\n",
        hit.source_name,
        hit.line,
        hit.draft_id,
        hit.draft_title,
        hit.year,
        hit.part.label(),
        hit.snippet.marked("【", "】"),
    )
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

/// A government's figures over the years: every chain over two reports or more (or the chains
/// of `--metric`), each point with its year, value and source line.
pub fn history(db: Option<&Path>, government: &str, metric: Option<&str>, json: bool) -> CliResult {
    let min_years = if metric.is_some() { 1 } else { 2 };
    let histories = desk(db)?
        .metric_histories(government, metric, min_years)
        .map_err(|e| reason(&e))?;
    if json {
        crate::emit(&(serde_json::to_string_pretty(&histories)? + "\n"))?;
        return Ok(());
    }
    if histories.is_empty() {
        crate::emit(&format!(
            "{government}：报告库中没有可串联的历年数据 (no history)\n"
        ))?;
        return Ok(());
    }
    let mut out = String::new();
    for h in &histories {
        out.push_str(&format!("{}（{} 年）\n", h.metric, h.points.len()));
        for p in &h.points {
            let how = match (p.linked, p.confidence) {
                (true, _) => "  人工关联".to_owned(),
                (false, Some(c)) => format!("  对照把握 {:.0}%", c * 100.0),
                (false, None) => String::new(),
            };
            out.push_str(&format!(
                "  {}年  {}  第{}行 {}{how}\n",
                p.year,
                p.raw,
                p.line,
                nianbao_check::text::shorten(&p.excerpt, 40)
            ));
        }
    }
    crate::emit(&out)?;
    Ok(())
}
