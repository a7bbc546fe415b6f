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
    /// Notes an image drawn `width` × `height` points large on the page, after
    /// `glyphs_before` glyphs.
    pub fn image(&mut self, width: f32, height: f32, glyphs_before: usize) {
        self.images.push((width, height, glyphs_before));
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
    use std::time::{Duration, Instant};

    use lopdf::{Dictionary, Document, Object, Stream, dictionary};

    use super::*;
    use crate::pdf::{Limits, read};

    /// The OCR-layer pages of a one-page PDF (A4) with a 1×1 image `/Im` and a Helvetica
    /// `/F`, whose content is `ops`.
    fn layer_pages(ops: &str) -> Vec<u32> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let image = Stream::new(
            dictionary! {"Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8},
            vec![0],
        );
        let image = doc.add_object(image);
        let font = doc.add_object(
            dictionary! {"Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica"},
        );
        let resources = dictionary! {"XObject" => dictionary! {"Im" => image},
        "Font" => dictionary! {"F" => font}};
        let content = doc.add_object(Stream::new(Dictionary::new(), ops.as_bytes().to_vec()));
        let page = doc.add_object(dictionary! {"Type" => "Page", "Parent" => pages_id,
        "Contents" => content, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()]});
        let pages = dictionary! {"Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1};
        doc.objects.insert(pages_id, Object::Dictionary(pages));
        let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("an in-memory PDF");
        let deadline = Instant::now() + Duration::from_secs(10);
        read(&bytes, &Limits::default(), deadline)
            .expect("a readable PDF")
            .ocr_layer
    }

    const IMAGE: &str = "q 595 0 0 842 0 0 cm /Im Do Q ";
    const TEXT: &str = "BT /F 12 Tf 100 700 Td (12 34 567) Tj ET ";

    #[test]
    fn a_content_stream_with_render_mode_3_text_over_a_page_image_is_a_layer() {
        assert_eq!(layer_pages(&format!("{IMAGE}3 Tr {TEXT}")), [1]);
        let saved = format!("{IMAGE}q BT 3 Tr ET Q {TEXT}");
        assert_eq!(layer_pages(&saved), Vec::<u32>::new(), "Q restores mode 0");
    }

    #[test]
    fn invisible_text_over_an_inline_page_image_is_a_layer() {
        let inline = "q 595 0 0 842 0 0 cm BI /W 2 /H 1 /CS /G /BPC 8 ID \x7f\x7f EI Q ";
        assert_eq!(layer_pages(&format!("{inline}3 Tr {TEXT}")), [1]);
        let filtered = "q 595 0 0 842 0 0 cm BI /W 2 /H 1 /CS /G /BPC 8 /F /AHx ID 7f7f> EI Q ";
        assert_eq!(layer_pages(&format!("{filtered}3 Tr {TEXT}")), [1]);
    }

    #[test]
    fn text_painted_before_the_page_image_is_a_layer_and_text_over_it_is_not() {
        assert_eq!(layer_pages(&format!("{TEXT}{IMAGE}")), [1]);
        assert_eq!(layer_pages(&format!("{IMAGE}{TEXT}")), Vec::<u32>::new());
        let small = "q 100 0 0 80 50 700 cm /Im Do Q 3 Tr ";
        assert_eq!(layer_pages(&format!("{small}{TEXT}")), Vec::<u32>::new());
    }

    fn page_image(glyphs_before: usize) -> LayerSigns {
        let mut signs = LayerSigns::default();
        signs.image(595.0, 842.0, glyphs_before);
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
        let mut signs = LayerSigns {
            invisible: 100,
            ..LayerSigns::default()
        };
        assert!(!signs.is_ocr_layer(100, 595.0, 842.0), "no image at all");
        signs.image(100.0, 100.0, 0);
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
