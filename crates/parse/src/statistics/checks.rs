//! `statistics.parts_sum` (numbered parts add up to their row) and `statistics.subset`
//! (`其中` parts, alone and together, are not larger than their row), per value column.

use govreport_model::checks::{rule_status, show};
use govreport_model::codes::{CheckStatus, Rule};
use govreport_model::equations::Verdict;
use govreport_model::record::Check;
use govreport_model::template::CellPath;

/// Rule: a row's numbered parts not introduced by `其中` add up to it.
pub const PARTS_SUM: Rule = Rule::StatisticsPartsSum;
/// Rule: each `其中` part, and their sum, is not larger than its row.
pub const SUBSET: Rule = Rule::StatisticsSubset;

/// One row as the checks see it: its values, its parent and how it hangs.
#[derive(Debug, Clone)]
pub struct Item {
    /// The row's label, for messages.
    pub label: String,
    /// One per column; None for a blank or not-applicable cell.
    pub values: Vec<Option<f64>>,
    /// Index (in the same list) of the row it breaks down.
    pub parent: Option<usize>,
    /// A `其中` part.
    pub of_which: bool,
    /// A numbered part (`1.`, `（一）`…).
    pub numbered: bool,
}

/// The checks over a table's rows: one summary per rule that has equations, then one
/// entry per failed equation with the parent cell's path. Value columns marked in
/// `changes` (`增减`, `同比`: changes, not counts) are not checked.
pub fn run(items: &[Item], changes: &[bool]) -> Vec<Check> {
    let mut out = Vec::new();
    for rule in [PARTS_SUM, SUBSET] {
        let mut verdicts = Vec::new();
        let mut failures = Vec::new();
        for (p, parent) in items.iter().enumerate() {
            let parts: Vec<&Item> = items
                .iter()
                .filter(|i| i.parent == Some(p))
                .filter(|i| match rule {
                    PARTS_SUM => i.numbered && !i.of_which,
                    _ => i.of_which,
                })
                .collect();
            if parts.is_empty() {
                continue;
            }
            for c in (0..parent.values.len()).filter(|c| !changes.get(*c).copied().unwrap_or(false))
            {
                let total = parent.values[c];
                let values: Vec<Option<f64>> = parts
                    .iter()
                    .map(|i| i.values.get(c).copied().flatten())
                    .collect();
                for (v, message) in equations(rule, total, &values, parent, &parts) {
                    if v == Verdict::Fail {
                        failures.push(Check {
                            rule,
                            status: CheckStatus::Fail,
                            message,
                            path: Some(CellPath::StatisticsCell(p, c)),
                        });
                    }
                    verdicts.push(v);
                }
            }
        }
        if verdicts.is_empty() {
            continue;
        }
        out.push(summary(rule, &verdicts));
        out.extend(failures);
    }
    out
}

/// The equations of one parent cell: parts_sum gives one; subset one per part and one
/// for their sum. Each with its verdict and a message quoting the values.
fn equations(
    rule: Rule,
    total: Option<f64>,
    values: &[Option<f64>],
    parent: &Item,
    parts: &[&Item],
) -> Vec<(Verdict, String)> {
    let sum: Option<f64> = values.iter().copied().sum();
    let shown = values
        .iter()
        .map(|v| show(*v))
        .collect::<Vec<_>>()
        .join(" + ");
    let verdict = |ok: Option<bool>| match ok {
        None => Verdict::Skipped,
        Some(true) => Verdict::Pass,
        Some(false) => Verdict::Fail,
    };
    let close = |a: f64, b: f64| (a - b).abs() < 1e-6;
    if rule == PARTS_SUM {
        let ok = total.zip(sum).map(|(t, s)| close(t, s));
        let message = format!(
            "{} = {} ≠ {shown}; the values are kept as printed",
            parent.label,
            show(total)
        );
        return vec![(verdict(ok), message)];
    }
    let mut out: Vec<(Verdict, String)> = parts
        .iter()
        .zip(values)
        .map(|(part, v)| {
            let ok = total.zip(*v).map(|(t, v)| v <= t + 1e-6);
            let message = format!(
                "{} {} > {} {}; the values are kept as printed",
                part.label,
                show(*v),
                parent.label,
                show(total)
            );
            (verdict(ok), message)
        })
        .collect();
    if parts.len() > 1 {
        let ok = total.zip(sum).map(|(t, s)| s <= t + 1e-6);
        let message = format!(
            "其中 parts {shown} exceed {} {}; the values are kept as printed",
            parent.label,
            show(total)
        );
        out.push((verdict(ok), message));
    }
    out
}

fn summary(rule: Rule, verdicts: &[Verdict]) -> Check {
    let count = |v: Verdict| verdicts.iter().filter(|&&x| x == v).count();
    let status = rule_status(verdicts, 0);
    Check {
        rule,
        status,
        message: format!(
            "{} of {} equations hold, {} fail, {} skipped (blank total or part)",
            count(Verdict::Pass),
            verdicts.len(),
            count(Verdict::Fail),
            count(Verdict::Skipped)
        ),
        path: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(values: &[Option<f64>], parent: Option<usize>, of_which: bool) -> Item {
        Item {
            label: "x".into(),
            values: values.to_vec(),
            parent,
            of_which,
            numbered: !of_which && parent.is_some(),
        }
    }

    #[test]
    fn parts_sum_passes_fails_and_skips_on_a_blank() {
        let ok = [
            item(&[Some(5.0)], None, false),
            item(&[Some(2.0)], Some(0), false),
            item(&[Some(3.0)], Some(0), false),
        ];
        let c = run(&ok, &[]);
        assert_eq!(
            (c.len(), c[0].rule.as_str(), c[0].status.as_str()),
            (1, PARTS_SUM.as_str(), "pass")
        );
        let mut bad = ok.clone();
        bad[0].values[0] = Some(6.0);
        let c = run(&bad, &[]);
        assert_eq!(c[0].status, CheckStatus::Fail);
        assert_eq!(
            c[1].path,
            Some("tables.statistics.rows[0].values[0]".into())
        );
        let mut blank = ok.clone();
        blank[2].values[0] = None;
        assert_eq!(run(&blank, &[])[0].status, CheckStatus::Skipped);
    }

    #[test]
    fn subset_bounds_each_part_and_their_sum() {
        let rows = [
            item(&[Some(5.0), Some(9.0)], None, false),
            item(&[Some(2.0), Some(9.0)], Some(0), true),
            item(&[Some(3.0), Some(1.0)], Some(0), true),
        ];
        let c = run(&rows, &[]);
        assert_eq!(
            (c[0].rule.as_str(), c[0].status.as_str()),
            (SUBSET.as_str(), "fail")
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c[1..].iter().all(|f| {
            f.path
                .as_ref()
                .is_some_and(|p| *p == "tables.statistics.rows[0].values[1]")
        }));
    }

    #[test]
    fn change_columns_are_not_checked() {
        // 本年 | 上年 | 增减: the parts' changes need not add up to the total's.
        let rows = [
            item(&[Some(5.0), Some(4.0), Some(1.0)], None, false),
            item(&[Some(2.0), Some(3.0), Some(-1.0)], Some(0), false),
            item(&[Some(3.0), Some(1.0), Some(5.0)], Some(0), false),
        ];
        let c = run(&rows, &[false, false, true]);
        assert_eq!((c.len(), c[0].status.as_str()), (1, "pass"), "{c:?}");
    }
}
