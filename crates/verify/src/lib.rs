//! Second opinions on a parsed record: OCR cells in doubt settled by the consistency rules,
//! blank cells on scans named, and tables read from an OCR layer made before publication
//! judged and, where doubtful, re-read by our own OCR.

pub mod blanks;
pub mod blend;
pub mod engines;
pub mod fill;
pub mod names;
pub mod ocrlayer;
pub mod provenance;
pub mod resolve;
pub mod settle;
pub mod third;

use std::time::Instant;

use govreport_document::layout::PageLayer;
use govreport_model::limits::Limits;
use govreport_model::record::{Record, Source, Warning};
use govreport_parse::report::{self, Parsed};
use govreport_read::ocr::{Mode, plan::OcrState};
use govreport_read::readers;

/// What the second opinions may use besides the parsed record: the file's bytes (to read
/// pages again by OCR), the limits, `--ocr` and the file's deadline.
pub struct Context<'a> {
    /// The input file's bytes.
    pub bytes: &'a [u8],
    /// Bounds on the file's cost.
    pub limits: &'a Limits,
    /// When pages may be read by OCR (`--ocr`).
    pub ocr: Mode,
    /// When the file's time is up.
    pub deadline: Instant,
}

/// The record after the second opinions: a document with a pre-publication OCR layer is
/// read again from its cleaned lines and its doubtful tables judged (and re-read by OCR
/// where `--ocr` allows); cells OCR read with doubt are settled by the rules; on a wholly
/// scanned document, blank cells among numbers are named; last, each cell's source is
/// settled ([`provenance`]).
pub fn verify(parsed: Parsed, ocr: Option<OcrState>, context: &Context) -> Parsed {
    let layer = parsed.record.source.ocr.as_ref();
    let mut parsed = match layer.and_then(|o| o.existing_layer.clone()) {
        Some(pages) => layer_tables(parsed, &pages, context),
        None => parsed,
    };
    let reads: Vec<provenance::OcrRead> = ocr
        .iter()
        .flat_map(|s| s.reads.iter())
        .map(|r| (r.0 as u32 + 1, r.1))
        .collect();
    if let Some(mut state) = ocr {
        let source = parsed.record.source.clone();
        let warnings = &parsed.document.warnings;
        let build = |pages: &[PageLayer]| rebuild(&source, warnings, pages);
        resolve::settle(&mut parsed.record, &mut state, &build);
        if state.whole_document() {
            blanks::doubt_blanks(&mut parsed.record);
        }
    }
    provenance::settle(&mut parsed.record, &parsed.document.lines, &reads);
    parsed
}

/// The record parsed from page layers (OCR words as glyphs), with the reader's warnings:
/// how a doubtful OCR cell's other readings are tried.
fn rebuild(source: &Source, warnings: &[Warning], pages: &[PageLayer]) -> Record {
    let lines = readers::pdf_lines(pages);
    report::record(source.clone(), warnings.to_vec(), &lines).0
}

/// A document whose `pages` carry an OCR layer made before publication, read again from
/// the layer's cleaned lines ([`ocrlayer::read`]), its doubtful tables re-read by OCR.
fn layer_tables(parsed: Parsed, pages: &[u32], context: &Context) -> Parsed {
    let Parsed {
        record: raw,
        mut document,
        ..
    } = parsed;
    let reread = |p: &[u32]| ocrlayer::reread::pages(context, &raw.source, &document.warnings, p);
    let mut record = Record::new(raw.source.clone());
    record.warnings.extend(document.warnings.iter().cloned());
    let (lines, table_rows) = ocrlayer::read(
        &mut record,
        &raw.tables,
        &document.lines,
        pages,
        Some(&reread),
    );
    report::finish(&mut record);
    document.lines = lines;
    Parsed {
        record,
        document,
        table_rows,
    }
}
