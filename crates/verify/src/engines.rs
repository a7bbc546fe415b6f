//! Two engines on one scan: where one left a cell in doubt, the other's reading of the
//! same page giving the same value confirms it (two independent readings agree); where the
//! rules cannot settle a cell — all of 表二, and a table whose rules fail — the engines
//! disagreeing is a doubt however sure either was.

use std::collections::HashMap;

use govreport_model::codes::CheckStatus;
use govreport_model::record::{Check, Record};
use govreport_model::template::{CellPath, TableId};
use serde_json::Number;

use super::resolve::RULE;

/// Weighs `first` against `second`, the other engine's record of the same file: doubts
/// both engines read alike pass, doubts they read apart say what the other read, and cells
/// they read apart where no rule settles them (see [`unsettled`]) become doubts. The status
/// is left to the caller.
pub fn weigh(first: &mut Record, second: &Record) {
    let (one, other_engine) = (engine(first), engine(second));
    let theirs: HashMap<CellPath, Option<Number>> = second
        .tables
        .cells()
        .map(|(at, cell)| (at.path(), cell.value.clone()))
        .collect();
    let mine: HashMap<CellPath, Option<Number>> = first
        .tables
        .cells()
        .map(|(at, cell)| (at.path(), cell.value.clone()))
        .collect();
    for check in first.checks.iter_mut() {
        let Some(path) = check.path.clone() else {
            continue;
        };
        if check.rule != RULE || check.status != CheckStatus::Fail {
            continue;
        }
        match (mine.get(&path), theirs.get(&path)) {
            (Some(a), Some(b)) if a == b => {
                check.status = CheckStatus::Pass;
                check.message = format!(
                    "{}; {other_engine} reads {} too: confirmed",
                    check.message,
                    shown(b)
                );
            }
            (Some(_), Some(b)) => {
                check.message = format!("{}; {other_engine} reads {}", check.message, shown(b));
            }
            _ => {}
        }
    }
    let named: Vec<CellPath> = first.checks.iter().filter_map(|c| c.path.clone()).collect();
    let mut disagree = Vec::new();
    for (at, cell) in first.tables.cells() {
        let path = at.path();
        let other = theirs.get(&path);
        if unsettled(first, at.table)
            && other.is_some_and(|o| *o != cell.value)
            && !named.contains(&path)
        {
            let message = format!(
                "{one} reads {} and {other_engine} {} in {path}, which the rules do not \
                 settle: check the page",
                shown(&cell.value),
                shown(other.expect("compared above"))
            );
            disagree.push(Check {
                rule: RULE,
                status: CheckStatus::Fail,
                message,
                path: Some(path),
            });
        }
    }
    first.checks.extend(disagree);
}

/// The engine that read a record (`PP-OCRv6 small`, `tesseract 5.3.0`), as messages name it.
pub fn engine(record: &Record) -> String {
    let ocr = record.source.ocr.as_ref();
    let name = ocr.and_then(|o| o.engine.clone());
    name.unwrap_or_else(|| "the other engine".into())
}

/// Whether the rules leave `table`'s cells to the readings: 表二 has no rules, and a table
/// with a failing rule (other than a reading's own doubt) confirms none of its cells.
fn unsettled(record: &Record, table: TableId) -> bool {
    table == TableId::ActiveDisclosure || rule_fails(record, table)
}

/// Whether a rule of `table` fails (a reading's own doubt, `ocr.cell_reading`, aside).
pub(crate) fn rule_fails(record: &Record, table: TableId) -> bool {
    let prefix = format!("{table}.");
    record.checks.iter().any(|c| {
        c.status == CheckStatus::Fail && c.rule != RULE && c.rule.as_str().starts_with(&prefix)
    })
}

/// A cell's value as a reader would say it: the number, or `blank`.
fn shown(value: &Option<Number>) -> String {
    value.as_ref().map_or("blank".into(), Number::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::record::tables::{Cell, Row, Table};
    use govreport_model::record::{OcrSource, Source};

    fn record(engine: &str, issued: Option<u64>, granted: Option<u64>) -> Record {
        let cell = |column: &str, v: Option<u64>| Cell {
            column: column.into(),
            value: v.map(Number::from),
            printed: None,
        };
        let table = |id, key: &str, column: &str, v| Table {
            id,
            rows: vec![Row {
                key: key.into(),
                cells: vec![cell(column, v)],
            }],
        };
        let mut r = Record::new(Source::default());
        r.source.ocr = Some(OcrSource {
            engine: Some(engine.into()),
            ..OcrSource::default()
        });
        r.tables.active_disclosure = Some(table(
            TableId::ActiveDisclosure,
            "regulations",
            "issued",
            issued,
        ));
        r.tables.applications = Some(table(TableId::Applications, "granted", "total", granted));
        r
    }

    fn doubt(path: &str) -> Check {
        Check {
            rule: RULE,
            status: CheckStatus::Fail,
            message: "OCR read 0 with doubt (could be 6, 9)".into(),
            path: Some(path.into()),
        }
    }

    #[test]
    fn a_doubt_the_other_engine_reads_alike_passes_and_one_it_reads_apart_stays() {
        let granted = "tables.applications.rows.granted[0]";
        let mut first = record("PP-OCRv6 small", Some(1), Some(0));
        first.checks.push(doubt(granted));
        let mut again = first.clone();
        weigh(&mut first, &record("tesseract 5.3.0", Some(1), Some(0)));
        assert_eq!(first.checks[0].status, CheckStatus::Pass);
        assert!(
            first.checks[0]
                .message
                .ends_with("tesseract 5.3.0 reads 0 too: confirmed")
        );
        weigh(&mut again, &record("tesseract 5.3.0", Some(1), Some(6)));
        assert_eq!(again.checks[0].status, CheckStatus::Fail);
        assert!(again.checks[0].message.ends_with("tesseract 5.3.0 reads 6"));
        assert_eq!(
            again.checks.len(),
            1,
            "表三's rules hold: its cells are theirs to check"
        );
    }

    #[test]
    fn a_cell_the_engines_read_apart_in_a_table_whose_rules_fail_is_a_doubt() {
        let mut first = record("PP-OCRv6 small", Some(1), Some(1));
        first.checks.push(Check {
            rule: govreport_model::codes::Rule::ApplicationsComplete,
            status: CheckStatus::Fail,
            message: "表三: 1 gap(s)".into(),
            path: None,
        });
        weigh(&mut first, &record("tesseract 5.3.0", Some(1), None));
        let paths: Vec<_> = first
            .checks
            .iter()
            .filter_map(|c| c.path.as_ref())
            .collect();
        assert_eq!(paths, vec!["tables.applications.rows.granted[0]"]);
    }

    #[test]
    fn a_table_two_cell_the_engines_read_apart_is_a_doubt() {
        let mut first = record("PP-OCRv6 small", Some(1), Some(0));
        weigh(&mut first, &record("tesseract 5.3.0", None, Some(0)));
        assert_eq!(first.checks.len(), 1);
        let check = &first.checks[0];
        assert_eq!(check.status, CheckStatus::Fail);
        assert_eq!(
            check.path,
            Some("tables.active_disclosure.regulations.issued".into())
        );
        assert!(
            check
                .message
                .starts_with("PP-OCRv6 small reads 1 and tesseract 5.3.0 blank")
        );
    }
}
