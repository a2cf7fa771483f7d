//! PDF, .doc and spreadsheets that are broken, cut, bit-flipped, encrypted or hostile: each is a
//! one-line refusal or some text, never a panic or a hang. The importers are called through
//! `fuzzing` (no panic guard), so a panic fails the test. Statistics from CSV in GBK and from
//! the same table as LibreOffice's .xlsx and .xls.
mod common;
#[path = "formats_support/mod.rs"]
mod office;

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use nianbao_import::{fuzzing, import_bytes, read_statistics};
use proptest::prelude::*;

const TABLE_CSV: &str = "示例区司法局2024年统计表,,\n单位：件,,\n指标,上年,本年\n行政复议案件,120,142\n行政诉讼案件,35,41\n纠错率,8.5%,9.1%\n";

/// (pdf, doc, xlsx, xls) made by LibreOffice once for this binary; None without soffice.
type Samples = (Vec<u8>, Vec<u8>, Vec<u8>, Vec<u8>);

fn samples() -> Option<&'static Samples> {
    static S: OnceLock<Option<Samples>> = OnceLock::new();
    S.get_or_init(|| {
        office::soffice()?;
        let dir = tempfile::tempdir().expect("temp").keep();
        let text = "示例市2024年法治政府建设年度报告\n一、主要举措\n全年共受理行政复议案件142件，同比增长12.5%。\n二、下一步安排\n继续推进依法行政。";
        office::convert(
            &dir,
            &[("s".into(), office::official_docx(text, office::Layout::default()))],
            &["pdf", "doc"],
        );
        std::fs::write(dir.join("t.csv"), TABLE_CSV).expect("csv");
        for target in ["xlsx", "xls"] {
            let out = std::process::Command::new("soffice")
                .arg(format!("-env:UserInstallation=file://{}", dir.join("lo").display()))
                .args(["--headless", "--norestore", "--infilter=CSV:44,34,76,1", "--convert-to", target, "--outdir"])
                .arg(&dir)
                .arg(dir.join("t.csv"))
                .output()
                .expect("soffice");
            // LibreOffice is here, so its Calc must be too (`make deps-apt` installs
            // libreoffice-calc-nogui): a missing spreadsheet is a failure, not a skip.
            assert!(
                dir.join(format!("t.{target}")).exists(),
                "soffice made no .{target}: is libreoffice-calc-nogui installed (make deps-apt)? {out:?}"
            );
        }
        let read = |n: &str| std::fs::read(dir.join(n)).expect("a converted sample");
        Some((read("s.pdf"), read("s.doc"), read("t.xlsx"), read("t.xls")))
    })
    .as_ref()
}

fn no_panic(bytes: &[u8]) {
    let _ = fuzzing::pdf(bytes);
    let _ = fuzzing::doc(bytes);
    let _ = fuzzing::doc_streams(bytes);
    let _ = fuzzing::statistics(bytes);
}

#[test]
fn statistics_from_gbk_csv_xlsx_and_xls_name_their_cells() {
    let (gbk, _, _) = encoding_rs::GBK.encode(TABLE_CSV);
    let mut sources = vec![("csv", gbk.into_owned())];
    if let Some((_, _, xlsx, xls)) = samples() {
        sources.push(("xlsx", xlsx.clone()));
        sources.push(("xls", xls.clone()));
        // WPS 表格 saves .et in Excel's binary format: the same bytes under WPS's name.
        sources.push(("et", xls.clone()));
    }
    for (kind, bytes) in sources {
        let s = read_statistics(&bytes, Some(&format!("t.{kind}")))
            .unwrap_or_else(|e| panic!("{kind}: {e}"));
        let f = s
            .figures
            .iter()
            .find(|f| f.metric == "行政复议案件" && f.column == "本年")
            .unwrap_or_else(|| panic!("{kind}: {:#?}", s.figures));
        assert_eq!(f.text, "142", "{kind}");
        assert_eq!(
            f.unit.as_deref(),
            Some("件"),
            "{kind}: the note above the table"
        );
        assert!(f.cell.ends_with("!C4"), "{kind}: {}", f.cell);
        assert_eq!(s.figures.len(), 6, "{kind}: {:#?}", s.figures);
        let rate = s
            .figures
            .iter()
            .find(|f| f.metric == "纠错率" && f.column == "本年")
            .expect("rate");
        assert_eq!(rate.unit.as_deref(), Some("%"), "{kind}");
        assert!(
            (rate.value - 9.1).abs() < 1e-9,
            "{kind}: a percent cell is 9.1 (%), not its stored fraction: {rate:?}"
        );
    }
}

