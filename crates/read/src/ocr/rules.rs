//! Ruling lines found in a page image: long runs of ink, horizontal and vertical, that
//! tolerate the gaps of a broken fax line and are light enough to catch grey hairlines.

use super::image::Gray;

/// A ruling line in image pixels (`x0 == x1` for vertical, `y0 == y1` for horizontal).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// Left end.
    pub x0: f32,
    /// Top end.
    pub y0: f32,
    /// Right end.
    pub x1: f32,
    /// Bottom end.
    pub y1: f32,
}

/// Tuning for an image of a given resolution.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// A pixel darker than this (on a background-normalised image) may belong to a rule:
    /// light grey hairlines are around 180–210.
    pub ink: u8,
    /// Longest break inside a rule, in pixels.
    pub gap: usize,
    /// Shortest rule, in pixels.
    pub min_len: usize,
    /// Shortest vertical rule that joins two horizontal rules (a one-row table column,
    /// too short to be told from a stroke of text on its own).
    pub min_joint: usize,
    /// Thickest rule, in pixels (thicker is a filled area, not a line).
    pub max_thickness: usize,
}

impl Params {
    /// Settings for an image at `dpi`.
    pub fn for_dpi(dpi: f32) -> Params {
        Params {
            ink: 215,
            gap: (dpi / 25.0).round().max(2.0) as usize,
            min_len: (dpi * 0.45) as usize,
            min_joint: (dpi * 0.15) as usize,
            max_thickness: (dpi / 25.0).round().max(3.0) as usize,
        }
    }

    /// Settings for the page image `img` at `dpi`: ink is what is clearly darker than its
    /// paper (light grey hairlines included).
    pub fn for_page(img: &Gray, dpi: f32) -> Params {
        Params {
            ink: (img.median() as f32 * INK_OF_PAPER) as u8,
            ..Params::for_dpi(dpi)
        }
    }
}

/// Every horizontal and vertical rule in `img`.
pub fn detect(img: &Gray, p: &Params) -> Vec<Segment> {
    detect_in(img, img, p)
}

/// Every rule on a page at `dpi`: on a dithered page (see [`super::descreen`]) found in
/// copies averaged along each rule direction, so grey rules dotted by the dither read as
/// lines. Ink there is judged against the averaged paper: a dithered page's pixels are
/// mostly white, while its paper averages a light grey that, in rows where the dither's
/// dots line up, would pass the page's own ink level.
pub fn on_page(img: &Gray, p: &Params, dithered: bool, dpi: f32) -> Vec<Segment> {
    if !dithered {
        return detect(img, p);
    }
    let n = (dpi / 33.0) as usize | 1;
    let across = super::descreen::mean_along(img, false, n);
    let down = super::descreen::mean_along(img, true, n);
    let paper = across.median().min(down.median());
    let p = Params {
        ink: p.ink.min((paper as f32 * INK_OF_PAPER) as u8),
        ..*p
    };
    detect_in(&across, &down, &p)
}

/// Share of the paper's level below which a pixel may be ink (light grey hairlines included).
const INK_OF_PAPER: f32 = 0.85;

/// Every rule: the horizontal ones found in `across`, the vertical ones in `down` (one
/// page, each averaged along its rules' direction when dithered, see [`super::descreen`]).
pub fn detect_in(across: &Gray, down: &Gray, p: &Params) -> Vec<Segment> {
    let dark = |img: &Gray, x: usize, y: usize| img.pixels[y * img.width + x] < p.ink;
    let horizontal: Vec<_> = merge(
        runs(
            across.height,
            across.width,
            |y, x| dark(across, x, y),
            p,
            p.min_len,
        ),
        p,
    )
    .into_iter()
    .filter(|h| !text_strokes(across, h, false, p))
    .collect();
    let vertical: Vec<_> = merge(
        runs(
            down.width,
            down.height,
            |x, y| dark(down, x, y),
            p,
            p.min_joint,
        ),
        p,
    )
    .into_iter()
    .filter(|v| !text_strokes(down, v, true, p))
    .filter(|v| v.2 - v.1 >= p.min_len as f32 || joins(v, &horizontal, 3.0 * p.min_len as f32, p))
    .collect();
    // A short horizontal run is a rule only where it spans between two verticals: else
    // it is the strokes of a line of text (三, 一) run together by noise.
    let long = 3.0 * p.min_len as f32;
    let horizontal = horizontal
        .iter()
        .filter(|h| h.2 - h.1 >= long || joins(h, &vertical, p.min_len as f32, p));
    let mut out = horizontal
        .map(|&(pos, a, b)| Segment {
            x0: a,
            y0: pos,
            x1: b,
            y1: pos,
        })
        .collect::<Vec<_>>();
    out.extend(vertical.into_iter().map(|(pos, a, b)| Segment {
        x0: pos,
        y0: a,
        x1: pos,
        y1: b,
    }));
    out
}

