//! One page through OCR: render, clean up, recognise, find the rules and the table cells,
//! re-read the cells, and give words and rules in PDF page space.

use std::path::Path;
use std::time::Instant;

use super::cells;
use super::crop::{self, PixelBox};
use super::decide::{MARKS, PixelWord, decide, mark_unreadable};
use super::engine::{self, Engine};
use super::image::Gray;
use super::rules::{self, Params};
use super::{OcrError, grid, skew, tsv};
use crate::layout::Rule;

/// Which part of which page to read.
#[derive(Debug, Clone, PartialEq)]
pub struct PageJob {
    /// 1-based page number.
    pub number: u32,
    /// Page size in points.
    pub size: (f32, f32),
    /// The part of the page to read (points, y downward); None for the whole page.
    pub region: Option<[f32; 4]>,
    /// Rendering resolution.
    pub dpi: u32,
}

/// A word read by OCR, in page space.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrWord {
    /// The text chosen.
    pub text: String,
    /// Left, top, right, bottom (points, y downward).
    pub bbox: [f32; 4],
    /// Baseline and size of its line (points).
    pub baseline: f32,
    /// Glyph size (points).
    pub size: f32,
    /// The page-level reading, when a table cell was re-read and chose otherwise.
    pub first: Option<String>,
    /// Other readings the consistency rules may choose instead (empty: no doubt).
    pub alternatives: Vec<String>,
}

/// What OCR found on one page.
#[derive(Debug, Clone, Default)]
pub struct PageRead {
    /// The words, in reading order.
    pub words: Vec<OcrWord>,
    /// Ruling lines found in the image.
    pub rules: Vec<Rule>,
}

/// Reads one page (or the region of it) of the PDF at `pdf`: the page as a whole, then
/// each table cell that may hold a number on its own (see [`cells`]).
pub fn read(
    engine: &Engine,
    pdf: &Path,
    job: &PageJob,
    deadline: Instant,
) -> Result<PageRead, OcrError> {
    let (img, origin, scale) = prepare(pdf, job, deadline)?;
    let dpi = job.dpi as f32;
    let dpi_arg = job.dpi.to_string();
    let failed = |e: std::io::Error| engine::RunError::Failed(format!("page image: {e}"));
    let file = tempfile::Builder::new()
        .suffix(".tif")
        .tempfile()
        .map_err(failed)?;
    std::fs::write(file.path(), img.to_tiff()).map_err(failed)?;
    let path = file.path().to_string_lossy();
    let args = [
        &path, "-", "-l", "chi_sim", "--psm", "3", "--dpi", &dpi_arg, "tsv",
    ];
    let out = engine::run_bytes(&engine.program, &args, Vec::new(), deadline)?;
    let words = tsv::parse(&String::from_utf8_lossy(&out));
    // Ink is what is clearly darker than this page's paper (light grey hairlines included).
    let params = Params {
        ink: (img.median() as f32 * 0.85) as u8,
        ..Params::for_dpi(dpi)
    };
    let segments = rules::detect(&img, &params);
    let boxes = value_cells(&words, grid::cells(&segments, dpi / 60.0, dpi / 15.0));
    let crops = crop::cut(&img, &boxes, dpi / 60.0);
    let readings = cells::read_digits(engine, &crops.iter().collect::<Vec<_>>(), deadline)?;
    let to_page = |x: f32, y: f32| ((x + origin.0) * scale, (y + origin.1) * scale);
    let lines = Lines::of(&words);
    let inside: Vec<Vec<usize>> = boxes
        .iter()
        .map(|b| {
            (0..words.len())
                .filter(|&i| centre_in(&words[i].bbox, b))
                .collect()
        })
        .collect();
    let mut taken = vec![false; words.len()];
    inside.iter().flatten().for_each(|&i| taken[i] = true);
    let labels: Vec<tsv::Word> = (0..words.len())
        .filter(|&i| !taken[i])
        .map(|i| words[i].clone())
        .collect();
    let mut all = as_read(&labels, &lines, &to_page);
    let mut decided: Vec<Option<PixelWord>> = readings
        .iter()
        .zip(&inside)
        .map(|(reading, inside)| {
            let page: Vec<&tsv::Word> = inside.iter().map(|&i| &words[i]).collect();
            decide(&page, reading)
        })
        .collect();
    mark_unreadable(&mut decided, &boxes, &crops);
    for (w, b) in decided.into_iter().zip(&boxes) {
        if let Some(mut w) = w {
            (w.baseline, w.size) = lines
                .beside(&labels, &w.bbox, b)
                .unwrap_or((w.baseline, w.size));
            all.push(w.to_page(&to_page));
        }
    }
    let rules = segments
        .iter()
        .map(|s| {
            let (x0, y0) = to_page(s.x0, s.y0);
            let (x1, y1) = to_page(s.x1, s.y1);
            Rule { x0, y0, x1, y1 }
        })
        .collect();
    Ok(PageRead { words: all, rules })
}

