//! Completeness: every row and cell a table's detected format requires, read from the page
//! or repaired by the rules. The consistency rules cannot catch what is not there, so a
//! gap is a failed check of its own, and the record cannot be `ok`.

use crate::codes::{CheckStatus, WarningCode};
use crate::record::{Check, Warning};
use crate::template::{CellPath, TableId};

/// What the gap of a row whose values may sit in the wrong columns says.
const UNCERTAIN: &str = "has fewer values than columns and neither positions nor the rules show which cells are missing";
/// What the gap of a table with too many placements to try says.
const TOO_MANY: &str = "too many ways to place the missing cells";

/// Whether a check is the gap of a row or table whose values may sit in the wrong columns
/// (what a national table's `cell_position_uncertain` warning warns of).
pub fn is_placement_doubt(check: &Check) -> bool {
    let says = |words: &str| check.message.contains(words);
    check.rule.is_complete()
        && check.status == CheckStatus::Fail
        && check.path.is_some()
        && (says(UNCERTAIN) || says(TOO_MANY))
}

/// Something a table should have and did not get.
#[derive(Debug, Clone, PartialEq)]
pub enum Gap {
    /// The whole table was not found.
    Table,
    /// A row the format requires was not found.
    Row {
        /// The row's path, e.g. `tables.applications.rows.granted`.
        path: CellPath,
    },
    /// A row not found whose values the rules rebuilt, while the label of a found row
    /// next to it also fits it: which of the two rows is missing is uncertain.
    Ambiguous {
        /// The row's path.
        path: CellPath,
    },
    /// A cell whose value was not read and that no rule determines.
    Cell {
        /// The cell's path, e.g. `tables.applications.rows.granted[3]`.
        path: CellPath,
    },
    /// A row with fewer values than columns whose gaps neither positions nor the rules
    /// could place: its values were read left to right and may sit in the wrong columns.
    Uncertain {
        /// The row's path.
        path: CellPath,
    },
    /// The row-placement search had too many candidates to try them all.
    TooManyPlacements {
        /// The table's path.
        path: CellPath,
    },
}

impl Gap {
    fn path(&self, table_path: &CellPath) -> CellPath {
        match self {
            Gap::Table => table_path.clone(),
            Gap::Row { path }
            | Gap::Ambiguous { path }
            | Gap::Cell { path }
            | Gap::Uncertain { path }
            | Gap::TooManyPlacements { path } => path.clone(),
        }
    }

    fn message(&self, table: &str, table_path: &CellPath) -> String {
        let at = self.path(table_path);
        match self {
            Gap::Table => format!("{table} was not found in the report"),
            Gap::Row { .. } => format!(
                "{table}: the row {at} that this format requires was not found, so its cells are unknown"
            ),
            Gap::Ambiguous { .. } => format!(
                "{table}: {at} was not found and the label of a row next to it also fits it; the rules rebuilt one row's values but cannot tell which row is missing"
            ),
            Gap::Cell { .. } => {
                format!("{table}: {at} was not read and no consistency rule determines it")
            }
            Gap::Uncertain { .. } => {
                format!("{table}: {at} {UNCERTAIN}; its values may sit in the wrong columns")
            }
            Gap::TooManyPlacements { .. } => format!(
                "{table}: {TOO_MANY} to try them all; the values of the incomplete rows are undetermined"
            ),
        }
    }
}

/// A `row_not_found` warning for each row gap (`表三: row granted was not found`).
pub fn row_warnings(table: TableId, gaps: &[Gap]) -> Vec<Warning> {
    gaps.iter()
        .filter_map(|g| match g {
            Gap::Row { path } => path.row_key(),
            _ => None,
        })
        .map(|key| {
            let message = format!("{}: row {key} was not found", table.printed());
            Warning::new(WarningCode::RowNotFound, message)
        })
        .collect()
}

/// The `<table>.complete` entries: a summary (`pass` when nothing is missing), then one
/// `fail` per gap with its path; `rows` is the number of rows the format requires.
pub fn entries(id: TableId, rows: usize, gaps: &[Gap]) -> Vec<Check> {
    let (rule, table, table_path) = (id.complete_rule(), id.printed(), &id.path());
    let summary = if gaps.is_empty() {
        Check {
            rule,
            status: CheckStatus::Pass,
            message: format!("{table}: all {rows} rows the format requires were read"),
            path: None,
        }
    } else {
        Check {
            rule,
            status: CheckStatus::Fail,
            message: format!(
                "{table}: {} gap(s) — rows not found, cells not read or placed; the record cannot be ok",
                gaps.len()
            ),
            path: None,
        }
    };
    let each = gaps.iter().map(|g| Check {
        rule,
        status: CheckStatus::Fail,
        message: g.message(table, table_path),
        path: Some(g.path(table_path)),
    });
    std::iter::once(summary).chain(each).collect()
}

/// Each failed `<table>.complete` summary passes once no gap of its table is left, saying
/// `how` the gaps were closed.
pub fn close(checks: &mut [Check], how: &str) {
    let gaps: Vec<crate::codes::Rule> = checks
        .iter()
        .filter(|c| c.rule.is_complete() && c.path.is_some())
        .map(|c| c.rule)
        .collect();
    for c in checks.iter_mut() {
        let closed = c.status == CheckStatus::Fail && !gaps.contains(&c.rule);
        if c.rule.is_complete() && c.path.is_none() && closed {
            c.status = CheckStatus::Pass;
            c.message = how.into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_table_has_one_passing_summary() {
        let checks = entries(TableId::Applications, 23, &[]);
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].status, CheckStatus::Pass);
        assert!(checks[0].message.contains("23 rows"));
    }

    #[test]
    fn each_gap_is_a_failed_check_with_its_path() {
        let gaps = [
            Gap::Row {
                path: "tables.applications.rows.granted".into(),
            },
            Gap::Cell {
                path: "tables.applications.rows.new_requests[2]".into(),
            },
        ];
        let checks = entries(TableId::Applications, 23, &gaps);
        assert_eq!(checks.len(), 3);
        assert!(checks.iter().all(|c| c.status == CheckStatus::Fail));
        assert_eq!(
            checks[1].path,
            Some("tables.applications.rows.granted".into())
        );
        assert_eq!(
            checks[2].path,
            Some("tables.applications.rows.new_requests[2]".into())
        );
    }

    #[test]
    fn a_missing_table_names_the_table() {
        let checks = entries(TableId::ReviewLitigation, 1, &[Gap::Table]);
        assert_eq!(checks[1].path, Some(TableId::ReviewLitigation.path()));
        assert!(checks[1].message.contains("表四 was not found"));
    }
}
