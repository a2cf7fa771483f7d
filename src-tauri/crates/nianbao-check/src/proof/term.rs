//! `proof.term`: a standard formulation written one character off — one missing, one extra, one
//! wrong or two swapped. Book titles (laws, 纲要) are compared with the whole text between 《 and
//! 》; other formulations are found from an anchor (their first or last part, one of which any
//! single edit leaves intact) and the few windows around it. Text that holds a formulation, or an
//! accepted form, exactly is never flagged, nor a window that only lacks its first or last
//! character (二十届三中全会 for 党的二十届三中全会 is a short form, not a slip).

use std::collections::HashSet;

use super::Para;
use super::lexicon::{Formulation, ProofLexicon, normalize};
use crate::finding::{Code, Finding};
use crate::text::is_han;

pub(crate) fn check(para: &Para, lex: &ProofLexicon, year: Option<i32>, out: &mut Vec<Finding>) {
    let norm: Vec<char> = para.chars.iter().map(|&c| normalize(c)).collect();
    let norm_text: String = norm.iter().collect();
    // Character index of each byte offset that starts a character of `norm_text`.
    let mut starts = Vec::with_capacity(norm.len() + 1);
    for (i, _) in norm_text.char_indices() {
        starts.push(i);
    }
    starts.push(norm_text.len());
    let col = |byte: usize| starts.partition_point(|&o| o < byte);
    let in_year = |f: &Formulation| year.is_none_or(|y| f.from <= y && y <= f.to);

    titles(para, lex, &norm, &in_year, out);

    let exact: Vec<(usize, usize)> = lex
        .exact
        .find_overlapping_iter(&norm_text)
        .map(|m| (col(m.start()), col(m.end())))
        .collect();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for m in lex.anchors.find_overlapping_iter(&norm_text) {
        let (fi, is_prefix) = lex.anchor_of[m.pattern().as_usize()];
        let f = &lex.formulations[fi];
        if !in_year(f) {
            continue;
        }
        let n = f.chars.len();
        let (s, e) = (col(m.start()), col(m.end()));
        let windows: [Option<(usize, usize)>; 3] = if is_prefix {
            [Some((s, s + n)), Some((s, s + n - 1)), Some((s, s + n + 1))]
        } else {
            [
                e.checked_sub(n).map(|a| (a, e)),
                e.checked_sub(n - 1).map(|a| (a, e)),
                e.checked_sub(n + 1).map(|a| (a, e)),
            ]
        };
        let fits = |&(a, b): &(usize, usize)| {
            if b > norm.len() || taken.iter().any(|&(x, y)| a < y && x < b) {
                return false;
            }
            let window = &norm[a..b];
            !(exact.iter().any(|&(x, y)| a < y && x < b)
                || window == &f.chars[1..]
                // A paragraph cut off inside the formulation (a web excerpt's end).
                || (b == norm.len() && f.chars.starts_with(window))
                || lex.accepted.contains(window)
                || window
                    .iter()
                    .any(|c| !is_han(*c) && !c.is_ascii_digit() && !f.chars.contains(c))
                || edits(window, &f.chars) != 1)
        };
        let candidates: Vec<(usize, usize)> = windows.into_iter().flatten().filter(fits).collect();
        // Of several readings, the one whose far end is the formulation's own, else the one
        // missing a character (三中全 + 精神 reads as 全会 missing 会, not as 会 miswritten 精).
        let Some(&(a, b)) = candidates
            .iter()
            .find(|&&(a, b)| {
                if is_prefix {
                    norm[b - 1] == f.chars[n - 1]
                } else {
                    norm[a] == f.chars[0]
                }
            })
            .or(candidates.iter().find(|&&(a, b)| b - a == n - 1))
            .or(candidates.first())
        else {
            continue;
        };
        taken.push((a, b));
        out.push(para.finding(
            Code::ProofTerm,
            a,
            b,
            format!("“{}”与规范表述“{}”不一致", para.slice(a, b), f.name),
            Some(f.name.clone()),
        ));
    }
}

/// 《…》 whose title is one character off a law's or a 纲要's.
fn titles(
    para: &Para,
    lex: &ProofLexicon,
    norm: &[char],
    in_year: &dyn Fn(&Formulation) -> bool,
    out: &mut Vec<Finding>,
) {
    let mut seen: HashSet<&[char]> = HashSet::new();
    let mut i = 0;
    while i < norm.len() {
        if norm[i] != '《' {
            i += 1;
            continue;
        }
        let Some(len) = norm[i + 1..].iter().position(|&c| c == '》' || c == '《') else {
            return;
        };
        let (a, b) = (i + 1, i + 1 + len);
        i = b;
        let title = &norm[a..b];
        if norm.get(b) != Some(&'》') || lex.accepted.contains(title) || !seen.insert(title) {
            continue;
        }
        if let Some(f) = lex
            .formulations
            .iter()
            .filter(|f| f.title && in_year(f))
            .find(|f| {
                f.chars.len().abs_diff(title.len()) <= 1
                    && edits(title, &f.chars) == 1
                    // 《X法治政府建设实施纲要》: a place's own outline, not a slip.
                    && !title.ends_with(&f.chars)
            })
        {
            out.push(para.finding(
                Code::ProofTerm,
                a,
                b,
                format!("《{}》与规范名称《{}》不一致", para.slice(a, b), f.name),
                Some(f.name.clone()),
            ));
        }
    }
}

/// Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps),
/// capped at 2: all that matters here is 0, 1 or more.
fn edits(a: &[char], b: &[char]) -> usize {
    if a.len().abs_diff(b.len()) > 1 {
        return 2;
    }
    let (n, m) = (a.len(), b.len());
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min >= 2 {
            return 2;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m].min(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, year: i32) -> Vec<(String, Option<String>)> {
        let lex = ProofLexicon::embedded().expect("embedded proof.toml");
        let para = Para::new(1, text);
        let mut out = Vec::new();
        check(&para, &lex, Some(year), &mut out);
        super::super::typo::check(&para, &lex, &mut out);
        super::super::without_nested(out)
            .into_iter()
            .map(|f| (f.matched.unwrap_or_default(), f.suggestion))
            .collect()
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_distance_counts_one_slip() {
        assert_eq!(edits(&chars("习近平法治思想"), &chars("习近平法治思想")), 0);
        assert_eq!(edits(&chars("习近平法冶思想"), &chars("习近平法治思想")), 1);
        assert_eq!(edits(&chars("习近平治法思想"), &chars("习近平法治思想")), 1);
        assert_eq!(edits(&chars("习近平法思想"), &chars("习近平法治思想")), 1);
        assert_eq!(
            edits(&chars("习近平的法治思想"), &chars("习近平法治思想")),
            1
        );
        assert_eq!(edits(&chars("习近平经济思想"), &chars("习近平法治思想")), 2);
    }

    #[test]
    fn formulations_one_character_off_are_found() {
        let cases = [
            (
                "深入学习贯彻习近平新时代中国特色社会注义思想。",
                "习近平新时代中国特色社会注义思想",
                "习近平新时代中国特色社会主义思想",
            ),
            (
                "全面贯彻习近平治法思想。",
                "习近平治法思想",
                "习近平法治思想",
            ),
            (
                "学习党的二十届三中全精神。",
                "党的二十届三中全",
                "党的二十届三中全会",
            ),
            ("召开中央全面依法治国委员会会第一次会议精神。", "", ""),
            (
                "落实中央全面依法治委员会部署。",
                "中央全面依法治委员会",
                "中央全面依法治国委员会",
            ),
        ];
        for (text, matched, right) in cases {
            let want = if matched.is_empty() {
                vec![]
            } else {
                vec![(matched.to_owned(), Some(right.to_owned()))]
            };
            assert_eq!(found(text, 2024), want, "{text}");
        }
    }

    #[test]
    fn titles_one_character_off_are_found_and_years_matter() {
        assert_eq!(
            found("贯彻《中华人民共和国行政复义法》。", 2024),
            vec![(
                "中华人民共和国行政复义法".to_owned(),
                Some("中华人民共和国行政复议法".to_owned())
            )]
        );
        assert_eq!(
            found("落实《法治政府建设实施纲要（2021—2052年）》。", 2023),
            vec![(
                "法治政府建设实施纲要（2021—2052年）".to_owned(),
                Some("法治政府建设实施纲要（2021—2025年）".to_owned())
            )]
        );
        assert!(
            found("落实《中华人民共和国法律援助发》。", 2019).is_empty(),
            "no 法律援助法 before 2021"
        );
    }

    #[test]
    fn correct_formulations_and_their_neighbours_are_never_flagged() {
        for text in [
            "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。",
            "深入学习贯彻党的二十大和二十届二中、三中全会精神，学习党的二十届四中全会精神。",
            "学习党的十九届四中全会精神，贯彻党的二十届三中全会精神。",
            "中央全面依法治国委员会办公室印发通知，召开中央全面依法治国工作会议。",
            "形成中国特色社会主义法律体系，建设中国特色社会主义法治体系。",
            "习近平经济思想、习近平生态文明思想、习近平外交思想。",
            "学习《中华人民共和国民法典》《中华人民共和国行政处罚法》《中华人民共和国行政许可法》。",
            "落实《法治政府建设实施纲要(2021-2025年)》和《法治中国建设规划（2020－2025年）》。",
            "贯彻《中华人民共和国民法通则》《中华人民共和国刑法》《中华人民共和国立法法》。",
            "市委全面依法治市委员会召开会议，区委全面依法治区委员会办公室。",
            "严格按照《市法治政府建设实施纲要（2021—2025年）》落实。",
            "举办学习贯彻习近平法治思",
            "学习习近平法治思想，二十届三中全会精神。",
        ] {
            assert!(
                found(text, 2024).is_empty(),
                "{text}: {:?}",
                found(text, 2024)
            );
        }
    }

    #[test]
    fn known_wrong_forms_further_off_are_found() {
        assert_eq!(
            found("加强中央依法治国委员会办公室建设。", 2024),
            vec![(
                "中央依法治国委员会".to_owned(),
                Some("中央全面依法治国委员会".to_owned())
            )]
        );
    }
}
