//! Front matter and trailer: where the body starts and ends, and the metadata a report states
//! about itself (title, government, year, document number, addressee, date), read from the
//! title, the addressee line, the opening sentence, the signature and portal chrome.
//!
//! It reads only the edges of the text (the first and last lines and the opening paragraph);
//! it must never look for metadata inside the body, where other documents are cited
//! (`江政发〔2020〕22号` in the body is not this report's number).

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::Chrome;
use crate::model::Metadata;
use crate::text::{squeeze, trim};

/// How far into the text front matter may reach.
const FRONT_LIMIT: usize = 40;
/// How far from the end a signature block may start.
const TRAILER_LIMIT: usize = 12;

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}]{1,12}[〔\[［【(（]\d{4}[〕\]］】)）]\s*\d{1,4}\s*号")
        .expect("static regex")
});
static YEAR_IN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").expect("static regex"));
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^((?:19|20)\d{2})\s*年度?\s*(?:以来)?[,，、]\s*(?:(?P<gov>[\p{Han}]{2,12}?(?:人民政府|经开区|高新区|开发区|新区|管委会|自治州|自治县|市|县|区|州|盟|旗)))?",
    )
    .expect("static regex")
});
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$").expect("static regex")
});
static DATE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)")
        .expect("static regex")
});
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:中共)?[\p{Han}（）()·\s]{2,30}(?:人民政府|政府|委员会|管委会|管理委员会|办公室|办公厅|司法局|区委|市委|县委|党委|党工委)$")
        .expect("static regex")
});
static GOV_BEFORE_ABOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<gov>.{2,40}?)(?:关于|(?:19|20)\d{2}\s*年)").expect("static regex")
});

/// What the edges of a text say: metadata and the body's line range.
#[derive(Debug, Clone, PartialEq)]
pub struct Front {
    pub meta: Metadata,
    /// 1-based first body line.
    pub body_start: usize,
    /// 1-based last body line (before the signature, date and trailing chrome); `body_start - 1`
    /// when there is no body.
    pub body_end: usize,
}

/// Read the front matter and trailer of `lines`.
pub fn read(lines: &[String], chrome: &Chrome) -> Front {
    let mut meta = Metadata::default();
    let mut chrome_title: Option<String> = None;
    let mut chrome_date: Option<(usize, String)> = None;
    let mut issuer: Option<String> = None;

    let mut body_start = lines.len() + 1;
    for (i, raw) in lines.iter().enumerate().take(FRONT_LIMIT) {
        let line = trim(raw);
        if line.is_empty() {
            continue;
        }
        if is_chrome(line, chrome) {
            read_chrome_values(
                line,
                chrome,
                &mut chrome_title,
                &mut chrome_date,
                &mut issuer,
                &mut meta,
            );
            continue;
        }
        if meta.title.is_none() && looks_like_title(line) {
            meta.title = Some(line.to_owned());
            continue;
        }
        if meta.addressee.is_none() && looks_like_addressee(line) {
            meta.addressee = Some(line.trim_end_matches([':', '：']).to_owned());
            continue;
        }
        if meta.doc_number.is_none() && DOC_NUMBER.find(line).is_some_and(|m| m.as_str() == line) {
            meta.doc_number = Some(line.to_owned());
            continue;
        }
        body_start = i + 1;
        break;
    }

    // The trailer: signature, date, chrome, blank lines, read from the end.
    let mut body_end = lines.len();
    let mut signature: Option<String> = None;
    let mut signed: Option<String> = None;
    let lowest = lines.len().saturating_sub(TRAILER_LIMIT).max(body_start);
    while body_end >= lowest.max(1) {
        let line = trim(&lines[body_end - 1]);
        let trailer = line.is_empty() || is_chrome(line, chrome);
        if trailer {
            // blank lines and portal chrome after the signature
        } else if signed.is_none() && DATE_LINE.is_match(line) {
            signed = Some(line.to_owned());
        } else if signature.is_none() && line.chars().count() <= 30 && ISSUER.is_match(line) {
            signature = Some(line.to_owned());
        } else {
            break;
        }
        body_end -= 1;
    }
    if body_end < body_start {
        body_end = body_start.saturating_sub(1);
    }

    if meta.title.is_none() {
        meta.title = chrome_title;
    }
    let opening = (body_start <= body_end)
        .then(|| lines.get(body_start - 1).map(|l| trim(l)))
        .flatten()
        .and_then(|l| OPENING.captures(l));

    meta.year = meta
        .title
        .as_deref()
        .and_then(|t| YEAR_IN_TITLE.captures(t))
        .and_then(|c| c[1].parse().ok())
        .or_else(|| opening.as_ref().and_then(|c| c[1].parse().ok()));

    meta.government = signature
        .or_else(|| meta.title.as_deref().and_then(government_in_title))
        .or_else(|| {
            opening
                .as_ref()
                .and_then(|c| c.name("gov"))
                .map(|m| m.as_str().to_owned())
                .filter(|g| !g.starts_with(['在', '我', '全', '本']))
        })
        .or_else(|| issuer.filter(|i| i.ends_with("人民政府")));
    meta.date = signed.or(chrome_date.map(|(_, d)| d));

    Front {
        meta,
        body_start,
        body_end,
    }
}

fn is_chrome(line: &str, chrome: &Chrome) -> bool {
    let squeezed = squeeze(line);
    chrome.whole_lines.iter().any(|w| squeezed == squeeze(w))
        || chrome
            .line_starts
            .iter()
            .any(|s| squeezed.starts_with(&squeeze(s)))
}

