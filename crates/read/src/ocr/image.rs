//! Grey page images: the PNM format poppler writes and tesseract reads, crops, rotation
//! and background normalisation.

/// Most pixels one page image may have (a 600 dpi A3 page is 70 M).
pub const MAX_PIXELS: u64 = 80_000_000;

/// An 8-bit grey image, row-major, 0 = black.
#[derive(Debug, Clone, PartialEq)]
pub struct Gray {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width × height` samples.
    pub pixels: Vec<u8>,
}

impl Gray {
    /// A white image.
    pub fn white(width: usize, height: usize) -> Self {
        Gray {
            width,
            height,
            pixels: vec![255; width * height],
        }
    }

    /// The sample at `(x, y)`; white outside the image.
    pub fn get(&self, x: isize, y: isize) -> u8 {
        if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height {
            return 255;
        }
        self.pixels[y as usize * self.width + x as usize]
    }

    /// Reads a binary PGM (`P5`, 8-bit) or PBM (`P4`) image, refusing more than [`MAX_PIXELS`].
    pub fn from_pnm(bytes: &[u8]) -> Result<Gray, String> {
        let mut pos = 0;
        let magic = token(bytes, &mut pos).ok_or("no PNM header")?;
        let width = number(bytes, &mut pos)?;
        let height = number(bytes, &mut pos)?;
        if width == 0 || height == 0 || (width as u64) * (height as u64) > MAX_PIXELS {
            return Err(format!(
                "a {width}×{height} page image is over the pixel limit"
            ));
        }
        let data = |pos: usize, len: usize| {
            bytes
                .get(pos + 1..pos + 1 + len)
                .ok_or_else(|| "the image data is truncated".to_string())
        };
        match magic {
            b"P5" => {
                if number(bytes, &mut pos)? != 255 {
                    return Err("only 8-bit PGM images are read".into());
                }
                let pixels = data(pos, width * height)?.to_vec();
                Ok(Gray {
                    width,
                    height,
                    pixels,
                })
            }
            b"P4" => {
                let stride = width.div_ceil(8);
                let raw = data(pos, stride * height)?;
                let pixels = (0..width * height)
                    .map(|i| {
                        let byte = raw[(i / width) * stride + (i % width) / 8];
                        if byte & (0x80 >> (i % width % 8)) != 0 {
                            0
                        } else {
                            255
                        }
                    })
                    .collect();
                Ok(Gray {
                    width,
                    height,
                    pixels,
                })
            }
            _ => Err("not a binary PGM or PBM image".into()),
        }
    }

    /// The image as a binary PGM file.
    pub fn to_pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.pixels);
        out
    }

    /// The part of the image in `[x0, x1) × [y0, y1)` (clipped to the image).
    pub fn crop(&self, x0: usize, y0: usize, x1: usize, y1: usize) -> Gray {
        let (x1, y1) = (x1.min(self.width), y1.min(self.height));
        let (x0, y0) = (x0.min(x1), y0.min(y1));
        let mut out = Gray::white(x1 - x0, y1 - y0);
        for y in y0..y1 {
            let row = &self.pixels[y * self.width + x0..y * self.width + x1];
            out.pixels[(y - y0) * out.width..(y - y0 + 1) * out.width].copy_from_slice(row);
        }
        out
    }

    /// The pixels of the box `[x0, y0, x1, y1]` (image pixels, rounded; clipped to the image).
    pub fn crop_box(&self, b: &[f32; 4]) -> Gray {
        let [x0, y0, x1, y1] = b.map(|v| v.round().max(0.0) as usize);
        self.crop(x0, y0, x1, y1)
    }

    /// Copies `other` into this image with its top-left corner at `(x, y)` (clipped).
    pub fn paste(&mut self, other: &Gray, x: usize, y: usize) {
        for row in 0..other.height.min(self.height.saturating_sub(y)) {
            let n = other.width.min(self.width.saturating_sub(x));
            let src = &other.pixels[row * other.width..row * other.width + n];
            let at = (y + row) * self.width + x;
            self.pixels[at..at + n].copy_from_slice(src);
        }
    }

    /// The median sample: the paper's shade on a page that is mostly paper.
    pub fn median(&self) -> u8 {
        let mut histogram = [0usize; 256];
        self.pixels.iter().for_each(|&p| histogram[p as usize] += 1);
        let mut seen = 0;
        for (v, n) in histogram.iter().enumerate() {
            seen += n;
            if seen * 2 >= self.pixels.len() {
                return v as u8;
            }
        }
        255
    }

    /// Black and white: samples below `threshold` become 0, the rest 255; a dark pixel with
    /// fewer than two dark neighbours (scanner dust, JPEG speckle) becomes white.
    pub fn binarise(&self, threshold: u8) -> Gray {
        let dark = |x: isize, y: isize| self.get(x, y) < threshold;
        let mut out = Gray::white(self.width, self.height);
        for y in 0..self.height as isize {
            for x in 0..self.width as isize {
                if !dark(x, y) {
                    continue;
                }
                let around = [
                    (-1, -1),
                    (0, -1),
                    (1, -1),
                    (-1, 0),
                    (1, 0),
                    (-1, 1),
                    (0, 1),
                    (1, 1),
                ];
                let n = around
                    .iter()
                    .filter(|(dx, dy)| dark(x + dx, y + dy))
                    .count();
                if n >= 2 {
                    out.pixels[y as usize * self.width + x as usize] = 0;
                }
            }
        }
        out
    }

    /// Uneven lighting removed: each pixel divided by the local background (the brightest
    /// value around it, over blocks of `block` pixels), so paper is white everywhere.
    pub fn normalise_background(mut self, block: usize) -> Gray {
        let block = block.max(1);
        let (bw, bh) = (self.width.div_ceil(block), self.height.div_ceil(block));
        let mut bright = vec![0u8; bw * bh];
        for (y, row) in self.pixels.chunks(self.width.max(1)).enumerate() {
            let blocks = &mut bright[(y / block) * bw..(y / block + 1) * bw];
            for (b, part) in blocks.iter_mut().zip(row.chunks(block)) {
                *b = part.iter().fold(*b, |m, &p| m.max(p));
            }
        }
        // A block of solid ink takes its neighbours' background.
        let around = |bx: usize, by: usize| {
            let mut best = 0u8;
            for ny in by.saturating_sub(1)..(by + 2).min(bh) {
                for nx in bx.saturating_sub(1)..(bx + 2).min(bw) {
                    best = best.max(bright[ny * bw + nx]);
                }
            }
            best.max(64)
        };
        let background: Vec<u8> = (0..bw * bh).map(|i| around(i % bw, i / bw)).collect();
        // Each sample over each background (64–255), worked out once.
        let divided: Vec<[u8; 256]> = (64..=255u32)
            .map(|bg| std::array::from_fn(|p| ((p as u32 * 255) / bg).min(255) as u8))
            .collect();
        let width = self.width.max(1);
        for (y, row) in self.pixels.chunks_mut(width).enumerate() {
            let blocks = &background[(y / block) * bw..(y / block + 1) * bw];
            for (&bg, part) in blocks.iter().zip(row.chunks_mut(block)) {
                let table = &divided[bg as usize - 64];
                part.iter_mut().for_each(|p| *p = table[*p as usize]);
            }
        }
        self
    }
}

fn token<'a>(bytes: &'a [u8], pos: &mut usize) -> Option<&'a [u8]> {
    loop {
        while bytes.get(*pos).is_some_and(u8::is_ascii_whitespace) {
            *pos += 1;
        }
        if bytes.get(*pos) != Some(&b'#') {
            break;
        }
        while bytes.get(*pos).is_some_and(|&b| b != b'\n') {
            *pos += 1;
        }
    }
    let start = *pos;
    while bytes.get(*pos).is_some_and(|b| !b.is_ascii_whitespace()) {
        *pos += 1;
    }
    (*pos > start).then(|| &bytes[start..*pos])
}

fn number(bytes: &[u8], pos: &mut usize) -> Result<usize, String> {
    let t = token(bytes, pos).ok_or("the PNM header is truncated")?;
    std::str::from_utf8(t)
        .ok()
        .filter(|s| s.len() <= 9)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| "the PNM header has a bad number".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgm_and_pbm_read_back() {
        let img = Gray {
            width: 3,
            height: 2,
            pixels: vec![0, 10, 20, 30, 40, 255],
        };
        assert_eq!(Gray::from_pnm(&img.to_pgm()).unwrap(), img);
        let pbm = b"P4\n# comment\n9 1\n\x80\x80";
        let got = Gray::from_pnm(pbm).unwrap();
        assert_eq!(got.pixels, vec![0, 255, 255, 255, 255, 255, 255, 255, 0]);
    }

    #[test]
    fn huge_or_truncated_images_are_refused() {
        assert!(
            Gray::from_pnm(b"P5 60000 60000 255\n")
                .unwrap_err()
                .contains("limit")
        );
        assert!(
            Gray::from_pnm(b"P5 10 10 255\nabc")
                .unwrap_err()
                .contains("truncated")
        );
        assert!(Gray::from_pnm(b"P5 99999999999 1 255\n").is_err());
    }

    #[test]
    fn a_shaded_page_becomes_white_paper_with_dark_ink() {
        let mut img = Gray::white(64, 64);
        for (i, p) in img.pixels.iter_mut().enumerate() {
            *p = 120 + (i % 64) as u8; // lighting from 120 to 183
        }
        img.pixels[32 * 64 + 10] = 40;
        let out = img.normalise_background(16);
        assert!(out.pixels[5 * 64 + 50] > 225, "{}", out.pixels[5 * 64 + 50]);
        assert!(out.pixels[32 * 64 + 10] < 100);
    }

    #[test]
    fn binarising_drops_lone_specks_and_keeps_strokes() {
        let mut img = Gray::white(10, 10);
        img.pixels[2 * 10 + 2] = 90; // a speck
        for x in 4..9 {
            img.pixels[6 * 10 + x] = 100; // a stroke
        }
        let out = img.binarise(150);
        assert_eq!(out.pixels[2 * 10 + 2], 255);
        assert_eq!(&out.pixels[6 * 10 + 4..6 * 10 + 9], &[255, 0, 0, 0, 255]);
    }

    #[test]
    fn the_median_is_the_paper() {
        let mut img = Gray::white(10, 10);
        img.pixels.iter_mut().take(60).for_each(|p| *p = 230);
        img.pixels.iter_mut().take(10).for_each(|p| *p = 0);
        assert_eq!(img.median(), 230);
    }
}
