//! One input to one record: read, lay out, parse, check — with every failure caught.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::html;
use crate::input::{Format, Input};
use crate::layout::{self, Line, PageLayer};
use crate::ocr::{self, plan::OcrState};
use crate::ocrlayer;
use crate::parse;
use crate::pdf::{self, Limits, PdfError};
use crate::record::{Notice, Record, Source, Status};
use crate::restated;
use crate::textfile;

/// Settings for extracting one file.
#[derive(Debug, Clone)]
pub struct Options {
    /// Bounds on a PDF's cost.
    pub limits: Limits,
    /// Wall-clock time allowed per file.
    pub timeout: Duration,
    /// Largest input file read, in bytes.
    pub max_file_bytes: u64,
    /// When pages are read by OCR.
    pub ocr: ocr::Mode,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            timeout: Duration::from_secs(60),
            max_file_bytes: 512 << 20,
            ocr: ocr::Mode::Auto,
        }
    }
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
            Extraction {
                record: Record::failed(source, "internal", message),
                lines: Vec::new(),
                table_rows: Vec::new(),
            }
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

fn extract_inner(input: &Input, options: &Options) -> Extraction {
    let mut source = Source {
        path: input.path.display().to_string(),
        ..Source::default()
    };
    let fail = |source: Source, code: &str, message: String| Extraction {
        record: Record::failed(source, code, message),
        lines: Vec::new(),
        table_rows: Vec::new(),
    };
    let size = std::fs::metadata(&input.path).map(|m| m.len()).unwrap_or(0);
    if size > options.max_file_bytes {
        source.bytes = size;
        let message = format!(
            "the file is {size} bytes, over the {} byte limit (--max-file-mb)",
            options.max_file_bytes
        );
        return fail(source, "too_large", message);
    }
    let bytes = match std::fs::read(&input.path) {
        Ok(b) => b,
        Err(e) => return fail(source, "unreadable", format!("cannot read the file: {e}")),
    };
    extract_bytes(source, &bytes, input.format, options)
}

