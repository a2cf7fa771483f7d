//! `nianbao export`: one report or draft written to .docx/.md/.html/.txt by the output's
//! extension, atomically (a failed export leaves an existing file as it was). With
//! `--version submit|public` it writes the 报送版 or the 公开版 of the draft (nianbao-draft's
//! `export_version`): the delivery fields come from the options, else from the draft itself;
//! the 公开版 is refused, every mark listed, while a fill-in mark is left.
//!
//! `--draft ID [--db LIBRARY]` exports a library draft's latest version instead of a file, with
//! the delivery fields kept for it in the window (options given here override them).

use std::path::{Path, PathBuf};

use clap::Args;
use nianbao_draft::export::{DeliveryFields, ExportVersion};

use crate::CliResult;
use crate::input::{load, office, reason};
use nianbao_desk::Desk;
use nianbao_desk::Office;

/// A draft of the library as the source instead of a file.
#[derive(Debug, Clone, Default, Args)]
pub struct DraftArgs {
    /// 导出报告库中的草稿（编号），用其最新版本和已保存的报送信息 / export a library draft by id
    #[arg(long, value_name = "ID")]
    pub draft: Option<i64>,
    /// 报告库文件（与 --draft 同用；默认为数据文件夹中的报告库）/ the library (with --draft)
    #[arg(long)]
    pub db: Option<PathBuf>,
}

/// `nianbao export`: FILE, or `--draft ID` of the library.
pub fn dispatch(
    file: Option<&Path>,
    out: &Path,
    delivery: &DeliveryArgs,
    source: &DraftArgs,
) -> CliResult {
    match (file, source.draft) {
        (Some(_), None) if source.db.is_some() => {
            Err("--db 只与 --draft 同用：导出报告库中的草稿请给出 --draft 编号 (--db needs --draft)".into())
        }
        (Some(file), None) => {
            crate::input::check_output(out, &[file])?;
            run(file, out, delivery)
        }
        (None, Some(id)) => {
            let inputs: Vec<&Path> = source.db.as_deref().into_iter().collect();
            crate::input::check_output(out, &inputs)?;
            run_draft(id, source.db.as_deref(), out, delivery)
        }
        _ => Err("请给出要导出的文件，或用 --draft 编号 导出报告库中的草稿（二者取一）(give FILE or --draft ID)".into()),
    }
}

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

/// `--version`, checked: delivery fields only come with a version.
fn version(delivery: &DeliveryArgs) -> Result<Option<ExportVersion>, String> {
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
    Ok(version)
}

pub fn run(file: &Path, out: &Path, delivery: &DeliveryArgs) -> CliResult {
    let office = office()?;
    let version = version(delivery)?;
    let (_, report) = load(file, &office)?;
    write(&report, out, version, delivery.fields(), &office)
}

/// A library draft's latest version, with its kept delivery fields under the options given.
pub fn run_draft(id: i64, db: Option<&Path>, out: &Path, delivery: &DeliveryArgs) -> CliResult {
    let version = version(delivery)?;
    if let Some(db) = db {
        crate::input::check_db(db)?;
        if !db.is_file() {
            return Err(format!(
                "报告库 {} 不存在，请检查 --db 的路径 (no library there)",
                db.display()
            )
            .into());
        }
    }
    let desk = Desk::new(crate::input::data_dir(), db.map(Path::to_owned));
    let draft = desk.open_draft(id).map_err(|e| {
        if e.code() == "store.not_found" {
            format!("报告库中没有编号为 {id} 的草稿 (no draft #{id} in the library)")
        } else {
            reason(&e)
        }
    })?;
    let stored: DeliveryFields = desk
        .delivery_fields(id, &draft.text)
        .map_err(|e| reason(&e))?
        .fields
        .into();
    let given = delivery.fields();
    let fields = DeliveryFields {
        public_doc_number: given.public_doc_number || stored.public_doc_number,
        public_addressee: given.public_addressee || stored.public_addressee,
        ..given.or(stored)
    };
    let office = desk.office();
    let report = office.parse_text(&draft.text);
    write(&report, out, version, fields, &office)
}

/// Write `report` as is or as one of its versions, and say what was written.
fn write(
    report: &nianbao_report::Report,
    out: &Path,
    version: Option<ExportVersion>,
    fields: DeliveryFields,
    office: &Office,
) -> CliResult {
    let Some(version) = version else {
        nianbao_draft::export(report, out, office.templates())
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
    nianbao_draft::export::export_version(report, &fields, version, out, office.templates())
        .map_err(|e| format!("[{}] {e}", e.code()))?;
    let used = fields.or(DeliveryFields::from_report(report));
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
