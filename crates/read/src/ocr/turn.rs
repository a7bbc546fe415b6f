//! Pages scanned lying sideways or upside down: the quarter turn that stands a page's text
//! upright, judged with PP-OCR from the shape of the text lines it finds and how well
//! samples of them read each way; with tesseract alone, by its orientation detection.

use std::time::Instant;

use super::crop::PixelBox;
use super::engine::{Engine, RunError};
use super::image::Gray;
use super::ppocr::{self, PpError};

/// Least confidence of tesseract's orientation detection that turns a page (it gave 5–13
/// for pages of text lying every way, and 1.0–2.0 for pages mostly of a table, right or
/// wrong).
const OSD_CONFIDENCE: f32 = 1.5;

/// Lines read each way to judge a page's direction (the longest: many characters make a
/// steady mean confidence).
const SAMPLES: usize = 6;
/// How much better (mean confidence, 0–1) a page's lines must read turned over than as
/// they lie before it is taken as upside down: a wrong turn would lose the whole page.
const OVER_MARGIN: f32 = 0.2;

impl Gray {
    /// The image turned clockwise by `quarters` quarter turns.
    pub fn turned(&self, quarters: u8) -> Gray {
        let (w, h) = (self.width, self.height);
        let q = quarters % 4;
        let (tw, th) = if q % 2 == 1 { (h, w) } else { (w, h) };
        let mut out = Gray::white(tw, th);
        for y in 0..h {
            for x in 0..w {
                let (nx, ny) = match q {
                    1 => (h - 1 - y, x),
                    2 => (w - 1 - x, h - 1 - y),
                    3 => (y, w - 1 - x),
                    _ => (x, y),
                };
                out.pixels[ny * tw + nx] = self.pixels[y * w + x];
            }
        }
        out
    }
}

/// The quarter turns clockwise that stand the page `img` upright by tesseract's orientation
/// detection (`osd`, on the page at half its resolution), when it is sure enough (see
/// [`OSD_CONFIDENCE`]); else, or without the `osd` model, none.
pub fn by_tesseract(t: &Engine, img: &Gray, dpi: u32, deadline: Instant) -> Result<u8, RunError> {
    let half = img.resized(img.width / 2, img.height / 2);
    let found = match t.orientation(&half, dpi / 2, deadline) {
        Ok(found) => found,
        // No `osd` model (tesseract-ocr-osd removed): the page is read as it lies.
        Err(RunError::Failed(_)) => None,
        Err(e) => return Err(e),
    };
    Ok(match found {
        Some((quarters, confidence)) if confidence >= OSD_CONFIDENCE => quarters,
        _ => 0,
    })
}

/// Whether the text lines `boxes` run up or down the page rather than across it: the
/// long sides of boxes over twice as tall as wide add up to over twice those of boxes
/// over twice as wide as tall (a few labels printed downward in merged cells do not turn
/// an upright page).
pub fn runs_down(boxes: &[PixelBox]) -> bool {
    let (mut down, mut across) = (0.0f32, 0.0f32);
    for b in boxes {
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        if h > 2.0 * w {
            down += h;
        } else if w > 2.0 * h {
            across += w;
        }
    }
    down > 2.0 * across && down > 0.0
}

/// The quarter turns clockwise that stand the page `img` upright, its text lines being
/// `boxes`: for lines running down the page, the quarter turn (either way) under which
/// samples of them read with the more confidence; for lines across, a half turn only when
/// they read much better so (a page fed upside down), else none.
pub fn upright(
    pp: &ppocr::Engine,
    img: &Gray,
    boxes: &[PixelBox],
    deadline: Instant,
) -> Result<u8, PpError> {
    let down = runs_down(boxes);
    let long = |b: &PixelBox| match down {
        true => b[3] - b[1],
        false => b[2] - b[0],
    };
    let mut longest: Vec<&PixelBox> = boxes.iter().collect();
    longest.sort_by(|a, b| long(b).total_cmp(&long(a)));
    longest.truncate(SAMPLES);
    if longest.is_empty() {
        return Ok(0);
    }
    let crops: Vec<Gray> = longest.iter().map(|b| img.crop_box(b)).collect();
    let ways: &[u8] = if down { &[1, 3] } else { &[0, 2] };
    let mut scores = Vec::new();
    for &way in ways {
        let turned: Vec<Gray> = crops.iter().map(|c| c.turned(way)).collect();
        let refs: Vec<&Gray> = turned.iter().collect();
        let read = pp.read_lines(&refs, deadline)?;
        let mean = read.iter().map(|r| r.1).sum::<f32>() / read.len().max(1) as f32;
        scores.push((way, mean));
    }
    Ok(choose(&scores, down))
}

/// The way that reads best: of two quarter turns, the better; of as-lies and a half turn,
/// the half turn only by [`OVER_MARGIN`].
fn choose(scores: &[(u8, f32)], down: bool) -> u8 {
    match (scores, down) {
        ([(a, sa), (b, sb)], true) => match sb > sa {
            true => *b,
            false => *a,
        },
        ([(a, sa), (b, sb)], false) => match *sb > sa + OVER_MARGIN {
            true => *b,
            false => *a,
        },
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_turns_move_each_pixel_clockwise_and_four_come_back() {
        // 3 wide, 2 tall: a b c / d e f.
        let img = Gray {
            width: 3,
            height: 2,
            pixels: vec![1, 2, 3, 4, 5, 6],
        };
        let once = img.turned(1);
        assert_eq!((once.width, once.height), (2, 3));
        assert_eq!(once.pixels, vec![4, 1, 5, 2, 6, 3]);
        assert_eq!(img.turned(2).pixels, vec![6, 5, 4, 3, 2, 1]);
        assert_eq!(img.turned(3).pixels, vec![3, 6, 2, 5, 1, 4]);
        assert_eq!(once.turned(3), img);
        assert_eq!(img.turned(4), img);
    }

    #[test]
    fn a_page_whose_lines_run_down_it_is_sideways_but_a_few_downward_labels_are_not() {
        let across = [0.0, 0.0, 400.0, 30.0];
        let down = [0.0, 0.0, 30.0, 400.0];
        let label = [0.0, 0.0, 30.0, 120.0];
        assert!(runs_down(&[down, down, down, across]));
        assert!(!runs_down(&[across, across, across, label, label]));
        assert!(!runs_down(&[]));
        // Square boxes (one digit each) say nothing either way.
        assert!(!runs_down(&[[0.0, 0.0, 30.0, 30.0]; 9]));
    }

    #[test]
    fn upside_down_is_taken_only_when_it_reads_much_better() {
        assert_eq!(choose(&[(1, 0.4), (3, 0.9)], true), 3);
        assert_eq!(choose(&[(1, 0.8), (3, 0.7)], true), 1);
        assert_eq!(choose(&[(0, 0.6), (2, 0.7)], false), 0);
        assert_eq!(choose(&[(0, 0.5), (2, 0.95)], false), 2);
        assert_eq!(choose(&[], false), 0);
    }
}
