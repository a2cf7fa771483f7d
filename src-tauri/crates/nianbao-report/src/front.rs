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
use crate::model::{MetaSource, Metadata};
use crate::text::{squeeze, trim};

/// How many non-empty lines front matter may span (a cover page of blank lines is not counted).
const FRONT_LIMIT: usize = 40;
/// How far from the end a signature block may start.
const TRAILER_LIMIT: usize = 12;
/// How many body paragraphs are read for the opening sentence (`2023年,示例区坚持…`).
const OPENING_LIMIT: usize = 4;
/// Chrome inside the body is only ever a short line.
const BODY_CHROME_MAX: usize = 60;

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}]{1,12}[〔\[［【(（]\d{4}[〕\]］】)）]\s*\d{1,4}\s*号")
        .expect("static regex")
});
static YEAR_IN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").expect("static regex"));
/// `2023年,` `2022年以来,` `2020年是…` `2022年西城区…` at the start of a paragraph.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:19|20)\d{2})\s*年度?\s*(?:以来)?\s*[,，、]?\s*").expect("static regex")
});
/// `一、2016年法治政府建设基本情况`: the first part names the year.
static FIRST_HEADING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^一\s*[、.．]\s*((?:19|20)\d{2})\s*年度?\s*(?:法治政府|依法行政|推进法治政府)")
        .expect("static regex")
});
/// `现将2025年度法治政府建设情况报告如下`, `现将我局2025年度……报告如下`.
static REPORT_AS_FOLLOWS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"现将[^。\d]{0,6}?((?:19|20)\d{2})\s*年度?[^。]{0,30}?(?:报告|汇报)如下")
        .expect("static regex")
});
/// The subject of an opening sentence: a place, optionally with the organ (`嘉兴市司法局`,
/// `云南省委`, `北京市`, `浦东新区`).
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<name>[\p{Han}]{1,14}?(?:维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|新区|开发区|经开区|高新区|园区|省|市|县|区|州|盟|旗))",
    )
    .expect("static regex")
});
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$").expect("static regex")
});
/// A line that is only a date or a date and time (`2024年2月`, `2024-01-23`, `2023-01-20 22:34`).
static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:19|20)\d{2}(?:\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$",
    )
    .expect("static regex")
});
static DATE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)")
        .expect("static regex")
});
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:中共)?[\p{Han}（）()·\s]{2,30}(?:人民政府|政府|委员会|管委会|管理委员会|办公室|办公厅|司法局|司法厅|区委|市委|县委|党委|党工委)$")
        .expect("static regex")
});
static GOV_BEFORE_ABOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<gov>.{2,40}?)\s*(?:关于|(?:19|20)\d{2}\s*年)").expect("static regex")
});
/// The party committee of a joint title (`中共示例市委 `, `中共示例市委、`), dropped.
static PARTY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^中共[\p{Han}]{2,16}?(?:委员会|党工委|委)[\s、,，]*").expect("static regex")
});
/// What an issuer's name ends with.
const ISSUER_ENDS: [&str; 28] = [
    "人民政府",
    "政府办公室",
    "政府办公厅",
    "政府办",
    "政府",
    "司法局",
    "司法厅",
    // Any other department, after its place (`示例省交通运输厅`): see `department`.
    "局",
    "厅",
    "新城",
    "管理委员会",
    "管委会",
    "委员会",
    "办公室",
    "办公厅",
    "自治区",
    "自治州",
    "自治县",
    "新区",
    "开发区",
    "园区",
    "省",
    "市",
    "县",
    "区",
    "州",
    "盟",
    "旗",
];
/// The organ after a place in an opening sentence (`示例市司法局`, `示例省委`).
const ORGANS: [&str; 10] = [
    "人民政府",
    "政府办公室",
    "政府办公厅",
    "政府办",
    "司法局",
    "司法厅",
    "管理委员会",
    "管委会",
    "党委",
    "委",
];
/// What follows the subject of an opening sentence that has no year before it (`示例区坚持…`).
const OPENING_VERBS: [&str; 16] = [
    "坚持",
    "以",
    "深入",
    "全面",
    "认真",
    "紧紧",
    "持续",
    "始终",
    "扎实",
    "围绕",
    "聚焦",
    "笃学",
    "不断",
    "积极",
    "着力",
    "法治政府",
];
/// A note under the title in brackets (`（在示例市人大常委会会议上）`).
/// A page's time stamp (`2023-03-31 11:33:28`, `2023/3/31 11:33`): the portal's, never the
/// report's.
static TIME_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}").expect("static regex")
});
/// A short line holding a page's time stamp is chrome.
const TIME_STAMP_LINE_MAX: usize = 80;

static BRACKETED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(][^（()）]{4,80}[)）]$").expect("static regex"));
/// Words that never stand in a place's name: the subject search ran into the sentence.
const NOT_IN_NAME: [&str; 12] = [
    "坚持", "深入", "全面", "认真", "贯彻", "学习", "以", "在", "法治", "建设", "推进", "领导",
];

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

/// Values read from portal chrome (label block, date lines).
#[derive(Debug, Default)]
struct Labels {
    title: Option<String>,
    date: Option<(usize, String)>,
    issuer: Option<String>,
    doc_number: Option<String>,
}

