//! One page through OCR: render, clean up, recognise, find the rules and the table cells,
//! re-read the cells, and give words and rules in PDF page space.

use std::path::Path;
use std::time::Instant;

use super::cells::{self, PixelBox, Reading};
use super::engine::{self, Engine};
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

/// Below this confidence a reading nothing else confirms is a doubt.
const LOW_CONF: f32 = 80.0;

/// Reads one page (or the region of it) of the PDF at `pdf`.
pub fn read(
    engine: &Engine,
    pdf: &Path,
    job: &PageJob,
    deadline: Instant,
) -> Result<PageRead, OcrError> {
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
    let dpi = job.dpi as f32;
    let mut img = img.normalise_background((dpi / 6.0) as usize);
    let angle = skew::estimate(&img);
    if angle.abs() >= 0.05 {
        img = img.rotate(-angle);
    }
    let dpi_arg = job.dpi.to_string();
    let args = [
        "-", "-", "-l", "chi_sim", "--psm", "3", "--dpi", &dpi_arg, "tsv",
    ];
    let out = engine::run_bytes(&engine.program, &args, img.to_pgm(), deadline)?;
    let words = tsv::parse(&String::from_utf8_lossy(&out));
    // Ink is what is clearly darker than this page's paper (light grey hairlines included).
    let params = Params {
        ink: (img.median() as f32 * 0.85) as u8,
        ..Params::for_dpi(dpi)
    };
    let segments = rules::detect(&img, &params);
    let boxes = value_cells(&words, grid::cells(&segments, dpi / 60.0, dpi / 15.0));
    let readings = cells::reread(engine, &img, &boxes, dpi / 60.0, deadline)?;
    let to_page = |x: f32, y: f32| ((x + origin.0) * scale, (y + origin.1) * scale);
    let mut taken = vec![false; words.len()];
    let mut out = Vec::new();
    for (b, reading) in boxes.iter().zip(&readings) {
        let inside: Vec<usize> = (0..words.len())
            .filter(|&i| centre_in(&words[i].bbox, b))
            .collect();
        inside.iter().for_each(|&i| taken[i] = true);
        let page: Vec<&tsv::Word> = inside.iter().map(|&i| &words[i]).collect();
        out.extend(decide(&page, reading).map(|w| w.to_page(&to_page)));
    }
    let rest: Vec<tsv::Word> = (0..words.len())
        .filter(|&i| !taken[i])
        .map(|i| words[i].clone())
        .collect();
    let mut all = line_words(&rest, &to_page);
    all.extend(out);
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

/// The cells that may hold a number: at most one Chinese character read inside them (a
/// digit is sometimes read as one, 2 as 区; a label has two or more).
fn value_cells(words: &[tsv::Word], cells: Vec<PixelBox>) -> Vec<PixelBox> {
    cells
        .into_iter()
        .filter(|b| {
            let cjk = words
                .iter()
                .filter(|w| centre_in(&w.bbox, b))
                .flat_map(|w| w.text.chars())
                .filter(|&c| crate::layout::is_cjk(c) && !MARKS.contains(c))
                .count();
            cjk <= 1
        })
        .collect()
}

/// What a cell that says "not applicable" or "none" is printed with, as OCR reads it.
const MARKS: &str = "—–-－/／一_~～";

/// A word in image pixels, before it is placed on the page.
struct PixelWord {
    text: String,
    bbox: PixelBox,
    baseline: f32,
    size: f32,
    first: Option<String>,
    alternatives: Vec<String>,
}

impl PixelWord {
    fn to_page(&self, to_page: &dyn Fn(f32, f32) -> (f32, f32)) -> OcrWord {
        let (x0, y0) = to_page(self.bbox[0], self.bbox[1]);
        let (x1, y1) = to_page(self.bbox[2], self.bbox[3]);
        let (_, baseline) = to_page(0.0, self.baseline);
        let (_, zero) = to_page(0.0, 0.0);
        let (_, size) = to_page(0.0, self.size);
        OcrWord {
            text: self.text.clone(),
            bbox: [x0, y0, x1, y1],
            baseline,
            size: size - zero,
            first: self.first.clone(),
            alternatives: self.alternatives.clone(),
        }
    }
}

/// Page-level words with their line's baseline (lowest bottom) and size (tallest box).
fn line_words(words: &[tsv::Word], to_page: &dyn Fn(f32, f32) -> (f32, f32)) -> Vec<OcrWord> {
    let mut out = Vec::new();
    for w in words {
        let line = words.iter().filter(|o| o.line == w.line);
        let (bottom, size) = line.fold((0.0f32, 0.0f32), |(b, s), o| {
            (b.max(o.bbox[3]), s.max(o.bbox[3] - o.bbox[1]))
        });
        let pw = PixelWord {
            text: w.text.clone(),
            bbox: w.bbox,
            baseline: bottom,
            size,
            first: None,
            alternatives: Vec::new(),
        };
        out.push(pw.to_page(to_page));
    }
    out
}

/// The value of one table cell from its page-level words and its own reading: a doubt
/// (alternatives for the rules to choose from) when they disagree or confidence is low.
fn decide(page: &[&tsv::Word], cell: &Reading) -> Option<PixelWord> {
    let p: String = page.iter().map(|w| w.text.as_str()).collect();
    let pconf = page.iter().map(|w| w.conf).fold(100.0, f32::min);
    let pbox = page.iter().map(|w| w.bbox).reduce(|a, b| {
        [
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[2].max(b[2]),
            a[3].max(b[3]),
        ]
    });
    // A number: digits, a decimal point, a leading minus (表二's 增/减 column).
    let digits = |s: &str| {
        let body = s.strip_prefix('-').unwrap_or(s);
        body.chars().any(|c| c.is_ascii_digit())
            && body.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    let mark = !p.is_empty() && p.chars().all(|c| MARKS.contains(c));
    let (text, bbox, first, mut alts) = match (pbox, cell.bbox) {
        (None, None) => return None,
        // A printed mark (—, /) stays as read.
        (Some(pb), _) if mark => (p.clone(), pb, None, Vec::new()),
        // Digits the cell could not confirm are a doubt; anything else is kept as read.
        (Some(pb), None) if digits(&p) => (p.clone(), pb, None, confusions(&p, 0.0)),
        (Some(pb), None) => (p.clone(), pb, None, Vec::new()),
        (Some(_), Some(cb)) if p == cell.text && pconf.max(cell.conf) >= LOW_CONF => {
            (p.clone(), cb, None, Vec::new())
        }
        (Some(_), Some(cb)) if digits(&p) => {
            let mut alts = vec![p.clone()];
            alts.extend(cells::alternatives(&cell.text));
            (cell.text.clone(), cb, Some(p.clone()), alts)
        }
        // Nothing legible on the page: the cell's own reading.
        (_, Some(cb)) => (
            cell.text.clone(),
            cb,
            None,
            confusions(&cell.text, cell.conf),
        ),
    };
    alts.retain(|a| *a != text && digits(a));
    alts.dedup();
    let h = bbox[3] - bbox[1];
    Some(PixelWord {
        first: first.filter(|f| *f != text),
        text,
        bbox,
        baseline: bbox[3],
        size: h / 0.72,
        alternatives: alts,
    })
}

/// The alternatives of a reading no second reading confirmed, when its confidence is low.
fn confusions(text: &str, conf: f32) -> Vec<String> {
    if conf < LOW_CONF {
        cells::alternatives(text)
    } else {
        Vec::new()
    }
}
