//! Blank cells of a scanned table: where a row holds numbers, a blank may be a number OCR
//! lost (its ink read as a label's, or placed on another line), and a rule whose total is
//! blank is skipped, so the blank would pass unnoticed. Each becomes a doubt.

use super::resolve::RULE;
use govreport_model::codes::CheckStatus;
use govreport_model::record::{Check, Record, Status};
use govreport_model::template::CellPath;

/// Adds a failing `ocr.cell_reading` check for each blank cell in a row with a number, in a
/// record every page of which OCR read, unless a failing check names the cell already.
pub fn doubt_blanks(record: &mut Record) {
    let named = |path: &CellPath| {
        record
            .checks
            .iter()
            .any(|c| c.status == CheckStatus::Fail && c.path.as_ref() == Some(path))
    };
    let mut doubts = Vec::new();
    for table in [
        &record.tables.active_disclosure,
        &record.tables.applications,
        &record.tables.review_litigation,
    ]
    .into_iter()
    .flatten()
    {
        for (at, cell) in table.cells() {
            let row = table.row(at.row).map_or(&[][..], |r| &r.cells[..]);
            let blank = cell.value.is_none() && cell.printed.as_deref() == Some("");
            let path = at.path();
            if blank && row.iter().any(|c| c.value.is_some()) && !named(&path) {
                doubts.push(path);
            }
        }
    }
    for path in doubts {
        let message = format!(
            "{path} is blank on a scanned page in a row of numbers: OCR may have lost a \
             number here (check the page)"
        );
        record.checks.push(Check {
            rule: RULE,
            status: CheckStatus::Fail,
            message,
            path: Some(path),
        });
        if record.status == Status::Ok {
            record.status = Status::Partial;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::record::tables::{Cell, Row, Table};
    use govreport_model::template::TableId;
    use serde_json::Number;

    fn cell(column: &str, value: Option<u64>, printed: Option<&str>) -> Cell {
        Cell {
            column: column.into(),
            value: value.map(Number::from),
            printed: printed.map(String::from),
        }
    }

    #[test]
    fn a_blank_in_a_row_of_numbers_is_a_doubt_and_a_blank_row_or_a_dash_is_not() {
        let mut record = Record::new(govreport_model::record::Source::default());
        let rows = vec![
            Row {
                key: "upheld".into(),
                cells: vec![cell("a", Some(3), None), cell("b", None, Some(""))],
            },
            Row {
                key: "other".into(),
                cells: vec![cell("a", None, Some("")), cell("b", None, Some(""))],
            },
            Row {
                key: "pending".into(),
                cells: vec![cell("a", Some(1), None), cell("b", None, Some("—"))],
            },
        ];
        record.tables.review_litigation = Some(Table {
            id: TableId::ReviewLitigation,
            rows,
        });
        record.status = Status::Ok;
        doubt_blanks(&mut record);
        let paths: Vec<String> = record
            .checks
            .iter()
            .filter_map(|c| Some(c.path.as_ref()?.to_string()))
            .collect();
        assert_eq!(paths, ["tables.review_litigation.upheld.b"]);
        assert_eq!(record.status, Status::Partial);
    }
}