#[test]
fn spreadsheets_import_as_rows_of_cells() {
    let Some((_, _, xlsx, _)) = samples() else {
        return;
    };
    let t = import_bytes(xlsx, Some("t.xlsx")).expect("xlsx as text");
    assert!(
        t.text.lines().any(|l| l == "行政复议案件\t120\t142"),
        "{}",
        t.text
    );
}

#[test]
fn cut_and_flipped_office_files_never_panic() {
    let Some((pdf, doc, xlsx, xls)) = samples() else {
        return;
    };
    for file in [pdf, doc, xlsx, xls] {
        for cut in [
            file.len() - 1,
            file.len() * 3 / 4,
            file.len() / 2,
            600,
            100,
            9,
        ] {
            no_panic(&file[..cut.min(file.len())]);
            let r = import_bytes(&file[..cut.min(file.len())], None);
            if let Err(e) = r {
                assert!(!e.to_string().contains('\n'), "one line: {e}");
            }
        }
        let mut flipped = file.clone();
        for i in (0..flipped.len()).step_by(97) {
            flipped[i] ^= 0x5A;
        }
        no_panic(&flipped);
    }
}

#[test]
fn a_doc_whose_piece_table_points_past_the_end_is_refused() {
    let Some((_, doc, _, _)) = samples() else {
        return;
    };
    // Find the piece descriptor's file offset in the table stream and push it far out.
    let mut cfb = cfb::CompoundFile::open(Cursor::new(doc.clone())).expect("cfb");
    let mut word = Vec::new();
    cfb.open_stream("/WordDocument")
        .expect("word")
        .read_to_end(&mut word)
        .expect("read");
    let table_name = if u16::from_le_bytes([word[10], word[11]]) & 0x0200 != 0 {
        "/1Table"
    } else {
        "/0Table"
    };
    let mut table = Vec::new();
    cfb.open_stream(table_name)
        .expect("table")
        .read_to_end(&mut table)
        .expect("read");
    let fc_clx = u32::from_le_bytes(word[0x1A2..0x1A6].try_into().expect("4")) as usize;
    let mut at = fc_clx;
    while table[at] == 1 {
        at += 3 + u16::from_le_bytes([table[at + 1], table[at + 2]]) as usize;
    }
    let lcb = u32::from_le_bytes(table[at + 1..at + 5].try_into().expect("4")) as usize;
    let n = (lcb - 4) / 12;
    let pcd = at + 5 + (n + 1) * 4;
    table[pcd + 2..pcd + 6].copy_from_slice(&0x3F00_0000u32.to_le_bytes());
    let mut stream = cfb.create_stream(table_name).expect("rewrite");
    stream.write_all(&table).expect("write");
    drop(stream);
    let broken = cfb.into_inner().into_inner();
    let err = import_bytes(&broken, Some("坏.doc")).expect_err("past the end");
    assert_eq!(err.code(), "import.corrupt_doc", "{err}");
}

/// Raw deflate of `megabytes` of zeros, taken out of a zip entry, wrapped as zlib.
fn zlib_zeros(megabytes: usize) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("z", opts).expect("start");
    let chunk = vec![0u8; 1024 * 1024];
    for _ in 0..megabytes {
        w.write_all(&chunk).expect("zeros");
    }
    let zip = w.finish().expect("finish").into_inner();
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).expect("zip");
    let mut raw = Vec::new();
    archive
        .by_index_raw(0)
        .expect("raw")
        .read_to_end(&mut raw)
        .expect("read");
    let mut out = vec![0x78, 0x9C];
    out.extend_from_slice(&raw);
    out.extend_from_slice(&[0, 0, 0, 1]);
    out
}

