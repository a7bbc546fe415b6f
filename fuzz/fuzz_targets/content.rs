#![no_main]
//! The PDF reader's own byte parsers without a PDF around them: the content-stream lexer
//! (`crates/read/src/pdf/lexer.rs`), the ToUnicode CMap parser (`cmap.rs`) with lookups of
//! codes of every length, and FlateDecode inflation (`inflate.rs`) of the bytes as a zlib
//! stream, with a small limit; thousands of runs a second.

use govreport_read::pdf::cmap::ToUnicode;
use govreport_read::pdf::inflate;
use govreport_read::pdf::lexer::Lexer;
use libfuzzer_sys::fuzz_target;
use lopdf::{Stream, dictionary};

fuzz_target!(|data: &[u8]| {
    let mut lexer = Lexer::new(data);
    let mut operands = Vec::new();
    let mut ops = 0usize;
    while lexer.next_op(&mut operands).is_some() {
        ops += 1;
        assert!(ops <= data.len() + 1, "an operator per byte at most");
    }
    if let Some(map) = ToUnicode::parse(data) {
        for (i, len) in (0..64u32).zip([1u8, 2, 3, 4].into_iter().cycle()) {
            let code = data.get(i as usize).map_or(i, |&b| u32::from(b) * 257 + i);
            let _ = map.get(code, len);
        }
    }
    let stream = Stream::new(dictionary! {"Filter" => "FlateDecode"}, data.to_vec());
    if let Some(out) = inflate::plain(&stream, 1 << 20) {
        assert!(out.len() <= 1 << 20);
    }
});
