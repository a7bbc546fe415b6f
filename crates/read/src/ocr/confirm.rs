//! A third reading of single cells: each box (pixels of a page image as OCR read it) cut
//! with a margin from the page rendered and prepared again, and read alone by tesseract as
//! digits at three thresholds (each reading kept). It settles a cell the two engines' page
//! readings left apart where no rule can (all of 表二): a reading of that cell alone that
//! agrees with one of them. Lines are read again the same way, as Chinese text: a second
//! engine's reading of the lines that name the body.

use std::io::Write;
use std::time::Instant;

use super::OcrError;
use super::cells;
use super::crop::{self, PixelBox};
use super::engine;
use super::grid;
use super::image::Gray;
use super::page::{PageJob, Prepared, prepare};
use super::render::dpi_for;
use super::rules::{self, Params};

/// One cell to read: its 1-based page, the page's size in points and the box of what was
/// read there, in pixels of the page image.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// 1-based page number.
    pub page: u32,
    /// The page's size in points.
    pub size: (f32, f32),
    /// The reading's box, page-image pixels.
    pub bbox: PixelBox,
    /// A box the margin taken round `bbox` stays inside (a blank cell's: between the
    /// numbers of the rows above and below it, which a margin would catch in a tight table).
    pub clip: Option<PixelBox>,
    /// Quarter turns clockwise the page was read turned by (`size` and `bbox` are the
    /// turned page's).
    pub turn: u8,
}

/// White taken around a box outside any ruled cell, as a share of its height (the digits'
/// own ink stays whole; the cell's rules, if caught, are cleared by the crop).
const MARGIN: f32 = 0.5;

/// The thresholds, as shares of the paper's grey, a cell is read at: tesseract's reading of
/// a lone number swings with the strokes' weight (`57` read as `37` at one of them).
const THRESHOLDS: [f32; 3] = [0.5, 0.7, 0.8];

/// A cell read alone: what tesseract read in it, and whether it holds any ink.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alone {
    /// The distinct readings, one per threshold at most (none: no reading at any).
    pub readings: Vec<String>,
    /// Whether the target lies in a ruled cell that holds no ink as tall as a glyph at any
    /// threshold (specks and a rule's remnants aside): a cell printed blank. False where
    /// no ruled cell holds it (nothing then shows the whole cell).
    pub empty: bool,
}

