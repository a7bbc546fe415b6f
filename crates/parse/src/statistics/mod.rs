//! Statistics tables of reports before 2019 (统计指标 | 单位 | 统计数): found by their
//! header, read row by row from the same lines and cells as every other table, nested by
//! numbering and `其中`, keyed by the 2015–2018 form, and checked.

mod build;
pub mod checks;
pub mod header;
pub mod hierarchy;
pub mod keys;
pub mod label;
pub mod rows;

use std::ops::Range;

use govreport_document::layout::Line;
use govreport_model::record::{Check, Provenance, Warning};
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
    /// Where each cell came from, by record path.
    pub cells: Vec<(String, Provenance)>,
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
            .is_none_or(|f| f.columns.len() == h.columns.len())
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
    t: String,
    h: &Header,
) -> Option<usize> {
    if let Some(last) = rows.last_mut().filter(|r| unclosed(&r.text)) {
        last.text.push_str(&t);
    } else if unclosed(&t) && next_is_row(lines, i + 1, h) {
        *pending = t;
    } else if heading_text(&t) && !unclosed(&t) && leads_to_rows(lines, i + 1, h, 2) {
        rows.push(RawRow {
            text: t,
            unit: None,
            code: None,
            values: vec![None; h.columns.len()],
            uncertain: false,
            line: i,
        });
    } else {
        let (row, next) = spread_row(lines, i, h)?;
        rows.push(row);
        return Some(next);
    }
    Some(i + 1)
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
        match rows::read(&header::spread(window, h), at, h) {
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

/// Whether line `i` is a row with a value: the rest of a label wrapped before it.
fn next_is_row(lines: &[Line], i: usize, h: &Header) -> bool {
    lines
        .get(i)
        .is_some_and(|l| matches!(rows::read(l, i, h), Read::Row(r) if !r.is_heading()))
}

/// A numbered, short line that is not a sentence: a heading row, if rows follow.
fn heading_text(text: &str) -> bool {
    numbering(text).is_some() && text.chars().count() <= 40 && !text.contains('。')
}

/// Whether the table goes on at line `i`: a row, or (up to `depth` deep) another heading,
/// looking at most eight lines ahead.
fn leads_to_rows(lines: &[Line], i: usize, h: &Header, depth: usize) -> bool {
    let mut depth = depth;
    for (j, line) in lines.iter().enumerate().skip(i).take(8) {
        match rows::read(line, j, h) {
            Read::Row(_) => return true,
            Read::Skip => {}
            Read::Text(t) if depth > 0 && heading_text(&t) => depth -= 1,
            Read::Text(_) => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests;
