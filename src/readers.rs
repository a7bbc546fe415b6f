//! Readers behind one interface: each format turns a file's bytes, within the limits and
//! before the deadline, into the same [`Document`] — or into the record's [`Failure`].

use std::time::Instant;

use crate::codes::{ErrorCode, WarningCode};
use crate::document::{Document, without_page_numbers};
use crate::docx;
use crate::html;
use crate::input::Format;
use crate::layout;
use crate::limits::Limits;
use crate::pdf;
use crate::record::{Failure, Warning};
use crate::textfile;

/// A reader of one format.
pub trait Reader {
    /// Reads the bytes of one file into a document.
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Document, Failure>;
}

/// The reader of a format.
pub fn reader(format: Format) -> &'static dyn Reader {
    match format {
        Format::Pdf => &PdfReader,
        Format::Text => &TextReader,
        Format::Html => &HtmlReader,
        Format::Docx => &WordReader(Format::Docx),
        Format::Doc => &WordReader(Format::Doc),
        Format::Wps => &WordReader(Format::Wps),
        Format::Odt => &WordReader(Format::Odt),
        Format::Rtf => &WordReader(Format::Rtf),
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

/// PDF: the text layer of every page, laid out in lines.
pub struct PdfReader;

impl Reader for PdfReader {
    fn read(&self, bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Document, Failure> {
        let text = pdf::read(bytes, limits, deadline)?;
        let lines = text.pages.iter().flat_map(layout::lines).collect();
        let warnings = text.warnings.into_iter();
        Ok(Document {
            lines: without_page_numbers(lines),
            warnings: warnings
                .map(|w| Warning::new(WarningCode::RepairedPdf, w))
                .collect(),
            pages: Some(text.pages.len() as u32),
            producer: text.producer,
            no_text_layer: text.pages.iter().all(|p| p.glyphs.is_empty()),
            converted_by: None,
        })
    }
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
