//! Layout: glyphs with positions become lines of cells, in reading order, and
//! layout-preserving text.

pub mod orient;
mod wrapped;

/// One shown glyph in page space (points, y measured downward from the top).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The character shown.
    pub ch: char,
    /// Left edge of the glyph.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Font size in page space.
    pub size: f32,
    /// Advance width in page space.
    pub width: f32,
    /// Writing direction, a quarter turn 0–3 ([`orient`]); `x` and `y` are in that
    /// direction's upright frame.
    pub dir: u8,
}

impl Glyph {
    /// A glyph at `(x, y)` of the given size and advance.
    pub fn new(ch: char, x: f32, y: f32, size: f32, width: f32) -> Self {
        Glyph {
            ch,
            x,
            y,
            size,
            width,
            dir: 0,
        }
    }
}

/// A horizontal or vertical ruling line (a table border), in page space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end.
    pub x0: f32,
    /// Top end.
    pub y0: f32,
    /// Right end.
    pub x1: f32,
    /// Bottom end.
    pub y1: f32,
}

/// The text layer of one page: glyphs and ruling lines.
#[derive(Debug, Clone)]
pub struct PageLayer {
    /// 1-based page number.
    pub number: u32,
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Every glyph shown, in content-stream order.
    pub glyphs: Vec<Glyph>,
    /// Ruling lines stroked or filled on the page.
    pub rules: Vec<Rule>,
    /// Quarter turns clockwise OCR turned the scanned page by to read it (it lay sideways
    /// or upside down); 0: read as it lies. Size, glyphs and rules are the turned page's.
    pub turn: u8,
}

impl PageLayer {
    /// Bundles one page's text layer.
    pub fn new(number: u32, width: f32, height: f32, glyphs: Vec<Glyph>, rules: Vec<Rule>) -> Self {
        PageLayer {
            number,
            width,
            height,
            glyphs,
            rules,
            turn: 0,
        }
    }

    /// The page turned clockwise by `quarters` quarter turns, for glyphs and rules read
    /// from its image turned so: the size follows, and the rules of the page as it lay go.
    pub fn turn_over(&mut self, quarters: u8) {
        if quarters % 2 == 1 {
            std::mem::swap(&mut self.width, &mut self.height);
        }
        self.rules.clear();
        self.turn = (self.turn + quarters) % 4;
    }
}

/// A run of text on one line, separated from its neighbours by a wide gap or a ruling line.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Left edge (points for PDF, character column for text input).
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// The cell's text; no spaces between Chinese characters.
    pub text: String,
}

/// One line of a page (or of a text file), as cells in left-to-right order.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Page number, or None for text and HTML input.
    pub page: Option<u32>,
    /// Baseline from the top of the page (points), or the line index for text input.
    pub y: f32,
    /// Typical glyph size on the line (1 for text input).
    pub size: f32,
    /// The cells, left to right.
    pub cells: Vec<Cell>,
    /// The page frame the line was laid out in (PDF pages only): how its coordinates map
    /// back onto the page.
    pub frame: Option<Frame>,
}

/// A writing direction's upright frame on one page ([`orient`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The quarter turn, 0–3.
    pub dir: u8,
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Quarter turns clockwise OCR turned the scanned page by ([`PageLayer::turn`]).
    pub turn: u8,
}

impl Frame {
    /// A box `[x0, y0, x1, y1]` of this frame as a box of the page (points, y downward).
    pub fn to_page(&self, b: [f32; 4]) -> [f32; 4] {
        let (w, h) = (self.width, self.height);
        let point = |x: f32, y: f32| match self.dir {
            1 => (y, h - x),
            2 => (w - x, h - y),
            3 => (w - y, x),
            _ => (x, y),
        };
        let (ax, ay) = point(b[0], b[1]);
        let (bx, by) = point(b[2], b[3]);
        [ax.min(bx), ay.min(by), ax.max(bx), ay.max(by)]
    }
}

impl Line {
    /// The page box of the run of this line from `x0` to `x1` (PDF lines only): from a
    /// glyph height above the baseline to a fifth of one below it.
    pub fn page_box(&self, x0: f32, x1: f32) -> Option<[f32; 4]> {
        let frame = self.frame?;
        let framed = [x0, self.y - self.size, x1, self.y + self.size * 0.2];
        Some(frame.to_page(framed))
    }
}

