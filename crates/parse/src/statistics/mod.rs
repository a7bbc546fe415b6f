//! Statistics tables of reports before 2019 (统计指标 | 单位 | 统计数): found by their
//! header, read row by row from the same lines and cells as every other table, nested by
//! numbering and `其中`, keyed by the 2015–2018 form, and checked.

mod body;
mod build;
pub mod checks;
pub mod header;
pub mod hierarchy;
pub mod keys;
pub mod label;
pub mod place;
pub mod rows;
pub mod unread;
mod wrapped;

use std::ops::Range;

use govreport_document::layout::Line;
use govreport_model::record::{Check, Provenance, Warning};
pub use govreport_model::record::{StatRow, Statistics};
use govreport_model::template::CellPath;
use header::Header;
use rows::RawRow;

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
    pub cells: Vec<(CellPath, Provenance)>,
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
        let (rows, end) = body::table_at(lines, body, &h);
        if first.as_ref().is_none_or(|f| f.width() == h.width()) && !rows.is_empty() {
            raw.extend(rows);
            spans.push(i..end);
            first.get_or_insert(h);
        }
        i = end.max(i + 1);
    }
    let header = first?;
    Some(build::build(&header, &raw, spans))
}

#[cfg(test)]
mod tests;
