//! The template picker (the 13 standard parts) and export of the editor's text.

use std::path::Path;

use nianbao_draft::SectionContext;
use nianbao_report::SectionKind;

use super::Desk;
use crate::DeskError;
use crate::dto::{ExportOutcome, TemplateItem};

impl Desk {
    pub fn list_templates(&self) -> Vec<TemplateItem> {
        SectionKind::ALL
            .into_iter()
            .map(TemplateItem::from)
            .collect()
    }

    /// One standard part for `year`, rendered with fill-in marks for every figure.
    pub fn render_template(&self, kind: &str, year: i32) -> Result<String, DeskError> {
        let kind =
            SectionKind::from_key(kind).ok_or_else(|| DeskError::UnknownKind(kind.into()))?;
        let context = SectionContext {
            year,
            level: 1,
            ..SectionContext::default()
        };
        Ok(self.office().templates().render_section(kind, &context)?)
    }

    /// Write the text as .docx/.md/.html by the path's extension (atomically: a failed export
    /// leaves an existing file as it was).
    pub fn export_draft(&self, text: &str, path: &Path) -> Result<ExportOutcome, DeskError> {
        let office = self.office();
        let report = office.parse_text(text);
        nianbao_draft::export(&report, path, office.templates())?;
        let bytes = std::fs::metadata(path)
            .map_err(|e| DeskError::Io(format!("{}: {e}", path.display())))?
            .len();
        Ok(ExportOutcome {
            path: path.display().to_string(),
            bytes,
        })
    }
}
