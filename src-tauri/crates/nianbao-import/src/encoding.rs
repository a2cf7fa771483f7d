//! Bytes → `String` for text in any encoding a Chinese drafter's machine produces: BOM, then
//! UTF-16 without a BOM (told by what it decodes to), strict UTF-8, then a file that mixes UTF-8
//! with GBK (a sentence pasted from another file) decoded span by span, then chardetng, with
//! GB18030 as the fallback for short or oddly guessed files.
//! It decides the encoding and nothing else: it never touches line ends or content.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

use crate::ImportError;

/// Decoded text and the name of the encoding that produced it.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Below this many bytes chardetng's guess is not trusted (it takes short GBK for EUC-KR).
const SHORT_FILE: usize = 256;

/// Decode `bytes`; `declared` is a charset the file names itself (an HTML `<meta>`).
pub(crate) fn decode(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, ImportError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return accept(text.into_owned(), enc.name(), had_errors);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return accept(text.into_owned(), enc.name(), had_errors);
    }
    if looks_binary(bytes) {
        return Err(ImportError::NotText);
    }
    let strict_utf8 = std::str::from_utf8(bytes).ok();
    if let Some(declared) = declared {
        // A page that says UTF-16 in a <meta> is read as UTF-8 (HTML spec: the bytes are ASCII).
        let declared = if declared == UTF_16LE || declared == UTF_16BE {
            UTF_8
        } else {
            declared
        };
        // Long valid UTF-8 with Chinese in it is never GBK: a saved page whose <meta> still names
        // the original charset after the browser re-encoded it.
        if let Some(s) = strict_utf8
            && (declared == UTF_8 || !s.is_ascii())
        {
            return Ok(Decoded {
                text: s.to_owned(),
                encoding: UTF_8.name(),
            });
        }
        if declared != UTF_8 {
            let (text, had_errors) = declared.decode_without_bom_handling(bytes);
            if !had_errors {
                return Ok(Decoded {
                    text: text.into_owned(),
                    encoding: declared.name(),
                });
            }
        }
    }
    if let Some(s) = strict_utf8 {
        return Ok(Decoded {
            text: s.to_owned(),
            encoding: UTF_8.name(),
        });
    }
    if let Some(mixed) = decode_mixed(bytes) {
        return Ok(mixed);
    }
    if mostly_utf8(bytes) {
        return accept(
            String::from_utf8_lossy(bytes).into_owned(),
            UTF_8.name(),
            true,
        );
    }
    detect_legacy(bytes)
}

/// The name reported for a file that mixes UTF-8 with GBK/GB18030.
pub(crate) const MIXED: &str = "UTF-8+GB18030";

/// UTF-16 without a BOM (Notepad's "Unicode" saved by some tools without one): the first 64 KB
/// read as UTF-16 in one byte order are almost all Chinese, ASCII and punctuation, and better
/// so than in the other order. Valid UTF-8 never is (ASCII pairs would read as ideographs).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024) & !1];
    match std::str::from_utf8(sample) {
        Ok(_) => return None,
        // Cut inside the last character: still UTF-8.
        Err(e) if e.error_len().is_none() => return None,
        Err(_) => {}
    }
    let score = |enc: &'static Encoding| {
        let (text, had_errors) = enc.decode_without_bom_handling(sample);
        if had_errors {
            return 0;
        }
        let (mut plausible, mut total) = (0usize, 0usize);
        for c in text.chars() {
            total += 1;
            if matches!(c,
                ' '..='~' | '\n' | '\r' | '\t' | '\u{00B7}' | '\u{2010}'..='\u{206F}'
                | '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
            {
                plausible += 1;
            }
        }
        if total < 4 {
            0
        } else {
            plausible * 1000 / total
        }
    };
    let (le, be) = (score(UTF_16LE), score(UTF_16BE));
    let (best, enc) = if le >= be {
        (le, UTF_16LE)
    } else {
        (be, UTF_16BE)
    };
    (best >= 950).then_some(enc)
}

