//! Full-text search over the library: one FTS5 row per paragraph (`paragraphs` +
//! `paragraph_words`), words from the shared jieba segmenter, ranked by bm25; a substring scan
//! when the query is one or two characters or the words find nothing (jieba may not have cut
//! the text where the query does).
//!
//! The query is segmented exactly like the text (`segment::search_words`). Snippets are cut
//! from the original paragraph, never from the segmented words. Never builds its own `Jieba`.

use nianbao_report::{Report, SectionKind, segment};
use rusqlite::{Row, Transaction, params};
use serde::{Deserialize, Serialize};

use crate::snippet::{Snippet, find_terms, make_snippet};
use crate::{Result, Store};

/// Characters of original text in a snippet.
const SNIPPET_CHARS: usize = 80;

/// What to search in; everything `None` searches the whole library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchFilters {
    pub government: Option<String>,
    pub year: Option<i32>,
    pub section: Option<SectionKind>,
    /// Most hits returned.
    pub limit: usize,
}

impl Default for SearchFilters {
    fn default() -> Self {
        SearchFilters {
            government: None,
            year: None,
            section: None,
            limit: 50,
        }
    }
}

/// One paragraph that matches, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub report_id: i64,
    pub government: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    pub source_name: String,
    /// 1-based line of the paragraph in the report's text.
    pub line: usize,
    /// The kind of section the paragraph is in.
    pub section: SectionKind,
    /// The innermost heading above the paragraph with its number (`（六）化解矛盾纠纷`), or "".
    pub heading: String,
    pub snippet: Snippet,
    /// bm25 score (lower is better); substring matches come after every word match.
    pub score: f64,
}

/// The hits of a search and whether the limit cut some off (the drafter is told "more than
/// 50", not "50").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    pub hits: Vec<SearchHit>,
    /// More paragraphs match than [`SearchFilters::limit`].
    pub more: bool,
}

/// Words of a query as the index holds them: jieba's search words, without punctuation.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for w in segment::search_words(query) {
        let w = w.trim();
        if w.chars().any(char::is_alphanumeric) && !terms.iter().any(|t| t == w) {
            terms.push(w.to_owned());
        }
    }
    terms
}

