//! OCR of scanned pages (tesseract, `chi_sim`): which pages need it, page images, clean-up,
//! recognition, ruling lines from the image and cell-level re-reading. The words and rules
//! found become the same glyphs and rules a text layer gives, so layout, tables, checks and
//! narrative run unchanged.

pub mod budget;
pub mod capi;
pub mod cells;
pub mod child;
pub mod confirm;
pub mod crop;
pub mod decide;
pub mod descreen;
pub mod engine;
pub mod grid;
pub mod image;
pub mod loose;
pub mod page;
pub mod plan;
pub mod ppocr;
pub mod recogniser;
pub mod render;
pub mod resample;
pub mod rules;
pub mod skew;
pub mod touching;
pub mod tsv;
pub mod turn;

use govreport_document::layout::Glyph;
use govreport_model::record::TurnedPage;

/// When pages are read by OCR (`--ocr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Pages with no readable text under a page-sized image, and images where text is missing.
    #[default]
    Auto,
    /// Every page, whatever its text layer.
    Always,
    /// Never (a scan fails with `no_text_layer`).
    Never,
}

impl std::str::FromStr for Mode {
    type Err = String;

    /// `auto`, `always` or `never`, as `--ocr` takes them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(Mode::Auto),
            "always" => Ok(Mode::Always),
            "never" => Ok(Mode::Never),
            _ => Err(format!(
                "invalid OCR mode '{s}' (expected auto, always or never)"
            )),
        }
    }
}

/// Which engine reads the pages: the best installed (PP-OCR where installed, else
/// tesseract), or tesseract alone (a second opinion on what PP-OCR left in doubt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engines {
    /// PP-OCR where installed (and not switched off), else tesseract.
    #[default]
    Best,
    /// Tesseract only.
    Tesseract,
}

/// How a file's pages are read by OCR: when, by which engine, and the pages an earlier
/// reading of the file found lying sideways or upside down (read turned the same way).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// When pages are read by OCR (`--ocr`).
    pub mode: Mode,
    /// Which engine reads them.
    pub engines: Engines,
    /// How the pages lie, when an earlier reading found it: the pages to read turned (a
    /// whole page each, as `source.ocr.turned` gives them), every other page upright. None:
    /// each engine finds how each page lies.
    pub turned: Option<Vec<TurnedPage>>,
}

/// What an OCR page that ran out of memory says.
pub const OUT_OF_MEMORY: &str = "a page image needs more memory than a worker may use \
     (--max-memory-mb); raise it only for files you trust";

/// Why OCR of a file stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum OcrError {
    /// tesseract is missing or lacks `chi_sim`; the message says how to install it.
    Unavailable(String),
    /// The per-file deadline passed.
    Timeout,
    /// A page image over the limits.
    TooLarge(String),
    /// Rendering or recognition failed.
    Failed(String),
}

impl From<engine::RunError> for OcrError {
    fn from(e: engine::RunError) -> Self {
        match e {
            engine::RunError::Timeout => OcrError::Timeout,
            engine::RunError::OutOfMemory => OcrError::TooLarge(OUT_OF_MEMORY.into()),
            engine::RunError::Failed(m) => OcrError::Failed(format!("tesseract failed: {m}")),
        }
    }
}

impl From<ppocr::PpError> for OcrError {
    fn from(e: ppocr::PpError) -> Self {
        match e {
            ppocr::PpError::Timeout => OcrError::Timeout,
            ppocr::PpError::Failed(m)
                if m.contains("bad_alloc") || m.contains("allocate memory") =>
            {
                OcrError::TooLarge(OUT_OF_MEMORY.into())
            }
            ppocr::PpError::Failed(m) => OcrError::Failed(format!("PP-OCR failed: {m}")),
        }
    }
}

/// Glyphs for the layout stage: each word's box split evenly among its characters, on the
/// word's line baseline. tesseract's word order is kept where its boxes are not: a word
/// whose box runs on under the next word of its line (it often boxes `2022` as far as the
/// `年1月` after it) ends where that word begins.
pub fn glyphs(words: &[page::OcrWord]) -> Vec<Glyph> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let chars: Vec<char> = w.text.chars().filter(|c| !c.is_whitespace()).collect();
        let right = match words.get(i + 1) {
            Some(next) if next.baseline == w.baseline && next.bbox[0] > w.bbox[0] => {
                w.bbox[2].min(next.bbox[0])
            }
            _ => w.bbox[2],
        };
        let step = (right - w.bbox[0]) / chars.len().max(1) as f32;
        for (k, &ch) in chars.iter().enumerate() {
            let x = w.bbox[0] + step * k as f32;
            out.push(Glyph::new(ch, x, w.baseline, w.size.max(1.0), step));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_split_evenly_into_glyphs_on_its_baseline() {
        let w = page::OcrWord {
            text: "政府 12".into(),
            bbox: [10.0, 5.0, 50.0, 15.0],
            baseline: 16.0,
            size: 11.0,
            first: None,
            alternatives: Vec::new(),
        };
        let g = glyphs(&[w]);
        let xs: Vec<f32> = g.iter().map(|g| g.x).collect();
        assert_eq!(g.iter().map(|g| g.ch).collect::<String>(), "政府12");
        assert_eq!(xs, vec![10.0, 20.0, 30.0, 40.0]);
        assert!(
            g.iter()
                .all(|g| g.y == 16.0 && g.width == 10.0 && g.size == 11.0)
        );
    }

    #[test]
    fn a_word_boxed_under_the_next_one_ends_where_it_begins() {
        let word = |text: &str, x0: f32, x1: f32| page::OcrWord {
            text: text.into(),
            bbox: [x0, 139.0, x1, 150.0],
            baseline: 154.0,
            size: 11.0,
            first: None,
            alternatives: Vec::new(),
        };
        // As tesseract boxed 统计期限自2022年1月: `2022` reaching under `年1`.
        let words = [
            word("自", 352.0, 357.0),
            word("2022", 358.0, 404.0),
            word("年", 382.0, 392.0),
            word("1", 392.0, 400.0),
        ];
        let mut g = glyphs(&words);
        g.sort_by(|a, b| a.x.total_cmp(&b.x));
        assert_eq!(g.iter().map(|g| g.ch).collect::<String>(), "自2022年1");
    }
}
