//! The content-stream interpreter: text operators give positioned glyphs, path operators
//! give the ruling lines tables are drawn with.

use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::PdfError;
use super::font::Font;
use super::images::ImageDraw;
use super::layer::LayerSigns;
use super::lexer::{Lexer, Op};
use super::matrix::{IDENTITY, Matrix, apply, mul};
use govreport_document::layout::orient;
use govreport_document::layout::{Glyph, Rule};
use govreport_model::limits::Limits;

/// The most ruling lines kept from one page; later ones are ignored. A page of tables has
/// hundreds; a content stream of nothing but `m l S` could otherwise give millions, each
/// of which layout weighs against the glyphs of every line.
pub const MAX_RULES_PER_PAGE: usize = 20_000;

/// Graphics and text state saved by `q` and restored by `Q`.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<std::cell::RefCell<Font>>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    hscale: f32,
    leading: f32,
    rise: f32,
    render_mode: u8,
}

/// Fonts already read in this document, by object id, so each is parsed once.
pub type FontCache = HashMap<ObjectId, Rc<std::cell::RefCell<Font>>>;

/// Runs one page's content and returns its glyphs and ruling lines, in page space
/// (y measured downward from the top of the page).
pub struct Interpreter<'a> {
    doc: &'a Document,
    limits: &'a Limits,
    fonts: &'a mut FontCache,
    deadline: Instant,
    page_width: f32,
    page_height: f32,
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    path: Vec<(f32, f32, f32, f32)>,
    cursor: (f32, f32),
    start: (f32, f32),
    ops: usize,
    /// Glyphs shown on the page.
    pub glyphs: Vec<Glyph>,
    /// Horizontal and vertical ruling lines drawn on the page.
    pub rules: Vec<Rule>,
    /// What an OCR text layer is recognised by: invisible glyphs and image draws.
    pub layer: LayerSigns,
    /// Image XObjects painted on the page (for OCR).
    pub images: Vec<ImageDraw>,
}

impl<'a> Interpreter<'a> {
    /// Prepares to interpret a page of the given size (`width`, `height`).
    pub fn new(
        doc: &'a Document,
        limits: &'a Limits,
        fonts: &'a mut FontCache,
        deadline: Instant,
        (page_width, page_height): (f32, f32),
    ) -> Self {
        Interpreter {
            doc,
            limits,
            fonts,
            deadline,
            page_width,
            page_height,
            state: State {
                ctm: IDENTITY,
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                hscale: 1.0,
                leading: 0.0,
                rise: 0.0,
                render_mode: 0,
            },
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            path: Vec::new(),
            cursor: (0.0, 0.0),
            start: (0.0, 0.0),
            ops: 0,
            glyphs: Vec::new(),
            rules: Vec::new(),
            layer: LayerSigns::default(),
            images: Vec::new(),
        }
    }

    /// Interprets a content stream with its resources; `depth` counts nested form XObjects.
    pub fn run(
        &mut self,
        data: &[u8],
        resources: &Dictionary,
        depth: usize,
    ) -> Result<(), PdfError> {
        let mut lexer = Lexer::new(data);
        let mut operands = Vec::new();
        while let Some(operator) = lexer.next_op(&mut operands) {
            self.ops += 1;
            if self.ops.is_multiple_of(4096) && Instant::now() > self.deadline {
                return Err(PdfError::Timeout);
            }
            if self.glyphs.len() > self.limits.max_glyphs_per_page {
                return Err(PdfError::TooLarge(
                    "more glyphs on one page than the limit".into(),
                ));
            }
            let op = Op {
                operator,
                operands: &operands,
            };
            self.step(&op, resources, depth)?;
        }
        Ok(())
    }

