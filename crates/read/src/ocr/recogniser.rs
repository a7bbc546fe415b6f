//! Which engine reads the pages: PP-OCR where installed (`GOVREPORT_PPOCR` may name its
//! folder or switch it off), else tesseract.

use super::engine::{self, Engine};
use super::{Engines, ppocr};

/// The engine OCR uses in this process.
#[derive(Clone, Copy)]
pub enum Recogniser {
    /// PP-OCRv6: pages, cells and second readings.
    PpOcr(&'static ppocr::Engine),
    /// tesseract `chi_sim` for pages, `eng` digits for cells.
    Tesseract(&'static Engine),
}

impl Recogniser {
    /// The engine `engines` asks for: PP-OCR when installed (for [`Engines::Best`]), else
    /// tesseract; `Err` says how to install tesseract.
    pub fn find(engines: Engines) -> Result<Recogniser, &'static str> {
        match (engines, ppocr::engine()) {
            (Engines::Best, Ok(pp)) => Ok(Recogniser::PpOcr(pp)),
            _ => engine::engine().map(Recogniser::Tesseract),
        }
    }

    /// Whether this is PP-OCR.
    pub fn is_ppocr(&self) -> bool {
        matches!(self, Recogniser::PpOcr(_))
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
