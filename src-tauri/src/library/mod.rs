//! What the commands do, one method each, over the domain crates: the app-side glue that holds
//! the store lock, picks the data folder's templates and caches parsed reports. Each method
//! calls the crate function that does the work and maps its result to a [`crate::dto`] type.
//! It must never judge report text itself (parsing, checking and drafting live in the crates).

mod checks;
mod drafts;
mod reports;
mod seed;
mod templates;

use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError};

use nianbao_report::Report;
use nianbao_store::Store;

use crate::AppError;
use crate::state::AppState;

pub use seed::SEED_MARKER;

/// The library of one data folder, as the commands use it.
#[derive(Debug)]
pub struct Library<'a> {
    state: &'a AppState,
    dir: PathBuf,
}

impl<'a> Library<'a> {
    pub fn new(state: &'a AppState, dir: PathBuf) -> Self {
        Library { state, dir }
    }

    pub fn data_dir(&self) -> &Path {
        &self.dir
    }

    /// Run `f` with the store, opening it on first use. One caller at a time: the store is a
    /// single SQLite connection and each of its methods is one short transaction.
    fn with_store<T>(&self, f: impl FnOnce(&Store) -> Result<T, AppError>) -> Result<T, AppError> {
        let mut slot = self
            .state
            .store
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let store = match slot.take() {
            Some(store) => store,
            None => Store::open(&self.dir.join(nianbao_store::DB_FILE_NAME))?,
        };
        let store = slot.insert(store);
        f(store)
    }

    /// A stored report, parsed once and then kept (checks run while the drafter types).
    fn report(&self, id: i64) -> Result<Arc<Report>, AppError> {
        if let Some(report) = self.state.cached_report(id) {
            return Ok(report);
        }
        let report = Arc::new(self.with_store(|s| Ok(s.get_report(id)?.report))?);
        self.state.cache_report(id, Arc::clone(&report));
        Ok(report)
    }

    /// Parse text with the office's own lexicon when the data folder holds one (read per use,
    /// like the templates, so an edit applies at once), else with the built-in parser.
    fn parse_text(&self, text: &str) -> Result<Report, AppError> {
        Ok(match nianbao_report::ReportParser::for_folder(&self.dir)? {
            Some(parser) => parser.parse_text(text),
            None => nianbao_report::parse_text(text),
        })
    }

    /// Parse an imported file, as [`Library::parse_text`] does.
    fn parse(&self, imported: &nianbao_import::ImportedText) -> Result<Report, AppError> {
        Ok(match nianbao_report::ReportParser::for_folder(&self.dir)? {
            Some(parser) => parser.parse(imported),
            None => nianbao_report::parse(imported),
        })
    }

    /// The office's checker rules: `terms.toml`/`lexicon.toml` in the data folder replace the
    /// embedded ones; `None` when it holds neither (use [`nianbao_check::Rules::embedded`]).
    fn office_rules(&self) -> Result<Option<nianbao_check::Rules>, AppError> {
        let edited = ["terms.toml", "lexicon.toml"]
            .iter()
            .any(|f| self.dir.join(f).is_file());
        Ok(if edited {
            Some(nianbao_check::Rules::from_dir(&self.dir)?)
        } else {
            None
        })
    }

    /// The section templates: the embedded defaults, each replaced by the office's own copy in
    /// `<data folder>/templates/` when there is one. Loaded per use, so an edit applies at once.
    fn templates(&self) -> Result<nianbao_draft::Templates, AppError> {
        Ok(nianbao_draft::Templates::load(Some(
            &self.dir.join("templates"),
        ))?)
    }
}
