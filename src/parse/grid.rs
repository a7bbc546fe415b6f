//! Shared table machinery: value rows with their labels, alignment onto a template's row
//! order, column assignment by position, and placement of lost cells by the rules.

use crate::checks::{self, Cell, Equation, Origin, failures_after_repair};
use crate::complete::Gap;
use crate::layout::Line;
use crate::parse::cells::{Prepared, SplitLine, Value, prepared_similarity, split};
use crate::record::Notice;

/// A line of a table that carries values, with the label text that leads up to it.
#[derive(Debug, Clone)]
pub struct ValueRow {
    /// Own label plus the label-only lines above it since the previous value row.
    pub label: String,
    /// The values, left to right.
    pub values: Vec<Value>,
    /// Page of the line (None for text input).
    pub page: Option<u32>,
    /// Index of the line among the lines the row was read from.
    pub line: usize,
}

/// Collects the rows of a table region that carry at least `min` values.
pub fn value_rows(lines: &[Line], min: usize) -> Vec<ValueRow> {
    let mut rows = Vec::new();
    let mut pending = String::new();
    for (i, line) in lines.iter().enumerate() {
        let SplitLine { label, values } = split(line);
        if values.len() >= min {
            rows.push(ValueRow {
                label: format!("{pending}{label}"),
                values,
                page: line.page,
                line: i,
            });
            pending.clear();
        } else {
            pending.push_str(&line.text());
        }
    }
    rows
}

/// Aligns observed rows onto template rows (each given by its label phrases), keeping
/// order: returns for each template row the index of the observed row matched to it.
pub fn align(rows: &[ValueRow], template: &[&[&str]]) -> Vec<Option<usize>> {
    let (n, m) = (rows.len(), template.len());
    let labels: Vec<Prepared> = rows.iter().map(|r| Prepared::label(&r.label)).collect();
    let phrases: Vec<Vec<Prepared>> = template
        .iter()
        .map(|t| t.iter().map(|p| Prepared::phrase(p)).collect())
        .collect();
    let mut score = vec![vec![f32::MIN; m + 1]; n + 1];
    let mut back = vec![vec![0u8; m + 1]; n + 1];
    score[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = score[i][j];
            if here == f32::MIN {
                continue;
            }
            let mut relax = |a: usize, b: usize, s: f32, step: u8| {
                if s > score[a][b] {
                    score[a][b] = s;
                    back[a][b] = step;
                }
            };
            if i < n && j < m {
                relax(
                    i + 1,
                    j + 1,
                    here + 1.0 + prepared_similarity(&labels[i], &phrases[j]),
                    1,
                );
            }
            if i < n {
                relax(i + 1, j, here - 1.0, 2);
            }
            if j < m {
                relax(i, j + 1, here - 0.6, 3);
            }
        }
    }
    let mut matched = vec![None; m];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match back[i][j] {
            1 => {
                matched[j - 1] = Some(i - 1);
                i -= 1;
                j -= 1;
            }
            2 => i -= 1,
            _ => j -= 1,
        }
    }
    matched
}

/// The values of a row placed into `width` columns. `None` marks a column the row has
/// no value for; `unplaced` is set when positions could not tell which columns those are.
#[derive(Debug, Clone)]
pub struct Placed {
    /// One slot per column.
    pub slots: Vec<Option<Value>>,
    /// The row had fewer values than columns and nothing showed where the gaps are.
    pub unplaced: bool,
}

/// Column centres from the rows that have exactly `width` values (median per column).
pub fn column_centres(rows: &[&ValueRow], width: usize) -> Option<Vec<f32>> {
    let full: Vec<&&ValueRow> = rows
        .iter()
        .filter(|r| r.values.len() == width && r.page.is_some())
        .collect();
    if full.is_empty() {
        return None;
    }
    let centres = (0..width)
        .map(|c| {
            let mut xs: Vec<f32> = full.iter().map(|r| r.values[c].x).collect();
            xs.sort_by(f32::total_cmp);
            xs[xs.len() / 2]
        })
        .collect();
    Some(centres)
}

/// Column centres read from the table's header just above line `at` (PDF lines only): the
/// nearest of the `look` lines above that holds no values and at least `width` cells,
/// whose last `width` cells are the column headings.
pub fn header_centres(lines: &[Line], at: usize, width: usize, look: usize) -> Option<Vec<f32>> {
    lines[at.saturating_sub(look)..at]
        .iter()
        .rev()
        .filter(|l| l.page.is_some() && l.cells.len() >= width)
        .find(|l| split(l).values.is_empty())
        .map(|l| {
            l.cells[l.cells.len() - width..]
                .iter()
                .map(|c| (c.x0 + c.x1) / 2.0)
                .collect()
        })
}

