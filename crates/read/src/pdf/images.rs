//! Images painted on a page: where they lie and how many pixels they declare (for OCR).

use lopdf::{Dictionary, Object};

/// An image painted on a page (an XObject by `Do`, or inline): its bounding box in page
/// space and its pixel size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageDraw {
    /// Left, top, right, bottom of the image's box (points, y downward).
    pub bbox: [f32; 4],
    /// The image's /Width and /Height in pixels, as declared.
    pub pixels: (u32, u32),
}

impl ImageDraw {
    /// The image of `dict` drawn in the unit square that `unit` maps to PDF page space, on a
    /// page `page_height` points high.
    pub fn new(dict: &Dictionary, unit: impl Fn(f32, f32) -> (f32, f32), page_height: f32) -> Self {
        let px = |k: &[u8]| dict.get(k).and_then(Object::as_i64).unwrap_or(0).max(0) as u32;
        let corners = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(x, y)| unit(x, y));
        let xs = corners.map(|c| c.0);
        let ys = corners.map(|c| page_height - c.1);
        let min = |v: [f32; 4]| v.iter().copied().fold(f32::MAX, f32::min);
        let max = |v: [f32; 4]| v.iter().copied().fold(f32::MIN, f32::max);
        ImageDraw {
            bbox: [min(xs), min(ys), max(xs), max(ys)],
            pixels: (px(b"Width"), px(b"Height")),
        }
    }

    /// An inline image (`BI … ID … EI`), whose dictionary abbreviates /Width and /Height
    /// as /W and /H. The parser keeps no dictionary for a filtered one (a scan's JPEG or
    /// G4): its size is then unknown, 0 × 0, and only its box counts.
    pub fn inline(
        dict: Option<&Dictionary>,
        unit: impl Fn(f32, f32) -> (f32, f32),
        page_height: f32,
    ) -> Self {
        let mut full = Dictionary::new();
        for (short, long) in [(&b"W"[..], &b"Width"[..]), (b"H", b"Height")] {
            if let Some(v) = dict.and_then(|d| d.get(short).or_else(|_| d.get(long)).ok()) {
                full.set(long, v.clone());
            }
        }
        Self::new(&full, unit, page_height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn a_rotated_scaled_image_gets_its_bounding_box() {
        let dict = dictionary! {"Width" => 2480, "Height" => 3508};
        // 90° turn, scaled to 200 × 100 points, at (300, 100).
        let unit = |x: f32, y: f32| (300.0 - 100.0 * y, 100.0 + 200.0 * x);
        let got = ImageDraw::new(&dict, unit, 842.0);
        assert_eq!(got.bbox, [200.0, 542.0, 300.0, 742.0]);
        assert_eq!(got.pixels, (2480, 3508));
    }

    #[test]
    fn an_inline_image_reads_its_abbreviated_size_or_none() {
        let dict = dictionary! {"W" => 1654, "H" => 2339, "BPC" => 8};
        let unit = |x: f32, y: f32| (595.0 * x, 842.0 * y);
        let got = ImageDraw::inline(Some(&dict), unit, 842.0);
        assert_eq!(
            (got.bbox, got.pixels),
            ([0.0, 0.0, 595.0, 842.0], (1654, 2339))
        );
        assert_eq!(ImageDraw::inline(None, unit, 842.0).pixels, (0, 0));
    }
}
