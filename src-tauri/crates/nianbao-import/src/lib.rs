//! Bytes → text. Turns whatever file a drafter has (a .txt in any Chinese encoding, a saved web
//! page, a .docx, a PDF with a text layer, a Word 97–2003 .doc or WPS .wps, a spreadsheet) into
//! plain text lines, and says what it found (format, encoding, heading hints). A department's
//! statistics spreadsheet can also be read as named figures ([`read_statistics`]).
//!
//! It must never panic, hang or allocate without bound on hostile input: every importer works
//! under [`Limits`], and every failure is an [`ImportError`] with a code and a readable reason.
//! It knows nothing about reports; understanding the text is `nianbao-report`'s job.

mod doc;
mod docx;
mod encoding;
mod error;
mod html;
mod limits;
mod pdf;
mod sheet;
mod sniff;
mod text;

use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::{Deserialize, Serialize};

pub use error::ImportError;
pub use limits::Limits;
pub use sheet::{StatFigure, Statistics, cell_number};

use limits::{Deadline, megabytes};
use sniff::Sniffed;

/// What kind of file the bytes turned out to be (by content, not only by extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Text,
    Html,
    Docx,
    /// A PDF's text layer.
    Pdf,
    /// Word 97–2003 binary (.doc, and .wps as WPS writes it).
    Doc,
    /// .xlsx, .xls, .et or .csv: one row a line, cells joined by a tab.
    Spreadsheet,
}

/// A hint from the source's own markup that a line is a heading (Word heading styles, `<h2>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadingHint {
    /// 1-based line in [`ImportedText::text`].
    pub line: usize,
    /// 1 for a title/top heading, 2 for the next level, and so on.
    pub level: u8,
}

/// The result of an import: the text a parser reads, one paragraph per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedText {
    /// Plain text, `\n` line ends, no BOM. For a `.txt` every line of the file is kept so that
    /// line numbers match what the drafter sees in an editor. For .html/.docx, one paragraph
    /// (or table row, cells joined by a tab) per line, no blank lines.
    pub text: String,
    pub format: SourceFormat,
    /// The encoding that was used to decode the bytes (`"UTF-8"`, `"GBK"`, `"UTF-16LE"` ...).
    pub encoding: String,
    pub heading_hints: Vec<HeadingHint>,
}

/// Import a file from disk (format detected by content, the extension only as a hint).
pub fn import_path(path: &std::path::Path) -> Result<ImportedText, ImportError> {
    import_path_with(path, &Limits::DEFAULT)
}

/// [`import_path`] under explicit [`Limits`]; an oversized file is refused before it is read.
pub fn import_path_with(
    path: &std::path::Path,
    limits: &Limits,
) -> Result<ImportedText, ImportError> {
    let bytes = read_file(path, limits)?;
    import_bytes_with(&bytes, path.file_name().and_then(|n| n.to_str()), limits)
}

/// The bytes of the file at `path`, as the importers read it: a FIFO, device, socket or folder
/// is refused (opening a FIFO waits for a writer forever, a device never ends), and a file over
/// `limits.max_file_bytes` is refused before it is read. For callers that keep the bytes (the
/// materials keep a copy of each file) or read them in their own way.
pub fn read_file(path: &std::path::Path, limits: &Limits) -> Result<Vec<u8>, ImportError> {
    // A FIFO, device, socket or folder is refused before it is opened: opening a FIFO waits
    // for a writer forever, and a device never ends. Checked again on the opened file, in case
    // the path was swapped in between.
    let regular = |meta: &std::fs::Metadata| {
        if meta.is_file() {
            Ok(())
        } else {
            Err(ImportError::Io(
                "不是普通文件（目录、管道或设备），已拒绝 (not a regular file)".to_owned(),
            ))
        }
    };
    regular(&std::fs::metadata(path).map_err(|e| ImportError::Io(e.to_string()))?)?;
    let file = open_without_waiting(path).map_err(|e| ImportError::Io(e.to_string()))?;
    let meta = file
        .metadata()
        .map_err(|e| ImportError::Io(e.to_string()))?;
    regular(&meta)?;
    let size = meta.len();
    if size > limits.max_file_bytes {
        return Err(too_large(size, limits));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Io(e.to_string()))?;
    // The file grew after it was measured.
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limits.max_file_bytes {
        return Err(too_large(read, limits));
    }
    Ok(bytes)
}

