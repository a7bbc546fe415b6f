//! One input to one record: read, lay out, parse, check — with every failure caught.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::time::Instant;

use sha2::{Digest, Sha256};

use crate::codes::{CheckStatus, ErrorCode};
use crate::document::Document;
use crate::docx;
use crate::facts::restated;
use crate::input::{Format, Input};
use crate::layout::{Line, PageLayer};
use crate::limits::Limits;
use crate::ocr::{self, plan::OcrState};
use crate::ocrlayer;
use crate::parse;
use crate::readers;
use crate::record::{Failure, Record, Source, Status, Warning};
use crate::template::Template;

/// Settings for extracting one file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Bounds on the file's cost, time included.
    pub limits: Limits,
    /// When pages are read by OCR (`--ocr`).
    pub ocr: ocr::Mode,
}

/// A record with the text and reconstructed table rows behind it.
pub struct Extraction {
    /// The record.
    pub record: Record,
    /// The lines the parsers saw.
    pub lines: Vec<Line>,
    /// How each table's rows were read.
    pub table_rows: Vec<String>,
}

/// Extracts one input; never panics: a panic becomes a `failed` record with code `internal`
/// (its message and source location go into the record, not onto stderr).
pub fn extract(input: &Input, options: &Options) -> Extraction {
    let source = Source {
        path: input.path.display().to_string(),
        ..Source::default()
    };
    silence_file_panics();
    IN_FILE.set(true);
    let result = catch_unwind(AssertUnwindSafe(|| extract_inner(input, options)));
    IN_FILE.set(false);
    match result {
        Ok(extraction) => extraction,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let at = PANIC_AT.take();
            let message = format!(
                "internal error while reading this file ({what}{at}); please report it with the file"
            );
            failed(source, Failure::new(ErrorCode::Internal, message))
        }
    }
}

thread_local! {
    /// Set while this thread extracts a file, whose panics the record reports.
    static IN_FILE: Cell<bool> = const { Cell::new(false) };
    /// Where the last panic inside a file happened (` at src/x.rs:1:2`).
    static PANIC_AT: Cell<String> = const { Cell::new(String::new()) };
}

/// Installs, once, a panic hook that keeps panics inside a file's extraction off stderr
/// (noting their location for the record) and reports every other panic as usual.
fn silence_file_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_FILE.get() {
                let at = info.location().map(|l| format!(" at {l}"));
                PANIC_AT.set(at.unwrap_or_default());
            } else {
                default(info);
            }
        }));
    });
}

/// A `failed` record: the one place one is built.
fn failed(source: Source, failure: Failure) -> Extraction {
    Extraction {
        record: Record::failed(source, failure),
        lines: Vec::new(),
        table_rows: Vec::new(),
    }
}

fn extract_inner(input: &Input, options: &Options) -> Extraction {
    let mut source = Source {
        path: input.path.display().to_string(),
        ..Source::default()
    };
    match read_file(input, &options.limits, &mut source) {
        Ok(bytes) => extract_bytes(source, &bytes, input.format, options),
        Err(failure) => failed(source, failure),
    }
}

/// The file's bytes, unless it is over the input size limit or cannot be read.
fn read_file(input: &Input, limits: &Limits, source: &mut Source) -> Result<Vec<u8>, Failure> {
    let size = std::fs::metadata(&input.path).map(|m| m.len()).unwrap_or(0);
    if size > limits.max_input_bytes {
        source.bytes = size;
        let message = format!(
            "the file is {size} bytes, over the {} byte limit (--max-file-mb)",
            limits.max_input_bytes
        );
        return Err(Failure::new(ErrorCode::TooLarge, message));
    }
    std::fs::read(&input.path).map_err(|e| {
        let message = format!("cannot read the file: {e}");
        Failure::new(ErrorCode::Unreadable, message)
    })
}

/// Extracts a document already in memory (`format` None: sniffed from the bytes): read,
/// parse, check, record. Panics are not caught here; [`extract`] catches them. Fuzz
/// targets call this directly.
pub fn extract_bytes(
    mut source: Source,
    bytes: &[u8],
    format: Option<Format>,
    options: &Options,
) -> Extraction {
    let deadline = Instant::now() + options.limits.timeout;
    source.bytes = bytes.len() as u64;
    source.sha256 = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let format = decide_format(bytes, format);
    source.format = format.name().to_string();
    let (document, ocr_state) = match read(bytes, format, options, deadline, &mut source) {
        Ok(read) => read,
        Err(failure) => return failed(source, failure),
    };
    let extraction = parse(bytes, source, document, ocr_state, options, deadline);
    if let Err(failure) = readers::check_deadline(deadline, "extracting the file") {
        return failed(extraction.record.source, failure);
    }
    extraction
}

