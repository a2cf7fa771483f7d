//! Whose file is it: the department, town or street that sent a material, read from the
//! title (`示例市司法局2024年法治政府建设情况报告`), the signature at the end (`示例市市场监管局`
//! above the date) or the file name (`示例镇.docx`), in that order; a name of the office's own
//! department list that occurs there wins over a name cut from the text. The drafter can
//! change it afterwards (the store keeps the edit).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// Where the department's name was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DepartmentSource {
    Title,
    Signature,
    FileName,
    /// The drafter typed it.
    Edited,
}

impl DepartmentSource {
    pub fn key(self) -> &'static str {
        match self {
            DepartmentSource::Title => "title",
            DepartmentSource::Signature => "signature",
            DepartmentSource::FileName => "file_name",
            DepartmentSource::Edited => "edited",
        }
    }

    pub fn from_key(key: &str) -> Option<DepartmentSource> {
        [
            DepartmentSource::Title,
            DepartmentSource::Signature,
            DepartmentSource::FileName,
            DepartmentSource::Edited,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }
}

/// A department and where its name was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Department {
    pub name: String,
    pub source: DepartmentSource,
}

/// The end of an organisation's name (longest first where they overlap).
const ORG_END: &str = r"(?:人民政府办公室|人民政府|管理委员会|委员会|办公室|管委会|街道办事处|街道|办事处|人民法院|人民检察院|总局|分局|局|委|办|厅|署|院|中心|镇|乡|所|站|队|会|处)";

/// A name at the start of a title: up to the organisation's end, before the year or 关于.
static TITLE_ORG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:中共)?(?P<org>[\p{{Han}}（）()]{{2,30}}?{ORG_END})(?:关于|（?(?:19|20)\d{{2}}年|[\s　]*(?:19|20)\d{{2}}|法治|依法行政|年度|工作|贯彻)"
    ))
    .expect("the title pattern is valid")
});

/// A signature line: a bare organisation name.
static SIGNATURE_ORG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<org>[\p{{Han}}（）()]{{2,30}}{ORG_END})$"))
        .expect("the signature pattern is valid")
});

/// A date line (`2025年1月10日`, `2025-01-10`).
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*[年\-./]").expect("valid")
});

/// Words of a file name that are not part of the sender's name.
static FILE_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:（|\()?(?:19|20)\d{2}(?:年度?)?(?:）|\))?|关于|法治政府建设|情况|工作|年度|报告|总结|材料|统计表?|数据|附件\d*|[-_ .　（）()【】\[\]0-9]")
        .expect("valid")
});

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}')
}

/// A name of the office's list that occurs in `text`, the longest.
fn known_in<'k>(text: &str, known: &'k [String]) -> Option<&'k String> {
    known
        .iter()
        .filter(|k| !k.is_empty() && text.contains(k.as_str()))
        .max_by_key(|k| k.chars().count())
}

/// The department of a material: `lines` its text (title first, signature near the end),
/// `file_name` as sent, `known` the office's department list.
pub fn detect(lines: &[&str], file_name: &str, known: &[String]) -> Option<Department> {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| trim(l))
        .filter(|l| !l.is_empty())
        .collect();
    let title: String = lines.iter().take(3).copied().collect::<Vec<_>>().join("");
    let signature: Vec<&str> = lines
        .iter()
        .rev()
        .take(4)
        .copied()
        .filter(|l| l.chars().count() <= 32)
        .collect();
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file_name);
    // The office's own names first, where the text names one.
    if let Some(k) = lines.first().and_then(|t| known_in(t, known)) {
        return Some(found(k, DepartmentSource::Title));
    }
    if let Some(k) = signature.iter().find_map(|l| known_in(l, known)) {
        return Some(found(k, DepartmentSource::Signature));
    }
    if let Some(k) = known_in(stem, known) {
        return Some(found(k, DepartmentSource::FileName));
    }
    for line in lines.iter().take(3) {
        if let Some(c) = TITLE_ORG.captures(line)
            && let Some(org) = c.name("org")
        {
            return Some(found(org.as_str(), DepartmentSource::Title));
        }
    }
    if let Some(c) = TITLE_ORG.captures(&title)
        && let Some(org) = c.name("org")
    {
        return Some(found(org.as_str(), DepartmentSource::Title));
    }
    for line in &signature {
        if DATE.is_match(line) {
            continue;
        }
        if let Some(c) = SIGNATURE_ORG.captures(line)
            && let Some(org) = c.name("org")
        {
            return Some(found(org.as_str(), DepartmentSource::Signature));
        }
    }
    let name = FILE_NOISE.replace_all(stem, "");
    let name = trim(&name);
    (name.chars().count() >= 2 && name.chars().all(|c| c.is_alphabetic()))
        .then(|| found(name, DepartmentSource::FileName))
}

fn found(name: &str, source: DepartmentSource) -> Department {
    Department {
        name: name.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(lines: &[&str], file: &str, known: &[&str]) -> Option<(String, DepartmentSource)> {
        let known: Vec<String> = known.iter().map(|s| (*s).to_owned()).collect();
        detect(lines, file, &known).map(|d| (d.name, d.source))
    }

    #[test]
    fn the_title_names_the_department() {
        assert_eq!(
            d(
                &["示例市司法局2024年法治政府建设情况报告", "一、主要工作"],
                "a.docx",
                &[]
            ),
            Some(("示例市司法局".into(), DepartmentSource::Title))
        );
        assert_eq!(
            d(
                &["示例市市场监督管理局关于2024年度法治政府建设工作的报告"],
                "x.pdf",
                &[]
            ),
            Some(("示例市市场监督管理局".into(), DepartmentSource::Title))
        );
    }

    #[test]
    fn the_signature_names_it_when_the_title_does_not() {
        assert_eq!(
            d(
                &[
                    "2024年法治政府建设工作总结",
                    "今年我镇……",
                    "示例镇人民政府",
                    "2025年1月8日"
                ],
                "总结.docx",
                &[]
            ),
            Some(("示例镇人民政府".into(), DepartmentSource::Signature))
        );
    }

    #[test]
    fn the_file_name_is_the_last_resort() {
        assert_eq!(
            d(&["工作总结", "正文。"], "示例街道（2024年）.txt", &[]),
            Some(("示例街道".into(), DepartmentSource::FileName))
        );
        assert_eq!(d(&["工作总结"], "2024.txt", &[]), None);
    }

    #[test]
    fn the_offices_list_wins() {
        assert_eq!(
            d(
                &["示例市司法局2024年法治政府建设情况报告"],
                "a.docx",
                &["示例市司法局", "司法局"]
            ),
            Some(("示例市司法局".into(), DepartmentSource::Title))
        );
        assert_eq!(
            d(&["工作总结"], "示例镇材料.docx", &["示例镇"]),
            Some(("示例镇".into(), DepartmentSource::FileName))
        );
    }
}
