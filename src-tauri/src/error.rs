//! Errors at the IPC boundary. Domain crates have their own `thiserror` enums with a `code()`;
//! here they become `{code, message}` so the UI switches on codes and never matches on strings.
//! This module must never invent codes for domain failures: it passes the crate's code through.

pub use nianbao_desk::ErrorCode;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the app itself can fail at, besides the use cases' errors it passes through.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Desk(#[from] nianbao_desk::DeskError),
    #[error("找不到数据文件夹 (no data folder could be found): {0}")]
    DataDir(String),
    #[error("后台任务中断 (a background task stopped): {0}")]
    Task(String),
}

impl AppError {
    /// A stable machine-readable code: the domain crate's own (`import.empty`) or `app.*`.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Desk(e) => e.code(),
            AppError::DataDir(_) => "app.data_dir",
            AppError::Task(_) => "app.task",
        }
    }

    /// [`AppError::code`], typed: one of the closed [`ErrorCode`] set the window matches on.
    pub fn error_code(&self) -> ErrorCode {
        ErrorCode::of(self.code())
    }
}

macro_rules! through_desk {
    ($($error:ty),*) => {$(
        impl From<$error> for AppError {
            fn from(e: $error) -> Self {
                AppError::Desk(e.into())
            }
        }
    )*};
}
through_desk!(
    nianbao_import::ImportError,
    nianbao_store::StoreError,
    nianbao_draft::DraftError,
    nianbao_check::CheckError,
    nianbao_report::ReportError
);

/// An error as the UI receives it from a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message} [{code}]")]
pub struct IpcError {
    /// `crate.reason`, e.g. `import.empty`, `app.data_dir`: the closed set the window matches on.
    pub code: ErrorCode,
    /// A sentence the drafter can read. For an import: Chinese only, with what to do about it;
    /// otherwise Chinese with English in parentheses.
    pub message: String,
    /// The full reason with its technical detail (Chinese and English), for "详情" and for
    /// whoever helps the drafter; absent when the message already says everything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub detail: Option<String>,
}

impl<E: Into<AppError>> From<E> for IpcError {
    fn from(e: E) -> Self {
        let e = e.into();
        let (message, detail) = match &e {
            AppError::Desk(desk) => desk.for_drafter(),
            _ => (e.to_string(), None),
        };
        IpcError {
            code: e.error_code(),
            message,
            detail,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_error_keeps_its_own_code_at_the_boundary() {
        let ipc = IpcError::from(nianbao_import::ImportError::Empty);
        assert_eq!(
            ipc.code, "import.empty",
            "the UI switches on the domain crate's code, so the app must not rename it"
        );
        assert!(
            ipc.message.contains("文件是空的"),
            "the drafter reads the Chinese message: {}",
            ipc.message
        );
    }

    #[test]
    fn an_import_error_keeps_its_technical_detail_out_of_the_message() {
        let ipc = IpcError::from(nianbao_import::ImportError::CorruptZip(
            "corrupt deflate stream".into(),
        ));
        assert_eq!(ipc.code, "import.corrupt_zip");
        assert!(
            !ipc.message.contains("deflate") && ipc.message.contains("另存为 .docx"),
            "Chinese, with what to do: {}",
            ipc.message
        );
        assert!(
            ipc.detail
                .as_deref()
                .is_some_and(|d| d.contains("corrupt deflate stream")),
            "the detail is still there for 详情: {:?}",
            ipc.detail
        );
    }

    #[test]
    fn app_errors_are_namespaced_app() {
        let ipc = IpcError::from(AppError::DataDir("none".into()));
        assert_eq!(
            ipc.code, "app.data_dir",
            "app-level failures use the app. prefix"
        );
    }
}