/// Parses a document into the record: through `ocrlayer` when pages carry an OCR layer
/// made before publication, then with OCR's doubtful cells settled by the rules.
fn parse(
    bytes: &[u8],
    source: Source,
    document: Document,
    ocr_state: Option<OcrState>,
    options: &Options,
    deadline: Instant,
) -> Extraction {
    let warnings = document.warnings;
    let layer = source.ocr.as_ref().and_then(|o| o.existing_layer.clone());
    let (mut record, lines, table_rows) = match layer {
        Some(pages) => {
            let reread = |p: &[u32]| {
                ocrlayer::reread::pages(bytes, &source, &warnings, options, deadline, p)
            };
            let mut record = Record::new(source.clone());
            record.warnings.extend(warnings.iter().cloned());
            let (lines, rows) = ocrlayer::read(&mut record, &document.lines, &pages, Some(&reread));
            finish(&mut record);
            (record, lines, rows)
        }
        None => {
            let (record, rows) = assemble(source.clone(), warnings.clone(), &document.lines);
            (record, document.lines, rows)
        }
    };
    if let Some(mut state) = ocr_state {
        let build = |pages: &[PageLayer]| {
            let lines = readers::pdf_lines(pages);
            assemble(source.clone(), warnings.clone(), &lines).0
        };
        ocr::resolve::settle(&mut record, &mut state, &build);
        if state.whole_document() {
            ocr::blanks::doubt_blanks(&mut record);
        }
    }
    Extraction {
        record,
        lines,
        table_rows,
    }
}

/// The record parsed from `lines`, with the table rows read (for `govreport text`).
pub(crate) fn assemble(
    source: Source,
    mut warnings: Vec<Warning>,
    lines: &[Line],
) -> (Record, Vec<String>) {
    let mut record = Record::new(source);
    record.warnings.append(&mut warnings);
    let table_rows = parse::fill(&mut record, lines);
    finish(&mut record);
    (record, table_rows)
}

/// Adds the narrative's restated figures to the checks and sets the status.
fn finish(record: &mut Record) {
    let restated = restated::checks(record);
    record.checks.extend(restated);
    record.status = status(record);
}

/// The format to read: the one named, except that a Word-named file (or one named
/// nothing) is read by what its bytes hold — a PDF or web page as one, a zip as `.docx`
/// or `.odt`, an OLE2 file as `.doc`, `{\rtf` as RTF.
fn decide_format(bytes: &[u8], named: Option<Format>) -> Format {
    match named {
        Some(f) if !f.is_word() => f,
        claimed => {
            docx::by_content(bytes, claimed).unwrap_or_else(|| match (sniff(bytes), claimed) {
                (Format::Text, Some(word)) => word,
                (found, _) => found,
            })
        }
    }
}

/// Guesses the format of a file named without a known extension from its first bytes.
fn sniff(bytes: &[u8]) -> Format {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
    if head.contains("%pdf-") {
        Format::Pdf
    } else if head.contains("<html") || head.contains("<!doctype html") {
        Format::Html
    } else {
        Format::Text
    }
}

/// Reads the bytes with the format's reader (a PDF's with OCR as `--ocr` asks), noting
/// the PDF's pages, producer and `source.ocr`; returns what OCR read too.
fn read(
    bytes: &[u8],
    format: Format,
    options: &Options,
    deadline: Instant,
    source: &mut Source,
) -> Result<(Document, Option<OcrState>), Failure> {
    let reader = readers::reader(format, options.ocr);
    let mut document = reader.read(bytes, &options.limits, deadline)?;
    source.pages = document.pages;
    source.producer = document.producer.clone();
    source.ocr = document.ocr.take();
    source.converted_by = document.converted_by.clone();
    if document.no_text_layer {
        let message = match options.ocr {
            ocr::Mode::Never => "the PDF has no text layer (a scan?); OCR is off (--ocr never)",
            _ => "the PDF has no text layer and no image to read by OCR",
        };
        return Err(Failure::new(ErrorCode::NoTextLayer, message));
    }
    let reads = document.ocr_reads.take();
    Ok((document, reads))
}

/// `ok` when all three tables were found and no check fails; `partial` otherwise.
fn status(record: &Record) -> Status {
    if record.report.template == Template::Pre2019 {
        return crate::pre2019::status(record);
    }
    let t = &record.tables;
    let all =
        t.active_disclosure.is_some() && t.applications.is_some() && t.review_litigation.is_some();
    if all && !record.checks.iter().any(|c| c.status == CheckStatus::Fail) {
        Status::Ok
    } else {
        Status::Partial
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_a_file_is_noted_with_its_location_not_printed() {
        silence_file_panics();
        IN_FILE.set(true);
        let result = catch_unwind(|| panic!("boom"));
        IN_FILE.set(false);
        assert!(result.is_err());
        let at = PANIC_AT.take();
        assert!(at.starts_with(" at src/pipeline.rs:"), "{at}");
    }
}
