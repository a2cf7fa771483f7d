//! Chinese numerals (两, 十二, 三千五百, 一万二千) to numbers. Pure functions; never panics and
//! refuses malformed runs (一三, 十十) rather than guessing.

/// Value of a Chinese numeral run, or `None` when it is not a well-formed numeral.
pub fn chinese_value(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    let mut total: u64 = 0; // completed 万/亿 groups
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut last_small_unit = u64::MAX;
    for c in s.chars() {
        match c {
            '零' | '〇' => {
                if digit.is_some() {
                    return None;
                }
                digit = None;
                continue;
            }
            '一' => digit = set_digit(digit, 1)?,
            '二' | '两' => digit = set_digit(digit, 2)?,
            '三' => digit = set_digit(digit, 3)?,
            '四' => digit = set_digit(digit, 4)?,
            '五' => digit = set_digit(digit, 5)?,
            '六' => digit = set_digit(digit, 6)?,
            '七' => digit = set_digit(digit, 7)?,
            '八' => digit = set_digit(digit, 8)?,
            '九' => digit = set_digit(digit, 9)?,
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                if unit >= last_small_unit {
                    return None;
                }
                last_small_unit = unit;
                section += digit.take().unwrap_or(1) * unit;
            }
            '万' | '亿' => {
                let unit = if c == '万' { 10_000 } else { 100_000_000 };
                let group = section + digit.take().unwrap_or(0);
                if group == 0 && total == 0 {
                    return None;
                }
                total = (total + group).checked_mul(unit)?;
                section = 0;
                last_small_unit = u64::MAX;
            }
            _ => return None,
        }
    }
    Some((total + section + digit.unwrap_or(0)) as f64)
}

fn set_digit(current: Option<u64>, d: u64) -> Option<Option<u64>> {
    // Two digits in a row (一三) is not a numeral.
    if current.is_some() {
        None
    } else {
        Some(Some(d))
    }
}

/// True for the characters a Chinese numeral is written with.
pub fn is_chinese_numeral_char(c: char) -> bool {
    "零〇一二两三四五六七八九十百千万亿".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_numerals_convert() {
        for (s, v) in [
            ("两", 2.0),
            ("十", 10.0),
            ("十二", 12.0),
            ("二十", 20.0),
            ("三千", 3000.0),
            ("三千五百", 3500.0),
            ("一万二千", 12000.0),
            ("百", 100.0),
            ("一百零五", 105.0),
        ] {
            assert_eq!(chinese_value(s), Some(v), "{s} is {v}");
        }
    }

    #[test]
    fn malformed_runs_are_refused() {
        for s in ["一三", "十十", "", "万", "五是"] {
            assert_eq!(chinese_value(s), None, "{s} is not a numeral");
        }
    }
}