/// A UTF-8 file with a GBK sentence pasted in (or a GBK file with a UTF-8 one): read every
/// stretch in its own encoding instead of the whole file as either (which turns one of them into
/// mojibake). A stretch of GB18030 runs from where UTF-8 breaks to where a run of four CJK
/// characters in UTF-8 begins; it is used only when both encodings hold real text (≥ 6
/// characters of UTF-8, a stretch of ≥ 4 of GB18030) and every GB18030 stretch decodes cleanly,
/// so a damaged byte or two in a UTF-8 file is left to [`mostly_utf8`].
fn decode_mixed(bytes: &[u8]) -> Option<Decoded> {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut utf8_chars = 0usize;
    let mut longest_legacy = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let valid = match std::str::from_utf8(rest) {
            Ok(_) => rest.len(),
            Err(e) => e.valid_up_to(),
        };
        let mut good = std::str::from_utf8(&rest[..valid]).unwrap_or_default();
        if valid < rest.len() {
            // Two-byte UTF-8 characters (Latin, Greek…) just before the break are most likely
            // the first GBK characters of the stretch that broke it: 全 in GBK reads as ȫ.
            for _ in 0..4 {
                match good.chars().next_back() {
                    Some(c) if c.len_utf8() == 2 => good = &good[..good.len() - 2],
                    _ => break,
                }
            }
        }
        let valid = good.len();
        utf8_chars += good.chars().filter(|c| !c.is_ascii()).count();
        out.push_str(good);
        i += valid;
        if i >= bytes.len() {
            break;
        }
        let start = i;
        while i < bytes.len() && !strong_utf8_at(bytes, i) {
            i += gb18030_char_len(&bytes[i..]);
        }
        let (text, had_errors) =
            GB18030.decode_without_bom_handling(&bytes[start..i.min(bytes.len())]);
        if had_errors {
            return None;
        }
        longest_legacy = longest_legacy.max(text.chars().filter(|c| !c.is_ascii()).count());
        out.push_str(&text);
    }
    (utf8_chars >= 6 && longest_legacy >= 4).then_some(Decoded {
        text: out,
        encoding: MIXED,
    })
}

/// Three 3-byte UTF-8 characters (CJK, its punctuation, full-width forms; ASCII may come
/// between) start at `i` and run valid for 16 bytes, or the file ends in valid UTF-8 with at
/// least one: GBK text almost never looks like that.
fn strong_utf8_at(bytes: &[u8], i: usize) -> bool {
    let window = &bytes[i..bytes.len().min(i + 16)];
    let (valid, whole) = match std::str::from_utf8(window) {
        Ok(s) => (s, true),
        // Only a character cut by the window's end may be incomplete.
        Err(e) if e.error_len().is_none() && window.len() == 16 => (
            std::str::from_utf8(&window[..e.valid_up_to()]).unwrap_or_default(),
            true,
        ),
        Err(_) => return false,
    };
    let mut chars = valid.chars();
    if chars.next().is_none_or(|c| c.len_utf8() != 3) {
        return false;
    }
    let mut wide = 1;
    for c in chars {
        match c.len_utf8() {
            3 => wide += 1,
            1 => {}
            _ => return false,
        }
    }
    whole && (wide >= 3 || i + 16 >= bytes.len())
}

/// Length of the GB18030 character at the start of `bytes` (1 for ASCII, 4 for the four-byte
/// form, else 2), at least 1 and never past the end.
fn gb18030_char_len(bytes: &[u8]) -> usize {
    let len = match bytes {
        [b, ..] if b.is_ascii() => 1,
        [_, second, ..] if second.is_ascii_digit() => 4,
        _ => 2,
    };
    len.min(bytes.len()).max(1)
}

/// Not UTF-8: ask chardetng, but prefer GB18030 whenever it decodes cleanly and the guess is
/// not confidently GBK (this is a mainland product: Big5/EUC-KR/Shift_JIS reports are rare).
fn detect_legacy(bytes: &[u8]) -> Result<Decoded, ImportError> {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(detection_sample(bytes), true);
    let guess = detector.guess(None, Utf8Detection::Allow);
    // Every Big5 byte pair is also a valid GBK pair, so "GB18030 decodes cleanly" proves nothing
    // for Big5; on a file long enough for chardetng to be sure, its Big5 verdict stands.
    if guess == BIG5 && bytes.len() >= SHORT_FILE {
        let (text, had_errors) = BIG5.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok(Decoded {
                text: text.into_owned(),
                encoding: BIG5.name(),
            });
        }
    }
    let (gb_text, gb_errors) = GB18030.decode_without_bom_handling(bytes);
    if !gb_errors {
        let name = if guess == GBK && bytes.len() >= SHORT_FILE {
            GBK.name()
        } else {
            GB18030.name()
        };
        return Ok(Decoded {
            text: gb_text.into_owned(),
            encoding: name,
        });
    }
    // A GBK file with a damaged byte or two: keep reading it as GBK rather than trusting a
    // single-byte guess that "decodes" anything.
    if few_replacements(&gb_text) && !guess.is_single_byte() {
        return Ok(Decoded {
            text: gb_text.into_owned(),
            encoding: GB18030.name(),
        });
    }
    if guess != GBK && guess != GB18030 && guess != UTF_8 {
        let (text, had_errors) = guess.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok(Decoded {
                text: text.into_owned(),
                encoding: guess.name(),
            });
        }
    }
    // Nothing decodes cleanly: keep the GB18030 reading if the damage is small.
    accept(gb_text.into_owned(), GB18030.name(), true)
}

