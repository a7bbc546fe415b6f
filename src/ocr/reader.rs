//! The PDF reader with OCR: the text layer as `pdf::read` gives it, then the pages and
//! images `--ocr` sends to tesseract, within the same limits and deadline, as one
//! [`Document`] — or the record's [`Failure`].

use std::time::Instant;

use super::plan::{self, OcrState};
use super::{Mode, OcrError};
use crate::codes::{ErrorCode, WarningCode};
use crate::document::Document;
use crate::limits::Limits;
use crate::ocrlayer;
use crate::pdf::{self, PdfError, PdfText};
use crate::pipeline;
use crate::record::{Failure, OcrSource, Warning};

/// A PDF as read: its document, what OCR read (kept to settle doubtful cells after
/// parsing), and `source.ocr`.
pub struct OcrRead {
    /// The lines of the text layer with the OCR'd pages and regions in place.
    pub document: Document,
    /// OCR's readings; None when no page was recognised.
    pub state: Option<OcrState>,
    /// `source.ocr`: None for a born-digital text layer.
    pub source: Option<OcrSource>,
}

/// Reads a PDF, recognising the pages `mode` asks for.
pub fn read(
    bytes: &[u8],
    limits: &Limits,
    mode: Mode,
    deadline: Instant,
) -> Result<OcrRead, Failure> {
    let text = pdf::read(bytes, limits, deadline)?;
    let mut warnings: Vec<Warning> = text
        .warnings
        .iter()
        .map(|w| Warning::new(WarningCode::RepairedPdf, w.clone()))
        .collect();
    let state = ocr_pages(bytes, &text, mode, deadline, &mut warnings)?;
    let source = ocrlayer::reread::ocr_source(state.as_ref(), &text);
    let pages = state
        .as_ref()
        .map_or_else(|| text.pages.clone(), OcrState::layers);
    let document = Document {
        lines: pipeline::pdf_lines(&pages),
        warnings,
        pages: Some(text.pages.len() as u32),
        producer: text.producer.clone(),
        no_text_layer: pages.iter().all(|p| p.glyphs.is_empty()),
    };
    Ok(OcrRead {
        document,
        state,
        source,
    })
}

/// Runs OCR where the text layer needs it. Without tesseract, a file that has no readable
/// text fails with `no_text_layer` saying how to install it; one that has some text goes on
/// with an `ocr_unavailable` warning.
fn ocr_pages(
    bytes: &[u8],
    text: &PdfText,
    mode: Mode,
    deadline: Instant,
    warnings: &mut Vec<Warning>,
) -> Result<Option<OcrState>, Failure> {
    match plan::read(bytes, text, mode, deadline) {
        Ok(state) => Ok(state),
        Err(OcrError::Unavailable(m)) => {
            let jobs = plan::jobs(text, mode).unwrap_or_default();
            if jobs.iter().any(|j| j.region.is_none()) {
                return Err(Failure::new(ErrorCode::NoTextLayer, m));
            }
            warnings.push(Warning::new(WarningCode::OcrUnavailable, m));
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

impl From<OcrError> for Failure {
    fn from(e: OcrError) -> Failure {
        match e {
            OcrError::Unavailable(m) => Failure::new(ErrorCode::NoTextLayer, m),
            OcrError::Timeout => PdfError::Timeout.into(),
            OcrError::TooLarge(m) => PdfError::TooLarge(m).into(),
            OcrError::Failed(m) => Failure::new(ErrorCode::Unreadable, m),
        }
    }
}
