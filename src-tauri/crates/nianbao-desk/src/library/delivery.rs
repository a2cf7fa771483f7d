//! Delivery: a draft's fields kept once (文号, 主送机关, 落款, 成文日期, 抄送…), the export of its
//! 报送版 or 公开版, and where it stands against the 3月1日 and 4月1日 deadlines. The work is
//! nianbao-draft's (`export_version`, `delivery_status`); this holds the order of the steps.

use std::path::Path;

use nianbao_draft::export::{Day, DeliveryFields, ExportVersion};

use super::Desk;
use crate::DeskError;
use crate::dto::{DeliveryFieldsItem, DeliveryForm, DeliveryStatus, ExportOutcome, Severity};

impl Desk {
    /// The fields kept for a draft (empty ones unset), without what its text says.
    fn stored_delivery(&self, draft_id: i64) -> Result<DeliveryFields, DeskError> {
        let json = self.with_store(|s| Ok(s.draft_delivery(draft_id)?))?;
        // Fields that no longer read (a hand-edited library) are as if never kept.
        Ok(json
            .and_then(|j| serde_json::from_str::<DeliveryFields>(&j).ok())
            .unwrap_or_default())
    }

    /// A draft's delivery fields and, beside them, what its text `text` states itself.
    pub fn delivery_fields(&self, draft_id: i64, text: &str) -> Result<DeliveryForm, DeskError> {
        let fields = self.stored_delivery(draft_id)?;
        let report = self.office().parse_text(text);
        Ok(DeliveryForm {
            fields: fields.into(),
            from_draft: DeliveryFields::from_report(&report).into(),
        })
    }

    /// Keep a draft's delivery fields (blank ones are kept as unset).
    pub fn save_delivery_fields(
        &self,
        draft_id: i64,
        fields: DeliveryFieldsItem,
    ) -> Result<(), DeskError> {
        let blank = |f: Option<String>| f.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let fields = DeliveryFields {
            issuing_mark: blank(fields.issuing_mark),
            doc_number: blank(fields.doc_number),
            addressee: blank(fields.addressee),
            issuer: blank(fields.issuer),
            date: blank(fields.date),
            cc: blank(fields.cc),
            public_doc_number: fields.public_doc_number,
            public_addressee: fields.public_addressee,
        };
        let json = serde_json::to_string(&fields)
            .map_err(|e| DeskError::Io(format!("报送信息无法保存: {e}")))?;
        self.with_store(|s| Ok(s.set_draft_delivery(draft_id, &json)?))
    }

    /// Export the 报送版 (`submit`) or 公开版 (`public`) of `text` to `path` (.docx, or .html
    /// for the portal), with the fields kept for `draft_id`. Refused, nothing written, when a
    /// required field is missing or (公开版) a fill-in mark is left — the error lists them.
    pub fn export_version(
        &self,
        draft_id: Option<i64>,
        text: &str,
        version: &str,
        path: &Path,
    ) -> Result<ExportOutcome, DeskError> {
        let version: ExportVersion = version.parse()?;
        let fields = match draft_id {
            Some(id) => self.stored_delivery(id)?,
            None => DeliveryFields::default(),
        };
        let office = self.office();
        let report = office.parse_text(text);
        nianbao_draft::export::export_version(&report, &fields, version, path, office.templates())?;
        let bytes = std::fs::metadata(path)
            .map_err(|e| DeskError::Io(format!("{}: {e}", path.display())))?
            .len();
        Ok(ExportOutcome {
            path: path.display().to_string(),
            bytes,
        })
    }

