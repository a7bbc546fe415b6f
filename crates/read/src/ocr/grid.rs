//! Table cells from ruling lines: the closed boxes between neighbouring rules.

use super::crop::PixelBox;
use super::rules::Segment;

/// Rules at (almost) the same position, as one line with the intervals it covers.
struct Track {
    pos: f32,
    spans: Vec<(f32, f32)>,
}

impl Track {
    fn covers(&self, a: f32, b: f32, tol: f32) -> bool {
        self.spans
            .iter()
            .any(|&(s, e)| s <= a + tol && e >= b - tol)
    }
}

/// Groups segments (given as position, start, end) into tracks `tol` apart, joining
/// pieces of one track that overlap or nearly touch.
fn tracks(mut segs: Vec<(f32, f32, f32)>, tol: f32) -> Vec<Track> {
    segs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<Track> = Vec::new();
    for (pos, a, b) in segs {
        match out.last_mut() {
            Some(t) if pos - t.pos <= tol => t.spans.push((a, b)),
            _ => out.push(Track {
                pos,
                spans: vec![(a, b)],
            }),
        }
    }
    for t in &mut out {
        t.spans.sort_by(|x, y| x.0.total_cmp(&y.0));
        let mut joined: Vec<(f32, f32)> = Vec::new();
        for &(a, b) in &t.spans {
            match joined.last_mut() {
                Some(last) if a <= last.1 + tol * 6.0 => last.1 = last.1.max(b),
                _ => joined.push((a, b)),
            }
        }
        t.spans = joined;
    }
    out
}

/// Every box closed on four sides by rules, at least `min` pixels in each direction.
pub fn cells(segments: &[Segment], tol: f32, min: f32) -> Vec<PixelBox> {
    let rows = tracks(
        segments
            .iter()
            .filter(|s| s.y0 == s.y1)
            .map(|s| (s.y0, s.x0, s.x1))
            .collect(),
        tol,
    );
    let cols = tracks(
        segments
            .iter()
            .filter(|s| s.x0 == s.x1)
            .map(|s| (s.x0, s.y0, s.y1))
            .collect(),
        tol,
    );
    let mut out = Vec::new();
    for (i, top) in rows.iter().enumerate() {
        // Verticals leaving this rule downwards, left to right.
        let sides: Vec<&Track> = cols
            .iter()
            .filter(|c| c.covers(top.pos, top.pos + min, tol))
            .collect();
        for pair in sides.windows(2) {
            let (x0, x1) = (pair[0].pos, pair[1].pos);
            if x1 - x0 < min || !top.covers(x0, x1, tol) {
                continue;
            }
            // The nearest rule below that closes this column (text strokes do not).
            let bottom = rows[i + 1..]
                .iter()
                .find(|r| r.pos - top.pos >= min && r.covers(x0, x1, tol));
            if let Some(bottom) = bottom
                && pair.iter().all(|c| c.covers(top.pos, bottom.pos, tol))
            {
                out.push([x0, top.pos, x1, bottom.pos]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f32, x0: f32, x1: f32) -> Segment {
        Segment {
            x0,
            y0: y,
            x1,
            y1: y,
        }
    }

    fn v(x: f32, y0: f32, y1: f32) -> Segment {
        Segment {
            x0: x,
            y0,
            x1: x,
            y1,
        }
    }

    #[test]
    fn a_two_by_two_grid_with_a_broken_rule_gives_four_cells() {
        let segs = [
            h(10.0, 0.0, 200.0),
            h(60.0, 0.0, 90.0),
            h(61.0, 95.0, 200.0), // broken and a pixel off
            h(110.0, 0.0, 200.0),
            v(0.0, 10.0, 110.0),
            v(100.0, 10.0, 110.0),
            v(200.0, 10.0, 110.0),
        ];
        let mut segs = segs.to_vec();
        segs.push(h(30.0, 20.0, 60.0)); // a text stroke inside a cell
        let got = cells(&segs, 3.0, 20.0);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], [0.0, 10.0, 100.0, 60.0]);
        assert_eq!(got[3], [100.0, 60.0, 200.0, 110.0]);
    }

    #[test]
    fn a_merged_cell_is_one_box() {
        let segs = [
            h(0.0, 0.0, 200.0),
            h(50.0, 100.0, 200.0), // the left column spans both rows
            h(100.0, 0.0, 200.0),
            v(0.0, 0.0, 100.0),
            v(100.0, 0.0, 100.0),
            v(200.0, 0.0, 100.0),
        ];
        let got = cells(&segs, 3.0, 20.0);
        assert!(
            got.contains(&[100.0, 0.0, 200.0, 50.0]) && got.contains(&[100.0, 50.0, 200.0, 100.0])
        );
        assert!(
            !got.iter().any(|c| c[0] == 0.0 && c[3] - c[1] < 60.0),
            "{got:?}"
        );
    }
}
