//! Which header column each cell of a line stands in: by position (PDF points, text
//! columns, the HTML and tab-separated grid); where positions contradict what the cells
//! hold, by order and content — the columns before the indicator from the left, the
//! columns after it from the right.

use std::sync::LazyLock;

use regex::Regex;

use crate::statistics::header::{Header, Role};
use crate::statistics::label::{UNITS, numbering};
use crate::tables::cells::{self, Value};
use govreport_document::layout::{Cell, Line};
use govreport_document::{half_width, without_whitespace};

/// A line's cells sorted into the header's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Per header column, the texts standing in it, left to right.
    pub columns: Vec<Vec<String>>,
    /// Positions contradicted the cells and a value column was left blank by guess.
    pub guessed: bool,
}

/// Sorts a line's cells into the header's columns.
pub fn place(line: &Line, h: &Header) -> Placed {
    let pieces = pieces(line, h);
    match by_position(&pieces, h) {
        Some(columns) if !run_together(&pieces, h) => Placed {
            columns,
            guessed: false,
        },
        Some(_) => by_order(&words(&pieces[0]), h),
        None => by_order(&pieces, h),
    }
}

/// A line that is one cell in the indicator's column ending in a value: its cells run
/// together (single spaces between them), so positions say nothing.
fn run_together(pieces: &[Cell], h: &Header) -> bool {
    let last = pieces[..]
        .first()
        .and_then(|p| p.text.split_whitespace().last());
    pieces.len() == 1
        && h.index(Role::Label) == Some(column_of(&pieces[0], h))
        && pieces[0].text.split_whitespace().count() > 1
        && last.is_some_and(|w| value(w).is_some())
}

/// A cell's space-separated words, one piece each.
fn words(cell: &Cell) -> Vec<Cell> {
    cell.text
        .split_whitespace()
        .map(|w| Cell {
            text: w.to_string(),
            ..cell.clone()
        })
        .collect()
}

/// The cells of several lines that together make one row (cells centred over the lines,
/// wrapped labels and units), joined column by column in line order.
pub fn joined(lines: &[Line], h: &Header) -> Line {
    let mut texts: Vec<String> = vec![String::new(); h.columns.len()];
    for line in lines {
        for p in pieces(line, h) {
            texts[column_of(&p, h)].push_str(&p.text);
        }
    }
    let edges: Vec<f32> = std::iter::once(f32::MIN)
        .chain(h.bounds.iter().copied())
        .chain(std::iter::once(f32::MAX))
        .collect();
    let cells = texts
        .into_iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, text)| {
            let c = &h.columns[i];
            let (x0, x1) = (c.x0.max(edges[i]), c.x1.min(edges[i + 1]));
            Cell { x0, x1, text }
        })
        .collect();
    Line {
        cells,
        ..lines[0].clone()
    }
}

/// The line's cells as placeable pieces: a cell of evenly wide characters that runs from
/// the indicator into the next column (a PDF without a gap between them) cut where that
/// column begins; a cell of several numbers (`5 3`) in one column right of the indicator
/// split (a sentence across the table is not).
fn pieces(line: &Line, h: &Header) -> Vec<Cell> {
    let label = h.index(Role::Label).unwrap_or(0);
    let cut_at = h.bounds.get(label).copied();
    let next = h.columns.get(label + 1).map(|c| c.role);
    let mut out = Vec::new();
    for cell in &line.cells {
        let cut = match (cut_at, next) {
            (Some(at), Some(role)) if line.page.is_some() => cut(cell, at, role),
            _ => vec![cell.clone()],
        };
        for c in cut {
            if column_of(&c, h) == label || overlapped(&c, h).len() > 1 {
                out.push(c);
            } else {
                out.extend(split(&c));
            }
        }
    }
    out
}

/// A cell of evenly wide characters that runs past `at`, cut there when what stands past
/// it is short and fits the next column (`role`): a unit or its first character (`万`), a
/// code, a value. A heading printed across the table stays whole.
fn cut(cell: &Cell, at: f32, role: Role) -> Vec<Cell> {
    let chars: Vec<char> = cell.text.chars().collect();
    let width = (cell.x1 - cell.x0) / chars.len().max(1) as f32;
    let k = ((at - cell.x0) / width).round();
    if cell.x0 >= at || cell.x1 < at + width / 2.0 || k < 1.0 || k as usize >= chars.len() {
        return vec![cell.clone()];
    }
    let k = k as usize;
    let rest: String = chars[k..].iter().collect();
    let unit = || UNITS.iter().any(|u| u.starts_with(rest.trim()));
    if chars.len() - k > 4 || !fits(role, &rest) || (role == Role::Unit && !unit()) {
        return vec![cell.clone()];
    }
    let x = cell.x0 + width * k as f32;
    vec![
        Cell {
            x0: cell.x0,
            x1: x,
            text: chars[..k].iter().collect(),
        },
        Cell {
            x0: x,
            x1: cell.x1,
            text: chars[k..].iter().collect(),
        },
    ]
}

/// A cell of space-separated words of which some are values, one piece per word.
fn split(cell: &Cell) -> Vec<Cell> {
    let parts: Vec<&str> = cell.text.split_whitespace().collect();
    if parts.len() < 2 || !parts.iter().any(|p| value(p).is_some()) {
        return vec![cell.clone()];
    }
    let step = (cell.x1 - cell.x0) / parts.len() as f32;
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| Cell {
            x0: cell.x0 + step * i as f32,
            x1: cell.x0 + step * (i + 1) as f32,
            text: p.to_string(),
        })
        .collect()
}