/// Read the front matter and trailer of `lines` (text converted for analysis: simplified
/// characters, same lines).
pub fn read(lines: &[String], chrome: &Chrome) -> Front {
    let mut meta = Metadata::default();
    let mut labels = Labels::default();
    // Titles of the front, in order (a page may repeat the title with its issuer).
    let mut titles: Vec<String> = Vec::new();
    let mut issuer_line: Option<String> = None;
    let mut front_date: Option<String> = None;

    let mut body_start = lines.len() + 1;
    let last_title = last_front_title(lines, chrome);
    let mut seen = 0usize;
    let mut i = 0usize;
    while i < lines.len() && seen < FRONT_LIMIT {
        let line = trim(&lines[i]);
        if line.is_empty() {
            i += 1;
            continue;
        }
        seen += 1;
        if is_front_chrome(line, chrome) {
            read_chrome_values(line, chrome, &mut labels);
            i += 1;
            continue;
        }
        if let Some((title, next)) = title_at(lines, i, chrome) {
            titles.push(title);
            i = next;
            continue;
        }
        if is_issuer_line(line, chrome) {
            issuer_line.get_or_insert_with(|| line.to_owned());
            i += 1;
            continue;
        }
        if meta.addressee.is_none() && looks_like_addressee(line) {
            meta.addressee = Some(line.trim_end_matches([':', '：']).to_owned());
            meta.sources.addressee = Some(MetaSource::Body);
            i += 1;
            continue;
        }
        if meta.doc_number.is_none() && DOC_NUMBER.find(line).is_some_and(|m| m.as_str() == line) {
            meta.doc_number = Some(line.to_owned());
            meta.sources.doc_number = Some(MetaSource::Title);
            i += 1;
            continue;
        }
        if DATE_ONLY.is_match(line) {
            front_date.get_or_insert_with(|| line.to_owned());
            i += 1;
            continue;
        }
        if !titles.is_empty() && BRACKETED.is_match(line) {
            i += 1;
            continue;
        }
        // A line of the page's own above the title (`微信公众号`, `- 设为首页`, `综合政务报告`,
        // an index number without its key): chrome.
        if last_title.is_some_and(|t| i < t) {
            read_chrome_values(line, chrome, &mut labels);
            i += 1;
            continue;
        }
        // Below the title, a few words with no punctuation or number (`示例网`,
        // `点击关闭详细目录信息`) and the pieces of a time stamp (`2022`, `03/30`) are the
        // page's: a body opens with a sentence or a numbered heading.
        if !titles.is_empty() && is_page_words(line) {
            i += 1;
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
        } else if signature.is_none() && is_issuer_line(line, chrome) {
            signature = Some(line.to_owned());
        } else {
            break;
        }
        body_end -= 1;
    }
    if body_end < body_start {
        body_end = body_start.saturating_sub(1);
    }

    // Title: the first title line of the front, else the label block's.
    if let Some(t) = titles.first() {
        meta.title = Some(t.clone());
        meta.sources.title = Some(MetaSource::Title);
    } else if let Some(t) = &labels.title {
        meta.title = Some(t.clone());
        meta.sources.title = Some(MetaSource::Label);
    }
    if meta.doc_number.is_none()
        && let Some(d) = labels.doc_number.take()
    {
        meta.doc_number = Some(d);
        meta.sources.doc_number = Some(MetaSource::Label);
    }

    let opening = opening(lines, body_start, body_end, chrome);

    // Year: the title's, else the label block's title, else the opening of the body.
    let title_year = |t: &str| {
        YEAR_IN_TITLE
            .captures(t)
            .and_then(|c| c[1].parse::<i32>().ok())
    };
    if let Some(y) = titles.iter().find_map(|t| title_year(t)) {
        meta.year = Some(y);
        meta.sources.year = Some(MetaSource::Title);
    } else if let Some(y) = labels.title.as_deref().and_then(title_year) {
        meta.year = Some(y);
        meta.sources.year = Some(MetaSource::Label);
    } else if let Some(y) = opening.year {
        meta.year = Some(y);
        meta.sources.year = Some(MetaSource::Body);
    }

    // Government: the signature, the title (or an issuer line of the title block), the opening
    // sentence, the label block's issuer — never a guess.
    let from_titles = titles
        .iter()
        .find_map(|t| government_in_title(t, chrome))
        .or_else(|| issuer_line.as_deref().and_then(|l| issuer_name(l, chrome)));
    let government = signature
        .as_deref()
        .and_then(|l| issuer_name(l, chrome))
        .map(|g| (g, MetaSource::Signature))
        .or_else(|| from_titles.map(|g| (g, MetaSource::Title)))
        .or_else(|| opening.government.map(|g| (g, MetaSource::Body)))
        .or_else(|| {
            labels
                .title
                .as_deref()
                .and_then(|t| government_in_title(t, chrome))
                .or_else(|| labels.issuer.filter(|i| i.ends_with("人民政府")))
                .map(|g| (g, MetaSource::Label))
        });
    if let Some((g, source)) = government {
        meta.government = Some(g);
        meta.sources.government = Some(source);
    }
    if let Some(d) = signed {
        meta.date = Some(d);
        meta.sources.date = Some(MetaSource::Signature);
    } else if let Some((_, d)) = labels.date {
        meta.date = Some(d);
        meta.sources.date = Some(MetaSource::Label);
    } else if let Some(d) = front_date {
        meta.date = Some(d);
        meta.sources.date = Some(MetaSource::Title);
    }

    meta.body_end = Some(body_end);
    meta.chrome_lines = (body_start..=lines.len())
        .filter(|&n| {
            let line = trim(&lines[n - 1]);
            !line.is_empty()
                && if n > body_end {
                    is_chrome(line, chrome)
                } else {
                    line.chars().count() <= BODY_CHROME_MAX && is_chrome(line, chrome)
                }
        })
        .collect();

    Front {
        meta,
        body_start,
        body_end,
    }
}

