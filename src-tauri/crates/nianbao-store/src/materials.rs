//! The departments' materials of a draft (`materials`, `material_paragraphs`, `material_stats`),
//! the office's department list (`departments`) and the trail of what went from a material into
//! the draft (`material_uses`, each row naming the draft version it made).
//!
//! Material paragraphs are searchable like the reports' paragraphs: jieba's search words in a
//! contentless FTS5 table (`material_words`), the query segmented the same way
//! ([`crate::search::query_terms`]). A file sent twice (same bytes) for one draft is stored once.

use nianbao_report::{Figure, SectionKind, segment};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::snippet::{Snippet, make_snippet};
use crate::{Result, Store, StoreError, clock};

/// Characters of a search snippet.
const SNIPPET_CHARS: usize = 80;

/// A material to store (read by nianbao-materials).
#[derive(Debug, Clone, PartialEq)]
pub struct NewMaterial {
    pub source_name: String,
    pub source_path: String,
    /// [`crate::hash_bytes`] of the file.
    pub source_hash: String,
    pub source_format: String,
    pub department: Option<String>,
    /// `title`, `signature`, `file_name`, `edited`.
    pub department_source: Option<String>,
    pub paragraphs: Vec<NewParagraph>,
    pub stats: Vec<NewStat>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewParagraph {
    pub line: usize,
    pub part: SectionKind,
    pub confidence: f64,
    pub by_heading: bool,
    pub text: String,
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewStat {
    pub metric: String,
    pub label: String,
    pub column: String,
    pub value: f64,
    pub text: String,
    pub unit: String,
    pub cell: String,
    pub last_year: bool,
}

/// A stored material as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredMaterial {
    pub id: i64,
    pub draft_id: i64,
    pub year: i32,
    pub source_name: String,
    pub source_path: String,
    pub source_format: String,
    pub department: Option<String>,
    pub department_source: Option<String>,
    pub paragraphs: usize,
    pub stats: usize,
    pub added_at: i64,
}

/// A stored paragraph of a material.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredParagraph {
    pub id: i64,
    pub material_id: i64,
    pub source_name: String,
    pub department: Option<String>,
    pub line: usize,
    pub part: SectionKind,
    pub confidence: f64,
    pub by_heading: bool,
    pub text: String,
    pub figures: Vec<Figure>,
    pub used: bool,
}

/// A stored statistics value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredStat {
    pub id: i64,
    pub material_id: i64,
    pub source_name: String,
    pub department: Option<String>,
    pub stat: NewStat,
}

/// One department of the office's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDepartment {
    pub id: i64,
    pub name: String,
}

/// One step of the trail: what went from a material into which version of the draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MaterialUse {
    pub id: i64,
    pub draft_id: i64,
    pub version_id: Option<i64>,
    pub paragraph_id: Option<i64>,
    pub stat_id: Option<i64>,
    /// `paragraph` (inserted), `figure` (a mark filled), `rejected` (a proposal turned down).
    pub kind: String,
    /// What the drafter reads in the versions (`插入 示例市司法局 第3行`).
    pub note: String,
    pub created_at: i64,
}

/// A material paragraph that matches a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MaterialHit {
    pub paragraph_id: i64,
    pub material_id: i64,
    pub source_name: String,
    pub department: Option<String>,
    pub part: SectionKind,
    pub snippet: Snippet,
    /// The draft the material belongs to (a year's materials).
    pub draft_id: i64,
    pub draft_title: String,
    /// The draft's year.
    pub year: i32,
    /// The government of the report the draft follows, if any.
    pub government: Option<String>,
    /// 1-based line of the paragraph in the material's text.
    pub line: usize,
    /// bm25 score (lower is better); substring matches come after every word match.
    pub score: f64,
}

/// Material paragraphs found by the library's search, and whether the limit cut some off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MaterialSearchPage {
    pub hits: Vec<MaterialHit>,
    /// More paragraphs match than the limit.
    pub more: bool,
}

