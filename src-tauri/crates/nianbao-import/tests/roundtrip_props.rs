//! Property tests: text survives every encoding we claim to read, and no input makes an
//! importer panic (the importers are called without the panic guard, so a panic fails here).
mod common;

use nianbao_import::{ImportError, fuzzing, import_bytes};
use proptest::prelude::*;

/// Text a drafter could type: any printable characters and line breaks, but not starting like
/// another format (`<html`, `%PDF`, `{\rtf`, `MIME-Version:`), which would be sniffed as such.
fn typed_text() -> impl Strategy<Value = String> {
    "[\\PC\n]{1,300}".prop_filter("starts like another format", |s| {
        let head = s.trim_start().to_ascii_lowercase();
        !(head.starts_with('<')
            || head.starts_with('%')
            || head.starts_with('{')
            || head.starts_with("mime"))
    })
}

/// Chinese text long enough to be told from UTF-8: at least eight Han characters among
/// punctuation, digits, Latin and anything else printable.
fn chinese_text() -> impl Strategy<Value = String> {
    let han = proptest::char::range('\u{4E00}', '\u{9FA5}');
    (
        proptest::collection::vec(han, 8..40),
        "[\\PC\n，。；：、（）“”《》]{0,200}",
    )
        .prop_map(|(hans, rest)| {
            let mut out = String::new();
            for (i, c) in hans.into_iter().enumerate() {
                out.push(c);
                if let Some(r) = rest.chars().nth(i * 3) {
                    out.push(r);
                }
            }
            out.push_str(&rest);
            out
        })
}

fn imported(bytes: &[u8]) -> String {
    match import_bytes(bytes, Some("prop.txt")) {
        Ok(t) => t.text,
        Err(e) => format!("<error {}>", e.code()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_as_utf8_imports_back(s in typed_text()) {
        prop_assert_eq!(imported(s.as_bytes()), s, "UTF-8 is read as it is");
    }

    #[test]
    fn any_text_as_utf16_with_bom_imports_back(s in typed_text()) {
        prop_assert_eq!(imported(&common::utf16le_bom(&s)), s.clone(), "UTF-16LE with BOM");
        let mut be = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        prop_assert_eq!(imported(&be), s, "UTF-16BE with BOM");
    }

    #[test]
    fn chinese_text_as_gb18030_imports_back(s in chinese_text()) {
        prop_assume!(!s.trim_start().starts_with(['<', '%', '{']));
        prop_assert_eq!(imported(&common::gb18030(&s)), s, "GB18030 (and so GBK) is detected");
    }

    #[test]
    fn crlf_and_lf_import_alike(s in typed_text()) {
        let crlf = s.replace('\n', "\r\n");
        prop_assert_eq!(imported(crlf.as_bytes()), s, "CRLF becomes LF, nothing else changes");
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = fuzzing::text(&bytes);
        let _ = fuzzing::html(&bytes);
        let _ = fuzzing::docx(&bytes);
        let r = import_bytes(&bytes, None);
        prop_assert!(!matches!(r, Err(ImportError::Internal)), "no importer panicked");
    }
}

/// "Mini fuzz": valid files with bytes flipped or cut, fed to each importer unguarded.
mod mutated {
    use super::*;

    fn sample_docx() -> Vec<u8> {
        common::docx(
            "示例市2024年法治政府建设情况报告\n一、主要举措\n全年受理行政复议案件142件。\n二、存在的不足\n基层力量薄弱。",
        )
    }

    fn sample_html() -> Vec<u8> {
        common::portal_page(
            "示例县2024年法治政府建设情况报告\n一、主要举措\n全年受理行政复议案件58件。",
        )
    }

    fn mutate(base: &[u8], flips: &[(usize, u8)], cut: usize) -> Vec<u8> {
        let mut b = base.to_vec();
        for &(at, v) in flips {
            let i = at % b.len().max(1);
            if let Some(x) = b.get_mut(i) {
                *x ^= v;
            }
        }
        b.truncate(cut % (b.len() + 1));
        b
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn mutated_docx_never_panics(flips in proptest::collection::vec((any::<usize>(), 1u8..), 0..8), cut in any::<usize>()) {
            let bytes = mutate(&sample_docx(), &flips, cut);
            let _ = fuzzing::docx(&bytes);
        }

        #[test]
        fn mutated_html_never_panics(flips in proptest::collection::vec((any::<usize>(), 1u8..), 0..16), cut in any::<usize>()) {
            let bytes = mutate(&sample_html(), &flips, cut);
            let _ = fuzzing::html(&bytes);
            let _ = fuzzing::text(&bytes);
        }
    }
}
