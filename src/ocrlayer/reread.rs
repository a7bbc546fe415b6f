//! govreport's own OCR (the `ocr` module) of the pages that hold a table the layer leaves
//! doubtful.

use std::time::Instant;

use crate::layout::PageLayer;
use crate::ocr::page::PageJob;
use crate::ocr::plan;
use crate::ocr::{Mode, reader, render, resolve};
use crate::pdf;
use crate::pipeline::{self, Options};
use crate::readers;
use crate::record::{Record, Source, Warning};

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
    source.ocr = reader::ocr_source(Some(&state), &text);
    let build = |layers: &[PageLayer]| {
        let lines = readers::pdf_lines(layers);
        pipeline::assemble(source.clone(), warnings.to_vec(), &lines).0
    };
    let mut record = build(&state.layers());
    resolve::settle(&mut record, &mut state, &build);
    Some(record)
}
