//! The command's input checks as a process (issue 19): a year that cannot be, an output that is
//! an input or read-only or a folder, special files, a `--db` in a missing folder, an empty
//! `--last`, wrong arguments, and a search past its cap. Each refusal is exit 2 with one line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn nianbao() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    cmd.stdin(Stdio::null());
    cmd
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/sample-library/示例市2023年法治政府建设年度报告.txt")
}

/// Exit 2 with exactly one line on stderr that holds `words`; nothing on stdout.
fn refused(out: &Output, words: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "refused with exit 2: {err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err:?}");
    assert!(err.contains(words), "the line says {words:?}: {err}");
    assert!(
        out.stdout.is_empty(),
        "nothing printed for a refused run: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    err
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run nianbao")
}

fn copy_sample(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(sample(), &path).expect("copy the sample");
    path
}

#[test]
fn a_year_that_cannot_be_is_refused_by_every_subcommand_the_same_way() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("草稿.txt");
    let db = dir.path().join("library.sqlite3");
    for year in ["0", "99999", "-1", "1900", "abc"] {
        // `--year=-1`: with a space, clap would take `-1` for an option.
        let year = &format!("--year={year}");
        let check = run(nianbao().arg("check").arg(sample()).arg(year));
        let a = refused(&check, "年度无效");
        let draft = run(nianbao()
            .args(["draft", "--from"])
            .arg(sample())
            .arg(year)
            .arg("--out")
            .arg(&out));
        let b = refused(&draft, "年度无效");
        let search = run(nianbao()
            .args(["library", "search", "复议", year, "--db"])
            .arg(&db));
        let c = refused(&search, "年度无效");
        // The same reason whichever subcommand was given it.
        let tail = |s: &str| s[s.find("年度无效").unwrap_or(0)..].trim().to_owned();
        assert_eq!(tail(&a), tail(&b), "check and draft word it alike");
        assert_eq!(tail(&a), tail(&c), "check and search word it alike");
    }
    assert!(!out.exists(), "no draft was written for a refused year");
    assert!(!db.exists(), "no library was made for a refused year");
    let ok = run(nianbao()
        .arg("check")
        .arg(sample())
        .args(["--year", "2023"]));
    assert_eq!(ok.status.code(), Some(0), "a real year is accepted");
}

#[test]
fn a_draft_or_export_onto_its_own_input_is_refused_and_the_file_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = copy_sample(dir.path(), "r.txt");
    let before = std::fs::read(&report).expect("read");
    let draft = run(nianbao()
        .args(["draft", "--from"])
        .arg(&report)
        .args(["--year", "2024", "--out"])
        .arg(&report));
    refused(&draft, "就是输入文件");
    let export = run(nianbao()
        .arg("export")
        .arg(&report)
        .arg("--out")
        .arg(&report));
    refused(&export, "就是输入文件");
    // The same file by another name: `./sub/../r.txt` and a symbolic link.
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let roundabout = dir.path().join("sub/../r.txt");
    let export = run(nianbao()
        .arg("export")
        .arg(&report)
        .arg("--out")
        .arg(&roundabout));
    refused(&export, "就是输入文件");
    #[cfg(unix)]
    {
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&report, &link).expect("symlink");
        let draft = run(nianbao()
            .args(["draft", "--from"])
            .arg(&link)
            .args(["--year", "2024", "--out"])
            .arg(&report));
        refused(&draft, "就是输入文件");
    }
    assert_eq!(
        std::fs::read(&report).expect("read"),
        before,
        "the report is untouched"
    );
}

#[test]
fn a_read_only_target_is_refused_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("已定稿.txt");
    std::fs::write(&target, "定稿，勿动").expect("write");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let draft = run(nianbao()
        .args(["draft", "--from"])
        .arg(sample())
        .args(["--year", "2024", "--out"])
        .arg(&target));
    refused(&draft, "只读");
    let export = run(nianbao()
        .arg("export")
        .arg(sample())
        .arg("--out")
        .arg(&target));
    refused(&export, "只读");
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "定稿，勿动"
    );
    let mode = std::fs::metadata(&target)
        .expect("stat")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o444, "the file keeps its read-only mode");
}