/// chardetng reads ~6 MB/s; a few KB of Chinese settle its verdict, so it sees only the start
/// of a file, cut after a line end (or an ASCII byte) so no multi-byte character is split.
const DETECTION_SAMPLE: usize = 4 * 1024;

fn detection_sample(bytes: &[u8]) -> &[u8] {
    if bytes.len() <= DETECTION_SAMPLE {
        return bytes;
    }
    let head = &bytes[..DETECTION_SAMPLE];
    let cut = head
        .iter()
        .rposition(|&b| b == b'\n')
        .or_else(|| head.iter().rposition(u8::is_ascii))
        .map_or(DETECTION_SAMPLE, |i| i + 1);
    &bytes[..cut]
}

/// At most one U+FFFD per 200 characters.
fn few_replacements(text: &str) -> bool {
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    replaced * 200 <= text.chars().count().max(200)
}

/// Refuse a lossy decoding that is mostly replacement characters: the encoding is not really
/// known. (A clean decoding is kept whatever it contains.)
fn accept(text: String, encoding: &'static str, had_errors: bool) -> Result<Decoded, ImportError> {
    if !had_errors {
        return Ok(Decoded { text, encoding });
    }
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let total = text.chars().count();
    // Mostly replacement characters, or nothing else (a BOM and one stray byte).
    let nothing_else = text.chars().all(|c| c == '\u{FFFD}' || c.is_whitespace());
    if (replaced > 2 && replaced * 50 > total) || nothing_else {
        return Err(ImportError::UnknownEncoding);
    }
    Ok(Decoded { text, encoding })
}

/// UTF-8 with a few broken sequences (a truncated download, one bad byte): at most one error per
/// 200 valid multi-byte characters. GBK text is almost never valid UTF-8, so it fails this.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let mut errors = 0usize;
    let mut multibyte = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, after) = rest.split_at(e.valid_up_to());
                multibyte += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                errors += 1;
                // Multi-byte characters take at least 2 bytes, so past len/400 errors the
                // 1-in-200 bar can no longer be met: stop scanning a GBK file early.
                if errors * 400 > bytes.len().max(400) {
                    return false;
                }
                match e.error_len() {
                    Some(n) => rest = &after[n.min(after.len())..],
                    None => break,
                }
            }
        }
    }
    errors > 0 && multibyte >= 20 && errors * 200 <= multibyte.max(200)
}

/// Lots of NULs or C0 control characters (other than tab, line ends, form feed, escape) in the
/// first 64 KB of a file without a UTF-16 BOM: an executable, an image, an archive.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let bad = sample
        .iter()
        .filter(|&&b| matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F))
        .count();
    bad > 0 && bad * 100 >= sample.len().max(1)
}

