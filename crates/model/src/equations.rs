//! Consistency rules (勾稽关系) as equations over a table's cells laid out flat: the repair
//! of a cell the rules determine, and each equation's verdict.

use crate::codes::Rule;

/// Where a cell's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Read from the page (a number, or a not-applicable mark with no number).
    Printed,
    /// Printed empty.
    Blank,
    /// Not found in the text at all (lost by the extraction); repairable.
    Lost,
    /// Derived from the rules after being lost.
    Repaired,
}

/// One cell of a table laid out flat for the rules: an operand of their equations.
#[derive(Debug, Clone, PartialEq)]
pub struct Operand {
    /// The value, if any.
    pub value: Option<f64>,
    /// Where it came from.
    pub origin: Origin,
}

impl Operand {
    /// A cell read from the page.
    pub fn printed(value: Option<f64>) -> Self {
        Operand {
            value,
            origin: Origin::Printed,
        }
    }

    /// A cell missing from the text.
    pub fn lost() -> Self {
        Operand {
            value: None,
            origin: Origin::Lost,
        }
    }

    fn unknown(&self) -> bool {
        self.origin == Origin::Lost
    }

    /// Blank and not-applicable parts count as 0 in a sum.
    fn as_part(&self) -> f64 {
        self.value.unwrap_or(0.0)
    }
}

/// `result + sum(extra) = sum(parts)` over flat cell indices, under a named rule.
#[derive(Debug, Clone)]
pub struct Equation {
    /// The rule, e.g. `applications.balance`.
    pub rule: Rule,
    /// Index of the total cell (a blank total makes the equation untestable).
    pub result: usize,
    /// Cells added to the total's side (the balance rule: （七） + 四 = 一 + 二).
    pub extra: Vec<usize>,
    /// Indices of the summed cells.
    pub parts: Vec<usize>,
    /// Which row or column the equation is about, for messages.
    pub scope: String,
}

/// Fills lost cells that some equation determines, one at a time, until none is left that
/// can be isolated. Returns the indices filled with the equation used.
pub fn repair(cells: &mut [Operand], equations: &[Equation]) -> Vec<(usize, usize)> {
    let mut filled = Vec::new();
    loop {
        let mut progress = false;
        for (e, eq) in equations.iter().enumerate() {
            let left: Vec<usize> = std::iter::once(eq.result)
                .chain(eq.extra.iter().copied())
                .collect();
            let unknown: Vec<usize> = left
                .iter()
                .chain(&eq.parts)
                .copied()
                .filter(|&i| cells[i].unknown())
                .collect();
            if unknown.len() != 1 {
                continue;
            }
            let target = unknown[0];
            let sum = |side: &[usize]| -> f64 {
                side.iter()
                    .filter(|&&i| i != target)
                    .map(|&i| cells[i].as_part())
                    .sum()
            };
            if target != eq.result && cells[eq.result].value.is_none() {
                continue;
            }
            let value = if left.contains(&target) {
                sum(&eq.parts) - sum(&left)
            } else {
                sum(&left) - sum(&eq.parts)
            };
            if value < 0.0 {
                continue;
            }
            cells[target] = Operand {
                value: Some(value),
                origin: Origin::Repaired,
            };
            filled.push((target, e));
            progress = true;
        }
        if !progress {
            return filled;
        }
    }
}

/// Outcome of one equation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Holds.
    Pass,
    /// Does not hold.
    Fail,
    /// Untestable because the report printed the total blank (or as not applicable).
    Skipped,
    /// Untestable because a cell it needs was not read (a row not found, a value not
    /// placed): not a printed blank, so it cannot count as `skipped`.
    Unverifiable,
}

/// Evaluates one equation; blank parts count as 0, a printed blank total skips it, a cell
/// that was not read makes it unverifiable.
pub fn verdict(cells: &[Operand], eq: &Equation) -> Verdict {
    let total = &cells[eq.result];
    let all = || {
        std::iter::once(&eq.result)
            .chain(&eq.extra)
            .chain(&eq.parts)
    };
    if !total.unknown() && total.value.is_none() {
        return Verdict::Skipped;
    }
    if all().any(|&i| cells[i].unknown()) {
        return Verdict::Unverifiable;
    }
    let left: f64 = std::iter::once(&eq.result)
        .chain(&eq.extra)
        .map(|&i| cells[i].as_part())
        .sum();
    let sum: f64 = eq.parts.iter().map(|&i| cells[i].as_part()).sum();
    if (sum - left).abs() < 1e-6 {
        Verdict::Pass
    } else {
        Verdict::Fail
    }
}

/// Counts the equations that fail once lost cells have been repaired.
pub fn failures_after_repair(cells: &[Operand], equations: &[Equation]) -> (usize, Vec<Operand>) {
    let mut cells = cells.to_vec();
    repair(&mut cells, equations);
    let fails = equations
        .iter()
        .filter(|eq| verdict(&cells, eq) == Verdict::Fail)
        .count();
    (fails, cells)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A row-sum equation `result = sum(parts)`, for the tests here and in `checks`.
    pub(crate) fn eq(result: usize, parts: &[usize]) -> Equation {
        Equation {
            rule: Rule::ApplicationsRowTotals,
            result,
            extra: Vec::new(),
            parts: parts.to_vec(),
            scope: "row".into(),
        }
    }

    #[test]
    fn a_single_lost_part_is_derived_from_the_total() {
        let mut cells = vec![
            Operand::lost(),
            Operand::printed(Some(2.0)),
            Operand::printed(Some(5.0)),
        ];
        let filled = repair(&mut cells, &[eq(2, &[0, 1])]);
        assert_eq!(filled, vec![(0, 0)]);
        assert_eq!(
            cells[0],
            Operand {
                value: Some(3.0),
                origin: Origin::Repaired
            }
        );
    }

    #[test]
    fn the_balance_rule_solves_either_side() {
        let mut cells = vec![
            Operand::printed(Some(21.0)),
            Operand::lost(),
            Operand::printed(Some(21.0)),
            Operand::printed(Some(0.0)),
        ];
        let balance = Equation {
            rule: Rule::ApplicationsBalance,
            result: 2,
            extra: vec![3],
            parts: vec![0, 1],
            scope: "col".into(),
        };
        repair(&mut cells, &[balance]);
        assert_eq!(cells[1].value, Some(0.0));
    }

    #[test]
    fn two_unknowns_in_one_equation_are_not_guessed() {
        let mut cells = vec![
            Operand::lost(),
            Operand::lost(),
            Operand::printed(Some(5.0)),
        ];
        assert!(repair(&mut cells, &[eq(2, &[0, 1])]).is_empty());
    }

    #[test]
    fn a_blank_total_is_skipped_and_blank_parts_count_as_zero() {
        let blank = Operand {
            value: None,
            origin: Origin::Blank,
        };
        let cells = vec![
            Operand::printed(Some(1.0)),
            blank.clone(),
            Operand::printed(Some(1.0)),
        ];
        assert_eq!(verdict(&cells, &eq(2, &[0, 1])), Verdict::Pass);
        let cells = vec![
            Operand::printed(Some(1.0)),
            Operand::printed(Some(1.0)),
            blank,
        ];
        assert_eq!(verdict(&cells, &eq(2, &[0, 1])), Verdict::Skipped);
    }
}
