//! The warnings corrections settle: a table or row not found that corrections filled; the
//! guessed columns of statistics rows all of whose cells were corrected; and, in a table
//! that got a correction, the doubts of placement (`cell_position_uncertain`) and of an OCR
//! layer (`ocr_layer_doubtful`, `ocr_layer_reread`) once no failing check of theirs is left —
//! narrowed to the number left while some are.

use std::collections::HashSet;

use super::paths::{cells_under, guessed_rows};
use govreport_model::codes::{CheckStatus, Rule, WarningCode};
use govreport_model::complete::is_placement_doubt;
use govreport_model::record::{Check, Record, Warning};
use govreport_model::template::{CellPath, TableId};
use govreport_verify::ocrlayer::choose::READ_OTHERWISE;

/// Whether a warning says a table or row was not found that corrections have since filled
/// (`gone`: the paths of the gaps they settled).
pub fn found_after_all(w: &Warning, gone: &[CellPath]) -> bool {
    let table = |p: &CellPath| w.message.contains(&format!("({p})"));
    let row = |p: &CellPath| match p {
        CellPath::Row { table, row } => {
            w.message == format!("{}: row {row} was not found", table.printed())
        }
        _ => false,
    };
    match w.code {
        WarningCode::TableNotFound => gone.iter().any(table),
        WarningCode::RowNotFound => gone.iter().any(row),
        _ => false,
    }
}

/// A statistics row whose columns were guessed is settled once all its cells are
/// corrected: the `cell_position_uncertain` warning names only the rows left, or goes.
pub fn settle_guessed_rows(record: &mut Record, done: &[CellPath]) {
    let open = |row: &usize| {
        let cells = cells_under(record, &CellPath::StatisticsRow(*row));
        cells.is_empty() || !cells.iter().all(|c| done.contains(c))
    };
    let left: Vec<Option<Vec<usize>>> = (record.warnings.iter())
        .map(|w| {
            let rows = guessed_rows(&w.message);
            let guessed = w.code == WarningCode::CellPositionUncertain && !rows.is_empty();
            guessed.then(|| rows.into_iter().filter(|r| open(r)).collect())
        })
        .collect();
    let mut left = left.into_iter();
    record.warnings.retain_mut(|w| match left.next().flatten() {
        None => true,
        Some(rows) => {
            let names: Vec<String> = rows.iter().map(|r| format!("rows[{r}]")).collect();
            w.message = format!(
                "statistics: the columns of {} were guessed (cells missing)",
                names.join(", ")
            );
            !rows.is_empty()
        }
    });
}

/// Drops, or narrows to the doubts left, the placement and OCR-layer warnings about a
/// national table that got a correction (`done`: the cells corrected), once the checks it
/// stands for are settled.
pub fn settle_table_doubts(record: &mut Record, done: &[CellPath]) {
    let touched: Vec<TableId> = (TableId::ALL.iter().copied())
        .filter(|id| done.iter().any(|p| id.path().contains(p)))
        .collect();
    let checks = &record.checks;
    record.warnings.retain_mut(|w| {
        let Some(&id) = touched
            .iter()
            .find(|id| w.message.starts_with(id.printed()))
        else {
            return true;
        };
        match w.code {
            WarningCode::CellPositionUncertain => {
                let scope = placement_scope(&w.message, id);
                checks
                    .iter()
                    .any(|c| is_placement_doubt(c) && names(c, &scope))
            }
            WarningCode::OcrLayerDoubtful => {
                let read_otherwise = w.message.contains("of its cells otherwise");
                narrow(w, doubts_left(checks, id, read_otherwise))
            }
            WarningCode::OcrLayerReread => doubts_left(checks, id, false) > 0,
            _ => true,
        }
    });
}

/// The path a national table's `cell_position_uncertain` warning is about: the row it
/// names (`表二: row regulations has 2 of 3 values …`), else the table.
fn placement_scope(message: &str, id: TableId) -> CellPath {
    let row = message
        .strip_prefix(&format!("{}: row ", id.printed()))
        .and_then(|rest| rest.split(' ').next());
    match row {
        Some(key) => CellPath::row(id, key),
        None => id.path(),
    }
}

/// How many cells, rows or whole tables failing checks still name in table `id` (a refused
/// correction aside); with `read_otherwise`, only the cells the two OCR readings read apart.
fn doubts_left(checks: &[Check], id: TableId, read_otherwise: bool) -> usize {
    let counted = |c: &&Check| {
        let doubt = c.status == CheckStatus::Fail && c.rule != Rule::ReviewCorrection;
        let apart = c.rule == Rule::OcrLayerUnconfirmed && c.message.starts_with(READ_OTHERWISE);
        doubt && names(c, &id.path()) && (apart || !read_otherwise)
    };
    let paths = checks
        .iter()
        .filter(counted)
        .filter_map(|c| c.path.as_ref());
    paths.collect::<HashSet<_>>().len()
}

