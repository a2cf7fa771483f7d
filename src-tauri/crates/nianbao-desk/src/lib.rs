//! 年报助手's use cases, shared by the window (`nianbao-app`, thin Tauri commands) and the
//! command (`nianbao`): import a report into the library, open or create a draft, autosave,
//! check a draft, list metrics and their history, templates, export, the sample library.
//!
//! No window here (the crate builds and tests without a desktop) and no judgement of report
//! text: parsing, checking and drafting are the domain crates'. What this crate adds is the
//! order of the steps, the library state ([`Desk`]) and the office profile ([`Office`]) every
//! use case is given. docs/architecture.md draws the whole flow.

pub mod dto;
mod error;
pub mod error_code;
mod library;
pub mod materials;
pub mod office;

pub use error::DeskError;
pub use error_code::ErrorCode;
pub use library::{
    BackupItem, DamageNotice, Desk, LibraryStart, ReadReport, RestoreOutcome, SEED_MARKER,
    read_report,
};
pub use office::{Office, OfficeWarning};
