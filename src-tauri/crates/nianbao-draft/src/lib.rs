//! Section templates (Tera), drafting this year's report from last year's, and export to
//! .docx (GB/T 9704 layout), Markdown and HTML.
//!
//! Exports are written atomically: a failed export never damages an existing file.

use nianbao_report::SectionKind;

/// The template file name for a standard part (`disputes.md`).
pub fn template_name(kind: SectionKind) -> String {
    format!("{}.md", kind.key())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_template_name() {
        let names: std::collections::HashSet<_> = nianbao_report::SectionKind::ALL
            .iter()
            .map(|k| template_name(*k))
            .collect();
        assert_eq!(names.len(), nianbao_report::SectionKind::ALL.len());
    }
}