/// Keeps a warning whose count of doubts is now `left`, with that count; drops it at none.
fn narrow(w: &mut Warning, left: usize) -> bool {
    let Some(start) = w.message.find(|c: char| c.is_ascii_digit()) else {
        return left > 0;
    };
    let digits = w.message[start..].find(|c: char| !c.is_ascii_digit());
    let end = digits.map_or(w.message.len(), |d| start + d);
    w.message.replace_range(start..end, &left.to_string());
    left > 0
}

/// Whether a check's path is `scope` or lies under it.
fn names(check: &Check, scope: &CellPath) -> bool {
    check.path.as_ref().is_some_and(|p| scope.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::complete::{Gap, entries};
    use govreport_model::record::Source;

    const DOUBTFUL: &str = "表三 was read from an OCR text layer made before publication, and the consistency rules leave 2 doubt(s) in it (cells, rows or the table itself), each named by a failing check";
    const REREAD: &str = "表三: the OCR layer's reading has 2 doubtful cell(s), govreport's OCR of the page image 25 doubtful cell(s); the layer's reading was kept";
    const APART: &str = "表二 was read from an OCR text layer made before publication, and govreport's OCR of the page image reads 1 of its cells otherwise (each named by a failing check)";

    fn fail(rule: Rule, path: &CellPath, message: &str) -> Check {
        Check {
            rule,
            status: CheckStatus::Fail,
            message: message.into(),
            path: Some(path.clone()),
        }
    }

    fn granted(i: usize) -> CellPath {
        format!("tables.applications.rows.granted[{i}]").into()
    }

    fn messages(record: &Record) -> Vec<&str> {
        record.warnings.iter().map(|w| w.message.as_str()).collect()
    }

    #[test]
    fn ocr_layer_warnings_narrow_to_the_doubts_left_and_go_with_the_last() {
        let mut record = Record::new(Source::default());
        let unconfirmed = fail(
            Rule::OcrLayerUnconfirmed,
            &granted(1),
            "nothing confirms it",
        );
        record.checks.push(unconfirmed);
        let notes = [
            (WarningCode::OcrLayerDoubtful, DOUBTFUL),
            (WarningCode::OcrLayerReread, REREAD),
            (WarningCode::OcrLayerDoubtful, APART),
        ];
        record.warnings = notes.map(|(c, m)| Warning::new(c, m)).to_vec();
        // granted[0] corrected (its check dropped), granted[1] still in doubt.
        settle_table_doubts(&mut record, &[granted(0)]);
        assert_eq!(
            messages(&record),
            [&DOUBTFUL.replace("leave 2", "leave 1"), REREAD, APART]
        );
        record.checks.clear();
        settle_table_doubts(&mut record, &[granted(0), granted(1)]);
        assert_eq!(messages(&record), [APART], "表二 had no correction");
    }

    #[test]
    fn the_cells_two_ocr_readings_read_apart_are_counted_apart_from_other_doubts() {
        let mut record = Record::new(Source::default());
        let active = "tables.active_disclosure";
        let apart = format!("{READ_OTHERWISE} 3 here, govreport's OCR of the page image 8");
        record.checks = vec![
            fail(
                Rule::OcrLayerUnconfirmed,
                &format!("{active}.regulations.issued").into(),
                &apart,
            ),
            fail(
                Rule::OcrLayerUnconfirmed,
                &format!("{active}.normative_documents.issued").into(),
                "?",
            ),
        ];
        let doubtful = DOUBTFUL.replace("表三", "表二");
        record.warnings = vec![
            Warning::new(WarningCode::OcrLayerDoubtful, doubtful.clone()),
            Warning::new(WarningCode::OcrLayerDoubtful, APART),
        ];
        let done = [format!("{active}.regulations.issued").into()];
        record.checks.remove(0);
        settle_table_doubts(&mut record, &done);
        assert_eq!(messages(&record), [doubtful.replace("leave 2", "leave 1")]);
    }

    #[test]
    fn placement_warnings_go_with_the_gaps_of_their_row_or_table() {
        let mut record = Record::new(Source::default());
        let row = CellPath::parse("tables.applications.rows.granted");
        let gaps = [Gap::Uncertain { path: row }];
        record.checks = entries(TableId::Applications, 23, &gaps);
        let regulations = CellPath::parse("tables.active_disclosure.regulations");
        let gaps = [Gap::Uncertain {
            path: regulations.clone(),
        }];
        record
            .checks
            .extend(entries(TableId::ActiveDisclosure, 6, &gaps));
        let table = "表三: a row has fewer values than columns and the rules do not tell which cell is missing; values were read left to right";
        let one = "表二: row regulations has 2 of 3 values and nothing shows which cells are blank; values were read left to right";
        let code = WarningCode::CellPositionUncertain;
        record.warnings = vec![Warning::new(code, table), Warning::new(code, one)];
        record
            .checks
            .retain(|c| c.path.as_ref() != Some(&regulations));
        let done = [granted(0), format!("{regulations}.issued").into()];
        settle_table_doubts(&mut record, &done);
        assert_eq!(messages(&record), [table], "表三's row is still uncertain");
        record.checks.clear();
        settle_table_doubts(&mut record, &done);
        assert!(record.warnings.is_empty());
    }
}
