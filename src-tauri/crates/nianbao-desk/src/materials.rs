//! The departments' materials of a draft, the use cases of the materials pane and of
//! `nianbao materials`: import a batch (files or folders) with progress and cancellation, list
//! the materials of a part (by department, near-duplicates grouped), insert a paragraph or a
//! figure into the draft with its trail kept in the draft's versions, mark used, the office's
//! department list and who has not sent, fill-in marks filled from statistics (proposals the
//! drafter accepts or rejects), search.
//!
//! Reading a material is nianbao-materials' job (department, parts, figures, statistics); the
//! store keeps it. The IPC types are here, beside the use cases that fill them.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use nianbao_materials::{Material, StatValue, fill, similar, stats};
use nianbao_report::{Figure, SectionKind};
use nianbao_store::{NewMaterial, NewParagraph, NewStat, StoredParagraph};
use serde::Serialize;
use ts_rs::TS;

use crate::dto::{SnippetPart, snippet_parts};
use crate::{Desk, DeskError, Office};

/// Characters of a paragraph's excerpt in the pane.
const EXCERPT_CHARS: usize = 120;
/// Files in a folder are read this deep.
const FOLDER_DEPTH: usize = 3;

// ---- IPC types ------------------------------------------------------------------------------

/// Progress of a batch import, sent after each file (and once before the first).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialProgress {
    /// Files finished (imported or failed).
    pub done: usize,
    pub total: usize,
    /// The file just finished ("" before the first).
    pub file: String,
    /// Whether that file was imported.
    pub ok: bool,
}

/// A file of a batch that could not be imported, and why (in Chinese).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialError {
    pub file: String,
    /// A stable code (`import.not_docx`, `app.io`).
    pub code: String,
    pub reason: String,
}

/// The outcome of a batch import.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialBatch {
    pub imported: Vec<MaterialItem>,
    pub errors: Vec<MaterialError>,
    /// The drafter cancelled: files after the cancel were not read (those before are kept).
    pub cancelled: bool,
    /// Files of the batch not read because of the cancel.
    pub skipped: usize,
}

/// A stored material file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialItem {
    #[ts(type = "number")]
    pub id: i64,
    pub file: String,
    pub path: String,
    /// `text`, `docx`, `pdf`, `doc`, `spreadsheet`, `html`.
    pub format: String,
    /// "" when nobody could tell (the drafter names it).
    pub department: String,
    /// `title`, `signature`, `file_name`, `edited`, or "".
    pub department_source: String,
    pub paragraphs: usize,
    pub statistics: usize,
    /// The same file was already among this draft's materials; nothing was added.
    pub already_present: bool,
}

/// A department of the office's list and whether it sent anything for this draft.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentItem {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// Materials of this draft from this department.
    pub materials: usize,
}

/// A standard part: how many material paragraphs belong there and whether the draft has text
/// in it yet.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartStatus {
    /// The kind's key (`disputes`).
    pub part: String,
    /// Its Chinese label (`化解矛盾纠纷`).
    pub label: String,
    pub materials: usize,
    /// Unused material paragraphs.
    pub unused: usize,
    /// Lines of text (not headings) the draft has in that part.
    pub draft_lines: usize,
    /// No material and no text yet: the pane shows it.
    pub empty: bool,
}

/// The materials pane's overview of a draft.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialsOverview {
    pub materials: Vec<MaterialItem>,
    /// The office's list, with what each sent.
    pub departments: Vec<DepartmentItem>,
    /// Departments of the list that sent nothing for this draft (who has not sent).
    pub missing: Vec<String>,
    /// Departments named by materials that are not on the list (to add them).
    pub unlisted: Vec<String>,
    pub parts: Vec<PartStatus>,
}

/// A figure of a material paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialFigure {
    /// `行政复议·受理`.
    pub metric: String,
    /// As written (`142件`).
    pub raw: String,
    pub value: f64,
    pub unit: String,
    /// The clause that holds it (what "insert this figure" inserts).
    pub excerpt: String,
}

