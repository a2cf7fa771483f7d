//! The section templates and the skeleton as rendered (snapshots), and the override folder.

use nianbao_draft::{SectionContext, SkeletonContext, Templates, template_name};
use nianbao_report::SectionKind;

fn ctx(kind: SectionKind) -> SectionContext {
    let level = if matches!(
        kind,
        SectionKind::Problems | SectionKind::NextYear | SectionKind::Other
    ) {
        1
    } else {
        2
    };
    let mut ctx = SectionContext {
        year: 2024,
        government: Some("示例市人民政府".into()),
        number: if level == 1 {
            "四、".into()
        } else {
            "（三）".into()
        },
        level,
        ..SectionContext::default()
    };
    ctx.figures.insert("行政复议·受理".into(), 186.0);
    ctx.figures
        .insert("行政应诉·负责人出庭应诉率".into(), 100.0);
    ctx
}

#[test]
fn every_section_template_renders_as_reviewed() {
    let templates = Templates::load(None).expect("templates");
    for kind in SectionKind::ALL {
        let text = templates.render_section(kind, &ctx(kind)).expect("renders");
        assert!(
            text.lines()
                .next()
                .is_some_and(|h| h.starts_with(&ctx(kind).number)),
            "{kind:?}: heading first, numbered"
        );
        assert!(
            text.contains("【写作提示"),
            "{kind:?}: guidance is a visible mark"
        );
        insta::assert_snapshot!(format!("section_{}", kind.key()), text);
    }
    let first = SectionContext {
        level: 1,
        number: "三、".into(),
        ..ctx(SectionKind::Organization)
    };
    insta::assert_snapshot!(
        "section_organization_first_responsible",
        templates
            .render_section(SectionKind::Organization, &first)
            .expect("renders")
    );
}

#[test]
fn skeleton_renders_as_reviewed() {
    let templates = Templates::load(None).expect("templates");
    let ctx = SkeletonContext {
        year: 2024,
        government: Some("示例市人民政府".into()),
        doc_number: Some("示政发〔2025〕【＿】号".into()),
        addressee: Some("示例省人民政府".into()),
        figures: Default::default(),
    };
    insta::assert_snapshot!(
        "skeleton",
        templates.render_skeleton(&ctx, None).expect("renders")
    );
}

#[test]
fn a_template_in_the_override_folder_replaces_the_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = template_name(SectionKind::Disputes);
    let path = dir.path().join(&name);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, "{{ number }}本单位自定的纠纷化解写法（{{ year }}年）\n受理{{ figure(m=\"行政复议·受理\", label=\"受理件数\") }}件。").expect("write");
    let templates = Templates::load(Some(dir.path())).expect("override loads");
    assert_eq!(
        templates.overridden(),
        [name.as_str()],
        "only the file present is replaced"
    );
    let text = templates
        .render_section(SectionKind::Disputes, &ctx(SectionKind::Disputes))
        .expect("renders");
    assert_eq!(
        text, "（三）本单位自定的纠纷化解写法（2024年）\n受理186件。",
        "the office's own template is used"
    );
    let other = templates
        .render_section(SectionKind::Rules, &ctx(SectionKind::Rules))
        .expect("renders");
    assert!(other.contains("规范性文件"), "other parts keep the default");
}

#[test]
fn a_broken_override_is_a_clear_error_naming_the_template() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("sections")).expect("mkdir");
    std::fs::write(dir.path().join("sections/rules.md"), "{{ number ").expect("write");
    let err = Templates::load(Some(dir.path())).expect_err("broken template is refused");
    assert_eq!(err.code(), "draft.template");
    assert!(
        err.to_string().contains("sections/rules.md"),
        "names the file: {err}"
    );
}