/// The FTS5 expression: every term must occur (each quoted, so nothing is read as syntax).
pub(crate) fn fts_expression(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Text for the index: search words separated by spaces.
fn indexed_words(text: &str) -> String {
    segment::search_words(text)
        .into_iter()
        .filter(|w| !w.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One row of the search index, made before the write lock is taken.
#[derive(Debug)]
pub(crate) struct ParagraphRow {
    line: i64,
    section: &'static str,
    heading: String,
    text: String,
    words: String,
}

/// The paragraphs of a report with their search words (the slow part: jieba).
pub(crate) fn paragraph_rows(report: &Report) -> Vec<ParagraphRow> {
    report
        .paragraphs()
        .map(|(line, text)| ParagraphRow {
            line: i64::try_from(line).unwrap_or(0),
            section: report.kind_at(line).key(),
            heading: report
                .sections_at(line)
                .last()
                .map(|s| format!("{}{}", s.number, s.heading))
                .unwrap_or_default(),
            text: text.to_owned(),
            words: indexed_words(text),
        })
        .collect()
}

pub(crate) fn insert_paragraphs(
    tx: &Transaction<'_>,
    report_id: i64,
    rows: &[ParagraphRow],
) -> Result<()> {
    let mut para = tx.prepare_cached(
        "INSERT INTO paragraphs (report_id, line, section, heading, text)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut words =
        tx.prepare_cached("INSERT INTO paragraph_words (rowid, words) VALUES (?1, ?2)")?;
    for row in rows {
        para.execute(params![
            report_id,
            row.line,
            row.section,
            row.heading,
            row.text
        ])?;
        words.execute(params![tx.last_insert_rowid(), row.words])?;
    }
    tx.execute("UPDATE reports SET indexed = 1 WHERE id = ?1", [report_id])?;
    Ok(())
}

const HIT_COLUMNS: &str = "p.report_id, p.line, p.section, p.heading, p.text, r.government,
    r.year, r.title, r.source_name";
const FILTERS: &str = "(?2 IS NULL OR r.government = ?2) AND (?3 IS NULL OR r.year = ?3)
    AND (?4 IS NULL OR p.section = ?4)";

fn hit_from_row(row: &Row<'_>, score: f64) -> rusqlite::Result<(SearchHit, String)> {
    let section: String = row.get(2)?;
    let hit = SearchHit {
        report_id: row.get(0)?,
        line: usize::try_from(row.get::<_, i64>(1)?).unwrap_or(0),
        section: SectionKind::from_key(&section).unwrap_or(SectionKind::Other),
        heading: row.get(3)?,
        government: row.get(5)?,
        year: row.get(6)?,
        title: row.get(7)?,
        source_name: row.get(8)?,
        snippet: Snippet {
            text: String::new(),
            highlights: Vec::new(),
        },
        score,
    };
    Ok((hit, row.get(4)?))
}

impl Store {
    /// Paragraphs matching `query`, best first, with snippets from the original text.
    ///
    /// Two steps: find the best paragraph ids (the FTS index alone when there is no filter),
    /// then read only those paragraphs' text — never the text of every match.
    pub fn search(&self, query: &str, filters: &SearchFilters) -> Result<Vec<SearchHit>> {
        Ok(self.search_page(query, filters)?.hits)
    }

    /// [`Store::search`], saying whether more paragraphs match than the limit let through.
    pub fn search_page(&self, query: &str, filters: &SearchFilters) -> Result<SearchPage> {
        let query = query.trim();
        if query.is_empty() || filters.limit == 0 {
            return Ok(SearchPage {
                hits: Vec::new(),
                more: false,
            });
        }
        // One more than asked for: its presence is what tells "more than the limit".
        let shown = filters.limit;
        let filters = &SearchFilters {
            limit: shown.saturating_add(1),
            ..filters.clone()
        };
        let terms = query_terms(query);
        let mut ids: Vec<(i64, f64)> = if terms.is_empty() {
            Vec::new()
        } else {
            self.word_matches(&fts_expression(&terms), filters)?
        };
        let short = query.chars().count() <= 2;
        if ids.len() < filters.limit && (short || ids.is_empty()) {
            for id in self.substring_matches(query, filters)? {
                if ids.len() >= filters.limit {
                    break;
                }
                if !ids.iter().any(|(seen, _)| *seen == id) {
                    ids.push((id, f64::MAX));
                }
            }
        }
        let more = ids.len() > shown;
        ids.truncate(shown);
        // Mark what the drafter typed; only where it does not occur as typed (jieba matched
        // its words apart), mark the words.
        let typed: Vec<&str> = query.split_whitespace().collect();
        let words: Vec<&str> = terms.iter().map(String::as_str).collect();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {HIT_COLUMNS} FROM paragraphs p JOIN reports r ON r.id = p.report_id
             WHERE p.id = ?1"
        ))?;
        let mut hits = Vec::with_capacity(ids.len());
        for (id, score) in ids {
            let (mut hit, text) = stmt.query_row([id], |r| hit_from_row(r, score))?;
            let marks = if find_terms(&text, &typed).is_empty() {
                &words
            } else {
                &typed
            };
            hit.snippet = make_snippet(&text, marks, SNIPPET_CHARS);
            hits.push(hit);
        }
        Ok(SearchPage { hits, more })
    }

    /// Paragraph ids whose words match the FTS expression, best bm25 first.
    fn word_matches(&self, expression: &str, f: &SearchFilters) -> Result<Vec<(i64, f64)>> {
        let limit = i64::try_from(f.limit).unwrap_or(i64::MAX);
        let unfiltered = f.government.is_none() && f.year.is_none() && f.section.is_none();
        let rows = if unfiltered {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid, rank FROM paragraph_words WHERE paragraph_words MATCH ?1
                 ORDER BY rank LIMIT ?2",
            )?;
            stmt.query_map(params![expression, limit], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?
        } else {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT p.id, rank FROM paragraph_words
                 JOIN paragraphs p ON p.id = paragraph_words.rowid
                 JOIN reports r ON r.id = p.report_id
                 WHERE paragraph_words MATCH ?1 AND {FILTERS}
                 ORDER BY rank LIMIT ?5"
            ))?;
            stmt.query_map(
                params![
                    expression,
                    f.government,
                    f.year,
                    f.section.map(SectionKind::key),
                    limit
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        Ok(rows)
    }

    /// Paragraph ids whose original text contains `query` (a scan: for short queries and for
    /// text jieba cut differently), newest year first.
    fn substring_matches(&self, query: &str, f: &SearchFilters) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT p.id FROM paragraphs p JOIN reports r ON r.id = p.report_id
             WHERE instr(p.text, ?1) > 0 AND {FILTERS}
             ORDER BY r.year DESC, p.report_id, p.line LIMIT ?5"
        ))?;
        let limit = i64::try_from(f.limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(
            params![
                query,
                f.government,
                f.year,
                f.section.map(SectionKind::key),
                limit
            ],
            |r| r.get(0),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Index reports stored before search existed (or whose index was dropped).
    pub(crate) fn index_missing_reports(&self) -> Result<()> {
        let ids: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM reports WHERE indexed = 0 ORDER BY id")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        if self.read_only {
            return Ok(());
        }
        for id in ids {
            let stored = self.get_report(id)?;
            let rows = paragraph_rows(&stored.report);
            self.write(|tx| {
                tx.execute("DELETE FROM paragraphs WHERE report_id = ?1", [id])?;
                insert_paragraphs(tx, id, &rows)
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_terms_drop_punctuation_and_repeats() {
        let terms = query_terms("行政复议，行政复议");
        assert!(terms.iter().any(|t| t == "行政复议"), "{terms:?}");
        assert!(
            terms.iter().all(|t| t != "，"),
            "punctuation is not a word: {terms:?}"
        );
        let unique: std::collections::BTreeSet<_> = terms.iter().collect();
        assert_eq!(unique.len(), terms.len(), "each word once: {terms:?}");
    }

    #[test]
    fn fts_expression_quotes_every_term() {
        assert_eq!(
            fts_expression(&["AND".into(), "a\"b".into()]),
            "\"AND\" AND \"a\"\"b\"",
            "user text is never read as FTS syntax"
        );
    }
}
