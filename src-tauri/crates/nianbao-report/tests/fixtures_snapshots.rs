//! Snapshots of the outline and figures of our own invented reports (tests/fixtures: 示例市 and
//! 示例县, written for this project in the style of real reports). Review a changed .snap as a
//! drafter would: is every heading, kind, figure and metric name right?

mod common;

use nianbao_report::{Report, Section, parse_text};

fn render_outline(report: &Report) -> String {
    fn walk(sections: &[Section], depth: usize, out: &mut String) {
        for s in sections {
            out.push_str(&format!(
                "{}{}{} [{}] L{}-{}\n",
                "  ".repeat(depth),
                if s.number.is_empty() {
                    "〇"
                } else {
                    &s.number
                },
                s.heading,
                s.kind.key(),
                s.line,
                s.end_line
            ));
            walk(&s.children, depth + 1, out);
        }
    }
    let m = &report.meta;
    let mut out = format!(
        "title: {:?}\ngovernment: {:?}\nyear: {:?}\ndoc_number: {:?}\naddressee: {:?}\ndate: {:?}\nbody_start: {}\n\n",
        m.title, m.government, m.year, m.doc_number, m.addressee, m.date, report.body_start
    );
    walk(&report.sections, 0, &mut out);
    out
}

fn render_figures(report: &Report) -> String {
    report
        .figures
        .iter()
        .map(|f| {
            format!(
                "L{} {} = {}{}{} «{}» [{}]\n",
                f.line,
                f.metric,
                f.value,
                f.unit,
                if f.approx { " (约)" } else { "" },
                f.raw,
                f.section.key()
            )
        })
        .collect()
}

fn check(name: &str) {
    let report = parse_text(&common::fixture(&format!("{name}.txt")));
    insta::assert_snapshot!(format!("{name}_outline"), render_outline(&report));
    insta::assert_snapshot!(format!("{name}_figures"), render_figures(&report));
}

#[test]
fn plain_report_outline_and_figures() {
    check("plain_2023");
}

#[test]
fn portal_copy_with_half_width_numbering_and_run_in_headings() {
    check("portal_2024");
}

#[test]
fn pre_2019_report_without_a_shortcomings_part() {
    check("pre2019_2017");
}