/// Year and government stated by the first paragraphs of the body.
#[derive(Debug, Default)]
struct Opening {
    year: Option<i32>,
    government: Option<String>,
}

fn opening(lines: &[String], body_start: usize, body_end: usize, chrome: &Chrome) -> Opening {
    let mut out = Opening::default();
    let paragraphs = (body_start..=body_end)
        .filter_map(|n| lines.get(n - 1))
        .map(|l| trim(l))
        .filter(|l| !l.is_empty())
        .take(OPENING_LIMIT);
    for (k, p) in paragraphs.enumerate() {
        let p = without_salutation(p);
        if let Some(c) = OPENING.captures(p) {
            if out.year.is_none() {
                out.year = c[1].parse().ok();
            }
            if out.government.is_none() {
                let rest = &p[c.get(0).map_or(0, |m| m.end())..];
                out.government = subject(rest, chrome, false);
            }
        } else {
            if k == 0 && out.government.is_none() {
                out.government = subject(p, chrome, true);
            }
            if out.year.is_none()
                && let Some(c) = FIRST_HEADING_YEAR
                    .captures(p)
                    .or_else(|| REPORT_AS_FOLLOWS.captures(p))
            {
                out.year = c[1].parse().ok();
            }
        }
        if out.year.is_some() && out.government.is_some() {
            break;
        }
    }
    out
}

/// A paragraph without an addressee glued before it on the same line
/// (`示例市人民政府: 2020年,示例县…`).
fn without_salutation(p: &str) -> &str {
    let Some((at, colon)) = p
        .char_indices()
        .take(41)
        .find(|(_, c)| matches!(c, ':' | '：'))
    else {
        return p;
    };
    let head = &p[..at + colon.len_utf8()];
    if looks_like_addressee(head) {
        trim(&p[head.len()..])
    } else {
        p
    }
}

/// The place (and organ) a sentence opens with, after `在…下,` clauses: `北京市坚持…` →
/// `北京市`; `云南省委、省政府坚持…` → `云南省`; `嘉兴市司法局在…` → `嘉兴市司法局`;
/// `示例坚持…` → `示例省` when 示例省 is a listed province. `None` for `市政府坚持…`,
/// `园区坚持…`, `我市…`. With `need_verb` (no year before it) the subject must be followed by
/// what an opening sentence says next (坚持, 以, 深入 …).
fn subject(rest: &str, chrome: &Chrome, need_verb: bool) -> Option<String> {
    let mut rest = rest;
    // `在市委、市政府的坚强领导下,` (possibly several).
    while let Some(after) = rest.strip_prefix('在') {
        let end = after
            .char_indices()
            .take(60)
            .find(|(_, c)| matches!(c, ',' | '，'))
            .map(|(i, _)| i)?;
        if !after[..end].ends_with('下') {
            return None;
        }
        rest = after[end..].trim_start_matches([',', '，', ' ']);
    }
    let verb_after = |s: &str| OPENING_VERBS.iter().any(|v| s.starts_with(v));
    // A province named without its 省 (`示例坚持…`).
    for place in &chrome.places {
        let short = [
            "维吾尔自治区",
            "壮族自治区",
            "回族自治区",
            "自治区",
            "省",
            "市",
        ]
        .iter()
        .find_map(|s| place.strip_suffix(s))
        .unwrap_or(place);
        if let Some(after) = rest.strip_prefix(short)
            && short.chars().count() >= 2
            && verb_after(after)
        {
            return Some(place.clone());
        }
    }
    let c = SUBJECT.captures(rest)?;
    let mut name = c.name("name")?.as_str().to_owned();
    // `通州区`: the shortest match stopped at its 州.
    if let Some(next) = rest[name.len()..].chars().next()
        && matches!(next, '省' | '市' | '县' | '区')
    {
        name.push(next);
    }
    let organ = |s: &str| ORGANS.iter().find(|o| s.starts_with(*o)).copied();
    let mut org = organ(&rest[name.len()..]);
    // `示例县交通运输局…`: a department after its place.
    if org.is_none()
        && let Some((at, c)) = rest[name.len()..]
            .char_indices()
            .take(13)
            .find(|(_, c)| matches!(c, '局' | '厅'))
    {
        let dept = &rest[..name.len() + at + c.len_utf8()];
        if department(dept, chrome) {
            let after = &rest[dept.len()..];
            if need_verb && !verb_after(after) {
                return None;
            }
            return Some(dept.to_owned());
        }
    }
    // `北京市东城区`, `示例市经开区`: a place (or a zone) inside a place.
    if org.is_none()
        && let Some(inner) = subject_name(&rest[name.len()..])
        && inner.chars().count() <= 8
        && plain_core(&inner)
    {
        name.push_str(&inner);
        org = organ(&rest[name.len()..]);
    }
    if !plain_name(&name, chrome) {
        return None;
    }
    let after = &rest[name.len() + org.map_or(0, str::len)..];
    if need_verb && !verb_after(after) {
        return None;
    }
    Some(match org {
        Some(o) if !matches!(o, "委" | "党委") => format!("{name}{o}"),
        _ => name,
    })
}

