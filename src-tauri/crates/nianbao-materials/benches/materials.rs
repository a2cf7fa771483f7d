//! Budgets of issue #16: classifying 300 paragraphs ≤ 50 ms (alone and as one file in order);
//! reading 40 department files (each read, its department found, its paragraphs classified and
//! their figures named; half .docx, half .txt, invented, about 3,000 characters each) — the
//! reading part of "importing 40 department files ≤ 2 s". The whole import (mixed .docx, .txt,
//! .pdf, .xlsx with statistics, stored in a library) is nianbao-desk's `import_materials` bench.

use divan::{Bencher, black_box};
use docx_rs::{Docx, Paragraph, Run};
use nianbao_materials::{Classifier, read_material_bytes};
use nianbao_report::ReportParser;

#[path = "support/submissions.rs"]
mod submissions;
use submissions::{paragraph, submission};

fn main() {
    divan::main();
}

fn docx(lines: &[String]) -> Vec<u8> {
    let mut doc = Docx::new();
    for l in lines {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(l)));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    // Invented text: packing cannot fail on it.
    doc.build().pack(&mut out).expect("pack");
    out.into_inner()
}

#[divan::bench]
fn classify_300_paragraphs(bencher: Bencher) {
    let paragraphs: Vec<String> = (0..300).map(paragraph).collect();
    let c = Classifier::builtin();
    for p in &paragraphs {
        black_box(c.classify(p));
    }
    bencher.bench(|| {
        for p in &paragraphs {
            black_box(c.classify(p));
        }
    });
}

/// The same 300 paragraphs as one file read in order (how the materials import reads a file).
#[divan::bench]
fn classify_300_paragraphs_in_sequence(bencher: Bencher) {
    let paragraphs: Vec<String> = (0..300).map(paragraph).collect();
    let items: Vec<(&str, Option<nianbao_report::SectionKind>)> =
        paragraphs.iter().map(|p| (p.as_str(), None)).collect();
    let c = Classifier::builtin();
    black_box(c.classify_sequence(&items, Some(2024)));
    bencher.bench(|| black_box(c.classify_sequence(&items, Some(2024))));
}

#[divan::bench(sample_count = 10)]
fn read_40_department_files(bencher: Bencher) {
    let files: Vec<(String, Vec<u8>)> = (0..40)
        .map(|k| {
            let lines = submission(k);
            if k % 2 == 0 {
                (format!("第{k}局.docx"), docx(&lines))
            } else {
                (format!("第{k}局.txt"), lines.join("\n").into_bytes())
            }
        })
        .collect();
    let parser = ReportParser::builtin();
    nianbao_report::segment::warm_up();
    bencher.bench(|| {
        for (name, bytes) in &files {
            black_box(read_material_bytes(bytes, name, parser, &[]).map(|m| m.paragraphs.len()))
                .ok();
        }
    });
}