#[test]
fn an_output_folder_is_a_clear_error_naming_a_file_to_give() {
    let dir = tempfile::tempdir().expect("temp dir");
    let export = run(nianbao()
        .arg("export")
        .arg(sample())
        .arg("--out")
        .arg(dir.path()));
    let err = refused(&export, "是文件夹");
    assert!(
        !err.contains("不支持的导出格式"),
        "not an unknown-format message: {err}"
    );
    let draft = run(nianbao()
        .args(["draft", "--from"])
        .arg(sample())
        .args(["--year", "2024", "--out"])
        .arg(dir.path()));
    refused(&draft, "是文件夹");
}

#[test]
fn special_files_are_refused_at_once_without_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("管道.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success(), "mkfifo works here");
    for sub in ["outline", "figures", "check"] {
        let started = Instant::now();
        let out = run(nianbao().arg(sub).arg(&fifo));
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "`{sub}` on a FIFO returns at once, it took {:?}",
            started.elapsed()
        );
        refused(&out, "命名管道");
    }
    let started = Instant::now();
    let last = run(nianbao()
        .arg("check")
        .arg(sample())
        .arg("--last")
        .arg(&fifo));
    refused(&last, "命名管道");
    let add = run(nianbao()
        .args(["library", "add", "--db"])
        .arg(dir.path().join("library.sqlite3"))
        .arg(&fifo));
    refused(&add, "命名管道");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "no wait on the FIFO"
    );
    let device = run(nianbao().arg("figures").arg("/dev/zero"));
    refused(&device, "设备");
    let folder = run(nianbao().arg("outline").arg(dir.path()));
    refused(&folder, "目录");
}

#[test]
fn a_fifo_in_a_folder_of_materials_is_listed_as_unreadable_not_waited_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("示例镇.txt"),
        "示例镇2024年法治政府建设情况\n一、加强组织领导\n全年开展学法活动12次。\n",
    )
    .expect("write a material");
    let fifo = dir.path().join("管道.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success(), "mkfifo works here");
    let started = Instant::now();
    let out = run(nianbao()
        .arg("materials")
        .arg(dir.path())
        .args(["--format", "json"]));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "no wait on the FIFO: {:?}",
        started.elapsed()
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        json["materials"].as_array().map(Vec::len),
        Some(1),
        "{json}"
    );
    let errors = json["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{json}");
    assert!(
        errors[0].to_string().contains("管道.txt")
            && errors[0].to_string().contains("不是普通文件"),
        "the FIFO is named with its reason: {json}"
    );
    let alone = run(nianbao().arg("materials").arg(&fifo));
    refused(&alone, "不是普通文件");
}

#[test]
fn a_db_in_a_missing_folder_creates_nothing_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let typo = dir.path().join("typo/dir/x.db");
    let list = run(nianbao().args(["library", "list", "--db"]).arg(&typo));
    refused(&list, "不存在");
    let add = run(nianbao()
        .args(["library", "add", "--db"])
        .arg(&typo)
        .arg(sample()));
    refused(&add, "不存在");
    let check = run(nianbao()
        .arg("check")
        .arg(sample())
        .arg("--last")
        .arg(sample())
        .arg("--db")
        .arg(&typo));
    refused(&check, "不存在");
    assert!(!dir.path().join("typo").exists(), "no folder was created");
    let folder = run(nianbao().args(["library", "list", "--db"]).arg(dir.path()));
    refused(&folder, "不是报告库文件");
}

#[test]
fn argument_errors_are_one_line() {
    for args in [
        &["outline", "--bogus", "x.txt"][..],
        &["draft", "--from", "x.txt"][..],
        &[][..],
        &["library"][..],
        &["check", "x.txt", "--format", "yaml"][..],
    ] {
        let out = run(nianbao().args(args));
        let err = refused(&out, "参数错误");
        assert!(
            !err.contains("Usage:"),
            "no usage block for {args:?}: {err}"
        );
    }
    let help = run(nianbao().arg("--help"));
    assert_eq!(help.status.code(), Some(0), "--help still prints the help");
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage"));
}

