//! One line of a statistics table read against its header: the indicator, its 序号, code,
//! unit and value cells.

use crate::statistics::header::{self, Header, Role};
use crate::statistics::label::{is_unit, numbering};
use crate::statistics::place::{self, is_dash};
use crate::tables::cells::{self, Value};
use govreport_document::layout::{Cell, Line};
use govreport_document::without_whitespace;

/// A line read as a table row.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// The indicator as printed, whitespace removed (continuation lines appended).
    pub text: String,
    /// The `序号` cell, when the table has one and it is not blank.
    pub serial: Option<String>,
    /// The unit cell, when it names a unit.
    pub unit: Option<String>,
    /// The `代码` cell.
    pub code: Option<String>,
    /// One slot per value column: None when the cell is blank.
    pub values: Vec<Option<Value>>,
    /// The values' columns were guessed (cells missing, no positions to go by).
    pub uncertain: bool,
    /// Where the label begins is not certain: it was joined from lines the table does not
    /// show to belong to it rather than to the row above (values on a label's first line
    /// or its last undecided).
    pub label_doubt: bool,
    /// Index of the line.
    pub line: usize,
}

impl RawRow {
    /// A row without a unit and without a value (only dashes or blanks) is a heading.
    pub fn is_heading(&self) -> bool {
        self.unit.is_none()
            && self
                .values
                .iter()
                .all(|v| v.as_ref().is_none_or(|v| v.number.is_none()))
    }

    /// The text that decides the row's nesting: its indicator, after the numbering printed
    /// in its 序号 cell (a bare `一` or `1` read as `一、` or `1.`). A cell of digits is a
    /// numbering only when `digits` says the 序号 column holds numberings, not serial numbers.
    pub fn nesting_text(&self, digits: bool) -> String {
        match self.serial.as_deref() {
            Some(s) if digits || !s.chars().all(|c| c.is_ascii_digit()) => {
                let bare = !s.ends_with(['、', '.', '．', '）', ')']) && numbering(s).is_none();
                let mark = match (bare, s.chars().all(|c| c.is_ascii_digit())) {
                    (false, _) => "",
                    (true, true) => ".",
                    (true, false) => "、",
                };
                format!("{s}{mark}{}", self.text)
            }
            _ => self.text.clone(),
        }
    }

    /// A heading row of the given text (a line of text only, read as a heading).
    pub fn heading(text: String, serial: Option<String>, width: usize, line: usize) -> RawRow {
        RawRow {
            text,
            serial,
            unit: None,
            code: None,
            values: vec![None; width],
            uncertain: false,
            label_doubt: false,
            line,
        }
    }
}

/// What a line inside a statistics table is.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// A (repeated) header line, a column-index line, an empty line, or a line with values
    /// but no indicator (part of a row spread over several lines).
    Skip,
    /// A row with a unit or value cells (headings printed with `—` included).
    Row(RawRow),
    /// Text only: a heading, a wrapped label's continuation, or text after the table (its
    /// 序号 kept apart); or a unit alone (no text), a fragment of a row spread over lines.
    Text(RawRow),
}

/// Reads one line against the table's header.
pub fn read(line: &Line, index: usize, h: &Header) -> Read {
    if header::find(line).is_some() || header::is_column_index(line) {
        return Read::Skip;
    }
    let placed = place::place(line, h);
    let cell = |role: Role| -> Option<String> {
        let i = h.index(role)?;
        Some(without_whitespace(&placed.columns[i].concat())).filter(|t| !t.is_empty())
    };
    let (text, unit_cell) = run_over(cell(Role::Label).unwrap_or_default(), cell(Role::Unit));
    let dash = unit_cell.as_deref().is_some_and(is_dash);
    let row = RawRow {
        text,
        serial: cell(Role::Serial).filter(|t| !is_dash(t)),
        unit: unit_cell.filter(|t| !is_dash(t)),
        code: cell(Role::Code).filter(|t| !is_dash(t)),
        values: values(&placed.columns, h),
        uncertain: placed.guessed,
        label_doubt: false,
        line: index,
    };
    let valued = row.values.iter().any(Option::is_some);
    if row.text.is_empty() && row.serial.is_none() && row.code.is_none() {
        return match row.unit {
            Some(_) if !valued => Read::Text(row),
            _ => Read::Skip,
        };
    }
    // A unit cut short (`万` of `万元`) without values: the top line of a row spread over
    // several lines.
    let fragment = row.unit.as_deref().is_some_and(|u| !is_unit(u));
    if !valued && !dash && (row.unit.is_none() || fragment) {
        return Read::Text(row);
    }
    Read::Row(row)
}

/// A label that ran on into the unit column (`…维护等方面的经费` + `）万元` on a narrow
/// page): the closing bracket it lacks taken back from the unit cell.
fn run_over(label: String, unit: Option<String>) -> (String, Option<String>) {
    let open = label.matches(['（', '(']).count() > label.matches(['）', ')']).count();
    match unit {
        Some(u) if open && u.starts_with(['）', ')']) => {
            let close = u.chars().next().unwrap_or('）');
            let rest = u[close.len_utf8()..].to_string();
            (
                format!("{label}{close}"),
                Some(rest).filter(|r| !r.is_empty()),
            )
        }
        unit => (label, unit),
    }
}

/// The value cells in their columns: None for a blank cell.
fn values(columns: &[Vec<String>], h: &Header) -> Vec<Option<Value>> {
    columns
        .iter()
        .enumerate()
        .filter(|(i, _)| h.columns[*i].role == Role::Value)
        .map(|(i, texts)| {
            let text = texts.concat();
            let x = h.columns[i].centre();
            (!text.trim().is_empty())
                .then(|| place::value(&text))
                .flatten()
                .map(|v| Value { x, ..v })
        })
        .collect()
}

/// Whether a line (of a page, without numbers) continues the row before it whose unit
/// wrapped: that unit is incomplete (`万`), or completed by the line's unit-column text
/// (`人` + `次`) with nothing else on the line but the rest of an open label.
pub fn continues_unit(row: &RawRow, line: &Line, h: &Header) -> bool {
    let (Some(unit), Some(u)) = (row.unit.as_deref(), h.index(Role::Unit)) else {
        return false;
    };
    let in_unit = |c: &&Cell| h.column_at((c.x0 + c.x1) / 2.0) == u;
    let tail: String = line
        .cells
        .iter()
        .filter(in_unit)
        .map(|c| without_whitespace(&c.text))
        .collect();
    let other = line.cells.iter().any(|c| !in_unit(&c));
    let numbers = line
        .cells
        .iter()
        .any(|c| cells::value(&c.text, 0.0).is_some_and(|v| v.number.is_some()));
    let open = row.text.matches(['（', '(']).count() > row.text.matches(['）', ')']).count();
    let completes = is_unit(&format!("{unit}{tail}")) && (!other || open);
    line.page.is_some() && !numbers && !tail.is_empty() && (!is_unit(unit) || completes)
}

/// Appends a line that continues a row whose unit wrapped: its cells in the unit column
/// to the unit, the others to the indicator.
pub fn continue_row(row: &mut RawRow, line: &Line, h: &Header) {
    let u = h.index(Role::Unit);
    for cell in &line.cells {
        let text = without_whitespace(&cell.text);
        match &mut row.unit {
            Some(unit) if Some(h.column_at((cell.x0 + cell.x1) / 2.0)) == u => unit.push_str(&text),
            _ => row.text.push_str(&text),
        }
    }
}

#[cfg(test)]
mod tests;
