//! Budgets of issue #16: classifying 300 paragraphs ≤ 50 ms (alone and as one file in order);
//! reading 40 department files (each read, its department found, its paragraphs classified and
//! their figures named; half .docx, half .txt, invented, about 3,000 characters each) — the
//! reading part of "importing 40 department files ≤ 2 s". The whole import (mixed .docx, .txt,
//! .pdf, .xlsx with statistics, stored in a library) is nianbao-desk's `import_materials` bench.

use divan::{Bencher, black_box};
use docx_rs::{Docx, Paragraph, Run};
use nianbao_materials::{Classifier, read_material_bytes};
use nianbao_report::ReportParser;

fn main() {
    divan::main();
}

const SENTENCES: &[&str] = &[
    "全年办理行政复议案件{n}件，行政机关负责人出庭应诉率100%，调解矛盾纠纷{m}起。",
    "开展“八五”普法宣传活动{n}场，落实“谁执法谁普法”责任制，受众{m}人次。",
    "全面落实行政执法三项制度，开展执法案卷评查{n}次，规范行政处罚{m}件。",
    "深化“放管服”改革，优化营商环境，全年办理行政许可{n}件，压减审批时限{m}%。",
    "严格落实重大行政决策程序，组织合法性审查{n}件，法律顾问参与{m}次。",
    "主要负责人切实履行推进法治建设第一责任人职责，召开专题会议{n}次。",
    "一是基层执法力量仍然薄弱，二是法治宣传的针对性还不够强。",
    "下一步，我局将继续深化法治政府建设，提升依法行政水平。",
];

fn paragraph(i: usize) -> String {
    SENTENCES[i % SENTENCES.len()]
        .replace("{n}", &(10 + i * 7 % 300).to_string())
        .replace("{m}", &(5 + i * 13 % 500).to_string())
}

fn submission(k: usize) -> Vec<String> {
    let mut lines = vec![format!("示例市第{k}局2024年法治政府建设情况报告")];
    for (h, head) in ["一、主要工作", "二、存在的不足", "三、下一步打算"]
        .iter()
        .enumerate()
    {
        lines.push((*head).to_owned());
        for j in 0..12 {
            lines.push(format!(
                "{}{}",
                paragraph(k + h * 12 + j),
                paragraph(k + j + 3)
            ));
        }
    }
    lines.push(format!("示例市第{k}局"));
    lines.push("2025年1月6日".to_owned());
    lines
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
