//! Reading a FILE argument: bytes → imported text → parsed report, with errors for people.
//! Every failure becomes one line (the CLI prints it and exits 2); nothing here panics.

use std::path::{Path, PathBuf};

use nianbao_desk::{DeskError, Office};
use nianbao_import::ImportedText;
use nianbao_report::Report;

/// The data folder a run reads the office's files from: `NIANBAO_DATA_DIR`, when set.
pub fn data_dir() -> Option<PathBuf> {
    nianbao_store::paths::data_dir_override()
}

/// The office profile of this run (built once, from `NIANBAO_DATA_DIR`). An office file it
/// cannot use is a warning on stderr (`警告：办公室文件 … 第3行 有误，已改用内置规则：…`, with its
/// code) and the run goes on with the built-in part in its place, as the window does.
pub fn office() -> Result<Office, Box<dyn std::error::Error>> {
    let office = Office::load(data_dir().as_deref());
    for w in office.warnings() {
        eprintln!("警告：{} [{}]", w.message, w.code);
    }
    Ok(office)
}

/// An error of a use case as one line: `[code] message`.
pub fn reason(e: &DeskError) -> String {
    format!("[{}] {e}", e.code())
}

/// Read, import and parse one file with the office's lexicon (nianbao-desk's `read_report`,
/// the same the window's import uses).
pub fn load(
    path: &Path,
    office: &Office,
) -> Result<(ImportedText, Report), Box<dyn std::error::Error>> {
    let read = read(path, office)?;
    Ok((read.imported, read.report))
}

/// [`load`], keeping the file's name and bytes for the library.
pub fn read(
    path: &Path,
    office: &Office,
) -> Result<nianbao_desk::ReadReport, Box<dyn std::error::Error>> {
    check_input(path)?;
    nianbao_desk::read_report(path, office).map_err(|e| match &e {
        DeskError::Import(import) => format!(
            "无法导入 {} (cannot import) [{}]: {import}",
            path.display(),
            import.code()
        )
        .into(),
        _ => reason(&e).into(),
    })
}

/// Display width of a text in a terminal: CJK and full-width characters take two columns.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// `s` padded with spaces to `cols` display columns (left-aligned).
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(width(s))));
    out
}

/// A number as a drafter writes it: no trailing `.0`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The years a report can be about: the same bounds `nianbao draft` has always held a draft to.
pub const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// `--year` of every subcommand, parsed and checked the same way (clap's `value_parser`): a year
/// that cannot be a report's (`0`, `99999`, `二〇二四`) is refused before anything is read.
pub fn year(arg: &str) -> Result<i32, String> {
    let trimmed = arg.trim().trim_end_matches('年');
    match trimmed.parse::<i32>() {
        Ok(y) if YEARS.contains(&y) => Ok(y),
        _ => Err(format!(
            "年度无效 (invalid year) “{arg}”：应为 {} 到 {} 之间的四位数字年份",
            YEARS.start(),
            YEARS.end()
        )),
    }
}

/// A clap error as the one line `main` prints (exit 2): what was wrong, without the usage
/// block; `--help` and `--version` print as clap prints them (exit 0).
pub fn argument_error(e: &clap::Error) -> std::process::ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            std::process::ExitCode::SUCCESS
        }
        kind => {
            let what = if kind == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                "缺少子命令 (a subcommand is needed)".to_owned()
            } else {
                one_line(&e.render().to_string())
            };
            eprintln!("nianbao: 参数错误 (invalid arguments): {what}；用法见 nianbao --help");
            std::process::ExitCode::from(2)
        }
    }
}

/// clap's message up to its usage block, on one line.
fn one_line(rendered: &str) -> String {
    rendered
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_prefix("error: ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What kind of thing a path that is not a regular file is, for the refusal.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "命名管道 (a FIFO)";
        }
        if t.is_socket() {
            return "套接字 (a socket)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "设备文件 (a device)";
        }
    }
    if meta.is_dir() {
        "目录 (a directory)"
    } else {
        "特殊文件 (not a regular file)"
    }
}

