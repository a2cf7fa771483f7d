//! `nianbao export` as a process: by extension, atomic, escaped HTML, clear errors.

mod common;
use common::nianbao;

#[test]
fn export_writes_docx_and_escaped_html() {
    let dir = TempDir::new("export_cli1");
    let src = dir.path().join("报告.txt");
    std::fs::write(
        &src,
        "示例县人民政府关于2024年度法治政府建设情况的报告\n示例市人民政府：\n一、主要举措和成效\n受理行政复议申请58件<img src=x onerror=alert(1)>。\n示例县人民政府\n2025年1月8日\n",
    )
    .expect("write source");
    for ext in ["docx", "html", "md"] {
        let out = dir.path().join(format!("out.{ext}"));
        let run = nianbao()
            .arg("export")
            .arg(&src)
            .arg("--out")
            .arg(&out)
            .output()
            .expect("run");
        assert!(
            run.status.success(),
            ".{ext}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(
            String::from_utf8_lossy(&run.stdout).contains("已导出"),
            "says what it did"
        );
    }
    let html = std::fs::read_to_string(dir.path().join("out.html")).expect("html");
    assert!(
        html.contains("&lt;img") && !html.contains("<img"),
        "markup in a report is text in HTML"
    );
    let docx = std::fs::read(dir.path().join("out.docx")).expect("docx");
    assert_eq!(&docx[..2], b"PK", "a .docx is a zip package");
}

#[test]
fn export_to_an_unknown_extension_exits_2_and_keeps_nothing() {
    let dir = TempDir::new("export_cli2");
    let src = dir.path().join("报告.txt");
    std::fs::write(&src, "示例县2024年法治政府建设年度报告\n一、主要举措\n").expect("write");
    let out = dir.path().join("out.pdf");
    let run = nianbao()
        .arg("export")
        .arg(&src)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("draft.unsupported_format"));
    assert!(!out.exists(), "nothing written for a refused format");
}

/// A fresh folder under the system temp dir, removed when dropped (no extra crates here).
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("nianbao-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
