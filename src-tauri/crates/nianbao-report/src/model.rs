//! The report model: what every other crate reads. Plain data with serde; no parsing here.
//!
//! Invariants: line numbers are 1-based lines of the imported text; a [`Section`]'s children are
//! one level deeper and lie inside its `line..=end_line`; figures are in text order.

use serde::{Deserialize, Serialize};

/// The standard parts of a 法治政府建设年度报告 (design.md); a section is classified by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 党的领导, 组织领导, 第一责任人
    Organization,
    /// 政府职能, 放管服, 营商环境
    Functions,
    /// 立法, 规范性文件, 制度体系
    Rules,
    /// 依法决策, 重大行政决策, 合法性审查, 法律顾问
    Decisions,
    /// 严格执法, 三项制度, 综合执法
    Enforcement,
    /// 突发事件应对
    Emergency,
    /// 复议, 应诉, 调解, 仲裁, 信访
    Disputes,
    /// 监督, 政务公开, 审计
    Supervision,
    /// 普法
    Publicity,
    /// 数字法治政府, 科技保障
    Digital,
    /// 存在的不足和原因
    Problems,
    /// 下一年度安排
    NextYear,
    Other,
}

impl SectionKind {
    pub const ALL: [SectionKind; 13] = [
        SectionKind::Organization,
        SectionKind::Functions,
        SectionKind::Rules,
        SectionKind::Decisions,
        SectionKind::Enforcement,
        SectionKind::Emergency,
        SectionKind::Disputes,
        SectionKind::Supervision,
        SectionKind::Publicity,
        SectionKind::Digital,
        SectionKind::Problems,
        SectionKind::NextYear,
        SectionKind::Other,
    ];

    /// The snake_case name used in JSON, file names and templates (`next_year`).
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Organization => "organization",
            SectionKind::Functions => "functions",
            SectionKind::Rules => "rules",
            SectionKind::Decisions => "decisions",
            SectionKind::Enforcement => "enforcement",
            SectionKind::Emergency => "emergency",
            SectionKind::Disputes => "disputes",
            SectionKind::Supervision => "supervision",
            SectionKind::Publicity => "publicity",
            SectionKind::Digital => "digital",
            SectionKind::Problems => "problems",
            SectionKind::NextYear => "next_year",
            SectionKind::Other => "other",
        }
    }

    /// The Chinese label a drafter sees.
    pub fn label(self) -> &'static str {
        match self {
            SectionKind::Organization => "组织领导",
            SectionKind::Functions => "政府职能",
            SectionKind::Rules => "制度建设",
            SectionKind::Decisions => "依法决策",
            SectionKind::Enforcement => "严格执法",
            SectionKind::Emergency => "突发事件应对",
            SectionKind::Disputes => "化解矛盾纠纷",
            SectionKind::Supervision => "权力监督",
            SectionKind::Publicity => "普法宣传",
            SectionKind::Digital => "数字法治",
            SectionKind::Problems => "存在的不足",
            SectionKind::NextYear => "下一年度安排",
            SectionKind::Other => "其他",
        }
    }

    pub fn from_key(key: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// What the report says about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The report's own title (`常州市2017年法治政府建设工作报告`), not the portal's page title.
    pub title: Option<String>,
    /// The reporting government or body (`常州市人民政府`, `江山市`, `常州经开区`).
    pub government: Option<String>,
    /// The year the report is about (not the year it was written).
    pub year: Option<i32>,
    /// `常政发〔2018〕9号`
    pub doc_number: Option<String>,
    /// `江苏省人民政府`
    pub addressee: Option<String>,
    /// Signing or publication date as written (`2018年1月18日`, `2018-01-18`).
    pub date: Option<String>,
    /// Where each field above was read; a field nobody states is `None` here too (the app asks
    /// the drafter instead of guessing).
    #[serde(default)]
    pub sources: MetaSources,
    /// 1-based last line of the report's own text (before the signature, date and trailing portal
    /// chrome); `None` in reports stored before it was recorded (then the text runs to the end).
    #[serde(default)]
    pub body_end: Option<usize>,
    /// 1-based lines inside the body that are portal chrome or cover-page leftovers (`2024年2月`
    /// alone, 分享/字号 widgets), never report text; checks skip them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chrome_lines: Vec<usize>,
}

/// Where a metadata field was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaSource {
    /// The report's title line (or lines).
    Title,
    /// The portal's label block (信息名称/文号/发布机构/成文日期 …) or page chrome.
    Label,
    /// The addressee, the opening sentence or the first heading of the body.
    Body,
    /// The signature and date at the end.
    Signature,
    /// Filled in by the drafter in the app, where the text gave nothing.
    Drafter,
}

/// The source of each [`Metadata`] field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetaSources {
    pub title: Option<MetaSource>,
    pub government: Option<MetaSource>,
    pub year: Option<MetaSource>,
    pub doc_number: Option<MetaSource>,
    pub addressee: Option<MetaSource>,
    pub date: Option<MetaSource>,
}

/// One heading of the outline and everything under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The numbering as written (`一、`, `（一）`, `(一)`, `1.`, `（1）`, `一是`), empty for a part
    /// recognised without a heading (a next-year part that begins `2018年是……`).
    pub number: String,
    /// The heading text without its number; for a run-in heading, the text up to the first `。`.
    pub heading: String,
    /// 1 for `一、`, 2 for `（一）`, 3 for `1.`/`1、`, 4 for `（1）`, 5 for inline `一是`.
    pub level: u8,
    pub kind: SectionKind,
    /// 1-based line of the heading.
    pub line: usize,
    /// 1-based last line that belongs to this section (inclusive).
    pub end_line: usize,
    pub children: Vec<Section>,
}

/// A number in the text with its unit and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// A stable name for what is counted: `行政复议·受理`, `行政应诉·案件`, or a fallback built
    /// from the clause's content words.
    pub metric: String,
    /// The value with 万/亿 applied (`14.45亿元` → 1445000000.0, `3.2万件` → 32000.0; Chinese
    /// numerals converted: `十余次` → 10.0); a percentage as written (`99.45%` → 99.45).
    pub value: f64,
    /// The unit without its 万/亿 multiplier (`件`, `人次`, `%`, `元`, `次`, `批次`).
    pub unit: String,
    /// True for 余/多/近/约/超/以上/左右 and similar.
    pub approx: bool,
    /// The figure exactly as written (`113件`, `3200余人次`, `十余次`).
    pub raw: String,
    /// 1-based line.
    pub line: usize,
    /// Byte range of `raw` inside its line.
    pub start: usize,
    pub end: usize,
    /// The clause that holds the figure (between punctuation marks).
    pub excerpt: String,
    /// The kind of the innermost classified section the figure is in.
    pub section: SectionKind,
    /// A stated change against another figure or last year (`同比增长12.5%`, `提高2个百分点`,
    /// `比上年增加15件`), never a level of its metric. Absent from JSON when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub change: bool,
}

/// A parsed report. Built by [`crate::parse`]; cheap to clone and to serialize.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub meta: Metadata,
    /// The imported text, one paragraph per line (index 0 is line 1).
    pub lines: Vec<String>,
    /// 1-based first line of the body (after portal chrome, title and addressee).
    pub body_start: usize,
    /// Top-level sections, in text order.
    pub sections: Vec<Section>,
    pub figures: Vec<Figure>,
}
