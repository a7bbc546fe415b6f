//! Prints the words PP-OCR reads in a PGM page image, with the time it took:
//! `cargo run --release -p govreport-read --example ppocr_words -- page.pgm`.

use std::time::{Duration, Instant};

use govreport_read::ocr::image::Gray;
use govreport_read::ocr::ppocr;

fn main() -> Result<(), String> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: ppocr_words PAGE.pgm")?;
    let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let img = Gray::from_pnm(&bytes)?;
    let start = Instant::now();
    let engine = ppocr::engine()?;
    let loaded = start.elapsed();
    let deadline = Instant::now() + Duration::from_secs(600);
    let words = engine.words(&img, deadline).map_err(|e| format!("{e:?}"))?;
    for w in &words {
        println!("{:?}\t{}\t{:.0}", w.bbox.map(|v| v as i32), w.text, w.conf);
    }
    eprintln!(
        "{} words; load {:.2} s, read {:.2} s",
        words.len(),
        loaded.as_secs_f32(),
        (start.elapsed() - loaded).as_secs_f32()
    );
    Ok(())
}
