//! Readers behind one interface: each format turns a file's bytes, within the limits and
//! before the deadline, into the same [`Document`] — or into the record's [`Failure`]. A
//! PDF's reader recognises the pages `--ocr` asks for ([`pdf`]) and keeps what OCR read
//! beside the document, for the second opinions after parsing.

pub mod pdf;

use std::time::Instant;

use govreport_document::layout::{self, Line, PageLayer};
use govreport_document::{Document, without_page_numbers};
use govreport_model::codes::ErrorCode;
use govreport_model::format::Format;
use govreport_model::limits::Limits;
use govreport_model::record::Failure;

use crate::ocr::{Mode, Settings, plan::OcrState};
use crate::{docx, html, textfile};

/// A file as read: the document, and what OCR read of it (a PDF whose pages it read).
#[derive(Debug, Default)]
pub struct Reading {
    /// The document the parsers read.
    pub document: Document,
    /// What OCR read, kept so that a doubtful cell can be settled after parsing.
    pub ocr: Option<OcrState>,
}

impl From<Document> for Reading {
    fn from(document: Document) -> Self {
        Reading {
            document,
            ocr: None,
        }
    }
}

/// A reader of one format.
pub trait Reader {
    /// Reads the bytes of one file.
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Reading, Failure>;
}

/// The reader of a format; `ocr` says when a PDF's pages are read by OCR, and by which
/// engine.
pub fn reader(format: Format, ocr: Settings) -> Box<dyn Reader> {
    match format {
        Format::Pdf => Box::new(PdfReader { ocr }),
        Format::Text => Box::new(TextReader),
        Format::Html => Box::new(HtmlReader),
        Format::Docx | Format::Doc | Format::Wps | Format::Odt | Format::Rtf => {
            Box::new(WordReader(format))
        }
    }
}

/// Reads the bytes as `format` (a PDF with OCR as `ocr` asks: when, and by which engine).
pub fn read(
    bytes: &[u8],
    format: Format,
    ocr: Settings,
    limits: &Limits,
    deadline: Instant,
) -> Result<Reading, Failure> {
    reader(format, ocr).read(bytes, limits, deadline)
}

/// The `no_text_layer` failure of a PDF with no text that OCR (as `ocr` allows) could read.
pub fn no_text(document: &Document, ocr: Mode) -> Option<Failure> {
    let message = match ocr {
        Mode::Never => "the PDF has no text layer (a scan?); OCR is off (--ocr never)",
        _ => "the PDF has no text layer and no image to read by OCR",
    };
    document
        .no_text_layer
        .then(|| Failure::new(ErrorCode::NoTextLayer, message))
}

/// The format to read: the one named, except that a Word-named file (or one named
/// nothing) is read by what its bytes hold — a PDF or web page as one, a zip as `.docx`
/// or `.odt`, an OLE2 file as `.doc`, `{\rtf` as RTF.
pub fn decide_format(bytes: &[u8], named: Option<Format>) -> Format {
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

/// The `timeout` failure when the deadline has passed.
pub fn check_deadline(deadline: Instant, what: &str) -> Result<(), Failure> {
    if Instant::now() > deadline {
        let message = format!("{what} took longer than --timeout");
        return Err(Failure::new(ErrorCode::Timeout, message));
    }
    Ok(())
}

/// PDF: the text layer of every page, laid out in lines, with the pages and images that
/// need it read by OCR.
pub struct PdfReader {
    /// When pages are read by OCR (`--ocr`), by which engine, and which turned.
    pub ocr: Settings,
}

impl Reader for PdfReader {
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Reading, Failure> {
        pdf::read(bytes, limits, &self.ocr, deadline)
    }
}

/// The lines of a PDF's pages, page numbers dropped.
pub fn pdf_lines(pages: &[PageLayer]) -> Vec<Line> {
    without_page_numbers(pages.iter().flat_map(layout::lines).collect())
}

/// Plain text: decoded, split into lines of cells.
pub struct TextReader;

impl Reader for TextReader {
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Reading, Failure> {
        let (lines, warnings) = textfile::read(bytes, limits.max_text_bytes)?;
        check_deadline(deadline, "reading the text file")?;
        let document = Document {
            lines: without_page_numbers(lines),
            warnings,
            ..Document::default()
        };
        Ok(document.into())
    }
}

/// A saved web page: the report found inside it, its tables as grids.
pub struct HtmlReader;

impl Reader for HtmlReader {
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Reading, Failure> {
        let page = html::read(bytes, limits)?;
        check_deadline(deadline, "reading the web page")?;
        let document = Document {
            lines: page.lines,
            warnings: page.warnings,
            ..Document::default()
        };
        Ok(document.into())
    }
}

/// A Word file of the format it holds: `.docx` read directly, the others converted to
/// `.docx` by LibreOffice first; its tables as grids.
pub struct WordReader(pub Format);

impl Reader for WordReader {
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Reading, Failure> {
        let document = docx::read_any(bytes, self.0, limits, deadline)?;
        check_deadline(deadline, "reading the Word file")?;
        Ok(document.into())
    }
}
