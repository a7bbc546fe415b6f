//! One input to one record: read, lay out, parse, check, audit — with every failure caught.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::Once;
use std::time::{Duration, Instant};

use govreport_document::layout::Line;
use govreport_model::codes::ErrorCode;
use govreport_model::format::Format;
use govreport_model::limits::Limits;
use govreport_model::record::{Failure, Record, Source, Status, TurnedPage};
use govreport_parse::audit;
use govreport_parse::report::{self, Parsed};
use govreport_read::ocr::{self, Engines};
use govreport_read::readers;
use govreport_verify::{Context, blend, engines, fill, names, settle, third};

use crate::corrections::{Corrections, apply};
use crate::filehash::sha256_hex;
use crate::input::Input;

/// Settings for extracting one file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Bounds on the file's cost, time included.
    pub limits: Limits,
    /// When pages are read by OCR (`--ocr`).
    pub ocr: ocr::Mode,
    /// A person's corrections (`--corrections`), applied to the records of their inputs.
    pub corrections: Option<Arc<Corrections>>,
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

/// Extracts a document already in memory (`format` None: sniffed from the bytes) in one
/// pass: read → parse → verify → record. Panics are not caught here; [`extract`] catches
/// them. Fuzz targets call this directly.
pub fn extract_bytes(
    mut source: Source,
    bytes: &[u8],
    format: Option<Format>,
    options: &Options,
) -> Extraction {
    let deadline = Instant::now() + options.limits.timeout;
    source.bytes = bytes.len() as u64;
    source.sha256 = sha256_hex(bytes);
    let format = readers::decide_format(bytes, format);
    source.format = Some(format);
    let input = Bytes {
        bytes,
        format,
        options,
    };
    let first = match input.read(source.clone(), input.ocr(Engines::Best, None), deadline) {
        Ok(read) => read,
        Err(failure) => return *failure,
    };
    let mut chosen = input.second_opinion(source, first);
    if chosen.ppocr {
        let (parsed, deadline) = (&mut chosen.parsed, chosen.deadline);
        names::second_reading(&mut parsed.record, &parsed.document.lines, bytes, deadline);
    }
    if let Err(failure) = readers::check_deadline(chosen.deadline, "extracting the file") {
        return failed(chosen.parsed.record.source, failure);
    }
    let parsed = &mut chosen.parsed;
    if let Some(corrections) = &options.corrections {
        correct(&mut parsed.record, corrections);
    }
    parsed.record.audit = audit::audit(&parsed.record, &parsed.document.lines);
    Extraction {
        record: chosen.parsed.record,
        lines: chosen.parsed.document.lines,
        table_rows: chosen.parsed.table_rows,
    }
}

/// One input's bytes, format and settings.
struct Bytes<'a> {
    bytes: &'a [u8],
    format: Format,
    options: &'a Options,
}

/// A verified reading, with the file's deadline after the time its OCR earned.
struct Read {
    parsed: Parsed,
    deadline: Instant,
    ppocr: bool,
}

impl Bytes<'_> {
    /// OCR as `--ocr` asks, by `engines`, the pages turned as `turned` says (None: as
    /// each is found to lie).
    fn ocr(&self, engines: Engines, turned: Option<Vec<TurnedPage>>) -> ocr::Settings {
        ocr::Settings {
            mode: self.options.ocr,
            engines,
            turned,
        }
    }

    /// One reading with OCR as `ocr` says: read → parse → verify; a file that cannot be read
    /// gives its `failed` record.
    fn read(
        &self,
        mut source: Source,
        ocr: ocr::Settings,
        deadline: Instant,
    ) -> Result<Read, Box<Extraction>> {
        let reading = readers::read(self.bytes, self.format, ocr, &self.options.limits, deadline)
            .map_err(|failure| Box::new(failed(source.clone(), failure)))?;
        // Pages read by OCR earn the file more time (the reader already used it).
        let deadline = deadline + reading.ocr.as_ref().map_or(Duration::ZERO, |s| s.extension);
        let ppocr = reading.ocr.as_ref().is_some_and(|s| s.ppocr);
        reading.document.note(&mut source);
        if let Some(failure) = readers::no_text(&reading.document, self.options.ocr) {
            return Err(Box::new(failed(source, failure)));
        }
        let parsed = report::parse(source, reading.document);
        let context = Context {
            bytes: self.bytes,
            limits: &self.options.limits,
            ocr: self.options.ocr,
            deadline,
        };
        let parsed = govreport_verify::verify(parsed, reading.ocr, &context);
        Ok(Read {
            parsed,
            deadline,
            ppocr,
        })
    }

    /// A PP-OCR reading left `partial` is read again by tesseract alone: tesseract's
    /// reading stands when it is `ok` (whole, every rule holding), PP-OCR's otherwise; the
    /// one kept takes each ruled table the other read soundly where its own is in doubt
    /// (see [`blend::blend`]) and the other's numbers that make a failing table's rules
    /// hold ([`fill::fill`]), then is weighed against the other (see [`engines::weigh`]);
    /// 表二 cells still in doubt are read a third time, alone ([`third::confirm`]); last,
    /// doubts in a 表三 or 表四 whose rules now all hold are the rules' ([`settle::settle`]).
    fn second_opinion(&self, source: Source, first: Read) -> Read {
        if !first.ppocr || first.parsed.record.status != Status::Partial {
            return first;
        }
        // Tesseract reads the pages PP-OCR found lying turned, turned the same way, and
        // every other page as it lies.
        let turned = first.parsed.record.source.ocr.as_ref();
        let turned = turned.and_then(|o| o.turned.clone()).unwrap_or_default();
        let ocr = self.ocr(Engines::Tesseract, Some(turned));
        let Ok(second) = self.read(source, ocr, first.deadline) else {
            return first;
        };
        let deadline = second.deadline;
        let (mut chosen, other) = match second.parsed.record.status {
            Status::Ok => (second, first),
            _ => (first, second),
        };
        let record = &mut chosen.parsed.record;
        blend::blend(record, &other.parsed.record);
        fill::fill(record, &other.parsed.record);
        engines::weigh(record, &other.parsed.record);
        third::confirm(record, &chosen.parsed.document.lines, self.bytes, deadline);
        settle::settle(record);
        record.status = report::status(record);
        chosen.deadline = deadline;
        chosen
    }
}

/// Applies the corrections for the record's input, noting their digest in its source.
fn correct(record: &mut Record, corrections: &Corrections) {
    let sha256 = record.source.sha256.clone();
    apply::apply(record, &corrections.of(&sha256));
    record.source.corrections = corrections.fingerprint(&sha256);
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
        assert!(at.starts_with(" at crates/app/src/pipeline.rs:"), "{at}");
    }
}
