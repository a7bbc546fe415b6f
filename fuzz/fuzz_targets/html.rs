//! Bytes → the saved-web-page pipeline (charset sniffing, DOM walk, table grids, parsers).
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
            ..Limits::default()
        },
        ..Options::default()
    };
    let _ = extract_bytes(Source::default(), data, Some(Format::Html), &options);
});
