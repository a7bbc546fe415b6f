//! Cell-level reading: each table cell that may hold a number cropped from the page image
//! and read again on its own as one line of digits (`eng`, digits only). Every cell is its
//! own image, so one cell's layout cannot disturb another's.
//!
//! This is the library API other OCR paths reuse: give the crops, get one [`Reading`] each.

use std::time::Instant;

use super::crop::{self, Crop, PixelBox};
use super::engine::{DIGITS, Engine, RunError};
use super::image::Gray;
use super::tsv;

/// What one cell says, read on its own as digits.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The digits read ("" for a blank cell).
    pub text: String,
    /// The lowest word confidence, 0–100 (100 for a cell with no ink).
    pub conf: f32,
    /// Where the digits are, in page-image pixels (None for a blank cell).
    pub bbox: Option<PixelBox>,
    /// A minus sign was seen in the image just before the digits (tesseract often drops a
    /// short hyphen; the text then has it added).
    pub signed: bool,
}

/// White space around each crop, in pixels.
const PAD: usize = 20;
/// Below this confidence, a cell's reading is no reading (a label's strokes forced into
/// digits).
const NO_READING: f32 = 30.0;

/// Reads each crop as one line of digits (`.` and `-` allowed).
pub fn read_digits(
    engine: &Engine,
    crops: &[&Crop],
    deadline: Instant,
) -> Result<Vec<Reading>, RunError> {
    let words = read_inked(engine, crops, deadline)?;
    Ok(words
        .into_iter()
        .zip(crops)
        .map(|(mut mine, c)| {
            if !c.inked() {
                return blank();
            }
            mine.sort_by(|a, b| a.bbox[0].total_cmp(&b.bbox[0]));
            reading(&mine, &c.image, c.origin)
        })
        .collect())
}

/// The words tesseract reads in each inked crop (none for a blank one), one run for all.
fn read_inked(
    engine: &Engine,
    crops: &[&Crop],
    deadline: Instant,
) -> Result<Vec<Vec<tsv::Word>>, RunError> {
    crops
        .iter()
        .map(|c| match c.inked() {
            true => recognise(engine, &c.image, deadline),
            false => Ok(Vec::new()),
        })
        .collect()
}

/// One cell's words as a reading, their box moved from the padded crop to the page.
fn reading(words: &[tsv::Word], crop: &Gray, origin: [usize; 2]) -> Reading {
    let conf = words.iter().map(|w| w.conf).fold(100.0, f32::min);
    // A dot or two with no digit is dust, not a number; a forced guess is no reading.
    if conf < NO_READING
        || !words
            .iter()
            .any(|w| w.text.chars().any(|c| c.is_ascii_digit()))
    {
        return Reading {
            text: String::new(),
            conf: 0.0,
            bbox: None,
            signed: false,
        };
    }
    let pad = PAD as f32;
    let top = words.iter().map(|w| w.bbox[1]).fold(f32::MAX, f32::min);
    let bottom = words.iter().map(|w| w.bbox[3]).fold(0.0, f32::max);
    let (left, right) = (words[0].bbox[0], words[words.len() - 1].bbox[2]);
    let mut text: String = words.iter().map(|w| w.text.as_str()).collect();
    let signed = minus_before(crop, [left - pad, top - pad, right - pad, bottom - pad]);
    if signed && !text.starts_with('-') {
        text.insert(0, '-');
    }
    let (ox, oy) = (origin[0] as f32 - pad, origin[1] as f32 - pad);
    Reading {
        text,
        conf,
        bbox: Some([left + ox, top + oy, right + ox, bottom + oy]),
        signed,
    }
}

/// Whether `crop` has a minus sign just left of the digits tesseract boxed in `word`
/// (crop pixels; the box may take in the sign it did not read): a flat piece of ink,
/// wider than tall, at the digits' middle height, within a digit's height of the first.
fn minus_before(crop: &Gray, word: [f32; 4]) -> bool {
    let height = word[3] - word[1];
    let parts: Vec<[f32; 4]> = crop::components(crop)
        .iter()
        .map(|c| c.bbox.map(|v| v as f32))
        .filter(|b| b[2] >= word[0] - height && b[0] <= word[2])
        .collect();
    let Some(first) = parts
        .iter()
        .filter(|b| b[3] - b[1] + 1.0 >= height * 0.5)
        .map(|b| b[0])
        .reduce(f32::min)
    else {
        return false;
    };
    parts.iter().any(|&[x0, y0, x1, y1]| {
        let (w, h) = (x1 - x0 + 1.0, y1 - y0 + 1.0);
        let mid = (y0 + y1) / 2.0 - word[1];
        x1 < first
            && first - x1 <= height
            && w >= h * 1.3
            && h <= height * 0.3
            && w <= height
            && mid >= height * 0.3
            && mid <= height * 0.75
    })
}

/// The words tesseract reads in `image`, padded with white, as one line of digits.
fn recognise(engine: &Engine, image: &Gray, deadline: Instant) -> Result<Vec<tsv::Word>, RunError> {
    let mut padded = Gray::white(image.width + 2 * PAD, image.height + 2 * PAD);
    padded.paste(image, PAD, PAD);
    Ok(tsv::parse(&engine.tsv(DIGITS, &padded, 300, deadline)?))
}

fn blank() -> Reading {
    Reading {
        text: String::new(),
        conf: 100.0,
        bbox: None,
        signed: false,
    }
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
    fn a_short_hyphen_before_the_digits_is_a_minus_and_a_dot_below_is_not() {
        let mut crop = Gray::white(80, 50);
        let digit = [18.0, 10.0, 48.0, 40.0]; // tesseract's box, taking in the sign
        (10..40).for_each(|y| crop.pixels[y * 80 + 40] = 0); // the digit
        crop.pixels[26 * 80 + 20..26 * 80 + 27].fill(0); // a hyphen, 7×2
        crop.pixels[27 * 80 + 20..27 * 80 + 27].fill(0);
        assert!(minus_before(&crop, digit));
        let digit = [30.0, 10.0, 48.0, 40.0];
        let mut dot = Gray::white(80, 50);
        (10..40).for_each(|y| dot.pixels[y * 80 + 40] = 0);
        for y in 37..40 {
            dot.pixels[y * 80 + 24..y * 80 + 27].fill(0); // a dot on the baseline
        }
        assert!(!minus_before(&dot, digit));
    }
}