/// An input file must be a regular file: a directory, FIFO, device or socket is refused at once,
/// without opening it (opening a FIFO would wait for a writer forever).
pub fn check_input(path: &Path) -> Result<(), String> {
    if path.as_os_str().to_string_lossy().trim().is_empty() {
        return Err("文件路径为空 (an empty path was given)".to_owned());
    }
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("无法读取 {} (cannot read): {e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!(
            "{} 是{}而不是报告文件，已拒绝 (not a regular file)",
            path.display(),
            kind_of(&meta)
        ));
    }
    Ok(())
}

/// Whether two paths name the same file (through a symlink, `..` or a hard link too).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// An output file (`--out`) may be written: it is not one of the run's inputs (the report it is
/// drafted or exported from must never be replaced by the result), not a folder, not a special
/// file, and not read-only (a read-only file is kept as its owner wanted: refused, not replaced).
pub fn check_output(out: &Path, inputs: &[&Path]) -> Result<(), String> {
    if out.as_os_str().to_string_lossy().trim().is_empty() {
        return Err("--out 为空，请给出输出文件名 (an empty output path)".to_owned());
    }
    if let Some(input) = inputs.iter().find(|i| same_file(out, i)) {
        return Err(format!(
            "输出文件 {} 就是输入文件 {}，为免覆盖原文已拒绝；请换一个文件名 (the output is an input of this run)",
            out.display(),
            input.display()
        ));
    }
    let Ok(meta) = std::fs::metadata(out) else {
        return Ok(());
    };
    if meta.is_dir() {
        let example = out.join("报告.docx");
        return Err(format!(
            "{} 是文件夹，请给出文件名，如 {} (the output is a folder; name a file in it)",
            out.display(),
            example.display()
        ));
    }
    if !meta.is_file() {
        return Err(format!(
            "{} 是{}，不能作为输出文件 (cannot write the output there)",
            out.display(),
            kind_of(&meta)
        ));
    }
    if meta.permissions().readonly() {
        return Err(format!(
            "{} 是只读文件，已拒绝覆盖；请换一个文件名或先取消只读 (the output file is read-only)",
            out.display()
        ));
    }
    Ok(())
}

/// `--db PATH` a drafter typed: its folder must exist (a typo must not create folders and an
/// empty library), and it must not be a folder or a special file itself.
pub fn check_db(db: &Path) -> Result<(), String> {
    if db.as_os_str().to_string_lossy().trim().is_empty() {
        return Err("--db 为空，请给出报告库文件 (an empty library path)".to_owned());
    }
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.is_dir()
    {
        return Err(format!(
            "报告库所在的文件夹 {} 不存在，请检查 --db 的路径 (the library's folder does not exist)",
            parent.display()
        ));
    }
    if let Ok(meta) = std::fs::metadata(db)
        && !meta.is_file()
    {
        return Err(format!(
            "--db {} 是{}而不是报告库文件 (not a library file)",
            db.display(),
            kind_of(&meta)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_outside_the_bounds_are_refused_with_the_same_words() {
        assert_eq!(year("2024"), Ok(2024));
        assert_eq!(year(" 2025年"), Ok(2025));
        for bad in [
            "0",
            "99999",
            "-2024",
            "1948",
            "2101",
            "",
            "二〇二四",
            "20 24",
        ] {
            let e = year(bad).expect_err(bad);
            assert!(e.contains("年度无效") && e.contains("1949"), "{bad}: {e}");
        }
    }

    #[test]
    fn clap_errors_become_one_line_without_usage() {
        let rendered = "error: unexpected argument '--foo' found\n\n  tip: to pass '--foo' as a value, use '-- --foo'\n\nUsage: nianbao outline <FILE>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "unexpected argument '--foo' found tip: to pass '--foo' as a value, use '-- --foo'"
        );
    }

    #[test]
    fn an_output_that_is_an_input_is_refused_through_a_symlink_too() {
        let dir = tempfile::tempdir().expect("temp dir");
        let input = dir.path().join("报告.txt");
        std::fs::write(&input, "示例市").expect("write");
        assert!(check_output(&input, &[&input]).is_err());
        let via = dir.path().join("sub/../报告.txt");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        assert!(check_output(&via, &[&input]).is_err());
        #[cfg(unix)]
        {
            let link = dir.path().join("链接.txt");
            std::os::unix::fs::symlink(&input, &link).expect("symlink");
            assert!(check_output(&link, &[&input]).is_err());
        }
        assert!(check_output(&dir.path().join("新.txt"), &[&input]).is_ok());
    }
}
