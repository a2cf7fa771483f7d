//! Section templates (Tera), drafting this year's report from last year's, and export to
//! .docx (GB/T 9704 layout), Markdown and HTML.
//!
//! Exports are written atomically: a failed export never damages an existing file. Nothing here
//! parses report structure itself: the outline and figures come from `nianbao-report`.

pub mod draft;
pub mod error;
pub mod export;
pub mod marks;
pub mod numbering;
pub mod plan;
pub mod segments;
pub mod skeleton;
pub mod templates;
pub mod years;

pub use draft::{Draft, FillMark, draft_from_last};
pub use error::DraftError;
pub use export::{Format, export};
pub use plan::PlanItem;
pub use segments::{Segment, SegmentKind, SegmentPlan, Step};
pub use skeleton::{Part, SkeletonContext};
pub use templates::{SectionContext, Templates, template_name};
pub use years::MovedYear;
