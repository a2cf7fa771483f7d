//! Atomic file writes: the bytes go to a temporary file in the target's folder, which is then
//! renamed over the target. An existing file is replaced only when the whole write succeeded;
//! a failure leaves it as it was and removes the temporary file.

use std::io::Write;
use std::path::Path;

use crate::error::DraftError;

pub fn write(path: &Path, bytes: &[u8]) -> Result<(), DraftError> {
    let fail = |reason: String| DraftError::Write {
        path: path.to_owned(),
        reason,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(fail("这是一个文件夹 (the path is a folder)".into()));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".nianbao-").suffix(".tmp");
    // tempfile makes owner-only (0600) files; an exported report is an ordinary document that
    // colleagues may need to read: 0666 less the umask, like any file the drafter saves.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| {
        fail(format!(
            "无法在该文件夹创建文件 (cannot create a file there): {e}"
        ))
    })?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| fail(format!("写入失败 (write failed): {e}")))?;
    tmp.persist(path).map_err(|e| {
        fail(format!(
            "无法替换目标文件 (cannot replace the file): {}",
            e.error
        ))
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_replaces_an_existing_file_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("报告.md");
        std::fs::write(&path, "旧").expect("seed");
        write(&path, "新的内容".as_bytes()).expect("write succeeds");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "新的内容");
        let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn written_file_has_the_usual_permissions_not_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let status = std::fs::read_to_string("/proc/self/status").expect("proc status");
        let umask = status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .map(|m| u32::from_str_radix(m.trim(), 8).expect("octal umask"))
            .expect("Umask line");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("报告.docx");
        write(&path, b"x").expect("write succeeds");
        let mode = std::fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
        assert_eq!(
            mode,
            0o666 & !umask,
            "an export is created like any saved file (0666 less the umask), not 0600 like a temporary file"
        );
    }

    #[test]
    fn unwritable_folder_is_a_clear_error_and_keeps_nothing() {
        let err = write(Path::new("/nonexistent-folder/报告.docx"), b"x").expect_err("must fail");
        assert_eq!(err.code(), "draft.write");
        assert!(
            err.to_string().contains("无法写入"),
            "Chinese message: {err}"
        );
    }
}