impl Line {
    /// The line's text, cells joined by one space (none between two Chinese characters).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for cell in &self.cells {
            if let (Some(a), Some(b)) = (out.chars().last(), cell.text.chars().next())
                && !(is_cjk(a) && is_cjk(b))
            {
                out.push(' ');
            }
            out.push_str(&cell.text);
        }
        out
    }
}

/// What a cell holds when something is printed there that could not be read (OCR saw ink
/// it could make nothing of; a glyph with no Unicode value): the replacement character.
/// Such a cell is not blank; the rules may determine it.
pub const UNREADABLE: &str = "\u{FFFD}";

/// True for Chinese characters and full-width punctuation, between which no space is written.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x2018..=0x201F)
}

/// Groups a page's glyphs into lines (by baseline) and cells (by gaps and ruling lines):
/// upright text first, then each other writing direction in its own upright frame.
pub fn lines(page: &PageLayer) -> Vec<Line> {
    let mut out = Vec::new();
    for dir in 0..4u8 {
        let glyphs: Vec<&Glyph> = page
            .glyphs
            .iter()
            .filter(|g| g.dir == dir && !g.ch.is_whitespace() && g.size > 0.5)
            .collect();
        if glyphs.is_empty() {
            continue;
        }
        let rules: std::borrow::Cow<[Rule]> = match dir {
            0 => (&page.rules[..]).into(),
            _ => page
                .rules
                .iter()
                .map(|r| orient::rule(r, dir, page.width, page.height))
                .collect(),
        };
        let frame = Frame {
            dir,
            width: page.width,
            height: page.height,
            turn: page.turn,
        };
        out.extend(lines_of(glyphs, &rules, page.number, frame));
    }
    out
}

/// The lines of glyphs that share one writing direction, with the rules in their frame.
fn lines_of(mut glyphs: Vec<&Glyph>, rules: &[Rule], number: u32, frame: Frame) -> Vec<Line> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Sorted by x, so a gap between two glyphs looks only at the rules within it.
    let mut verticals: Vec<&Rule> = rules.iter().filter(|r| r.x0 == r.x1).collect();
    verticals.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut out = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let y0 = glyphs[start].y;
        let tol = glyphs[start].size * 0.4;
        let mut end = start + 1;
        while end < glyphs.len() && glyphs[end].y - y0 <= tol {
            end += 1;
        }
        let mut row: Vec<&Glyph> = glyphs[start..end].to_vec();
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut line = line_of(&row, number, &verticals);
        line.frame = Some(frame);
        out.push(line);
        start = end;
    }
    wrapped::join(&mut out, rules);
    out
}

fn line_of(row: &[&Glyph], page: u32, verticals: &[&Rule]) -> Line {
    let size = median(row.iter().map(|g| g.size));
    let y = median(row.iter().map(|g| g.y));
    let mut cells: Vec<Cell> = Vec::new();
    let mut prev: Option<&Glyph> = None;
    for g in row {
        let split = prev.is_none_or(|p| {
            let gap = g.x - (p.x + p.width);
            gap > size * 0.9
                || any_crossing(verticals, p.x + p.width * 0.5, g.x + g.width * 0.5, y, size)
        });
        if split {
            cells.push(Cell {
                x0: g.x,
                x1: g.x + g.width,
                text: String::new(),
            });
        } else if let Some(p) = prev {
            let gap = g.x - (p.x + p.width);
            if gap > size * 0.2 && !(is_cjk(p.ch) && is_cjk(g.ch)) {
                cells.last_mut().expect("a cell was started").text.push(' ');
            }
        }
        let cell = cells.last_mut().expect("a cell was started");
        cell.text.push(g.ch);
        cell.x1 = g.x + g.width;
        prev = Some(g);
    }
    Line {
        page: Some(page),
        y,
        size,
        cells,
        frame: None,
    }
}

/// Whether a vertical rule (of `sorted`, ordered by x) runs between `xa` and `xb` through
/// the line at `y`: a binary search, then only the rules strictly between the two.
fn any_crossing(sorted: &[&Rule], xa: f32, xb: f32, y: f32, size: f32) -> bool {
    let from = sorted.partition_point(|r| r.x0 <= xa);
    sorted[from..]
        .iter()
        .take_while(|r| r.x0 < xb)
        .any(|r| crosses(r, xa, xb, y, size))
}

fn crosses(rule: &Rule, xa: f32, xb: f32, y: f32, size: f32) -> bool {
    rule.x0 > xa && rule.x0 < xb && rule.y0 < y - size * 0.3 && rule.y1 > y - size * 0.5
}

