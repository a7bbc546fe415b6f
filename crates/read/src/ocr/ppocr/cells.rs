//! Cells read a second time by PP-OCR's recogniser alone: each crop (black and white, rules
//! cleared) cut to its ink with a margin, read as one line, and kept as a number or a
//! printed mark; anything else is no reading.

use std::time::Instant;

use super::super::cells::Reading;
use super::super::crop::{Crop, PixelBox};
use super::super::decide::is_mark;
use super::super::image::Gray;
use super::{Engine, PpError};

/// White margin around the ink, as a share of its height (the recogniser saw text lines
/// with some paper around them).
const MARGIN: f32 = 0.35;

impl Engine {
    /// One reading per crop, in order (a blank crop reads as blank).
    pub fn read_cells(&self, crops: &[&Crop], deadline: Instant) -> Result<Vec<Reading>, PpError> {
        let inked: Vec<(usize, PixelBox, Gray)> = crops
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let ink = c.glyph_box()?;
                Some((i, ink, around(&c.image, ink)))
            })
            .collect();
        let images: Vec<&Gray> = inked.iter().map(|(_, _, g)| g).collect();
        let read = self.read_lines(&images, deadline)?;
        let mut out: Vec<Reading> = crops.iter().map(|c| blank(c.inked())).collect();
        for ((i, ink, _), (text, conf)) in inked.into_iter().zip(read) {
            let [ox, oy] = crops[i].origin.map(|v| v as f32);
            let bbox = [
                ink[0] + ox,
                ink[1] + oy,
                ink[2] + ox + 1.0,
                ink[3] + oy + 1.0,
            ];
            out[i] = reading(&text, conf, bbox);
        }
        Ok(out)
    }
}

/// The ink at `ink` with a white margin around it.
fn around(img: &Gray, ink: PixelBox) -> Gray {
    let [x0, y0, x1, y1] = ink.map(|v| v as usize);
    let m = ((y1 - y0 + 1) as f32 * MARGIN).max(4.0) as usize;
    let glyphs = img.crop(x0, y0, x1 + 1, y1 + 1);
    let mut out = Gray::white(glyphs.width + 2 * m, glyphs.height + 2 * m);
    out.paste(&glyphs, m, m);
    out
}

/// A crop with no ink is blank and sure; ink no reading made out is no reading.
fn blank(inked: bool) -> Reading {
    Reading {
        text: String::new(),
        conf: if inked { 0.0 } else { 100.0 },
        bbox: None,
        signed: false,
    }
}

/// What the recogniser read, as a cell reading: digits (full-width ones folded, separators
/// dropped) with `.` and a leading `-`, or a mark; else no reading.
pub fn reading(text: &str, conf: f32, bbox: PixelBox) -> Reading {
    let folded: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '，')
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            _ => c,
        })
        .collect();
    let body = folded.strip_prefix('-').unwrap_or(&folded);
    let number = body.chars().any(|c| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || c == '.');
    if !number && !is_mark(&folded) {
        return blank(true);
    }
    Reading {
        signed: number && folded.starts_with('-'),
        text: folded,
        conf: conf * 100.0,
        bbox: Some(bbox),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_marks_are_readings_and_anything_else_is_none() {
        let b = [0.0, 0.0, 10.0, 10.0];
        assert_eq!(reading("１,２34", 0.9, b).text, "1234");
        assert!(reading("-3", 0.9, b).signed);
        assert_eq!(reading("—", 0.9, b).text, "—");
        let none = reading("区", 0.9, b);
        assert_eq!((none.text.as_str(), none.bbox), ("", None));
    }
}
