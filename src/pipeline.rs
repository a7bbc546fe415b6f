//! One input to one record: read, lay out, parse, check — with every failure caught.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::docx;
use crate::html;
use crate::input::{Format, Input};
use crate::layout::{self, Line};
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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            timeout: Duration::from_secs(60),
            max_file_bytes: 512 << 20,
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
    source.bytes = bytes.len() as u64;
    source.sha256 = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let format = match format {
        Some(f) if !f.is_word() => f,
        claimed => {
            docx::by_content(bytes, claimed).unwrap_or_else(|| match (sniff(bytes), claimed) {
                (Format::Text, Some(word)) => word,
                (found, _) => found,
            })
        }
    };
    source.format = format.name().to_string();
    let (lines, mut warnings) = match read_lines(bytes, format, options, &mut source) {
        Ok(read) => read,
        Err((code, message)) => {
            return Extraction {
                record: Record::failed(source, code, message),
                lines: Vec::new(),
                table_rows: Vec::new(),
            };
        }
    };
    let mut record = Record::new(source);
    record.warnings.append(&mut warnings);
    let table_rows = parse::fill(&mut record, &lines);
    let restated = restated::checks(&record);
    record.checks.extend(restated);
    record.status = status(&record);
    Extraction {
        record,
        lines,
        table_rows,
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

type Failure = (&'static str, String);

fn read_lines(
    bytes: &[u8],
    format: Format,
    options: &Options,
    source: &mut Source,
) -> Result<(Vec<Line>, Vec<Notice>), Failure> {
    match format {
        Format::Pdf => {
            let deadline = Instant::now() + options.timeout;
            let text = pdf::read(bytes, &options.limits, deadline).map_err(pdf_failure)?;
            source.pages = Some(text.pages.len() as u32);
            source.producer = text.producer;
            if text.pages.iter().all(|p| p.glyphs.is_empty()) {
                return Err((
                    "no_text_layer",
                    "the PDF has no text layer (a scan?); OCR would be needed to read it".into(),
                ));
            }
            let lines = text.pages.iter().flat_map(layout::lines).collect();
            let warnings = text
                .warnings
                .into_iter()
                .map(|w| Notice::new("repaired_pdf", w))
                .collect();
            Ok((parse::without_page_numbers(lines), warnings))
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
        Format::Docx | Format::Doc | Format::Wps | Format::Odt | Format::Rtf => {
            let deadline = Instant::now() + options.timeout;
            let max_part = options.limits.max_stream_bytes;
            let (lines, by) = docx::read_any(bytes, format, max_part, deadline)?;
            source.converted_by = by;
            Ok((lines, Vec::new()))
        }
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
