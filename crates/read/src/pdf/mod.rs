//! The PDF text layer: opens a document within limits and gives each page's glyphs and rules.

pub mod cmap;
mod content;
mod font;
mod images;
pub mod inflate;
mod layer;
mod lazy;
pub mod lexer;
mod matrix;
pub mod objects;
#[cfg(test)]
mod rotation_tests;

/// The committed sample PDFs lopdf loads, with their paths (for tests comparing this
/// crate's parsers with lopdf's).
#[cfg(test)]
fn sample_documents() -> Vec<(std::path::PathBuf, lopdf::Document)> {
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples");
    std::fs::read_dir(samples)
        .expect("samples/")
        .map(|entry| entry.expect("a samples/ entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "pdf"))
        .filter_map(|path| Some((path.clone(), lopdf::Document::load(&path).ok()?)))
        .collect()
}
mod text_string;
mod unicode;

use std::time::Instant;

use lopdf::{Document, LoadOptions, Object};

use govreport_document::layout::PageLayer;
use govreport_model::limits::Limits;

pub use images::ImageDraw;

/// Why a PDF gave no text layer.
#[derive(Debug)]
pub enum PdfError {
    /// Not a PDF at all.
    NotPdf(String),
    /// Encrypted with a password we do not have.
    Encrypted,
    /// The file is damaged beyond what lopdf could recover.
    Truncated(String),
    /// Over one of the [`Limits`].
    TooLarge(String),
    /// Took longer than the per-file deadline.
    Timeout,
}

/// The text layer of a whole PDF.
pub struct PdfText {
    /// One layer per page, in page order.
    pub pages: Vec<PageLayer>,
    /// The document's /Producer (or /Creator when no producer is given).
    pub producer: Option<String>,
    /// Warnings about repairs made while loading.
    pub warnings: Vec<String>,
    /// Pages (1-based) whose text is an OCR layer made before publication: invisible
    /// text over a page-sized image.
    pub ocr_layer: Vec<u32>,
    /// The OCR program the document's producer or creator names, when it has a layer.
    pub layer_engine: Option<String>,
    /// The images painted on each page, in page order.
    pub images: Vec<Vec<ImageDraw>>,
}

/// Loads `bytes` as a PDF and interprets every page.
pub fn read(bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<PdfText, PdfError> {
    interpret(&open(bytes, limits)?, limits, deadline)
}

/// Interprets every page of a loaded document.
fn interpret(doc: &Document, limits: &Limits, deadline: Instant) -> Result<PdfText, PdfError> {
    let mut warnings = Vec::new();
    if doc.xref_recovery.is_some() {
        warnings.push("the cross-reference table was damaged and has been rebuilt".to_string());
    }
    let page_ids: Vec<_> = doc.page_iter().take(limits.max_pages + 1).collect();
    if page_ids.len() > limits.max_pages {
        return Err(PdfError::TooLarge(format!(
            "more than {} pages",
            limits.max_pages
        )));
    }
    let mut fonts = content::FontCache::new();
    let mut budget = limits.max_inflated_content_bytes;
    let mut glyphs = 0usize;
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut ocr_layer = Vec::new();
    let mut images = Vec::with_capacity(page_ids.len());
    for (index, id) in page_ids.into_iter().enumerate() {
        let number = index as u32 + 1;
        let page = read_page(doc, id, number, limits, &mut fonts, &mut budget, deadline)?;
        glyphs += page.layer.glyphs.len();
        if glyphs > limits.max_glyphs_per_file {
            let message = format!(
                "more than {} glyphs in the file",
                limits.max_glyphs_per_file
            );
            return Err(PdfError::TooLarge(message));
        }
        if page.ocr_layer {
            ocr_layer.push(number);
        }
        images.push(page.images);
        pages.push(page.layer);
    }
    let layer_engine = if ocr_layer.is_empty() {
        None
    } else {
        layer::engine(&[info_text(doc, b"Creator"), info_text(doc, b"Producer")])
    };
    Ok(PdfText {
        pages,
        producer: producer(doc),
        warnings,
        ocr_layer,
        layer_engine,
        images,
    })
}

/// One page as interpreted: its layer, the images it paints, and whether its text is an
/// OCR layer made before publication.
struct PageRead {
    layer: PageLayer,
    images: Vec<ImageDraw>,
    ocr_layer: bool,
}

/// Interprets page `number` (object `id`), its content counted against `budget`.
fn read_page(
    doc: &Document,
    id: lopdf::ObjectId,
    number: u32,
    limits: &Limits,
    fonts: &mut content::FontCache,
    budget: &mut usize,
    deadline: Instant,
) -> Result<PageRead, PdfError> {
    let data = doc
        .get_page_content_with_limit(id, limits.max_inflated_stream_bytes.min(*budget))
        .map_err(|_| PdfError::TooLarge("page content inflates past the limit".into()))?;
    *budget = budget.saturating_sub(data.len());
    let (width, height) = page_size(doc, id);
    let resources = page_resources(doc, id);
    let mut interp = content::Interpreter::new(doc, limits, fonts, deadline, (width, height));
    interp.run(&data, &resources, 0)?;
    let ocr_layer = interp
        .layer
        .is_ocr_layer(interp.glyphs.len(), width, height);
    Ok(PageRead {
        images: std::mem::take(&mut interp.images),
        layer: PageLayer::new(number, width, height, interp.glyphs, interp.rules),
        ocr_layer,
    })
}

/// The document in `bytes`: only the objects text extraction reads when the lazy reader
/// is sure of them, else lopdf's full load (which also reports damage and encryption).
fn open(bytes: &[u8], limits: &Limits) -> Result<Document, PdfError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf(describe_non_pdf(bytes)));
    }
    let need = objects::estimate(bytes);
    if need > limits.max_memory_bytes {
        let message = format!(
            "the PDF declares {} objects (/Size); loading them takes about {} MiB, over the \
             {} MiB allowed (--max-memory-mb)",
            objects::declared(bytes).unwrap_or(0),
            need >> 20,
            limits.max_memory_bytes >> 20
        );
        return Err(PdfError::TooLarge(message));
    }
    if let Some(doc) = lazy::load(bytes, limits.max_inflated_stream_bytes) {
        return Ok(doc);
    }
    let options = LoadOptions {
        max_decompressed_size: Some(limits.max_inflated_stream_bytes),
        ..Default::default()
    };
    match Document::load_mem_with_options(bytes, options) {
        Ok(doc) if doc.is_encrypted() && doc.encryption_state.is_none() => Err(PdfError::Encrypted),
        Ok(doc) => Ok(doc),
        Err(lopdf::Error::InvalidPassword) | Err(lopdf::Error::Decryption(_)) => {
            Err(PdfError::Encrypted)
        }
        Err(lopdf::Error::Decompress(_)) => Err(PdfError::TooLarge(
            "a stream inflates past the limit".into(),
        )),
        Err(e) => Err(PdfError::Truncated(e.to_string())),
    }
}

