//! The table's body read as rows. On a page, the lines one row spreads over (a label
//! wrapped above or below its values, cells centred over the lines) are those set closer to
//! each other than to the rows around them; in text, open brackets, numbering and the lines
//! next to a row's values tell which row a text line belongs to.

use std::borrow::Cow;

use crate::statistics::header::{self, Header, Role};
use crate::statistics::label::numbering;
use crate::statistics::place;
use crate::statistics::rows::{self, RawRow, Read};
use govreport_document::layout::Line;

/// The rows of the table whose body starts at `at`, and the index of the first line after it.
pub fn table_at(lines: &[Line], at: usize, h: &Header) -> (Vec<RawRow>, usize) {
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
        let (line, end) = unit_at(lines, i, h);
        match rows::read(&line, i, h) {
            Read::Skip => i = end,
            Read::Row(mut r) => {
                r.text = std::mem::take(&mut pending) + &r.text;
                rows.push(r);
                i = end;
            }
            Read::Text(t) => match text_step(&mut rows, &mut pending, lines, (i, end), t, h) {
                Some(next) => i = next,
                None => break,
            },
        }
    }
    (rows, i)
}

/// The line at `i`, or on a page the lines from `i` that make one row (at most one of
/// them with values) joined column by column; and the index after them.
fn unit_at<'a>(lines: &'a [Line], i: usize, h: &Header) -> (Cow<'a, Line>, usize) {
    let end = group_end(lines, i);
    let valued = lines[i..end].iter().filter(|l| valued(l, h)).count();
    if end - i > 1 && valued <= 1 {
        (Cow::Owned(place::joined(&lines[i..end], h)), end)
    } else {
        (Cow::Borrowed(&lines[i]), i + 1)
    }
}

/// Whether a line has a value cell (a number or a dash) in a value column.
fn valued(line: &Line, h: &Header) -> bool {
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

/// A text-only line (or group of lines) inside the table, `at.0..at.1`: the rest of an
/// open label (after it, or before the row it belongs to), a heading row, or one line of a
/// row spread over several; returns the next line to read, or None where the table ends.
fn text_step(
    rows: &mut Vec<RawRow>,
    pending: &mut String,
    lines: &[Line],
    (i, next): (usize, usize),
    t: RawRow,
    h: &Header,
) -> Option<usize> {
    if t.text.is_empty() || next_is_bare(lines, next, h) {
        return spread_row(lines, i, h, rows);
    }
    if let Some(last) = rows
        .last_mut()
        .filter(|r| unclosed(&r.text) || r.text.is_empty())
    {
        last.text.push_str(&t.text);
    } else if (unclosed(&t.text) || continued(lines, next, h)) && next_is_row(lines, next, h) {
        *pending = t.text;
    } else if heading_text(&t.nesting_text(false))
        && !unclosed(&t.text)
        && leads_to_rows(lines, next, h, 2)
    {
        rows.push(RawRow::heading(t.text, t.serial, h.width(), i));
    } else {
        return spread_row(lines, i, h, rows);
    }
    Some(next)
}

/// A row whose cells are centred vertically, so that wrapped cells (`万` / `元`, a long
/// label) stand on the lines above and below its values: two or three lines, only one of
/// them with numbers, joined column by column and added to `rows`; the next line to read.
fn spread_row(lines: &[Line], at: usize, h: &Header, rows: &mut Vec<RawRow>) -> Option<usize> {
    let numeric = |l: &Line| {
        l.cells
            .iter()
            .any(|c| crate::tables::cells::value(&c.text, 0.0).is_some_and(|v| v.number.is_some()))
    };
    let (row, next) = [3, 2].into_iter().find_map(|k| {
        let window = lines.get(at..at + k)?;
        if window.iter().filter(|l| numeric(l)).count() != 1 {
            return None;
        }
        match rows::read(&place::joined(window, h), at, h) {
            Read::Row(r) if !r.is_heading() => Some((r, at + k)),
            _ => None,
        }
    })?;
    rows.push(row);
    Some(next)
}

/// An opening bracket not yet closed: the label wraps onto the next line.
fn unclosed(text: &str) -> bool {
    let open = text.matches(['（', '(']).count();
    open > text.matches(['）', ')']).count()
}

/// Whether line `i` is a row with an indicator and a value: the rest of a label wrapped
/// before it.
fn next_is_row(lines: &[Line], i: usize, h: &Header) -> bool {
    i < lines.len()
        && matches!(rows::read(&unit_at(lines, i, h).0, i, h),
            Read::Row(r) if !r.is_heading() && !r.text.is_empty())
}

/// Whether the row at line `i` starts with the rest of a label (neither numbered, in its
/// text or its 序号, nor `其中`): the text line before it is that label's beginning, not a
/// heading.
fn continued(lines: &[Line], i: usize, h: &Header) -> bool {
    let Some((line, _)) = lines.get(i).map(|_| unit_at(lines, i, h)) else {
        return false;
    };
    match rows::read(&line, i, h) {
        Read::Row(r) => {
            let fresh = numbering(&r.text).is_some() || r.text.starts_with("其中");
            r.serial.is_none() && !fresh && !r.text.is_empty()
        }
        _ => false,
    }
}

/// Whether line `i` has values but no indicator (its label printed on the lines above and
/// below, the cells centred on it).
fn next_is_bare(lines: &[Line], i: usize, h: &Header) -> bool {
    i < lines.len()
        && match rows::read(&lines[i], i, h) {
            Read::Row(r) => r.text.is_empty(),
            Read::Skip => valued(&lines[i], h),
            Read::Text(_) => false,
        }
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
            Read::Text(t) if depth > 0 && heading_text(&t.nesting_text(false)) => depth -= 1,
            Read::Text(t) if label_like(&t.text) => {}
            Read::Text(_) => return false,
        }
    }
    false
}
