//! Fuzz the spreadsheet readers (.xlsx, .xls/.et, .csv) as statistics tables.
//! Run: `cargo fuzz run import_sheet --sanitizer none` from the nianbao-import folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = nianbao_import::fuzzing::statistics(data);
});
