//! Budget of issue #16: importing 40 department files ≤ 2 s — the whole use case the window
//! runs (`Desk::import_materials`): each file read, its department found, its paragraphs
//! classified, their figures named, its statistics named, and everything stored in a library
//! (a fresh one in a temporary folder for every run, so nothing is "already present").
//!
//! The 40 files are invented at bench time, about 3,000 characters each: 16 .docx (half with a
//! statistics table inside), 8 .txt with a tab-separated table, 8 .pdf and 4 .xlsx statistics
//! tables (LibreOffice converts a .txt / .csv; without `soffice` they are .txt / .csv), 4 .txt.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use divan::{Bencher, black_box};
use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
use nianbao_desk::Desk;

#[path = "../../nianbao-materials/benches/support/submissions.rs"]
mod submissions;
use submissions::submission;

/// The folder of the 40 submissions, made once before divan runs (what is said about it is
/// said before divan's table, so the table stays one row per bench).
static FOLDER: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();

fn main() {
    let fixtures = tempfile::tempdir().expect("tmp");
    let folder = submissions(fixtures.path());
    nianbao_report::segment::warm_up();
    // One run outside the measure: every file must be imported, none refused.
    let (tmp, desk, draft) = fresh_library();
    let batch = desk
        .import_materials(
            draft,
            std::slice::from_ref(&folder),
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .expect("import");
    assert_eq!(batch.imported.len(), 40, "errors: {:#?}", batch.errors);
    let paragraphs: usize = batch.imported.iter().map(|m| m.paragraphs).sum();
    let statistics: usize = batch.imported.iter().map(|m| m.statistics).sum();
    eprintln!("imported 40 files: {paragraphs} paragraphs, {statistics} statistics values");
    drop((tmp, desk));
    FOLDER.get_or_init(|| (fixtures, folder));
    divan::main();
}

const TABLE: [[&str; 3]; 4] = [
    ["指标", "上年", "本年"],
    ["行政复议受理案件（件）", "113", "142"],
    ["人民调解案件（件）", "300", "310"],
    ["普法宣传活动（场）", "10", "12"],
];

fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
}

fn docx(lines: &[String], table: bool) -> Vec<u8> {
    let mut doc = Docx::new();
    let (signature, body) = lines.split_at(lines.len() - 2);
    for l in signature {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(l)));
    }
    if table {
        let rows = TABLE
            .iter()
            .map(|r| TableRow::new(r.iter().map(|c| cell(c)).collect()))
            .collect();
        doc = doc.add_table(Table::new(rows));
    }
    for l in body {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(l)));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    // Invented text: packing cannot fail on it.
    doc.build().pack(&mut out).expect("pack");
    out.into_inner()
}

fn text_with_table(lines: &[String]) -> String {
    let mut lines = lines.to_vec();
    let at = lines.len() - 2;
    for (i, row) in TABLE.iter().enumerate() {
        lines.insert(at + i, row.join("\t"));
    }
    lines.join("\n")
}

/// LibreOffice converts `inputs` to `target` into `out`; false when it is missing or fails.
fn soffice(work: &Path, out: &Path, target: &str, inputs: &[PathBuf]) -> bool {
    if inputs.is_empty() {
        return true;
    }
    Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            work.join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
        ])
        .arg(out)
        .args(inputs)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The folder of 40 submissions; says which formats it holds.
fn submissions(dir: &Path) -> PathBuf {
    let folder = dir.join("材料");
    let work = dir.join("convert");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::create_dir_all(&work).expect("work");
    let (mut to_pdf, mut to_xlsx) = (Vec::new(), Vec::new());
    for k in 0..40 {
        let lines = submission(k);
        let name = format!("示例市第{k}局");
        let write = |path: PathBuf, bytes: &[u8]| std::fs::write(path, bytes).expect("write");
        match k % 10 {
            0..=3 => write(
                folder.join(format!("{name}.docx")),
                &docx(&lines, k % 2 == 0),
            ),
            4 | 5 => write(
                folder.join(format!("{name}.txt")),
                text_with_table(&lines).as_bytes(),
            ),
            6 | 7 => {
                let src = work.join(format!("{name}.txt"));
                write(src.clone(), lines.join("\n").as_bytes());
                to_pdf.push(src);
            }
            8 => {
                let csv: Vec<String> = TABLE.iter().map(|r| r.join(",")).collect();
                let src = work.join(format!("{name}统计表.csv"));
                write(src.clone(), csv.join("\n").as_bytes());
                to_xlsx.push(src);
            }
            _ => write(
                folder.join(format!("{name}.txt")),
                lines.join("\n").as_bytes(),
            ),
        }
    }
    let converted =
        soffice(&work, &folder, "pdf", &to_pdf) && soffice(&work, &folder, "xlsx", &to_xlsx);
    if !converted {
        eprintln!("LibreOffice (soffice) missing: the .pdf and .xlsx files are .txt and .csv");
        for src in to_pdf.iter().chain(&to_xlsx) {
            let name = src.file_name().expect("named");
            std::fs::copy(src, folder.join(name)).expect("copy");
        }
    }
    let mut formats: Vec<String> = std::fs::read_dir(&folder)
        .expect("folder")
        .flatten()
        .filter_map(|e| {
            e.path()
                .extension()
                .map(|x| x.to_string_lossy().into_owned())
        })
        .collect();
    formats.sort();
    formats.dedup_by(|a, b| a == b);
    eprintln!("40 files in {}: {formats:?}", folder.display());
    folder
}

#[divan::bench(sample_count = 10)]
fn import_40_department_files_into_a_library(bencher: Bencher) {
    let (_, folder) = FOLDER.get().expect("made in main");
    bencher
        .with_inputs(fresh_library)
        .bench_values(|(tmp, desk, draft)| {
            let batch = desk
                .import_materials(
                    draft,
                    std::slice::from_ref(folder),
                    &AtomicBool::new(false),
                    &mut |p| {
                        black_box(p);
                    },
                )
                .map(|b| b.imported.len());
            black_box(batch).ok();
            // The library's folder goes after the measure.
            (tmp, desk)
        });
}

/// A library with the sample reports and a 2024 draft, in its own temporary folder.
fn fresh_library() -> (tempfile::TempDir, Desk, i64) {
    let tmp = tempfile::tempdir().expect("tmp");
    let desk = Desk::in_folder(tmp.path());
    let report = desk.overview().expect("library").reports[0].id;
    let draft = desk.new_draft(report, 2024).expect("draft").id;
    (tmp, desk, draft)
}
