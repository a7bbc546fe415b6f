//! A third reading of single cells: each box (pixels of a page image as OCR read it) cut
//! with a margin from the page rendered and prepared again, and read alone by tesseract as
//! digits. It settles a cell the two engines' page readings left apart where no rule can
//! (all of 表二): a reading of that cell alone that agrees with one of them.

use std::io::Write;
use std::time::Instant;

use super::OcrError;
use super::cells::{self, Reading};
use super::crop::{self, PixelBox};
use super::engine;
use super::page::{PageJob, prepare};
use super::render::dpi_for;

/// One cell to read: its 1-based page, the page's size in points and the box of what was
/// read there, in pixels of the page image.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// 1-based page number.
    pub page: u32,
    /// The page's size in points.
    pub size: (f32, f32),
    /// The reading's box, page-image pixels.
    pub bbox: PixelBox,
}

/// White taken around a box, as a share of its height (the digits' own ink stays whole;
/// the cell's rules, if caught, are cleared by the crop).
const MARGIN: f32 = 0.5;

/// Each target's digits as tesseract reads the cell alone (None: no reading), in order.
/// Fails when tesseract is not installed or a page cannot be rendered in time.
pub fn digits(
    bytes: &[u8],
    targets: &[Target],
    deadline: Instant,
) -> Result<Vec<Option<String>>, OcrError> {
    let engine = engine::engine().map_err(|m| OcrError::Unavailable(m.to_string()))?;
    let mut file = tempfile::NamedTempFile::new().map_err(|e| OcrError::Failed(e.to_string()))?;
    file.write_all(bytes)
        .map_err(|e| OcrError::Failed(e.to_string()))?;
    let mut out = vec![None; targets.len()];
    let mut pages: Vec<u32> = targets.iter().map(|t| t.page).collect();
    pages.sort_unstable();
    pages.dedup();
    for page in pages {
        let on_page: Vec<usize> = (0..targets.len())
            .filter(|&i| targets[i].page == page)
            .collect();
        let size = targets[on_page[0]].size;
        let Some(dpi) = dpi_for(size) else {
            continue;
        };
        let job = PageJob {
            number: page,
            size,
            region: None,
            dpi,
        };
        let (img, _, _) = prepare(file.path(), &job, deadline)?;
        let boxes: Vec<PixelBox> = on_page
            .iter()
            .map(|&i| around(targets[i].bbox, img.width, img.height))
            .collect();
        let crops = crop::cut(&img, &boxes, 0.0);
        let refs: Vec<&crop::Crop> = crops.iter().collect();
        let read = cells::read_digits(engine, &refs, deadline).map_err(OcrError::from)?;
        for (&i, reading) in on_page.iter().zip(read) {
            out[i] = text(reading);
        }
    }
    Ok(out)
}

/// The box with a margin around it, inside the image.
fn around(b: PixelBox, width: usize, height: usize) -> PixelBox {
    let m = (b[3] - b[1]).max(1.0) * MARGIN;
    [
        (b[0] - m).max(0.0),
        (b[1] - m).max(0.0),
        (b[2] + m).min(width as f32),
        (b[3] + m).min(height as f32),
    ]
}

/// A reading's digits; None for no reading.
fn text(reading: Reading) -> Option<String> {
    (!reading.text.is_empty()).then_some(reading.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_grows_by_half_its_height_inside_the_image() {
        assert_eq!(
            around([100.0, 100.0, 140.0, 120.0], 1000, 1000),
            [90.0, 90.0, 150.0, 130.0]
        );
        assert_eq!(
            around([2.0, 2.0, 998.0, 22.0], 1000, 1000),
            [0.0, 0.0, 1000.0, 32.0]
        );
    }
}
