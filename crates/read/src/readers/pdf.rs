//! PDF: the text layer as `pdf::read` gives it, then the pages and images `--ocr` sends to
//! OCR, within the same limits and deadline, as one [`Document`] with what OCR read beside
//! it — or the record's [`Failure`].

use std::time::Instant;

use super::{Reading, pdf_lines};
use crate::ocr::plan::{self, OcrState};
use crate::ocr::{OcrError, Settings};
use crate::pdf::{self, PdfText};
use govreport_document::Document;
use govreport_model::codes::{ErrorCode, WarningCode};
use govreport_model::limits::Limits;
use govreport_model::record::{Failure, OcrSource, Warning};

/// Reads a PDF, recognising the pages `mode` asks for; the document notes `source.ocr`, and
/// what OCR read is kept beside it.
pub fn read(
    bytes: &[u8],
    limits: &Limits,
    ocr: &Settings,
    deadline: Instant,
) -> Result<Reading, Failure> {
    let text = pdf::read(bytes, limits, deadline)?;
    let mut warnings: Vec<Warning> = text
        .warnings
        .iter()
        .map(|w| Warning::new(WarningCode::RepairedPdf, w.clone()))
        .collect();
    let state = ocr_pages(bytes, &text, ocr, (limits, deadline), &mut warnings)?;
    let pages = state
        .as_ref()
        .map_or_else(|| text.pages.clone(), OcrState::layers);
    let document = Document {
        lines: pdf_lines(&pages),
        warnings,
        pages: Some(text.pages.len() as u32),
        producer: text.producer.clone(),
        no_text_layer: pages.iter().all(|p| p.glyphs.is_empty()),
        ocr: ocr_source(state.as_ref(), &text),
        converted_by: None,
    };
    Ok(Reading {
        document,
        ocr: state,
    })
}

/// Runs OCR where the text layer needs it. Without tesseract, a file that has no readable
/// text fails with `no_text_layer` saying how to install it; one that has some text goes on
/// with an `ocr_unavailable` warning.
fn ocr_pages(
    bytes: &[u8],
    text: &PdfText,
    ocr: &Settings,
    (limits, deadline): (&Limits, Instant),
    warnings: &mut Vec<Warning>,
) -> Result<Option<OcrState>, Failure> {
    match plan::read(bytes, text, ocr, limits, deadline) {
        Ok(state) => Ok(state),
        Err(OcrError::Unavailable(m)) => {
            let jobs = plan::jobs(text, ocr.mode).unwrap_or_default();
            if jobs.iter().any(|j| j.region.is_none()) {
                return Err(Failure::new(ErrorCode::NoTextLayer, m));
            }
            warnings.push(Warning::new(WarningCode::OcrUnavailable, m));
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// `source.ocr`: the pages OCR read, and the layer pages it did not read in full; None
/// when there are neither.
pub fn ocr_source(state: Option<&OcrState>, text: &PdfText) -> Option<OcrSource> {
    let whole: Vec<u32> = state
        .into_iter()
        .flat_map(|s| s.reads.iter())
        .filter(|r| r.1.is_none())
        .map(|r| r.0 as u32 + 1)
        .collect();
    let layer: Vec<u32> = text
        .ocr_layer
        .iter()
        .copied()
        .filter(|p| !whole.contains(p))
        .collect();
    if state.is_none() && layer.is_empty() {
        return None;
    }
    Some(OcrSource {
        engine: state
            .map(|s| s.engine.clone())
            .or_else(|| text.layer_engine.clone()),
        languages: state.map(|s| s.languages.clone()),
        pages: state.map(OcrState::page_numbers).unwrap_or_default(),
        existing_layer: (!layer.is_empty()).then_some(layer),
        turned: state.and_then(OcrState::turned),
    })
}
