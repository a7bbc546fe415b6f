//! Dithered scans (a scanner's text/photo mode prints grey as scattered dots): told by how
//! much of their ink lies in specks, and averaged along one direction so that a grey rule,
//! dotted by the dither, reads as a line while the dotted paper stays light.

use super::image::Gray;

/// Whether half or more of the page's ink is specks: pixels with two inked neighbours or
/// fewer. Dithered pages of the scan matrix have 40–99 % (most over 55 %), bilevel scans
/// with strokes thinned to breaking 26–48 %, clean ones under 3 %. Every fourth row is
/// looked at.
pub fn is_dithered(img: &Gray) -> bool {
    let (w, h) = (img.width, img.height);
    if w < 3 || h < 3 {
        return false;
    }
    let ink = |x: usize, y: usize| img.pixels[y * w + x] < 128;
    let (mut total, mut specks) = (0usize, 0usize);
    for y in (1..h - 1).step_by(4) {
        for x in (1..w - 1).filter(|&x| ink(x, y)) {
            total += 1;
            let around = (y - 1..=y + 1)
                .flat_map(|ny| (x - 1..=x + 1).map(move |nx| (nx, ny)))
                .filter(|&(nx, ny)| (nx, ny) != (x, y) && ink(nx, ny))
                .count();
            specks += usize::from(around <= 2);
        }
    }
    total >= 1000 && specks * 2 >= total
}

/// Each pixel the mean of the `n` pixels centred on it along rows (`down` false) or
/// columns (`down` true): a running sum, so a page costs one pass.
pub fn mean_along(img: &Gray, down: bool, n: usize) -> Gray {
    let (w, h) = (img.width, img.height);
    let (lines, len) = if down { (w, h) } else { (h, w) };
    let at = |line: usize, i: usize| if down { i * w + line } else { line * w + i };
    let half = n / 2;
    let mut out = img.clone();
    for line in 0..lines {
        let mut sum = 0u32;
        let mut count = 0u32;
        for i in 0..len.min(half) {
            sum += u32::from(img.pixels[at(line, i)]);
            count += 1;
        }
        for i in 0..len {
            if i + half < len {
                sum += u32::from(img.pixels[at(line, i + half)]);
                count += 1;
            }
            if i > half {
                sum -= u32::from(img.pixels[at(line, i - half - 1)]);
                count -= 1;
            }
            out.pixels[at(line, i)] = (sum / count.max(1)) as u8;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of dotted paper (one dot in twelve) with a dotted grey rule (every other
    /// pixel) across it at row 50, and a solid text stroke when `text`.
    fn dotted(text: bool) -> Gray {
        let mut img = Gray::white(300, 200);
        let mut seed = 7u32;
        for p in img.pixels.iter_mut() {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            if (seed >> 16).is_multiple_of(12) {
                *p = 0;
            }
        }
        for x in (0..300).step_by(2) {
            img.pixels[50 * 300 + x] = 0;
        }
        if text {
            for y in 20..30 {
                img.pixels[y * 300 + 20..y * 300 + 200].fill(0);
            }
        }
        img
    }

    #[test]
    fn dotted_paper_is_dithered_and_solid_strokes_are_not() {
        assert!(is_dithered(&dotted(false)));
        let mut strokes = Gray::white(300, 100);
        for y in (10..90).filter(|y| y % 10 < 4) {
            strokes.pixels[y * 300 + 10..y * 300 + 290].fill(0);
        }
        assert!(!is_dithered(&strokes));
        assert!(!is_dithered(&Gray::white(300, 100)));
    }

    #[test]
    fn along_a_row_a_dotted_rule_turns_grey_and_dotted_paper_stays_light() {
        let img = dotted(false);
        let smooth = mean_along(&img, false, 9);
        let row = |y: usize| &smooth.pixels[y * 300..(y + 1) * 300];
        let (lo, hi) = row(50)[5..295]
            .iter()
            .fold((255, 0), |(lo, hi), &p| (p.min(lo), p.max(hi)));
        assert!(lo >= 40 && hi <= 170, "the rule's row runs {lo}–{hi}");
        let light = row(80).iter().filter(|&&p| p > 200).count();
        assert!(light > 240, "{light} of 300 paper pixels light");
        let down = mean_along(&img, true, 9);
        assert!(
            down.pixels[50 * 300 + 100] > 180,
            "across the rule it stays light"
        );
    }
}