    /// Days left to 3月1日 (报送版) and 4月1日 (公开版) on `today`, and what blocks each: missing
    /// fields, fill-in marks, error findings of the check against last year's report, missing
    /// required parts.
    pub fn delivery_status(
        &self,
        draft_id: Option<i64>,
        text: &str,
        last_report_id: Option<i64>,
        year: Option<i32>,
        today: Day,
    ) -> Result<DeliveryStatus, DeskError> {
        let fields = match draft_id {
            Some(id) => self.stored_delivery(id)?,
            None => DeliveryFields::default(),
        };
        let check = self.check_draft(text, last_report_id, year)?;
        let errors = check
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let report = self.office().parse_text(text);
        let status = nianbao_draft::export::delivery_status(&report, &fields, today, errors);
        Ok(DeliveryStatus::new(&status, today, errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "示例县2025年法治政府建设年度报告\n示例市人民政府：\n2025年，全县……\n一、主要举措和成效\n（一）加强党的领导。全年办结【113件→？】。\n二、存在的不足和原因\n一是……。\n三、2026年工作安排\n一是……。\n示例县人民政府\n2026年【月】【日】";

    fn desk_with_draft() -> (tempfile::TempDir, Desk, i64) {
        let dir = tempfile::tempdir().expect("temp dir");
        let desk = Desk::in_folder(dir.path());
        let id = desk
            .with_store(|s| Ok(s.create_draft(None, 2025, "示例县2025年报告", DRAFT)?))
            .expect("draft");
        (dir, desk, id)
    }

    #[test]
    fn fields_are_kept_once_per_draft_beside_what_the_text_says() {
        let (_dir, desk, id) = desk_with_draft();
        let form = desk.delivery_fields(id, DRAFT).expect("form");
        assert_eq!(form.fields, DeliveryFieldsItem::default());
        assert_eq!(form.from_draft.addressee.as_deref(), Some("示例市人民政府"));
        assert_eq!(form.from_draft.issuer.as_deref(), Some("示例县人民政府"));
        desk.save_delivery_fields(
            id,
            DeliveryFieldsItem {
                doc_number: Some(" 示政发〔2026〕2号 ".into()),
                cc: Some("  ".into()),
                ..DeliveryFieldsItem::default()
            },
        )
        .expect("save");
        let form = desk.delivery_fields(id, DRAFT).expect("form");
        assert_eq!(form.fields.doc_number.as_deref(), Some("示政发〔2026〕2号"));
        assert_eq!(form.fields.cc, None, "blank is unset");
    }

    #[test]
    fn versions_use_the_kept_fields_and_public_is_refused_with_marks() {
        let (dir, desk, id) = desk_with_draft();
        desk.save_delivery_fields(
            id,
            DeliveryFieldsItem {
                doc_number: Some("示政发〔2026〕2号".into()),
                date: Some("2026-02-03".into()),
                ..DeliveryFieldsItem::default()
            },
        )
        .expect("save");
        let out = dir.path().join("报送版.docx");
        let done = desk
            .export_version(Some(id), DRAFT, "submit", &out)
            .expect("the submit version keeps marks for the drafter to see");
        assert!(done.bytes > 0 && out.exists());
        let html = dir.path().join("公开版.html");
        let err = desk
            .export_version(Some(id), DRAFT, "public", &html)
            .expect_err("a mark is left");
        assert_eq!(err.code(), "draft.marks_left");
        assert!(err.to_string().contains("【113件→？】"), "{err}");
        assert!(!html.exists());
        let filled = DRAFT.replace("【113件→？】", "120件");
        desk.export_version(Some(id), &filled, "public", &html)
            .expect("filled");
        let page = std::fs::read_to_string(&html).expect("html");
        assert!(page.contains("2026年2月3日") && !page.contains("示政发"));
        let err = desk
            .export_version(Some(id), DRAFT, "draft", &out)
            .expect_err("unknown version");
        assert_eq!(err.code(), "draft.unknown_version");
    }

    #[test]
    fn status_counts_days_and_lists_what_blocks_each_deadline() {
        let (_dir, desk, id) = desk_with_draft();
        let status = desk
            .delivery_status(Some(id), DRAFT, None, Some(2025), Day::new(2026, 2, 10))
            .expect("status");
        assert_eq!(status.today, "2026年2月10日");
        assert_eq!(status.deadlines[0].due, "2026年3月1日");
        assert_eq!(status.deadlines[0].days_left, 19);
        assert_eq!(status.deadlines[1].days_left, 50);
        assert!(status.deadlines[0].blocking.contains(&"缺文号".to_owned()));
        assert_eq!(status.marks.len(), 3);
        assert!(
            !status.missing_parts.iter().any(|p| p.contains("不足")),
            "the draft has its problems part: {:?}",
            status.missing_parts
        );
        let short = desk
            .delivery_status(
                None,
                "示例县2025年法治政府建设年度报告\n一、主要举措和成效\n正文。",
                None,
                Some(2025),
                Day::new(2026, 2, 10),
            )
            .expect("status");
        assert!(
            short.missing_parts.iter().any(|p| p.contains("不足")),
            "{:?}",
            short.missing_parts
        );
        assert!(
            short.deadlines[1]
                .blocking
                .iter()
                .any(|b| b.starts_with("缺少部分"))
        );
        desk.save_delivery_fields(
            id,
            DeliveryFieldsItem {
                doc_number: Some("示政发〔2026〕2号".into()),
                ..DeliveryFieldsItem::default()
            },
        )
        .expect("save");
        let status = desk
            .delivery_status(Some(id), DRAFT, None, Some(2025), Day::new(2026, 2, 10))
            .expect("status");
        assert!(!status.deadlines[0].blocking.contains(&"缺文号".to_owned()));
    }
}
