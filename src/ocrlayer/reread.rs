//! govreport's own OCR (the `ocr` module) of the pages that hold a table the layer leaves
//! doubtful, and `source.ocr` for a PDF with OCR'd pages, an OCR layer, or both.

use std::time::Instant;

use crate::layout::PageLayer;
use crate::ocr::page::PageJob;
use crate::ocr::plan::{self, OcrState};
use crate::ocr::{Mode, render, resolve};
use crate::pdf::{self, PdfText};
use crate::pipeline::{self, Options};
use crate::record::{OcrSource, Record, Source, Warning};

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
        languages: state.map(|_| "chi_sim".to_string()),
        pages: state.map(OcrState::page_numbers).unwrap_or_default(),
        existing_layer: (!layer.is_empty()).then_some(layer),
    })
}

/// Reads `pages` (1-based) of the PDF in `bytes` by OCR, in full, and returns the record
/// parsed from them, OCR doubts settled by the rules; None when OCR is off (`--ocr never`),
/// unavailable or fails (the layer's reading then stands, its doubts named).
pub fn pages(
    bytes: &[u8],
    source: &Source,
    warnings: &[Warning],
    options: &Options,
    deadline: Instant,
    pages: &[u32],
) -> Option<Record> {
    if options.ocr == Mode::Never {
        return None;
    }
    let text = pdf::read(bytes, &options.limits, deadline).ok()?;
    let jobs: Vec<PageJob> = pages
        .iter()
        .filter_map(|&number| {
            let page = text.pages.get((number as usize).checked_sub(1)?)?;
            let size = (page.width, page.height);
            let dpi = render::dpi_for(size)?;
            Some(PageJob {
                number,
                size,
                region: None,
                dpi,
            })
        })
        .collect();
    let mut state = plan::run(bytes, &text, jobs, deadline).ok()?;
    let mut source = source.clone();
    source.ocr = ocr_source(Some(&state), &text);
    let build = |layers: &[PageLayer]| {
        let lines = pipeline::pdf_lines(layers);
        pipeline::assemble(source.clone(), warnings.to_vec(), &lines).0
    };
    let mut record = build(&state.layers());
    resolve::settle(&mut record, &mut state, &build);
    Some(record)
}
