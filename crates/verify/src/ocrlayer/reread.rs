//! govreport's own OCR (the reading crate's `ocr` module) of the pages that hold a table
//! the layer leaves doubtful.

use govreport_document::layout::PageLayer;
use govreport_model::record::{Record, Source, Warning};
use govreport_read::ocr::page::PageJob;
use govreport_read::ocr::{Engines, Mode, plan, render};
use govreport_read::pdf;
use govreport_read::readers::pdf::ocr_source;

use crate::{Context, rebuild, resolve};

/// Reads `pages` (1-based) of the PDF by OCR, in full, and returns the record parsed from
/// them, OCR doubts settled by the rules; None when OCR is off (`--ocr never`), unavailable
/// or fails (the layer's reading then stands, its doubts named).
pub fn pages(
    context: &Context,
    source: &Source,
    warnings: &[Warning],
    pages: &[u32],
) -> Option<Record> {
    if context.ocr == Mode::Never {
        return None;
    }
    let text = pdf::read(context.bytes, context.limits, context.deadline).ok()?;
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
                turn: None,
            })
        })
        .collect();
    // Tesseract, by which this re-reading was measured: PP-OCR reads some blank cells of
    // layer pages as 0 (tongshan-2022-ocrmypdf-hocr's 尚未审结).
    let mut state = plan::run(
        context.bytes,
        &text,
        jobs,
        (Engines::Tesseract, context.deadline),
    )
    .ok()?;
    let mut source = source.clone();
    source.ocr = ocr_source(Some(&state), &text);
    let build = |layers: &[PageLayer]| rebuild(&source, warnings, layers);
    let mut record = build(&state.layers());
    resolve::settle(&mut record, &mut state, &build);
    Some(record)
}
