//! Two versions from one draft: the 报送版 (submitted to the higher government and the people's
//! congress standing committee by 3月1日: 发文机关标志 when given, 文号, 主送机关, title, body, space
//! for the seal, 落款 issuer and 成文日期 in Arabic numerals, 抄送 when given — GB/T 9704) and the
//! 公开版 (published on the government site by 4月1日: title, body, issuer and date; 文号 and 主送
//! only when asked; refused while any fill-in mark `【…】` is left, with every mark listed).
//!
//! The delivery fields are kept once ([`DeliveryFields`]); what the drafter leaves empty is read
//! from the draft itself (its document number, addressee, signature and date lines). The body
//! is laid out exactly as the plain export lays it out: not a word of it is changed.

use std::str::FromStr;

use nianbao_report::Report;
use serde::{Deserialize, Serialize};

use crate::error::DraftError;
use crate::export::layout::{self, Block, Role, official_date};
use crate::marks;

/// Which life of the report an export is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportVersion {
    /// 报送版: for the higher government and the standing committee, ready for the seal.
    Submit,
    /// 公开版: for the government's portal.
    Public,
}

impl ExportVersion {
    /// The version's Chinese name (`报送版`, `公开版`).
    pub fn label(self) -> &'static str {
        match self {
            ExportVersion::Submit => "报送版",
            ExportVersion::Public => "公开版",
        }
    }
}

impl FromStr for ExportVersion {
    type Err = DraftError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "submit" | "报送" | "报送版" => Ok(ExportVersion::Submit),
            "public" | "公开" | "公开版" => Ok(ExportVersion::Public),
            other => Err(DraftError::UnknownVersion(other.to_owned())),
        }
    }
}

/// What a delivered report carries besides its title and body. Every field is optional; an
/// empty one is read from the draft ([`DeliveryFields::from_report`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeliveryFields {
    /// 发文机关标志 (`示例市人民政府文件`), printed in red above the document number; optional.
    pub issuing_mark: Option<String>,
    /// 发文字号 (`示政发〔2026〕3号`).
    pub doc_number: Option<String>,
    /// 主送机关 (`示例省人民政府`), without the closing colon.
    pub addressee: Option<String>,
    /// 发文机关署名 (`示例市人民政府`).
    pub issuer: Option<String>,
    /// 成文日期, in any common writing (`2026-01-08`, `二〇二六年一月八日`); written `2026年1月8日`.
    pub date: Option<String>,
    /// 抄送机关 (`示例市人大常委会`), printed at the foot of the 报送版 when given.
    pub cc: Option<String>,
    /// The 公开版 shows the document number too.
    pub public_doc_number: bool,
    /// The 公开版 shows the addressee too.
    pub public_addressee: bool,
}

fn filled(field: &Option<String>) -> Option<String> {
    field
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

impl DeliveryFields {
    /// What the draft states itself: its document number, addressee (without the colon),
    /// issuer and date lines as the layout finds them, else the parsed metadata.
    pub fn from_report(report: &Report) -> DeliveryFields {
        let blocks = layout::blocks(report);
        let role = |r: Role| blocks.iter().find(|b| b.role == r).map(|b| b.text.clone());
        DeliveryFields {
            issuing_mark: None,
            doc_number: role(Role::DocNumber).or_else(|| report.meta.doc_number.clone()),
            addressee: role(Role::Addressee)
                .map(|a| a.trim_end_matches(['：', ':']).to_owned())
                .or_else(|| report.meta.addressee.clone()),
            issuer: role(Role::Issuer),
            date: role(Role::Date).or_else(|| report.meta.date.clone()),
            cc: None,
            public_doc_number: false,
            public_addressee: false,
        }
    }

    /// These fields, each empty one taken from `defaults` (the flags are this one's).
    pub fn or(self, defaults: DeliveryFields) -> DeliveryFields {
        let pick = |a: Option<String>, b: Option<String>| filled(&a).or_else(|| filled(&b));
        DeliveryFields {
            issuing_mark: pick(self.issuing_mark, defaults.issuing_mark),
            doc_number: pick(self.doc_number, defaults.doc_number),
            addressee: pick(self.addressee, defaults.addressee),
            issuer: pick(self.issuer, defaults.issuer),
            date: pick(self.date, defaults.date),
            cc: pick(self.cc, defaults.cc),
            public_doc_number: self.public_doc_number,
            public_addressee: self.public_addressee,
        }
    }

    /// The parts a version cannot go without that are empty here, by their Chinese names.
    pub fn missing(&self, version: ExportVersion) -> Vec<&'static str> {
        let mut missing = Vec::new();
        let mut need = |field: &Option<String>, name: &'static str| {
            if filled(field).is_none() {
                missing.push(name);
            }
        };
        if version == ExportVersion::Submit {
            need(&self.doc_number, "文号");
            need(&self.addressee, "主送机关");
        }
        need(&self.issuer, "落款（发文机关署名）");
        need(&self.date, "成文日期");
        missing
    }
}

