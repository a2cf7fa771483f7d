//! The template picker (the 13 standard parts) and export of the editor's text.

use std::path::Path;

use nianbao_draft::SectionContext;
use nianbao_report::SectionKind;

use super::Library;
use crate::AppError;
use crate::dto::{ExportOutcome, TemplateItem};

impl Library<'_> {
    pub fn list_templates(&self) -> Vec<TemplateItem> {
        SectionKind::ALL
            .into_iter()
            .map(TemplateItem::from)
            .collect()
    }

    /// One standard part for `year`, rendered with fill-in marks for every figure.
    pub fn render_template(&self, kind: &str, year: i32) -> Result<String, AppError> {
        let kind = SectionKind::from_key(kind).ok_or_else(|| AppError::UnknownKind(kind.into()))?;
        let context = SectionContext {
            year,
            level: 1,
            ..SectionContext::default()
        };
        Ok(self.templates()?.render_section(kind, &context)?)
    }

    /// Write the text as .docx/.md/.html by the path's extension (atomically: a failed export
    /// leaves an existing file as it was).
    pub fn export_draft(&self, text: &str, path: &Path) -> Result<ExportOutcome, AppError> {
        let report = self.parse_text(text)?;
        nianbao_draft::export(&report, path, &self.templates()?)?;
        let bytes = std::fs::metadata(path)
            .map_err(|e| AppError::Io(format!("{}: {e}", path.display())))?
            .len();
        Ok(ExportOutcome {
            path: path.display().to_string(),
            bytes,
        })
    }
}
