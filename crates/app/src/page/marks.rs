//! Which cells of a report to mark: repaired cells, the cell a failing check names, and
//! the other cells of its equation (the rules of templates.md §6).

use std::collections::HashSet;

use serde_json::Value;

use super::Html;

/// Cell paths (`tables.applications.rows.granted[0]`) to mark.
#[derive(Default)]
pub struct Marks {
    /// Cells derived from the rules (`repaired` checks).
    pub repaired: HashSet<String>,
    /// Cells named by a failing check (the total the equation does not reach).
    pub failing: HashSet<String>,
    /// The other cells of a failing equation.
    pub involved: HashSet<String>,
}

/// 表三 rows that are not outcomes (三（一）–（六）).
const NOT_OUTCOMES: [&str; 4] = [
    "new_requests",
    "carried_over",
    "total_processed",
    "carried_forward",
];

impl Marks {
    /// The marks of a record's `checks` and `tables` (its JSON form).
    pub fn of(checks: &Value, tables: &Value) -> Marks {
        let mut marks = Marks::default();
        for c in checks.as_array().into_iter().flatten() {
            let Some(path) = c["path"].as_str() else {
                continue;
            };
            match c["status"].as_str() {
                Some("repaired") => {
                    marks.repaired.insert(path.to_string());
                }
                Some("fail") => {
                    let rule = c["rule"].as_str().unwrap_or_default();
                    marks.involved.extend(equation(rule, path, tables));
                    marks.failing.insert(path.to_string());
                }
                _ => {}
            }
        }
        marks
    }

    /// Writes one cell, its class naming its mark.
    pub fn cell(&self, h: &mut Html, path: &str, value: &Value, printed: Option<&str>) {
        h.raw(if self.failing.contains(path) {
            "<td class=bad>"
        } else if self.repaired.contains(path) {
            "<td class=rep>"
        } else if self.involved.contains(path) {
            "<td class=eq>"
        } else {
            "<td>"
        });
        match (value.as_number(), printed) {
            (Some(n), _) => h.show(n),
            (None, Some(p)) => h.text(p),
            (None, None) => h.raw(""),
        };
    }
}

/// Every cell of the equation a failing check names by `path` (none for rules whose
/// equation the path alone does not give, such as the statistics' breakdowns).
fn equation(rule: &str, path: &str, tables: &Value) -> Vec<String> {
    let cell = |row: &str, i: &str| format!("tables.applications.rows.{row}[{i}]");
    match rule {
        "applications.balance" | "applications.outcome_sum" => {
            let Some(column) = index(path) else {
                return Vec::new();
            };
            let rows: Vec<String> = if rule == "applications.balance" {
                NOT_OUTCOMES.iter().map(|r| r.to_string()).collect()
            } else {
                let all = tables["applications"]["rows"].as_object();
                let keys = all.into_iter().flat_map(|m| m.keys());
                keys.filter(|k| !NOT_OUTCOMES[..2].contains(&k.as_str()) && *k != "carried_forward")
                    .cloned()
                    .collect()
            };
            rows.iter().map(|r| cell(r, column)).collect()
        }
        "applications.row_totals" => {
            let Some(row) = path.strip_prefix("tables.applications.rows.") else {
                return Vec::new();
            };
            let row = row.split('[').next().unwrap_or_default();
            (0..7).map(|i| cell(row, &i.to_string())).collect()
        }
        "review_litigation.totals" => {
            let Some(group) = path.strip_suffix(".total") else {
                return Vec::new();
            };
            ["upheld", "corrected", "other", "pending"]
                .iter()
                .map(|c| format!("{group}.{c}"))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The column index of a 表三 path (`…[3]` → `3`).
fn index(path: &str) -> Option<&str> {
    path.rsplit_once('[')?.1.strip_suffix(']')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_failing_equation_marks_its_total_and_its_terms() {
        let tables = json!({"applications": {"rows": {
            "new_requests": [1], "carried_over": [0], "granted": [1], "other_other": [0],
            "total_processed": [2], "carried_forward": [0]}}});
        let checks = json!([
            {"rule": "applications.outcome_sum", "status": "fail",
             "path": "tables.applications.rows.total_processed[0]"},
            {"rule": "review_litigation.totals", "status": "fail",
             "path": "tables.review_litigation.litigation_direct.total"}]);
        let marks = Marks::of(&checks, &tables);
        assert!(
            marks
                .failing
                .contains("tables.applications.rows.total_processed[0]")
        );
        let mut involved: Vec<&String> = marks.involved.iter().collect();
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
