//! Doubts the rules settle after all: once the second opinion has filled a scan's 表三 or
//! 表四 so that every rule of it holds, a cell still named as a doubt (the engines read it
//! apart while the table was failing, or a reading with alternatives) that holds a number
//! and sits in an equation that holds is the rules' to confirm: another value there would
//! break that equation. Blank cells stay doubts (the rules cannot tell 0 from blank).

use govreport_model::codes::CheckStatus;
use govreport_model::record::Record;
use govreport_model::template::{CellRef, TableId};

use super::engines::rule_fails;
use super::fill::{cell, confirmed, operand};
use super::resolve::RULE;

/// Passes each failing cell-reading check of 表三 and 表四 that the table's rules, all
/// holding, now confirm; returns how many.
pub fn settle(record: &mut Record) -> usize {
    let mut settled = 0;
    for id in [TableId::Applications, TableId::ReviewLitigation] {
        settled += settle_table(record, id);
    }
    settled
}

/// One table: nothing unless no rule of it fails.
fn settle_table(record: &mut Record, id: TableId) -> usize {
    if rule_fails(record, id) {
        return 0;
    }
    let Some(table) = record.tables.get(id) else {
        return 0;
    };
    let Some((spec, equations)) = table.rules() else {
        return 0;
    };
    let at: Vec<CellRef> = spec.cells().collect();
    let cells: Vec<_> = at.iter().map(|a| operand(cell(table, a))).collect();
    let sure: Vec<_> = (0..at.len())
        .filter(|&i| cells[i].value.is_some() && confirmed(i, &cells, &equations))
        .map(|i| at[i].path())
        .collect();
    let mut settled = 0;
    for check in record.checks.iter_mut() {
        let mine = check.path.as_ref().is_some_and(|p| sure.contains(p));
        if check.rule == RULE && check.status == CheckStatus::Fail && mine {
            check.status = CheckStatus::Pass;
            check.message = format!(
                "{}; every rule of {} holds with this reading: settled",
                check.message,
                id.printed()
            );
            settled += 1;
        }
    }
    settled
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::codes::Rule;
    use govreport_model::record::tables::{Cell, Row, Table};
    use govreport_model::record::{Check, Source};
    use govreport_model::template::review::{COLUMNS, LITIGATION, REVIEW};
    use serde_json::Number;

    /// A record whose 表四 reads 1 0 1 0 2 in every group (its rules hold), `pending` of the
    /// direct suits blank where `blank`.
    fn record(blank: bool) -> Record {
        let values = [Some(1), Some(0), Some(1), Some(0), Some(2)];
        let row = |key: &str| Row {
            key: key.into(),
            cells: COLUMNS
                .iter()
                .zip(values)
                .map(|(c, v)| Cell {
                    column: (*c).into(),
                    value: v
                        .filter(|_| !(blank && key == LITIGATION[0] && *c == "pending"))
                        .map(Number::from),
                    printed: None,
                })
                .collect(),
        };
        let mut r = Record::new(Source::default());
        r.tables.review_litigation = Some(Table {
            id: TableId::ReviewLitigation,
            rows: [REVIEW, LITIGATION[0], LITIGATION[1]].map(row).to_vec(),
        });
        r
    }

    fn doubt(path: &str) -> Check {
        Check {
            rule: RULE,
            status: CheckStatus::Fail,
            message: "PP-OCRv6 small reads 1 and tesseract 5.3.0 7".into(),
            path: Some(path.into()),
        }
    }

    #[test]
    fn a_doubt_in_a_table_whose_rules_all_hold_is_settled_but_not_a_blank() {
        let upheld = "tables.review_litigation.administrative_review.upheld";
        let pending = "tables.review_litigation.litigation_direct.pending";
        let mut r = record(true);
        r.checks = vec![doubt(upheld), doubt(pending)];
        assert_eq!(settle(&mut r), 1);
        assert_eq!(r.checks[0].status, CheckStatus::Pass);
        assert!(
            r.checks[0]
                .message
                .ends_with("every rule of 表四 holds with this reading: settled")
        );
        assert_eq!(
            r.checks[1].status,
            CheckStatus::Fail,
            "a blank stays a doubt"
        );
    }

    #[test]
    fn nothing_is_settled_while_a_rule_of_the_table_fails() {
        let upheld = "tables.review_litigation.administrative_review.upheld";
        let mut r = record(false);
        r.checks = vec![
            Check {
                rule: Rule::ReviewLitigationTotals,
                status: CheckStatus::Fail,
                message: "1 of 3 equations fail".into(),
                path: None,
            },
            doubt(upheld),
        ];
        assert_eq!(settle(&mut r), 0);
        assert_eq!(r.checks[1].status, CheckStatus::Fail);
    }
}
