//! Cell-level reading: table cells cropped from the page image and read again as one line
//! of digits each, many cells stacked into one image so a table costs one tesseract run.
//!
//! This is the library API other OCR paths reuse (e.g. a PDF whose invisible OCR layer is
//! doubtful): give the page image and the cells' boxes, get one [`Reading`] per box.

use std::time::Instant;

use super::engine::{self, Engine, RunError};
use super::image::Gray;
use super::tsv;

/// A box in page-image pixels: left, top, right, bottom.
pub type PixelBox = [f32; 4];

/// What one cell says, read on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The digits read ("" for a blank cell).
    pub text: String,
    /// The lowest word confidence, 0–100 (100 for a cell with no ink).
    pub conf: f32,
    /// Where the digits are, in page-image pixels (None for a blank cell).
    pub bbox: Option<PixelBox>,
}

/// White space around and between the stacked crops, in pixels.
const GAP: usize = 24;
/// A crop with fewer dark pixels than this is blank (dust, a rule's edge).
const MIN_INK: usize = 40;

/// Reads each box of `page` as a line of digits (`.` and `-` allowed), with one tesseract run for
/// all boxes. `inset` pixels are cut from each side of a box first, so the ruling lines
/// around a cell are not read as `1`.
pub fn reread(
    engine: &Engine,
    page: &Gray,
    boxes: &[PixelBox],
    inset: f32,
    deadline: Instant,
) -> Result<Vec<Reading>, RunError> {
    // Crops in black and white: grey paper on the white sheet would read as boxes.
    let threshold = (page.median() as f32 * 0.7) as u8;
    let crops: Vec<(Gray, [usize; 2])> = boxes
        .iter()
        .map(|b| {
            let x0 = (b[0] + inset).max(0.0) as usize;
            let y0 = (b[1] + inset).max(0.0) as usize;
            let x1 = (b[2] - inset).max(0.0) as usize;
            let y1 = (b[3] - inset).max(0.0) as usize;
            (
                without_rules(page.crop(x0, y0, x1, y1).binarise(threshold)),
                [x0, y0],
            )
        })
        .collect();
    let inked: Vec<bool> = crops
        .iter()
        .map(|(c, _)| c.pixels.iter().filter(|&&p| p < 128).count() >= MIN_INK)
        .collect();
    let mut readings: Vec<Reading> = vec![blank(); boxes.len()];
    let todo: Vec<usize> = (0..boxes.len()).filter(|&i| inked[i]).collect();
    if todo.is_empty() {
        return Ok(readings);
    }
    let (sheet, tops) = stack(todo.iter().map(|&i| &crops[i].0));
    let args = [
        "-",
        "-",
        "-l",
        "eng",
        "--psm",
        "6",
        "--dpi",
        "300",
        "-c",
        "tessedit_char_whitelist=0123456789.-",
        "tsv",
    ];
    let out = engine::run_bytes(&engine.program, &args, sheet.to_pgm(), deadline)?;
    let words = tsv::parse(&String::from_utf8_lossy(&out));
    for (slot, &i) in todo.iter().enumerate() {
        let (top, height) = tops[slot];
        let mut mine: Vec<&tsv::Word> = words
            .iter()
            .filter(|w| {
                let cy = (w.bbox[1] + w.bbox[3]) / 2.0;
                cy >= top as f32 && cy < (top + height) as f32
            })
            .collect();
        mine.sort_by(|a, b| a.bbox[0].total_cmp(&b.bbox[0]));
        // A dot or two with no digit is dust, not a number.
        if !mine
            .iter()
            .any(|w| w.text.chars().any(|c| c.is_ascii_digit()))
        {
            readings[i] = Reading {
                text: String::new(),
                conf: 0.0,
                bbox: None,
            };
            continue;
        }
        let [ox, oy] = crops[i].1;
        let shift = |x: f32, y: f32| (x - GAP as f32 + ox as f32, y - top as f32 + oy as f32);
        let (x0, y0) = shift(
            mine[0].bbox[0],
            mine.iter().map(|w| w.bbox[1]).fold(f32::MAX, f32::min),
        );
        let (x1, y1) = shift(
            mine[mine.len() - 1].bbox[2],
            mine.iter().map(|w| w.bbox[3]).fold(0.0, f32::max),
        );
        readings[i] = Reading {
            text: mine.iter().map(|w| w.text.as_str()).collect(),
            conf: mine.iter().map(|w| w.conf).fold(100.0, f32::min),
            bbox: Some([x0, y0, x1, y1]),
        };
    }
    Ok(readings)
}