/// Extracts a document already in memory (`format` None: sniffed from the bytes).
/// Panics are not caught here; [`extract`] catches them. Fuzz targets call this directly.
pub fn extract_bytes(
    mut source: Source,
    bytes: &[u8],
    format: Option<Format>,
    options: &Options,
) -> Extraction {
    let deadline = Instant::now() + options.timeout;
    source.bytes = bytes.len() as u64;
    source.sha256 = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let format = format.unwrap_or_else(|| sniff(bytes));
    source.format = format.name().to_string();
    let mut ocr_state = None;
    let (lines, warnings) = match read_lines(bytes, format, options, &mut source, &mut ocr_state) {
        Ok(read) => read,
        Err((code, message)) => {
            return Extraction {
                record: Record::failed(source, code, message),
                lines: Vec::new(),
                table_rows: Vec::new(),
            };
        }
    };
    let layer = source.ocr.as_ref().and_then(|o| o.existing_layer.clone());
    let (mut record, lines, table_rows) = match layer {
        Some(pages) => {
            let reread = |p: &[u32]| {
                ocrlayer::reread::pages(bytes, &source, &warnings, options, deadline, p)
            };
            let mut record = Record::new(source.clone());
            record.warnings.extend(warnings.iter().cloned());
            let (lines, rows) = ocrlayer::read(&mut record, &lines, &pages, Some(&reread));
            finish(&mut record);
            (record, lines, rows)
        }
        None => {
            let (record, rows) = assemble(source.clone(), warnings.clone(), &lines);
            (record, lines, rows)
        }
    };
    if let Some(state) = ocr_state.as_mut() {
        let build =
            |pages: &[PageLayer]| assemble(source.clone(), warnings.clone(), &pdf_lines(pages)).0;
        ocr::resolve::settle(&mut record, state, &build);
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
    mut warnings: Vec<Notice>,
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

/// The lines of a PDF's pages, page numbers dropped.
pub(crate) fn pdf_lines(pages: &[PageLayer]) -> Vec<Line> {
    parse::without_page_numbers(pages.iter().flat_map(layout::lines).collect())
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

type Failure = (&'static str, String);

fn read_lines(
    bytes: &[u8],
    format: Format,
    options: &Options,
    source: &mut Source,
    ocr_state: &mut Option<OcrState>,
) -> Result<(Vec<Line>, Vec<Notice>), Failure> {
    match format {
        Format::Pdf => {
            let deadline = Instant::now() + options.timeout;
            let text = pdf::read(bytes, &options.limits, deadline).map_err(pdf_failure)?;
            source.pages = Some(text.pages.len() as u32);
            source.producer = text.producer.clone();
            let mut warnings: Vec<Notice> = text
                .warnings
                .iter()
                .map(|w| Notice::new("repaired_pdf", w.clone()))
                .collect();
            *ocr_state = ocr_pages(bytes, &text, options.ocr, deadline, &mut warnings)?;
            source.ocr = ocrlayer::reread::ocr_source(ocr_state.as_ref(), &text);
            let pages = ocr_state.as_ref().map_or(text.pages, OcrState::layers);
            if pages.iter().all(|p| p.glyphs.is_empty()) {
                let message = match options.ocr {
                    ocr::Mode::Never => {
                        "the PDF has no text layer (a scan?); OCR is off (--ocr never)"
                    }
                    _ => "the PDF has no text layer and no image to read by OCR",
                };
                return Err(("no_text_layer", message.into()));
            }
            Ok((pdf_lines(&pages), warnings))
        }
        Format::Text => {
            if bytes.len() > textfile::MAX_BYTES {
                let message = format!(
                    "the text file is {} bytes, over the {} byte limit for text",
                    bytes.len(),
                    textfile::MAX_BYTES
                );
                return Err(("too_large", message));
            }
            let (text, encoding) = textfile::decode(bytes);
            let mut warnings = Vec::new();
            if encoding != "UTF-8" {
                warnings.push(Notice::new(
                    "encoding",
                    format!("the text was decoded as {encoding}"),
                ));
            }
            Ok((
                parse::without_page_numbers(textfile::lines(&text)),
                warnings,
            ))
        }
        Format::Html => {
            let page = html::read(bytes).map_err(|e| match e {
                html::HtmlError::NotAReport(m) => ("not_a_report", m),
                html::HtmlError::TooLarge(m) => ("too_large", m),
            })?;
            Ok((page.lines, page.warnings))
        }
    }
}

/// Runs OCR where the text layer needs it. Without tesseract, a file that has no readable
/// text fails with `no_text_layer` saying how to install it; one that has some text goes on
/// with an `ocr_unavailable` warning.
fn ocr_pages(
    bytes: &[u8],
    text: &pdf::PdfText,
    mode: ocr::Mode,
    deadline: Instant,
    warnings: &mut Vec<Notice>,
) -> Result<Option<OcrState>, Failure> {
    match ocr::plan::read(bytes, text, mode, deadline) {
        Ok(state) => Ok(state),
        Err(ocr::OcrError::Unavailable(m)) => {
            let jobs = ocr::plan::jobs(text, mode).unwrap_or_default();
            if jobs.iter().any(|j| j.region.is_none()) {
                return Err(("no_text_layer", m));
            }
            warnings.push(Notice::new("ocr_unavailable", m));
            Ok(None)
        }
        Err(ocr::OcrError::Timeout) => Err(pdf_failure(PdfError::Timeout)),
        Err(ocr::OcrError::TooLarge(m)) => Err(pdf_failure(PdfError::TooLarge(m))),
        Err(ocr::OcrError::Failed(m)) => Err(("unreadable", m)),
    }
}

fn pdf_failure(e: PdfError) -> Failure {
    match e {
        PdfError::NotPdf(m) => ("not_pdf", m),
        PdfError::Encrypted => ("encrypted", "the PDF is encrypted with a password; open it with the password and save an unprotected copy".into()),
        PdfError::Truncated(m) => ("truncated", format!("the PDF is damaged or truncated ({m}); download it again")),
        PdfError::TooLarge(m) => ("too_large", format!("{m}; raise the limits (see --help) only for files you trust")),
        PdfError::Timeout => ("timeout", "reading the PDF took longer than --timeout".into()),
    }
}

/// `ok` when all three tables were found and no check fails; `partial` otherwise.
fn status(record: &Record) -> Status {
    if record.report.template == "pre2019" {
        return crate::pre2019::status(record);
    }
    let t = &record.tables;
    let all =
        t.active_disclosure.is_some() && t.applications.is_some() && t.review_litigation.is_some();
    if all && !record.checks.iter().any(|c| c.status == "fail") {
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