/// The place a text starts with (`通州区…` → `通州区`), without its organ.
fn subject_name(rest: &str) -> Option<String> {
    let c = SUBJECT.captures(rest)?;
    let mut name = c.name("name")?.as_str().to_owned();
    if let Some(next) = rest[name.len()..].chars().next()
        && matches!(next, '省' | '市' | '县' | '区')
    {
        name.push(next);
    }
    Some(name)
}

/// A place name, not a generic self-reference, a zone without its place or a run into the
/// sentence.
fn plain_name(name: &str, chrome: &Chrome) -> bool {
    plain_core(name) && !chrome.placeless.iter().any(|p| p == name)
}

/// Not a generic self-reference (`市政府`, `我市`) nor a run into the sentence.
fn plain_core(name: &str) -> bool {
    let generic = name.starts_with(['我', '本', '全', '各', '该', '市', '省', '区', '县', '园']);
    name.chars().count() >= 2 && !generic && !NOT_IN_NAME.iter().any(|w| name.contains(w))
}

/// Portal chrome in the front matter: the lexicon's chrome, breadcrumbs, bullet widgets.
fn is_front_chrome(line: &str, chrome: &Chrome) -> bool {
    if is_chrome(line, chrome) {
        return true;
    }
    let n = line.chars().count();
    let breadcrumb = n <= 80 && !line.contains('。') && (line.contains('>') || line.contains('»'));
    let widget = n <= 20 && line.starts_with(['•', '·', '●', '▪']);
    breadcrumb || widget
}

fn is_chrome(line: &str, chrome: &Chrome) -> bool {
    let squeezed = squeeze(line);
    chrome.whole_lines.iter().any(|w| squeezed == squeeze(w))
        || chrome
            .line_starts
            .iter()
            .any(|s| squeezed.starts_with(&squeeze(s)))
        || (line.chars().count() <= 120
            && chrome
                .line_contains
                .iter()
                .any(|s| line.contains(s.as_str())))
        || (line.chars().count() <= TIME_STAMP_LINE_MAX && TIME_STAMP.is_match(line))
}

fn read_chrome_values(line: &str, chrome: &Chrome, labels: &mut Labels) {
    for key in &chrome.title_keys {
        if labels.title.is_none()
            && let Some(v) = value_after(line, key, chrome)
            && looks_like_title(&v)
        {
            labels.title = Some(v);
        }
    }
    for key in &chrome.doc_number_keys {
        if labels.doc_number.is_none()
            && let Some(v) = value_after(line, key, chrome)
            && let Some(m) = DOC_NUMBER.find(&v)
        {
            labels.doc_number = Some(m.as_str().to_owned());
        }
    }
    for key in &chrome.issuer_keys {
        if labels.issuer.is_none()
            && let Some(v) = value_after(line, key, chrome)
        {
            labels.issuer = Some(v);
        }
    }
    for (rank, key) in chrome.date_keys.iter().enumerate() {
        if let Some(v) = value_after(line, key, chrome)
            && let Some(m) = DATE_VALUE.find(&v)
            && labels.date.as_ref().is_none_or(|(r, _)| rank < *r)
        {
            labels.date = Some((rank, m.as_str().to_owned()));
        }
    }
}

/// The value after `key` and an optional colon or `|`, up to the next space, tab or `|`.
fn value_after(line: &str, key: &str, chrome: &Chrome) -> Option<String> {
    let at = line.find(key)?;
    let rest = line[at + key.len()..]
        .trim_start_matches([':', '：', ' ', '\u{3000}', '\u{a0}', '\t', '|', '｜']);
    let value: String = rest
        .chars()
        .take_while(|c| !(c.is_whitespace() || matches!(c, '\u{3000}' | '|' | '｜')))
        .collect();
    // The next key of a row without a value (`索引号 发布机构 区政府`) is not a value.
    let is_key = chrome_key(&value, chrome);
    (!value.is_empty() && !is_key).then_some(value)
}

fn chrome_key(value: &str, c: &Chrome) -> bool {
    c.title_keys
        .iter()
        .chain(&c.doc_number_keys)
        .chain(&c.issuer_keys)
        .chain(&c.date_keys)
        .chain(&c.line_starts)
        .any(|k| value.starts_with(k.as_str()))
}

