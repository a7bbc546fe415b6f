//! Corrections applied to one record: each cell set (its row or table added when missing),
//! the doubts it settles dropped, the tables' rules run again over the corrected values,
//! and one `review.correction` check per row saying what was replaced.

use serde_json::Number;

use super::Correction;
use super::paths::{cells_under, locate, spec_for};
use super::warnings::{self, found_after_all, settle_guessed_rows};
use govreport_model::checks::{entries, show};
use govreport_model::codes::{CheckStatus, Rule};
use govreport_model::complete;
use govreport_model::equations::{self, Operand};
use govreport_model::record::{CellSource, Check, Provenance, Record, Status, Table, number};
use govreport_model::template::{CellPath, TableId};
use govreport_parse::report;
use govreport_parse::statistics::checks as statistics;
use govreport_parse::statistics::header::is_change;

/// Applies `rows` (all for this record's input) to a record that was read; checks run again
/// and the status is set anew. A failed record is left as it is.
pub fn apply(record: &mut Record, rows: &[&Correction]) {
    if record.status == Status::Failed || rows.is_empty() {
        return;
    }
    let mut done = Vec::new();
    let mut notes = Vec::new();
    for row in rows {
        match set(record, row) {
            Ok(old) => {
                done.push(row.path.clone());
                notes.push(corrected(row, &old));
            }
            Err(why) => notes.push(refused(row, &why)),
        }
    }
    settle_doubts(record, &done);
    for id in TableId::ALL {
        if done.iter().any(|p| p.lies_under(&id.path())) {
            recheck(record, *id, &done);
        }
    }
    if done.iter().any(|p| p.lies_under(&CellPath::Statistics)) {
        recheck_statistics(record);
    }
    record.checks.extend(notes);
    record.cells.tidy(&record.tables);
    let narrative = Rule::NarrativeAgreesWithTables;
    record.checks.retain(|c| c.rule != narrative);
    report::finish(record);
    warnings::settle_table_doubts(record, &done);
    record.status = report::status(record);
}

/// What a corrected cell held before: its value and how it was obtained.
struct Old {
    value: String,
    source: Option<CellSource>,
}

/// Sets one cell; returns what it held, or why it cannot be set.
fn set(record: &mut Record, row: &Correction) -> Result<Old, String> {
    let source = record.cells.get(&row.path).cloned();
    let value = match row.path {
        CellPath::StatisticsCell(r, c) => set_statistics(record, r, c, row)?,
        _ => set_national(record, row)?,
    };
    let provenance = Provenance {
        source: CellSource::Corrected,
        ..source
            .clone()
            .unwrap_or(Provenance::bare(CellSource::Corrected))
    };
    record.cells.set(&row.path, provenance);
    Ok(Old {
        value,
        source: source.map(|s| s.source),
    })
}

/// Sets a cell of 表二, 表三 or 表四 (adding its row, or the table, when missing).
fn set_national(record: &mut Record, row: &Correction) -> Result<String, String> {
    let (id, key, column) = locate(&row.path).ok_or("no such cell")?;
    let empty = Table {
        id,
        rows: Vec::new(),
    };
    let has = |r: &&govreport_model::template::RowSpec| r.key == key && r.columns.contains(&column);
    let table = record.tables.get(id).unwrap_or(&empty);
    let spec = spec_for(table, record.report.template, key)
        .filter(|spec| spec.rows.iter().any(has))
        .ok_or_else(|| {
            format!(
                "{} in this report's format has no cell {key}.{column}",
                id.printed()
            )
        })?;
    let table = record.tables.slot(id).get_or_insert(empty);
    let cell = table
        .cell_or_insert(&spec, key, column)
        .ok_or_else(|| format!("{} has no cell {key}.{column}", id.printed()))?;
    let old = show(cell.value.as_ref().and_then(Number::as_f64));
    cell.value = row.value.clone();
    cell.printed = row.value.is_none().then(String::new);
    Ok(old)
}

/// Sets the cell of row `r`, value `c` of a pre-2019 statistics table (which must have it).
fn set_statistics(
    record: &mut Record,
    r: usize,
    c: usize,
    row: &Correction,
) -> Result<String, String> {
    let table = record
        .tables
        .statistics
        .as_mut()
        .ok_or("the report has no statistics table")?;
    let cell = table
        .rows
        .get_mut(r)
        .and_then(|found| found.values.get_mut(c))
        .ok_or("the statistics table has no such cell")?;
    let old = show(cell.as_f64());
    *cell = row
        .value
        .clone()
        .map_or(serde_json::Value::Null, serde_json::Value::Number);
    let key = format!("rows[{r}].values[{c}]");
    match row.value {
        Some(_) => table.printed.remove(&key),
        None => table
            .printed
            .insert(key, serde_json::Value::String(String::new())),
    };
    Ok(old)
}

