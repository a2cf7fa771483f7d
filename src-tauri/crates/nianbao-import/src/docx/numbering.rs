//! Word's automatic list numbering (`word/numbering.xml`), rendered back into the text: a heading
//! numbered by Word shows "一、" or "（二）" on screen but holds no such characters in its runs,
//! and the report parser reads numbering from the text.
//! It must never invent numbering: unknown lists, bullets and `none` formats add nothing.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::styles::{NumRef, attr};
use crate::ImportError;
use crate::limits::Deadline;

#[derive(Debug, Clone, Default)]
struct LevelFormat {
    start: u32,
    format: String,
    text: String,
}

/// The lists of one document and their running counters.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    /// numId → abstractNumId
    nums: HashMap<String, String>,
    /// abstractNumId → formats by level
    abstracts: HashMap<String, Vec<LevelFormat>>,
    /// abstractNumId → current counter per level (0 = not started)
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    pub(crate) fn parse(xml: &[u8], deadline: &Deadline) -> Result<Numbering, ImportError> {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut numbering = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(usize, LevelFormat)> = None;
        let mut num_id: Option<String> = None;
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
                    b"abstractNum" => abstract_id = attr(e, b"abstractNumId"),
                    b"lvl" => {
                        let ilvl = attr(e, b"ilvl").and_then(|v| v.trim().parse::<usize>().ok());
                        level = ilvl.filter(|&i| i < 9).map(|i| {
                            (
                                i,
                                LevelFormat {
                                    start: 1,
                                    ..Default::default()
                                },
                            )
                        });
                    }
                    b"start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = attr(e, b"val")
                                .and_then(|v| v.trim().parse().ok())
                                .unwrap_or(1);
                        }
                    }
                    b"numFmt" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.format = attr(e, b"val").unwrap_or_default();
                        }
                    }
                    b"lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = attr(e, b"val").unwrap_or_default();
                        }
                    }
                    b"num" => num_id = attr(e, b"numId"),
                    b"abstractNumId" => {
                        if let (Some(n), Some(a)) = (num_id.as_ref(), attr(e, b"val")) {
                            numbering.nums.insert(n.clone(), a);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"lvl" => {
                        if let (Some(a), Some((i, l))) = (abstract_id.as_ref(), level.take()) {
                            let levels = numbering.abstracts.entry(a.clone()).or_default();
                            if levels.len() <= i {
                                levels.resize(i + 1, LevelFormat::default());
                            }
                            levels[i] = l;
                        }
                    }
                    b"abstractNum" => abstract_id = None,
                    b"num" => num_id = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        Ok(numbering)
    }

    /// Advance the list at `num` and return the label Word would show ("一、", "（二）", "3.").
    pub(crate) fn next_label(&mut self, num: &NumRef) -> Option<String> {
        let abstract_id = self.nums.get(&num.num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let ilvl = usize::from(num.ilvl).min(8);
        let this = levels.get(ilvl)?;
        if matches!(this.format.as_str(), "bullet" | "none") || this.text.is_empty() {
            return None;
        }
        let counters = self.counters.entry(abstract_id.clone()).or_insert([0; 9]);
        counters[ilvl] = if counters[ilvl] == 0 {
            this.start
        } else {
            counters[ilvl] + 1
        };
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = 0;
        }
        let mut label = this.text.clone();
        for (k, lvl) in levels.iter().enumerate().take(ilvl + 1) {
            let value = if counters[k] == 0 {
                lvl.start
            } else {
                counters[k]
            };
            label = label.replace(&format!("%{}", k + 1), &format_number(value, &lvl.format));
        }
        Some(label)
    }
}

/// A counter in one of Word's number formats; unknown formats fall back to decimal.
pub(crate) fn format_number(n: u32, format: &str) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    let digit = |d: u32| DIGITS[d as usize % 10];
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "ideographLegalTraditional"
            if (1..100).contains(&n) =>
        {
            let (tens, ones) = (n / 10, n % 10);
            let mut s = String::new();
            if tens > 1 {
                s.push(digit(tens));
            }
            if tens > 0 {
                s.push('十');
            }
            if ones > 0 {
                s.push(digit(ones));
            }
            s
        }
        "ideographTraditional" if (1..=10).contains(&n) => STEMS[(n - 1) as usize].to_string(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1)
                .map(String::from)
                .unwrap_or_else(|| n.to_string())
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "lowerLetter" | "upperLetter" if (1..=26).contains(&n) => {
            let c = char::from(b'a' + (n - 1) as u8);
            if format == "upperLetter" {
                c.to_ascii_uppercase().to_string()
            } else {
                c.to_string()
            }
        }
        "lowerRoman" | "upperRoman" if (1..40).contains(&n) => {
            let roman = roman(n);
            if format == "upperRoman" {
                roman.to_uppercase()
            } else {
                roman
            }
        }
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    let mut s = String::new();
    for (value, sym) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= value {
            s.push_str(sym);
            n -= value;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_matches_report_numbering() {
        let got: Vec<String> = [1, 2, 10, 11, 20, 23]
            .iter()
            .map(|&n| format_number(n, "chineseCounting"))
            .collect();
        assert_eq!(
            got,
            ["一", "二", "十", "十一", "二十", "二十三"],
            "一、…十一、 as drafters write them"
        );
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(4, "upperRoman"), "IV");
    }

    #[test]
    fn multi_level_list_renders_and_restarts() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="7">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
        </w:numbering>"#;
        let mut n = Numbering::parse(
            xml.as_bytes(),
            &Deadline::after(std::time::Duration::from_secs(5)),
        )
        .expect("parses");
        let at = |ilvl| NumRef {
            num_id: "3".into(),
            ilvl,
        };
        let labels: Vec<Option<String>> = [at(0), at(1), at(1), at(0), at(1), at(2)]
            .iter()
            .map(|r| n.next_label(r))
            .collect();
        assert_eq!(
            labels,
            [
                Some("一、"),
                Some("（一）"),
                Some("（二）"),
                Some("二、"),
                Some("（一）"),
                None
            ]
            .map(|l| l.map(String::from)),
            "level 2 restarts under each level 1; bullets add nothing"
        );
        assert_eq!(
            n.next_label(&NumRef {
                num_id: "99".into(),
                ilvl: 0
            }),
            None,
            "unknown list: no label"
        );
    }
}