/// A title at line `i` (0-based), alone or broken over up to four short lines (`关于` / `2018` /
/// `年…的报告`, `示例区人民政府` / `关于2024年…的报告`): the title and the index after it.
fn title_at(lines: &[String], i: usize, chrome: &Chrome) -> Option<(String, usize)> {
    let first = trim(&lines[i]);
    if crate::outline::heading(first).is_some() {
        return None;
    }
    if looks_like_title(first) {
        return Some((strip_watermark(first).to_owned(), i + 1));
    }
    let short = |l: &str| {
        l.chars().count() <= 40
            && !l.contains(['。', '，', ',', '：', ':', '；'])
            && crate::outline::heading(l).is_none()
    };
    // A date or a document number alone on its line.
    let dated =
        |l: &str| DATE_ONLY.is_match(l) || DOC_NUMBER.find(l).is_some_and(|m| m.as_str() == l);
    if !short(first) || dated(first) {
        return None;
    }
    let mut joined = first.to_owned();
    let mut j = i + 1;
    let mut parts = 1;
    while j < lines.len() && parts < 4 {
        let next = trim(&lines[j]);
        j += 1;
        if next.is_empty() {
            continue;
        }
        // A line above a title of its own is something else (an issuer line, a label); a title
        // goes on through no date, issuer or document number (`综合政务报告` / `示例市人民政府` /
        // `2024-03-15` / `示例市2023年…报告` is a label block above a title).
        let title_alone = parts == 1 && looks_like_title(next);
        let label = dated(next) || is_issuer_line(next, chrome);
        if !short(next) || is_front_chrome(next, chrome) || title_alone || label {
            return None;
        }
        joined.push_str(next);
        parts += 1;
        if looks_like_title(&joined) {
            return Some((joined, j));
        }
    }
    None
}

/// A title glued behind a site's name on one line (`示例市政府网示例市2019年…报告`): the title
/// from the place on. Only a site word (网站, 门户, 网 …) right before a place and a year cuts.
fn strip_watermark(line: &str) -> &str {
    static SITE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^.{1,20}?(?:门户网站|网站|官网|门户|网)[\s:：|]*").expect("static regex")
    });
    if let Some(m) = SITE.find(line) {
        let rest = &line[m.end()..];
        let placed = SUBJECT.is_match(rest) || PARTY_FIRST.is_match(rest);
        if placed && looks_like_title(rest) && YEAR_IN_TITLE.is_match(rest) {
            return rest;
        }
    }
    line
}

/// The 0-based index of the last title in the run of short lines a page opens with (no
/// sentence, no heading, at most 80 characters each, within `FRONT_LIMIT` lines): everything
/// above it is the page's, not the report's, whatever it says.
fn last_front_title(lines: &[String], chrome: &Chrome) -> Option<usize> {
    let mut last = None;
    let mut seen = 0usize;
    for (i, line) in lines.iter().enumerate() {
        let line = trim(line);
        if line.is_empty() {
            continue;
        }
        seen += 1;
        let short = line.chars().count() <= 80
            && !line.contains('。')
            && crate::outline::heading(line).is_none();
        if seen > FRONT_LIMIT || !short {
            break;
        }
        if title_at(lines, i, chrome).is_some() {
            last = Some(i);
        }
    }
    last
}

/// A few words of a page (at most 20 characters, letters only, not a heading), or a piece of
/// its time stamp (`2022`, `03/30`, `10:51`: no letter at all).
fn is_page_words(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    line.chars().count() <= 20
        && (letters == 0 || letters == line.chars().count())
        && crate::outline::heading(line).is_none()
}

/// A signature or issuer line: a government's organ (`示例市人民政府`, `中共示例区委`) or a
/// department after its place (`示例省交通运输厅`).
fn is_issuer_line(line: &str, chrome: &Chrome) -> bool {
    line.chars().count() <= 30
        && (ISSUER.is_match(line)
            || (line.chars().all(|c| c.is_alphabetic())
                && line.ends_with(['局', '厅'])
                && department(line, chrome)))
}

/// A department's name: a place, then an organ of 2–12 characters that is not a run into a
/// sentence (`示例市市场监督管理局`, `示例省交通运输厅`; not `市场监管局`, `生态环境局`, `示例市新格局`).
fn department(name: &str, chrome: &Chrome) -> bool {
    let Some(place) = subject_name(name) else {
        return false;
    };
    let organ = &name[place.len()..];
    (2..=12).contains(&organ.chars().count())
        && plain_name(&place, chrome)
        && !NOT_IN_NAME.iter().any(|w| organ.contains(w))
        && !["格局", "布局", "大局", "局面"]
            .iter()
            .any(|w| name.ends_with(w))
}

fn looks_like_title(line: &str) -> bool {
    let n = line.chars().count();
    (6..=70).contains(&n)
        && !line.contains('。')
        && !line.contains(['>', '»'])
        && !line.starts_with("现将")
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
            "委员",
            "代表",
        ]
        .iter()
        .any(|w| line.contains(w))
}

/// `江山市人民政府2020年…` → `江山市人民政府`; `中共X区委 X区人民政府关于…` → `X区人民政府`;
/// `关于2025年…` and `区政府办2025年…` (no place) → `None`.
fn government_in_title(title: &str, chrome: &Chrome) -> Option<String> {
    // `关于示例区司法局2024年度…的报告`: the issuer after 关于.
    let title = title.strip_prefix("关于").unwrap_or(title);
    let gov = GOV_BEFORE_ABOUT.captures(title)?.name("gov")?.as_str();
    let gov = gov
        .split_whitespace()
        .rev()
        .find(|p| p.contains("政府"))
        .unwrap_or(gov)
        .trim();
    issuer_name(gov, chrome)
}

