//! Reading: each input format (PDF text layer, OCR of scanned pages, web pages, Word and
//! text files) turned into one [`govreport_document::Document`], or a `failed` record's
//! reason.

pub mod docx;
pub mod failure;
pub mod html;
pub mod ocr;
pub mod pdf;
pub mod readers;
pub mod textfile;