/// Open a file for reading without waiting for a FIFO's writer: were the path swapped for a
/// FIFO after its metadata was read, the open returns at once and the opened file's metadata
/// refuses it. (Reading a regular file is not changed by `O_NONBLOCK`.)
#[cfg(unix)]
fn open_without_waiting(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Import bytes; `name_hint` is the file name, used only when the content is ambiguous.
pub fn import_bytes(bytes: &[u8], name_hint: Option<&str>) -> Result<ImportedText, ImportError> {
    import_bytes_with(bytes, name_hint, &Limits::DEFAULT)
}

/// [`import_bytes`] under explicit [`Limits`].
pub fn import_bytes_with(
    bytes: &[u8],
    name_hint: Option<&str>,
    limits: &Limits,
) -> Result<ImportedText, ImportError> {
    // A bug in a parser must cost the drafter one file, not the whole app.
    catch_unwind(AssertUnwindSafe(|| dispatch(bytes, name_hint, limits)))
        .unwrap_or(Err(ImportError::Internal))
}

fn dispatch(
    bytes: &[u8],
    name_hint: Option<&str>,
    limits: &Limits,
) -> Result<ImportedText, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limits.max_file_bytes {
        return Err(too_large(size, limits));
    }
    let deadline = Deadline::after(limits.max_duration);
    let imported = match sniff::sniff(bytes, name_hint) {
        Sniffed::Zip if sheet::is_workbook_zip(bytes) => {
            sheet::import(bytes, sheet::Kind::Xlsx, limits, &deadline)
        }
        Sniffed::Zip => docx::import(bytes, limits, &deadline),
        Sniffed::Pdf => pdf::import(bytes, &deadline),
        Sniffed::Compound => match doc::container(bytes)? {
            doc::Container::Word => doc::import_word(bytes, &deadline),
            doc::Container::Workbook => sheet::import(bytes, sheet::Kind::Xls, limits, &deadline),
            doc::Container::Encrypted => Err(ImportError::Encrypted),
            doc::Container::Other if name_hint.is_some_and(sniff::has_wps_extension) => {
                Err(ImportError::OldWps)
            }
            doc::Container::Other => Err(ImportError::Unsupported("这种 Office 复合文档")),
        },
        Sniffed::OldWps => Err(ImportError::OldWps),
        Sniffed::Text if name_hint.is_some_and(sniff::has_csv_extension) => {
            sheet::import(bytes, sheet::Kind::Csv, limits, &deadline)
        }
        Sniffed::Html => html::import(bytes, &deadline),
        Sniffed::Unsupported(what) => Err(ImportError::Unsupported(what)),
        Sniffed::Text => text::import_with(bytes, limits).map_err(|e| match e {
            ImportError::NotText if name_hint.is_some_and(sniff::has_docx_extension) => {
                ImportError::NotDocx(
                    "扩展名是 .docx，但内容不是 ZIP 压缩包 (named .docx, but not a zip)".into(),
                )
            }
            other => other,
        }),
    }?;
    // Every format, whatever it expanded from, is held to the same text limit after import.
    limits::check_text(&imported.text, limits)?;
    Ok(imported)
}

/// Read a department's statistics spreadsheet (.xlsx, .xls, .et, .csv in any Chinese encoding)
/// as named figures, each with the cell it came from. Anything else is `NoStatistics` or the
/// reason it could not be read.
pub fn read_statistics(bytes: &[u8], name_hint: Option<&str>) -> Result<Statistics, ImportError> {
    read_statistics_with(bytes, name_hint, &Limits::DEFAULT)
}

/// [`read_statistics`] under explicit [`Limits`].
pub fn read_statistics_with(
    bytes: &[u8],
    name_hint: Option<&str>,
    limits: &Limits,
) -> Result<Statistics, ImportError> {
    catch_unwind(AssertUnwindSafe(|| {
        if bytes.is_empty() {
            return Err(ImportError::Empty);
        }
        let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        if size > limits.max_file_bytes {
            return Err(too_large(size, limits));
        }
        let deadline = Deadline::after(limits.max_duration);
        let kind = match sniff::sniff(bytes, name_hint) {
            Sniffed::Zip if sheet::is_workbook_zip(bytes) => sheet::Kind::Xlsx,
            Sniffed::Compound if doc::container(bytes)? == doc::Container::Workbook => {
                sheet::Kind::Xls
            }
            Sniffed::Compound if doc::container(bytes)? == doc::Container::Encrypted => {
                return Err(ImportError::Encrypted);
            }
            Sniffed::Text => sheet::Kind::Csv,
            _ => return Err(ImportError::NoStatistics),
        };
        sheet::statistics(bytes, kind, limits, &deadline)
    }))
    .unwrap_or(Err(ImportError::Internal))
}

fn too_large(size: u64, limits: &Limits) -> ImportError {
    ImportError::TooLarge {
        size_mb: megabytes(size),
        limit_mb: megabytes(limits.max_file_bytes),
    }
}

/// Entry points for the fuzz targets: one importer each, without the panic guard, so that a
/// panic is a finding rather than an `Internal` error.
#[doc(hidden)]
pub mod fuzzing {
    use super::*;

    pub fn text(bytes: &[u8]) -> Result<ImportedText, ImportError> {
        text::import(bytes)
    }

    pub fn html(bytes: &[u8]) -> Result<ImportedText, ImportError> {
        html::import(bytes, &Deadline::after(Limits::DEFAULT.max_duration))
    }

    /// The .docx XML readers (styles, numbering, document body) on raw XML: zip CRCs stop a
    /// byte-flipping fuzzer long before the XML, so the XML gets its own way in.
    pub fn docx_xml(xml: &[u8]) -> Result<usize, ImportError> {
        docx::read_parts_xml(xml, &Deadline::after(Limits::DEFAULT.max_duration))
    }

