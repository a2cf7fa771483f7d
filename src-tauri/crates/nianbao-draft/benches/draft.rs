//! Draft from last year + .docx export of a 30,000-character report (budget ≤ 50 ms, release).
//! The report is the invented 示例县 fixture with its measures repeated under new headings until
//! it is 30,000 characters long. Run: `cargo bench -p nianbao-draft --bench draft`.

use nianbao_draft::{Format, Templates, draft_from_last, export, numbering};
use nianbao_report::{Report, parse_text};

fn main() {
    divan::main();
}

/// A 30,000-character report in the fixture's style.
fn long_report() -> String {
    let fixture = include_str!("../tests/fixtures/示例县2023年法治政府建设年度报告.txt");
    let lines: Vec<&str> = fixture.lines().collect();
    let head = &lines[..5];
    let measures: Vec<&str> = lines[6..11].iter().map(|l| l.trim()).collect();
    let tail = &lines[11..];
    let mut out: Vec<String> = head.iter().map(|l| (*l).to_owned()).collect();
    let mut n = 0;
    while out.iter().map(|l| l.chars().count()).sum::<usize>() < 30_000 {
        if n % 20 == 0 {
            let part = numbering::level1(n / 20 + 1);
            out.push(format!("  {part}2023年推进法治政府建设的主要举措和成效"));
        }
        let m = measures[n % measures.len()];
        let body = m.split_once('）').map_or(m, |(_, rest)| rest);
        out.push(format!("  {}{body}", numbering::level2(n % 20 + 1)));
        n += 1;
    }
    out.extend(tail.iter().map(|l| (*l).to_owned()));
    out.join("\n")
}

fn setup() -> (Report, Templates) {
    let text = long_report();
    assert!(
        text.chars().count() >= 30_000,
        "the benchmark report is 30,000 characters"
    );
    (parse_text(&text), Templates::load(None).expect("templates"))
}

#[divan::bench]
fn draft_and_export_docx(bencher: divan::Bencher) {
    let (last, templates) = setup();
    bencher.bench_local(|| {
        let draft = draft_from_last(&last, 2024, &templates).expect("draft");
        let report = parse_text(&draft.text);
        export::render(&report, Format::Docx, &templates).expect("docx")
    });
}

#[divan::bench]
fn draft_only(bencher: divan::Bencher) {
    let (last, templates) = setup();
    bencher.bench_local(|| draft_from_last(&last, 2024, &templates).expect("draft"));
}

#[divan::bench]
fn export_docx_only(bencher: divan::Bencher) {
    let (last, templates) = setup();
    let draft = draft_from_last(&last, 2024, &templates).expect("draft");
    let report = parse_text(&draft.text);
    bencher.bench_local(|| export::render(&report, Format::Docx, &templates).expect("docx"));
}
