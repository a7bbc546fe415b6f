//! The table's body read as rows. On a page, the lines one row spreads over (a label
//! wrapped above or below its values, cells centred over the lines) are those set closer to
//! each other than to the rows around them; in text, open brackets, numbering and the lines
//! next to a row's values tell which row a text line belongs to.

use std::borrow::Cow;

use crate::statistics::header::{self, Header, Role};
use crate::statistics::label::{is_unit, numbering};
use crate::statistics::place;
use crate::statistics::rows::{self, RawRow, Read};
use crate::statistics::wrapped::{self, Wraps};
use govreport_document::layout::Line;

/// The rows of the table whose body starts at `at`, and the index of the first line after it.
pub fn table_at(lines: &[Line], at: usize, h: &Header) -> (Vec<RawRow>, usize) {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut pending = String::new();
    let wrap = Wraps::new(lines, at, h);
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
        let (line, end) = unit_at(lines, i, h);
        match rows::read(&line, i, h) {
            Read::Skip => i = end,
            Read::Row(mut r) => {
                r.text = std::mem::take(&mut pending) + &r.text;
                rows.push(r);
                i = end;
            }
            Read::Text(t) => {
                match wrapped::step(&mut rows, &mut pending, lines, (i, end), t, (h, &wrap)) {
                    Some(next) => i = next,
                    None => break,
                }
            }
        }
    }
    (rows, i)
}

/// The line at `i`, or on a page the lines from `i` that make one row (at most one of
/// them with values, at most one starting a row) joined column by column; and the index
/// after them.
pub fn unit_at<'a>(lines: &'a [Line], i: usize, h: &Header) -> (Cow<'a, Line>, usize) {
    let end = group_end(lines, i);
    let valued = lines[i..end].iter().filter(|l| valued(l, h)).count();
    if end - i > 1 && valued <= 1 && !several_rows(&lines[i..end], h) {
        (Cow::Owned(place::joined(&lines[i..end], h)), end)
    } else {
        (Cow::Borrowed(&lines[i]), i + 1)
    }
}

/// Whether lines set close together still hold two rows or more (the table's last rows,
/// set apart from the text after it, one of them blank): two of them each hold a 序号, a
/// label that starts afresh (numbered, `其中`) or a whole unit (`万元` and `万元`, not `万`
/// and `元`).
fn several_rows(lines: &[Line], h: &Header) -> bool {
    let text = |p: &place::Placed, role: Role| {
        h.index(role)
            .map(|i| p.columns[i].concat())
            .unwrap_or_default()
    };
    let starts = lines.iter().filter(|l| {
        let p = place::place(l, h);
        let label = text(&p, Role::Label);
        !text(&p, Role::Serial).is_empty()
            || numbering(&label).is_some()
            || label.starts_with("其中")
            || is_unit(&text(&p, Role::Unit))
    });
    starts.count() >= 2
}

/// Whether a line has a value cell (a number or a dash) in a value column.
pub fn valued(line: &Line, h: &Header) -> bool {
    let placed = place::place(line, h);
    placed.columns.iter().enumerate().any(|(i, texts)| {
        let text = texts.concat();
        h.columns[i].role == Role::Value && !text.is_empty() && place::value(&text).is_some()
    })
}

/// On a page, the end of the group of lines from `at` that stand closer to each other than
/// to the lines around them (at most six).
fn group_end(lines: &[Line], at: usize) -> usize {
    let mut j = at;
    while j + 1 < lines.len()
        && j + 1 - at < 6
        && (side(lines, j) == Some(Side::Below) || side(lines, j + 1) == Some(Side::Above))
        && header::find_at(lines, j + 1).is_none()
    {
        j += 1;
    }
    j + 1
}

/// Which of its neighbours a line of a page stands clearly closer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Above,
    Below,
}

/// On a page, whether line `i` is clearly closer to the line above or to the line below:
/// lines of one cell are set closer than two rows, whose cells are padded. None for text
/// and HTML and at a page's edge.
fn side(lines: &[Line], i: usize) -> Option<Side> {
    let page = lines[i].page?;
    let gap = |a: usize, b: usize| {
        let (la, lb) = (lines.get(a)?, lines.get(b)?);
        (la.page == Some(page) && lb.page == Some(page)).then_some(lb.y - la.y)
    };
    match (gap(i.checked_sub(1)?, i)?, gap(i, i + 1)?) {
        (a, b) if a < b * 0.8 => Some(Side::Above),
        (a, b) if b < a * 0.8 => Some(Side::Below),
        _ => None,
    }
}
