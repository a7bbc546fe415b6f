//! Text detection (DB): the page shrunk for the network, its text-probability map
//! thresholded, and each connected region boxed and grown back to the text's extent.

use ort::session::Session;
use ort::value::Tensor;

use super::super::crop::PixelBox;
use super::super::image::Gray;
use super::PpError;

/// Longest side of the image the detector sees (PaddleOCR's default is 960).
pub const MAX_SIDE: usize = 1280;
/// Probability above which a pixel is text.
const THRESHOLD: f32 = 0.3;
/// Mean probability a region needs to be kept.
const BOX_THRESHOLD: f32 = 0.5;
/// How far a region is grown back: its area × this / its perimeter.
const UNCLIP: f32 = 1.6;

/// The boxes of text lines in `img` (pixels), top to bottom, left to right.
pub fn boxes(session: &mut Session, img: &Gray) -> Result<Vec<PixelBox>, PpError> {
    let (w, h) = input_size(img.width, img.height);
    let small = img.resized(w, h);
    let input = Tensor::from_array(([1usize, 3, h, w], planes(&small.pixels, 3)))?;
    let outputs = session.run(ort::inputs![input])?;
    let (shape, prob) = outputs[0].try_extract_tensor::<f32>()?;
    let (ph, pw) = (shape[2] as usize, shape[3] as usize);
    if ph * pw != prob.len() || ph == 0 || pw == 0 {
        return Err(PpError::Failed(format!(
            "detector output of shape {shape:?}"
        )));
    }
    let (sx, sy) = (img.width as f32 / pw as f32, img.height as f32 / ph as f32);
    let mut out: Vec<PixelBox> = regions(prob, pw, ph)
        .into_iter()
        .map(|b| {
            let (x0, y0) = ((b[0] * sx).max(0.0), (b[1] * sy).max(0.0));
            let (x1, y1) = (
                (b[2] * sx).min(img.width as f32),
                (b[3] * sy).min(img.height as f32),
            );
            [x0, y0, x1, y1]
        })
        .collect();
    out.sort_by(|a, b| {
        (a[1], a[0])
            .partial_cmp(&(b[1], b[0]))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    Ok(out)
}

/// The network's input size: the long side at most [`MAX_SIDE`], each side a multiple of 32.
pub fn input_size(width: usize, height: usize) -> (usize, usize) {
    let long = width.max(height).max(1) as f32;
    let ratio = (MAX_SIDE as f32 / long).min(1.0);
    let round = |v: usize| (((v as f32 * ratio) / 32.0).round() as usize * 32).max(32);
    (round(width), round(height))
}

/// Grey samples as `channels` identical normalised planes, `(p / 255 − 0.5) / 0.5`.
pub fn planes(pixels: &[u8], channels: usize) -> Vec<f32> {
    let plane: Vec<f32> = pixels.iter().map(|&p| p as f32 / 127.5 - 1.0).collect();
    plane.repeat(channels)
}

/// The text regions of a probability map (map pixels): connected pixels over the threshold
/// (after a 2×2 dilation), kept when their mean probability is high enough, grown back.
pub fn regions(prob: &[f32], w: usize, h: usize) -> Vec<PixelBox> {
    let mut mask: Vec<bool> = prob.iter().map(|&p| p > THRESHOLD).collect();
    dilate(&mut mask, w, h);
    let mut out = Vec::new();
    for b in components(&mask, w, h) {
        let (bw, bh) = ((b[2] - b[0] + 1) as f32, (b[3] - b[1] + 1) as f32);
        if bw.min(bh) < 3.0 || mean(prob, w, &b) < BOX_THRESHOLD {
            continue;
        }
        let d = bw * bh * UNCLIP / (2.0 * (bw + bh));
        if bw.min(bh) + 2.0 * d < 5.0 {
            continue;
        }
        let (x0, y0) = (b[0] as f32 - d, b[1] as f32 - d);
        out.push([
            x0.max(0.0),
            y0.max(0.0),
            (x0 + bw + 2.0 * d).min(w as f32),
            (y0 + bh + 2.0 * d).min(h as f32),
        ]);
    }
    out
}

/// Grows the mask by one pixel right and down (a 2×2 kernel).
fn dilate(mask: &mut [bool], w: usize, h: usize) {
    for y in (0..h).rev() {
        for x in (0..w).rev() {
            let i = y * w + x;
            let left = x > 0 && mask[i - 1];
            let up = y > 0 && mask[i - w];
            let diag = x > 0 && y > 0 && mask[i - w - 1];
            mask[i] |= left || up || diag;
        }
    }
}

/// The mean of `prob` over the box (inclusive).
fn mean(prob: &[f32], w: usize, b: &[usize; 4]) -> f32 {
    let mut sum = 0.0;
    for y in b[1]..=b[3] {
        sum += prob[y * w + b[0]..=y * w + b[2]].iter().sum::<f32>();
    }
    sum / ((b[2] - b[0] + 1) * (b[3] - b[1] + 1)) as f32
}

/// Boxes (inclusive) of the 8-connected regions of `mask`.
fn components(mask: &[bool], w: usize, h: usize) -> Vec<[usize; 4]> {
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if seen[start] || !mask[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let mut b = [start % w, start / w, start % w, start / w];
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
            for ny in y.saturating_sub(1)..=(y + 1).min(h - 1) {
                for nx in x.saturating_sub(1)..=(x + 1).min(w - 1) {
                    let n = ny * w + nx;
                    if mask[n] && !seen[n] {
                        seen[n] = true;
                        stack.push(n);
                    }
                }
            }
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_keeps_the_page_shape_in_multiples_of_32() {
        assert_eq!(input_size(2480, 3508), (896, 1280));
        assert_eq!(input_size(300, 100), (288, 96));
    }

    #[test]
    fn a_confident_region_is_boxed_and_grown_and_a_faint_one_dropped() {
        let (w, h) = (40, 20);
        let mut prob = vec![0.0f32; w * h];
        for y in 8..12 {
            for x in 5..25 {
                prob[y * w + x] = 0.9;
            }
            for x in 30..36 {
                prob[y * w + x] = 0.35;
            }
        }
        let got = regions(&prob, w, h);
        assert_eq!(got.len(), 1, "{got:?}");
        // 21 × 5 after dilation, grown by 21·5·1.6 / 52 ≈ 3.2 on each side.
        let b = got[0];
        assert!(
            (b[0] - 1.77).abs() < 0.1 && (b[3] - 16.2).abs() < 0.1,
            "{b:?}"
        );
    }
}