/// Each target read by tesseract, the cell alone, in order. A target inside a ruled cell
/// is read in that cell too (an OCR reading's box sits on its row label's line, which may
/// be above the digits in a cell of a wrapped label). Fails when tesseract is not
/// installed or a page cannot be rendered in time.
pub fn digits(bytes: &[u8], targets: &[Target], deadline: Instant) -> Result<Vec<Alone>, OcrError> {
    let engine = engine::engine().map_err(|m| OcrError::Unavailable(m.to_string()))?;
    let mut out = vec![Alone::default(); targets.len()];
    each_page(bytes, targets, deadline, |img, dithered, dpi, on_page| {
        let params = Params::for_page(img, dpi);
        let segments = rules::on_page(img, &params, dithered, dpi);
        let grid = grid::cells(&segments, dpi / 60.0, dpi / 15.0);
        let size = (img.width, img.height);
        let (boxes, owners): (Vec<PixelBox>, Vec<usize>) = on_page
            .iter()
            .flat_map(|&i| places(&targets[i], &grid, dpi / 60.0, size).map(move |b| (b, i)))
            .unzip();
        let paper = img.median() as f32;
        let levels = THRESHOLDS.map(|share| (paper * share) as u8);
        for &i in on_page {
            let cell = ruled_cell(&targets[i], &grid).map(|g| inset(g, dpi / 60.0));
            out[i].empty = cell.is_some_and(|c| !has_glyph(img, c, &levels));
        }
        for threshold in levels {
            let crops = crop::cut_at(img, &boxes, 0.0, threshold);
            let refs: Vec<&crop::Crop> = crops.iter().collect();
            let read = cells::read_digits(engine, &refs, deadline).map_err(OcrError::from)?;
            for (&i, reading) in owners.iter().zip(read) {
                let text = reading.text;
                if !text.is_empty() && !out[i].readings.contains(&text) {
                    out[i].readings.push(text);
                }
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// Each target read by tesseract as one line of Chinese text (`chi_sim`), with a margin of
/// a quarter of its height: a second engine's reading of the lines that name the body.
/// Fails as [`digits`] does.
pub fn lines(bytes: &[u8], targets: &[Target], deadline: Instant) -> Result<Vec<String>, OcrError> {
    let engine = engine::engine().map_err(|m| OcrError::Unavailable(m.to_string()))?;
    let mut out = vec![String::new(); targets.len()];
    each_page(bytes, targets, deadline, |img, _, dpi, on_page| {
        for &i in on_page {
            let b = targets[i].bbox;
            let m = (b[3] - b[1]) / 4.0;
            let [x0, y0, x1, y1] =
                [b[0] - m, b[1] - m, b[2] + m, b[3] + m].map(|v| v.max(0.0) as usize);
            let line = img.crop(x0, y0, x1, y1);
            let tsv = engine.tsv(engine::LINE, &line, dpi as u32, deadline);
            let words = super::tsv::parse(&tsv.map_err(OcrError::from)?);
            out[i] = words.iter().map(|w| w.text.as_str()).collect();
        }
        Ok(())
    })?;
    Ok(out)
}

/// Renders and prepares each page the targets lie on (turned as they say), and hands it
/// to `read` with whether it is dithered, its resolution and the targets on it.
fn each_page(
    bytes: &[u8],
    targets: &[Target],
    deadline: Instant,
    mut read: impl FnMut(&Gray, bool, f32, &[usize]) -> Result<(), OcrError>,
) -> Result<(), OcrError> {
    let mut file = tempfile::NamedTempFile::new().map_err(|e| OcrError::Failed(e.to_string()))?;
    file.write_all(bytes)
        .map_err(|e| OcrError::Failed(e.to_string()))?;
    let mut pages: Vec<u32> = targets.iter().map(|t| t.page).collect();
    pages.sort_unstable();
    pages.dedup();
    for page in pages {
        let on_page: Vec<usize> = (0..targets.len())
            .filter(|&i| targets[i].page == page)
            .collect();
        let (size, turn) = (targets[on_page[0]].size, targets[on_page[0]].turn);
        let Some(dpi) = dpi_for(size) else {
            continue;
        };
        let job = PageJob {
            number: page,
            // The page as it lies in the file.
            size: match turn % 2 {
                1 => (size.1, size.0),
                _ => size,
            },
            region: None,
            dpi,
            turn: Some(turn),
        };
        let Prepared { img, dithered, .. } = prepare(file.path(), &job, deadline)?;
        read(&img, dithered, dpi as f32, &on_page)?;
    }
    Ok(())
}

/// Where to read a target's box: with a margin, inside the image, and in the ruled cell
/// holding its middle (`inset` pixels in from the rules) when there is one of about a
/// cell's size; both inside the target's clip.
fn places(
    target: &Target,
    grid: &[PixelBox],
    inset_by: f32,
    (width, height): (usize, usize),
) -> impl Iterator<Item = PixelBox> {
    let b = target.bbox;
    let clip = target
        .clip
        .unwrap_or([0.0, 0.0, width as f32, height as f32]);
    let ruled = ruled_cell(target, grid).map(|g| {
        let g = inset(g, inset_by);
        [
            g[0].max(clip[0]),
            g[1].max(clip[1]),
            g[2].min(clip[2]),
            g[3].min(clip[3]),
        ]
    });
    let m = (b[3] - b[1]).max(1.0) * MARGIN;
    let margin = [
        (b[0] - m).max(0.0).max(clip[0]),
        (b[1] - m).max(0.0).max(clip[1]),
        (b[2] + m).min(width as f32).min(clip[2]),
        (b[3] + m).min(height as f32).min(clip[3]),
    ];
    std::iter::once(margin).chain(ruled)
}

/// The ruled cell holding the middle of the target's box, when there is one of about a
/// cell's size.
fn ruled_cell(target: &Target, grid: &[PixelBox]) -> Option<PixelBox> {
    let b = target.bbox;
    let (w, h) = ((b[2] - b[0]).max(1.0), (b[3] - b[1]).max(1.0));
    let (cx, cy) = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
    grid.iter().copied().find(|g| {
        let holds = cx >= g[0] && cx < g[2] && cy >= g[1] && cy < g[3];
        holds && g[3] - g[1] <= CELL * h && g[2] - g[0] <= CELL * w.max(h)
    })
}

/// The box `by` pixels in from each side.
fn inset(g: PixelBox, by: f32) -> PixelBox {
    [g[0] + by, g[1] + by, g[2] - by, g[3] - by]
}

/// Whether the box of `img` holds ink as tall as a glyph at any of the `levels`.
fn has_glyph(img: &Gray, cell: PixelBox, levels: &[u8]) -> bool {
    levels.iter().any(|&threshold| {
        crop::cut_at(img, &[cell], 0.0, threshold)[0]
            .glyph_box()
            .is_some()
    })
}

/// A ruled cell larger than this many times a reading's height (or width) is no single
/// cell (rules missing inside a table) and is not read.
const CELL: f32 = 5.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_with_specks_alone_holds_no_glyph_but_one_with_a_thin_one_does() {
        let mut page = Gray::white(200, 100);
        let mut ink = |x0: usize, y0: usize, x1: usize, y1: usize| {
            (y0..=y1).for_each(|y| page.pixels[y * 200 + x0..=y * 200 + x1].fill(0));
        };
        ink(20, 30, 21, 31); // specks
        ink(60, 70, 62, 71);
        ink(140, 30, 142, 60); // a thin `1`
        let levels = THRESHOLDS.map(|share| (page.median() as f32 * share) as u8);
        assert!(!has_glyph(&page, [5.0, 5.0, 95.0, 95.0], &levels));
        assert!(has_glyph(&page, [105.0, 5.0, 195.0, 95.0], &levels));
    }

    #[test]
    fn a_box_is_read_with_a_margin_and_in_its_ruled_cell_of_a_cells_size() {
        let grid = [[0.0, 0.0, 100.0, 100.0], [100.0, 0.0, 200.0, 90.0]];
        let size = (1000, 1000);
        let read = |bbox, grid: &[PixelBox]| {
            let target = Target {
                page: 1,
                size: (595.0, 842.0),
                bbox,
                clip: None,
                turn: 0,
            };
            places(&target, grid, 5.0, size).collect::<Vec<_>>()
        };
        assert_eq!(
            read([120.0, 20.0, 140.0, 40.0], &grid),
            [[110.0, 10.0, 150.0, 50.0], [105.0, 5.0, 195.0, 85.0]]
        );
        assert_eq!(
            read([20.0, 40.0, 30.0, 45.0], &grid),
            [[17.5, 37.5, 32.5, 47.5]]
        );
        assert_eq!(
            read([2.0, 902.0, 998.0, 922.0], &[]),
            [[0.0, 892.0, 1000.0, 932.0]]
        );
    }

    #[test]
    fn a_clipped_box_takes_its_margin_only_inside_the_clip() {
        let target = Target {
            page: 1,
            size: (595.0, 842.0),
            bbox: [100.0, 100.0, 120.0, 140.0],
            clip: Some([0.0, 95.0, 1000.0, 150.0]),
            turn: 0,
        };
        let got: Vec<PixelBox> = places(&target, &[], 5.0, (1000, 1000)).collect();
        assert_eq!(got, [[80.0, 95.0, 140.0, 150.0]]);
        // A ruled cell over three rows (its inner rules lost) is clipped too.
        let grid = [[90.0, 20.0, 130.0, 220.0]];
        let got: Vec<PixelBox> = places(&target, &grid, 5.0, (1000, 1000)).collect();
        assert_eq!(got[1], [95.0, 95.0, 125.0, 150.0]);
    }
}
