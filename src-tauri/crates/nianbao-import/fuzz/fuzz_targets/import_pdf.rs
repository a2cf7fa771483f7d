//! Fuzz the PDF importer directly (no panic guard, so a panic is a crash the fuzzer keeps).
//! Run: `cargo fuzz run import_pdf --sanitizer none` from the nianbao-import folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = nianbao_import::fuzzing::pdf(data);
});
