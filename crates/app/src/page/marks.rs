//! Which cells of a report to mark: repaired cells, the cell a failing check names, and
//! the other cells of its equation (the rules of templates.md §6).

use std::collections::HashSet;

use serde_json::Number;

use super::Html;
use govreport_model::codes::{CheckStatus, Rule};
use govreport_model::record::{Check, Tables};
use govreport_model::template::{CellPath, Column, TableId, applications};

/// Cell paths (`tables.applications.rows.granted[0]`) to mark.
#[derive(Default)]
pub struct Marks {
    /// Cells derived from the rules (`repaired` checks).
    pub repaired: HashSet<CellPath>,
    /// Cells named by a failing check (the total the equation does not reach).
    pub failing: HashSet<CellPath>,
    /// The other cells of a failing equation.
    pub involved: HashSet<CellPath>,
}

/// 表三 rows that are not outcomes (三（一）–（六）).
const NOT_OUTCOMES: [&str; 4] = [
    "new_requests",
    "carried_over",
    "total_processed",
    "carried_forward",
];

impl Marks {
    /// The marks of a record's checks on its tables.
    pub fn of(checks: &[Check], tables: &Tables) -> Marks {
        let mut marks = Marks::default();
        for c in checks {
            let Some(path) = &c.path else {
                continue;
            };
            match c.status {
                CheckStatus::Repaired => {
                    marks.repaired.insert(path.clone());
                }
                CheckStatus::Fail => {
                    marks.involved.extend(equation(c.rule, path, tables));
                    marks.failing.insert(path.clone());
                }
                _ => {}
            }
        }
        marks
    }

    /// Writes one cell, its class naming its mark.
    pub fn cell(
        &self,
        h: &mut Html,
        path: &CellPath,
        value: Option<&Number>,
        printed: Option<&str>,
    ) {
        h.raw(if self.failing.contains(path) {
            "<td class=bad>"
        } else if self.repaired.contains(path) {
            "<td class=rep>"
        } else if self.involved.contains(path) {
            "<td class=eq>"
        } else {
            "<td>"
        });
        match (value, printed) {
            (Some(n), _) => h.show(n),
            (None, Some(p)) => h.text(p),
            (None, None) => h.raw(""),
        };
    }
}

/// Every cell of the equation a failing check names by `path` (none for rules whose
/// equation the path alone does not give, such as the statistics' breakdowns).
fn equation(rule: Rule, path: &CellPath, tables: &Tables) -> Vec<CellPath> {
    let cell = |row: &str, i: usize| CellPath::cell(TableId::Applications, row, Column::Index(i));
    match rule {
        Rule::ApplicationsBalance | Rule::ApplicationsOutcomeSum => {
            let Some(column) = path.index() else {
                return Vec::new();
            };
            let rows: Vec<&str> = if rule == Rule::ApplicationsBalance {
                NOT_OUTCOMES.to_vec()
            } else {
                let all = tables.applications.iter().flat_map(|t| &t.rows);
                all.map(|r| r.key.as_str())
                    .filter(|k| !NOT_OUTCOMES[..2].contains(k) && *k != "carried_forward")
                    .collect()
            };
            rows.iter().map(|r| cell(r, column)).collect()
        }
        Rule::ApplicationsRowTotals => match (path.table(), path.row_key()) {
            (Some(TableId::Applications), Some(row)) => (0..applications::COLUMNS.len())
                .map(|i| cell(row, i))
                .collect(),
            _ => Vec::new(),
        },
        Rule::ReviewLitigationTotals => match path.split() {
            Some((group, Column::Name(total))) if total == "total" => {
                ["upheld", "corrected", "other", "pending"]
                    .iter()
                    .map(|c| group.join(Column::Name(c.to_string())))
                    .collect()
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_failing_equation_marks_its_total_and_its_terms() {
        let tables = json!({"active_disclosure": null, "review_litigation": null,
            "applications": {"rows": {
            "new_requests": [1], "carried_over": [0], "granted": [1], "other_other": [0],
            "total_processed": [2], "carried_forward": [0]}}});
        let checks = json!([
            {"rule": "applications.outcome_sum", "status": "fail", "message": "",
             "path": "tables.applications.rows.total_processed[0]"},
            {"rule": "review_litigation.totals", "status": "fail", "message": "",
             "path": "tables.review_litigation.litigation_direct.total"}]);
        let tables: Tables = serde_json::from_value(tables).unwrap();
        let checks: Vec<Check> = serde_json::from_value(checks).unwrap();
        let marks = Marks::of(&checks, &tables);
        let total = CellPath::parse("tables.applications.rows.total_processed[0]");
        assert!(marks.failing.contains(&total));
        let mut involved: Vec<String> = marks.involved.iter().map(|p| p.to_string()).collect();
        involved.sort();
        assert_eq!(
            involved,
            [
                "tables.applications.rows.granted[0]",
                "tables.applications.rows.other_other[0]",
                "tables.applications.rows.total_processed[0]",
                "tables.review_litigation.litigation_direct.corrected",
                "tables.review_litigation.litigation_direct.other",
                "tables.review_litigation.litigation_direct.pending",
                "tables.review_litigation.litigation_direct.upheld",
            ]
        );
    }
}
