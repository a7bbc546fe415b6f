//! Page images by poppler's `pdftoppm`: every image encoding a scanner writes (DCT, Flate,
//! CCITT G4, JBIG2, image masks), /Rotate and any image matrix, drawn as the page shows it.

use std::path::Path;
use std::time::Instant;

use super::OcrError;
use super::child;
use super::engine::RunError;
use super::image::{Gray, MAX_PIXELS};
use super::page::PageJob;

/// The resolution pages are rendered at for recognition.
pub const DPI: u32 = 300;

/// The resolution to render a page of `size` points at: [`DPI`], lowered for a page so large
/// that it would pass [`MAX_PIXELS`]; None when even 100 dpi would.
pub fn dpi_for(size: (f32, f32)) -> Option<u32> {
    let area = (size.0.abs() / 72.0) as f64 * (size.1.abs() / 72.0) as f64;
    let fit = (MAX_PIXELS as f64 / area.max(1e-6)).sqrt();
    let dpi = (DPI as f64).min(fit.floor()) as u32;
    (dpi >= 100).then_some(dpi)
}

/// Renders the page of `job` grey at `job.dpi` (the whole page; a region is cut later).
pub fn page(pdf: &Path, job: &PageJob, deadline: Instant) -> Result<Gray, OcrError> {
    let n = job.number.to_string();
    let dpi = job.dpi.to_string();
    let file = pdf.to_string_lossy();
    let args = ["-r", &dpi, "-gray", "-f", &n, "-l", &n, "-q", &file];
    let out =
        child::run(Path::new("pdftoppm"), &args, Vec::new(), deadline).map_err(|e| match e {
            RunError::Timeout => OcrError::Timeout,
            RunError::OutOfMemory => OcrError::TooLarge(super::OUT_OF_MEMORY.into()),
            RunError::Failed(m) => OcrError::Failed(format!(
                "pdftoppm could not render page {n} ({m}); install poppler-utils"
            )),
        })?;
    Gray::from_pnm(&out).map_err(|m| OcrError::Failed(format!("page {n}: {m}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_renders_at_300_dpi_and_a_huge_page_lower_or_not_at_all() {
        assert_eq!(dpi_for((595.0, 842.0)), Some(300));
        assert_eq!(dpi_for((2000.0, 3000.0)), Some(262));
        assert_eq!(dpi_for((14400.0, 14400.0)), None);
    }
}
