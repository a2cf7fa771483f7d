//! Encrypted PDFs as government sites publish them: a PDF with only an owner password (printing
//! or copying restricted, no password to open) reads like any other; a PDF that needs a password
//! to open is refused with the clear Chinese reason. Both made at run time: LibreOffice writes
//! the PDF from an invented .docx, `qpdf` encrypts it with each algorithm a PDF writer uses
//! (RC4 40/128-bit, AES-128, AES-256). Without soffice or qpdf the test says SKIPPED and passes.
#[path = "formats_support/mod.rs"]
mod office;

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao_import::{ImportError, SourceFormat, import_bytes};

const TEXT: &str = "示例市2024年法治政府建设年度报告\n一、主要举措\n全年共受理行政复议案件142件，同比增长12.5%。\n二、下一步安排\n继续推进依法行政。";

fn qpdf() -> bool {
    let found = Command::new("qpdf")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED: qpdf is not installed; `make deps-apt` installs it");
    }
    found
}

/// The invented report as a PDF, in a fresh temp folder.
fn plain_pdf() -> Option<(PathBuf, PathBuf)> {
    office::soffice()?;
    if !qpdf() {
        return None;
    }
    let dir = tempfile::Builder::new()
        .prefix("nianbao-encrypted-")
        .tempdir()
        .expect("temp dir")
        .keep();
    office::convert(
        &dir,
        &[(
            "plain".into(),
            office::official_docx(TEXT, office::Layout::default()),
        )],
        &["pdf"],
    );
    let pdf = dir.join("plain.pdf");
    Some((dir, pdf))
}

/// `qpdf --encrypt USER OWNER BITS [options] -- in out`; returns the encrypted bytes.
fn encrypt(dir: &Path, input: &Path, user: &str, bits: &str, extra: &[&str]) -> Vec<u8> {
    let out = dir.join(format!(
        "enc-{bits}-{}.pdf",
        if user.is_empty() { "owner" } else { "user" }
    ));
    let mut cmd = Command::new("qpdf");
    cmd.arg("--allow-weak-crypto")
        .arg("--encrypt")
        .arg(user)
        .arg("owner-secret")
        .arg(bits)
        .args(extra)
        .arg("--")
        .arg(input)
        .arg(&out);
    let status = cmd.output().expect("qpdf runs");
    assert!(status.status.success(), "qpdf failed: {status:?}");
    let bytes = std::fs::read(&out).expect("qpdf wrote the file");
    assert!(
        bytes.windows(8).any(|w| w == b"/Encrypt"),
        "qpdf's output has an /Encrypt dictionary"
    );
    bytes
}

const ALGORITHMS: [(&str, &[&str]); 4] = [
    ("40", &["--print=n", "--modify=n"]),
    ("128", &["--use-aes=n", "--print=none", "--modify=none"]),
    ("128", &["--use-aes=y", "--print=none", "--extract=n"]),
    ("256", &["--print=none", "--extract=n"]),
];

#[test]
fn an_owner_password_only_pdf_reads_like_the_plain_one() {
    let Some((dir, pdf)) = plain_pdf() else {
        return;
    };
    let plain = import_bytes(&std::fs::read(&pdf).expect("pdf"), Some("plain.pdf"))
        .expect("the plain PDF reads");
    assert!(
        plain.text.contains("受理行政复议案件142件"),
        "{}",
        plain.text
    );
    for (bits, extra) in ALGORITHMS {
        let bytes = encrypt(&dir, &pdf, "", bits, extra);
        let t = import_bytes(&bytes, Some("restricted.pdf"))
            .unwrap_or_else(|e| panic!("{bits}-bit {extra:?}, owner password only: {e}"));
        assert_eq!(t.format, SourceFormat::Pdf);
        assert_eq!(t.text, plain.text, "{bits}-bit {extra:?}");
    }
}

#[test]
fn a_pdf_that_needs_a_password_to_open_is_refused_clearly() {
    let Some((dir, pdf)) = plain_pdf() else {
        return;
    };
    for (bits, extra) in ALGORITHMS {
        let bytes = encrypt(&dir, &pdf, "open-secret", bits, extra);
        let err = import_bytes(&bytes, Some("locked.pdf"))
            .expect_err("a PDF with a user password cannot be read");
        assert!(
            matches!(err, ImportError::Encrypted),
            "{bits}-bit {extra:?}: {err:?}"
        );
        let message = err.to_string();
        assert!(message.contains("密码"), "{message}");
        assert_eq!(err.code(), "import.encrypted");
    }
}
