//! Heading levels of a document's paragraph styles (`word/styles.xml`): an explicit
//! `w:outlineLvl`, a heading-like name from `data/docx_styles.toml`, or inherited via `w:basedOn`;
//! and the list numbering a style attaches (heading styles often carry "一、" as numbering).
//! It must never fail an import: a broken styles part means "no style hints", not an error.

use std::collections::HashMap;
use std::sync::OnceLock;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use serde::Deserialize;

use crate::ImportError;
use crate::limits::Deadline;

/// Style id → heading level (1-based).
pub(crate) type StyleLevels = HashMap<String, u8>;

/// A paragraph's place in a numbered list (`w:numPr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumRef {
    pub num_id: String,
    pub ilvl: u8,
}

/// What the document's styles say about headings and numbering.
#[derive(Debug, Default)]
pub(crate) struct StyleSheet {
    pub levels: StyleLevels,
    pub numbering: HashMap<String, NumRef>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct HeadingStyleNames {
    heading_prefixes: Vec<String>,
    title_names: Vec<String>,
}

const DEFAULT_TOML: &str = include_str!("../../data/docx_styles.toml");

fn names() -> &'static HeadingStyleNames {
    static NAMES: OnceLock<HeadingStyleNames> = OnceLock::new();
    NAMES.get_or_init(|| toml::from_str(DEFAULT_TOML).unwrap_or_default())
}

/// The level a style name or id implies: "heading 2" → 2, "标题 1" → 1, "Title" → 1.
pub(crate) fn level_from_name(name: &str) -> Option<u8> {
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let names = names();
    if names.title_names.contains(&key) {
        return Some(1);
    }
    names.heading_prefixes.iter().find_map(|prefix| {
        let digits = key.strip_prefix(prefix.as_str())?;
        let level: u8 = digits.parse().ok()?;
        (1..=9).contains(&level).then_some(level)
    })
}

/// Outline level attribute (`w:val` 0–8 → 1–9; 9 means body text).
pub(crate) fn outline_level(val: &str) -> Option<u8> {
    let v: u8 = val.trim().parse().ok()?;
    (v <= 8).then_some(v + 1)
}