fn read_chrome_values(
    line: &str,
    chrome: &Chrome,
    title: &mut Option<String>,
    date: &mut Option<(usize, String)>,
    issuer: &mut Option<String>,
    meta: &mut Metadata,
) {
    for key in &chrome.title_keys {
        if title.is_none()
            && let Some(v) = value_after(line, key)
            && looks_like_title(&v)
        {
            *title = Some(v);
        }
    }
    for key in &chrome.doc_number_keys {
        if meta.doc_number.is_none()
            && let Some(v) = value_after(line, key)
            && let Some(m) = DOC_NUMBER.find(&v)
        {
            meta.doc_number = Some(m.as_str().to_owned());
        }
    }
    for key in &chrome.issuer_keys {
        if issuer.is_none()
            && let Some(v) = value_after(line, key)
        {
            *issuer = Some(v);
        }
    }
    for (rank, key) in chrome.date_keys.iter().enumerate() {
        if let Some(v) = value_after(line, key)
            && let Some(m) = DATE_VALUE.find(&v)
            && date.as_ref().is_none_or(|(r, _)| rank < *r)
        {
            *date = Some((rank, m.as_str().to_owned()));
        }
    }
}

/// The value after `key` and an optional colon, up to the next space.
fn value_after(line: &str, key: &str) -> Option<String> {
    let at = line.find(key)?;
    let rest = line[at + key.len()..].trim_start_matches([':', '：', ' ', '\u{3000}']);
    let value: String = rest
        .chars()
        .take_while(|c| !(c.is_whitespace() || *c == '\u{3000}'))
        .collect();
    (!value.is_empty()).then_some(value)
}

fn looks_like_title(line: &str) -> bool {
    let n = line.chars().count();
    (6..=70).contains(&n)
        && !line.contains('。')
        && !line.contains(['>', '»'])
        && ["报告", "综述", "总结", "情况"]
            .iter()
            .any(|w| line.ends_with(w))
        && ["法治", "依法行政", "法制"]
            .iter()
            .any(|w| line.contains(w))
}

fn looks_like_addressee(line: &str) -> bool {
    let n = line.chars().count();
    (3..=40).contains(&n)
        && line.ends_with([':', '：'])
        && !line.contains(['。', ',', '，'])
        && [
            "政府",
            "委员会",
            "党委",
            "省委",
            "市委",
            "县委",
            "区委",
            "人大",
            "办公厅",
            "办公室",
            "领导",
        ]
        .iter()
        .any(|w| line.contains(w))
}

/// `江山市人民政府2020年…` → `江山市人民政府`; `中共X区委 X区人民政府关于…` → `X区人民政府`.
fn government_in_title(title: &str) -> Option<String> {
    if title.starts_with("关于") {
        return None;
    }
    let gov = GOV_BEFORE_ABOUT.captures(title)?.name("gov")?.as_str();
    let gov = gov
        .split_whitespace()
        .rev()
        .find(|p| p.contains("政府"))
        .unwrap_or(gov)
        .trim();
    (gov.chars().count() >= 2).then(|| gov.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    fn front(text: &str) -> Front {
        read(&lines(text), &Lexicon::builtin().chrome)
    }

    #[test]
    fn portal_chrome_title_and_addressee_are_front_matter() {
        let f = front(
            "您当前的位置:\n首页 >> 政务公开 >> 正文\n浏览次数:\n文件编号:示政发〔2024〕3号 发布机构:示例市人民政府\n生成日期:2024-01-20 公开日期:2024-02-01\n示例市2023年法治政府建设工作报告\n\n示例省人民政府:\n  2023年,我市坚持……。\n一、加强组织领导\n\n  示例市人民政府\n  2024年1月20日\n\n扫一扫在手机打开当前页",
        );
        assert_eq!(f.body_start, 9, "the body starts at the opening paragraph");
        assert_eq!(f.body_end, 10, "signature, date and chrome are not body");
        assert_eq!(f.meta.doc_number.as_deref(), Some("示政发〔2024〕3号"));
        assert_eq!(f.meta.addressee.as_deref(), Some("示例省人民政府"));
        assert_eq!(
            f.meta.government.as_deref(),
            Some("示例市人民政府"),
            "the signature names the government"
        );
        assert_eq!(
            f.meta.year,
            Some(2023),
            "the year the report is about, from the title"
        );
        assert_eq!(
            f.meta.date.as_deref(),
            Some("2024年1月20日"),
            "the signing date"
        );
    }

    #[test]
    fn opening_sentence_gives_year_and_government_without_a_title() {
        let f = front(
            "2023年,示例经开区以习近平新时代中国特色社会主义思想为指导,推进……。\n一、工作情况",
        );
        assert_eq!(f.body_start, 1);
        assert_eq!(f.meta.year, Some(2023));
        assert_eq!(f.meta.government.as_deref(), Some("示例经开区"));
    }

    #[test]
    fn about_title_has_year_and_joint_issuers() {
        let f = front("中共示例区委 示例区人民政府关于2024年度法治政府建设情况的报告\n正文。");
        assert_eq!(f.meta.year, Some(2024), "2024年度 in the title");
        assert_eq!(f.meta.government.as_deref(), Some("示例区人民政府"));
        let f = front("关于2024年度法治政府建设情况的报告\n正文。");
        assert_eq!(f.meta.year, Some(2024));
        assert_eq!(f.meta.government, None, "no issuer in a bare 关于 title");
    }

    #[test]
    fn empty_text_has_no_body() {
        let f = front("");
        assert!(f.body_end < f.body_start, "{f:?}");
    }
}
