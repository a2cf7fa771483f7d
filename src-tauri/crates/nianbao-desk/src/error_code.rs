//! The app's error codes as one closed set ([`ErrorCode`]), exported to TypeScript like the
//! finding codes: the window matches on the type, never on a string it made up.
//!
//! Each domain crate's error keeps its own `code()` (`import.scanned_pdf`, `store.busy`, …); this
//! list is where they meet. A new error variant adds one line to `error_codes!` below; the test
//! `tests/error_codes.rs` reads every `fn code(&self)` in the workspace and fails, naming the line
//! to add, when a code is emitted that the list does not hold (or the list holds one no longer
//! emitted).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Declares [`ErrorCode`]: each variant with its JSON string.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $text:literal;)*) => {
        /// Why a command failed, as `crate.reason` (`import.empty`, `store.busy`). Serialised as
        /// its string; the window receives the same strings, typed.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
        )]
        pub enum ErrorCode {
            $($(#[doc = $doc])* #[serde(rename = $text)] $variant,)*
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The code as the crates write it (`import.empty`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $text,)*
                }
            }
        }
    };
}

error_codes! {
    // nianbao-import
    ImportEmpty = "import.empty";
    ImportIo = "import.io";
    ImportTooLarge = "import.too_large";
    ImportNotText = "import.not_text";
    ImportUnknownEncoding = "import.unknown_encoding";
    ImportUnsupported = "import.unsupported";
    ImportCorruptZip = "import.corrupt_zip";
    ImportNotDocx = "import.not_docx";
    ImportEncrypted = "import.encrypted";
    ImportZipBomb = "import.zip_bomb";
    ImportMalformedXml = "import.malformed_xml";
    ImportTimeout = "import.timeout";
    ImportNoText = "import.no_text";
    ImportTooDeep = "import.too_deep";
    ImportInternal = "import.internal";
    ImportTooMuchText = "import.too_much_text";
    ImportTooComplex = "import.too_complex";
    ImportScannedPdf = "import.scanned_pdf";
    ImportCorruptPdf = "import.corrupt_pdf";
    ImportCorruptDoc = "import.corrupt_doc";
    ImportOldWps = "import.old_wps";
    ImportCorruptSheet = "import.corrupt_sheet";
    ImportNoStatistics = "import.no_statistics";
    // nianbao-store
    StoreOpen = "store.open";
    StoreDataDir = "store.data_dir";
    StoreNoDataDir = "store.no_data_dir";
    StoreMigration = "store.migration";
    StoreSqlite = "store.sqlite";
    StoreNotFound = "store.not_found";
    StoreCorrupt = "store.corrupt";
    StoreBusy = "store.busy";
    StoreDiskFull = "store.disk_full";
    StoreReadOnly = "store.read_only";
    StoreNewerVersion = "store.newer_version";
    StoreNotAFile = "store.not_a_file";
    StoreDamaged = "store.damaged";
    StoreBackup = "store.backup";
    // nianbao-draft
    DraftTemplate = "draft.template";
    DraftTemplateDir = "draft.template_dir";
    DraftUnsupportedFormat = "draft.unsupported_format";
    DraftWrite = "draft.write";
    DraftDocx = "draft.docx";
    DraftInvalidYear = "draft.invalid_year";
    DraftYearNotAfter = "draft.year_not_after";
    DraftUnknownVersion = "draft.unknown_version";
    DraftDeliveryIncomplete = "draft.delivery_incomplete";
    DraftMarksLeft = "draft.marks_left";
    // nianbao-check
    CheckBadRuleFile = "check.bad_rule_file";
    CheckBadPattern = "check.bad_pattern";
    // nianbao-report
    ReportLexicon = "report.lexicon";
    // nianbao-desk (the use cases) and the app shell
    AppNoSection = "app.no_section";
    AppUnknownKind = "app.unknown_kind";
    AppIo = "app.io";
    AppStatisticsTable = "app.statistics_table";
    AppDataDir = "app.data_dir";
    AppTask = "app.task";
    /// Last year's report names no government or year: a link has nowhere to be kept.
    AppNoLinkScope = "app.no_link_scope";
    /// A code no crate lists here (a bug: tests/error_codes.rs keeps the list whole).
    AppUnlisted = "app.unlisted";
    /// The window's own: a failure that was no command's error (a thrown exception).
    UiUnexpected = "ui.unexpected";
    /// The window's own: a statistics table dropped where a report was expected.
    UiStatisticsTable = "ui.statistics_table";
}

impl ErrorCode {
    /// The code for a crate's `code()` string; [`ErrorCode::AppUnlisted`] for one this list lacks
    /// (the test of this crate fails first).
    pub fn of(code: &str) -> ErrorCode {
        code.parse().unwrap_or(ErrorCode::AppUnlisted)
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Tests compare with the crates' strings (`ipc.code == "import.empty"`).
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::str::FromStr for ErrorCode {
    type Err = String;

    /// A code from its string; the error names the unknown string.
    fn from_str(s: &str) -> Result<ErrorCode, String> {
        ErrorCode::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| format!("unknown error code {s}"))
    }
}

impl crate::DeskError {
    /// [`crate::DeskError::code`], typed.
    pub fn error_code(&self) -> ErrorCode {
        ErrorCode::of(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_keeps_its_string_and_reads_back() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_value(code).unwrap_or_default();
            assert_eq!(json, code.as_str());
            assert_eq!(ErrorCode::of(code.as_str()), *code);
            let (family, reason) = code.as_str().split_once('.').unwrap_or_default();
            assert!(
                !family.is_empty() && !reason.is_empty(),
                "{code} is crate.reason"
            );
        }
        assert_eq!(ErrorCode::of("import.nonsense"), ErrorCode::AppUnlisted);
    }

    #[test]
    fn a_desk_error_names_its_typed_code() {
        let e = crate::DeskError::from(nianbao_store::StoreError::Busy);
        assert_eq!(e.error_code(), ErrorCode::StoreBusy);
        let e = crate::DeskError::from(nianbao_import::ImportError::ScannedPdf);
        assert_eq!(e.error_code(), ErrorCode::ImportScannedPdf);
    }
}
