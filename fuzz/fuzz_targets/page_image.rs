//! Bytes → the page-image stage of OCR: the PNM reader, background normalisation, dither
//! detection and directional averaging, quarter turns, skew estimation and rotation,
//! binarisation, ruling-line and grid detection (and the sideways test on its cells), and
//! the TSV reader (the bytes read as tesseract output), and the cell crops: cut at two
//! thresholds, cleared, and looked at for a dash, a lean and a glyph. No child process is
//! started.
#![no_main]

use govreport_read::ocr::image::Gray;
use govreport_read::ocr::rules::{self, Params};
use govreport_read::ocr::{cells, crop, descreen, grid, skew, tsv, turn};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for word in tsv::parse(&String::from_utf8_lossy(data)) {
        let _ = cells::alternatives(&word.text);
    }
    let Ok(img) = Gray::from_pnm(data) else {
        return;
    };
    // Keep each input cheap: the production limit is 80 M pixels.
    if img.width * img.height > 1 << 20 {
        return;
    }
    let dpi = 50.0 + (data.len() % 550) as f32;
    let img = img.normalise_background((dpi / 6.0) as usize);
    let dithered = descreen::is_dithered(&img);
    let img = img.turned((data.len() % 4) as u8);
    let angle = skew::estimate(&img, dithered);
    let img = img.rotate(-angle);
    let params = Params::for_page(&img, dpi);
    // Both ways of finding rules: as on a clean page, and as on a dithered one (averaged
    // copies, ink judged against their paper).
    let mut segments = rules::detect(&img, &params);
    segments.extend(rules::on_page(&img, &params, true, dpi));
    let boxes = grid::cells(&segments, dpi / 60.0, dpi / 15.0);
    let _ = turn::runs_down(&boxes);
    let boxes = &boxes[..boxes.len().min(50)];
    for threshold in [(img.median() as f32 * 0.7) as u8, params.ink] {
        for c in crop::cut_at(&img, boxes, dpi / 60.0, threshold) {
            let _ = (c.dash(), c.leans(), c.glyph_box());
        }
    }
});