/// Places a row's values into `width` columns: in order when complete, by nearest column
/// centre when positions are known, else marked unplaced (left-aligned for now).
pub fn place(row: &ValueRow, width: usize, centres: Option<&[f32]>) -> Placed {
    let mut slots: Vec<Option<Value>> = vec![None; width];
    if row.values.len() == width {
        for (slot, v) in slots.iter_mut().zip(&row.values) {
            *slot = Some(v.clone());
        }
        return Placed {
            slots,
            unplaced: false,
        };
    }
    if let (Some(centres), Some(_)) = (centres, row.page) {
        let mut ok = true;
        for v in &row.values {
            let nearest = (0..width).min_by(|&a, &b| {
                (centres[a] - v.x)
                    .abs()
                    .total_cmp(&(centres[b] - v.x).abs())
            });
            match nearest {
                Some(c) if slots[c].is_none() => slots[c] = Some(v.clone()),
                _ => ok = false,
            }
        }
        if ok {
            return Placed {
                slots,
                unplaced: false,
            };
        }
        slots = vec![None; width];
    }
    for (slot, v) in slots.iter_mut().zip(&row.values) {
        *slot = Some(v.clone());
    }
    Placed {
        slots,
        unplaced: row.values.len() < width,
    }
}

/// Flat cells of placed rows: a value is `Printed`, a known gap `Blank`, an unplaced gap `Lost`.
pub fn cells_of(placed: &[Option<Placed>], width: usize) -> Vec<Cell> {
    let mut cells = Vec::with_capacity(placed.len() * width);
    for row in placed {
        match row {
            None => cells.extend(std::iter::repeat_n(Cell::lost(), width)),
            Some(p) => cells.extend(p.slots.iter().map(|s| match s {
                Some(v) => Cell::printed(v.number.as_ref().and_then(|n| n.as_f64())),
                None if p.unplaced => Cell::lost(),
                None => Cell {
                    value: None,
                    origin: Origin::Blank,
                },
            })),
        }
    }
    cells
}

/// How the values of rows with gaps were placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Positions or the rules determined every gap (or there were none).
    Determined,
    /// No placement makes every rule hold, or two that do disagree on a value.
    Undetermined,
    /// More candidate placements than the search tries ([`MAX_PLACEMENTS`]).
    TooMany,
}

/// The most placements of lost cells [`place_by_rules`] tries.
pub const MAX_PLACEMENTS: usize = 4096;

/// For rows whose gaps could not be placed by position, tries every placement of their
/// values (up to [`MAX_PLACEMENTS`]) and keeps the first (gaps leftmost) under which the
/// rules hold. Undetermined when no placement makes every rule hold or two such
/// placements disagree on a value (placements that differ only in where an equal value
/// sits agree); the count of placements saturates, so a huge search is never mistaken
/// for a small one.
pub fn place_by_rules(
    placed: &mut [Option<Placed>],
    width: usize,
    equations: &[Equation],
) -> Placement {
    let open = open_rows(placed);
    if open.is_empty() {
        return Placement::Determined;
    }
    let options: Vec<Vec<Vec<Option<Value>>>> = open
        .iter()
        .map(|&r| {
            arrangements(
                &placed[r].as_ref().expect("open rows are placed").slots,
                width,
            )
        })
        .collect();
    let total = options
        .iter()
        .fold(1usize, |n, o| n.saturating_mul(o.len()));
    if total == 0 {
        return Placement::Undetermined;
    }
    if total > MAX_PLACEMENTS {
        return Placement::TooMany;
    }
    let mut winner: Option<(Vec<usize>, Vec<Option<f64>>)> = None;
    let mut agree = true;
    for k in 0..total {
        let choice: Vec<usize> = mixed_radix(k, &options);
        for (o, &r) in open.iter().enumerate() {
            placed[r].as_mut().expect("open rows are placed").slots = options[o][choice[o]].clone();
        }
        let (fails, cells) = failures_after_repair(&cells_of(placed, width), equations);
        if fails == 0 {
            let values: Vec<Option<f64>> = cells.iter().map(|c| c.value).collect();
            match &winner {
                None => winner = Some((choice, values)),
                Some((_, best)) if *best != values => agree = false,
                Some(_) => {}
            }
        }
    }
    let Some((choice, _)) = winner.filter(|_| agree) else {
        return Placement::Undetermined;
    };
    for (o, &r) in open.iter().enumerate() {
        placed[r].as_mut().expect("open rows are placed").slots = options[o][choice[o]].clone();
    }
    Placement::Determined
}