/// The charset a web page declares in its first 4 KB (`<meta charset=…>` or `content=…charset=…`).
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len()
            && (lower[i].is_ascii_whitespace() || matches!(lower[i], b'"' | b'\''))
        {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[start..i]) {
            return Some(enc);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str = "2023年，示例市坚持以习近平新时代中国特色社会主义思想为指导，全面推进法治政府建设，\
                        全年办理行政复议案件113件，行政机关负责人出庭应诉率达到100%。";

    #[test]
    fn utf8_with_bom_drops_the_bom() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(PARA.as_bytes());
        let d = decode(&bytes, None).expect("UTF-8 with BOM decodes");
        assert_eq!(d.text, PARA, "the BOM is not text");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn gbk_paragraph_is_detected_as_gbk() {
        let long = PARA.repeat(3);
        let (bytes, _, _) = GBK.encode(&long);
        let d = decode(&bytes, None).expect("GBK decodes");
        assert_eq!(d.text, long, "GBK text round-trips");
        assert_eq!(d.encoding, "GBK", "a long GBK file is reported as GBK");
    }

    #[test]
    fn long_big5_text_is_read_as_big5_not_gbk_mojibake() {
        let traditional =
            "示例縣政府堅持依法行政，全面推進法治政府建設，行政復議案件審結率達到百分之百。"
                .repeat(6);
        let (bytes, _, unmappable) = BIG5.encode(&traditional);
        assert!(!unmappable, "the sample is pure Big5");
        let d = decode(&bytes, None).expect("Big5 decodes");
        assert_eq!(
            d.encoding, "Big5",
            "every Big5 pair is also GBK; chardetng must decide"
        );
        assert_eq!(d.text, traditional);
    }

    #[test]
    fn detection_sample_ends_on_a_line_end() {
        let text = format!("{PARA}\n").repeat(100);
        let (bytes, _, _) = GBK.encode(&text);
        let sample = detection_sample(&bytes);
        assert!(
            sample.len() <= DETECTION_SAMPLE,
            "chardetng sees only the start"
        );
        assert_eq!(
            sample.last(),
            Some(&b'\n'),
            "cut after a line end, never inside a character"
        );
        assert_eq!(
            decode(&bytes, None).map(|d| d.encoding).ok(),
            Some("GBK"),
            "and still says GBK"
        );
    }

    #[test]
    fn very_short_gbk_is_not_read_as_korean() {
        let (bytes, _, _) = GBK.encode("报告");
        let d = decode(&bytes, None).expect("4 bytes of GBK decode");
        assert_eq!(
            d.text, "报告",
            "chardetng says EUC-KR here; GB18030 must win"
        );
    }

    #[test]
    fn utf16le_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in PARA.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes, None).expect("UTF-16LE decodes");
        assert_eq!(d.text, PARA);
        assert_eq!(d.encoding, "UTF-16LE", "the chosen encoding is reported");
    }

    #[test]
    fn utf16be_with_bom_decodes() {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in PARA.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        let d = decode(&bytes, None).expect("UTF-16BE decodes");
        assert_eq!(d.text, PARA);
        assert_eq!(d.encoding, "UTF-16BE");
    }

    #[test]
    fn utf8_truncated_mid_character_keeps_the_rest() {
        let mut bytes = PARA.repeat(2).into_bytes();
        bytes.truncate(bytes.len() - 1);
        let d = decode(&bytes, None).expect("a cut-off last character is tolerated");
        assert_eq!(
            d.encoding, "UTF-8",
            "one broken sequence does not make it GBK"
        );
        assert!(
            d.text.starts_with("2023年，示例市"),
            "the good part is kept"
        );
    }

    #[test]
    fn a_bom_and_a_stray_byte_is_no_text() {
        for bytes in [&b"\xff\xfe\x00"[..], b"\xfe\xff\x00", b"\xef\xbb\xbf\xff"] {
            assert!(
                matches!(decode(bytes, None), Err(ImportError::UnknownEncoding)),
                "{bytes:?}: {:?}",
                decode(bytes, None).map(|d| d.text)
            );
        }
    }

    #[test]
    fn random_control_bytes_are_not_text() {
        let bytes: Vec<u8> = (0u8..=255).cycle().take(4000).collect();
        assert!(
            matches!(decode(&bytes, None), Err(ImportError::NotText)),
            "binary is refused"
        );
    }

    #[test]
    fn meta_charset_is_found_in_both_forms() {
        assert_eq!(
            declared_charset(b"<meta charset=\"gb2312\">"),
            Some(GBK),
            "HTML5 form"
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\" />"
            ),
            Some(GBK),
            "HTML4 http-equiv form"
        );
        assert_eq!(
            declared_charset(b"<p>charset is a word</p>"),
            None,
            "no = means no charset"
        );
    }

    #[test]
    fn declared_gbk_but_utf8_bytes_is_read_as_utf8() {
        let d = decode(PARA.as_bytes(), Some(GBK)).expect("decodes");
        assert_eq!(
            d.text, PARA,
            "a stale <meta> must not turn UTF-8 into mojibake"
        );
    }

    /// `text` with `pasted` encoded as GBK (its own line, and inside a line), the rest UTF-8.
    fn utf8_with_gbk(pasted: &str) -> (Vec<u8>, String) {
        let before = format!("{PARA}\n一、主要举措和成效\n");
        let after = format!("\n（一）依法化解矛盾纠纷。{PARA}\n");
        let (gbk, _, _) = GBK.encode(pasted);
        let mut bytes = before.as_bytes().to_vec();
        bytes.extend_from_slice(&gbk);
        bytes.extend_from_slice(after.as_bytes());
        (bytes, format!("{before}{pasted}{after}"))
    }

    #[test]
    fn a_gbk_sentence_pasted_into_utf8_is_read_in_its_own_encoding() {
        for pasted in [
            "全年共办理行政复议案件一百一十三件。",
            "示例区：行政机关负责人出庭应诉率为百分之百，较上年提高五个百分点。",
        ] {
            let (bytes, expected) = utf8_with_gbk(pasted);
            let d = decode(&bytes, None).expect("decodes");
            assert_eq!(d.text, expected, "no mojibake on either side");
            assert_eq!(d.encoding, MIXED);
        }
        // Inside a line.
        let (gbk, _, _) = GBK.encode("（二）严格规范公正文明执法");
        let mut bytes = "示例市：".as_bytes().to_vec();
        bytes.extend_from_slice(&gbk);
        bytes.extend_from_slice(format!("。{PARA}").as_bytes());
        let d = decode(&bytes, None).expect("decodes");
        assert_eq!(
            d.text,
            format!("示例市：（二）严格规范公正文明执法。{PARA}")
        );
    }

    #[test]
    fn a_utf8_sentence_pasted_into_gbk_is_read_in_its_own_encoding() {
        let head = format!("{PARA}\n{PARA}\n");
        let (mut bytes, _, _) = GBK.encode(&head);
        let mut bytes = bytes.to_mut().clone();
        let pasted = "二、存在的不足和原因：基层执法力量仍然薄弱。\n";
        bytes.extend_from_slice(pasted.as_bytes());
        let (tail, _, _) = GBK.encode("三、下一年度工作安排。");
        bytes.extend_from_slice(&tail);
        let d = decode(&bytes, None).expect("decodes");
        assert_eq!(d.text, format!("{head}{pasted}三、下一年度工作安排。"));
        assert_eq!(d.encoding, MIXED);
    }

    #[test]
    fn pure_gbk_and_damaged_utf8_are_not_taken_for_mixed() {
        let long = format!("{PARA}\n").repeat(200);
        let (gbk, _, _) = GBK.encode(&long);
        let d = decode(&gbk, None).expect("decodes");
        assert_eq!((d.text.as_str(), d.encoding), (long.as_str(), "GBK"));
        let mut damaged = long.clone().into_bytes();
        damaged[100] = 0xFF;
        let d = decode(&damaged, None).expect("decodes");
        assert_eq!(
            d.encoding, "UTF-8",
            "one bad byte stays a replacement character"
        );
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_in_both_byte_orders() {
        let text = format!("示例市2023年法治政府建设年度报告\r\n{PARA}\r\n");
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let d = decode(&le, None).expect("UTF-16LE without BOM");
        assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), "UTF-16LE"));
        let d = decode(&be, None).expect("UTF-16BE without BOM");
        assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), "UTF-16BE"));
        // Chinese only, no ASCII at all (no zero bytes to go by).
        let chinese: Vec<u8> = PARA
            .chars()
            .filter(|c| !c.is_ascii())
            .collect::<String>()
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(&chinese, None).expect("decodes").encoding,
            "UTF-16LE"
        );
        // ASCII and GBK are not UTF-16.
        assert_eq!(
            decode(b"plain ascii text, 2023", None)
                .expect("ascii")
                .encoding,
            "UTF-8"
        );
        let (gbk, _, _) = GBK.encode(PARA);
        assert_ne!(decode(&gbk, None).expect("gbk").encoding, "UTF-16LE");
    }

    #[test]
    fn declared_gbk_is_honoured() {
        let (bytes, _, _) = GBK.encode(PARA);
        let d = decode(&bytes, Some(GBK)).expect("decodes");
        assert_eq!(d.text, PARA);
        assert_eq!(d.encoding, "GBK");
    }
}
