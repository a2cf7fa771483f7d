//! Compound files (OLE2, the container of Word 97–2003 `.doc`, WPS `.wps`, Excel `.xls` and WPS
//! `.et`, and of password-protected Office files). A Word-binary document is read through its
//! piece table (see [`word`]); a spreadsheet goes to [`crate::sheet`]; anything else is refused
//! with what the drafter can do.
//! It must never read a stream without bound: every stream is read through `take` with the size
//! of the file as its ceiling (a stream cannot hold more than the file it is in).

mod word;

use std::io::{Cursor, Read};

use cfb::CompoundFile;

use crate::limits::Deadline;
use crate::{ImportError, ImportedText, SourceFormat, assemble};

pub(crate) const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What a compound file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    Word,
    Workbook,
    /// An Office file saved with a password (its content is an encrypted package).
    Encrypted,
    Other,
}

type Cfb<'a> = CompoundFile<Cursor<&'a [u8]>>;

fn open(bytes: &[u8]) -> Result<Cfb<'_>, ImportError> {
    CompoundFile::open(Cursor::new(bytes)).map_err(|e| {
        ImportError::CorruptDoc(format!("复合文档已损坏 (damaged compound file): {e}"))
    })
}

pub(crate) fn container(bytes: &[u8]) -> Result<Container, ImportError> {
    let cfb = open(bytes)?;
    Ok(if cfb.exists("/WordDocument") {
        Container::Word
    } else if cfb.exists("/EncryptedPackage") || cfb.exists("/EncryptionInfo") {
        Container::Encrypted
    } else if cfb.exists("/Workbook") || cfb.exists("/Book") {
        Container::Workbook
    } else {
        Container::Other
    })
}

fn read_stream(cfb: &mut Cfb<'_>, name: &str, ceiling: usize) -> Result<Vec<u8>, ImportError> {
    let stream = cfb.open_stream(name).map_err(|e| {
        ImportError::CorruptDoc(format!("缺少 {name} 流 (missing stream {name}): {e}"))
    })?;
    let mut out = Vec::new();
    stream
        .take(u64::try_from(ceiling).unwrap_or(u64::MAX))
        .read_to_end(&mut out)
        .map_err(|e| ImportError::CorruptDoc(format!("读取 {name} 失败 (reading {name}): {e}")))?;
    Ok(out)
}

/// A Word-binary document (Word 97–2003, or WPS in Word's format) → text.
pub(crate) fn import_word(bytes: &[u8], deadline: &Deadline) -> Result<ImportedText, ImportError> {
    let mut cfb = open(bytes)?;
    let word = read_stream(&mut cfb, "/WordDocument", bytes.len())?;
    let fib = word::Fib::parse(&word)?;
    if fib.encrypted {
        return Err(ImportError::Encrypted);
    }
    deadline.check()?;
    let table = read_stream(&mut cfb, &format!("/{}", fib.table_stream), bytes.len())?;
    let text = word::read(&word, &table, &fib, deadline)?;
    deadline.check()?;
    assemble(word::paragraphs(&text), SourceFormat::Doc, "UTF-16LE")
}

/// Raw Word streams → paragraph count, for fuzzing the piece-table reader without the
/// container around it (CFB's own checks would stop most mutations early).
pub(crate) fn read_word_streams(
    word: &[u8],
    table: &[u8],
    deadline: &Deadline,
) -> Result<usize, ImportError> {
    let fib = word::Fib::parse(word)?;
    let text = word::read(word, table, &fib, deadline)?;
    Ok(word::paragraphs(&text).len())
}
