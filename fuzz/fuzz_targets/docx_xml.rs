//! Bytes as a Word document's XML → the WordprocessingML reader (depth limit, runs, fields,
//! text boxes, tables, merges), list numbering (the same bytes as numbering and styles
//! parts) and the grid placement of the tables.
#![no_main]

use std::time::{Duration, Instant};

use govreport_read::docx::{lines, numbering::Numbering, xml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let deadline = Instant::now() + Duration::from_secs(2);
    if let Ok(mut blocks) = xml::body(text, deadline) {
        Numbering::read(text, text).apply(&mut blocks);
        let _ = lines::lines(&blocks);
    }
});
