//! Skew estimation: the angle at which the rows of ink line up best (projection profile).

use super::image::Gray;

/// Fewest pixel rows of ink across most of the page that make a band, not a rule.
const BAND_PX: usize = 8;

/// Largest skew looked for, in degrees.
pub const MAX_DEGREES: f32 = 3.0;

/// The angle (degrees) the page was turned by, as [`Gray::rotate`] turns: undo it with
/// `rotate(-angle)`. Ink is sampled on a coarse grid, so a page costs a few milliseconds.
/// On a `dithered` page only ink in strokes counts (its paper is specks all over).
pub fn estimate(img: &Gray, dithered: bool) -> f32 {
    let step = (img.width.max(img.height) / 1200).max(1);
    let across = img.width.div_ceil(step);
    let rows: Vec<Vec<(f32, f32)>> = (0..img.height)
        .step_by(step)
        .map(|y| {
            let row = &img.pixels[y * img.width..(y + 1) * img.width];
            (0..img.width)
                .step_by(step)
                .filter(|&x| row[x] < 128 && (!dithered || in_stroke(img, x, y)))
                .map(|x| (x as f32, y as f32))
                .collect()
        })
        .collect();
    // Rows inked across most of the page, several together, are a dark band a copier or
    // scanner lid left along an edge, square to the glass however the page lies: they
    // would vote for 0°. A table's rule is one or two such rows and still counts.
    let dense: Vec<bool> = rows.iter().map(|r| r.len() * 2 > across).collect();
    let band = BAND_PX.div_ceil(step);
    let mut ink = Vec::new();
    let mut rows = rows.into_iter();
    for run in dense.chunk_by(|a, b| a == b) {
        let keep = !run[0] || run.len() < band;
        for row in rows.by_ref().take(run.len()) {
            if keep {
                ink.extend(row);
            }
        }
    }
    if ink.len() < 50 {
        return 0.0;
    }
    let score = |deg: f32| profile_variance(&ink, deg, step as f32, img.height as f32);
    let mut best = (score(0.0), 0.0f32);
    let coarse = (MAX_DEGREES / 0.25) as i32;
    for i in -coarse..=coarse {
        let deg = i as f32 * 0.25;
        let s = score(deg);
        if s > best.0 {
            best = (s, deg);
        }
    }
    let centre = best.1;
    for i in -12..=12 {
        let deg = centre + i as f32 * 0.02;
        let s = score(deg);
        if s > best.0 {
            best = (s, deg);
        }
    }
    // Rows of ink lie flat when sheared by `best`; the page was turned the other way.
    -best.1
}

/// Whether the inked pixel at (`x`, `y`) has three inked neighbours or more: part of a
/// stroke, not a speck (a dithered page's specks would flatten the profile of its lines).
fn in_stroke(img: &Gray, x: usize, y: usize) -> bool {
    let (w, h) = (img.width, img.height);
    let mut inked = 0;
    for ny in y.saturating_sub(1)..(y + 2).min(h) {
        for nx in x.saturating_sub(1)..(x + 2).min(w) {
            inked += usize::from((nx, ny) != (x, y) && img.pixels[ny * w + nx] < 128);
        }
    }
    inked >= 3
}

/// Sum of squared row counts after turning the ink by `-deg`: sharp peaks (lines of text
/// and ruling lines lying flat) score high.
fn profile_variance(ink: &[(f32, f32)], deg: f32, bin: f32, height: f32) -> f64 {
    let t = deg.to_radians().tan();
    let n = (height / bin) as usize * 2 + 8;
    let offset = height / bin / 2.0 + 4.0;
    let mut rows = vec![0u32; n];
    for &(x, y) in ink {
        let r = ((y - x * t) / bin + offset) as usize;
        if let Some(v) = rows.get_mut(r) {
            *v += 1;
        }
    }
    rows.iter().map(|&v| (v as f64) * (v as f64)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of text-like dashes in rows.
    fn page() -> Gray {
        let mut img = Gray::white(800, 600);
        for row in 0..12 {
            let y = 60 + row * 40;
            for x in 60..740 {
                if (x / 12) % 4 != 3 {
                    for dy in 0..6 {
                        img.pixels[(y + dy) * 800 + x] = 0;
                    }
                }
            }
        }
        img
    }

    #[test]
    fn a_turned_page_is_measured_and_straightened() {
        for deg in [-2.0f32, -1.0, -0.5, 0.0, 0.7, 1.3, 2.5] {
            let turned = page().rotate(deg);
            let got = estimate(&turned, false);
            assert!((got - deg).abs() <= 0.1, "turned {deg}, measured {got}");
            let back = estimate(&turned.rotate(-got), false);
            assert!(back.abs() <= 0.1, "after straightening: {back}");
        }
    }

    #[test]
    fn a_dark_band_along_an_edge_does_not_hide_the_skew() {
        // Thin text on a light copy: a solid band outweighs it at 0°.
        let mut thin = Gray::white(800, 600);
        for row in 0..12 {
            let y = 60 + row * 40;
            for x in (60..740).filter(|x| (x / 12) % 4 != 3) {
                thin.pixels[y * 800 + x] = 0;
                thin.pixels[(y + 1) * 800 + x] = 0;
            }
        }
        for deg in [-1.4f32, 0.8] {
            let mut turned = thin.rotate(deg);
            let w = turned.width;
            for y in 570..600 {
                turned.pixels[y * w..(y + 1) * w].fill(25);
            }
            let got = estimate(&turned, false);
            assert!((got - deg).abs() <= 0.1, "turned {deg}, measured {got}");
        }
    }

    #[test]
    fn a_dithered_pages_dotted_paper_does_not_hide_the_skew() {
        for deg in [-0.7f32, 1.1] {
            let mut turned = page().rotate(deg);
            let mut seed = 11u32;
            for p in turned.pixels.iter_mut() {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                if (seed >> 16).is_multiple_of(5) {
                    *p = 0;
                }
            }
            let got = estimate(&turned, true);
            assert!((got - deg).abs() <= 0.1, "turned {deg}, measured {got}");
        }
    }

    #[test]
    fn a_blank_page_has_no_skew() {
        assert_eq!(estimate(&Gray::white(100, 100), false), 0.0);
    }
}
