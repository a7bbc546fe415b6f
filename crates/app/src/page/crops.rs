//! Crops of the page a doubtful cell was read from, for the batch page: a small grey PNG
//! rendered by poppler's `pdftoppm` around the cell's box (a scanned page's own image, at the
//! resolution OCR read it; a text-layer page drawn), as a `data:` URI. None, with the reason,
//! where there is no page (text, web pages, Word files), no box, or no `pdftoppm`.

use std::path::Path;
use std::process::Command;

use govreport_model::record::{CellSource, Provenance};
use govreport_read::ocr::render::dpi_for;

/// The resolution crops are drawn at (a 10.5 pt digit is 22 pixels tall).
const CROP_DPI: f32 = 150.0;
/// Points of page around the cell, left and right, and above and below.
const MARGIN: (f32, f32) = (40.0, 8.0);
/// Points below an OCR cell's box besides [`MARGIN`]: its box sits on its row label's line,
/// which in a wrapped label is above the digits.
const OCR_BELOW: f32 = 24.0;

/// Whether `pdftoppm` runs here; the reason when it does not.
pub fn available() -> Result<(), String> {
    let ran = Command::new("pdftoppm").arg("-v").output();
    match ran {
        Ok(_) => Ok(()),
        Err(_) => Err("no crops: pdftoppm is not installed (apt-get install poppler-utils)".into()),
    }
}

/// The crop of one cell of the PDF at `pdf` as a `data:image/png;base64,…` URI, or why none.
pub fn crop(pdf: &Path, cell: &Provenance) -> Result<String, String> {
    let (Some(page), Some(bbox)) = (cell.page, cell.bbox) else {
        return Err("no box: the cell was not read from a place on a page".into());
    };
    let shape = page_shape(pdf, page)?;
    let (bbox, below) = match cell.source {
        CellSource::Ocr => (to_points(shape, bbox)?, OCR_BELOW),
        _ => (turned(shape, bbox), 0.0),
    };
    let px = |v: f32| (v * CROP_DPI / 72.0).round().max(0.0) as u32;
    let (x, y) = (px(bbox[0] - MARGIN.0), px(bbox[1] - MARGIN.1));
    let (w, h) = (
        px(bbox[2] - bbox[0] + 2.0 * MARGIN.0),
        px(bbox[3] - bbox[1] + 2.0 * MARGIN.1 + below),
    );
    let n = page.to_string();
    let args = [
        "-png",
        "-gray",
        "-r",
        &CROP_DPI.to_string(),
        "-f",
        &n,
        "-l",
        &n,
        "-x",
        &x.to_string(),
        "-y",
        &y.to_string(),
        "-W",
        &w.to_string(),
        "-H",
        &h.to_string(),
    ];
    let out = Command::new("pdftoppm")
        .args(args)
        .arg(pdf)
        .output()
        .map_err(|e| format!("no crop: pdftoppm did not run ({e})"))?;
    if !out.status.success() || !out.stdout.starts_with(b"\x89PNG") {
        return Err(format!(
            "no crop: pdftoppm could not draw page {page} of {}",
            pdf.display()
        ));
    }
    Ok(format!("data:image/png;base64,{}", base64(&out.stdout)))
}

/// A page's size in points (before /Rotate) and its /Rotate, as `pdfinfo` gives them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Shape {
    width: f32,
    height: f32,
    rotate: u32,
}

/// The shape of page `page` of the PDF at `pdf`.
fn page_shape(pdf: &Path, page: u32) -> Result<Shape, String> {
    let n = page.to_string();
    let out = Command::new("pdfinfo")
        .args(["-f", &n, "-l", &n])
        .arg(pdf)
        .output()
        .map_err(|e| format!("no crop: pdfinfo did not run ({e})"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    shape_of(&text, page)
        .ok_or_else(|| format!("no crop: pdfinfo does not give page {page}'s size"))
}

/// Reads `Page    3 size: 595.276 x 841.89 pts (A4)` and `Page    3 rot:   90`.
fn shape_of(pdfinfo: &str, page: u32) -> Option<Shape> {
    let field = |name: &str| {
        let prefix = format!("Page {page:>4} {name}:");
        pdfinfo
            .lines()
            .find_map(|l| l.strip_prefix(&prefix).map(str::trim))
    };
    let mut size = field("size")?.split_whitespace();
    let width = size.next()?.parse().ok()?;
    let height = size.nth(1)?.parse().ok()?;
    let rotate = field("rot")
        .and_then(|r| r.parse::<u32>().ok())
        .unwrap_or(0)
        % 360;
    Some(Shape {
        width,
        height,
        rotate,
    })
}

/// A text-layer box (the page as its content draws it) on the page as shown, turned by its
/// /Rotate (clockwise), which is how `pdftoppm` draws it.
fn turned(shape: Shape, b: [f32; 4]) -> [f32; 4] {
    let (w, h) = (shape.width, shape.height);
    match shape.rotate {
        90 => [h - b[3], b[0], h - b[1], b[2]],
        180 => [w - b[2], h - b[3], w - b[0], h - b[1]],
        270 => [b[1], w - b[2], b[3], w - b[0]],
        _ => b,
    }
}

/// An OCR box (pixels of the page image, rendered at [`dpi_for`] the page's size) in points.
fn to_points(shape: Shape, bbox: [f32; 4]) -> Result<[f32; 4], String> {
    let dpi = dpi_for((shape.width, shape.height)).ok_or("no crop: the page is too large")?;
    Ok(bbox.map(|v| v * 72.0 / dpi as f32))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads_like_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn pdfinfo_pages_are_read_and_boxes_turned_as_the_page_is_shown() {
        let info =
            "Pages:           4\nPage    3 size:  595.276 x 841.89 pts (A4)\nPage    3 rot:   90\n";
        let shape = shape_of(info, 3).unwrap();
        assert_eq!(
            (shape.width, shape.height, shape.rotate),
            (595.276, 841.89, 90)
        );
        assert!(shape_of(info, 2).is_none());
        let b = [100.0, 200.0, 110.0, 210.0];
        let at = |rotate| {
            turned(
                Shape {
                    width: 600.0,
                    height: 800.0,
                    rotate,
                },
                b,
            )
        };
        assert_eq!(at(0), b);
        assert_eq!(at(90), [590.0, 100.0, 600.0, 110.0]);
        assert_eq!(at(180), [490.0, 590.0, 500.0, 600.0]);
        assert_eq!(at(270), [200.0, 490.0, 210.0, 500.0]);
    }

    #[test]
    fn a_cell_without_a_page_box_has_no_crop() {
        let cell = Provenance::bare(CellSource::Text);
        let why = crop(Path::new("x.pdf"), &cell).unwrap_err();
        assert!(why.starts_with("no box"), "{why}");
    }
}
