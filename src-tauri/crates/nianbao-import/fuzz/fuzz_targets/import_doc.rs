//! Fuzz the Word 97-2003 (.doc/.wps) importer. Inputs starting with the compound-file magic go
//! through the container; anything else is split into a WordDocument and a table stream and fed
//! to the piece-table reader, which the container's own checks would otherwise shield.
//! Run: `cargo fuzz run import_doc --sanitizer none` from the nianbao-import folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let _ = nianbao_import::fuzzing::doc(data);
    } else {
        let _ = nianbao_import::fuzzing::doc_streams(data);
    }
});