#[derive(Debug, Default)]
struct StyleInfo {
    id: String,
    name: Option<String>,
    based_on: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

pub(crate) fn style_sheet(xml: &[u8], deadline: &Deadline) -> Result<StyleSheet, ImportError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut styles: Vec<StyleInfo> = Vec::new();
    let mut current: Option<StyleInfo> = None;
    let mut steps = 0usize;
    loop {
        steps += 1;
        if steps.is_multiple_of(4096) {
            deadline.check()?;
        }
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| ImportError::MalformedXml(e.to_string()))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => {
                    let is_paragraph = attr(e, b"type").is_none_or(|t| t == "paragraph");
                    let info = StyleInfo {
                        id: attr(e, b"styleId").unwrap_or_default(),
                        ..Default::default()
                    };
                    if matches!(event, Event::Start(_)) && is_paragraph {
                        current = Some(info);
                    }
                }
                b"name" => {
                    if let Some(s) = current.as_mut() {
                        s.name = attr(e, b"val");
                    }
                }
                b"basedOn" => {
                    if let Some(s) = current.as_mut() {
                        s.based_on = attr(e, b"val");
                    }
                }
                b"outlineLvl" => {
                    if let Some(s) = current.as_mut() {
                        s.outline = attr(e, b"val").and_then(|v| outline_level(&v));
                    }
                }
                b"numId" => {
                    if let Some(s) = current.as_mut() {
                        s.num_id = attr(e, b"val");
                    }
                }
                b"ilvl" => {
                    if let Some(s) = current.as_mut() {
                        s.ilvl = attr(e, b"val").and_then(|v| v.trim().parse().ok());
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let Some(s) = current.take() {
                    styles.push(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(StyleSheet {
        levels: resolve(&styles),
        numbering: resolve_numbering(&styles),
    })
}

/// A style's numbering, its own or inherited through `w:basedOn`.
fn resolve_numbering(styles: &[StyleInfo]) -> HashMap<String, NumRef> {
    let by_id: HashMap<&str, &StyleInfo> = styles.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut out = HashMap::new();
    for style in styles {
        let mut cursor = Some(style);
        for _ in 0..10 {
            let Some(s) = cursor else { break };
            if let Some(num_id) = &s.num_id {
                if num_id != "0" {
                    let ilvl = s.ilvl.unwrap_or(0);
                    out.insert(
                        style.id.clone(),
                        NumRef {
                            num_id: num_id.clone(),
                            ilvl,
                        },
                    );
                }
                break;
            }
            cursor = s.based_on.as_deref().and_then(|b| by_id.get(b).copied());
        }
    }
    out
}

fn resolve(styles: &[StyleInfo]) -> StyleLevels {
    let by_id: HashMap<&str, &StyleInfo> = styles.iter().map(|s| (s.id.as_str(), s)).collect();
    let own = |s: &StyleInfo| {
        s.outline
            .or_else(|| s.name.as_deref().and_then(level_from_name))
            .or_else(|| level_from_name(&s.id))
    };
    let mut levels = StyleLevels::new();
    for style in styles {
        let mut cursor = Some(style);
        // basedOn chains are short; the bound stops a cycle.
        for _ in 0..10 {
            let Some(s) = cursor else { break };
            if let Some(level) = own(s) {
                levels.insert(style.id.clone(), level);
                break;
            }
            cursor = s.based_on.as_deref().and_then(|b| by_id.get(b).copied());
        }
    }
    levels
}

/// An attribute by local name (`w:val` and `val` alike), unescaped.
pub(crate) fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local).then(|| {
            a.unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_names_in_english_and_chinese_give_levels() {
        assert_eq!(level_from_name("heading 2"), Some(2));
        assert_eq!(
            level_from_name("标题 1"),
            Some(1),
            "Chinese Word names headings 标题 N"
        );
        assert_eq!(
            level_from_name("Heading3"),
            Some(3),
            "style ids have no space"
        );
        assert_eq!(level_from_name("Title"), Some(1));
        assert_eq!(level_from_name("Normal"), None, "body text is no heading");
        assert_eq!(level_from_name("heading 12"), None, "Word has nine levels");
    }

    #[test]
    fn styles_resolve_by_outline_name_and_inheritance() {
        let xml = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
            <w:style w:type="paragraph" w:styleId="a5"><w:name w:val="My Part"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="x"><w:name w:val="Report Heading"/><w:basedOn w:val="1"/></w:style>
            <w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
            <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="标题 1 字符"/></w:style>
        </w:styles>"#;
        let levels = style_sheet(
            xml.as_bytes(),
            &Deadline::after(std::time::Duration::from_secs(5)),
        )
        .expect("parses")
        .levels;
        assert_eq!(
            levels.get("1"),
            Some(&1),
            "by name: Chinese Word uses numeric ids"
        );
        assert_eq!(levels.get("a5"), Some(&2), "outlineLvl 1 is level 2");
        assert_eq!(
            levels.get("x"),
            Some(&1),
            "inherits from its basedOn heading"
        );
        assert_eq!(levels.get("a"), None, "Normal is body text");
        assert_eq!(
            levels.get("Heading1Char"),
            None,
            "character styles are not paragraphs"
        );
    }

    #[test]
    fn style_numbering_is_inherited() {
        let xml = r#"<w:styles xmlns:w="w">
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="b"><w:name w:val="Sub"/><w:basedOn w:val="1"/></w:style>
            <w:style w:type="paragraph" w:styleId="c"><w:name w:val="Plain"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
        </w:styles>"#;
        let sheet = style_sheet(
            xml.as_bytes(),
            &Deadline::after(std::time::Duration::from_secs(5)),
        )
        .expect("parses");
        let three = NumRef {
            num_id: "3".into(),
            ilvl: 0,
        };
        assert_eq!(
            sheet.numbering.get("1"),
            Some(&three),
            "a heading style carries its list"
        );
        assert_eq!(
            sheet.numbering.get("b"),
            Some(&three),
            "and passes it on through basedOn"
        );
        assert_eq!(
            sheet.numbering.get("c"),
            None,
            "numId 0 switches numbering off"
        );
    }

    #[test]
    fn embedded_style_names_parse() {
        let parsed: HeadingStyleNames =
            toml::from_str(DEFAULT_TOML).expect("data/docx_styles.toml is valid");
        assert!(
            !parsed.heading_prefixes.is_empty(),
            "heading prefixes are loaded"
        );
    }
}
