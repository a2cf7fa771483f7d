//! `nianbao`: the command-line face of 年报助手 (design.md's contract; tests and scripts rely on
//! it). Exit 0 on success whatever the findings; 2 with a one-line reason for bad input.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod check;
mod draft;
mod export;
mod figures;
mod input;
mod library;
mod materials;
mod outline;

/// Every subcommand returns this; an error becomes exit status 2 with its one-line message.
pub type CliResult = Result<(), Box<dyn std::error::Error>>;

#[derive(Debug, Parser)]
#[command(
    name = "nianbao",
    version,
    about = "年报助手：法治政府建设年度报告的起草与核对工具\nAssistant for drafting and checking annual rule-of-law government reports",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 显示报告的提纲 / Show the report's outline
    Outline {
        /// 报告文件（.txt 任意中文编码、.html 网页、.docx）/ report file (.txt in any Chinese encoding, .html, .docx)
        file: PathBuf,
        /// 输出格式 / output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 列出报告中的数据 / List every figure in the report
    Figures {
        /// 报告文件（.txt 任意中文编码、.html 网页、.docx）/ report file (.txt in any Chinese encoding, .html, .docx)
        file: PathBuf,
        /// 输出格式 / output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 对照上年报告核对 / Check a report against last year's
    Check {
        /// 本年报告或草稿 / this year's report or draft (.txt, .html, .docx)
        file: PathBuf,
        /// 上年报告 / last year's report
        #[arg(long)]
        last: Option<PathBuf>,
        /// 报告年度 / the year the report is about
        #[arg(long, value_parser = input::year)]
        year: Option<i32>,
        /// 只看一类问题，如 proof（校对：错字、规范表述、标点、数字）/ only findings of one family, e.g. proof
        #[arg(long, value_parser = ["proof", "figure", "arith", "term", "time", "text", "structure", "plan"])]
        only: Option<String>,
        /// 报告库路径：使用库中保存的数据关联，不列出起草人在窗口中标为“不是错误”的问题 / library whose drafter's figure links the check obeys; findings the drafter dismissed in the window (不是错误) are left out
        #[arg(long)]
        db: Option<PathBuf>,
        /// 与 --db 同用：列出全部问题，包括已标为“不是错误”的 / with --db: list every finding, the dismissed ones too
        #[arg(long, requires = "db")]
        all: bool,
        /// 输出格式 / output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 以上年报告为底稿起草 / Draft this year's report from last year's
    Draft {
        /// 上年报告（底稿）/ last year's report, the base of the draft
        #[arg(long)]
        from: PathBuf,
        /// 草稿年度，如 2025 / the year the draft reports on, e.g. 2025
        #[arg(long, value_parser = input::year)]
        year: i32,
        /// 草稿写到这里（.txt）/ where to write the draft (.txt)
        #[arg(long)]
        out: PathBuf,
        /// 摘要格式：text 或 json（json 列出每个待填标记、前移的年份和上年计划）/ Summary format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 导出为 Word、Markdown 或 HTML / Export to .docx, .md or .html
    Export {
        /// 要导出的报告或草稿 / the report or draft to export (.txt, .html, .docx)
        #[arg(required_unless_present = "draft", conflicts_with = "draft")]
        file: Option<PathBuf>,
        /// 输出文件，格式看扩展名：.docx（公文格式）、.md、.html / output file; its extension picks the format
        #[arg(long)]
        out: PathBuf,
        /// 报送版（submit）或公开版（public）及其报送信息 / the submitted or published version and its fields
        #[command(flatten)]
        delivery: export::DeliveryArgs,
        /// 或：报告库中的草稿 / or: a draft of the library
        #[command(flatten)]
        source: export::DraftArgs,
    },
    /// 各部门材料：部门、各段所属部分与数据 / Departments' materials: department, each paragraph's part and figures
    Materials {
        /// 材料文件或文件夹（.docx、.doc、.wps、.pdf、.txt、表格）/ material files or folders
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 输出格式 / output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 报告库：添加、列出、搜索 / The report library: add, list, search
    Library {
        #[command(subcommand)]
        action: LibraryAction,
        /// 数据库路径 / database path (default: the data folder)
        #[arg(long, global = true)]
        db: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum LibraryAction {
    /// 添加报告 / Add reports
    Add {
        /// 一个或多个报告文件 / one or more report files
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// 列出报告 / List reports
    List,
    /// 全文搜索 / Full-text search
    Search {
        /// 要找的词句 / words to find
        query: String,
        /// 只搜该政府的报告 / only this government's reports
        #[arg(long)]
        government: Option<String>,
        /// 只搜该年度 / only reports about this year
        #[arg(long, value_parser = input::year)]
        year: Option<i32>,
        /// 只搜该类部分（organization、decisions、enforcement、disputes、next_year、problems……）/ only this kind of part
        #[arg(long)]
        kind: Option<String>,
    },
    /// 指标历年数据（逐年对照串联）/ A government's figures over the years, chained year to year
    History {
        /// 政府名称 / government
        government: String,
        /// 只看该指标 / only this metric
        #[arg(long)]
        metric: Option<String>,
        /// 输出格式 / output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

/// Write to standard output. A reader that went away (`nianbao … | head`) is not an error of
/// ours: `main` ends quietly on a broken pipe.
pub fn emit(text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn main() -> ExitCode {
    // A wrong argument is one line on stderr (exit 2), like every other refusal.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return input::argument_error(&e),
    };
    let json = |f: Format| matches!(f, Format::Json);
    let result = match cli.command {
        Command::Outline { file, format } => outline::run(&file, json(format)),
        Command::Figures { file, format } => figures::run(&file, json(format)),
        Command::Check {
            file,
            last,
            year,
            only,
            db,
            all,
            format,
        } => check::run(
            &file,
            last.as_deref(),
            year,
            only.as_deref(),
            db.as_deref().map(|db| (db, all)),
            json(format),
        ),
        Command::Draft {
            from,
            year,
            out,
            format,
        } => draft::run(&from, year, &out, json(format)),
        Command::Export {
            file,
            out,
            delivery,
            source,
        } => export::dispatch(file.as_deref(), &out, &delivery, &source),
        Command::Materials { files, format } => materials::run(&files, json(format)),
        Command::Library { action, db } => match action {
            LibraryAction::Add { files } => library::add(db.as_deref(), &files),
            LibraryAction::List => library::list(db.as_deref()),
            LibraryAction::Search {
                query,
                government,
                year,
                kind,
            } => library::search(db.as_deref(), &query, government, year, kind.as_deref()),
            LibraryAction::History {
                government,
                metric,
                format,
            } => library::history(db.as_deref(), &government, metric.as_deref(), json(format)),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            // One line on stderr: scripts read it, people see it.
            let reason = err.to_string().replace('\n', " ");
            eprintln!("nianbao: {reason}");
            ExitCode::from(2)
        }
    }
}
