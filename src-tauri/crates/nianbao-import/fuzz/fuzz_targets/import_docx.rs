//! Fuzz the .docx importer directly (no panic guard, so a panic is a crash the fuzzer keeps).
//! Inputs starting with "PK" go through the zip path; anything else is fed to the XML readers
//! (styles, numbering, document body), which zip CRCs would otherwise shield from mutation.
//! Run: `cargo fuzz run import_docx --sanitizer none` from the nianbao-import folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        let _ = nianbao_import::fuzzing::docx(data);
    } else {
        let _ = nianbao_import::fuzzing::docx_xml(data);
    }
});