    fn step(&mut self, op: &Op, resources: &Dictionary, depth: usize) -> Result<(), PdfError> {
        let n = |i: usize| {
            op.operands
                .get(i)
                .and_then(|o| o.as_float().ok())
                .unwrap_or(0.0)
        };
        match op.operator {
            "q" if self.stack.len() < 256 => self.stack.push(self.state.clone()),
            "Q" => {
                if let Some(s) = self.stack.pop() {
                    self.state = s;
                }
            }
            "cm" => self.state.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &self.state.ctm),
            "Do" => self.form(op, resources, depth)?,
            "BI" => {
                let dict = op.operands.first().and_then(|o| o.as_stream().ok());
                let unit = |x, y| apply(&self.state.ctm, x, y);
                let image = ImageDraw::inline(dict.map(|s| &s.dict), unit, self.page_height);
                self.image(image);
            }
            other if other.starts_with('T') || matches!(other, "BT" | "'" | "\"") => {
                self.text_op(op, resources, &n)
            }
            _ => self.path_op(op, &n),
        }
        Ok(())
    }

    /// A text operator: text state, positioning or showing.
    fn text_op(&mut self, op: &Op, resources: &Dictionary, n: &dyn Fn(usize) -> f32) {
        match op.operator {
            "BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            "Tf" => {
                self.state.size = n(1);
                let name = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .unwrap_or_default();
                self.state.font = Some(self.font(resources, name));
            }
            "Tc" => self.state.char_spacing = n(0),
            "Tw" => self.state.word_spacing = n(0),
            "Tz" => self.state.hscale = n(0) / 100.0,
            "TL" => self.state.leading = n(0),
            "Ts" => self.state.rise = n(0),
            "Tr" => self.state.render_mode = n(0) as u8,
            "Td" => self.move_line(n(0), n(1)),
            "TD" => {
                self.state.leading = -n(1);
                self.move_line(n(0), n(1));
            }
            "Tm" => {
                self.tm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                self.tlm = self.tm;
            }
            "T*" => self.move_line(0.0, -self.state.leading),
            "Tj" => self.show(op.operands.first()),
            "'" => {
                self.move_line(0.0, -self.state.leading);
                self.show(op.operands.first());
            }
            "\"" => {
                self.state.word_spacing = n(0);
                self.state.char_spacing = n(1);
                self.move_line(0.0, -self.state.leading);
                self.show(op.operands.get(2));
            }
            "TJ" => self.show_array(op.operands.first()),
            _ => {}
        }
    }

    /// Records an image drawn on the page (for OCR planning), up to the per-page bound.
    fn image(&mut self, image: ImageDraw) {
        if self.images.len() < MAX_RULES_PER_PAGE {
            let [x0, y0, x1, y1] = image.bbox;
            self.layer.image(x1 - x0, y1 - y0, self.glyphs.len());
            self.images.push(image);
        }
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn font(&mut self, resources: &Dictionary, name: &[u8]) -> Rc<std::cell::RefCell<Font>> {
        let entry = resources
            .get_deref(b"Font", self.doc)
            .and_then(Object::as_dict)
            .and_then(|fonts| fonts.get(name));
        let id = entry.as_ref().ok().and_then(|o| o.as_reference().ok());
        if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
            return font.clone();
        }
        let dict = entry
            .as_ref()
            .ok()
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        let font = match dict {
            Some(d) => Font::load(self.doc, d, self.limits.max_inflated_stream_bytes),
            None => Font::fallback(),
        };
        let font = Rc::new(std::cell::RefCell::new(font));
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        font
    }

    fn show_array(&mut self, operand: Option<&Object>) {
        let Some(Ok(items)) = operand.map(Object::as_array) else {
            return;
        };
        for item in items {
            match item {
                Object::String(..) => self.show(Some(item)),
                other => {
                    let adjust = other.as_float().unwrap_or(0.0);
                    let vertical = self
                        .state
                        .font
                        .as_ref()
                        .is_some_and(|f| f.borrow().vertical);
                    let d = -adjust / 1000.0 * self.state.size;
                    if vertical {
                        self.tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -d], &self.tm);
                    } else {
                        self.tm = mul(&[1.0, 0.0, 0.0, 1.0, d * self.state.hscale, 0.0], &self.tm);
                    }
                }
            }
        }
    }

    fn show(&mut self, operand: Option<&Object>) {
        let Some(Ok(bytes)) = operand.map(Object::as_str) else {
            return;
        };
        let Some(font) = self.state.font.clone() else {
            return;
        };
        let mut font = font.borrow_mut();
        let vertical = font.vertical;
        let st = self.state.clone();
        let before = self.glyphs.len();
        font.decode(bytes, |g| {
            let trm = mul(
                &[st.size * st.hscale, 0.0, 0.0, st.size, 0.0, st.rise],
                &mul(&self.tm, &st.ctm),
            );
            let (x, y) = apply(&trm, 0.0, 0.0);
            let dir = orient::direction(trm[0], trm[1]);
            let (x, top) = orient::place(dir, x, y, self.page_width, self.page_height);
            let (ux, uy) = (trm[2], trm[3]);
            let size = (ux * ux + uy * uy).sqrt();
            let width = g.width / 1000.0 * (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
            let spacing = st.char_spacing + if g.is_space { st.word_spacing } else { 0.0 };
            let turned = |mut glyph: Glyph| {
                glyph.dir = dir;
                glyph
            };
            if vertical {
                // Vertical writing: the glyph box hangs below the origin, centred on it.
                self.glyphs.push(turned(Glyph::new(
                    g.text,
                    x - size / 2.0,
                    top + size * 0.88,
                    size,
                    size,
                )));
                let ty = -(st.size + spacing);
                self.tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, ty], &self.tm);
            } else {
                self.glyphs
                    .push(turned(Glyph::new(g.text, x, top, size, width)));
                let tx = (g.width / 1000.0 * st.size + spacing) * st.hscale;
                self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
            }
        });
        if matches!(st.render_mode, 3 | 7) {
            self.layer.invisible += self.glyphs.len() - before;
        }
    }

    fn form(&mut self, op: &Op, resources: &Dictionary, depth: usize) -> Result<(), PdfError> {
        if depth >= self.limits.max_form_depth {
            return Ok(());
        }
        let name = op
            .operands
            .first()
            .and_then(|o| o.as_name().ok())
            .unwrap_or_default();
        let stream = resources
            .get_deref(b"XObject", self.doc)
            .and_then(Object::as_dict)
            .and_then(|x| x.get_deref(name, self.doc))
            .and_then(Object::as_stream);
        let Ok(stream) = stream else { return Ok(()) };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        if subtype == Some(b"Image") {
            let unit = |x, y| apply(&self.state.ctm, x, y);
            self.image(ImageDraw::new(&stream.dict, unit, self.page_height));
        }
        if subtype != Some(b"Form") {
            return Ok(());
        }
        let data = stream
            .decompressed_content_with_limit(self.limits.max_inflated_stream_bytes)
            .map_err(|_| {
                PdfError::TooLarge("a form's content inflates past the per-stream limit".into())
            })?;
        let inner = stream
            .dict
            .get_deref(b"Resources", self.doc)
            .and_then(Object::as_dict)
            .unwrap_or(resources);
        let saved = self.state.clone();
        let (tm, tlm) = (self.tm, self.tlm);
        if let Ok(m) = stream.dict.get(b"Matrix").and_then(Object::as_array) {
            let v: Vec<f32> = m.iter().map(|o| o.as_float().unwrap_or(0.0)).collect();
            if v.len() == 6 {
                self.state.ctm = mul(&[v[0], v[1], v[2], v[3], v[4], v[5]], &self.state.ctm);
            }
        }
        let result = self.run(&data, inner, depth + 1);
        self.state = saved;
        (self.tm, self.tlm) = (tm, tlm);
        result
    }

    fn path_op(&mut self, op: &Op, n: &dyn Fn(usize) -> f32) {
        let ctm = self.state.ctm;
        match op.operator {
            "m" => {
                self.cursor = apply(&ctm, n(0), n(1));
                self.start = self.cursor;
            }
            "l" => {
                let to = apply(&ctm, n(0), n(1));
                self.path.push((self.cursor.0, self.cursor.1, to.0, to.1));
                self.cursor = to;
            }
            "h" => {
                self.path
                    .push((self.cursor.0, self.cursor.1, self.start.0, self.start.1));
                self.cursor = self.start;
            }
            "re" => {
                let (x0, y0) = apply(&ctm, n(0), n(1));
                let (x1, y1) = apply(&ctm, n(0) + n(2), n(1) + n(3));
                self.rect(x0, y0, x1, y1);
            }
            "S" | "s" => self.paint(true),
            "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => self.paint(false),
            "n" => self.path.clear(),
            _ => {}
        }
    }

    fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32) {
        // A rectangle is kept as a degenerate "fill" marker: its four edges, flagged by order.
        self.path.push((x0, y0, x1, y0));
        self.path.push((x1, y0, x1, y1));
        self.path.push((x1, y1, x0, y1));
        self.path.push((x0, y1, x0, y0));
        self.cursor = (x0, y0);
        self.start = (x0, y0);
    }

    /// Turns the current path into ruling lines: stroked segments directly, filled shapes
    /// only when thin (a line drawn as a narrow filled rectangle).
    fn paint(&mut self, stroke: bool) {
        let segments = std::mem::take(&mut self.path);
        if stroke {
            for (x0, y0, x1, y1) in segments {
                self.push_rule(x0, y0, x1, y1);
            }
            return;
        }
        for shape in segments.chunks(4) {
            let xs = shape.iter().flat_map(|s| [s.0, s.2]);
            let ys = shape.iter().flat_map(|s| [s.1, s.3]);
            let (x0, x1) = xs.fold((f32::MAX, f32::MIN), |(a, b), v| (a.min(v), b.max(v)));
            let (y0, y1) = ys.fold((f32::MAX, f32::MIN), |(a, b), v| (a.min(v), b.max(v)));
            let (w, h) = (x1 - x0, y1 - y0);
            if h <= 3.0 && w > h {
                let y = (y0 + y1) / 2.0;
                self.push_rule(x0, y, x1, y);
            } else if w <= 3.0 && h > w {
                let x = (x0 + x1) / 2.0;
                self.push_rule(x, y0, x, y1);
            }
        }
    }

    fn push_rule(&mut self, x0: f32, y0: f32, x1: f32, y1: f32) {
        if self.rules.len() >= MAX_RULES_PER_PAGE {
            return;
        }
        let (top0, top1) = (self.page_height - y0, self.page_height - y1);
        if (y0 - y1).abs() < 1.0 && (x1 - x0).abs() > 2.0 {
            self.rules.push(Rule {
                x0: x0.min(x1),
                y0: top0,
                x1: x0.max(x1),
                y1: top0,
            });
        } else if (x0 - x1).abs() < 1.0 && (y1 - y0).abs() > 2.0 {
            self.rules.push(Rule {
                x0,
                y0: top0.min(top1),
                x1: x0,
                y1: top0.max(top1),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use lopdf::{Dictionary, Document, Object, Stream, dictionary};

    use crate::pdf::read;
    use govreport_document::layout::Rule;
    use govreport_model::limits::Limits;

    /// The ruling lines of a one-page PDF (842 pt high) whose content is `ops`.
    fn rules_of(ops: &str) -> Vec<Rule> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let content = doc.add_object(Stream::new(Dictionary::new(), ops.as_bytes().to_vec()));
        let page = doc.add_object(dictionary! {"Type" => "Page", "Parent" => pages_id,
        "Contents" => content, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()]});
        let pages = dictionary! {"Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1};
        doc.objects.insert(pages_id, Object::Dictionary(pages));
        let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("an in-memory PDF");
        let deadline = Instant::now() + Duration::from_secs(10);
        let text = read(&bytes, &Limits::default(), deadline).expect("a readable PDF");
        text.pages[0].rules.clone()
    }

    fn rule(x0: f32, y0: f32, x1: f32, y1: f32) -> Rule {
        Rule { x0, y0, x1, y1 }
    }

    #[test]
    fn ruling_lines_past_the_page_limit_are_ignored() {
        let ops = "0 0 m 0 100 l S ".repeat(super::MAX_RULES_PER_PAGE + 100);
        assert_eq!(rules_of(&ops).len(), super::MAX_RULES_PER_PAGE);
    }

    #[test]
    fn thin_filled_rectangles_become_rules_whatever_the_fill_operator() {
        for op in ["f", "F", "f*", "B", "B*", "b", "b*"] {
            let got = rules_of(&format!("100 700 0.5 40 re {op} 100 650 200 1 re {op}"));
            assert_eq!(
                got,
                vec![
                    rule(100.25, 102.0, 100.25, 142.0),
                    rule(100.0, 191.5, 300.0, 191.5)
                ],
                "{op}"
            );
        }
    }

    #[test]
    fn stroked_segments_become_rules_and_shading_does_not() {
        let got = rules_of("300 600 m 300 500 l S 50 50 400 300 re f 10 10 m 60 10 l S");
        assert_eq!(got[0], rule(300.0, 242.0, 300.0, 342.0));
        assert_eq!(got[1], rule(10.0, 832.0, 60.0, 832.0));
        assert_eq!(
            got.len(),
            2,
            "the 400×300 fill is shading, not a rule: {got:?}"
        );
    }

    #[test]
    fn a_scaled_matrix_moves_the_rules() {
        let got = rules_of("2 0 0 2 0 0 cm 50 100 m 50 150 l S");
        assert_eq!(got, vec![rule(100.0, 542.0, 100.0, 642.0)]);
    }
}
