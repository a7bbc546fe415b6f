//! The `checks` entries of a table: its equations' verdicts (see [`crate::equations`]) as
//! one summary per rule, each failed equation and each repaired cell.

use crate::codes::{CheckStatus, Rule};
use crate::equations::{Equation, Operand, Verdict, verdict};
use crate::record::{Check, number};
use crate::template::CellPath;

/// Formats a value as printed (integers without a decimal point).
pub fn show(value: Option<f64>) -> String {
    match value {
        Some(v) => number(&format!("{v}")).map_or_else(|| v.to_string(), |n| n.to_string()),
        None => "blank".into(),
    }
}

/// Turns equations into `checks` entries: one summary per rule, then one entry per
/// failed equation and per repaired cell. `path` names a flat cell index.
pub fn entries(
    cells: &[Operand],
    equations: &[Equation],
    repaired: &[(usize, usize)],
    path: &dyn Fn(usize) -> CellPath,
) -> Vec<Check> {
    let fixed = |rule: Rule| {
        repaired
            .iter()
            .filter(|(_, e)| equations[*e].rule == rule)
            .count()
    };
    let mut out = verdicts(cells, equations, &fixed, path);
    for &(cell, e) in repaired {
        let eq = &equations[e];
        let message = format!(
            "{} was not in the text; {} ({}) gives {}",
            path(cell),
            eq.rule,
            eq.scope,
            show(cells[cell].value)
        );
        out.push(Check {
            rule: eq.rule,
            status: CheckStatus::Repaired,
            message,
            path: Some(path(cell)),
        });
    }
    out
}

/// The verdicts of equations as `checks` entries: per rule a summary (`fixed(rule)`: how
/// many cells the rule repaired) followed by one entry per failed equation.
pub fn verdicts(
    cells: &[Operand],
    equations: &[Equation],
    fixed: &dyn Fn(Rule) -> usize,
    path: &dyn Fn(usize) -> CellPath,
) -> Vec<Check> {
    let mut out = Vec::new();
    let mut rules: Vec<Rule> = equations.iter().map(|e| e.rule).collect();
    rules.dedup();
    for rule in rules {
        let eqs: Vec<&Equation> = equations.iter().filter(|e| e.rule == rule).collect();
        let verdicts: Vec<Verdict> = eqs.iter().map(|e| verdict(cells, e)).collect();
        out.push(summary(rule, &verdicts, fixed(rule)));
        for (eq, v) in eqs.iter().zip(&verdicts) {
            if *v == Verdict::Fail {
                out.push(failure(cells, eq, path));
            }
        }
    }
    out
}

/// A rule's status from its equations' verdicts and the cells it repaired: `fail` when one
/// fails or cannot be verified, else `repaired`, `pass`, or `skipped` when none could be tested.
pub fn rule_status(verdicts: &[Verdict], fixed: usize) -> CheckStatus {
    let count = |v: Verdict| verdicts.iter().filter(|&&x| x == v).count();
    if count(Verdict::Fail) + count(Verdict::Unverifiable) > 0 {
        CheckStatus::Fail
    } else if fixed > 0 {
        CheckStatus::Repaired
    } else if count(Verdict::Pass) > 0 {
        CheckStatus::Pass
    } else {
        CheckStatus::Skipped
    }
}

/// A rule's summary entry from its equations' verdicts and the cells it repaired.
fn summary(rule: Rule, verdicts: &[Verdict], fixed: usize) -> Check {
    let count = |v: Verdict| verdicts.iter().filter(|&&x| x == v).count();
    let status = rule_status(verdicts, fixed);
    let unread = match count(Verdict::Unverifiable) {
        0 => String::new(),
        n => format!(", {n} unverifiable (a cell they need was not read)"),
    };
    let message = format!(
        "{} of {} equations hold, {} fail{unread}, {} skipped (blank total)",
        count(Verdict::Pass),
        verdicts.len(),
        count(Verdict::Fail),
        count(Verdict::Skipped)
    );
    Check {
        rule,
        status,
        message,
        path: None,
    }
}

fn failure(cells: &[Operand], eq: &Equation, path: &dyn Fn(usize) -> CellPath) -> Check {
    let join = |side: &[usize]| {
        side.iter()
            .map(|&i| show(cells[i].value))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let left: Vec<usize> = std::iter::once(eq.result)
        .chain(eq.extra.iter().copied())
        .collect();
    let message = format!(
        "{}: {} ≠ {}; the values are kept as printed",
        eq.scope,
        join(&left),
        join(&eq.parts)
    );
    Check {
        rule: eq.rule,
        status: CheckStatus::Fail,
        message,
        path: Some(path(eq.result)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::equations::tests::eq;

    #[test]
    fn a_wrong_printed_total_fails_and_is_kept() {
        let cells = vec![
            Operand::printed(Some(10.0)),
            Operand::printed(Some(1.0)),
            Operand::printed(Some(0.0)),
        ];
        let checks = entries(&cells, &[eq(2, &[0, 1])], &[], &|i| {
            CellPath::parse(&format!("c[{i}]"))
        });
        assert_eq!(checks[0].status, CheckStatus::Fail);
        assert_eq!(checks[1].path, Some(CellPath::Other("c[2]".into())));
        assert!(
            checks[1].message.contains("0 ≠ 10 + 1"),
            "{}",
            checks[1].message
        );
    }
}
