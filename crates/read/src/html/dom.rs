//! The page's DOM as lines: block elements become one-cell lines of tidied text; data
//! tables become one line per row, cells placed on the grid their `rowspan`/`colspan` make.

use std::ops::Range;

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, node::Node};

use govreport_document::layout::{Cell, Line, is_cjk};

/// Width of one grid column in the `x` units of a table line's cells.
const COLUMN: f32 = 10.0;

/// Elements whose content is never page text.
const HIDDEN: [&str; 13] = [
    "script", "style", "noscript", "template", "head", "select", "option", "button", "input",
    "textarea", "iframe", "svg", "object",
];

/// Elements that start and end a line of text.
const BLOCKS: [&str; 32] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "pre",
    "hr",
    "center",
];

/// Elements that can hold a whole article.
const CONTAINERS: [&str; 9] = [
    "body", "div", "td", "article", "section", "main", "center", "form", "font",
];

/// Nesting below which the walk stops descending and reads the rest as plain text.
const MAX_DEPTH: usize = 200;

/// An element's content read as lines, with where each possible article container's
/// lines are and which lines hold link text.
#[derive(Debug, Default)]
pub struct Walk {
    /// The lines, in document order.
    pub lines: Vec<Line>,
    /// For each line, whether any of its text sits inside a link.
    pub linked: Vec<bool>,
    /// Each container element (`div`, `td`, `article` …) and the lines it holds.
    pub containers: Vec<(NodeId, Range<usize>)>,
}

/// Reads an element's content as lines, in document order.
pub fn walk(root: ElementRef) -> Walk {
    let mut out = Lines::default();
    out.walk(*root, 0);
    out.flush();
    out.walk
}

/// The text of an element as one tidied string (`<br>` and blocks become spaces).
pub fn text(el: ElementRef) -> String {
    let mut raw = String::new();
    for node in el.descendants() {
        match node.value() {
            Node::Text(t) if !hidden_inside(node) => raw.push_str(t),
            Node::Element(e) if e.name() == "br" || BLOCKS.contains(&e.name()) => raw.push(' '),
            _ => {}
        }
    }
    tidy(&raw)
}

fn hidden_inside(node: NodeRef<Node>) -> bool {
    node.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|e| HIDDEN.contains(&e.value().name()))
}

/// Collapses whitespace (including `&nbsp;` and the ideographic space) to single spaces,
/// drops the spaces between two Chinese characters, and trims.
pub fn tidy(raw: &str) -> String {
    let words: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::new();
    for w in words {
        let cjk_seam =
            out.chars().last().is_some_and(is_cjk) && w.chars().next().is_some_and(is_cjk);
        if !out.is_empty() && !cjk_seam {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Line accumulator for the walk.
#[derive(Default)]
struct Lines {
    walk: Walk,
    current: String,
    current_linked: bool,
    links: usize,
}

impl Lines {
    fn walk(&mut self, node: NodeRef<Node>, depth: usize) {
        let Some(el) = ElementRef::wrap(node) else {
            if let Node::Text(t) = node.value() {
                self.current.push_str(t);
                self.current_linked |= self.links > 0 && !t.trim().is_empty();
            }
            return;
        };
        let name = el.value().name();
        if HIDDEN.contains(&name) {
            return;
        }
        if name == "br" {
            return self.flush();
        }
        if depth > MAX_DEPTH {
            return self.current.push_str(&text(el));
        }
        if name == "table" && is_data_table(el) {
            self.flush();
            return self.table(el);
        }
        let block = BLOCKS.contains(&name);
        if block {
            self.flush();
        }
        let start = self.walk.lines.len();
        self.links += usize::from(name == "a");
        for child in node.children() {
            self.walk(child, depth + 1);
        }
        self.links -= usize::from(name == "a");
        if block {
            self.flush();
        }
        if CONTAINERS.contains(&name) {
            let end = self.walk.lines.len();
            self.walk.containers.push((el.id(), start..end));
        }
    }

    fn flush(&mut self) {
        let text = tidy(&self.current);
        self.current.clear();
        if !text.is_empty() {
            let width = text.chars().count() as f32;
            let linked = std::mem::take(&mut self.current_linked);
            self.push(
                vec![Cell {
                    x0: 0.0,
                    x1: width,
                    text,
                }],
                linked,
            );
        }
    }

    fn push(&mut self, cells: Vec<Cell>, linked: bool) {
        let lines = &mut self.walk.lines;
        lines.push(Line {
            page: None,
            y: lines.len() as f32,
            size: 1.0,
            cells,
            frame: None,
        });
        self.walk.linked.push(linked);
    }

    fn table(&mut self, table: ElementRef) {
        for row in grid(table) {
            if row.iter().any(|c| !c.text.is_empty()) {
                self.push(row, false);
            }
        }
    }
}

/// A table holding no other table: its cells are data, not page layout.
fn is_data_table(table: ElementRef) -> bool {
    !table
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "table")
}

/// The rows of a table as cells on its column grid: each `td`/`th` appears once, in the
/// first row it spans, with `x0..x1` covering the columns it spans; cells an earlier
/// row's `rowspan` covers are skipped. Empty cells are kept (with empty text).
pub fn grid(table: ElementRef) -> Vec<Vec<Cell>> {
    let rows: Vec<Vec<Span>> = table
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "tr")
        .map(|tr| {
            tr.children()
                .filter_map(ElementRef::wrap)
                .filter(|td| matches!(td.value().name(), "td" | "th"))
                .map(|td| {
                    let span = |name: &str| {
                        td.value()
                            .attr(name)
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .unwrap_or(1)
                    };
                    Span {
                        rowspan: span("rowspan"),
                        colspan: span("colspan"),
                        text: text(td),
                    }
                })
                .collect()
        })
        .collect();
    place(rows)
}

/// One table cell before placement: its text and how many rows and columns it spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Rows covered, this one included (clamped to the table's last row).
    pub rowspan: usize,
    /// Grid columns covered (clamped to 1..=1000).
    pub colspan: usize,
    /// The cell's tidied text.
    pub text: String,
}

