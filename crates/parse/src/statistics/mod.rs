//! Statistics tables of reports before 2019 (统计指标 | 单位 | 统计数): found by their
//! header, read row by row from the same lines and cells as every other table, nested by
//! numbering and `其中`, keyed by the 2015–2018 form, and checked.

mod build;
pub mod checks;
pub mod header;
pub mod hierarchy;
pub mod keys;
pub mod label;
pub mod place;
pub mod rows;

use std::ops::Range;

use govreport_document::layout::Line;
use govreport_model::record::{Check, Warning};
pub use govreport_model::record::{StatRow, Statistics};
use header::Header;
use label::numbering;
use rows::{RawRow, Read};

/// A statistics table read from the lines.
pub struct Parsed {
    /// The table.
    pub table: Statistics,
    /// The lines it spans (header to last row), for leaving it out of the narrative.
    pub spans: Vec<Range<usize>>,
    /// `statistics.parts_sum` and `statistics.subset`.
    pub checks: Vec<Check>,
    /// Doubts about how it was read.
    pub warnings: Vec<Warning>,
    /// One line per row, for `govreport text`.
    pub debug: Vec<String>,
}

/// Finds the statistics tables (a later table with the same columns continues the first)
/// and reads them; None when the report has none.
pub fn parse(lines: &[Line]) -> Option<Parsed> {
    let mut first: Option<Header> = None;
    let mut raw: Vec<RawRow> = Vec::new();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((h, body)) = header::find_at(lines, i) else {
            i += 1;
            continue;
        };
        let (rows, end) = table_at(lines, body, &h);
        if first
            .as_ref()
            .is_none_or(|f| f.width() == h.width())
            && !rows.is_empty()
        {
            raw.extend(rows);
            spans.push(i..end);
            first.get_or_insert(h);
        }
        i = end.max(i + 1);
    }
    let header = first?;
    Some(build::build(&header, &raw, spans))
}

/// The rows of the table whose body starts at `at`, and the index of the first line after it.
fn table_at(lines: &[Line], at: usize, h: &Header) -> (Vec<RawRow>, usize) {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut pending = String::new();
    let mut i = at;
    while i < lines.len() {
        if let Some((_, next)) = header::find_at(lines, i) {
            i = next;
            continue;
        }
        if let Some(last) = rows
            .last_mut()
            .filter(|r| rows::continues_unit(r, &lines[i], h))
        {
            rows::continue_row(last, &lines[i], h);
            i += 1;
            continue;
        }
        match rows::read(&lines[i], i, h) {
            Read::Skip => i += 1,
            Read::Row(mut r) => {
                r.text = std::mem::take(&mut pending) + &r.text;
                rows.push(r);
                i += 1;
            }
            Read::Text(t) => match text_step(&mut rows, &mut pending, lines, i, t, h) {
                Some(next) => i = next,
                None => break,
            },
        }
    }
    (rows, i)
}

/// A text-only line inside the table: the rest of an open label (after it, or before the
/// row it belongs to), a heading row, or one line of a row spread over several; returns
/// the next line to read, or None where the table ends.
fn text_step(
    rows: &mut Vec<RawRow>,
    pending: &mut String,
    lines: &[Line],
    i: usize,
    t: RawRow,
    h: &Header,
) -> Option<usize> {
    let numbered = nesting_text(&t, false);
    // A numbered line or a `其中` line starts a label; it never continues one.
    let fresh = numbering(&numbered).is_some() || t.text.starts_with("其中");
    let side = nearer(lines, i, h).filter(|s| *s == Side::Below || !fresh);
    if t.text.is_empty() {
        let (row, next) = spread_row(lines, i, h)?;
        rows.push(row);
        return Some(next);
    } else if let Some(last) = rows
        .last_mut()
        .filter(|r| unclosed(&r.text) || r.text.is_empty() || side == Some(Side::Above))
    {
        last.text.push_str(&t.text);
    } else if (unclosed(&t.text) || side == Some(Side::Below)) && next_is_row(lines, i + 1, h) {
        *pending = t.text;
    } else if heading_text(&numbered) && !unclosed(&t.text) && leads_to_rows(lines, i + 1, h, 2) {
        rows.push(RawRow::heading(t.text, t.serial, h.width(), i));
    } else {
        let (row, next) = spread_row(lines, i, h)?;
        rows.push(row);
        return Some(next);
    }
    Some(i + 1)
}