/// Rows placed with gaps that positions could not locate.
fn open_rows(placed: &[Option<Placed>]) -> Vec<usize> {
    (0..placed.len())
        .filter(|&r| placed[r].as_ref().is_some_and(|p| p.unplaced))
        .collect()
}

/// A table's cells after placement and repair.
pub struct Settled {
    /// The flat cells, row by row.
    pub cells: Vec<Cell>,
    /// The cells the rules filled, with the equation used.
    pub repaired: Vec<(usize, usize)>,
    /// How the rows with gaps were placed.
    pub placement: Placement,
    /// Rows whose values may sit in the wrong columns (placement not determined).
    pub uncertain: Vec<usize>,
}

/// Places unplaced rows by the rules (warning when they cannot tell), lays the table out
/// flat and fills the cells the rules determine.
pub fn settle(
    placed: &mut [Option<Placed>],
    width: usize,
    equations: &[Equation],
    table: &str,
    warnings: &mut Vec<Notice>,
) -> Settled {
    let placement = place_by_rules(placed, width, equations);
    let uncertain = match placement {
        Placement::Determined => Vec::new(),
        _ => open_rows(placed),
    };
    if placement != Placement::Determined {
        let message = format!(
            "{table}: a row has fewer values than columns and the rules do not tell which cell is missing; values were read left to right"
        );
        warnings.push(Notice::new("cell_position_uncertain", message));
    }
    let mut cells = cells_of(placed, width);
    let repaired = checks::repair(&mut cells, equations);
    Settled {
        cells,
        repaired,
        placement,
        uncertain,
    }
}

/// Whether each template row was found by [`align`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// An observed row was aligned to it.
    Yes,
    /// Not found.
    No,
    /// Not found, and the label of an observed row aligned next to it also fits it, so
    /// the alignment may have put that row in its place.
    Doubtful,
}

/// For each template row, whether it was found. A row not found is doubtful unless the
/// nearest found rows above and below are pinned: each carries a phrase of its own
/// template row and does not also fit the missing one (similarity < 0.5). Only then do
/// the rows around the gap show that this row, and not a neighbour, is the one missing.
pub fn found(rows: &[ValueRow], matched: &[Option<usize>], template: &[&[&str]]) -> Vec<Found> {
    let prepared: Vec<Vec<Prepared>> = template
        .iter()
        .map(|t| t.iter().map(|p| Prepared::phrase(p)).collect())
        .collect();
    let pinned = |k: Option<usize>, missing: usize| {
        let Some(k) = k else { return true };
        let label = Prepared::label(&rows[matched[k].expect("a found row")].label);
        prepared_similarity(&label, &prepared[k]) >= 1.0
            && prepared_similarity(&label, &prepared[missing]) < 0.5
    };
    (0..matched.len())
        .map(|j| {
            if matched[j].is_some() {
                return Found::Yes;
            }
            let above = (0..j).rev().find(|&k| matched[k].is_some());
            let below = (j + 1..matched.len()).find(|&k| matched[k].is_some());
            if pinned(above, j) && pinned(below, j) {
                Found::No
            } else {
                Found::Doubtful
            }
        })
        .collect()
}

/// What the settled table lacks: rows not found (unless the rules rebuilt every cell and
/// the row is not doubtful), rows whose values could not be placed, and cells neither
/// read nor repaired.
pub fn gaps(
    settled: &Settled,
    found: &[Found],
    width: usize,
    row_path: &dyn Fn(usize) -> String,
    cell_path: &dyn Fn(usize) -> String,
    table_path: &str,
) -> Vec<Gap> {
    let mut out = Vec::new();
    if settled.placement == Placement::TooMany {
        out.push(Gap::TooManyPlacements {
            path: table_path.into(),
        });
    }
    for (r, &was_found) in found.iter().enumerate() {
        let row = &settled.cells[r * width..(r + 1) * width];
        let rebuilt = row.iter().all(|c| c.origin == Origin::Repaired);
        if was_found != Found::Yes && !rebuilt {
            out.push(Gap::Row { path: row_path(r) });
        } else if was_found == Found::Doubtful {
            out.push(Gap::Ambiguous { path: row_path(r) });
        } else if settled.uncertain.contains(&r) {
            out.push(Gap::Uncertain { path: row_path(r) });
        } else {
            out.extend(
                (0..width)
                    .filter(|&c| row[c].origin == Origin::Lost)
                    .map(|c| Gap::Cell {
                        path: cell_path(r * width + c),
                    }),
            );
        }
    }
    out
}

