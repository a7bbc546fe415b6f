//! Which engine reads the pages: PP-OCR where chosen (`GOVREPORT_PPOCR`), else tesseract.

use super::engine::{self, Engine};
use super::ppocr;

/// The engine OCR uses in this process.
#[derive(Clone, Copy)]
pub enum Recogniser {
    /// PP-OCRv6: pages, cells and second readings.
    PpOcr(&'static ppocr::Engine),
    /// tesseract `chi_sim` for pages, `eng` digits for cells.
    Tesseract(&'static Engine),
}

impl Recogniser {
    /// PP-OCR when chosen and installed, else tesseract; `Err` says how to install tesseract.
    pub fn find() -> Result<Recogniser, &'static str> {
        match ppocr::engine() {
            Ok(pp) => Ok(Recogniser::PpOcr(pp)),
            Err(_) => engine::engine().map(Recogniser::Tesseract),
        }
    }

    /// The languages it reads, for `source.ocr.languages`.
    pub fn languages(&self) -> &'static str {
        match self {
            Recogniser::PpOcr(_) => "ch",
            Recogniser::Tesseract(_) => "chi_sim",
        }
    }

    /// The engine's name and version, for `source.ocr.engine`.
    pub fn name(&self) -> String {
        match self {
            Recogniser::PpOcr(pp) => pp.version.clone(),
            Recogniser::Tesseract(t) => t.version.clone(),
        }
    }
}
