//! Word blocks as the parsers' lines: a paragraph line is one cell of tidied text; a data
//! table becomes one line per row with its cells placed on the grid by the same engine
//! that places HTML tables ([`crate::html::dom::place`]).

use crate::html::dom::{Span, place, tidy};
use govreport_document::layout::{Cell, Line};

use super::xml::{Block, Merge, Row};

/// The lines of a document's blocks, in document order, numbered from 0.
pub fn lines(blocks: &[Block]) -> Vec<Line> {
    let mut rows = Vec::new();
    push_blocks(blocks, &mut rows);
    rows.into_iter()
        .enumerate()
        .map(|(i, cells)| Line {
            page: None,
            y: i as f32,
            size: 1.0,
            cells,
            frame: None,
        })
        .collect()
}

fn push_blocks(blocks: &[Block], out: &mut Vec<Vec<Cell>>) {
    for block in blocks {
        match block {
            Block::Para(p) => {
                for text in p.lines.iter().map(|t| tidy(t)).filter(|t| !t.is_empty()) {
                    let width = text.chars().count() as f32;
                    out.push(vec![Cell {
                        x0: 0.0,
                        x1: width,
                        text,
                    }]);
                }
            }
            Block::Table(rows) if holds_table(rows) => {
                for cell in rows.iter().flat_map(|r| &r.cells) {
                    push_blocks(&cell.blocks, out);
                }
            }
            Block::Table(rows) => out.extend(
                place(spans(rows))
                    .into_iter()
                    .filter(|row| row.iter().any(|c| !c.text.is_empty())),
            ),
        }
    }
}

/// A table holding another table lays out the page, like an HTML layout table: its cells
/// are read as blocks, in order.
fn holds_table(rows: &[Row]) -> bool {
    rows.iter()
        .flat_map(|r| &r.cells)
        .flat_map(|c| &c.blocks)
        .any(|b| matches!(b, Block::Table(_)))
}

/// The rows as spans for the grid: `w:gridSpan` is the column span; a `w:vMerge` restart
/// spans down over the continuing cells that start in its grid column in the rows below,
/// which are left out (as the cells a `rowspan` covers are absent in HTML); columns a row
/// skips (`w:gridBefore`) are an empty cell.
pub fn spans(rows: &[Row]) -> Vec<Vec<Span>> {
    let starts: Vec<Vec<(usize, Merge)>> = rows
        .iter()
        .map(|row| {
            let mut col = row.before;
            row.cells
                .iter()
                .map(|c| {
                    let at = col;
                    col += c.span;
                    (at, c.merge)
                })
                .collect()
        })
        .collect();
    let continues_at = |r: usize, col: usize| {
        starts
            .get(r)
            .is_some_and(|row| row.contains(&(col, Merge::Continue)))
    };
    let mut out = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let mut spans = Vec::new();
        if row.before > 0 {
            spans.push(Span {
                rowspan: 1,
                colspan: row.before,
                text: String::new(),
            });
        }
        for (cell, &(col, merge)) in row.cells.iter().zip(&starts[r]) {
            if merge == Merge::Continue && r > 0 {
                continue;
            }
            let below = (r + 1..rows.len())
                .take_while(|&b| continues_at(b, col))
                .count();
            spans.push(Span {
                rowspan: 1 + below,
                colspan: cell.span,
                text: cell_text(&cell.blocks),
            });
        }
        out.push(spans);
    }
    out
}

/// A cell's text: its paragraphs and lines joined by spaces, tidied.
fn cell_text(blocks: &[Block]) -> String {
    let mut raw = String::new();
    for block in blocks {
        match block {
            Block::Para(p) => {
                for t in &p.lines {
                    raw.push_str(t);
                    raw.push(' ');
                }
            }
            Block::Table(rows) => {
                for cell in rows.iter().flat_map(|r| &r.cells) {
                    raw.push_str(&cell_text(&cell.blocks));
                    raw.push(' ');
                }
            }
        }
    }
    tidy(&raw)
}
