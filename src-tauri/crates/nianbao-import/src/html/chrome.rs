//! What counts as portal chrome on a saved government page (navigation, breadcrumbs, share bars,
//! footers with 网站标识码/ICP备案号), read from `data/html_chrome.toml`.
//! It must never hold article heuristics in code: the lists are data the user can edit.

use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub(crate) struct Chrome {
    pub skip_tags: Vec<String>,
    pub page_level_tags: Vec<String>,
    pub class_contains: Vec<String>,
    pub class_tokens: Vec<String>,
    pub line_markers: Vec<String>,
    pub line_marker_max_chars: usize,
    pub container_share: f64,
    /// Keys of the portal's label block (信息名称, 文号 …), kept before the article.
    #[serde(default)]
    pub label_keys: Vec<String>,
}

const DEFAULT_TOML: &str = include_str!("../../data/html_chrome.toml");

impl Default for Chrome {
    /// Used only if the embedded TOML were broken (a unit test proves it is not).
    fn default() -> Self {
        Chrome {
            skip_tags: ["head", "script", "style", "noscript", "template", "nav"]
                .map(String::from)
                .to_vec(),
            page_level_tags: Vec::new(),
            class_contains: Vec::new(),
            class_tokens: Vec::new(),
            line_markers: Vec::new(),
            line_marker_max_chars: 0,
            container_share: 0.8,
            label_keys: Vec::new(),
        }
    }
}

pub(crate) fn chrome() -> &'static Chrome {
    static CHROME: OnceLock<Chrome> = OnceLock::new();
    CHROME.get_or_init(|| parse(DEFAULT_TOML).unwrap_or_default())
}

pub(crate) fn parse(toml_text: &str) -> Result<Chrome, toml::de::Error> {
    toml::from_str(toml_text)
}

impl Chrome {
    pub(crate) fn skips_tag(&self, tag: &str) -> bool {
        self.skip_tags.iter().any(|t| t == tag)
    }

    pub(crate) fn is_page_level(&self, tag: &str) -> bool {
        self.page_level_tags.iter().any(|t| t == tag)
    }

    /// Does a class or id attribute value mark chrome?
    pub(crate) fn marks_chrome(&self, attr: &str) -> bool {
        let lower = attr.to_lowercase();
        if self
            .class_contains
            .iter()
            .any(|c| lower.contains(c.as_str()))
        {
            return true;
        }
        lower
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|token| self.class_tokens.iter().any(|t| t == token))
    }

    /// A short line carrying a chrome marker (浏览次数, 网站标识码 ...).
    pub(crate) fn is_chrome_line(&self, line: &str) -> bool {
        line.chars().count() <= self.line_marker_max_chars
            && self.line_markers.iter().any(|m| line.contains(m.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_chrome_list_parses() {
        let c = parse(DEFAULT_TOML).expect("data/html_chrome.toml must be valid TOML for Chrome");
        assert!(c.skips_tag("script"), "scripts are never text");
        assert!(!c.line_markers.is_empty(), "the footer markers are loaded");
    }

    #[test]
    fn breadcrumb_and_share_classes_are_chrome_but_content_is_not() {
        let c = chrome();
        assert!(c.marks_chrome("breadcrumb clearfix"), "substring match");
        assert!(c.marks_chrome("bdsharebuttonbox"), "Baidu share bar");
        assert!(c.marks_chrome("main-nav"), "token match");
        assert!(
            !c.marks_chrome("article-content"),
            "the article is not chrome"
        );
        assert!(
            !c.marks_chrome("navigation-free TRS_Editor"),
            "tokens match whole words only"
        );
    }

    #[test]
    fn footer_lines_are_chrome_but_long_article_lines_are_not() {
        let c = chrome();
        assert!(
            c.is_chrome_line("网站标识码：3204000001  苏ICP备05000000号"),
            "the footer line goes"
        );
        let long = format!("{}网站地图{}", "依法行政".repeat(40), "。".repeat(20));
        assert!(
            !c.is_chrome_line(&long),
            "a long paragraph mentioning a marker is article text"
        );
    }
}