#[test]
fn an_empty_last_year_report_is_named_not_ignored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blank = dir.path().join("空白.txt");
    std::fs::write(&blank, "   \n\u{3000}\n\t\n").expect("write");
    let out = run(nianbao()
        .arg("check")
        .arg(sample())
        .arg("--last")
        .arg(&blank));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "refused: {err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(
        !err.contains("未提供上年报告"),
        "not 'no --last given': {err}"
    );
    assert!(err.contains("空白.txt"), "names the file: {err}");
    let empty = run(nianbao().arg("check").arg(sample()).args(["--last", ""]));
    // clap itself refuses an empty value, on one line.
    refused(&empty, "--last");
}

#[test]
fn a_search_past_its_cap_says_more_than_the_cap() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("library.sqlite3");
    let mut text = String::from("示例县2024年法治政府建设年度报告\n一、主要举措\n");
    for i in 1..=80 {
        text.push_str(&format!("示例县第{i}项复议听证工作按期完成。\n"));
    }
    let file = dir.path().join("示例县2024.txt");
    std::fs::write(&file, text).expect("write");
    let add = run(nianbao()
        .args(["library", "add", "--db"])
        .arg(&db)
        .arg(&file));
    assert_eq!(
        add.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    let many = run(nianbao()
        .args(["library", "search", "听证", "--db"])
        .arg(&db));
    let said = String::from_utf8_lossy(&many.stdout);
    assert!(said.contains("超过 50 处"), "the cap is said: {said}");
    assert!(!said.contains("共找到 50 处"), "not an exact count: {said}");
    let few = run(nianbao()
        .args(["library", "search", "第7项", "--db"])
        .arg(&db));
    let said = String::from_utf8_lossy(&few.stdout);
    assert!(said.contains("共找到"), "a small count is exact: {said}");
}

#[test]
fn a_damaged_library_exits_2_naming_the_kept_file_and_recovers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("library.sqlite3");
    let add = run(nianbao()
        .args(["library", "add", "--db"])
        .arg(&db)
        .arg(sample()));
    assert_eq!(
        add.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{side}", db.display()));
    }
    std::fs::write(&db, vec![0x42; 32 * 1024]).expect("garbage over the library");
    let list = run(nianbao().args(["library", "list", "--db"]).arg(&db));
    let err = refused(&list, "已损坏");
    assert!(err.contains("已原样保留"), "says the file was kept: {err}");
    let kept = dir
        .path()
        .read_dir()
        .expect("list")
        .chain(
            std::fs::read_dir(dir.path().join("damaged"))
                .into_iter()
                .flatten(),
        )
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p != &db && std::fs::read(p).is_ok_and(|b| b == vec![0x42; 32 * 1024]));
    let kept = kept.expect("the damaged bytes are kept somewhere beside the library");
    assert!(
        err.contains(&kept.display().to_string()),
        "names {}: {err}",
        kept.display()
    );
    let again = run(nianbao().args(["library", "list", "--db"]).arg(&db));
    assert_eq!(
        again.status.code(),
        Some(0),
        "the recovered library opens next time"
    );
}

/// Run `nianbao args…`, sampling its peak resident memory (VmHWM) until it ends.
fn peak_of(args: &[&std::ffi::OsStr]) -> (Output, u64) {
    let mut child = nianbao()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn nianbao");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if let Some(kb) = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        }) {
            peak_kb = peak_kb.max(kb);
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    (child.wait_with_output().expect("output"), peak_kb)
}

#[test]
fn library_add_of_28_mb_of_short_lines_is_refused_cheaply_and_stores_nothing() {
    // Issue 19: this once took 1.3 GB and left a 410 MB library.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("短行.txt");
    let unit = "受理1件。\n";
    std::fs::write(&file, unit.repeat(28 * 1024 * 1024 / unit.len())).expect("write");
    let db = dir.path().join("library.sqlite3");
    let started = Instant::now();
    let (out, peak_kb) = peak_of(&[
        "library".as_ref(),
        "add".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        file.as_os_str(),
    ]);
    let elapsed = started.elapsed();
    println!(
        "library add 28 MB: exit {:?}, {elapsed:?}, peak {} MB",
        out.status.code(),
        peak_kb / 1024
    );
    refused(&out, "");
    assert!(peak_kb < 150 * 1024, "peak {} MB", peak_kb / 1024);
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
    let size = std::fs::metadata(&db).map_or(0, |m| m.len());
    assert!(
        size < 1024 * 1024,
        "nothing stored: the library is {size} bytes"
    );
}
