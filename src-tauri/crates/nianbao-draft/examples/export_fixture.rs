//! Draft the 示例县 fixture for 2024 and export it to every format in a folder, for a person to
//! open and look at (`cargo run -p nianbao-draft --example export_fixture -- OUT_DIR`).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let text = include_str!("../tests/fixtures/示例县2023年法治政府建设年度报告.txt");
    let last = nianbao_report::parse_text(text);
    let templates = nianbao_draft::Templates::load(None)?;
    let draft = nianbao_draft::draft_from_last(&last, 2024, &templates)?;
    let report = nianbao_report::parse_text(&draft.text);
    for ext in ["docx", "md", "html", "txt"] {
        nianbao_draft::export(&report, &out.join(format!("draft.{ext}")), &templates)?;
    }
    let skeleton = templates.render_skeleton(
        &nianbao_draft::SkeletonContext {
            year: 2024,
            government: Some("示例县人民政府".into()),
            ..Default::default()
        },
        None,
    )?;
    nianbao_draft::export(
        &nianbao_report::parse_text(&skeleton),
        &out.join("skeleton.docx"),
        &templates,
    )?;
    Ok(())
}
