//! Which pages of a PDF need OCR, running it on them in parallel, and the page layers the
//! layout stage then reads.

use std::io::Write;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::page::{self, PageJob, PageRead};
use super::recogniser::Recogniser;
use super::{Engines, Mode, OcrError, Settings, render};
use crate::pdf::{ImageDraw, PdfText};
use govreport_document::layout::PageLayer;
use govreport_model::limits::Limits;
use govreport_model::record::TurnedPage;

/// Most pixels an image on an OCR page may declare (a 600 dpi A3 scan is 70 M).
pub const MAX_IMAGE_PIXELS: u64 = 200_000_000;
/// A page with fewer readable characters than this has no text layer worth the name.
const NEGLIGIBLE_TEXT: usize = 10;

/// The text layer's pages with what OCR read, kept so that a doubtful cell can be re-read
/// with each of its alternatives.
#[derive(Debug, Clone)]
pub struct OcrState {
    /// The text layer, one per page.
    pub pages: Vec<PageLayer>,
    /// OCR results: page index, the region read (None: whole page) and what was read.
    pub reads: Vec<(usize, Option<[f32; 4]>, PageRead)>,
    /// `tesseract 5.3.0`, `PP-OCRv6 small`.
    pub engine: String,
    /// The engine's languages: `chi_sim` (tesseract), `ch` (PP-OCR's Chinese and Latin).
    pub languages: String,
    /// The time added to the file's allowance for the pages OCR read.
    pub extension: Duration,
    /// Whether PP-OCR read (tesseract may then give a second opinion).
    pub ppocr: bool,
}

impl OcrState {
    /// The page layers with OCR words as glyphs and image rules added: a whole-page read
    /// replaces the page's own layer, a region read replaces what lies inside the region.
    pub fn layers(&self) -> Vec<PageLayer> {
        let mut pages = self.pages.clone();
        for (index, region, read) in &self.reads {
            let page = &mut pages[*index];
            match region {
                None => page.glyphs.clear(),
                Some(r) => page.glyphs.retain(|g| !inside(r, g.x, g.y)),
            }
            if read.turn != 0 {
                page.turn_over(read.turn);
            }
            page.glyphs.extend(super::glyphs(&read.words));
            page.rules.extend(read.rules.iter().copied());
        }
        pages
    }

    /// Whether OCR read every page whole (a scanned document).
    pub fn whole_document(&self) -> bool {
        let whole = self.reads.iter().filter(|r| r.1.is_none()).count();
        whole == self.pages.len()
    }

    /// The pages OCR read turned upright, with the turn (None: none).
    pub fn turned(&self) -> Option<Vec<TurnedPage>> {
        let turned: Vec<TurnedPage> = self
            .reads
            .iter()
            .filter(|r| r.2.turn != 0)
            .map(|r| TurnedPage {
                page: r.0 as u32 + 1,
                degrees: 90 * u16::from(r.2.turn),
            })
            .collect();
        (!turned.is_empty()).then_some(turned)
    }

    /// 1-based numbers of the pages OCR read.
    pub fn page_numbers(&self) -> Vec<u32> {
        let mut n: Vec<u32> = self.reads.iter().map(|r| r.0 as u32 + 1).collect();
        n.dedup();
        n
    }
}

fn inside(r: &[f32; 4], x: f32, y: f32) -> bool {
    x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]
}

/// A character a text layer can be read by: not U+FFFD, not private use, not a control.
fn is_readable(c: char) -> bool {
    !(c == '\u{FFFD}'
        || c.is_control()
        || c.is_whitespace()
        || ('\u{E000}'..='\u{F8FF}').contains(&c))
}

/// The pages (and image regions) `mode` sends to OCR.
pub fn jobs(text: &PdfText, mode: Mode) -> Result<Vec<PageJob>, OcrError> {
    let mut jobs = Vec::new();
    for (page, images) in text.pages.iter().zip(&text.images) {
        let Some(regions) = wanted(page, images, mode) else {
            continue;
        };
        if let Some(i) = images
            .iter()
            .find(|i| i.pixels.0 as u64 * i.pixels.1 as u64 > MAX_IMAGE_PIXELS)
        {
            return Err(OcrError::TooLarge(format!(
                "an image on page {} declares {}×{} pixels, over the {MAX_IMAGE_PIXELS} pixel limit",
                page.number, i.pixels.0, i.pixels.1
            )));
        }
        let size = (page.width, page.height);
        let dpi = render::dpi_for(size).ok_or_else(|| {
            OcrError::TooLarge(format!(
                "page {} is too large to render for OCR",
                page.number
            ))
        })?;
        let job = |region| PageJob {
            number: page.number,
            size,
            region,
            dpi,
            turn: None,
        };
        if regions.is_empty() {
            jobs.push(job(None));
        } else {
            jobs.extend(regions.into_iter().map(|r| job(Some(r))));
        }
    }
    Ok(jobs)
}

