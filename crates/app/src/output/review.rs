//! `extract --review FILE`: one CSV row per doubtful or failing cell — every cell a failing
//! check names (a row or table named: each of its cells not yet corrected), and the cells
//! of statistics rows whose columns were guessed — `sha256,path,value,page,reason,source_path`: a worksheet
//! whose rows, with `value` set to what the page shows, make a corrections file.

use std::io::Write;

use serde_json::{Number, Value};

use crate::corrections::paths::{cells_under, guessed_rows, locate};
use govreport_model::codes::{CheckStatus, WarningCode};
use govreport_model::record::{CellSource, Record};
use govreport_model::template::CellPath;

/// The header of the review CSV.
pub const HEADER: [&str; 6] = ["sha256", "path", "value", "page", "reason", "source_path"];

/// One doubtful cell of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Doubt {
    /// The cell's record path.
    pub path: CellPath,
    /// Its current reading (None: blank or not read).
    pub value: Option<Number>,
    /// The page it was read on, when known.
    pub page: Option<u32>,
    /// Every reason given for it, `rule: message`, joined by ` | `.
    pub reason: String,
}

/// The doubtful cells of a record, in the order its checks name them.
pub fn doubts(record: &Record) -> Vec<Doubt> {
    let mut out: Vec<Doubt> = Vec::new();
    let named = record
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .filter_map(|c| Some((c.path.clone()?, format!("{}: {}", c.rule, c.message))));
    let guessed = record
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::CellPositionUncertain)
        .flat_map(|w| {
            guessed_rows(&w.message).into_iter().map(|r| {
                (
                    CellPath::StatisticsRow(r),
                    format!("{}: {}", w.code, w.message),
                )
            })
        });
    let reasons: Vec<(CellPath, String)> = named.chain(guessed).collect();
    for (path, reason) in reasons {
        let cells = cells_under(record, &path);
        let whole = cells.iter().any(|c| *c != path);
        for cell in cells
            .into_iter()
            .filter(|c| !(whole && corrected(record, c)))
        {
            match out.iter_mut().find(|d| d.path == cell) {
                Some(d) if !d.reason.contains(&reason) => {
                    d.reason = format!("{} | {reason}", d.reason);
                }
                Some(_) => {}
                None => out.push(Doubt {
                    value: value(record, &cell),
                    page: record.cells.get(&cell).and_then(|p| p.page),
                    path: cell,
                    reason: reason.clone(),
                }),
            }
        }
    }
    out
}

/// Whether a person's correction set the cell (a row or table named in doubt lists only
/// the cells left).
fn corrected(record: &Record, path: &CellPath) -> bool {
    let source = record.cells.get(path).map(|p| p.source);
    source == Some(CellSource::Corrected)
}

/// A cell's current value in the record (None when blank, unread or absent).
fn value(record: &Record, path: &CellPath) -> Option<Number> {
    if let CellPath::StatisticsCell(row, column) = *path {
        let table = record.tables.statistics.as_ref()?;
        return match table.rows.get(row)?.values.get(column)? {
            Value::Number(n) => Some(n.clone()),
            _ => None,
        };
    }
    let (id, key, column) = locate(path)?;
    let row = record.tables.get(id)?.row(key)?;
    let cell = row.cells.iter().find(|c| c.column == column)?;
    cell.value.clone()
}

/// Writes the review CSV, record after record.
pub struct ReviewWriter<W: Write> {
    out: csv::Writer<W>,
}

impl<W: Write> ReviewWriter<W> {
    /// Starts the CSV with its header.
    pub fn new(out: W) -> csv::Result<Self> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record(HEADER)?;
        Ok(ReviewWriter { out })
    }

    /// Writes one row per doubtful cell of `record`.
    pub fn write(&mut self, record: &Record) -> csv::Result<()> {
        for d in doubts(record) {
            let value = d.value.map(|n| n.to_string()).unwrap_or_default();
            let page = d.page.map(|p| p.to_string()).unwrap_or_default();
            let sha = &record.source.sha256;
            let path = d.path.to_string();
            let row = [sha, &path, &value, &page, &d.reason, &record.source.path];
            self.out.write_record(row)?;
        }
        Ok(())
    }

    /// Flushes the CSV.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::codes::Rule;
    use govreport_model::record::{Check, Source};

    #[test]
    fn a_failing_row_lists_each_of_its_cells_once_with_every_reason() {
        let mut record = Record::new(Source::default());
        let check = |path: &str, message: &str| Check {
            rule: Rule::ApplicationsComplete,
            status: CheckStatus::Fail,
            message: message.into(),
            path: Some(path.into()),
        };
        record
            .checks
            .push(check("tables.review_litigation.litigation_direct", "row"));
        record.checks.push(check(
            "tables.review_litigation.litigation_direct.total",
            "cell",
        ));
        let found = doubts(&record);
        assert_eq!(found.len(), 5);
        assert_eq!(
            found[4].path.to_string(),
            "tables.review_litigation.litigation_direct.total"
        );
        assert!(
            found[4]
                .reason
                .ends_with("row | applications.complete: cell")
        );
        assert_eq!(
            guessed_rows(
                "statistics: the columns of rows[3], rows[5] were guessed (cells missing)"
            ),
            [3, 5]
        );
    }
}