fn describe_non_pdf(bytes: &[u8]) -> String {
    let kind = if bytes.is_empty() {
        "the file is empty"
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        "it is a JPEG image"
    } else if bytes.starts_with(b"\x89PNG") {
        "it is a PNG image"
    } else if bytes.starts_with(b"PK") {
        "it is a ZIP archive (perhaps a .docx)"
    } else if String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
        .to_lowercase()
        .contains("<html")
    {
        "it is an HTML page (perhaps an error page saved as .pdf)"
    } else {
        "it has no %PDF- header"
    };
    format!("not a PDF: {kind}; download the file again or check its source")
}

fn page_size(doc: &Document, id: lopdf::ObjectId) -> (f32, f32) {
    let mut node = doc.get_dictionary(id).ok();
    for _ in 0..32 {
        let Some(dict) = node else { break };
        if let Ok(b) = dict.get_deref(b"MediaBox", doc).and_then(Object::as_array) {
            let v: Vec<f32> = b.iter().filter_map(|o| o.as_float().ok()).collect();
            if v.len() == 4 {
                return ((v[2] - v[0]).abs(), (v[3] - v[1]).abs());
            }
        }
        node = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|p| doc.get_dictionary(p))
            .ok();
    }
    (595.0, 842.0)
}

fn page_resources(doc: &Document, id: lopdf::ObjectId) -> lopdf::Dictionary {
    let mut merged = lopdf::Dictionary::new();
    if let Ok((direct, ids)) = doc.get_page_resources(id) {
        let dicts = direct
            .into_iter()
            .chain(ids.iter().filter_map(|i| doc.get_dictionary(*i).ok()));
        for dict in dicts {
            for (k, v) in dict.iter() {
                if !merged.has(k) {
                    merged.set(k.clone(), v.clone());
                }
            }
        }
    }
    merged
}

fn producer(doc: &Document) -> Option<String> {
    info_text(doc, b"Producer").or_else(|| info_text(doc, b"Creator"))
}

/// A non-blank text entry of the document information dictionary, trimmed.
fn info_text(doc: &Document, key: &[u8]) -> Option<String> {
    let info = doc
        .trailer
        .get_deref(b"Info", doc)
        .and_then(Object::as_dict)
        .ok()?;
    let s = text_string::decode(info.get_deref(key, doc).ok()?.as_str().ok()?);
    (!s.trim().is_empty()).then(|| s.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../samples/nanhu-2023-stsong.pdf"
        ))
        .expect("a committed sample")
    }

    #[test]
    fn a_file_with_more_glyphs_than_allowed_is_too_large() {
        let limits = Limits {
            max_glyphs_per_file: 1000,
            ..Limits::default()
        };
        let deadline = Instant::now() + std::time::Duration::from_secs(10);
        let got = read(&sample(), &limits, deadline);
        assert!(matches!(got, Err(PdfError::TooLarge(m)) if m.contains("glyphs")));
        assert!(read(&sample(), &Limits::default(), deadline).is_ok());
    }
}