/// What `mode` reads of a page: nothing (None), the whole page (no region), or the
/// images that cover a tenth of the page with next to no text over them.
fn wanted(page: &PageLayer, images: &[ImageDraw], mode: Mode) -> Option<Vec<[f32; 4]>> {
    let size = (page.width, page.height);
    let area = page.width * page.height;
    let readable = page.glyphs.iter().filter(|g| is_readable(g.ch)).count();
    let covered: f32 = images.iter().map(|i| clipped_area(i, size)).sum();
    match mode {
        Mode::Never => None,
        Mode::Always => Some(Vec::new()),
        Mode::Auto if readable < NEGLIGIBLE_TEXT && covered >= area * 0.5 => Some(Vec::new()),
        Mode::Auto => {
            let regions: Vec<[f32; 4]> = images
                .iter()
                .filter(|i| clipped_area(i, size) >= area * 0.1)
                .filter(|i| {
                    page.glyphs
                        .iter()
                        .filter(|g| is_readable(g.ch) && inside(&i.bbox, g.x, g.y))
                        .count()
                        < 3
                })
                .map(|i| i.bbox)
                .collect();
            (!regions.is_empty()).then_some(regions)
        }
    }
}

fn clipped_area(i: &ImageDraw, size: (f32, f32)) -> f32 {
    let w = i.bbox[2].min(size.0) - i.bbox[0].max(0.0);
    let h = i.bbox[3].min(size.1) - i.bbox[1].max(0.0);
    w.max(0.0) * h.max(0.0)
}

/// Runs OCR on the jobs, pages in parallel on the worker pool.
pub fn run(
    bytes: &[u8],
    text: &PdfText,
    jobs: Vec<PageJob>,
    (engines, deadline): (Engines, Instant),
) -> Result<OcrState, OcrError> {
    let engine = Recogniser::find(engines).map_err(|m| OcrError::Unavailable(m.to_string()))?;
    let mut file = tempfile::NamedTempFile::new().map_err(|e| OcrError::Failed(e.to_string()))?;
    file.write_all(bytes)
        .map_err(|e| OcrError::Failed(e.to_string()))?;
    let reads: Result<Vec<_>, OcrError> = jobs
        .par_iter()
        .map(|job| {
            let read = page::read(engine, file.path(), job, deadline)?;
            Ok((job.number as usize - 1, job.region, read))
        })
        .collect();
    Ok(OcrState {
        pages: text.pages.clone(),
        extension: Duration::ZERO,
        reads: reads?,
        engine: engine.name(),
        languages: engine.languages().into(),
        ppocr: engine.is_ppocr(),
    })
}

/// The pages and regions `ocr.mode` asks OCR to read; when `ocr.turned` says how the pages
/// lie, each whole page turned as it says (the pages it does not name upright).
fn turned_jobs(text: &PdfText, ocr: &Settings) -> Result<Vec<PageJob>, OcrError> {
    let mut jobs = jobs(text, ocr.mode)?;
    let Some(turned) = &ocr.turned else {
        return Ok(jobs);
    };
    for job in jobs.iter_mut().filter(|j| j.region.is_none()) {
        let page = turned.iter().find(|t| t.page == job.number);
        job.turn = Some(page.map_or(0, |t| (t.degrees / 90 % 4) as u8));
    }
    Ok(jobs)
}

