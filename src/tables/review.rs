//! 表四 (行政复议、行政诉讼): one row of fifteen numbers, three groups of five.

use crate::checks::{self, Operand};
use crate::codes::WarningCode;
use crate::complete;
use crate::layout::Line;
use crate::record::{Row, Table, Warning};
use crate::tables::TableResult;
use crate::tables::cells::Value;
use crate::tables::grid::{self, Placed, ValueRow};
use crate::template::TableSpec;
use crate::template::review;

/// Parses 表四 from the lines of its region; None when it has no values.
pub fn parse(lines: &[Line]) -> Option<TableResult> {
    let spec = review::spec();
    let width = spec.cell_count();
    let rows = grid::value_rows(lines, 3);
    let mut warnings = Vec::new();
    let (values, centres) = match rows.iter().find(|r| r.values.len() == width) {
        Some(row) => (row.values.clone(), None),
        None if rows.len() == 1 => (
            rows[0].values.clone(),
            grid::header_centres(lines, rows[0].line, width, 6),
        ),
        None => (
            rows.iter().flat_map(|r| r.values.iter().cloned()).collect(),
            None,
        ),
    };
    if values.is_empty() {
        return None;
    }
    if values.len() > width {
        warnings.push(Warning::new(
            WarningCode::ExtraValues,
            format!(
                "{}: {} values found, the first {width} were used",
                spec.id.printed(),
                values.len()
            ),
        ));
    }
    let row = ValueRow {
        label: String::new(),
        values: values.into_iter().take(width).collect(),
        page: rows.first().and_then(|r| r.page),
        line: rows.first().map_or(0, |r| r.line),
    };
    let mut placed = vec![Some(grid::place(&row, width, centres.as_deref()))];
    let equations = review::equations(&spec);
    let settled = grid::place_and_repair(&mut placed, width, &equations, spec.id, &mut warnings);
    let path = |i: usize| spec.cell(i).path();
    let mut checks = checks::entries(&settled.cells, &equations, &settled.repaired, &path);
    let table_path = spec.id.path();
    let found = [grid::Found::Yes];
    let row_path = |_| table_path.clone();
    let gaps = grid::gaps(&settled, &found, width, &row_path, &path, &table_path);
    checks.extend(complete::entries(spec.id, 1, &gaps));
    let slots = placed[0]
        .take()
        .map(|p: Placed| p.slots)
        .unwrap_or_default();
    let table = table(&spec, &settled.cells, &slots);
    let debug = vec![format!("{} values: {}", spec.id.printed(), show(&slots))];
    Some(TableResult {
        table,
        checks,
        warnings,
        debug,
    })
}

/// The record's 表四: the flat cells laid out as group → column.
fn table(spec: &TableSpec, cells: &[Operand], slots: &[Option<Value>]) -> Table {
    let width = spec.width();
    let rows = spec.rows.iter().enumerate().map(|(g, group)| Row {
        key: group.key.to_string(),
        cells: (group.columns.iter().enumerate())
            .map(|(c, column)| {
                let i = g * width + c;
                grid::record_cell(column, &cells[i], slots[i].as_ref())
            })
            .collect(),
    });
    Table {
        id: spec.id,
        rows: rows.collect(),
    }
}

fn show(slots: &[Option<Value>]) -> String {
    let text: Vec<String> = slots
        .iter()
        .map(|s| {
            s.as_ref()
                .and_then(|v| v.number.as_ref())
                .map_or("·".into(), |n| n.to_string())
        })
        .collect();
    text.join(" ")
}
