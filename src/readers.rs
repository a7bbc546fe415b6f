//! Readers behind one interface: each format turns a file's bytes, within the limits and
//! before the deadline, into the same [`Document`] — or into the record's [`Failure`]. A
//! PDF's reader recognises the pages `--ocr` asks for (`ocr::reader`).

use std::time::Instant;

use crate::codes::ErrorCode;
use crate::document::{Document, without_page_numbers};
use crate::docx;
use crate::html;
use crate::input::Format;
use crate::layout::{self, Line, PageLayer};
use crate::limits::Limits;
use crate::ocr::{self, Mode};
use crate::record::Failure;
use crate::textfile;

/// A reader of one format.
pub trait Reader {
    /// Reads the bytes of one file into a document.
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Document, Failure>;
}

/// The reader of a format; `ocr` says when a PDF's pages are read by OCR.
pub fn reader(format: Format, ocr: Mode) -> Box<dyn Reader> {
    match format {
        Format::Pdf => Box::new(PdfReader { ocr }),
        Format::Text => Box::new(TextReader),
        Format::Html => Box::new(HtmlReader),
        Format::Docx | Format::Doc | Format::Wps | Format::Odt | Format::Rtf => {
            Box::new(WordReader(format))
        }
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
    /// When pages are read by OCR (`--ocr`).
    pub ocr: Mode,
}

impl Reader for PdfReader {
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Document, Failure> {
        ocr::reader::read(bytes, limits, self.ocr, deadline)
    }
}

/// The lines of a PDF's pages, page numbers dropped.
pub fn pdf_lines(pages: &[PageLayer]) -> Vec<Line> {
    without_page_numbers(pages.iter().flat_map(layout::lines).collect())
}

/// Plain text: decoded, split into lines of cells.
pub struct TextReader;

impl Reader for TextReader {
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Document, Failure> {
        let (lines, warnings) = textfile::read(bytes, limits.max_text_bytes)?;
        check_deadline(deadline, "reading the text file")?;
        Ok(Document {
            lines: without_page_numbers(lines),
            warnings,
            ..Document::default()
        })
    }
}

/// A saved web page: the report found inside it, its tables as grids.
pub struct HtmlReader;

impl Reader for HtmlReader {
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Document, Failure> {
        let page = html::read(bytes, limits)?;
        check_deadline(deadline, "reading the web page")?;
        Ok(Document {
            lines: page.lines,
            warnings: page.warnings,
            ..Document::default()
        })
    }
}

/// A Word file of the format it holds: `.docx` read directly, the others converted to
/// `.docx` by LibreOffice first; its tables as grids.
pub struct WordReader(pub Format);

impl Reader for WordReader {
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Document, Failure> {
        let document = docx::read_any(bytes, self.0, limits, deadline)?;
        check_deadline(deadline, "reading the Word file")?;
        Ok(document)
    }
}