/// A 成文日期 in Arabic numerals without leading zeros (`2026年1月8日`), from `2026-01-08`,
/// `2026年01月08日` or `二〇二六年一月八日`; a date with a fill-in mark is kept as written.
pub fn arabic_date(date: &str) -> Option<String> {
    if let Some(d) = official_date(date) {
        return Some(d);
    }
    let compact: String = date.chars().filter(|c| !c.is_whitespace()).collect();
    let (year, rest) = compact.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let year: String = year
        .chars()
        .map(|c| match c {
            '0'..='9' => Some(c),
            '〇' | '○' | '零' | 'O' => Some('0'),
            _ => digit(c).and_then(|d| char::from_digit(d as u32, 10)),
        })
        .collect::<Option<String>>()?;
    let small = |s: &str| -> Option<u32> {
        if let Ok(n) = s.parse::<u32>() {
            return Some(n);
        }
        let chars: Vec<char> = s.chars().collect();
        match chars.as_slice() {
            ['十'] => Some(10),
            ['十', u] => Some(10 + digit(*u)? as u32),
            [t, '十'] => Some(10 * digit(*t)? as u32),
            [t, '十', u] => Some(10 * digit(*t)? as u32 + digit(*u)? as u32),
            [u] => Some(digit(*u)? as u32),
            _ => None,
        }
    };
    let (m, d) = (small(month)?, small(day)?);
    (year.len() == 4 && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{year}年{m}月{d}日"))
}

/// One fill-in mark left in a version, with the paragraph it stands in (1-based, counting the
/// paragraphs of the version from its title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarkLeft {
    pub paragraph: usize,
    pub mark: String,
}

/// Every fill-in mark in these blocks, in order.
pub fn marks_left(blocks: &[Block]) -> Vec<MarkLeft> {
    blocks
        .iter()
        .enumerate()
        .flat_map(|(i, b)| {
            marks::spans(&b.text)
                .into_iter()
                .filter(|s| s.mark)
                .map(move |s| MarkLeft {
                    paragraph: i + 1,
                    mark: s.text,
                })
        })
        .collect()
}

fn block(role: Role, text: String, align: &'static str) -> Block {
    Block {
        role,
        level: 0,
        head: Vec::new(),
        spans: marks::spans(&text),
        text,
        align,
    }
}

/// A closing note after the date (`（此件公开发布）`) is kept; portal leftovers are not.
fn is_note(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with('（') || t.starts_with('('))
        && (t.ends_with('）') || t.ends_with(')'))
        && t.chars().count() <= 30
}

/// The version's paragraphs: the draft's own front and signature lines are replaced by the
/// delivery fields (with the draft's own as defaults), the body is kept as laid out.
pub fn version_blocks(
    report: &Report,
    fields: &DeliveryFields,
    version: ExportVersion,
) -> Result<Vec<Block>, DraftError> {
    let fields = fields.clone().or(DeliveryFields::from_report(report));
    let missing = fields.missing(version);
    if !missing.is_empty() {
        return Err(DraftError::DeliveryIncomplete {
            version: version.label(),
            missing: missing.join("、"),
        });
    }
    let out = assemble(report, &fields, version);
    if version == ExportVersion::Public {
        let left = marks_left(&out);
        if !left.is_empty() {
            return Err(DraftError::MarksLeft {
                count: left.len(),
                list: left
                    .iter()
                    .map(|m| format!("第{}段{}", m.paragraph, m.mark))
                    .collect::<Vec<_>>()
                    .join("、"),
            });
        }
    }
    Ok(out)
}

