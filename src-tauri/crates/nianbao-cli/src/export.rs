//! `nianbao export`: one report or draft written to .docx/.md/.html/.txt by the output's
//! extension, atomically (a failed export leaves an existing file as it was). With
//! `--version submit|public` it writes the 报送版 or the 公开版 of the draft (nianbao-draft's
//! `export_version`): the delivery fields come from the options, else from the draft itself;
//! the 公开版 is refused, every mark listed, while a fill-in mark is left.

use std::path::Path;

use clap::Args;
use nianbao_draft::export::{DeliveryFields, ExportVersion};

use crate::CliResult;
use crate::input::{load, office};

/// The delivery fields as options (each empty one is read from the draft).
#[derive(Debug, Clone, Default, Args)]
pub struct DeliveryArgs {
    /// 报送版/公开版 / which version: submit (报送版) or public (公开版)
    #[arg(long = "version", value_name = "submit|public")]
    pub version: Option<String>,
    /// 发文字号，如 示政发〔2026〕3号 / document number
    #[arg(long)]
    pub doc_number: Option<String>,
    /// 主送机关 / addressee
    #[arg(long)]
    pub addressee: Option<String>,
    /// 落款（发文机关署名）/ issuer
    #[arg(long)]
    pub issuer: Option<String>,
    /// 成文日期，如 2026-02-10 / date (written in Arabic numerals: 2026年2月10日)
    #[arg(long)]
    pub date: Option<String>,
    /// 抄送机关（报送版）/ copied to (submit version)
    #[arg(long)]
    pub cc: Option<String>,
    /// 发文机关标志，如 示例市人民政府文件（报送版，可选）/ issuing-office mark (submit, optional)
    #[arg(long)]
    pub issuing_mark: Option<String>,
    /// 公开版也印文号 / the public version shows the document number too
    #[arg(long)]
    pub public_doc_number: bool,
    /// 公开版也印主送机关 / the public version shows the addressee too
    #[arg(long)]
    pub public_addressee: bool,
}

impl DeliveryArgs {
    fn fields(&self) -> DeliveryFields {
        DeliveryFields {
            issuing_mark: self.issuing_mark.clone(),
            doc_number: self.doc_number.clone(),
            addressee: self.addressee.clone(),
            issuer: self.issuer.clone(),
            date: self.date.clone(),
            cc: self.cc.clone(),
            public_doc_number: self.public_doc_number,
            public_addressee: self.public_addressee,
        }
    }

    fn any_field(&self) -> bool {
        self.fields() != DeliveryFields::default()
    }
}

pub fn run(file: &Path, out: &Path, delivery: &DeliveryArgs) -> CliResult {
    let office = office()?;
    let version = delivery
        .version
        .as_deref()
        .map(str::parse::<ExportVersion>)
        .transpose()
        .map_err(|e| format!("[{}] {e}", e.code()))?;
    if version.is_none() && delivery.any_field() {
        return Err(
            "文号、主送等报送信息只用于 --version submit|public (delivery fields need --version)"
                .into(),
        );
    }
    let (_, report) = load(file, &office)?;
    let Some(version) = version else {
        nianbao_draft::export(&report, out, office.templates())
            .map_err(|e| format!("[{}] {e}", e.code()))?;
        let marks: usize = report
            .lines
            .iter()
            .map(|l| nianbao_draft::marks::count(l))
            .sum();
        crate::emit(&format!(
            "已导出 (exported): {}\n  段落 {} 个 (paragraphs), 待填标记 {} 处 (fill-in marks)\n",
            out.display(),
            report.paragraphs().count(),
            marks
        ))?;
        return Ok(());
    };
    let fields = delivery.fields();
    nianbao_draft::export::export_version(&report, &fields, version, out, office.templates())
        .map_err(|e| format!("[{}] {e}", e.code()))?;
    let used = fields.or(DeliveryFields::from_report(&report));
    let show = |f: &Option<String>| f.clone().unwrap_or_else(|| "—".to_owned());
    let mut said = format!(
        "已导出{} (exported, {}): {}\n",
        version.label(),
        match version {
            ExportVersion::Submit => "submit",
            ExportVersion::Public => "public",
        },
        out.display()
    );
    if version == ExportVersion::Submit || used.public_doc_number {
        said.push_str(&format!("  文号 {}\n", show(&used.doc_number)));
    }
    if version == ExportVersion::Submit || used.public_addressee {
        said.push_str(&format!("  主送 {}\n", show(&used.addressee)));
    }
    let date = show(&used.date);
    said.push_str(&format!(
        "  落款 {}  {}\n",
        show(&used.issuer),
        nianbao_draft::export::version::arabic_date(&date).unwrap_or(date)
    ));
    if version == ExportVersion::Submit
        && let Some(cc) = used.cc.as_deref()
    {
        said.push_str(&format!("  抄送 {cc}\n"));
    }
    crate::emit(&said)?;
    Ok(())
}
