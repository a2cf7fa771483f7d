//! Chinese heading numbers (`一、`, `（六）`): writing them and recognising a level-1 `X、`.
//! Only numbering; it never decides what a heading is about.

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; 0 and ≥ 100 as Arabic digits.
pub fn chinese(n: usize) -> String {
    match n {
        1..=9 => DIGITS[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", DIGITS[n / 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

/// The number of a level-1 heading (`四、`).
pub fn level1(n: usize) -> String {
    format!("{}、", chinese(n))
}

/// The number of a level-2 heading (`（六）`).
pub fn level2(n: usize) -> String {
    format!("（{}）", chinese(n))
}

/// True for `一、` … `九十九、` (the numbering a renumbering may rewrite).
pub fn is_chinese_level1(number: &str) -> bool {
    number
        .strip_suffix('、')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_follow_official_usage() {
        let got: Vec<_> = [1, 5, 10, 11, 20, 23].iter().map(|n| chinese(*n)).collect();
        assert_eq!(got, ["一", "五", "十", "十一", "二十", "二十三"]);
        assert_eq!(level2(6), "（六）");
        assert!(is_chinese_level1("十二、"));
        assert!(
            !is_chinese_level1("（一）"),
            "level-2 numbers are not rewritten"
        );
    }
}