/// A paragraph of a material, as the pane lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialParagraphItem {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub material_id: i64,
    pub file: String,
    pub department: String,
    pub part: String,
    pub part_label: String,
    /// 0‥1.
    pub confidence: f64,
    /// The part came from the material's own heading.
    pub by_heading: bool,
    pub text: String,
    pub excerpt: String,
    pub figures: Vec<MaterialFigure>,
    pub used: bool,
    /// Near-duplicates (another department sent nearly the same paragraph) share a number;
    /// `null` when it has none.
    pub group: Option<usize>,
}

/// A change made to the draft from a material: the new text and the version that keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialInsert {
    /// The draft's whole new text (what the editor shows now).
    pub text: String,
    /// 1-based line where the material went.
    pub line: usize,
    #[ts(type = "number")]
    pub version_id: i64,
    /// The version's name, the trail the drafter reads in 历史版本.
    pub note: String,
}

/// A value offered for a fill-in mark.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FillOption {
    #[ts(type = "number")]
    pub stat_id: i64,
    /// What replaces the mark (`142件`).
    pub text: String,
    pub value: f64,
    /// `metric` or `label`.
    pub matched_by: String,
    pub file: String,
    pub department: String,
    /// `Sheet1!C7` or `表1!C3`.
    pub cell: String,
    /// The table's row and column (`行政复议受理案件 · 本年`).
    pub row: String,
    /// The checker's warning when the value is far from last year's (`figure.swing`).
    pub swing: Option<String>,
}

/// A fill-in mark of the draft and the statistics values offered for it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FillItem {
    pub line: usize,
    /// The mark as written (`【113件→？】`).
    pub mark: String,
    pub last_raw: String,
    pub metric: String,
    pub options: Vec<FillOption>,
}

/// A material paragraph that matches a search.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialHitItem {
    #[ts(type = "number")]
    pub paragraph_id: i64,
    pub file: String,
    pub department: String,
    pub part: String,
    pub snippet: Vec<SnippetPart>,
}

/// One step of the trail: what went from a material into which version.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrailItem {
    /// `paragraph`, `figure`, `rejected`.
    pub kind: String,
    pub note: String,
    #[ts(type = "number | null")]
    pub version_id: Option<i64>,
    #[ts(type = "number | null")]
    pub paragraph_id: Option<i64>,
    #[ts(type = "number | null")]
    pub stat_id: Option<i64>,
    #[ts(type = "number")]
    pub at: i64,
}

// ---- reading ------------------------------------------------------------------------------

/// Files of a batch: each file as given, each folder's files (sorted, hidden files and Word's
/// `~$` lock files left out, subfolders up to [`FOLDER_DEPTH`] deep).
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            // An unreadable folder is reported when its path is read as a file.
            out.push(dir.to_owned());
            return;
        };
        let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            if name
                .as_deref()
                .is_some_and(|n| n.starts_with('.') || n.starts_with("~$"))
            {
                continue;
            }
            if p.is_dir() {
                if depth < FOLDER_DEPTH {
                    walk(&p, depth + 1, out);
                }
            } else {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, 1, &mut out);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Read one material file with the office's parser and department list.
