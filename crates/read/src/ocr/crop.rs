//! Table cells cut out of a page image to be read on their own: in black and white, with
//! what is left of the ruling lines around them cleared.

use super::image::Gray;
use super::touching;

/// A box in page-image pixels: left, top, right, bottom.
pub type PixelBox = [f32; 4];

/// The smallest box holding both `a` and `b`.
pub fn union(a: PixelBox, b: PixelBox) -> PixelBox {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// A crop with fewer dark pixels than this is blank (dust, a rule's edge).
const MIN_INK: usize = 40;

/// One cell's image and where its top-left corner sits on the page image.
#[derive(Debug, Clone)]
pub struct Crop {
    /// Black (0) and white (255).
    pub image: Gray,
    /// Page-image pixel of the crop's top-left corner.
    pub origin: [usize; 2],
}

impl Crop {
    /// Whether the cell holds anything to read.
    pub fn inked(&self) -> bool {
        self.image.pixels.iter().filter(|&&p| p < 128).count() >= MIN_INK
    }

    /// The box (crop pixels) of the ink, when some piece of it is as tall as a glyph (a
    /// fifth of the cell, from 8 to 16 pixels: a digit in a cell three lines high is
    /// still one) and not just dust; None otherwise.
    pub fn glyph_box(&self) -> Option<PixelBox> {
        let tall = (self.image.height / 5).clamp(8, 16);
        let parts = components(&self.image);
        let glyph =
            |p: &Component| p.bbox[3] - p.bbox[1] + 1 >= tall && p.pixels.len() >= MIN_INK / 2;
        if !self.inked() || !parts.iter().any(glyph) {
            return None;
        }
        parts
            .iter()
            .filter(|p| p.pixels.len() >= MIN_INK / 4)
            .map(|p| p.bbox.map(|v| v as f32))
            .reduce(union)
    }
}

/// Share of the ink's height its top part must lie right of its bottom part to lean like
/// `/` (a scan's skew of 2° moves it by under half of this).
const LEAN: f32 = 0.06;

impl Crop {
    /// The box (crop pixels) of the cell's ink when it is one flat stroke, at least three
    /// times as wide as tall and under a fifth of the cell's height: a dash, the "none"
    /// mark, whatever a reading made of it (`心`, `一`, `.`, nothing).
    pub fn dash(&self) -> Option<PixelBox> {
        let parts: Vec<Component> = components(&self.image)
            .into_iter()
            .filter(|p| p.pixels.len() >= MIN_INK / 4)
            .collect();
        let [part] = parts.as_slice() else {
            return None;
        };
        let [x0, y0, x1, y1] = part.bbox;
        let (w, h) = (x1 + 1 - x0, y1 + 1 - y0);
        (w >= 3 * h && h * 5 <= self.image.height).then(|| part.bbox.map(|v| v as f32))
    }

    /// Whether the ink leans right like `/`: the mean column of its top three tenths
    /// clearly right of its bottom three tenths'. A `1` stands upright, its flag pointing
    /// left; read alone, the two are easily taken for each other.
    pub fn leans(&self) -> bool {
        let Some(ink) = self.glyph_box() else {
            return false;
        };
        let [x0, y0, x1, y1] = ink.map(|v| v as usize);
        let h = y1 - y0 + 1;
        if h < 8 {
            return false;
        }
        let band = h * 3 / 10;
        let w = self.image.width;
        let mean = |rows: std::ops::Range<usize>| {
            let dark =
                rows.flat_map(|y| (x0..=x1).filter(move |&x| self.image.pixels[y * w + x] < 128));
            let (sum, n) = dark.fold((0.0, 0usize), |(s, n), x| (s + x as f32, n + 1));
            (n > 0).then(|| sum / n as f32)
        };
        match (mean(y0..y0 + band), mean(y1 + 1 - band..y1 + 1)) {
            (Some(top), Some(bottom)) => top - bottom > LEAN * h as f32,
            _ => false,
        }
    }
}

/// The cells of `page` at `boxes`, `inset` pixels cut from each side (the rules), in black
/// and white (grey paper on the white sheet tesseract is given would read as boxes), with
/// the rest of the rules cleared and digits that touch set apart.
pub fn cut(page: &Gray, boxes: &[PixelBox], inset: f32) -> Vec<Crop> {
    cut_at(page, boxes, inset, (page.median() as f32 * 0.7) as u8)
}

/// [`cut`] with ink taken as what is darker than `threshold`.
pub fn cut_at(page: &Gray, boxes: &[PixelBox], inset: f32, threshold: u8) -> Vec<Crop> {
    boxes
        .iter()
        .map(|b| {
            let x0 = (b[0] + inset).max(0.0) as usize;
            let y0 = (b[1] + inset).max(0.0) as usize;
            let x1 = (b[2] - inset).max(0.0) as usize;
            let y1 = (b[3] - inset).max(0.0) as usize;
            let image = page.crop(x0, y0, x1, y1).binarise(threshold);
            Crop {
                image: touching::set_apart(without_dust(without_edge_lines(without_rules(image)))),
                origin: [x0, y0],
            }
        })
        .collect()
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

/// The crop without the pieces of a skewed or broken rule along its edges: ink that lies
/// flat in the top or bottom fifth, or a thin stroke at a side edge that runs down most of
/// the crop, or that runs off its top or bottom, stands half again as tall as the digits or
/// mostly beside them (a broken rule's piece next to a number). A cell's digits sit in its
/// middle and are never that shape.
fn without_edge_lines(mut crop: Gray) -> Gray {
    let (w, h) = (crop.width, crop.height);
    let parts = components(&crop);
    let height = |p: &Component| p.bbox[3] - p.bbox[1] + 1;
    let at_side = |p: &Component| p.bbox[0] <= 1 || p.bbox[2] + 2 >= w;
    let tallest = parts.iter().filter(|p| !at_side(p)).map(height).max();
    let band = parts
        .iter()
        .filter(|p| !at_side(p) && tallest.is_some_and(|t| height(p) * 2 >= t))
        .map(|p| (p.bbox[1], p.bbox[3]))
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    for part in &parts {
        let [x0, y0, x1, y1] = part.bbox;
        let flat = (y1 - y0 + 1) * 5 <= h;
        let top_or_bottom = y1 * 5 < h || y0 * 5 >= h * 4 || y0 == 0 || y1 + 1 == h;
        let long = (x0 == 0 || x1 + 1 == w) && height(part) * 4 > h * 3;
        let thin = (x1 - x0 + 1) * 3 <= height(part);
        let ruled = band.is_some_and(|(top, bottom)| {
            let beside = (y1.min(bottom) + 1).saturating_sub(y0.max(top)) * 2 < height(part);
            let taller = height(part) * 2 > (bottom - top + 1) * 3;
            y0 == 0 || y1 + 1 == h || beside || taller
        });
        if (flat && top_or_bottom) || long || (at_side(part) && thin && ruled) {
            part.pixels.iter().for_each(|&i| crop.pixels[i] = 255);
        }
    }
    crop
}

/// The crop without specks of scanner dust (a dot of noise grown by upsampling): small
/// pieces of ink anywhere but on the digits' baseline between two of them, where a decimal
/// point sits. A dash (wider than tall) is kept: it may be a minus or a "none" mark.
fn without_dust(mut crop: Gray) -> Gray {
    let parts = components(&crop);
    let height = |p: &Component| p.bbox[3] - p.bbox[1] + 1;
    let width = |p: &Component| p.bbox[2] - p.bbox[0] + 1;
    let tallest = parts.iter().map(height).max().unwrap_or(0);
    if tallest < 8 {
        return crop;
    }
    let glyphs = parts.iter().filter(|p| height(p) * 2 >= tallest);
    let left = glyphs.clone().map(|p| p.bbox[0]).min().unwrap_or(0);
    let right = glyphs.clone().map(|p| p.bbox[2]).max().unwrap_or(0);
    let baseline = glyphs.map(|p| p.bbox[3]).max().unwrap_or(0);
    for part in &parts {
        let (w, h) = (width(part), height(part));
        let small = w * 4 < tallest && h * 4 < tallest;
        let dash = w >= 2 * h && w * 5 >= tallest;
        let point = part.bbox[0] > left
            && part.bbox[2] < right
            && part.bbox[3] * 6 + tallest >= baseline * 6
            && part.bbox[1] * 3 + tallest >= baseline * 3;
        if small && !dash && !point {
            part.pixels.iter().for_each(|&i| crop.pixels[i] = 255);
        }
    }
    crop
}

/// A connected piece of ink: its pixels (indices) and box (inclusive).
pub struct Component {
    /// Indices of its pixels.
    pub pixels: Vec<usize>,
    /// Left, top, right, bottom (inclusive).
    pub bbox: [usize; 4],
}

/// The 8-connected pieces of black in a black-and-white image.
pub fn components(img: &Gray) -> Vec<Component> {
    let (w, h) = (img.width, img.height);
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    for start in 0..w * h {
        if seen[start] || img.pixels[start] != 0 {
            continue;
        }
        seen[start] = true;
        let (mut stack, mut part) = (
            vec![start],
            Component {
                pixels: Vec::new(),
                bbox: [start % w, start / w, start % w, start / w],
            },
        );
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            part.pixels.push(i);
            part.bbox = [
                part.bbox[0].min(x),
                part.bbox[1].min(y),
                part.bbox[2].max(x),
                part.bbox[3].max(y),
            ];
            for ny in y.saturating_sub(1)..=(y + 1).min(h - 1) {
                for nx in x.saturating_sub(1)..=(x + 1).min(w - 1) {
                    let n = ny * w + nx;
                    if !seen[n] && img.pixels[n] == 0 {
                        seen[n] = true;
                        stack.push(n);
                    }
                }
            }
        }
        out.push(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A crop with a stroke from (`top`, 10) down to (`bottom`, 50), 4 pixels wide, and a
    /// flag from the top to the left when `flag`.
    fn stroke(top: usize, bottom: usize, flag: bool) -> Crop {
        let mut image = Gray::white(40, 60);
        for y in 10..=50 {
            let x = top as f32 + (bottom as f32 - top as f32) * (y - 10) as f32 / 40.0;
            let x = x.round() as usize;
            image.pixels[y * 40 + x..y * 40 + x + 4].fill(0);
        }
        if flag {
            (0..6).for_each(|i| image.pixels[(12 + i) * 40 + top - 1 - i] = 0);
        }
        Crop {
            image,
            origin: [0, 0],
        }
    }

    #[test]
    fn a_flat_stroke_alone_is_a_dash_but_a_minus_before_digits_or_a_digit_is_not() {
        let mut image = Gray::white(120, 60);
        image.pixels[30 * 120..30 * 120 + 120]
            .chunks_mut(120)
            .for_each(|row| row[46..74].fill(0)); // 28 × 1
        (31..33).for_each(|y| image.pixels[y * 120 + 46..y * 120 + 74].fill(0)); // 28 × 3
        let dash = Crop {
            image: image.clone(),
            origin: [0, 0],
        };
        assert_eq!(dash.dash(), Some([46.0, 30.0, 73.0, 32.0]));
        (20..42).for_each(|y| image.pixels[y * 120 + 90..y * 120 + 94].fill(0)); // a 1 beside
        let minus = Crop {
            image,
            origin: [0, 0],
        };
        assert_eq!(minus.dash(), None);
        assert_eq!(stroke(18, 18, true).dash(), None);
    }

    #[test]
    fn a_slash_leans_and_a_one_or_a_skewed_one_does_not() {
        assert!(stroke(24, 14, false).leans());
        assert!(!stroke(18, 18, true).leans());
        assert!(!stroke(18, 17, true).leans(), "a 1 skewed by 1.4°");
        assert!(!stroke(18, 19, false).leans());
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
    fn pieces_of_a_rule_along_the_edges_are_cleared_but_digits_and_a_minus_stay() {
        let mut crop = Gray::white(60, 40);
        crop.pixels[2 * 60 + 5..2 * 60 + 25].fill(0); // a skewed rule's piece, top
        (0..36).for_each(|y| crop.pixels[y * 60 + 59] = 0); // a rule's piece, right side
        (12..28).for_each(|y| crop.pixels[y * 60 + 30] = 0); // a digit's stroke
        crop.pixels[20 * 60 + 20..20 * 60 + 26].fill(0); // a minus sign
        let out = without_edge_lines(crop);
        assert_eq!(out.pixels.iter().filter(|&&p| p == 0).count(), 16 + 6);
    }

    #[test]
    fn a_broken_rules_piece_beside_a_number_is_cleared_but_a_one_at_the_edge_stays() {
        let mut crop = Gray::white(60, 60);
        let mut ink = |x0: usize, y0: usize, x1: usize, y1: usize| {
            (y0..=y1).for_each(|y| crop.pixels[y * 60 + x0..=y * 60 + x1].fill(0));
        };
        ink(1, 14, 2, 50); // the rule's piece, from the digits' top to below them
        ink(20, 14, 23, 29); // a digit
        ink(30, 14, 33, 29); // a digit
        ink(56, 14, 58, 29); // a `1` against the right edge, as tall as the digits
        ink(57, 34, 58, 54); // a rule's piece below the digits, as tall as they are
        let out = without_edge_lines(crop);
        assert_eq!(
            out.pixels.iter().filter(|&&p| p == 0).count(),
            2 * 4 * 16 + 3 * 16
        );
    }

    #[test]
    fn dust_is_cleared_but_a_decimal_point_and_a_minus_stay() {
        let mut crop = Gray::white(80, 40);
        let mut ink = |x0: usize, y0: usize, x1: usize, y1: usize| {
            (y0..=y1).for_each(|y| crop.pixels[y * 80 + x0..=y * 80 + x1].fill(0));
        };
        ink(20, 8, 22, 31); // a digit's stroke
        ink(40, 8, 42, 31); // another digit
        ink(30, 29, 31, 31); // a decimal point between them, on the baseline
        ink(8, 19, 14, 20); // a minus sign on the left
        ink(30, 3, 31, 4); // dust above the digits
        ink(60, 29, 61, 30); // dust right of the digits
        let out = without_dust(crop);
        let dark = |x: usize, y: usize| out.pixels[y * 80 + x] == 0;
        assert!(dark(30, 30) && dark(10, 19) && dark(21, 20));
        assert!(!dark(30, 3) && !dark(60, 29));
    }
}