/// Drops the doubts a correction settles: every failing or repaired check on a corrected
/// cell, and those on a row or table all of whose cells were corrected, and every check on
/// how such a cell was read by OCR, whatever it says; a table's completeness summary passes
/// when no gap of it is left.
fn settle_doubts(record: &mut Record, done: &[CellPath]) {
    let reading = [Rule::OcrCellReading, Rule::OcrLayerUnconfirmed];
    let settled = |c: &Check| {
        let Some(path) = c.path.as_ref() else {
            return false;
        };
        let doubt = matches!(c.status, CheckStatus::Fail | CheckStatus::Repaired);
        let cells = cells_under(record, path);
        let corrected = !cells.is_empty() && cells.iter().all(|p| done.contains(p));
        corrected && (doubt || reading.contains(&c.rule))
    };
    let keep: Vec<bool> = record.checks.iter().map(|c| !settled(c)).collect();
    let gone: Vec<CellPath> = (record.checks.iter().zip(&keep))
        .filter(|(_, k)| !**k)
        .filter_map(|(c, _)| c.path.clone())
        .collect();
    let mut keep = keep.into_iter();
    record.checks.retain(|_| keep.next().unwrap_or(true));
    record.warnings.retain(|w| !found_after_all(w, &gone));
    complete::close(&mut record.checks, "every gap was settled by a correction");
    settle_guessed_rows(record, done);
}

/// Runs 表三's or 表四's rules again over its cells as corrected: cells the rules derived
/// before (and did not get a correction) are derived again; the rules' checks are replaced.
fn recheck(record: &mut Record, id: TableId, done: &[CellPath]) {
    let Some(table) = record.tables.slot(id).as_mut() else {
        return;
    };
    let Some((spec, equations)) = table.rules() else {
        return;
    };
    let at: Vec<_> = spec.cells().collect();
    let mut cells: Vec<Operand> = at
        .iter()
        .map(|a| {
            let derived =
                record.cells.get(&a.path()).map(|p| p.source) == Some(CellSource::Derived);
            let cell = table
                .row(a.row)
                .and_then(|r| r.cells.iter().find(|c| c.column == a.column));
            operand(cell, derived && !done.contains(&a.path()))
        })
        .collect();
    let filled = equations::repair(&mut cells, &equations);
    for &(i, _) in &filled {
        if let Some(cell) = table.cell_or_insert(&spec, at[i].row, at[i].column) {
            cell.value = cells[i].value.and_then(|v| number(&format!("{v}")));
            cell.printed = None;
        }
        record
            .cells
            .set(&at[i].path(), Provenance::bare(CellSource::Derived));
    }
    let path = |i: usize| at[i].path();
    let fresh = entries(&cells, &equations, &filled, &path);
    let rules: Vec<Rule> = equations.iter().map(|e| e.rule).collect();
    let gone = |c: &Check| {
        let filled_gap =
            c.rule.is_complete() && filled.iter().any(|&(i, _)| c.path == Some(path(i)));
        rules.contains(&c.rule) || filled_gap
    };
    replace(&mut record.checks, &gone, fresh);
    complete::close(&mut record.checks, "every gap was settled by a correction");
}

/// A table cell as an operand of the rules: lost when absent, unread or to be derived again.
fn operand(cell: Option<&govreport_model::record::Cell>, rederive: bool) -> Operand {
    match cell {
        Some(c) if !rederive => c.operand(),
        _ => Operand::lost(),
    }
}

/// Replaces the checks `gone` picks by `fresh`, at the place of the first one picked.
fn replace(checks: &mut Vec<Check>, gone: &dyn Fn(&Check) -> bool, fresh: Vec<Check>) {
    let at = checks.iter().position(gone).unwrap_or(checks.len());
    let before = checks[..at].iter().filter(|c| !gone(c)).count();
    checks.retain(|c| !gone(c));
    checks.splice(before..before, fresh);
}

