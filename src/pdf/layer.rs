//! OCR text layers made before publication: a page whose text is invisible (render mode 3),
//! or hidden under an image, over an image that covers the page.

/// An image must cover this share of the page's width and of its height to count as the
/// page's scan.
const COVER: f32 = 0.8;

/// What the content interpreter saw of one page that tells an OCR layer from born-digital
/// text: how many glyphs were invisible, and where images were drawn.
#[derive(Debug, Default, Clone)]
pub struct LayerSigns {
    /// Glyphs drawn with an invisible text render mode (3, or 7: clip only).
    pub invisible: usize,
    /// Each image drawn: its width and height on the page and how many glyphs came before it.
    images: Vec<(f32, f32, usize)>,
}

impl LayerSigns {
    /// Notes an image drawn with its unit square mapped to `corners` (page space), after
    /// `glyphs_before` glyphs.
    pub fn image(&mut self, corners: [(f32, f32); 4], glyphs_before: usize) {
        let xs = corners.map(|c| c.0);
        let ys = corners.map(|c| c.1);
        let span = |v: [f32; 4]| {
            let (lo, hi) = v
                .iter()
                .fold((f32::MAX, f32::MIN), |(a, b), &x| (a.min(x), b.max(x)));
            hi - lo
        };
        self.images.push((span(xs), span(ys), glyphs_before));
    }

    /// True when the page is an OCR layer: an image covers the page, and at least half of
    /// the page's glyphs are invisible or were drawn before that image (hidden under it).
    pub fn is_ocr_layer(&self, glyphs: usize, width: f32, height: f32) -> bool {
        let covering = self
            .images
            .iter()
            .filter(|(w, h, _)| *w >= width * COVER && *h >= height * COVER);
        let Some(hidden_below) = covering.map(|(_, _, before)| *before).max() else {
            return false;
        };
        let hidden = (self.invisible + hidden_below).min(glyphs);
        glyphs > 0 && hidden * 2 >= glyphs
    }
}

/// The program that made an OCR layer, when the document's producer or creator names an
/// OCR program (ocrmypdf, Tesseract, ABBYY FineReader, Acrobat Paper Capture…).
pub fn engine(names: &[Option<String>]) -> Option<String> {
    const OCR_WORDS: [&str; 8] = [
        "ocr",
        "tesseract",
        "abbyy",
        "finereader",
        "paper capture",
        "omnipage",
        "readiris",
        "汉王",
    ];
    names.iter().flatten().find_map(|name| {
        let lower = name.to_lowercase();
        OCR_WORDS
            .iter()
            .any(|w| lower.contains(w))
            .then(|| name.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_image(glyphs_before: usize) -> LayerSigns {
        let mut signs = LayerSigns::default();
        let corners = [(0.0, 0.0), (595.0, 0.0), (0.0, 842.0), (595.0, 842.0)];
        signs.image(corners, glyphs_before);
        signs
    }

    #[test]
    fn invisible_text_over_a_page_image_is_a_layer() {
        let mut signs = page_image(0);
        signs.invisible = 80;
        assert!(signs.is_ocr_layer(100, 595.0, 842.0));
        signs.invisible = 30;
        assert!(
            !signs.is_ocr_layer(100, 595.0, 842.0),
            "mostly visible text"
        );
    }

    #[test]
    fn text_drawn_under_a_page_image_is_a_layer() {
        assert!(page_image(100).is_ocr_layer(100, 595.0, 842.0));
        assert!(!page_image(10).is_ocr_layer(100, 595.0, 842.0));
    }

    #[test]
    fn invisible_text_without_a_page_sized_image_is_not_a_layer() {
        let mut signs = LayerSigns::default();
        signs.invisible = 100;
        assert!(!signs.is_ocr_layer(100, 595.0, 842.0), "no image at all");
        let logo = [(50.0, 700.0), (150.0, 700.0), (50.0, 800.0), (150.0, 800.0)];
        signs.image(logo, 0);
        assert!(!signs.is_ocr_layer(100, 595.0, 842.0), "a logo");
        assert!(!page_image(0).is_ocr_layer(0, 595.0, 842.0), "no text");
    }

    #[test]
    fn the_engine_is_the_name_that_says_ocr() {
        let names = [
            Some("pikepdf 6.0.0".to_string()),
            Some("ocrmypdf 14.0.1 / Tesseract OCR-PDF 5.3.0".to_string()),
        ];
        assert_eq!(engine(&names).as_deref(), names[1].as_deref());
        assert_eq!(engine(&[Some("Microsoft Word".into()), None]), None);
    }
}
