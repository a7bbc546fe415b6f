//! The document every reader produces — lines in reading order, with what the reader
//! learned about the file — and the detection that readers and parsers share: headings,
//! the title and identity, anchor words, page numbers and print stamps.

pub mod cell_lines;
pub mod headings;
pub mod identity;
pub mod layout;
pub mod numbered;
pub mod stamps;

use std::sync::LazyLock;

use regex::Regex;

use crate::layout::Line;
use govreport_model::record::{OcrSource, Source, Warning};

/// A file as read: its lines in reading order, notes on how it was read, the PDF's page
/// count and producer, and the converter a Word file went through.
#[derive(Debug, Default)]
pub struct Document {
    /// The lines, page numbers removed.
    pub lines: Vec<Line>,
    /// Notes such as a guessed charset or a repaired cross-reference table.
    pub warnings: Vec<Warning>,
    /// Page count (PDF only).
    pub pages: Option<u32>,
    /// The PDF's producer (or creator), when it names one.
    pub producer: Option<String>,
    /// A PDF whose pages hold no text at all (a scan), OCR included.
    pub no_text_layer: bool,
    /// `source.ocr` (PDF only): the pages OCR read and the pages with an OCR layer.
    pub ocr: Option<OcrSource>,
    /// The converter that turned a `.doc`/`.wps`/`.odt`/`.rtf` into `.docx`, e.g.
    /// `LibreOffice 7.4`.
    pub converted_by: Option<String>,
}

impl Document {
    /// Notes in `source` what the reader learned of the file: pages, producer, OCR, converter.
    pub fn note(&self, source: &mut Source) {
        source.pages = self.pages;
        source.producer = self.producer.clone();
        source.ocr = self.ocr.clone();
        source.converted_by = self.converted_by.clone();
    }
}

/// Removes all whitespace and unifies bracket and quote widths, for label matching.
pub fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '"' | '“' | '”' => '"',
            _ => c,
        })
        .collect()
}

/// The text with every whitespace character removed, all else as printed.
pub fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A full-width digit or `．` as its ASCII form (`２０２３．１` reads as `2023.1`); any other
/// character unchanged.
pub fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        _ => c,
    }
}

/// All lines' text with whitespace removed, for keyword tests.
pub fn squeeze_all(lines: &[Line]) -> String {
    lines.iter().map(|l| squeeze(&l.text())).collect()
}

/// The first line at or after `from` that holds one of the anchor words.
pub fn find_anchor(lines: &[Line], from: usize, words: &[&str]) -> Option<usize> {
    (from..lines.len()).find(|&i| {
        let t = squeeze(&lines[i].text());
        words.iter().any(|w| t.contains(w))
    })
}

/// Page numbers and running footers: `-3-`, `- 5 -`, `第 3 页`, `3/5`.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，/共]\s*共?\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")
        .expect("valid regex")
});

/// True for a line that is only a page number or running footer (`- 5 -`, `第 3 页`, `3/5`).
pub fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER.is_match(text.trim())
}

/// Drops page-number lines, which would otherwise sit inside tables split across pages,
/// and the headers and footers a browser prints on each page ([`stamps`]).
pub fn without_page_numbers(lines: Vec<Line>) -> Vec<Line> {
    stamps::without_print_stamps(lines)
        .into_iter()
        .filter(|l| !is_page_number(&l.text()))
        .collect()
}
