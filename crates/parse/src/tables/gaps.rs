//! What a settled table lacks: rows not found (or whose place is doubtful), rows whose
//! values could not be placed, and cells neither read nor repaired.

use super::cells::{Prepared, prepared_similarity};
use super::grid::ValueRow;
use super::placement::{Placement, Settled};
use govreport_model::complete::Gap;
use govreport_model::equations::Origin;
use govreport_model::template::CellPath;

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
    row_path: &dyn Fn(usize) -> CellPath,
    cell_path: &dyn Fn(usize) -> CellPath,
    table_path: &CellPath,
) -> Vec<Gap> {
    let mut out = Vec::new();
    if settled.placement == Placement::TooMany {
        out.push(Gap::TooManyPlacements {
            path: table_path.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::grid::{align, value_rows};
    use govreport_document::layout::{Line, text_line};

    fn rows(text: &str) -> Vec<ValueRow> {
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, l)| text_line(l, i))
            .collect();
        value_rows(&lines, 2)
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