fn median(values: impl Iterator<Item = f32>) -> f32 {
    let mut v: Vec<f32> = values.collect();
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

/// How wide one tab-separated field of a text line is, in character columns.
pub const TAB_FIELD: f32 = 20.0;

/// The lines of a plain text, numbered from 0, each split into cells by [`text_line`].
pub fn text_lines(text: &str) -> Vec<Line> {
    text.lines()
        .enumerate()
        .map(|(i, l)| text_line(l, i))
        .collect()
}

/// Splits a line of plain text into cells at tabs and at runs of two or more spaces. A
/// line with tabs is a row of fields: field k spans `k·TAB_FIELD..(k+1)·TAB_FIELD`, so that
/// tab-separated tables line up by field like HTML tables (an empty field is a gap).
pub fn text_line(text: &str, index: usize) -> Line {
    let cells = if text.contains('\t') {
        tab_fields(text)
    } else {
        spaced_cells(text)
    };
    Line {
        page: None,
        y: index as f32,
        size: 1.0,
        cells,
        frame: None,
    }
}

/// The cells of a tab-separated line: each field on its own stretch of the field grid,
/// split further at runs of spaces.
fn tab_fields(text: &str) -> Vec<Cell> {
    let mut cells = Vec::new();
    for (k, field) in text.split('\t').enumerate() {
        let x0 = k as f32 * TAB_FIELD;
        let parts = spaced_cells(field);
        if parts.is_empty() {
            continue;
        }
        let step = TAB_FIELD / parts.len() as f32;
        cells.extend(parts.into_iter().enumerate().map(|(i, c)| Cell {
            x0: x0 + step * i as f32,
            x1: x0 + step * (i + 1) as f32,
            text: c.text,
        }));
    }
    cells
}

/// Splits text without tabs into cells at runs of two or more spaces, `x` in character columns.
fn spaced_cells(text: &str) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut col = 0usize;
    let mut current = String::new();
    let mut start = 0usize;
    let mut spaces = 0usize;
    let flush = |cells: &mut Vec<Cell>, current: &mut String, start: usize, end: usize| {
        let t = current.trim();
        if !t.is_empty() {
            cells.push(Cell {
                x0: start as f32,
                x1: end as f32,
                text: t.to_string(),
            });
        }
        current.clear();
    };
    for c in text.chars() {
        if (c == ' ' || c == '\u{3000}') && spaces >= 1 {
            flush(&mut cells, &mut current, start, col);
            spaces = 0;
            start = col + 1;
        } else if c == ' ' || c == '\u{3000}' {
            spaces += 1;
            current.push(' ');
        } else {
            if current.trim().is_empty() {
                current.clear();
                start = col;
            }
            spaces = 0;
            current.push(c);
        }
        col += if is_cjk(c) { 2 } else { 1 };
    }
    flush(&mut cells, &mut current, start, col);
    cells
}

/// The rightmost column [`render`] pads a cell to: far past any real page (an A3 landscape
/// page is about 240 columns), and it keeps a cell drawn at x = 1e30 or +∞ from asking
/// for that many spaces.
const MAX_COLUMN: f32 = 4096.0;