/// An issuer's name as a government: the party committee of a joint name dropped, and only a
/// name with a place (`区政府办`, `市政府` name none).
fn issuer_name(name: &str, chrome: &Chrome) -> Option<String> {
    let name = squeeze(name);
    let name = PARTY_FIRST.replace(&name, "");
    let name = name.trim_matches(['、', ',', '，']);
    let suffix = ISSUER_ENDS.iter().find(|s| name.ends_with(*s))?;
    if matches!(*suffix, "局" | "厅") {
        return department(name, chrome).then(|| name.to_owned());
    }
    let core = &name[..name.len() - suffix.len()];
    let core = ["人民政府", "政府"]
        .iter()
        .find_map(|s| core.strip_suffix(s))
        .unwrap_or(core);
    let generic = core.chars().count() < 2 && !matches!(*suffix, "省" | "市" | "县" | "区")
        || core.is_empty()
        || core.starts_with(['我', '本', '全', '各', '该'])
        || matches!(core, "市" | "区" | "县" | "省" | "州" | "园")
        || chrome.placeless.iter().any(|p| p == core || p == name);
    (!generic && name.chars().count() >= 2).then(|| name.to_owned())
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

    fn gov_year(text: &str) -> (Option<String>, Option<i32>, Option<MetaSource>) {
        let f = front(text);
        (f.meta.government, f.meta.year, f.meta.sources.government)
    }

    #[test]
    fn title_after_breadcrumbs_counters_widgets_and_a_footer_first() {
        let f = front(
            "Copyright © 2020 示例市司法局 示ICP备0000000号 网站标识码:0000000000\n\
             当前位置:首页 > 政务公开 > 法治政府建设\n\
             示例市人民政府关于2023年度法治政府建设情况的报告\n\
             一图读懂:https://example.invalid/a.html\n\
               • 听全文\n  • 2024-01-23\n  • 来源:示例市司法局\n  • 分享到\n  • -\n\
             日期:2024-01-23 10:42    来源:示例市人民政府\n分享:\n字号:        \n\
             2023年,示例市坚持依法行政。\n一、主要工作",
        );
        assert_eq!(
            f.meta.title.as_deref(),
            Some("示例市人民政府关于2023年度法治政府建设情况的报告")
        );
        assert_eq!(f.meta.government.as_deref(), Some("示例市人民政府"));
        assert_eq!(f.meta.sources.government, Some(MetaSource::Title));
        assert_eq!(f.meta.year, Some(2023));
        assert_eq!(
            f.body_start, 13,
            "the opening paragraph is the first body line"
        );
    }

    #[test]
    fn index_blocks_also_pipe_separated_are_labels() {
        let f = front(
            "示例区人民政府2024年度法治政府建设情况报告\n\
             索引号 | 发布机构 | 区政府 | |\n\
             文件编号 | 示府〔2025〕7号 | 发布时间 | 2025-02-27 |\n\
             2024年,示例区坚持依法行政。",
        );
        assert_eq!(f.body_start, 4);
        assert_eq!(f.meta.doc_number.as_deref(), Some("示府〔2025〕7号"));
        assert_eq!(f.meta.sources.doc_number, Some(MetaSource::Label));
        assert_eq!(f.meta.government.as_deref(), Some("示例区人民政府"));
    }

    #[test]
    fn titles_broken_over_lines_are_joined() {
        let f = front("关于\n2018\n年示例县法治政府建设情况的报告\n\n2018年,我县推进依法行政。");
        assert_eq!(
            f.meta.title.as_deref(),
            Some("关于2018年示例县法治政府建设情况的报告")
        );
        assert_eq!(f.meta.year, Some(2018));
        assert_eq!(f.body_start, 5);
        let (g, y, src) = gov_year(
            "示例区人民政府\n关于2024年法治政府建设情况的报告\n区人大常委会:\n2024年,区政府推进依法行政。",
        );
        assert_eq!(
            (g.as_deref(), y, src),
            (Some("示例区人民政府"), Some(2024), Some(MetaSource::Title)),
            "the issuer on its own line above a place-less title"
        );
    }

    #[test]
    fn a_title_behind_a_site_watermark_is_cut_from_it() {
        let f =
            front("示例市政府网示例市2019年法治政府建设年度情况报告\n2019年,我市推进依法行政。");
        assert_eq!(
            f.meta.title.as_deref(),
            Some("示例市2019年法治政府建设年度情况报告")
        );
        assert_eq!(f.meta.government.as_deref(), Some("示例市"));
    }

    #[test]
    fn joint_titles_name_the_government_with_or_without_a_space() {
        for t in [
            "中共示例市委示例市人民政府关于2023年度法治政府建设工作情况的报告",
            "中共示例市委、示例市人民政府关于2023年度法治政府建设工作情况的报告",
        ] {
            let (g, y, _) = gov_year(&format!("{t}\n2023年,全市推进依法行政。"));
            assert_eq!(
                (g.as_deref(), y),
                (Some("示例市人民政府"), Some(2023)),
                "{t}"
            );
        }
    }

    #[test]
    fn issuer_after_about_and_zones_without_a_place() {
        let (g, _, _) = gov_year("关于示例区司法局2024年度法治政府建设情况的报告\n一、工作");
        assert_eq!(g.as_deref(), Some("示例区司法局"));
        let (g, y, _) =
            gov_year("经济技术开发区管理委员会关于 2022年法治政府建设情况报告\n一、工作");
        assert_eq!((g, y), (None, Some(2022)), "no place, no government");
    }

    #[test]
    fn accessibility_headers_and_a_note_under_the_title_are_front_matter() {
        let f = front(
            "长者助手 网站支持IPv6 繁体版 | 无障碍阅读\n首页 > 政务公开\n\
             关于示例市2024年度法治政府建设情况的报告\n示例网  发布时间:2025-05-28 14:14:25\n\
             (2025年5月29日在示例市人民代表大会常务委员会会议上)\n示例市人民政府\n\
             主任、副主任、秘书长、各位委员:\n2024年,我市坚持依法行政。",
        );
        assert_eq!(f.body_start, 8);
        assert_eq!(
            f.meta.government.as_deref(),
            Some("示例市"),
            "from the title after 关于"
        );
        assert_eq!(f.meta.year, Some(2024));
    }

    #[test]
    fn department_reports_name_the_department() {
        let (g, y, _) = gov_year(
            "首页\n示例市司法局2022年度法治政府建设工作情况的报告\n2022年,示例市司法局推进依法行政。",
        );
        assert_eq!((g.as_deref(), y), (Some("示例市司法局"), Some(2022)));
        let (g, y, src) = gov_year("2022年,示例市司法局在市委、市政府的正确领导下,推进依法行政。");
        assert_eq!(
            (g.as_deref(), y, src),
            (Some("示例市司法局"), Some(2022), Some(MetaSource::Body))
        );
        let (g, _, _) = gov_year("区政府办2025年度法治政府建设工作报告\n一、主要工作");
        assert_eq!(g, None, "区政府办 names no place");
    }

    #[test]
    fn without_a_title_the_opening_sentence_names_government_and_year() {
        let cases = [
            ("2023年,示例区坚持依法行政。", Some("示例区"), 2023),
            ("2022年示例区坚持依法行政。", Some("示例区"), 2022),
            (
                "2022年以来,示例区法治政府建设全面推进。",
                Some("示例区"),
                2022,
            ),
            (
                "2024年,示例省委、省政府坚持依法行政。",
                Some("示例省"),
                2024,
            ),
            (
                "2023年,在省委、省政府的坚强领导下,示例市委、市政府坚持依法行政。",
                Some("示例市"),
                2023,
            ),
            (
                "2023年,示例市示例区坚持依法行政。",
                Some("示例市示例区"),
                2023,
            ),
            ("2023年,在市委的领导下,区政府坚持依法行政。", None, 2023),
            ("2023年,园区坚持依法行政。", None, 2023),
            ("2020年是收官之年,市政府坚持依法行政。", None, 2020),
            ("区委、区政府:\n2025年是规划的收官之年。", None, 2025),
            (
                "现将2025年度法治政府建设情况报告如下。\n一、主要举措",
                None,
                2025,
            ),
            (
                "一、2016年法治政府建设基本情况\n(一)加强组织领导",
                None,
                2016,
            ),
            ("2020年,通州区以法治思想为指导。", Some("通州区"), 2020),
            ("2020年,广州市坚持依法行政。", Some("广州市"), 2020),
            ("2024年,广东坚持依法行政。", Some("广东省"), 2024),
            ("2024年,示例坚持依法行政。", None, 2024),
            (
                "示例省人民政府: 2020年,示例县坚持依法行政。",
                Some("示例县"),
                2020,
            ),
            ("2022年,经开区坚持依法行政。", None, 2022),
            (
                "示例区坚持依法行政。\n一、2022年法治政府建设主要举措",
                Some("示例区"),
                2022,
            ),
            ("示例区的工作。\n一、2022年法治政府建设主要举措", None, 2022),
        ];
        for (text, gov, year) in cases {
            let f = front(text);
            assert_eq!(f.meta.government.as_deref(), gov, "{text}");
            assert_eq!(f.meta.year, Some(year), "{text}");
            assert_eq!(f.meta.sources.year, Some(MetaSource::Body), "{text}");
            assert_eq!(f.meta.title, None, "a heading is no title: {text}");
        }
    }

    #[test]
    fn the_portal_label_block_gives_title_number_issuer_and_date() {
        let f = front(
            "信息名称:示例县2023年法治政府建设年度报告\n\
             文号:示政〔2024〕5号\n发布机构:示例县人民政府\n成文日期:2024-02-01\n\
             一、主要工作\n推进依法行政。",
        );
        let m = &f.meta;
        assert_eq!(m.title.as_deref(), Some("示例县2023年法治政府建设年度报告"));
        assert_eq!(m.doc_number.as_deref(), Some("示政〔2024〕5号"));
        assert_eq!(m.government.as_deref(), Some("示例县"));
        assert_eq!(m.date.as_deref(), Some("2024-02-01"));
        assert_eq!(m.year, Some(2023));
        for s in [
            m.sources.title,
            m.sources.doc_number,
            m.sources.government,
            m.sources.year,
            m.sources.date,
        ] {
            assert_eq!(s, Some(MetaSource::Label));
        }
        assert_eq!(f.body_start, 5, "a label line is never a heading");
    }

    #[test]
    fn a_time_stamp_line_is_chrome_with_or_without_a_key() {
        let c = &Lexicon::builtin().chrome;
        assert!(is_chrome("时间 : 2024-03-31 11:33:28 来源 : 本网", c));
        assert!(is_chrome("2024/3/31 9:05 示例市人民政府", c));
        assert!(!is_chrome("2024年3月31日,示例市召开常务会议。", c));
        let f = front(
            "首页 > 政务公开\n示例市2023年法治政府建设情况报告\n时间 : 2024-03-31 11:33:28 来源 : 本网\n2023年,示例市坚持依法行政。",
        );
        assert_eq!(f.body_start, 4, "the time stamp line is front matter");
    }

    #[test]
    fn chrome_inside_and_after_the_body_is_listed() {
        let f = front(
            "示例市2023年法治政府建设情况报告\n2023年,示例市推进依法行政。\n分享到\n一、工作\n完成。\n扫一扫在手机打开当前页",
        );
        assert_eq!(f.meta.chrome_lines, [3, 6]);
        assert_eq!(f.meta.body_end, Some(5));
    }

    #[test]
    fn lines_of_the_page_above_the_title_are_front_matter_whatever_they_say() {
        // Widgets the lexicon does not know, an index number without its key, a category, a
        // label block (issuer, date) above the title, the page's words below it.
        let f = front(
            "- 设为关注\n微信服务号\nsl001/2024-00017\n综合政务报告\n示例市人民政府\n2024-03-15\n示例市2023年法治政府建设年度报告\n示政呈〔2024〕6号\n有效\n示例市2023年法治政府建设年度报告\n示例政务网\n2023年,示例市坚持依法行政,全年审查文件12件。\n一、加强组织领导",
        );
        assert_eq!(
            f.meta.title.as_deref(),
            Some("示例市2023年法治政府建设年度报告")
        );
        assert_eq!(f.meta.year, Some(2023));
        assert_eq!(f.meta.government.as_deref(), Some("示例市"));
        assert_eq!(f.meta.doc_number.as_deref(), Some("示政呈〔2024〕6号"));
        assert_eq!(f.body_start, 12, "the body opens with its first sentence");
        // A label line keyed `名 称` is the page's too.
        let f = front(
            "- 设为关注\n名 称: 示例区2024年法治政府建设工作报告\n索 引 号: 001/2025-1 发布日期: 2025-02-28\n示例区2024年法治政府建设工作报告\n2024年,示例区坚持依法行政。",
        );
        assert_eq!(
            (f.meta.government.as_deref(), f.meta.year, f.body_start),
            (Some("示例区"), Some(2024), 5)
        );
        // Without a title, nothing above the body is taken for chrome.
        let f = front("示例说明\n2023年,示例市坚持依法行政。");
        assert_eq!(f.body_start, 1);
        // Below the title, the pieces of a page's time stamp are the page's too.
        let f = front(
            "示例区2024年法治政府建设工作报告\n示例网\n2025\n02/28\n10:51\n2024年,示例区坚持依法行政。",
        );
        assert_eq!(f.body_start, 6);
    }

    #[test]
    fn a_department_after_its_place_is_the_issuer() {
        let cases = [
            (
                "示例省交通运输厅关于2022年法治政府建设情况的报告\n省政府:\n根据规定,现报告如下。",
                Some("示例省交通运输厅"),
            ),
            (
                "示例省市场监督管理局关于2023年度法治政府建设情况的报告\n省委、省政府高度重视法治政府建设。",
                Some("示例省市场监督管理局"),
            ),
            // The issuer on a line of its own, the title under it.
            (
                "示例省生态环境厅\n2025年法治政府部门建设工作情况\n2025年,我厅坚持依法行政。",
                Some("示例省生态环境厅"),
            ),
            (
                "2021年,示例县交通运输局法治政府建设工作在县委、县政府的正确领导下,持续推进。",
                Some("示例县交通运输局"),
            ),
            (
                "示例新城2022年度法治政府建设工作报告\n2022年,示例新城坚持依法行政。",
                Some("示例新城"),
            ),
            // No place: no issuer.
            (
                "市场监管局2023年法治政府建设情况报告\n2023年,我局坚持依法行政。",
                None,
            ),
            (
                "2023年,市市场监管局在市委市政府的坚强领导下,推进依法行政。",
                None,
            ),
            (
                "2023年,示例县坚持依法行政新格局,推进依法行政。",
                Some("示例县"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(gov_year(text).0.as_deref(), want, "{text}");
        }
        // A department's name as a signature ends the body.
        let f = front("2023年,我局坚持依法行政。\n示例省交通运输厅\n2024年1月5日");
        assert_eq!(
            (f.body_end, f.meta.government.as_deref()),
            (1, Some("示例省交通运输厅"))
        );
    }

    #[test]
    fn the_year_of_a_report_as_follows_after_we() {
        let (_, y, _) = gov_year(
            "根据年度报告制度的要求,现将我局2022年度法治政府建设工作报告如下:\n一、主要工作",
        );
        assert_eq!(y, Some(2022));
    }

    #[test]
    fn nothing_stated_means_nothing_set() {
        let f = front("一、主要工作\n推进依法行政。");
        assert_eq!(f.meta.government, None);
        assert_eq!(f.meta.year, None);
        assert_eq!(f.meta.sources, crate::model::MetaSources::default());
    }

    #[test]
    fn empty_text_has_no_body() {
        let f = front("");
        assert!(f.body_end < f.body_start, "{f:?}");
    }
}