/// The text that decides a row's nesting: its indicator, after the numbering printed in
/// its 序号 cell (a bare `一` or `1` read as `一、` or `1.`). A cell of digits is a numbering
/// only when `digits` says the table's 序号 column holds numberings, not serial numbers.
pub fn nesting_text(row: &RawRow, digits: bool) -> String {
    match row.serial.as_deref() {
        Some(s) if digits || !s.chars().all(|c| c.is_ascii_digit()) => {
            let bare = !s.ends_with(['、', '.', '．', '）', ')']) && numbering(s).is_none();
            let mark = match (bare, s.chars().all(|c| c.is_ascii_digit())) {
                (false, _) => "",
                (true, true) => ".",
                (true, false) => "、",
            };
            format!("{s}{mark}{}", row.text)
        }
        _ => row.text.clone(),
    }
}

/// Which of its neighbours a line of a page stands closer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Above,
    Below,
}

/// On a page, whether a text line of a table is clearly closer to the line above (a row's
/// label wrapped below its values) or to the line below (wrapped above them): lines of one
/// cell are set closer than two rows, whose cells are padded. None for text and HTML, at
/// a page's edge, and (for `Above`) when the line above is not part of a row.
fn nearer(lines: &[Line], i: usize, h: &Header) -> Option<Side> {
    let page = lines[i].page?;
    let gap = |a: usize, b: usize| {
        let (la, lb) = (lines.get(a)?, lines.get(b)?);
        (la.page == Some(page) && lb.page == Some(page)).then_some(lb.y - la.y)
    };
    let above = i.checked_sub(1).and_then(|a| gap(a, i));
    let below = gap(i, i + 1);
    let row_above = i > 0 && !matches!(rows::read(&lines[i - 1], i - 1, h), Read::Skip);
    match (above?, below?) {
        (a, b) if a < b * 0.8 && row_above => Some(Side::Above),
        (a, b) if b < a * 0.8 => Some(Side::Below),
        _ => None,
    }
}

/// A row whose cells are centred vertically, so that wrapped cells (`万` / `元`, a long
/// label) stand on the lines above and below its values: two or three lines, only one of
/// them with numbers, joined column by column.
fn spread_row(lines: &[Line], at: usize, h: &Header) -> Option<(RawRow, usize)> {
    let numeric = |l: &Line| {
        l.cells
            .iter()
            .any(|c| crate::tables::cells::value(&c.text, 0.0).is_some_and(|v| v.number.is_some()))
    };
    [3, 2].into_iter().find_map(|k| {
        let window = lines.get(at..at + k)?;
        if window.iter().filter(|l| numeric(l)).count() != 1 {
            return None;
        }
        match rows::read(&place::joined(window, h), at, h) {
            Read::Row(r) if !r.is_heading() => Some((r, at + k)),
            _ => None,
        }
    })
}

/// An opening bracket not yet closed: the label wraps onto the next line.
fn unclosed(text: &str) -> bool {
    let open = text.matches(['（', '(']).count();
    open > text.matches(['）', ')']).count()
}

/// Whether line `i` is a row with an indicator and a value: the rest of a label wrapped
/// before it.
fn next_is_row(lines: &[Line], i: usize, h: &Header) -> bool {
    lines.get(i).is_some_and(
        |l| matches!(rows::read(l, i, h), Read::Row(r) if !r.is_heading() && !r.text.is_empty()),
    )
}

/// A numbered, short line that is not a sentence: a heading row, if rows follow.
fn heading_text(text: &str) -> bool {
    numbering(text).is_some() && text.chars().count() <= 40 && !text.contains('。')
}

/// A short line that is not a sentence: part of a label wrapped over lines.
fn label_like(text: &str) -> bool {
    text.chars().count() <= 30 && !text.contains('。')
}

/// Whether the table goes on at line `i`: a row, after (up to `depth` deep) other headings
/// and short lines of wrapped labels, looking at most eight lines ahead.
fn leads_to_rows(lines: &[Line], i: usize, h: &Header, depth: usize) -> bool {
    let mut depth = depth;
    for (j, line) in lines.iter().enumerate().skip(i).take(8) {
        match rows::read(line, j, h) {
            Read::Row(_) => return true,
            Read::Skip => {}
            Read::Text(t) if depth > 0 && heading_text(&nesting_text(&t, false)) => depth -= 1,
            Read::Text(t) if label_like(&t.text) => {}
            Read::Text(_) => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests;
