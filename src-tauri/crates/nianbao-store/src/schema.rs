//! The database schema as embedded migrations, applied in order, each in its own transaction
//! (rusqlite_migration keeps the version in `PRAGMA user_version`).
//!
//! Never edit a migration that has shipped: add a new one. Reports added before migration 3 are
//! indexed for search when the store opens (`reports.indexed = 0`).

use rusqlite_migration::{M, Migrations};

const MIGRATION_SLICE: &[M<'static>] = &[
    // 1: imported reports and their figures (one row per figure: the report's figures are read
    // back from these rows, and they serve cross-year queries).
    M::up(
        "CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            source_name TEXT NOT NULL,
            source_hash TEXT NOT NULL UNIQUE,
            source_format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            government TEXT,
            year INTEGER,
            title TEXT,
            meta_json TEXT NOT NULL,
            text TEXT NOT NULL,
            body_start INTEGER NOT NULL,
            outline_json TEXT NOT NULL,
            added_at INTEGER NOT NULL
        );
        CREATE INDEX reports_government_year ON reports(government, year);
        CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            metric TEXT NOT NULL,
            family TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            approx INTEGER NOT NULL,
            raw TEXT NOT NULL,
            line INTEGER NOT NULL,
            start_byte INTEGER NOT NULL,
            end_byte INTEGER NOT NULL,
            excerpt TEXT NOT NULL,
            section TEXT NOT NULL
        );
        CREATE INDEX figures_metric ON figures(metric, report_id);
        CREATE INDEX figures_report ON figures(report_id);",
    ),
    // 2: drafts and their autosaved versions.
    M::up(
        "CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            from_report INTEGER REFERENCES reports(id) ON DELETE SET NULL,
            year INTEGER NOT NULL,
            title TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX drafts_from_report ON drafts(from_report);
        CREATE TABLE draft_versions (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            saved_at INTEGER NOT NULL,
            text TEXT NOT NULL,
            name TEXT,
            manual INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX draft_versions_draft ON draft_versions(draft_id, id);",
    ),
    // 3: full-text search, one row per paragraph; `words` holds jieba's search words joined by
    // spaces, so FTS5's unicode61 tokenizer sees Chinese words. Contentless: the original text
    // stays in `paragraphs`, where snippets are cut from.
    M::up(
        "CREATE TABLE paragraphs (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            section TEXT NOT NULL,
            heading TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX paragraphs_report ON paragraphs(report_id);
        CREATE VIRTUAL TABLE paragraph_words USING fts5(
            words, content='', contentless_delete=1, tokenize='unicode61'
        );
        CREATE TRIGGER paragraphs_drop_words AFTER DELETE ON paragraphs BEGIN
            DELETE FROM paragraph_words WHERE rowid = old.id;
        END;
        ALTER TABLE reports ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;",
    ),
    // 4: the drafter's figure links per government (this year's figure is last year's that one,
    // not that one, or has nothing to compare with). Figures are named by metric, value, unit and
    // clause hash, never by row id, so a link survives a re-import of either report.
    M::up(
        "CREATE TABLE figure_links (
            id INTEGER PRIMARY KEY,
            government TEXT NOT NULL,
            this_year INTEGER NOT NULL,
            last_year INTEGER NOT NULL,
            kind TEXT NOT NULL,
            this_metric TEXT,
            this_value REAL,
            this_unit TEXT,
            this_clause TEXT,
            last_metric TEXT,
            last_value REAL,
            last_unit TEXT,
            last_clause TEXT,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX figure_links_years ON figure_links(government, this_year, last_year);",
    ),
    // 5: findings the drafter marked 不是错误 in a draft, named by a key that survives edits
    // elsewhere in the text (code, words, a little context), never by line.
    M::up(
        "CREATE TABLE dismissals (
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            dismissed_at INTEGER NOT NULL,
            PRIMARY KEY (draft_id, key)
        );",
    ),
    // 6: a draft's delivery fields (文号, 主送机关, 落款, 成文日期, 抄送…) as JSON, kept once for both
    // versions of its export (nianbao-draft's DeliveryFields; the store never reads inside).
    M::up(
        "CREATE TABLE draft_delivery (
            draft_id INTEGER PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
            fields_json TEXT NOT NULL,
            saved_at INTEGER NOT NULL
        );",
    ),
    // Issue 13: whether a figure is a stated change (`同比增长12.5%`, `比上年增加15件`) rather than
    // a level of its metric (nianbao_report's `Figure.change`). Rows from before read as levels.
    M::up("ALTER TABLE figures ADD COLUMN change INTEGER NOT NULL DEFAULT 0;"),
    // The departments' materials of a draft (materials.rs): each file with its department,
    // its paragraphs (part, confidence, figures; searchable like reports' paragraphs, jieba
    // words in their own contentless FTS table), its statistics values; the office's list of
    // departments; the trail of what went into the draft (version ↔ paragraph or value).
    M::up(
        "CREATE TABLE departments (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE materials (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            year INTEGER NOT NULL,
            source_name TEXT NOT NULL,
            source_path TEXT NOT NULL,
            source_hash TEXT NOT NULL,
            source_format TEXT NOT NULL,
            department TEXT,
            department_source TEXT,
            added_at INTEGER NOT NULL,
            UNIQUE (draft_id, source_hash)
        );
        CREATE TABLE material_paragraphs (
            id INTEGER PRIMARY KEY,
            material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            part TEXT NOT NULL,
            confidence REAL NOT NULL,
            by_heading INTEGER NOT NULL,
            text TEXT NOT NULL,
            figures_json TEXT NOT NULL,
            used INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX material_paragraphs_material ON material_paragraphs(material_id);
        CREATE VIRTUAL TABLE material_words USING fts5(
            words, content='', contentless_delete=1, tokenize='unicode61'
        );
        CREATE TRIGGER material_paragraphs_drop_words AFTER DELETE ON material_paragraphs BEGIN
            DELETE FROM material_words WHERE rowid = old.id;
        END;
        CREATE TABLE material_stats (
            id INTEGER PRIMARY KEY,
            material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
            metric TEXT NOT NULL,
            label TEXT NOT NULL,
            column_name TEXT NOT NULL,
            value REAL NOT NULL,
            text TEXT NOT NULL,
            unit TEXT NOT NULL,
            cell TEXT NOT NULL,
            last_year INTEGER NOT NULL
        );
        CREATE INDEX material_stats_material ON material_stats(material_id);
        CREATE TABLE material_uses (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            version_id INTEGER REFERENCES draft_versions(id) ON DELETE SET NULL,
            paragraph_id INTEGER REFERENCES material_paragraphs(id) ON DELETE SET NULL,
            stat_id INTEGER REFERENCES material_stats(id) ON DELETE SET NULL,
            kind TEXT NOT NULL,
            note TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX material_uses_draft ON material_uses(draft_id);",
    ),
];

/// Every migration, oldest first.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATION_SLICE)
}

/// How many migrations there are (the latest schema version).
pub fn latest_version() -> usize {
    MIGRATION_SLICE.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(
            migrations().validate().is_ok(),
            "every migration must apply cleanly to an empty database: {:?}",
            migrations().validate()
        );
    }
}
