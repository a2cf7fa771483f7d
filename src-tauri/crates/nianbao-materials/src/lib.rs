//! A year's materials: what the departments, towns and streets send for the government's
//! 法治政府建设年度报告 (Word, WPS, PDF, text and statistics tables), read for drafting.
//!
//! - [`department`]: whose file it is (title, signature, file name; the office's list first);
//! - [`classify`]: which standard part each paragraph belongs to, with a confidence;
//! - [`material`]: one file → its paragraphs (part, confidence, figures named like a report's)
//!   and its statistics (spreadsheet or a table inside a document);
//! - [`similar`]: near-duplicate paragraphs of different departments (jieba-token similarity);
//! - [`fill`]: for each fill-in mark of a draft, the statistics value whose metric matches —
//!   proposals only, the drafter accepts or rejects each.
//!
//! No storage and no window here: nianbao-store keeps materials, nianbao-desk runs the use cases.

pub mod classify;
pub mod department;
pub mod fill;
pub mod material;
pub mod similar;
pub mod stats;

pub use classify::{Classified, Classifier};
pub use department::{Department, DepartmentSource};
pub use fill::{FillProposal, Proposal};
pub use material::{Material, MaterialParagraph, read_material, read_material_bytes};
pub use stats::StatValue;