/// The column a piece stands in: the one whose header words it overlaps, when it overlaps
/// exactly one column's (a header word wrapped onto a line of its own in tab-separated
/// text stands at the field's start, narrower than the field); else by its centre, or by
/// its left edge when it spans two or more columns (an HTML cell with `colspan`, a heading
/// across the table).
fn column_of(cell: &Cell, h: &Header) -> usize {
    if let [only] = overlapped(cell, h)[..] {
        return only;
    }
    let spans = h
        .columns
        .iter()
        .filter(|c| c.centre() > cell.x0 && c.centre() < cell.x1)
        .count();
    let x = if spans >= 2 {
        cell.x0 + 0.01
    } else {
        (cell.x0 + cell.x1) / 2.0
    };
    h.column_at(x)
}

/// The columns whose header words a cell overlaps.
fn overlapped(cell: &Cell, h: &Header) -> Vec<usize> {
    (0..h.columns.len())
        .filter(|&i| cell.x0 < h.columns[i].x1 && h.columns[i].x0 < cell.x1)
        .collect()
}

/// The pieces by position, when each fits the column it stands in and no column but the
/// indicator's (and 备注) holds two.
fn by_position(pieces: &[Cell], h: &Header) -> Option<Vec<Vec<String>>> {
    let mut columns: Vec<Vec<String>> = vec![Vec::new(); h.columns.len()];
    for p in pieces {
        let i = column_of(p, h);
        let role = h.columns[i].role;
        let many = !matches!(role, Role::Label | Role::Note) && !columns[i].is_empty();
        if many || !fits(role, &p.text) {
            return None;
        }
        columns[i].push(p.text.clone());
    }
    Some(columns)
}

/// The pieces by order and content: the columns before the indicator take pieces from the
/// left, those after it from the right, each a piece that fits it (else it stays blank);
/// the pieces between are the indicator.
fn by_order(pieces: &[Cell], h: &Header) -> Placed {
    let label = h.index(Role::Label).unwrap_or(0);
    let mut columns: Vec<Vec<String>> = vec![Vec::new(); h.columns.len()];
    let (mut i, mut j) = (0, pieces.len());
    for (c, col) in h.columns.iter().enumerate().take(label) {
        if i < j && fits(col.role, &pieces[i].text) && !wordy(&pieces[i].text) {
            columns[c].push(pieces[i].text.clone());
            i += 1;
        }
    }
    let mut blank = false;
    for (c, col) in h.columns.iter().enumerate().skip(label + 1).rev() {
        if j > i && fits(col.role, &pieces[j - 1].text) {
            columns[c].push(pieces[j - 1].text.clone());
            j -= 1;
        } else {
            blank |= col.role == Role::Value;
        }
    }
    columns[label] = pieces[i..j].iter().map(|p| p.text.clone()).collect();
    Placed {
        columns,
        guessed: blank,
    }
}

/// Text long enough to be an indicator rather than a number, code or unit.
fn wordy(text: &str) -> bool {
    text.chars().filter(|c| !c.is_whitespace()).count() > 6
}

/// Codes as statistics tables print them: `01`, `101`, `A01`, `1.1`, `2-3`.
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z]{0,2}\d{1,4}(?:[.\-]\d{1,3}){0,2}$").expect("valid regex")
});

/// Whether a piece's text can stand in a column of that role.
pub fn fits(role: Role, text: &str) -> bool {
    let t: String = without_whitespace(text).chars().map(half_width).collect();
    let blank = t.is_empty() || is_dash(&t);
    match role {
        Role::Label | Role::Note => true,
        Role::Value => blank || value(&t).is_some(),
        Role::Code => blank || CODE.is_match(&t),
        Role::Serial => blank || is_serial(&t),
        Role::Unit => blank || (t.chars().count() <= 6 && !t.chars().any(|c| c.is_ascii_digit())),
    }
}

/// A 序号 cell: a serial number or a bare numbering (`一`, `（一）`, `(1)`, `①`, `1.`).
fn is_serial(t: &str) -> bool {
    let chinese = |s: &str| !s.is_empty() && s.chars().all(|c| "一二三四五六七八九十".contains(c));
    (t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()))
        || (t.chars().count() <= 4 && chinese(t.trim_end_matches(['、', '.', '．'])))
        || numbering(t).is_some_and(|(_, rest)| rest.is_empty())
}

/// Dashes, as typed or as a font maps them (`——`, `⸺`), or a slash: not applicable.
pub fn is_dash(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| "—-－―─⸺⸻/／".contains(c))
}

/// A value cell's reading: a number as the national tables read it, a percentage
/// (`12.5%`, the number 12.5) or a dash; None for anything else.
pub fn value(text: &str) -> Option<Value> {
    let t = text.trim();
    if let Some(v) = cells::value(t, 0.0) {
        return Some(v);
    }
    let number = t.strip_suffix(['%', '％'])?;
    let mut v = cells::value(number, 0.0).filter(|v| v.number.is_some())?;
    v.printed = Some(t.to_string());
    Some(v)
}

#[cfg(test)]
mod tests;