fn mixed_radix(mut k: usize, options: &[Vec<Vec<Option<Value>>>]) -> Vec<usize> {
    options
        .iter()
        .map(|o| {
            let d = k % o.len();
            k /= o.len();
            d
        })
        .collect()
}

/// Every way to spread a row's values, in order, over `width` slots.
fn arrangements(slots: &[Option<Value>], width: usize) -> Vec<Vec<Option<Value>>> {
    let values: Vec<Value> = slots.iter().flatten().cloned().collect();
    let mut out = Vec::new();
    let mut current = Vec::with_capacity(width);
    spread(&values, width, &mut current, &mut out);
    out
}

fn spread(
    values: &[Value],
    width: usize,
    current: &mut Vec<Option<Value>>,
    out: &mut Vec<Vec<Option<Value>>>,
) {
    if out.len() > 512 {
        return;
    }
    if current.len() == width {
        if values.is_empty() {
            out.push(current.clone());
        }
        return;
    }
    let left = width - current.len();
    if values.len() < left {
        current.push(None);
        spread(values, width, current, out);
        current.pop();
    }
    if let Some((first, rest)) = values.split_first() {
        current.push(Some(first.clone()));
        spread(rest, width, current, out);
        current.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::text_line;

    fn rows(text: &str) -> Vec<ValueRow> {
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, l)| text_line(l, i))
            .collect();
        value_rows(&lines, 2)
    }

    #[test]
    fn wrapped_labels_lead_into_the_next_value_row() {
        let r = rows("（二）部分公开（区分处理的，\n只计这一情形）\t4\t4\n1.属于国家秘密\t1\t1");
        assert_eq!(r.len(), 2);
        assert!(r[0].label.contains("部分公开"));
    }

    #[test]
    fn alignment_skips_a_row_that_is_not_printed() {
        let r = rows("予以公开\t1\t1\n重复申请\t2\t2");
        let t: [&[&str]; 3] = [&["予以公开"], &["部分公开"], &["重复申请"]];
        assert_eq!(align(&r, &t), vec![Some(0), None, Some(1)]);
    }

    #[test]
    fn alignment_follows_order_when_labels_are_noise() {
        let r = rows("xx\t1\t1\nyy\t2\t2");
        let t: [&[&str]; 2] = [&["予以公开"], &["部分公开"]];
        assert_eq!(align(&r, &t), vec![Some(0), Some(1)]);
    }

    #[test]
    fn arrangements_cover_every_gap_position() {
        let v = |n: i64| {
            Some(Value {
                number: Some(n.into()),
                printed: None,
                x: 0.0,
            })
        };
        let options = arrangements(&[v(1), v(2)], 3);
        assert_eq!(options.len(), 3);
    }

    fn v(n: i64) -> Option<Value> {
        Some(Value {
            number: Some(n.into()),
            printed: None,
            x: 0.0,
        })
    }

    #[test]
    fn a_placement_count_past_usize_saturates_to_too_many() {
        let row = Placed {
            slots: vec![v(1), v(2), v(3), None, None, None, None],
            unplaced: true,
        };
        let mut placed: Vec<Option<Placed>> = (0..40).map(|_| Some(row.clone())).collect();
        assert_eq!(place_by_rules(&mut placed, 7, &[]), Placement::TooMany);
    }

    #[test]
    fn a_missing_row_between_pinned_rows_is_not_doubtful() {
        let r = rows("予以公开\t1\t1\n重复申请\t2\t2");
        let t: [&[&str]; 3] = [&["予以公开"], &["部分公开"], &["重复申请"]];
        let matched = align(&r, &t);
        assert_eq!(found(&r, &matched, &t)[1], Found::No);
    }

    #[test]
    fn a_missing_row_next_to_a_loosely_matched_one_is_doubtful() {
        let r = rows("予以公开\t1\t1\n某重复\t2\t2");
        let t: [&[&str]; 3] = [&["予以公开"], &["部分公开"], &["重复申请"]];
        let matched = align(&r, &t);
        assert_eq!(matched[1], None);
        assert_eq!(found(&r, &matched, &t)[1], Found::Doubtful);
    }
}