/// Runs the statistics table's checks again over its corrected values.
fn recheck_statistics(record: &mut Record) {
    let Some(table) = record.tables.statistics.as_ref() else {
        return;
    };
    let items: Option<Vec<statistics::Item>> = table
        .rows
        .iter()
        .map(|r| {
            let hang = r.hang?;
            Some(statistics::Item {
                label: r.label.clone(),
                values: r.values.iter().map(serde_json::Value::as_f64).collect(),
                parent: hang.parent,
                of_which: hang.of_which,
                numbered: hang.numbered,
            })
        })
        .collect();
    let Some(items) = items else {
        return;
    };
    let changes: Vec<bool> = table.columns.iter().map(|c| is_change(c)).collect();
    let fresh = statistics::run(&items, &changes);
    let gone = |c: &Check| matches!(c.rule, statistics::PARTS_SUM | statistics::SUBSET);
    replace(&mut record.checks, &gone, fresh);
}

/// The `corrected` check of an applied row: the path, what it replaced and the note.
fn corrected(row: &Correction, old: &Old) -> Check {
    let new = show(row.value.as_ref().and_then(Number::as_f64));
    let how = old.source.map_or(String::new(), |s| format!(", {s}"));
    let note = match row.note.as_str() {
        "" => String::new(),
        n => format!("; note: {n}"),
    };
    Check {
        rule: Rule::ReviewCorrection,
        status: CheckStatus::Corrected,
        message: format!("corrected to {new} (was {}{how}){note}", old.value),
        path: Some(row.path.clone()),
    }
}

/// The failing check of a row that names a cell this record cannot have.
fn refused(row: &Correction, why: &str) -> Check {
    Check {
        rule: Rule::ReviewCorrection,
        status: CheckStatus::Fail,
        message: format!("the correction on line {} was not applied: {why}", row.line),
        path: Some(row.path.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::codes::WarningCode;
    use govreport_model::record::{Source, StatRow, Statistics, Warning};

    fn row(values: &[i64]) -> StatRow {
        StatRow {
            label: "收到申请数".into(),
            text: "收到申请数".into(),
            parent: None,
            unit: Some("件".into()),
            values: values.iter().map(|&v| v.into()).collect(),
            key: None,
            code: None,
            serial: None,
            hang: None,
        }
    }

    fn correction(path: &str, value: i64) -> Correction {
        Correction {
            line: 2,
            sha256: String::new(),
            path: path.into(),
            value: Some(value.into()),
            note: "seen".into(),
        }
    }

    #[test]
    fn a_guessed_statistics_row_is_settled_once_all_its_cells_are_corrected() {
        // A pre-2019 record has no `cells` entries: the row's cells are the table's.
        let mut record = Record::new(Source::default());
        record.status = Status::Partial;
        record.tables.statistics = Some(Statistics {
            columns: vec!["本年".into(), "累计".into()],
            rows: vec![row(&[1, 2]), row(&[3, 4])],
            printed: Default::default(),
        });
        let message = "statistics: the columns of rows[0], rows[1] were guessed (cells missing)";
        let warning = Warning::new(WarningCode::CellPositionUncertain, message);
        record.warnings.push(warning);
        let rows = [
            correction("tables.statistics.rows[0].values[0]", 5),
            correction("tables.statistics.rows[0].values[1]", 6),
        ];
        apply(&mut record, &rows.iter().collect::<Vec<_>>());
        assert_eq!(
            record.warnings[0].message,
            "statistics: the columns of rows[1] were guessed (cells missing)"
        );
        let table = record.tables.statistics.as_ref().unwrap();
        assert_eq!(
            table.rows[0].values,
            [serde_json::json!(5), serde_json::json!(6)]
        );
        let corrected = record
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Corrected);
        assert_eq!(corrected.count(), 2);
        let more = [
            correction("tables.statistics.rows[1].values[0]", 3),
            correction("tables.statistics.rows[1].values[1]", 4),
        ];
        apply(&mut record, &more.iter().collect::<Vec<_>>());
        assert!(record.warnings.is_empty());
    }

    #[test]
    fn a_check_on_how_a_corrected_cell_was_read_goes_whatever_it_said() {
        let mut record = Record::new(Source::default());
        let path = "tables.active_disclosure.regulations.issued";
        let reading = |status, message: &str| Check {
            rule: Rule::OcrCellReading,
            status,
            message: message.into(),
            path: Some(path.into()),
        };
        record.checks = vec![
            reading(
                CheckStatus::Pass,
                "OCR read 3 with doubt; tesseract reads 3 too: confirmed",
            ),
            reading(CheckStatus::Repaired, "OCR read 8 or 3; the rules give 3"),
        ];
        apply(&mut record, &[&correction(path, 5)]);
        let left: Vec<Rule> = record.checks.iter().map(|c| c.rule).collect();
        assert_eq!(left, [Rule::ReviewCorrection], "{:?}", record.checks);
    }
}