/// Places each row's cells on the column grid (the one table engine for HTML and Word
/// tables): a cell goes to the first column its row does not already have covered by an
/// earlier row's `rowspan`, with `x0..x1` covering the columns it spans.
pub fn place(rows: Vec<Vec<Span>>) -> Vec<Vec<Cell>> {
    let mut taken: Vec<Vec<bool>> = vec![Vec::new(); rows.len()];
    let mut out = Vec::with_capacity(rows.len());
    let n = rows.len();
    for (r, row) in rows.into_iter().enumerate() {
        let mut cells = Vec::new();
        let mut col = 0;
        for span in row {
            while taken[r].get(col).copied().unwrap_or(false) {
                col += 1;
            }
            let (rowspan, colspan) = (span.rowspan.clamp(1, n - r), span.colspan.clamp(1, 1000));
            for taken_row in &mut taken[r..r + rowspan] {
                if taken_row.len() < col + colspan {
                    taken_row.resize(col + colspan, false);
                }
                taken_row[col..col + colspan].fill(true);
            }
            cells.push(Cell {
                x0: col as f32 * COLUMN,
                x1: (col + colspan) as f32 * COLUMN,
                text: span.text,
            });
            col += colspan;
        }
        out.push(cells);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn first_table(html: &str) -> Vec<Vec<(usize, usize, String)>> {
        let doc = Html::parse_document(html);
        let sel = Selector::parse("table").expect("selector");
        let table = doc.select(&sel).next().expect("a table");
        grid(table)
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|c| ((c.x0 / COLUMN) as usize, (c.x1 / COLUMN) as usize, c.text))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn rowspan_pushes_later_cells_right() {
        let g = first_table(
            "<table><tr><td rowspan=2>三、本年度办理结果</td><td>（一）予以公开</td><td>5</td></tr>\
             <tr><td>（二）部分公开</td><td>2</td></tr></table>",
        );
        assert_eq!(
            g[1],
            vec![(1, 2, "（二）部分公开".into()), (2, 3, "2".into())]
        );
    }

    #[test]
    fn colspan_widens_a_cell_and_shifts_the_rest() {
        let g = first_table(
            "<table><tr><td rowspan=2>本列数据</td><td colspan=3>申请人情况</td></tr>\
             <tr><td>自然人</td><td colspan=2>法人或其他组织</td></tr>\
             <tr><td colspan=2>一、本年新收</td><td>7</td><td>&nbsp;</td></tr></table>",
        );
        assert_eq!(g[0][1], (1, 4, "申请人情况".into()));
        assert_eq!(
            g[1],
            vec![(1, 2, "自然人".into()), (2, 4, "法人或其他组织".into())]
        );
        assert_eq!(g[2][2], (3, 4, String::new()));
    }

    #[test]
    fn a_rowspan_past_the_last_row_is_clamped() {
        let g = first_table("<table><tr><td rowspan=99>a</td><td>1</td></tr></table>");
        assert_eq!(g, vec![vec![(0, 1, "a".into()), (1, 2, "1".into())]]);
    }

    #[test]
    fn vertical_labels_written_with_br_read_as_one_phrase() {
        let g = first_table(
            "<TABLE><TBODY><TR><TH>三<BR>、<BR>本<br>年<br>度</TH></TR></TBODY></TABLE>",
        );
        assert_eq!(g[0][0].2, "三、本年度");
    }

    #[test]
    fn word_markup_inside_cells_is_tidied() {
        let g = first_table(
            "<table><tr><td><p class=MsoNormal><span>&nbsp;12\n</span><o:p></o:p></p></td></tr></table>",
        );
        assert_eq!(g[0][0].2, "12");
    }

    #[test]
    fn tidy_joins_chinese_across_source_line_breaks_but_keeps_number_spacing() {
        assert_eq!(tidy("全年发布\n  信息 1234 条"), "全年发布信息 1234 条");
        assert_eq!(tidy("\u{3000}\u{3000}一、总体情况"), "一、总体情况");
    }

    #[test]
    fn layout_tables_are_walked_as_blocks_and_scripts_are_skipped() {
        let doc = Html::parse_document(
            "<table><tr><td><script>var t='一、总体情况';</script><p>正文</p>\
             <table><tr><td>项目</td><td>4</td></tr></table></td></tr></table>",
        );
        let got: Vec<String> = walk(doc.root_element())
            .lines
            .iter()
            .map(Line::text)
            .collect();
        assert_eq!(got, vec!["正文", "项目 4"]);
    }
}