/// Renders lines as layout-preserving text: each cell starts near its column on the page.
pub fn render(lines: &[Line]) -> String {
    let mut out = String::new();
    let mut page = None;
    for line in lines {
        if line.page != page {
            if page.is_some() {
                out.push('\u{c}');
            }
            page = line.page;
        }
        let unit = if line.page.is_some() { 5.0 } else { 1.0 };
        let mut width = 0usize;
        for cell in &line.cells {
            // NaN becomes 0 in the cast.
            let col = (cell.x0 / unit).round().clamp(0.0, MAX_COLUMN) as usize;
            let pad = if width == 0 {
                col
            } else {
                col.saturating_sub(width).max(1)
            };
            out.extend(std::iter::repeat_n(' ', pad));
            width += pad
                + cell
                    .text
                    .chars()
                    .map(|c| if is_cjk(c) { 2 } else { 1 })
                    .sum::<usize>();
            out.push_str(&cell.text);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(glyphs: &[(&str, f32, f32)]) -> PageLayer {
        let mut out = Vec::new();
        for (text, x, y) in glyphs {
            let mut cx = *x;
            for ch in text.chars() {
                let w = if is_cjk(ch) { 10.0 } else { 5.0 };
                out.push(Glyph::new(ch, cx, *y, 10.0, w));
                cx += w;
            }
        }
        PageLayer::new(1, 595.0, 842.0, out, Vec::new())
    }

    #[test]
    fn chinese_characters_join_without_spaces() {
        let lines = lines(&layer(&[("总体情况", 50.0, 100.0)]));
        assert_eq!(lines[0].text(), "总体情况");
    }

    #[test]
    fn numbers_stay_whole_and_cells_split_at_gaps() {
        let lines = lines(&layer(&[
            ("行政许可", 50.0, 100.0),
            ("1136", 300.0, 100.5),
            ("7730.28", 400.0, 99.8),
        ]));
        let cells: Vec<&str> = lines[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(cells, ["行政许可", "1136", "7730.28"]);
    }

    #[test]
    fn reading_order_is_top_to_bottom_then_left_to_right() {
        let lines = lines(&layer(&[
            ("第二行", 50.0, 120.0),
            ("B", 200.0, 100.0),
            ("第一行", 50.0, 100.0),
        ]));
        let text: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(text, ["第一行 B", "第二行"]);
    }

    #[test]
    fn a_vertical_rule_splits_touching_cells() {
        let mut page = layer(&[("12", 100.0, 100.0), ("34", 110.0, 100.0)]);
        page.rules.push(Rule {
            x0: 110.0,
            y0: 80.0,
            x1: 110.0,
            y1: 110.0,
        });
        let cells: Vec<String> = lines(&page)[0]
            .cells
            .iter()
            .map(|c| c.text.clone())
            .collect();
        assert_eq!(cells, ["12", "34"]);
    }

    #[test]
    fn text_lines_split_at_tabs_and_double_spaces() {
        let line = text_line("规章\t0  5 现行\t\t7", 0);
        let cells: Vec<&str> = line.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(cells, ["规章", "0", "5 现行", "7"]);
        let line = text_line("规章  0   5 现行", 0);
        let cells: Vec<&str> = line.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(cells, ["规章", "0", "5 现行"]);
    }

    #[test]
    fn tab_fields_line_up_by_field() {
        let head = text_line("统计\t单位\t代码\t数值", 0);
        let next = text_line("指标\t\t\t本期\t累计", 1);
        let x = |l: &Line, t: &str| l.cells.iter().find(|c| c.text == t).map(|c| c.x0);
        assert_eq!(x(&head, "数值"), x(&next, "本期"));
        assert_eq!(next.cells.len(), 3);
        let row = text_line("\t件\t3\t\t", 2);
        let cells: Vec<(&str, f32)> = row.cells.iter().map(|c| (c.text.as_str(), c.x0)).collect();
        assert_eq!(cells, [("件", TAB_FIELD), ("3", 2.0 * TAB_FIELD)]);
    }

    #[test]
    fn of_many_sorted_rules_only_one_between_two_glyphs_splits_them() {
        let text = "1".repeat(200);
        let mut page = layer(&[(text.as_str(), 0.0, 100.0)]);
        let rule = |x: f32, y0: f32| Rule {
            x0: x,
            y0,
            x1: x,
            y1: y0 + 30.0,
        };
        page.rules
            .extend((0..1000).map(|i| rule(-1.0 - i as f32, 80.0)));
        page.rules
            .extend((0..1000).map(|i| rule(30.0 + i as f32 * 0.01, 300.0)));
        page.rules.push(rule(50.0, 80.0));
        let cells = &lines(&page)[0].cells;
        assert_eq!((cells.len(), cells[0].text.len()), (2, 10));
    }

    #[test]
    fn render_bounds_the_padding_of_a_cell_placed_far_off_the_page() {
        // Found by fuzzing (fuzz/fuzz_targets/layout.rs): a glyph at x = +∞ made `render`
        // ask for usize::MAX spaces (capacity overflow); x = 1e30 would ask for 2e29.
        for x in [f32::INFINITY, 1e30, f32::NAN, f32::NEG_INFINITY] {
            let mut page = layer(&[("表", 50.0, 100.0)]);
            page.glyphs.push(Glyph::new('1', x, 100.0, 10.0, 5.0));
            let text = render(&lines(&page));
            assert!(text.len() < 5000, "x = {x}: {} bytes", text.len());
        }
    }

    #[test]
    fn space_between_digit_and_chinese_is_kept_when_printed_apart() {
        let lines = lines(&layer(&[("2023", 50.0, 100.0), ("年", 73.0, 100.0)]));
        assert_eq!(lines[0].text(), "2023 年");
    }
}
