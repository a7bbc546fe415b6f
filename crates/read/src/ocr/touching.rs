//! Digits whose serifs touch, set apart before recognition. In a serif face printed small
//! (宋体 digits in a table), neighbouring digits often join at their feet or tops: `11`
//! becomes one piece of ink, and tesseract reads it as `1` or not at all. Where two digits
//! are joined only by a thin line along the top or the bottom, the join is cut in its
//! middle and a little white put between.

use super::crop;
use super::image::Gray;

/// How far from the top or the bottom of the digits (a share of their height) a join lies.
const BAND: f32 = 0.2;
/// A piece of ink this share of the digits' height tall is a digit (or most of one).
const UPRIGHT: f32 = 0.6;
/// The white put into each cut, as a share of the digits' height (at least 2 pixels).
const SPREAD: f32 = 0.2;

/// The ink of one pixel column: its topmost and lowest dark rows, if any.
type Column = Option<(usize, usize)>;

/// `crop` (black and white) with each join between touching digits cut and widened.
pub fn set_apart(crop: Gray) -> Gray {
    let columns = columns(&crop);
    let Some((top, bottom)) = columns
        .iter()
        .flatten()
        .copied()
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
    else {
        return crop;
    };
    let height = (bottom - top + 1) as f32;
    let cuts = joins(&crop, &columns, top, bottom);
    if cuts.is_empty() {
        return crop;
    }
    let gap = ((SPREAD * height) as usize).max(2);
    let mut out = Gray::white(crop.width + gap * cuts.len(), crop.height);
    let mut shift = 0;
    for x in 0..crop.width {
        if cuts.contains(&x) {
            shift += gap;
            continue;
        }
        for y in 0..crop.height {
            out.pixels[y * out.width + x + shift] = crop.pixels[y * crop.width + x];
        }
    }
    out
}

/// Each column's topmost and lowest dark pixel.
fn columns(crop: &Gray) -> Vec<Column> {
    (0..crop.width)
        .map(|x| {
            let dark = |y: &usize| crop.pixels[y * crop.width + x] < 128;
            let first = (0..crop.height).find(dark)?;
            Some((first, (0..crop.height).rfind(dark).unwrap_or(first)))
        })
        .collect()
}

/// The columns to cut: the middle of each run of columns whose ink lies only along the top
/// or only along the bottom, where cutting there leaves two pieces of ink each as tall as a
/// digit (not a `2` cut from its own hook, or a `4` from its bar).
fn joins(crop: &Gray, columns: &[Column], top: usize, bottom: usize) -> Vec<usize> {
    let height = (bottom - top + 1) as f32;
    let near_top = top as f32 + BAND * height;
    let near_bottom = bottom as f32 - BAND * height;
    let thin = |c: &Column| c.is_some_and(|(a, b)| b as f32 <= near_top || a as f32 >= near_bottom);
    let mut cuts = Vec::new();
    let mut x = 0;
    while x < columns.len() {
        if !thin(&columns[x]) {
            x += 1;
            continue;
        }
        let start = x;
        while x + 1 < columns.len() && thin(&columns[x + 1]) {
            x += 1;
        }
        let middle = (start + x) / 2;
        if start > 0 && x + 1 < columns.len() && splits(crop, middle, UPRIGHT * height) {
            cuts.push(middle);
        }
        x += 1;
    }
    cuts
}

/// Whether whitening column `x` of `crop` leaves a piece of ink at least `tall` pixels high
/// just left of it and another just right of it.
fn splits(crop: &Gray, x: usize, tall: f32) -> bool {
    let mut cut = crop.clone();
    (0..cut.height).for_each(|y| cut.pixels[y * cut.width + x] = 255);
    let parts: Vec<crop::Component> = crop::components(&cut)
        .into_iter()
        .filter(|p| (p.bbox[3] - p.bbox[1] + 1) as f32 >= tall)
        .collect();
    let at = |column: usize| -> Vec<usize> {
        (0..parts.len())
            .filter(|&i| parts[i].pixels.iter().any(|&p| p % cut.width == column))
            .collect()
    };
    let (left, right) = (at(x - 1), at(x + 1));
    left.iter().any(|l| right.iter().any(|r| l != r))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws a filled box (inclusive) in black.
    fn ink(img: &mut Gray, x0: usize, y0: usize, x1: usize, y1: usize) {
        for y in y0..=y1 {
            img.pixels[y * img.width + x0..=y * img.width + x1].fill(0);
        }
    }

    #[test]
    fn two_ones_joined_at_their_feet_are_cut_apart() {
        let mut img = Gray::white(40, 30);
        ink(&mut img, 10, 5, 12, 24); // a stem
        ink(&mut img, 24, 5, 26, 24); // another stem
        ink(&mut img, 7, 23, 29, 24); // their feet, touching
        let out = set_apart(img);
        assert!(out.width > 40);
        let mid = (0..out.width).filter(|&x| out.pixels[23 * out.width + x] == 255);
        assert!(mid.clone().any(|x| x > 12 && x < 24 + (out.width - 40)));
    }

    #[test]
    fn a_zero_a_seven_and_a_lone_bar_are_left_whole() {
        let mut img = Gray::white(60, 30);
        ink(&mut img, 5, 5, 7, 24); // 0: left side
        ink(&mut img, 15, 5, 17, 24); // 0: right side
        ink(&mut img, 5, 5, 17, 6); // 0: top
        ink(&mut img, 5, 23, 17, 24); // 0: bottom
        ink(&mut img, 30, 5, 42, 6); // 7: its bar, with nothing on its left
        ink(&mut img, 40, 7, 41, 24); // 7: its stroke
        ink(&mut img, 41, 15, 55, 16); // a bar at mid height running off to the right
        let out = set_apart(img.clone());
        assert_eq!(out.pixels, img.pixels);
    }
}
