//! What the window receives and sends for delivery: a draft's fields (文号, 主送机关, 落款,
//! 成文日期, 抄送…) and where it stands against the 3月1日 and 4月1日 deadlines.

use nianbao_draft::export::{Deadline, DeadlineStatus, DeliveryFields};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The delivery fields as the window edits them (nianbao-draft's `DeliveryFields`); an empty
/// one is read from the draft's own lines when exporting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
pub struct DeliveryFieldsItem {
    /// 发文机关标志 (`示例市人民政府文件`), optional.
    pub issuing_mark: Option<String>,
    /// 发文字号.
    pub doc_number: Option<String>,
    /// 主送机关, without the colon.
    pub addressee: Option<String>,
    /// 落款: 发文机关署名.
    pub issuer: Option<String>,
    /// 成文日期, any common writing; exported in Arabic numerals.
    pub date: Option<String>,
    /// 抄送机关 (报送版 only).
    pub cc: Option<String>,
    /// The 公开版 shows the 文号 too.
    pub public_doc_number: bool,
    /// The 公开版 shows the 主送机关 too.
    pub public_addressee: bool,
}

impl From<DeliveryFields> for DeliveryFieldsItem {
    fn from(f: DeliveryFields) -> Self {
        DeliveryFieldsItem {
            issuing_mark: f.issuing_mark,
            doc_number: f.doc_number,
            addressee: f.addressee,
            issuer: f.issuer,
            date: f.date,
            cc: f.cc,
            public_doc_number: f.public_doc_number,
            public_addressee: f.public_addressee,
        }
    }
}

impl From<DeliveryFieldsItem> for DeliveryFields {
    fn from(f: DeliveryFieldsItem) -> Self {
        DeliveryFields {
            issuing_mark: f.issuing_mark,
            doc_number: f.doc_number,
            addressee: f.addressee,
            issuer: f.issuer,
            date: f.date,
            cc: f.cc,
            public_doc_number: f.public_doc_number,
            public_addressee: f.public_addressee,
        }
    }
}

/// A draft's stored fields beside what its own text says (shown as the placeholder of an
/// empty field: that is what the export will use).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryForm {
    pub fields: DeliveryFieldsItem,
    pub from_draft: DeliveryFieldsItem,
}

/// One fill-in mark left, with its paragraph (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MarkItem {
    pub paragraph: usize,
    pub mark: String,
}

/// One deadline: `submit` (报送版, 3月1日) or `public` (公开版, 4月1日).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeadlineItem {
    /// `submit` or `public`.
    pub version: String,
    /// `报送版` / `公开版`.
    pub label: String,
    /// `2026年3月1日`.
    pub due: String,
    /// Negative once the day has passed.
    #[ts(type = "number")]
    pub days_left: i64,
    /// What still stands in the way, in Chinese (empty: ready).
    pub blocking: Vec<String>,
}

impl From<&Deadline> for DeadlineItem {
    fn from(d: &Deadline) -> Self {
        DeadlineItem {
            version: match d.version {
                nianbao_draft::export::ExportVersion::Submit => "submit",
                nianbao_draft::export::ExportVersion::Public => "public",
            }
            .to_owned(),
            label: d.label.to_owned(),
            due: d.due.chinese(),
            days_left: d.days_left,
            blocking: d.blocking.clone(),
        }
    }
}

/// The draft against both deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryStatus {
    /// `2026年2月10日`.
    pub today: String,
    pub report_year: i32,
    /// 报送版 first, then 公开版.
    pub deadlines: Vec<DeadlineItem>,
    pub marks: Vec<MarkItem>,
    pub error_findings: usize,
    /// Required parts the draft has no section for.
    pub missing_parts: Vec<String>,
}

impl DeliveryStatus {
    pub fn new(status: &DeadlineStatus, today: nianbao_draft::export::Day, errors: usize) -> Self {
        DeliveryStatus {
            today: today.chinese(),
            report_year: status.report_year,
            deadlines: vec![(&status.submit).into(), (&status.public).into()],
            marks: status
                .marks
                .iter()
                .map(|m| MarkItem {
                    paragraph: m.paragraph,
                    mark: m.mark.clone(),
                })
                .collect(),
            error_findings: errors,
            missing_parts: status.missing_parts.iter().map(|p| p.to_string()).collect(),
        }
    }
}