/// The crop with rows and columns that are mostly ink (what is left of the cell's ruling
/// lines) made white.
fn without_rules(mut crop: Gray) -> Gray {
    let (w, h) = (crop.width, crop.height);
    let rows: Vec<usize> = (0..h)
        .filter(|&y| {
            crop.pixels[y * w..(y + 1) * w]
                .iter()
                .filter(|&&p| p == 0)
                .count()
                * 10
                > w * 9
        })
        .collect();
    let cols: Vec<usize> = (0..w)
        .filter(|&x| (0..h).filter(|&y| crop.pixels[y * w + x] == 0).count() * 10 > h * 9)
        .collect();
    rows.iter()
        .for_each(|&y| crop.pixels[y * w..(y + 1) * w].fill(255));
    cols.iter()
        .for_each(|&x| (0..h).for_each(|y| crop.pixels[y * w + x] = 255));
    crop
}

fn blank() -> Reading {
    Reading {
        text: String::new(),
        conf: 100.0,
        bbox: None,
    }
}

/// The crops one under another on white, `GAP` pixels apart; returns the sheet and each
/// crop's band (top, height) including half the gap on either side.
fn stack<'a>(crops: impl Iterator<Item = &'a Gray> + Clone) -> (Gray, Vec<(usize, usize)>) {
    let width = crops.clone().map(|c| c.width).max().unwrap_or(0) + 2 * GAP;
    let height = crops.clone().map(|c| c.height + GAP).sum::<usize>() + GAP;
    let mut sheet = Gray::white(width, height);
    let mut bands = Vec::new();
    let mut y = GAP;
    for crop in crops {
        sheet.paste(crop, GAP, y);
        bands.push((y - GAP / 2, crop.height + GAP));
        y += crop.height + GAP;
    }
    (sheet, bands)
}

/// Digits OCR commonly confuses with each other.
const CONFUSED: [(char, &str); 10] = [
    ('0', "69"),
    ('1', "7"),
    ('2', "7"),
    ('3', "8"),
    ('4', "1"),
    ('5', "6"),
    ('6', "508"),
    ('7', "12"),
    ('8', "36"),
    ('9', "0"),
];

/// The readings one confusion away from `text` (3/8, 0/6/9, 1/7, 5/6…), in order.
pub fn alternatives(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let Some((_, others)) = CONFUSED.iter().find(|(d, _)| d == c) else {
            continue;
        };
        for o in others.chars() {
            if i == 0 && o == '0' && chars.len() > 1 {
                continue;
            }
            let mut v = chars.clone();
            v[i] = o;
            out.push(v.into_iter().collect());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_are_one_confusion_away_and_never_lead_with_zero() {
        assert_eq!(alternatives("3"), vec!["8"]);
        assert_eq!(
            alternatives("60"),
            vec!["50", "00", "80", "66", "69"]
                .into_iter()
                .filter(|s| *s != "00")
                .collect::<Vec<_>>()
        );
        assert!(alternatives("").is_empty());
        assert!(alternatives("1.5").contains(&"7.5".to_string()));
    }

    #[test]
    fn the_rest_of_a_ruling_line_is_cleared_from_a_crop() {
        let mut crop = Gray::white(20, 10);
        crop.pixels[..20].fill(0); // the rule above
        (0..10).for_each(|y| crop.pixels[y * 20 + 19] = 0); // the rule on the right
        crop.pixels[5 * 20 + 8] = 0; // a digit's stroke
        let out = without_rules(crop);
        assert_eq!(out.pixels.iter().filter(|&&p| p == 0).count(), 1);
    }

    #[test]
    fn crops_are_stacked_with_gaps_and_banded() {
        let a = Gray::white(10, 5);
        let b = Gray::white(30, 8);
        let (sheet, bands) = stack([&a, &b].into_iter());
        assert_eq!(sheet.width, 30 + 2 * GAP);
        assert_eq!(sheet.height, 5 + 8 + 3 * GAP);
        assert_eq!(
            bands,
            vec![(GAP / 2, 5 + GAP), (2 * GAP + 5 - GAP / 2, 8 + GAP)]
        );
    }
}
