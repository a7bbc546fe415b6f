//! Text-only lines inside a statistics table: a heading, or part of a label wrapped over
//! lines — before its values or after them. A line with a 序号, numbering or `其中` starts
//! a heading or a label; one without continues a label: the row before it when the next
//! row's label starts afresh, else as the table's other wrapped labels show (values on a
//! label's first line, or on its last).

use std::cell::OnceCell;

use crate::statistics::body::{unit_at, valued};
use crate::statistics::header::Header;
use crate::statistics::keys;
use crate::statistics::label::{self, numbering};
use crate::statistics::place;
use crate::statistics::rows::{self, RawRow, Read};
use govreport_document::layout::Line;

/// Where a table's wrapped labels have their values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    /// On the label's first line; the rest follows (top-aligned cells).
    First,
    /// On the label's last line; its beginning stands above (bottom-aligned cells).
    Last,
}

impl Wrap {
    /// What the table's unambiguous cases show, in its first 300 lines: a line that does
    /// not start a label after a row and before a row whose label starts afresh or a line
    /// that starts something, or after a row whose label is left open (`其中：“非《规`)
    /// (values first); a line that starts a label, or is left open, before a row whose label
    /// does not start (values last). None when nothing shows it.
    pub fn of(lines: &[Line], at: usize, h: &Header) -> Option<Wrap> {
        let read: Vec<Read> = (at..lines.len().min(at + 300))
            .map(|k| rows::read(&lines[k], k, h))
            .collect();
        fn row(r: &Read) -> Option<&RawRow> {
            match r {
                Read::Row(r) if !r.text.is_empty() => Some(r),
                _ => None,
            }
        }
        let text = |r: &Read| match r {
            Read::Text(t) if !t.text.is_empty() => Some(starts(t)),
            _ => None,
        };
        let open = |r: &Read| matches!(r, Read::Text(t) if unclosed(&t.text));
        let (mut first, mut last) = (0, 0);
        for w in read.windows(3) {
            let (a, b, c) = (row(&w[0]), text(&w[1]), row(&w[2]));
            let before_start = a.is_some() && text(&w[2]) == Some(true);
            let between_fresh = a.is_some_and(fresh_label) && c.is_some_and(fresh_label);
            let after_open = a.is_some_and(|r| unclosed(&r.text));
            if b == Some(false) && (before_start || between_fresh || after_open) {
                first += 1;
            } else if (b == Some(true) || open(&w[1])) && c.is_some_and(rest_of_label) {
                last += 1;
            }
        }
        match first.cmp(&last) {
            std::cmp::Ordering::Greater => Some(Wrap::First),
            std::cmp::Ordering::Less => Some(Wrap::Last),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// A table's wrap, read from its lines the first time a line needs it.
pub struct Wraps<'a> {
    lines: &'a [Line],
    at: usize,
    h: &'a Header,
    wrap: OnceCell<Option<Wrap>>,
}

impl<'a> Wraps<'a> {
    /// For the table whose body starts at line `at`.
    pub fn new(lines: &'a [Line], at: usize, h: &'a Header) -> Self {
        Wraps {
            lines,
            at,
            h,
            wrap: OnceCell::new(),
        }
    }

    fn get(&self) -> Option<Wrap> {
        *self
            .wrap
            .get_or_init(|| Wrap::of(self.lines, self.at, self.h))
    }
}

/// Whether a text line starts something (a heading or a label): it has a 序号, numbering
/// or `其中`.
fn starts(t: &RawRow) -> bool {
    t.serial.is_some() || fresh_label(t)
}

/// Whether a row's label text starts afresh: numbered or `其中`.
fn fresh_label(r: &RawRow) -> bool {
    numbering(&r.text).is_some() || r.text.starts_with("其中")
}

/// Whether a row holds the rest of a label begun above it: no 序号, no fresh label.
fn rest_of_label(r: &RawRow) -> bool {
    r.serial.is_none() && !fresh_label(r)
}

/// What a text-only line inside the table is.
enum Action {
    /// The rest of the last row's label.
    Append,
    /// The beginning of the next row's label.
    Pending,
    /// A heading row.
    Heading,
    /// One line of a row spread over several (values on another).
    Spread,
}

/// Reads a text-only line (or group of lines) `at.0..at.1` inside the table into `rows`;
/// returns the next line to read, or None where the table ends.
pub fn step(
    rows: &mut Vec<RawRow>,
    pending: &mut String,
    lines: &[Line],
    (i, next): (usize, usize),
    t: RawRow,
    (h, wrap): (&Header, &Wraps),
) -> Option<usize> {
    match action(rows.last(), lines, next, &t, (h, wrap)) {
        Action::Append => {
            if let Some(last) = rows.last_mut() {
                last.text.push_str(&t.text);
            }
        }
        Action::Pending => *pending = t.text,
        Action::Heading => rows.push(RawRow::heading(t.text, t.serial, h.width(), i)),
        Action::Spread => {
            // A label line of plain text that could as well end the row above: with the
            // table showing no wrap, which row it belongs to is a guess.
            let doubt = lines[i].page.is_none()
                && rows.last().is_some_and(|r| !r.is_heading())
                && !starts(&t)
                && label_like(&t.text)
                && wrap.get().is_none();
            let next = spread_row(lines, i, h, rows);
            if doubt && next.is_some() {
                rows.last_mut()
                    .expect("a spread row was pushed")
                    .label_doubt = true;
            }
            return next;
        }
    }
    Some(next)
}

/// What the text line `t`, followed by line `next`, is after the row `last`.
fn action(
    last: Option<&RawRow>,
    lines: &[Line],
    next: usize,
    t: &RawRow,
    (h, wrap): (&Header, &Wraps),
) -> Action {
    if t.text.is_empty() || next_is_bare(lines, next, h) {
        return Action::Spread;
    }
    if last.is_some_and(|r| unclosed(&r.text) || r.text.is_empty()) {
        return Action::Append;
    }
    let next_row = row_at(lines, next, h);
    let (fresh_next, rest_next) = match &next_row {
        Some(r) => (fresh_label(r), rest_of_label(r)),
        None => (text_starts(lines, next, h), false),
    };
    let goes_on = || next_row.is_some() || leads_to_rows(lines, next, h, 2);
    let follows = last.is_some() && !starts(t) && label_like(&t.text);
    // After the last row, a line that completes its label into a known indicator.
    let completes = || {
        last.is_some_and(|r| {
            let joined = format!("{}{}", r.text, t.text);
            let known = |text: &str| keys::is_known(&label::parts(text).label);
            known(&joined) && !known(&r.text)
        })
    };
    if next_row.is_some() && unclosed(&t.text) {
        Action::Pending
    } else if let Some(known) = by_known(last, t, next_row.as_ref()) {
        known
    } else if follows
        && (fresh_next || (wrap.get() == Some(Wrap::First) && (goes_on() || completes())))
    {
        Action::Append
    } else if rest_next && (starts(t) || wrap.get() == Some(Wrap::Last)) {
        Action::Pending
    } else if heading_text(&t.nesting_text(false))
        && !unclosed(&t.text)
        && leads_to_rows(lines, next, h, 2)
    {
        Action::Heading
    } else {
        Action::Spread
    }
}

/// What the known indicators say of a text line: it completes the last row's label into
/// one (`其中:主` + `动公开规范性文件数`) or begins the next row's (`（1）政府公报公开` +
/// `政府信息数`) — the label alone not being one — and not both. None when they say nothing.
fn by_known(last: Option<&RawRow>, t: &RawRow, next: Option<&RawRow>) -> Option<Action> {
    let known = |text: &str| keys::is_known(&label::parts(text).label);
    let joins = |a: &str, b: &str, own: &str| known(&format!("{a}{b}")) && !known(own);
    let completes = !starts(t) && last.is_some_and(|r| joins(&r.text, &t.text, &r.text));
    let begins = next.is_some_and(|r| joins(&t.text, &r.text, &r.text));
    match (completes, begins) {
        (true, false) => Some(Action::Append),
        (false, true) => Some(Action::Pending),
        _ => None,
    }
}

/// A row whose cells are centred vertically, so that wrapped cells (`万` / `元`, a long
/// label) stand on the lines above and below its values: two or three lines, only one of
/// them with the row's cells (numbers, or with its value blank a unit, code or 序号 without
/// label text), joined column by column and added to `rows`; the next line to read.
fn spread_row(lines: &[Line], at: usize, h: &Header, rows: &mut Vec<RawRow>) -> Option<usize> {
    let numeric = |l: &Line| {
        l.cells
            .iter()
            .any(|c| crate::tables::cells::value(&c.text, 0.0).is_some_and(|v| v.number.is_some()))
    };
    let holds_cells = |k: usize| {
        numeric(&lines[k])
            || matches!(rows::read(&lines[k], k, h), Read::Row(r) if r.text.is_empty())
    };
    let (row, next) = [3, 2].into_iter().find_map(|k| {
        let window = lines.get(at..at + k)?;
        if (at..at + k).filter(|&j| holds_cells(j)).count() != 1 {
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

/// An opening bracket, title mark or quote not yet closed (`（…`, `“非《规`): the label
/// wraps onto the next line.
fn unclosed(text: &str) -> bool {
    let pairs: [(&[char], &[char]); 3] = [
        (&['（', '('], &['）', ')']),
        (&['《'], &['》']),
        (&['“'], &['”']),
    ];
    pairs
        .iter()
        .any(|(open, close)| text.matches(*open).count() > text.matches(*close).count())
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

/// Whether line `i` is a text line that starts something (a heading, a label): the line
/// before it cannot be the beginning of a label that goes on there.
fn text_starts(lines: &[Line], i: usize, h: &Header) -> bool {
    i < lines.len()
        && matches!(rows::read(&lines[i], i, h), Read::Text(t) if !t.text.is_empty() && starts(&t))
}

/// The row with an indicator and a value at line `i` (its lines joined), if there is one.
fn row_at(lines: &[Line], i: usize, h: &Header) -> Option<RawRow> {
    if i >= lines.len() {
        return None;
    }
    match rows::read(&unit_at(lines, i, h).0, i, h) {
        Read::Row(r) if !r.is_heading() && !r.text.is_empty() => Some(r),
        _ => None,
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
