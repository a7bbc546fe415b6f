//! Bilinear resampling of grey images under an affine map, in fixed point (the deskew
//! rotation).

use super::image::Gray;

/// Fractional bits of the fixed-point source coordinates.
const FRACTION: u32 = 32;
const ONE: i64 = 1 << FRACTION;

/// An affine map from an output pixel `(x, y)` to the source position it samples:
/// `(m[0]·x + m[1]·y + m[2], m[3]·x + m[4]·y + m[5])`, in source pixels.
type Affine = [f64; 6];

impl Gray {
    /// The image turned by `degrees` (counter-clockwise on screen) about its centre,
    /// same size, bilinear, white where nothing maps.
    pub fn rotate(&self, degrees: f32) -> Gray {
        let (s, c) = (degrees as f64).to_radians().sin_cos();
        let (cx, cy) = (self.width as f64 / 2.0, self.height as f64 / 2.0);
        let map = [c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy];
        self.resample(self.width, self.height, &map)
    }

    /// A `width × height` image whose pixel `(x, y)` is this image sampled bilinearly at
    /// `map(x, y)`; white where the map leaves the image.
    fn resample(&self, width: usize, height: usize, map: &Affine) -> Gray {
        let mut pixels = Vec::with_capacity(width * height);
        let fixed = |v: f64| (v * ONE as f64).round() as i64;
        let (step_x, step_y) = (fixed(map[0]), fixed(map[3]));
        for y in 0..height {
            let y = y as f64;
            let mut sx = fixed(map[1] * y + map[2]);
            let mut sy = fixed(map[4] * y + map[5]);
            for _ in 0..width {
                pixels.push(self.sample(sx, sy));
                sx += step_x;
                sy += step_y;
            }
        }
        Gray {
            width,
            height,
            pixels,
        }
    }

    /// The bilinear sample at the fixed-point position `(sx, sy)`; neighbours outside the
    /// image count as white.
    fn sample(&self, sx: i64, sy: i64) -> u8 {
        let (x0, y0) = (sx >> FRACTION, sy >> FRACTION);
        let fx = ((sx >> (FRACTION - 16)) & 0xFFFF) as u64;
        let fy = ((sy >> (FRACTION - 16)) & 0xFFFF) as u64;
        let (w, h) = (self.width as i64, self.height as i64);
        let [a, b, c, d] = if x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h {
            let i = (y0 * w + x0) as usize;
            let p = &self.pixels;
            [p[i], p[i + 1], p[i + w as usize], p[i + w as usize + 1]]
        } else if x0 < -1 || y0 < -1 || x0 >= w || y0 >= h {
            return 255;
        } else {
            let g = |dx: i64, dy: i64| self.get((x0 + dx) as isize, (y0 + dy) as isize);
            [g(0, 0), g(1, 0), g(0, 1), g(1, 1)]
        };
        let one = 1 << 16;
        let top = a as u64 * (one - fx) + b as u64 * fx;
        let bottom = c as u64 * (one - fx) + d as u64 * fx;
        ((top * (one - fy) + bottom * fy + (1 << 31)) >> 32) as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ramp(width: usize, height: usize) -> Gray {
        let mut img = Gray::white(width, height);
        for (i, p) in img.pixels.iter_mut().enumerate() {
            *p = ((i % width) * 10 + (i / width)) as u8;
        }
        img
    }

    #[test]
    fn the_identity_map_copies_and_a_half_pixel_shift_averages() {
        let img = ramp(6, 4);
        assert_eq!(img.resample(6, 4, &[1.0, 0.0, 0.0, 0.0, 1.0, 0.0]), img);
        let half = img.resample(5, 4, &[1.0, 0.0, 0.5, 0.0, 1.0, 0.0]);
        assert_eq!(&half.pixels[..5], &[5, 15, 25, 35, 45]);
    }

    #[test]
    fn doubling_interpolates_and_outside_is_white() {
        let img = ramp(4, 4);
        let big = img.resample(10, 8, &[0.5, 0.0, 0.0, 0.0, 0.5, 0.0]);
        assert_eq!(&big.pixels[..4], &[0, 5, 10, 15]);
        assert_eq!(big.pixels[9], 255); // x = 4.5: past the last column
        assert_eq!(big.pixels[10 * 7 + 9], 255);
    }

    #[test]
    fn a_quarter_turn_moves_a_dot_around_the_centre() {
        let mut img = Gray::white(9, 9);
        img.pixels[4 * 9 + 7] = 0; // right of centre
        let turned = img.rotate(90.0);
        let dark: Vec<usize> = (0..81).filter(|&i| turned.pixels[i] < 128).collect();
        assert_eq!(dark, vec![2 * 9 + 4]); // now above the centre: (4, 2)
    }
}
