//! Grey images resized for the networks: area-averaged when shrinking, bilinear when
//! growing.

use super::super::image::Gray;

impl Gray {
    /// The image scaled to `width × height`.
    pub fn resized(&self, width: usize, height: usize) -> Gray {
        let (width, height) = (width.max(1), height.max(1));
        let rows = axis(self.height, height);
        let cols = axis(self.width, width);
        let mut pixels = Vec::with_capacity(width * height);
        let mut row = vec![0f32; self.width];
        for taps in &rows {
            row.iter_mut().for_each(|v| *v = 0.0);
            for &(y, w) in taps {
                let src = &self.pixels[y * self.width..(y + 1) * self.width];
                row.iter_mut()
                    .zip(src)
                    .for_each(|(r, &p)| *r += w * p as f32);
            }
            for taps in &cols {
                let v: f32 = taps.iter().map(|&(x, w)| w * row[x]).sum();
                pixels.push(v.round().clamp(0.0, 255.0) as u8);
            }
        }
        Gray {
            width,
            height,
            pixels,
        }
    }
}

/// For each output position, the source positions and weights it takes: the source pixels
/// it covers when shrinking (weights by overlap), the two nearest when growing.
fn axis(from: usize, to: usize) -> Vec<Vec<(usize, f32)>> {
    let scale = from as f32 / to as f32;
    (0..to)
        .map(|i| {
            if scale > 1.0 {
                let (a, b) = (i as f32 * scale, (i + 1) as f32 * scale);
                let taps: Vec<(usize, f32)> = (a.floor() as usize..(b.ceil() as usize).min(from))
                    .map(|s| (s, ((s + 1) as f32).min(b) - (s as f32).max(a)))
                    .collect();
                let total: f32 = taps.iter().map(|t| t.1).sum();
                taps.into_iter().map(|(s, w)| (s, w / total)).collect()
            } else {
                let c = ((i as f32 + 0.5) * scale - 0.5).clamp(0.0, (from - 1) as f32);
                let (s0, f) = (c.floor() as usize, c.fract());
                let s1 = (s0 + 1).min(from - 1);
                vec![(s0, 1.0 - f), (s1, f)]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinking_averages_and_growing_interpolates() {
        let img = Gray {
            width: 4,
            height: 1,
            pixels: vec![0, 100, 200, 200],
        };
        assert_eq!(img.resized(2, 1).pixels, vec![50, 200]);
        let grown = img.resized(8, 2);
        assert_eq!(grown.pixels[..8], [0, 25, 75, 125, 175, 200, 200, 200]);
        assert_eq!(grown.pixels[..8], grown.pixels[8..]);
    }
}