#[test]
fn a_pdf_stream_inflating_to_gigabytes_is_stopped() {
    let z = zlib_zeros(2048);
    let mut pdf = office::handmade_pdf(&["BT /F1 12 Tf 72 700 Td (Report) Tj ET"], "");
    // A second content stream of 2 GB of zeros, referenced from nowhere but parsed on demand,
    // and the page's content pointed at it.
    let body = format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", z.len());
    let mut obj = format!("99 0 obj\n{body}").into_bytes();
    obj.extend_from_slice(&z);
    obj.extend_from_slice(b"\nendstream\nendobj\n");
    let text = String::from_utf8_lossy(&pdf).replace("/Contents 5 0 R", "/Contents 99 0 R");
    pdf = text.into_bytes();
    let end = pdf.len() - b"%%EOF\n".len();
    pdf.splice(end..end, obj);
    assert!(
        pdf.len() < 5 * 1024 * 1024,
        "the bomb is small: {}",
        pdf.len()
    );
    let started = Instant::now();
    let r = import_bytes(&pdf, Some("bomb.pdf"));
    assert!(
        r.is_err() || r.is_ok_and(|t| t.text.len() < 1024 * 1024),
        "nothing huge comes back"
    );
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "stopped promptly: {:?}",
        started.elapsed()
    );
}

#[test]
fn password_protected_compound_files_and_old_wps_say_so() {
    // An encrypted OOXML package is a compound file with EncryptionInfo/EncryptedPackage.
    let mut cfb = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("create");
    cfb.create_stream("/EncryptionInfo")
        .expect("s")
        .write_all(&[4, 0, 4, 0])
        .expect("w");
    cfb.create_stream("/EncryptedPackage")
        .expect("s")
        .write_all(&[0; 64])
        .expect("w");
    let bytes = cfb.into_inner().into_inner();
    assert_eq!(
        import_bytes(&bytes, Some("报告.docx"))
            .expect_err("encrypted")
            .code(),
        "import.encrypted"
    );
    let mut other = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("create");
    other
        .create_stream("/WPS")
        .expect("s")
        .write_all(b"old")
        .expect("w");
    let bytes = other.into_inner().into_inner();
    assert_eq!(
        import_bytes(&bytes, Some("旧.wps"))
            .expect_err("old")
            .code(),
        "import.old_wps"
    );
    assert_eq!(
        import_bytes(b"\xff\x00WPS2000", Some("旧.wps"))
            .expect_err("old")
            .code(),
        "import.old_wps"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        no_panic(&bytes);
    }

    #[test]
    fn random_bytes_behind_each_magic_never_panic(
        magic in prop_oneof![Just(b"%PDF-1.7\n".to_vec()), Just(vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), Just(b"PK\x03\x04".to_vec())],
        rest in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        let mut bytes = magic;
        bytes.extend(rest);
        no_panic(&bytes);
        let _ = import_bytes(&bytes, Some("x.doc"));
    }

    #[test]
    fn word_streams_with_a_valid_fib_header_never_panic(rest in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let mut bytes = vec![0xEC, 0xA5];
        bytes.extend(rest);
        let _ = fuzzing::doc_streams(&bytes);
    }

    #[test]
    fn bit_flipped_samples_never_panic(seed in any::<u64>(), which in 0usize..4) {
        if let Some((pdf, doc, xlsx, xls)) = samples() {
            let mut bytes = [pdf, doc, xlsx, xls][which].clone();
            let mut x = seed | 1;
            for _ in 0..8 {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                let i = (x % bytes.len() as u64) as usize;
                bytes[i] ^= 1 << (x % 8);
            }
            no_panic(&bytes);
        }
    }
}
