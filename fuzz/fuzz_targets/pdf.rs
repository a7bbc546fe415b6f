//! Bytes → the whole PDF pipeline (lopdf, content interpreter, fonts, layout, parsers).
#![no_main]

use std::time::Duration;

use govreport_app::pipeline::{Options, extract_bytes};
use govreport_model::format::Format;
use govreport_model::limits::Limits;
use govreport_model::record::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Small bounds so one input costs milliseconds, not the production minute.
    let options = Options {
        limits: Limits {
            timeout: Duration::from_secs(2),
            max_input_bytes: 16 << 20,
            max_inflated_stream_bytes: 4 << 20,
            max_inflated_content_bytes: 16 << 20,
            max_pages: 50,
            max_glyphs_per_page: 20_000,
            max_form_depth: 4,
            ..Limits::default()
        },
        // No tesseract child processes while fuzzing; the page_image target covers OCR.
        ocr: govreport_read::ocr::Mode::Never,
        corrections: None,
    };
    let _ = extract_bytes(Source::default(), data, Some(Format::Pdf), &options);
});