pub fn read_material(
    path: &Path,
    office: &Office,
    known: &[String],
) -> Result<(Material, Vec<u8>), DeskError> {
    // As the importers read a file: a FIFO or device in a dropped folder is refused, not waited
    // on; an oversized file is refused before it is read.
    let bytes = nianbao_import::read_file(path, &nianbao_import::Limits::DEFAULT)?;
    let name = file_name(path);
    let material = nianbao_materials::read_material_bytes(&bytes, &name, office.parser(), known)?;
    Ok((material, bytes))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn format_key(f: nianbao_import::SourceFormat) -> String {
    serde_json::to_value(f)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn new_material(path: &Path, bytes: &[u8], m: &Material) -> NewMaterial {
    NewMaterial {
        source_name: m.file.clone(),
        source_path: path.display().to_string(),
        source_hash: nianbao_store::hash_bytes(bytes),
        source_format: format_key(m.format),
        department: m.department.as_ref().map(|d| d.name.clone()),
        department_source: m.department.as_ref().map(|d| d.source.key().to_owned()),
        paragraphs: m
            .paragraphs
            .iter()
            .map(|p| NewParagraph {
                line: p.line,
                part: p.part,
                confidence: p.confidence,
                by_heading: p.by_heading,
                text: p.text.clone(),
                figures: p.figures.clone(),
            })
            .collect(),
        stats: m
            .statistics
            .iter()
            .map(|s| NewStat {
                metric: s.metric.clone(),
                label: s.label.clone(),
                column: s.column.clone(),
                value: s.value,
                text: s.text.clone(),
                unit: s.unit.clone(),
                cell: s.cell.clone(),
                last_year: s.last_year,
            })
            .collect(),
    }
}

fn material_item(m: &nianbao_store::StoredMaterial, already_present: bool) -> MaterialItem {
    MaterialItem {
        id: m.id,
        file: m.source_name.clone(),
        path: m.source_path.clone(),
        format: m.source_format.clone(),
        department: m.department.clone().unwrap_or_default(),
        department_source: m.department_source.clone().unwrap_or_default(),
        paragraphs: m.paragraphs,
        statistics: m.stats,
        already_present,
    }
}

fn error_of(file: String, e: &DeskError) -> MaterialError {
    MaterialError {
        file,
        code: e.code().to_owned(),
        reason: e.for_drafter().0,
    }
}

fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(EXCERPT_CHARS).collect();
    s.push('…');
    s
}

fn figure_item(f: &Figure) -> MaterialFigure {
    MaterialFigure {
        metric: f.metric.clone(),
        raw: f.raw.clone(),
        value: f.value,
        unit: f.unit.clone(),
        excerpt: f.excerpt.clone(),
    }
}

fn part_of(key: Option<&str>) -> Result<Option<SectionKind>, DeskError> {
    match key.filter(|k| !k.is_empty()) {
        None => Ok(None),
        Some(k) => SectionKind::from_key(k)
            .map(Some)
            .ok_or_else(|| DeskError::UnknownKind(k.to_owned())),
    }
}

/// Lines of the draft per part that hold text (not a heading alone, not an empty line).
fn draft_lines_per_part(office: &Office, text: &str) -> HashMap<SectionKind, usize> {
    let report = office.parse_text(text);
    let headings: BTreeSet<usize> = report
        .all_sections()
        .iter()
        .filter(|s| !s.number.is_empty())
        .map(|s| s.line)
        .collect();
    let mut out: HashMap<SectionKind, usize> = HashMap::new();
    for (n, line) in report.paragraphs() {
        if headings.contains(&n) && line.chars().count() <= 40 && !line.contains('。') {
            continue;
        }
        *out.entry(report.kind_at(n)).or_default() += 1;
    }
    out
}

/// Where a paragraph of `part` goes in the draft: after the last line of the last section of
/// that kind; the end of the text when the draft has no such part.
fn insertion_line(office: &Office, text: &str, part: SectionKind) -> usize {
    let report = office.parse_text(text);
    let line_count = text.split('\n').count();
    report
        .all_sections()
        .iter()
        .filter(|s| s.kind == part)
        .map(|s| s.end_line)
        .max()
        .map_or(line_count, |end| {
            // A section's last line may be followed by blank lines that belong to it.
            let mut end = end.min(line_count);
            while end > 0 && report.line(end).trim().is_empty() {
                end -= 1;
            }
            end
        })
}

/// `text` with `insert` as a new line after 1-based line `after` (0: at the start).
fn insert_line(text: &str, after: usize, insert: &str) -> (String, usize) {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let at = after.min(lines.len());
    lines.insert(at, insert);
    (lines.join("\n"), at + 1)
}

impl Desk {
    /// Import files and folders as materials of a draft. `progress` is told after each file;
    /// `cancel` is read between files (the file being read finishes). A broken file is listed
    /// with its reason and the rest are imported.
    pub fn import_materials(
        &self,
        draft_id: i64,
        paths: &[PathBuf],
        cancel: &AtomicBool,
        progress: &mut dyn FnMut(&MaterialProgress),
    ) -> Result<MaterialBatch, DeskError> {
        let (year, known) = self.with_store(|s| {
            let draft = s.get_draft(draft_id)?;
            let known: Vec<String> = s.list_departments()?.into_iter().map(|d| d.name).collect();
            Ok((draft.year, known))
        })?;
        let office = self.office();
        let files = expand_paths(paths);
        let total = files.len();
        progress(&MaterialProgress {
            done: 0,
            total,
            file: String::new(),
            ok: true,
        });
        let mut batch = MaterialBatch {
            imported: Vec::new(),
            errors: Vec::new(),
            cancelled: false,
            skipped: 0,
        };
        for (i, path) in files.iter().enumerate() {
            if cancel.load(Ordering::Relaxed) {
                batch.cancelled = true;
                batch.skipped = total - i;
                break;
            }
            let name = file_name(path);
            let stored = read_material(path, &office, &known).and_then(|(m, bytes)| {
                let new = new_material(path, &bytes, &m);
                self.with_store(|s| {
                    let (id, again) = s.add_material(draft_id, year, &new)?;
                    Ok(material_item(&s.get_material(id)?, again))
                })
            });
            let ok = stored.is_ok();
            match stored {
                Ok(item) => batch.imported.push(item),
                Err(e) => batch.errors.push(error_of(name.clone(), &e)),
            }
            progress(&MaterialProgress {
                done: i + 1,
                total,
                file: name,
                ok,
            });
        }
        Ok(batch)
    }

    /// The pane's overview: materials, the department list with who sent, who has not, and per
    /// part the material and the draft's text (`text`: the editor's current text; `None`: the
    /// draft's latest version).
    pub fn materials_overview(
        &self,
        draft_id: i64,
        text: Option<&str>,
    ) -> Result<MaterialsOverview, DeskError> {
        let (materials, departments, paragraphs, saved) = self.with_store(|s| {
            let saved = match text {
                Some(_) => String::new(),
                None => s.latest_draft_text(draft_id)?,
            };
            Ok((
                s.list_materials(draft_id)?,
                s.list_departments()?,
                s.material_paragraphs(draft_id, None, None)?,
                saved,
            ))
        })?;
        let text = text.unwrap_or(&saved);
        let mut sent: HashMap<&str, usize> = HashMap::new();
        for m in &materials {
            if let Some(d) = m.department.as_deref() {
                *sent.entry(d).or_default() += 1;
            }
        }
        let listed: BTreeSet<&str> = departments.iter().map(|d| d.name.as_str()).collect();
        let unlisted: Vec<String> = sent
            .keys()
            .filter(|d| !listed.contains(*d))
            .map(|d| (*d).to_owned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let office = self.office();
        let lines = draft_lines_per_part(&office, text);
        let parts = SectionKind::ALL
            .iter()
            .filter(|k| **k != SectionKind::Other)
            .map(|k| {
                let of_part: Vec<&StoredParagraph> =
                    paragraphs.iter().filter(|p| p.part == *k).collect();
                let draft_lines = lines.get(k).copied().unwrap_or(0);
                PartStatus {
                    part: k.key().to_owned(),
                    label: k.label().to_owned(),
                    materials: of_part.len(),
                    unused: of_part.iter().filter(|p| !p.used).count(),
                    draft_lines,
                    empty: of_part.is_empty() && draft_lines == 0,
                }
            })
            .collect();
        Ok(MaterialsOverview {
            materials: materials.iter().map(|m| material_item(m, false)).collect(),
            missing: departments
                .iter()
                .filter(|d| !sent.contains_key(d.name.as_str()))
                .map(|d| d.name.clone())
                .collect(),
            departments: departments
                .iter()
                .map(|d| DepartmentItem {
                    id: d.id,
                    name: d.name.clone(),
                    materials: sent.get(d.name.as_str()).copied().unwrap_or(0),
                })
                .collect(),
            unlisted,
            parts,
        })
    }

    /// Material paragraphs of a part (`None`: every part), of one department (`None`: all),
    /// with near-duplicates of different departments grouped.
    pub fn material_paragraphs(
        &self,
        draft_id: i64,
        part: Option<&str>,
        department: Option<&str>,
    ) -> Result<Vec<MaterialParagraphItem>, DeskError> {
        let part = part_of(part)?;
        let department = department.filter(|d| !d.is_empty());
        let all = self.with_store(|s| Ok(s.material_paragraphs(draft_id, part, None)?))?;
        let items: Vec<(&str, &str)> = all
            .iter()
            .map(|p| (p.department.as_deref().unwrap_or(""), p.text.as_str()))
            .collect();
        let mut group_of: HashMap<usize, usize> = HashMap::new();
        for (g, members) in similar::groups(&items).into_iter().enumerate() {
            for i in members {
                group_of.insert(i, g + 1);
            }
        }
        Ok(all
            .iter()
            .enumerate()
            .filter(|(_, p)| department.is_none_or(|d| p.department.as_deref() == Some(d)))
            .map(|(i, p)| MaterialParagraphItem {
                id: p.id,
                material_id: p.material_id,
                file: p.source_name.clone(),
                department: p.department.clone().unwrap_or_default(),
                part: p.part.key().to_owned(),
                part_label: p.part.label().to_owned(),
                confidence: (p.confidence * 100.0).round() / 100.0,
                by_heading: p.by_heading,
                excerpt: excerpt(&p.text),
                text: p.text.clone(),
                figures: p.figures.iter().map(figure_item).collect(),
                used: p.used,
                group: group_of.get(&i).copied(),
            })
            .collect())
    }

    /// Mark a material paragraph used or not (the drafter may use it by hand).
    pub fn mark_material_used(&self, paragraph_id: i64, used: bool) -> Result<(), DeskError> {
        self.with_store(|s| Ok(s.set_paragraph_used(paragraph_id, used)?))
    }

    /// Insert a material paragraph (or, with `figure`, the clause of one of its figures) into
    /// the draft's `text` after line `after` (`None`: at the end of the draft's part of that
    /// kind). The new text is saved as a named version whose name is the trail (file,
    /// department, line), and the paragraph is marked used.
    pub fn insert_material(
        &self,
        draft_id: i64,
        text: &str,
        paragraph_id: i64,
        after: Option<usize>,
        figure: Option<usize>,
    ) -> Result<MaterialInsert, DeskError> {
        let p = self.with_store(|s| {
            let p = s.material_paragraph(paragraph_id)?;
            if s.get_material(p.material_id)?.draft_id != draft_id {
                return Err(nianbao_store::StoreError::NotFound {
                    what: "本草稿的材料段落",
                    id: paragraph_id,
                }
                .into());
            }
            Ok(p)
        })?;
        let inserted = match figure {
            Some(k) => {
                let f = p
                    .figures
                    .get(k)
                    .ok_or(nianbao_store::StoreError::NotFound {
                        what: "材料数据",
                        id: i64::try_from(k).unwrap_or(-1),
                    })?;
                format!("{}。", f.excerpt.trim_end_matches(['。', '，', '；']))
            }
            None => p.text.clone(),
        };
        let after = match after {
            Some(a) => a,
            None => insertion_line(&self.office(), text, p.part),
        };
        let (new_text, line) = insert_line(text, after, &inserted);
        let what = if figure.is_some() { "数据" } else { "段落" };
        let note = format!(
            "插入材料{what}：{}《{}》第{}行 → 草稿第{line}行（{}）",
            p.department.as_deref().unwrap_or("未知部门"),
            p.source_name,
            p.line,
            p.part.label()
        );
        let kind = if figure.is_some() {
            "figure"
        } else {
            "paragraph"
        };
        let version_id = self.with_store(|s| {
            let v = s.save_named_version(draft_id, &new_text, &note)?;
            s.record_material_use(draft_id, Some(v), Some(p.id), None, kind, &note)?;
            s.set_paragraph_used(p.id, true)?;
            Ok(v)
        })?;
        Ok(MaterialInsert {
            text: new_text,
            line,
            version_id,
            note,
        })
    }

    /// The office's departments with what each sent for a draft.
    pub fn list_departments(&self, draft_id: i64) -> Result<Vec<DepartmentItem>, DeskError> {
        Ok(self.materials_overview(draft_id, Some(""))?.departments)
    }

    /// Add a department to the office's list.
    pub fn add_department(&self, name: &str) -> Result<i64, DeskError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(DeskError::Io(
                "部门名称不能为空 (empty department name)".to_owned(),
            ));
        }
        self.with_store(|s| Ok(s.add_department(name)?))
    }

    /// Rename a department (its materials follow).
    pub fn rename_department(&self, id: i64, name: &str) -> Result<(), DeskError> {
        self.with_store(|s| Ok(s.rename_department(id, name)?))
    }

    /// Remove a department from the list.
    pub fn remove_department(&self, id: i64) -> Result<bool, DeskError> {
        self.with_store(|s| Ok(s.delete_department(id)?))
    }

    /// The drafter names the department of a material.
    pub fn set_material_department(&self, material_id: i64, name: &str) -> Result<(), DeskError> {
        self.with_store(|s| Ok(s.set_material_department(material_id, name)?))
    }

    /// Remove a material from the draft's materials.
    pub fn remove_material(&self, material_id: i64) -> Result<bool, DeskError> {
        self.with_store(|s| Ok(s.delete_material(material_id)?))
    }

    /// For each figure mark of the draft's `text`, the statistics values whose metric matches
    /// (proposals only; values the drafter rejected for that mark are left out).
    pub fn fill_proposals(&self, draft_id: i64, text: &str) -> Result<Vec<FillItem>, DeskError> {
        let (stats, rejected, year) = self.with_store(|s| {
            let year = s.get_draft(draft_id)?.year;
            let rejected: BTreeSet<(i64, String)> = s
                .material_uses(draft_id)?
                .into_iter()
                .filter(|u| u.kind == "rejected")
                .filter_map(|u| u.stat_id.map(|id| (id, u.note)))
                .collect();
            Ok((s.material_stats(draft_id)?, rejected, year))
        })?;
        // The office's lexicon (metrics.toml) names the marks and, afresh, the values (the
        // office may have edited it since the import); its word groups (aliases.toml) make
        // 收到 and 受理 one metric when no value has the mark's own name.
        let office = self.office();
        let canonical = |w: &str| office.rules().aliases.canonical(w).to_owned();
        let naming = stats::Naming {
            parser: office.parser(),
            canonical: &canonical,
        };
        let values: Vec<StatValue> = stats
            .iter()
            .map(|s| StatValue {
                metric: naming
                    .metric_name(&s.stat.label, &s.stat.text, &s.stat.unit)
                    .unwrap_or_else(|| s.stat.metric.clone()),
                label: s.stat.label.clone(),
                column: s.stat.column.clone(),
                value: s.stat.value,
                text: s.stat.text.clone(),
                unit: s.stat.unit.clone(),
                cell: s.stat.cell.clone(),
                // A column named for another year (`2023年` in a table for the 2024 draft) is
                // not this year's value, whatever its words.
                last_year: s.stat.last_year || stats::other_year_column(&s.stat.column, year),
            })
            .collect();
        Ok(fill::proposals(text, &values, &naming)
            .into_iter()
            .map(|p| FillItem {
                options: p
                    .proposals
                    .iter()
                    .filter_map(|o| {
                        let s = stats.get(o.stat)?;
                        let key = (s.id, rejection_note(&p.mark, p.line));
                        (!rejected.contains(&key)).then(|| FillOption {
                            stat_id: s.id,
                            text: o.text.clone(),
                            value: o.value,
                            matched_by: o.matched_by.to_owned(),
                            file: s.source_name.clone(),
                            department: s.department.clone().unwrap_or_default(),
                            cell: s.stat.cell.clone(),
                            row: if s.stat.column.is_empty() {
                                s.stat.label.clone()
                            } else {
                                format!("{} · {}", s.stat.label, s.stat.column)
                            },
                            swing: o.swing.clone(),
                        })
                    })
                    .collect(),
                line: p.line,
                mark: p.mark,
                last_raw: p.last_raw,
                metric: p.metric,
            })
            .collect())
    }

    /// Fill the mark at `line` with statistics value `stat_id`: the mark becomes the value, the
    /// new text is saved as a named version naming the value's source, and the trail keeps it.
    /// `Ok(None)` when that line no longer holds the mark (nothing changed).
    pub fn accept_fill(
        &self,
        draft_id: i64,
        text: &str,
        line: usize,
        mark: &str,
        stat_id: i64,
    ) -> Result<Option<MaterialInsert>, DeskError> {
        let stat = self
            .with_store(|s| Ok(s.material_stats(draft_id)?))?
            .into_iter()
            .find(|s| s.id == stat_id)
            .ok_or(nianbao_store::StoreError::NotFound {
                what: "统计数据",
                id: stat_id,
            })?;
        let unit = if stat.stat.unit.is_empty() {
            fill::mark_figure(mark)
                .map(|raw| {
                    raw.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                        .to_owned()
                })
                .unwrap_or_default()
        } else {
            stat.stat.unit.clone()
        };
        let value = format!("{}{unit}", stat.stat.text);
        let Some(new_text) = fill::apply(text, line, mark, &value) else {
            return Ok(None);
        };
        let note = format!(
            "从统计表填入：第{line}行 {mark} → {value}（{}{} {}）",
            stat.department
                .as_deref()
                .map(|d| format!("{d}·"))
                .unwrap_or_default(),
            stat.source_name,
            stat.stat.cell
        );
        let version_id = self.with_store(|s| {
            let v = s.save_named_version(draft_id, &new_text, &note)?;
            s.record_material_use(draft_id, Some(v), None, Some(stat_id), "figure", &note)?;
            Ok(v)
        })?;
        Ok(Some(MaterialInsert {
            text: new_text,
            line,
            version_id,
            note,
        }))
    }

    /// The drafter turned a proposal down: it is not offered again for that mark.
    pub fn reject_fill(
        &self,
        draft_id: i64,
        line: usize,
        mark: &str,
        stat_id: i64,
    ) -> Result<(), DeskError> {
        let note = rejection_note(mark, line);
        self.with_store(|s| {
            s.record_material_use(draft_id, None, None, Some(stat_id), "rejected", &note)?;
            Ok(())
        })
    }

    /// Material paragraphs of a draft matching `query`.
    pub fn search_materials(
        &self,
        draft_id: i64,
        query: &str,
    ) -> Result<Vec<MaterialHitItem>, DeskError> {
        let hits = self.with_store(|s| Ok(s.search_materials(draft_id, query, 50)?))?;
        Ok(hits
            .into_iter()
            .map(|h| MaterialHitItem {
                paragraph_id: h.paragraph_id,
                file: h.source_name,
                department: h.department.unwrap_or_default(),
                part: h.part.key().to_owned(),
                snippet: snippet_parts(&h.snippet),
            })
            .collect())
    }

    /// The trail of a draft: what went from which material into which version.
    pub fn material_trail(&self, draft_id: i64) -> Result<Vec<TrailItem>, DeskError> {
        let uses = self.with_store(|s| Ok(s.material_uses(draft_id)?))?;
        Ok(uses
            .into_iter()
            .map(|u| TrailItem {
                kind: u.kind,
                note: u.note,
                version_id: u.version_id,
                paragraph_id: u.paragraph_id,
                stat_id: u.stat_id,
                at: u.created_at,
            })
            .collect())
    }
}

/// How a rejection is remembered: the mark and its line.
fn rejection_note(mark: &str, line: usize) -> String {
    format!("不采用：第{line}行 {mark}")
}

/// Read materials without a library (`nianbao materials`): each file's material or its error.
pub fn read_materials(
    paths: &[PathBuf],
    office: &Office,
    known: &[String],
) -> Vec<(PathBuf, Result<Material, DeskError>)> {
    expand_paths(paths)
        .into_iter()
        .map(|p| {
            let r = read_material(&p, office, known).map(|(m, _)| m);
            (p, r)
        })
        .collect()
}
