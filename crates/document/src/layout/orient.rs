//! Writing directions: text drawn sideways or upside down (a landscape table on a portrait
//! page, a whole document rotated and flattened) is read in an upright frame of its own.
//!
//! A glyph's direction is the angle of its text-space x axis in page space, rounded to a
//! quarter turn: 0 upright, 1 running upward (90°), 2 upside down (180°), 3 running
//! downward (270°). Each direction has a frame — the page turned so that the text is
//! upright — in which glyphs and ruling lines get the usual coordinates (x from the left,
//! y down from the top); layout then reads each direction's glyphs on their own.

use super::Rule;

/// The quarter turn (0–3) of a text x axis `(a, b)` in PDF user space (y up).
pub fn direction(a: f32, b: f32) -> u8 {
    if !(a.is_finite() && b.is_finite()) || (a == 0.0 && b == 0.0) {
        return 0;
    }
    let turns = (b.atan2(a) / std::f32::consts::FRAC_PI_2).round() as i32;
    turns.rem_euclid(4) as u8
}

/// A point of PDF user space (y up) in the upright frame of direction `dir`, as
/// `(x, y from the frame's top)`, on a page `width` × `height` points.
pub fn place(dir: u8, x: f32, y: f32, width: f32, height: f32) -> (f32, f32) {
    match dir {
        1 => (y, x),
        2 => (width - x, y),
        3 => (height - y, width - x),
        _ => (x, height - y),
    }
}

/// A ruling line of page space (y down) in the upright frame of direction `dir`.
pub fn rule(r: &Rule, dir: u8, width: f32, height: f32) -> Rule {
    // Page space back to user space, then into the frame.
    let end = |x: f32, top: f32| place(dir, x, height - top, width, height);
    let (ax, ay) = end(r.x0, r.y0);
    let (bx, by) = end(r.x1, r.y1);
    Rule {
        x0: ax.min(bx),
        y0: ay.min(by),
        x1: ax.max(bx),
        y1: ay.max(by),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_turns_from_the_x_axis() {
        assert_eq!(direction(12.0, 0.0), 0);
        assert_eq!(direction(0.0, 12.0), 1);
        assert_eq!(direction(-12.0, 0.0), 2);
        assert_eq!(direction(0.0, -12.0), 3);
        assert_eq!(direction(11.0, 1.0), 0, "a slight skew is upright");
        assert_eq!(direction(f32::NAN, 1.0), 0);
        assert_eq!(direction(0.0, 0.0), 0);
    }

    /// Two glyphs of a line and one of the next line, drawn with text axis `(a, b)` on a
    /// 595 × 842 page, come out upright in their frame: same baseline, left to right, the
    /// next line below.
    #[test]
    fn each_direction_reads_upright_in_its_frame() {
        for (dir, (a, b)) in [
            (0u8, (1.0, 0.0)),
            (1, (0.0, 1.0)),
            (2, (-1.0, 0.0)),
            (3, (0.0, -1.0)),
        ] {
            assert_eq!(direction(a, b), dir);
            // Origin (300, 400); advance along (a, b); next line 20 pt along "down" = (b, -a).
            let at = |along: f32, down: f32| {
                place(
                    dir,
                    300.0 + a * along + b * down,
                    400.0 + b * along - a * down,
                    595.0,
                    842.0,
                )
            };
            let (p, q, r) = (at(0.0, 0.0), at(10.0, 0.0), at(0.0, 20.0));
            assert!(
                (p.1 - q.1).abs() < 1e-3 && q.0 - p.0 > 9.9,
                "{dir}: {p:?} {q:?}"
            );
            assert!(
                r.1 - p.1 > 19.9 && (r.0 - p.0).abs() < 1e-3,
                "{dir}: {p:?} {r:?}"
            );
            let (w, h) = if dir % 2 == 1 {
                (842.0, 595.0)
            } else {
                (595.0, 842.0)
            };
            assert!(
                (0.0..=w).contains(&p.0) && (0.0..=h).contains(&p.1),
                "{dir}: {p:?}"
            );
        }
    }

    #[test]
    fn rules_turn_with_the_frame() {
        let horizontal = Rule {
            x0: 100.0,
            y0: 200.0,
            x1: 300.0,
            y1: 200.0,
        };
        let turned = rule(&horizontal, 1, 595.0, 842.0);
        assert_eq!(
            turned.x0, turned.x1,
            "a horizontal line is vertical in a 90° frame"
        );
        assert_eq!((turned.y0, turned.y1), (100.0, 300.0));
        assert_eq!(rule(&horizontal, 0, 595.0, 842.0), horizontal);
    }
}