    pub fn pdf(bytes: &[u8]) -> Result<ImportedText, ImportError> {
        pdf::import(bytes, &Deadline::after(Limits::DEFAULT.max_duration))
    }

    /// A compound file as `.doc` (the container and the piece table).
    pub fn doc(bytes: &[u8]) -> Result<ImportedText, ImportError> {
        doc::import_word(bytes, &Deadline::after(Limits::DEFAULT.max_duration))
    }

    /// The Word-binary reader on raw streams (the first half is read as the WordDocument
    /// stream, the rest as the table stream), past the compound file's own checks.
    pub fn doc_streams(bytes: &[u8]) -> Result<usize, ImportError> {
        let (word, table) = bytes.split_at(bytes.len() / 2);
        doc::read_word_streams(word, table, &Deadline::after(Limits::DEFAULT.max_duration))
    }

    /// Spreadsheets and CSV as statistics.
    pub fn statistics(bytes: &[u8]) -> Result<Statistics, ImportError> {
        let deadline = Deadline::after(Limits::DEFAULT.max_duration);
        let kind = if bytes.starts_with(b"PK") {
            sheet::Kind::Xlsx
        } else if bytes.starts_with(&doc::CFB_MAGIC) {
            sheet::Kind::Xls
        } else {
            sheet::Kind::Csv
        };
        sheet::statistics(bytes, kind, &Limits::DEFAULT, &deadline)
    }

    pub fn docx(bytes: &[u8]) -> Result<ImportedText, ImportError> {
        docx::import(
            bytes,
            &Limits::DEFAULT,
            &Deadline::after(Limits::DEFAULT.max_duration),
        )
    }
}

/// Lines and their heading levels, as HTML and .docx importers collect them, into the public
/// shape: non-empty lines joined by `\n`, hints pointing at 1-based line numbers.
pub(crate) fn assemble(
    lines: Vec<(String, Option<u8>)>,
    format: SourceFormat,
    encoding: &str,
) -> Result<ImportedText, ImportError> {
    let mut text = String::new();
    let mut heading_hints = Vec::new();
    let mut line_no = 0;
    for (line, level) in lines {
        for (i, part) in line.split('\n').enumerate() {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            if line_no > 0 {
                text.push('\n');
            }
            text.push_str(part);
            line_no += 1;
            if let (0, Some(level)) = (i, level) {
                heading_hints.push(HeadingHint {
                    line: line_no,
                    level,
                });
            }
        }
    }
    if text.is_empty() {
        return Err(ImportError::NoText);
    }
    Ok(ImportedText {
        text,
        format,
        encoding: encoding.to_owned(),
        heading_hints,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_fifo_opens_without_waiting_and_its_metadata_refuses_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("管道");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        // No writer ever comes: a plain open would wait here forever.
        let file = open_without_waiting(&fifo).expect("opens at once");
        assert!(!file.metadata().expect("metadata").is_file());
        let dir_file = dir.path().join("a.txt");
        std::fs::write(&dir_file, "示例市").expect("write");
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut open_without_waiting(&dir_file).expect("open"),
            &mut text,
        )
        .expect("a regular file reads as usual");
        assert_eq!(text, "示例市");
    }

    #[test]
    fn empty_bytes_are_refused() {
        let err = import_bytes(b"", Some("a.txt")).expect_err("nothing to import");
        assert_eq!(
            err.code(),
            "import.empty",
            "an empty file has its own reason"
        );
    }

    #[test]
    fn oversized_bytes_are_refused_before_parsing() {
        let limits = Limits {
            max_file_bytes: 10,
            ..Limits::DEFAULT
        };
        let err = import_bytes_with("示例市法治政府建设报告".as_bytes(), None, &limits)
            .expect_err("too big");
        assert_eq!(
            err.code(),
            "import.too_large",
            "the size limit is checked first"
        );
    }

    #[test]
    fn assemble_drops_blank_lines_and_numbers_hints() {
        let t = assemble(
            vec![
                ("示例市报告".into(), Some(1)),
                ("  ".into(), None),
                ("一、总体情况".into(), Some(2)),
                ("正文。\n第二行".into(), None),
            ],
            SourceFormat::Docx,
            "UTF-8",
        )
        .expect("has text");
        assert_eq!(
            t.text, "示例市报告\n一、总体情况\n正文。\n第二行",
            "blank lines go"
        );
        assert_eq!(
            t.heading_hints,
            vec![
                HeadingHint { line: 1, level: 1 },
                HeadingHint { line: 2, level: 2 }
            ],
            "hints follow the kept lines"
        );
    }

    #[test]
    fn assemble_without_text_is_no_text() {
        let err =
            assemble(vec![(" ".into(), None)], SourceFormat::Html, "UTF-8").expect_err("blank");
        assert_eq!(err.code(), "import.no_text");
    }

    #[test]
    fn missing_file_is_an_io_error() {
        let err =
            import_path(std::path::Path::new("/nonexistent/示例.txt")).expect_err("no such file");
        assert_eq!(
            err.code(),
            "import.io",
            "a missing file is an I/O problem, not a format one"
        );
    }
}