/// Whether a run `(position, start, end)` (vertical when `down`) is strokes of text run
/// together, not a rule: a line of bold type on a fax, or a column of bold digits whose
/// strokes line up from row to row, bridged across the row rules. Ink along it is broken
/// by the gaps between characters, and the rest of the characters lie close beside it
/// along its length, where a rule, even a broken one, has paper on both sides.
fn text_strokes(img: &Gray, &(pos, a, b): &(f32, f32, f32), down: bool, p: &Params) -> bool {
    let (along_max, across_max) = match down {
        false => (img.width, img.height),
        true => (img.height, img.width),
    };
    let (a, b, pos) = (a as usize, (b as usize).min(along_max), pos as usize);
    let dark = |along: usize, across: usize| match down {
        false => img.pixels[across * img.width + along] < p.ink,
        true => img.pixels[along * img.width + across] < p.ink,
    };
    let density = |band: std::ops::Range<usize>| {
        let band = band.start.min(across_max)..band.end.min(across_max);
        let n = band
            .clone()
            .flat_map(|c| (a..b).map(move |l| (l, c)))
            .filter(|&(l, c)| dark(l, c))
            .count();
        n as f32 / (band.len() * (b - a)).max(1) as f32
    };
    let near = p.max_thickness / 2 + 2;
    let far = near + p.max_thickness;
    let on = (pos.saturating_sub(1)..pos + 2)
        .map(|c| density(c..c + 1))
        .fold(0.0, f32::max);
    let beside = density(pos.saturating_sub(far)..pos.saturating_sub(near))
        .max(density(pos + near..pos + far));
    on < 0.85 && beside >= 0.3
}

/// Whether a rule `(position, start, end)` ends at both ends on a crossing rule at least
/// `length` long (text strokes in a line of bold type can make a short rule).
fn joins(v: &(f32, f32, f32), crossing: &[(f32, f32, f32)], length: f32, p: &Params) -> bool {
    // A rule's end meets the other rule, not a stroke's end standing off it.
    let reach = (p.max_thickness / 2 + 2) as f32;
    let ends_on = |at: f32| {
        crossing.iter().any(|h| {
            h.2 - h.1 >= length
                && (h.0 - at).abs() <= reach
                && h.1 - reach <= v.0
                && h.2 + reach >= v.0
        })
    };
    ends_on(v.1) && ends_on(v.2)
}

/// Runs of `dark` at least `min` long along each of `lines` lines of `len` pixels:
/// (line, start, end).
fn runs(
    lines: usize,
    len: usize,
    dark: impl Fn(usize, usize) -> bool,
    p: &Params,
    min: usize,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for line in 0..lines {
        let (mut start, mut last, mut inked) = (None, 0usize, 0usize);
        for at in 0..=len {
            let d = at < len && dark(line, at);
            if d {
                if start.is_none() || at - last > p.gap {
                    close(&mut out, line, (start, last, inked), p, min);
                    start = Some(at);
                    inked = 0;
                }
                last = at;
                inked += 1;
            }
        }
        close(&mut out, line, (start, last, inked), p, min);
    }
    out
}

/// Ends the run `(start, last, inked)` on `line`: kept when at least `min` long and mostly
/// ink. A run shorter than a rule (one table row's column rule) must be nearly solid: a
/// stroke of text in a tight row, bridged to the rules above and below across the cell's
/// padding, is about three quarters ink.
fn close(
    out: &mut Vec<(usize, usize, usize)>,
    line: usize,
    (start, last, inked): (Option<usize>, usize, usize),
    p: &Params,
    min: usize,
) {
    if let Some(s) = start {
        let length = last + 1 - s;
        let solid = if length < p.min_len {
            inked * 10 >= length * 9
        } else {
            inked * 4 >= length * 3
        };
        if length >= min && solid {
            out.push((line, s, last + 1));
        }
    }
}