/// OCR for a PDF's text layer as `ocr.mode` asks, by the engine `ocr.engines` picks, the
/// pages `ocr.turned` names read turned so: None when no page needs it. The file's deadline
/// moves on by the time `limits` allow per page read (announced at once).
pub fn read(
    bytes: &[u8],
    text: &PdfText,
    ocr: &Settings,
    limits: &Limits,
    deadline: Instant,
) -> Result<Option<OcrState>, OcrError> {
    let jobs = turned_jobs(text, ocr)?;
    if jobs.is_empty() {
        return Ok(None);
    }
    let extension = limits.ocr_extension(jobs.len());
    super::budget::announce(extension);
    let mut state = run(bytes, text, jobs, (ocr.engines, deadline + extension))?;
    state.extension = extension;
    Ok(Some(state))
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::Glyph;

    fn page(n: u32, text: &str, images: Vec<ImageDraw>) -> (PageLayer, Vec<ImageDraw>) {
        let glyphs = text
            .chars()
            .enumerate()
            .map(|(i, c)| Glyph::new(c, 72.0 + 10.0 * i as f32, 100.0, 10.0, 10.0))
            .collect();
        (PageLayer::new(n, 595.0, 842.0, glyphs, Vec::new()), images)
    }

    fn image(bbox: [f32; 4], pixels: (u32, u32)) -> ImageDraw {
        ImageDraw { bbox, pixels }
    }

    fn plan(pages: Vec<(PageLayer, Vec<ImageDraw>)>, mode: Mode) -> Result<Vec<PageJob>, OcrError> {
        let (pages, images) = pages.into_iter().unzip();
        let text = PdfText {
            pages,
            producer: None,
            warnings: Vec::new(),
            images,
            ocr_layer: Vec::new(),
            layer_engine: None,
        };
        jobs(&text, mode)
    }

    #[test]
    fn auto_reads_scans_and_pasted_tables_but_not_born_digital_pages() {
        let full = image([0.0, 0.0, 595.0, 842.0], (2480, 3508));
        let pasted = image([50.0, 300.0, 550.0, 700.0], (1500, 1200));
        let logo = image([50.0, 20.0, 90.0, 60.0], (100, 100));
        let text = "二〇二三年政府信息公开工作年度报告";
        let pages = vec![
            page(1, "", vec![full]),
            page(2, &"\u{FFFD}".repeat(300), vec![full]), // glyphs without a Unicode map
            page(3, text, vec![pasted, logo]),
            page(4, text, vec![logo]),
            page(5, "", vec![]),
        ];
        let got = plan(pages.clone(), Mode::Auto).unwrap();
        let read: Vec<(u32, Option<[f32; 4]>)> = got.iter().map(|j| (j.number, j.region)).collect();
        assert_eq!(read, vec![(1, None), (2, None), (3, Some(pasted.bbox))]);
        assert!(got.iter().all(|j| j.dpi == 300));
        assert_eq!(plan(pages.clone(), Mode::Always).unwrap().len(), 5);
        assert!(plan(pages, Mode::Never).unwrap().is_empty());
    }

    #[test]
    fn an_image_declaring_too_many_pixels_is_refused_before_rendering() {
        let huge = image([0.0, 0.0, 595.0, 842.0], (60000, 60000));
        let got = plan(vec![page(1, "", vec![huge])], Mode::Auto);
        assert!(matches!(got, Err(OcrError::TooLarge(m)) if m.contains("60000×60000")));
    }

    #[test]
    fn a_page_read_turned_is_a_page_of_the_turned_size_with_only_the_rules_read_on_it() {
        let rule = |x0, y0, x1, y1| govreport_document::layout::Rule { x0, y0, x1, y1 };
        let (mut layer, _) = page(1, "", vec![]);
        layer.rules.push(rule(0.0, 10.0, 500.0, 10.0));
        let (upright, _) = page(2, "", vec![]);
        let read = |turn| PageRead {
            words: Vec::new(),
            rules: vec![rule(5.0, 0.0, 5.0, 400.0)],
            turn,
        };
        let state = OcrState {
            pages: vec![layer, upright],
            reads: vec![(0, None, read(3)), (1, None, read(0))],
            engine: "PP-OCRv6 small".into(),
            languages: "ch".into(),
            extension: Duration::ZERO,
            ppocr: true,
        };
        let pages = state.layers();
        assert_eq!(
            (pages[0].width, pages[0].height, pages[0].turn),
            (842.0, 595.0, 3)
        );
        assert_eq!(pages[0].rules, read(3).rules);
        assert_eq!(
            (pages[1].width, pages[1].height, pages[1].turn),
            (595.0, 842.0, 0)
        );
        let turned = TurnedPage {
            page: 1,
            degrees: 270,
        };
        assert_eq!(state.turned(), Some(vec![turned]));
    }

    #[test]
    fn pages_an_earlier_reading_found_turned_are_read_turned_so() {
        let full = image([0.0, 0.0, 595.0, 842.0], (2480, 3508));
        let text = PdfText {
            pages: vec![page(1, "", vec![full]).0, page(2, "", vec![full]).0],
            producer: None,
            warnings: Vec::new(),
            images: vec![vec![full], vec![full]],
            ocr_layer: Vec::new(),
            layer_engine: None,
        };
        let turns = |ocr: &Settings| -> Vec<Option<u8>> {
            turned_jobs(&text, ocr)
                .unwrap()
                .iter()
                .map(|j| j.turn)
                .collect()
        };
        assert_eq!(turns(&Settings::default()), [None, None], "to be found");
        let ocr = Settings {
            turned: Some(vec![TurnedPage {
                page: 2,
                degrees: 90,
            }]),
            ..Settings::default()
        };
        assert_eq!(turns(&ocr), [Some(0), Some(1)]);
    }
}