/// The fill-in marks a version would still hold, numbered by its paragraphs (what the 公开版's
/// refusal lists; the deadlines show the same list).
pub fn version_marks(
    report: &Report,
    fields: &DeliveryFields,
    version: ExportVersion,
) -> Vec<MarkLeft> {
    let fields = fields.clone().or(DeliveryFields::from_report(report));
    marks_left(&assemble(report, &fields, version))
}

/// The version's paragraphs with `fields` (already merged with the draft's own), unchecked.
fn assemble(report: &Report, fields: &DeliveryFields, version: ExportVersion) -> Vec<Block> {
    let laid = layout::blocks(report);
    let signature_at = laid
        .iter()
        .position(|b| matches!(b.role, Role::Issuer | Role::Date));
    let mut title = None;
    let mut body = Vec::new();
    let mut notes = Vec::new();
    for (i, b) in laid.into_iter().enumerate() {
        match b.role {
            Role::Title if title.is_none() => title = Some(b),
            Role::DocNumber | Role::Addressee | Role::Issuer | Role::Date => {}
            _ if signature_at.is_some_and(|s| i > s) => {
                if is_note(&b.text) {
                    notes.push(b);
                }
            }
            _ => body.push(b),
        }
    }

    let text = |f: &Option<String>| filled(f).unwrap_or_default();
    let mut out = Vec::new();
    let submit = version == ExportVersion::Submit;
    if submit && let Some(mark) = filled(&fields.issuing_mark) {
        out.push(block(Role::IssuingMark, mark, "center"));
    }
    if submit || fields.public_doc_number {
        out.push(block(Role::DocNumber, text(&fields.doc_number), "center"));
    }
    if let Some(title) = title {
        out.push(title);
    }
    if submit || fields.public_addressee {
        out.push(block(
            Role::Addressee,
            format!("{}：", text(&fields.addressee)),
            "flush",
        ));
    }
    out.extend(body);
    if submit {
        out.push(block(Role::SealSpace, String::new(), ""));
    }
    out.push(block(Role::Issuer, text(&fields.issuer), "right"));
    let date = text(&fields.date);
    out.push(block(
        Role::Date,
        arabic_date(&date).unwrap_or(date),
        "right",
    ));
    out.extend(notes);
    if submit && let Some(cc) = filled(&fields.cc) {
        let cc = cc.trim_end_matches(['。', '.']);
        out.push(block(Role::Cc, format!("抄送：{cc}。"), "flush"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::parse_text;

    const DRAFT: &str = "示例县2025年法治政府建设年度报告\n示政发〔2026〕2号\n示例市人民政府：\n2025年，全县……\n一、主要举措和成效\n全年办结【113件→？】。\n示例县人民政府\n2026年【月】【日】\n（此件公开发布）\n扫一扫";

    #[test]
    fn dates_come_out_in_arabic_numerals() {
        assert_eq!(arabic_date("2026-01-08").as_deref(), Some("2026年1月8日"));
        assert_eq!(
            arabic_date("二〇二六年一月八日").as_deref(),
            Some("2026年1月8日")
        );
        assert_eq!(
            arabic_date("二〇二五年十二月二十一日").as_deref(),
            Some("2025年12月21日")
        );
        assert_eq!(arabic_date("二〇二五年十三月一日"), None);
        assert_eq!(arabic_date("下周"), None);
    }

    #[test]
    fn fields_default_to_what_the_draft_says() {
        let f = DeliveryFields::from_report(&parse_text(DRAFT));
        assert_eq!(f.doc_number.as_deref(), Some("示政发〔2026〕2号"));
        assert_eq!(f.addressee.as_deref(), Some("示例市人民政府"));
        assert_eq!(f.issuer.as_deref(), Some("示例县人民政府"));
        assert_eq!(f.date.as_deref(), Some("2026年【月】【日】"));
        let given = DeliveryFields {
            date: Some("2026-02-03".into()),
            addressee: Some("  ".into()),
            ..DeliveryFields::default()
        };
        let merged = given.or(f);
        assert_eq!(merged.date.as_deref(), Some("2026-02-03"));
        assert_eq!(
            merged.addressee.as_deref(),
            Some("示例市人民政府"),
            "blank is empty"
        );
    }

    #[test]
    fn submit_version_has_number_addressee_seal_space_and_cc() {
        let fields = DeliveryFields {
            issuing_mark: Some("示例县人民政府文件".into()),
            date: Some("2026-02-03".into()),
            cc: Some("示例县人大常委会".into()),
            ..DeliveryFields::default()
        };
        let blocks = version_blocks(&parse_text(DRAFT), &fields, ExportVersion::Submit)
            .expect("submit version");
        let roles: Vec<Role> = blocks.iter().map(|b| b.role).collect();
        use Role::*;
        assert_eq!(
            roles,
            [
                IssuingMark,
                DocNumber,
                Title,
                Addressee,
                Body,
                Heading,
                Body,
                SealSpace,
                Issuer,
                Date,
                Body,
                Cc
            ]
        );
        assert_eq!(blocks[3].text, "示例市人民政府：");
        assert_eq!(blocks[9].text, "2026年2月3日");
        assert_eq!(
            blocks[10].text, "（此件公开发布）",
            "the note stays, 扫一扫 goes"
        );
        assert_eq!(blocks[11].text, "抄送：示例县人大常委会。");
    }

    #[test]
    fn public_version_refuses_marks_and_lists_them() {
        let fields = DeliveryFields {
            date: Some("2026年3月20日".into()),
            ..DeliveryFields::default()
        };
        let err = version_blocks(&parse_text(DRAFT), &fields, ExportVersion::Public)
            .expect_err("a mark is left");
        assert_eq!(err.code(), "draft.marks_left");
        let msg = err.to_string();
        assert!(
            msg.contains("【113件→？】") && msg.contains("1 处"),
            "{msg}"
        );
        // The date's marks are gone with the given date; filling the figure lets it through.
        let filled = DRAFT.replace("【113件→？】", "120件");
        let blocks = version_blocks(&parse_text(&filled), &fields, ExportVersion::Public)
            .expect("no mark left");
        assert!(
            blocks
                .iter()
                .all(|b| !matches!(b.role, Role::DocNumber | Role::Addressee | Role::Cc)),
            "no number or addressee unless asked"
        );
        let asked = DeliveryFields {
            public_doc_number: true,
            public_addressee: true,
            ..fields
        };
        let blocks = version_blocks(&parse_text(&filled), &asked, ExportVersion::Public)
            .expect("public with number");
        assert_eq!(blocks[0].role, Role::DocNumber);
        assert_eq!(blocks[2].text, "示例市人民政府：");
    }

    #[test]
    fn submit_version_needs_number_and_addressee() {
        let err = version_blocks(
            &parse_text("示例县2025年法治政府建设年度报告\n正文。\n示例县人民政府\n2026年2月1日"),
            &DeliveryFields::default(),
            ExportVersion::Submit,
        )
        .expect_err("no number, no addressee");
        assert_eq!(err.code(), "draft.delivery_incomplete");
        assert!(err.to_string().contains("文号、主送机关"), "{err}");
    }

    #[test]
    fn versions_parse_from_english_and_chinese() {
        assert_eq!(
            "submit".parse::<ExportVersion>().ok(),
            Some(ExportVersion::Submit)
        );
        assert_eq!(
            "公开版".parse::<ExportVersion>().ok(),
            Some(ExportVersion::Public)
        );
        assert!("draft".parse::<ExportVersion>().is_err());
    }
}
