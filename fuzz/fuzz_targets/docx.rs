//! Bytes as a `.docx` → the whole Word pipeline: the zip reader with its inflation limit,
//! the XML reader, numbering, table grids and every parser.
#![no_main]

use std::time::Duration;

use govreport_app::pipeline::{Options, extract_bytes};
use govreport_model::format::Format;
use govreport_model::limits::Limits;
use govreport_model::record::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        limits: Limits {
            timeout: Duration::from_secs(2),
            max_inflated_stream_bytes: 4 << 20,
            ..Limits::default()
        },
        ..Options::default()
    };
    let _ = extract_bytes(Source::default(), data, Some(Format::Docx), &options);
});