fn centre_in(w: &[f32; 4], b: &PixelBox) -> bool {
    let (cx, cy) = ((w[0] + w[2]) / 2.0, (w[1] + w[3]) / 2.0);
    cx >= b[0] && cx < b[2] && cy >= b[1] && cy < b[3]
}

/// The page image to read: rendered, cut to the job's region, background normalised and
/// skew removed; with the region's origin (pixels) and the points per pixel.
fn prepare(
    pdf: &Path,
    job: &PageJob,
    deadline: Instant,
) -> Result<(Gray, (f32, f32), f32), OcrError> {
    let img = super::render::page(pdf, job, deadline)?;
    let scale = job.size.0 / img.width.max(1) as f32;
    let (img, origin) = match job.region {
        Some(r) => {
            let px = r.map(|v| (v / scale).max(0.0) as usize);
            let origin = (px[0] as f32, px[1] as f32);
            (img.crop(px[0], px[1], px[2], px[3]), origin)
        }
        None => (img, (0.0, 0.0)),
    };
    let mut img = img.normalise_background((job.dpi as f32 / 6.0) as usize);
    let angle = skew::estimate(&img);
    if angle.abs() >= 0.05 {
        img = img.rotate(-angle);
    }
    Ok((img, origin, scale))
}

/// Words as read, each on its line's baseline and size.
fn as_read(
    words: &[tsv::Word],
    lines: &Lines,
    to_page: &dyn Fn(f32, f32) -> (f32, f32),
) -> Vec<OcrWord> {
    words
        .iter()
        .map(|w| {
            let (baseline, size) = lines.geometry[&(w.page, w.line)];
            let pw = PixelWord {
                text: w.text.clone(),
                bbox: w.bbox,
                baseline,
                size,
                first: None,
                alternatives: Vec::new(),
            };
            pw.to_page(to_page)
        })
        .collect()
}

/// The cells that may hold a number: at most one Chinese character read inside them (a
/// digit is sometimes read as one, 2 as 区; a label has two or more), or a digit among
/// four characters at most (`1371` read as `卫3六`).
fn value_cells(words: &[tsv::Word], cells: Vec<PixelBox>) -> Vec<PixelBox> {
    cells
        .into_iter()
        .filter(|b| {
            let text: Vec<char> = words
                .iter()
                .filter(|w| centre_in(&w.bbox, b))
                .flat_map(|w| w.text.chars())
                .collect();
            let cjk = text
                .iter()
                .filter(|&&c| crate::layout::is_cjk(c) && !MARKS.contains(c))
                .count();
            cjk <= 1 || (text.len() <= 4 && text.iter().any(char::is_ascii_digit))
        })
        .collect()
}

/// The baseline (lowest bottom) and size (tallest box) of each line tesseract read.
struct Lines {
    geometry: std::collections::HashMap<LineId, (f32, f32)>,
}

/// A line tesseract read: the image (page) it is on, and its block, paragraph and line.
type LineId = (u32, (u32, u32, u32));

impl Lines {
    fn of(words: &[tsv::Word]) -> Lines {
        let mut geometry = std::collections::HashMap::new();
        for w in words {
            let g = geometry.entry((w.page, w.line)).or_insert((0.0f32, 0.0f32));
            *g = (g.0.max(w.bbox[3]), g.1.max(w.bbox[3] - w.bbox[1]));
        }
        Lines { geometry }
    }

    /// The baseline and size of the line a cell's reading sits beside: of the words outside
    /// the value cells in the same table row (`cell`'s band) and to its left, the nearest
    /// one level with the reading (the row's label, not a tall label beside many rows), or
    /// else the one whose middle is nearest (a wrapped label's nearer line). Every number
    /// of a row so gets its label's baseline, as on a born-digital page.
    fn beside(
        &self,
        labels: &[tsv::Word],
        reading: &PixelBox,
        cell: &PixelBox,
    ) -> Option<(f32, f32)> {
        let mid = (reading[1] + reading[3]) / 2.0;
        // Spanning the middle comes first, then the nearer middle, then the nearer word.
        let key = |w: &&tsv::Word| {
            let spans = w.bbox[1] <= mid && w.bbox[3] >= mid;
            let off = ((w.bbox[1] + w.bbox[3]) / 2.0 - mid).abs();
            (
                !spans,
                if spans { 0 } else { off as u32 },
                (reading[0] - w.bbox[2]) as u32,
            )
        };
        labels
            .iter()
            .filter(|w| {
                let cy = (w.bbox[1] + w.bbox[3]) / 2.0;
                cy >= cell[1] && cy < cell[3] && w.bbox[2] <= reading[0]
            })
            .min_by_key(key)
            .map(|w| self.geometry[&(w.page, w.line)])
    }
}