/// Runs on neighbouring lines that overlap become one rule at their middle line; a band
/// thicker than `max_thickness` is a filled area and is dropped.
fn merge(runs: Vec<(usize, usize, usize)>, p: &Params) -> Vec<(f32, f32, f32)> {
    // (first line, last line, start, end) of each band being built.
    let mut open: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut done = Vec::new();
    for (line, a, b) in runs {
        let hit = open
            .iter_mut()
            .find(|o| o.1 + 1 >= line && a < o.3 && b > o.2);
        match hit {
            Some(o) => *o = (o.0, line, o.2.min(a), o.3.max(b)),
            None => open.push((line, line, a, b)),
        }
        let (stale, keep): (Vec<_>, Vec<_>) = open.into_iter().partition(|o| o.1 + 1 < line);
        done.extend(stale);
        open = keep;
    }
    done.extend(open);
    done.into_iter()
        .filter(|o| o.1 + 1 - o.0 <= p.max_thickness)
        .map(|(first, last, a, b)| ((first + last) as f32 / 2.0 + 0.5, a as f32, b as f32))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(img: &mut Gray, x0: usize, y0: usize, x1: usize, y1: usize, v: u8) {
        for y in y0..y1 {
            for x in x0..x1 {
                img.pixels[y * img.width + x] = v;
            }
        }
    }

    /// A dithered page: paper dots at `paper` per cent, rows where they line up denser
    /// (every 23rd, at 20 %) and one dotted black rule (half its pixels) at y = 150.
    fn dithered_paper(paper: u32) -> Gray {
        let mut img = Gray::white(500, 300);
        for y in 0..300 {
            let density = match y {
                150 => 50,
                _ if y % 23 == 0 => 20,
                _ => paper,
            };
            for x in 0..500u32 {
                let hash = (x * 7919 + y as u32 * 104_729 + x * x * 31) % 100;
                if hash < density {
                    img.pixels[y * 500 + x as usize] = 0;
                }
            }
        }
        img
    }

    #[test]
    fn on_a_dithered_page_rows_of_lined_up_dots_are_paper_and_a_dotted_rule_is_a_rule() {
        let img = dithered_paper(10);
        let p = Params::for_page(&img, 300.0);
        let horizontal = |segments: Vec<Segment>| -> Vec<f32> {
            segments
                .iter()
                .filter(|s| s.y0 == s.y1)
                .map(|s| s.y0)
                .collect()
        };
        let got = horizontal(on_page(&img, &p, true, 300.0));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!((got[0] - 150.0).abs() <= 1.0, "{got:?}");
        // Judged against the page's own level (its pixels are mostly white), the rows of
        // lined-up dots passed for rules too.
        let n = (300.0 / 33.0) as usize | 1;
        let across = super::super::descreen::mean_along(&img, false, n);
        let down = super::super::descreen::mean_along(&img, true, n);
        let old = horizontal(detect_in(&across, &down, &p));
        assert!(old.len() >= 4, "{old:?}");
    }

    #[test]
    fn a_grid_gives_its_rules_and_text_gives_none() {
        let mut img = Gray::white(600, 400);
        draw(&mut img, 50, 100, 550, 103, 0); // black, 3 px
        draw(&mut img, 50, 300, 550, 301, 190); // light grey hairline
        draw(&mut img, 100, 50, 102, 350, 0); // vertical
        for c in 0..8 {
            draw(&mut img, 150 + c * 40, 200, 175 + c * 40, 204, 0); // dashes like text strokes
        }
        let got = detect(&img, &Params::for_dpi(300.0));
        let horizontal: Vec<_> = got.iter().filter(|s| s.y0 == s.y1).collect();
        let vertical: Vec<_> = got.iter().filter(|s| s.x0 == s.x1).collect();
        assert_eq!(horizontal.len(), 2, "{got:?}");
        assert!((horizontal[0].y0 - 102.0).abs() < 1.0 && horizontal[0].x0 == 50.0);
        assert!((horizontal[1].y0 - 300.5).abs() < 1.0);
        assert_eq!(vertical.len(), 1, "{got:?}");
        assert!((vertical[0].x0 - 101.0).abs() < 1.0 && vertical[0].y1 == 350.0);
    }

    #[test]
    fn a_short_vertical_counts_only_where_it_joins_two_horizontal_rules() {
        let mut img = Gray::white(600, 400);
        draw(&mut img, 50, 100, 550, 102, 0);
        draw(&mut img, 50, 160, 550, 162, 0);
        draw(&mut img, 300, 100, 302, 162, 0); // a one-row column rule, 62 px
        draw(&mut img, 400, 250, 403, 310, 0); // a stroke of text as long, joining nothing
        draw(&mut img, 380, 250, 530, 253, 0); // text strokes in a row, a short "rule"
        draw(&mut img, 380, 308, 530, 311, 0);
        let got = detect(&img, &Params::for_dpi(300.0));
        let vertical: Vec<_> = got.iter().filter(|s| s.x0 == s.x1).collect();
        assert_eq!(vertical.len(), 1, "{got:?}");
        assert!((vertical[0].x0 - 301.0).abs() < 1.0);
    }

    #[test]
    fn a_stroke_of_text_in_a_tight_row_bridged_to_its_rules_is_no_column_rule() {
        // Thick row rules 68 px apart (1.5 pt at 300 dpi, a LibreOffice table scanned at
        // 150 dpi): the stem of 十 runs 35 px with 8 px of padding above and below it.
        let mut img = Gray::white(600, 200);
        draw(&mut img, 50, 50, 550, 58, 0);
        draw(&mut img, 50, 110, 550, 118, 0);
        draw(&mut img, 300, 50, 303, 118, 0); // a column rule, rule to rule
        draw(&mut img, 400, 66, 404, 102, 0); // the stem, bridged across 8 px gaps
        let got = detect(&img, &Params::for_dpi(300.0));
        let vertical: Vec<_> = got.iter().filter(|s| s.x0 == s.x1).collect();
        assert_eq!(vertical.len(), 1, "{got:?}");
        assert!((vertical[0].x0 - 301.5).abs() < 1.0, "{got:?}");
    }

    #[test]
    fn a_column_of_bold_zeros_bridged_across_the_row_rules_is_no_rule() {
        // A photocopied 表三: rows 56 px apart, thick row rules, and in each row a bold `0`
        // 36 px tall whose left stroke lines up with the row above's; a real column rule.
        let mut img = Gray::white(400, 700);
        for r in 0..11 {
            let y = 50 + r * 56;
            draw(&mut img, 20, y, 380, y + 8, 0);
            if r < 10 {
                draw(&mut img, 200, y + 14, 206, y + 50, 0); // left stroke
                draw(&mut img, 218, y + 14, 224, y + 50, 0); // right stroke
                draw(&mut img, 200, y + 14, 224, y + 18, 0); // top
                draw(&mut img, 200, y + 46, 224, y + 50, 0); // bottom
            }
        }
        draw(&mut img, 100, 50, 104, 618, 0);
        let got = detect(&img, &Params::for_dpi(300.0));
        let vertical: Vec<_> = got.iter().filter(|s| s.x0 == s.x1).collect();
        assert_eq!(vertical.len(), 1, "{vertical:?}");
        assert!((vertical[0].x0 - 102.0).abs() < 1.0, "{vertical:?}");
    }

    #[test]
    fn a_line_of_bold_text_whose_strokes_run_together_is_no_rule() {
        // Sixteen "characters" 40 px apart (fax-thickened 12 pt): a middle stroke 30 px
        // long in each, 10 px between them, a stem and four short strokes (about 40 % ink
        // above and below the middle, as measured on such a fax); 640 px, longer than a
        // rule must be to stand without crossing rules. A real rule below, as broken.
        let mut img = Gray::white(800, 300);
        for c in 0..16 {
            let x = 50 + c * 40;
            draw(&mut img, x, 100, x + 30, 104, 0);
            draw(&mut img, x + 13, 80, x + 17, 125, 0);
            for y in [84, 90, 112, 118] {
                draw(&mut img, x + 2, y, x + 28, y + 3, 0);
            }
            draw(&mut img, x, 200, x + 36, 202, 0);
        }
        let got = detect(&img, &Params::for_dpi(300.0));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!((got[0].y0 - 201.0).abs() < 1.0, "{got:?}");
    }

    #[test]
    fn a_short_horizontal_run_is_a_rule_only_between_two_verticals() {
        let mut img = Gray::white(800, 400);
        draw(&mut img, 100, 50, 103, 350, 0); // two column rules
        draw(&mut img, 300, 50, 303, 350, 0);
        draw(&mut img, 100, 200, 303, 202, 0); // a row rule between them, 203 px
        draw(&mut img, 450, 120, 650, 122, 0); // text strokes run together, as long
        let got = detect(&img, &Params::for_dpi(300.0));
        let horizontal: Vec<_> = got.iter().filter(|s| s.y0 == s.y1).collect();
        assert_eq!(horizontal.len(), 1, "{got:?}");
        assert!((horizontal[0].y0 - 201.0).abs() < 1.0);
    }

    #[test]
    fn a_rule_broken_by_a_fax_is_one_rule() {
        let mut img = Gray::white(600, 100);
        for piece in 0..10 {
            draw(&mut img, 40 + piece * 52, 50, 40 + piece * 52 + 45, 52, 0); // 7 px breaks
        }
        let got = detect(&img, &Params::for_dpi(300.0));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].x0, got[0].x1), (40.0, 553.0));
    }

    #[test]
    fn a_filled_block_is_not_a_rule() {
        let mut img = Gray::white(600, 300);
        draw(&mut img, 50, 50, 550, 250, 0);
        assert!(detect(&img, &Params::for_dpi(300.0)).is_empty());
    }
}
