//! One set of bounds on what a file may cost, for every format: time, memory, the input's
//! size, and the sizes a PDF's streams (or a `.docx`'s parts) may inflate to, its pages and
//! glyphs, a page's nesting.

use std::time::Duration;

/// Bounds on the work one input file may cost; past one, the file fails with `timeout`
/// or `too_large` and the batch goes on.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Wall-clock time allowed per file, reading and parsing (`--timeout`).
    pub timeout: Duration,
    /// Largest input file read from disk, in bytes, any format (`--max-file-mb`).
    pub max_input_bytes: u64,
    /// Largest text file decoded, in bytes.
    pub max_text_bytes: usize,
    /// Largest web page parsed, in bytes.
    pub max_html_bytes: usize,
    /// Deepest element nesting a web page may have (the HTML parser's cost grows with
    /// depth times elements, so 50,000 unclosed `<div>` would take minutes).
    pub max_html_depth: usize,
    /// Most bytes any one PDF stream or `.docx` part may inflate to (`--max-stream-mb`).
    pub max_inflated_stream_bytes: usize,
    /// Most bytes all of one PDF's page content may inflate to.
    pub max_inflated_content_bytes: usize,
    /// Most pages read from one PDF (`--max-pages`).
    pub max_pages: usize,
    /// Most glyphs kept from one PDF page.
    pub max_glyphs_per_page: usize,
    /// Most glyphs kept from one PDF (memory: about 20 bytes each, plus their lines).
    pub max_glyphs_per_file: usize,
    /// Deepest nesting of PDF form XObjects followed.
    pub max_form_depth: usize,
    /// Time added per page OCR reads (`--ocr-page-timeout`): a long scan's allowance grows
    /// with its pages, so it finishes with the defaults.
    pub ocr_per_page: Duration,
    /// Most time one file may take however many pages OCR reads (`--max-timeout`).
    pub max_timeout: Duration,
    /// Memory one file may need, in bytes (`--max-memory-mb`): a worker process's data
    /// limit, and a PDF whose object count (/Size) needs more is refused before loading.
    pub max_memory_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(60),
            max_input_bytes: 512 << 20,
            max_text_bytes: 32 << 20,
            max_html_bytes: 32 << 20,
            max_html_depth: 2000,
            max_inflated_stream_bytes: 64 << 20,
            max_inflated_content_bytes: 256 << 20,
            max_pages: 2000,
            max_glyphs_per_page: 200_000,
            max_glyphs_per_file: 4_000_000,
            max_form_depth: 8,
            max_memory_bytes: 1 << 30,
            ocr_per_page: Duration::from_secs(20),
            max_timeout: Duration::from_secs(1800),
        }
    }
}

impl Limits {
    /// The time added to a file's allowance when OCR reads `pages` pages (or regions):
    /// [`Limits::ocr_per_page`] each, up to [`Limits::max_timeout`] in all.
    pub fn ocr_extension(&self, pages: usize) -> Duration {
        let room = self.max_timeout.saturating_sub(self.timeout);
        self.ocr_per_page.saturating_mul(pages as u32).min(room)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_time_grows_with_the_pages_up_to_the_ceiling() {
        let limits = Limits::default();
        assert_eq!(limits.ocr_extension(0), Duration::ZERO);
        assert_eq!(limits.ocr_extension(3), Duration::from_secs(60));
        assert_eq!(limits.ocr_extension(1000), Duration::from_secs(1740));
        let short = Limits {
            timeout: Duration::from_secs(3600),
            ..Limits::default()
        };
        assert_eq!(
            short.ocr_extension(5),
            Duration::ZERO,
            "--timeout above the ceiling"
        );
    }
}