/// Where a material search looks: one draft (the materials pane) or the whole library
/// narrowed like the reports' search (government of the draft's report, year, part).
#[derive(Debug, Clone, Copy)]
struct MaterialScope<'a> {
    draft_id: Option<i64>,
    government: Option<&'a str>,
    year: Option<i32>,
    part: Option<SectionKind>,
    limit: usize,
}

/// The joins and filters of every material search (parameters ?2..?5).
const SCOPE_FROM: &str = "material_paragraphs p JOIN materials m ON m.id = p.material_id
    JOIN drafts d ON d.id = m.draft_id LEFT JOIN reports r ON r.id = d.from_report";
const SCOPE_WHERE: &str = "(?2 IS NULL OR m.draft_id = ?2) AND (?3 IS NULL OR r.government = ?3)
    AND (?4 IS NULL OR m.year = ?4) AND (?5 IS NULL OR p.part = ?5)";

fn words_of(text: &str) -> String {
    segment::search_words(text)
        .into_iter()
        .filter(|w| !w.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

const MATERIAL_SELECT: &str = "SELECT m.id, m.draft_id, m.year, m.source_name, m.source_path,
    m.source_format, m.department, m.department_source, m.added_at,
    (SELECT COUNT(*) FROM material_paragraphs p WHERE p.material_id = m.id),
    (SELECT COUNT(*) FROM material_stats s WHERE s.material_id = m.id)
    FROM materials m";

fn material_from_row(r: &Row<'_>) -> rusqlite::Result<StoredMaterial> {
    Ok(StoredMaterial {
        id: r.get(0)?,
        draft_id: r.get(1)?,
        year: r.get(2)?,
        source_name: r.get(3)?,
        source_path: r.get(4)?,
        source_format: r.get(5)?,
        department: r.get(6)?,
        department_source: r.get(7)?,
        added_at: r.get(8)?,
        paragraphs: usize::try_from(r.get::<_, i64>(9)?).unwrap_or(0),
        stats: usize::try_from(r.get::<_, i64>(10)?).unwrap_or(0),
    })
}

const PARAGRAPH_SELECT: &str = "SELECT p.id, p.material_id, m.source_name, m.department, p.line,
    p.part, p.confidence, p.by_heading, p.text, p.figures_json, p.used
    FROM material_paragraphs p JOIN materials m ON m.id = p.material_id";

fn paragraph_from_row(r: &Row<'_>) -> rusqlite::Result<StoredParagraph> {
    let part: String = r.get(5)?;
    let figures: String = r.get(9)?;
    Ok(StoredParagraph {
        id: r.get(0)?,
        material_id: r.get(1)?,
        source_name: r.get(2)?,
        department: r.get(3)?,
        line: usize::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
        part: SectionKind::from_key(&part).unwrap_or(SectionKind::Other),
        confidence: r.get(6)?,
        by_heading: r.get(7)?,
        text: r.get(8)?,
        figures: serde_json::from_str(&figures).unwrap_or_default(),
        used: r.get(10)?,
    })
}

impl Store {
    /// Store a material for a draft; returns its id and whether the same file was already there
    /// (then nothing is added).
    pub fn add_material(&self, draft_id: i64, year: i32, m: &NewMaterial) -> Result<(i64, bool)> {
        // Segmentation (the slow part) before the write lock.
        let words: Vec<String> = m.paragraphs.iter().map(|p| words_of(&p.text)).collect();
        let figures: Vec<String> = m
            .paragraphs
            .iter()
            .map(|p| serde_json::to_string(&p.figures).unwrap_or_else(|_| "[]".to_owned()))
            .collect();
        let now = clock::now_ms();
        self.write(|tx| {
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM materials WHERE draft_id = ?1 AND source_hash = ?2",
                    params![draft_id, m.source_hash],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = existing {
                return Ok((id, true));
            }
            let draft = tx
                .query_row("SELECT 1 FROM drafts WHERE id = ?1", [draft_id], |_| Ok(()))
                .optional()?;
            if draft.is_none() {
                return Err(StoreError::NotFound {
                    what: "草稿",
                    id: draft_id,
                });
            }
            tx.execute(
                "INSERT INTO materials (draft_id, year, source_name, source_path, source_hash,
                 source_format, department, department_source, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    draft_id,
                    year,
                    m.source_name,
                    m.source_path,
                    m.source_hash,
                    m.source_format,
                    m.department,
                    m.department_source,
                    now
                ],
            )?;
            let id = tx.last_insert_rowid();
            let mut para = tx.prepare_cached(
                "INSERT INTO material_paragraphs (material_id, line, part, confidence,
                 by_heading, text, figures_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut word =
                tx.prepare_cached("INSERT INTO material_words (rowid, words) VALUES (?1, ?2)")?;
            for ((p, w), f) in m.paragraphs.iter().zip(&words).zip(&figures) {
                para.execute(params![
                    id,
                    i64::try_from(p.line).unwrap_or(0),
                    p.part.key(),
                    p.confidence,
                    p.by_heading,
                    p.text,
                    f
                ])?;
                word.execute(params![tx.last_insert_rowid(), w])?;
            }
            let mut stat = tx.prepare_cached(
                "INSERT INTO material_stats (material_id, metric, label, column_name, value,
                 text, unit, cell, last_year) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for s in &m.stats {
                stat.execute(params![
                    id,
                    s.metric,
                    s.label,
                    s.column,
                    s.value,
                    s.text,
                    s.unit,
                    s.cell,
                    s.last_year
                ])?;
            }
            Ok((id, false))
        })
    }

    /// The materials of a draft, in the order they were added.
    pub fn list_materials(&self, draft_id: i64) -> Result<Vec<StoredMaterial>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{MATERIAL_SELECT} WHERE m.draft_id = ?1 ORDER BY m.id"
        ))?;
        let rows = stmt.query_map([draft_id], material_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One material.
    pub fn get_material(&self, id: i64) -> Result<StoredMaterial> {
        self.conn
            .query_row(
                &format!("{MATERIAL_SELECT} WHERE m.id = ?1"),
                [id],
                material_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "材料", id })
    }

    /// Remove a material with its paragraphs and values (the trail keeps its notes).
    pub fn delete_material(&self, id: i64) -> Result<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM materials WHERE id = ?1", [id])? > 0))
    }

    /// The drafter names the department of a material.
    pub fn set_material_department(&self, id: i64, department: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE materials SET department = ?2, department_source = 'edited' WHERE id = ?1",
                params![id, department.trim()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "材料", id });
            }
            Ok(())
        })
    }

    /// Paragraphs of a draft's materials, optionally of one part and one department, in file
    /// and line order.
    pub fn material_paragraphs(
        &self,
        draft_id: i64,
        part: Option<SectionKind>,
        department: Option<&str>,
    ) -> Result<Vec<StoredParagraph>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{PARAGRAPH_SELECT} WHERE m.draft_id = ?1 AND (?2 IS NULL OR p.part = ?2)
             AND (?3 IS NULL OR m.department = ?3) ORDER BY m.id, p.line"
        ))?;
        let rows = stmt.query_map(
            params![draft_id, part.map(SectionKind::key), department],
            paragraph_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One stored paragraph.
    pub fn material_paragraph(&self, id: i64) -> Result<StoredParagraph> {
        self.conn
            .query_row(
                &format!("{PARAGRAPH_SELECT} WHERE p.id = ?1"),
                [id],
                paragraph_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "材料段落",
                id,
            })
    }

    /// Mark a paragraph used (or not).
    pub fn set_paragraph_used(&self, id: i64, used: bool) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE material_paragraphs SET used = ?2 WHERE id = ?1",
                params![id, used],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    what: "材料段落",
                    id,
                });
            }
            Ok(())
        })
    }

    /// Statistics values of a draft's materials.
    pub fn material_stats(&self, draft_id: i64) -> Result<Vec<StoredStat>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.material_id, m.source_name, m.department, s.metric, s.label,
             s.column_name, s.value, s.text, s.unit, s.cell, s.last_year
             FROM material_stats s JOIN materials m ON m.id = s.material_id
             WHERE m.draft_id = ?1 ORDER BY m.id, s.id",
        )?;
        let rows = stmt.query_map([draft_id], |r| {
            Ok(StoredStat {
                id: r.get(0)?,
                material_id: r.get(1)?,
                source_name: r.get(2)?,
                department: r.get(3)?,
                stat: NewStat {
                    metric: r.get(4)?,
                    label: r.get(5)?,
                    column: r.get(6)?,
                    value: r.get(7)?,
                    text: r.get(8)?,
                    unit: r.get(9)?,
                    cell: r.get(10)?,
                    last_year: r.get(11)?,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keep a step of the trail; returns its id. Inserting a paragraph marks it used.
    pub fn record_material_use(
        &self,
        draft_id: i64,
        version_id: Option<i64>,
        paragraph_id: Option<i64>,
        stat_id: Option<i64>,
        kind: &str,
        note: &str,
    ) -> Result<i64> {
        let now = clock::now_ms();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO material_uses (draft_id, version_id, paragraph_id, stat_id, kind,
                 note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![draft_id, version_id, paragraph_id, stat_id, kind, note, now],
            )?;
            let id = tx.last_insert_rowid();
            if kind == "paragraph"
                && let Some(p) = paragraph_id
            {
                tx.execute("UPDATE material_paragraphs SET used = 1 WHERE id = ?1", [p])?;
            }
            Ok(id)
        })
    }

    /// The trail of a draft, oldest first.
    pub fn material_uses(&self, draft_id: i64) -> Result<Vec<MaterialUse>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, draft_id, version_id, paragraph_id, stat_id, kind, note, created_at
             FROM material_uses WHERE draft_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([draft_id], |r| {
            Ok(MaterialUse {
                id: r.get(0)?,
                draft_id: r.get(1)?,
                version_id: r.get(2)?,
                paragraph_id: r.get(3)?,
                stat_id: r.get(4)?,
                kind: r.get(5)?,
                note: r.get(6)?,
                created_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The office's departments, by name.
    pub fn list_departments(&self) -> Result<Vec<StoredDepartment>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM departments ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(StoredDepartment {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Add a department (a name already listed is kept once); returns its id.
    pub fn add_department(&self, name: &str) -> Result<i64> {
        let name = name.trim().to_owned();
        let now = clock::now_ms();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO departments (name, created_at) VALUES (?1, ?2)
                 ON CONFLICT(name) DO NOTHING",
                params![name, now],
            )?;
            Ok(
                tx.query_row("SELECT id FROM departments WHERE name = ?1", [&name], |r| {
                    r.get(0)
                })?,
            )
        })
    }

    /// Rename a department; its materials' department follows.
    pub fn rename_department(&self, id: i64, name: &str) -> Result<()> {
        let name = name.trim().to_owned();
        self.write(|tx| {
            let old: Option<String> = tx
                .query_row("SELECT name FROM departments WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            let Some(old) = old else {
                return Err(StoreError::NotFound { what: "部门", id });
            };
            tx.execute(
                "UPDATE departments SET name = ?2 WHERE id = ?1",
                params![id, name],
            )?;
            tx.execute(
                "UPDATE materials SET department = ?2 WHERE department = ?1",
                params![old, name],
            )?;
            Ok(())
        })
    }

    /// Remove a department from the list (its materials stay).
    pub fn delete_department(&self, id: i64) -> Result<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM departments WHERE id = ?1", [id])? > 0))
    }

    /// Material paragraphs of a draft matching `query`, best first (every word must occur; a
    /// substring scan when the words find nothing or the query is one or two characters).
    pub fn search_materials(
        &self,
        draft_id: i64,
        query: &str,
        limit: usize,
    ) -> Result<Vec<MaterialHit>> {
        let scope = MaterialScope {
            draft_id: Some(draft_id),
            government: None,
            year: None,
            part: None,
            limit,
        };
        Ok(self.material_search(query, scope)?.0)
    }

    /// The library's full-text search over every draft's materials, narrowed like
    /// [`Store::search_page`] (government of the report the draft follows, the draft's year,
    /// the paragraph's part), saying whether more paragraphs match than the limit.
    pub fn search_material_page(
        &self,
        query: &str,
        filters: &crate::SearchFilters,
    ) -> Result<MaterialSearchPage> {
        let scope = MaterialScope {
            draft_id: None,
            government: filters.government.as_deref(),
            year: filters.year,
            part: filters.section,
            limit: filters.limit,
        };
        let (hits, more) = self.material_search(query, scope)?;
        Ok(MaterialSearchPage { hits, more })
    }

    /// Hits within `scope` and whether more than its limit match.
    fn material_search(
        &self,
        query: &str,
        scope: MaterialScope<'_>,
    ) -> Result<(Vec<MaterialHit>, bool)> {
        let query = query.trim();
        if query.is_empty() || scope.limit == 0 {
            return Ok((Vec::new(), false));
        }
        let shown = scope.limit;
        // One more than asked for: its presence is what tells "more than the limit".
        let wanted = shown.saturating_add(1);
        let limit_sql = i64::try_from(wanted).unwrap_or(i64::MAX);
        let part = scope.part.map(SectionKind::key);
        let terms = crate::search::query_terms(query);
        let mut ids: Vec<(i64, f64)> = Vec::new();
        if !terms.is_empty() {
            let expression = crate::search::fts_expression(&terms);
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT p.id, material_words.rank FROM material_words
                 JOIN {SCOPE_FROM}
                 WHERE material_words MATCH ?1 AND p.id = material_words.rowid AND {SCOPE_WHERE}
                 ORDER BY material_words.rank LIMIT ?6"
            ))?;
            ids = stmt
                .query_map(
                    params![
                        expression,
                        scope.draft_id,
                        scope.government,
                        scope.year,
                        part,
                        limit_sql
                    ],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?
                .collect::<rusqlite::Result<_>>()?;
        }
        let short = query.chars().count() <= 2;
        if ids.len() < wanted && (short || ids.is_empty()) {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT p.id FROM {SCOPE_FROM}
                 WHERE instr(p.text, ?1) > 0 AND {SCOPE_WHERE}
                 ORDER BY m.year DESC, m.id, p.line LIMIT ?6"
            ))?;
            let found: Vec<i64> = stmt
                .query_map(
                    params![
                        query,
                        scope.draft_id,
                        scope.government,
                        scope.year,
                        part,
                        limit_sql
                    ],
                    |r| r.get(0),
                )?
                .collect::<rusqlite::Result<_>>()?;
            for id in found {
                if ids.len() >= wanted {
                    break;
                }
                if !ids.iter().any(|(seen, _)| *seen == id) {
                    ids.push((id, f64::MAX));
                }
            }
        }
        let more = ids.len() > shown;
        ids.truncate(shown);
        let typed: Vec<&str> = query.split_whitespace().collect();
        let words: Vec<&str> = terms.iter().map(String::as_str).collect();
        let mut draft_of = self.conn.prepare_cached(
            "SELECT d.id, d.title, m.year, r.government FROM materials m
             JOIN drafts d ON d.id = m.draft_id LEFT JOIN reports r ON r.id = d.from_report
             WHERE m.id = ?1",
        )?;
        let mut hits = Vec::with_capacity(ids.len());
        for (id, score) in ids {
            let p = self.material_paragraph(id)?;
            let (draft_id, draft_title, year, government) = draft_of
                .query_row([p.material_id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?;
            let marks = if crate::snippet::find_terms(&p.text, &typed).is_empty() {
                &words
            } else {
                &typed
            };
            hits.push(MaterialHit {
                paragraph_id: p.id,
                material_id: p.material_id,
                source_name: p.source_name,
                department: p.department,
                part: p.part,
                snippet: make_snippet(&p.text, marks, SNIPPET_CHARS),
                draft_id,
                draft_title,
                year,
                government,
                line: p.line,
                score,
            });
        }
        Ok((hits, more))
    }
}
