//! Placement by the rules: when positions cannot tell where a row's missing cells are,
//! every placement of its values is tried and the one under which the equations hold is
//! kept; then the cells the equations determine are repaired.

use super::cells::Value;
use super::grid::{Placed, cells_of};
use govreport_model::codes::WarningCode;
use govreport_model::equations::{Equation, Operand, failures_after_repair};
use govreport_model::record::Warning;
use govreport_model::template::TableId;

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
    pub cells: Vec<Operand>,
    /// The cells the rules filled, with the equation used.
    pub repaired: Vec<(usize, usize)>,
    /// How the rows with gaps were placed.
    pub placement: Placement,
    /// Rows whose values may sit in the wrong columns (placement not determined).
    pub uncertain: Vec<usize>,
}

/// Places unplaced rows by the rules (warning when they cannot tell), lays the table out
/// flat and fills the cells the rules determine.
pub fn place_and_repair(
    placed: &mut [Option<Placed>],
    width: usize,
    equations: &[Equation],
    table: TableId,
    warnings: &mut Vec<Warning>,
) -> Settled {
    let placement = place_by_rules(placed, width, equations);
    let uncertain = match placement {
        Placement::Determined => Vec::new(),
        _ => open_rows(placed),
    };
    if placement != Placement::Determined {
        let message = format!(
            "{}: a row has fewer values than columns and the rules do not tell which cell is missing; values were read left to right",
            table.printed()
        );
        warnings.push(Warning::new(WarningCode::CellPositionUncertain, message));
    }
    let mut cells = cells_of(placed, width);
    let repaired = govreport_model::equations::repair(&mut cells, equations);
    Settled {
        cells,
        repaired,
        placement,
        uncertain,
    }
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

    #[test]
    fn arrangements_cover_every_gap_position() {
        let v = |n: i64| {
            Some(Value {
                number: Some(n.into()),
                printed: None,
                x: 0.0,
                bbox: None,
                page: None,
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
            bbox: None,
            page: None,
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
}
