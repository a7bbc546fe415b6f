//! 表四 (行政复议、行政诉讼): one row of fifteen numbers, three groups of five.

use crate::tables::TableResult;
use crate::tables::cells::Value;
use crate::tables::grid::{self, Placed, ValueRow};
use crate::tables::{gaps, placement};
use govreport_document::layout::Line;
use govreport_model::checks;
use govreport_model::codes::WarningCode;
use govreport_model::complete;
use govreport_model::equations::Operand;
use govreport_model::record::{Row, Table, Warning};
use govreport_model::template::review;
use govreport_model::template::{TableId, TableSpec};

/// Parses 表四 from the lines of its region; None when it has no values.
pub fn parse(lines: &[Line]) -> Option<TableResult> {
    let spec = review::spec();
    let width = spec.cell_count();
    let mut warnings = Vec::new();
    let (row, centres) = value_row(lines, width, &mut warnings)?;
    let page = row.page;
    let mut placed = vec![Some(grid::place(&row, width, centres.as_deref()))];
    let equations = review::equations(&spec);
    let settled =
        placement::place_and_repair(&mut placed, width, &equations, spec.id, &mut warnings);
    let path = |i: usize| spec.cell(i).path();
    let mut checks = checks::entries(&settled.cells, &equations, &settled.repaired, &path);
    let table_path = spec.id.path();
    let found = [gaps::Found::Yes];
    let row_path = |_| table_path.clone();
    let gaps = gaps::gaps(&settled, &found, width, &row_path, &path, &table_path);
    checks.extend(complete::entries(spec.id, 1, &gaps));
    let slots = placed[0]
        .take()
        .map(|p: Placed| p.slots)
        .unwrap_or_default();
    let table = table(&spec, &settled.cells, &slots);
    let provenance = (0..width)
        .map(|i| {
            let at = spec.cell(i).path();
            (
                at,
                grid::provenance(
                    &settled.cells[i],
                    slots.get(i).and_then(Option::as_ref),
                    page,
                ),
            )
        })
        .collect();
    let debug = vec![format!("{} values: {}", spec.id.printed(), show(&slots))];
    Some(TableResult {
        table,
        checks,
        warnings,
        debug,
        cells: provenance,
    })
}

/// The one row of fifteen values (a row printing all of them, else the only value row
/// with the header's column positions, else every value row's values in order), with a
/// warning when more than fifteen were found; None when there are no values.
fn value_row(
    lines: &[Line],
    width: usize,
    warnings: &mut Vec<Warning>,
) -> Option<(ValueRow, Option<Vec<f32>>)> {
    let rows = grid::value_rows(lines, 3);
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
        let message = format!(
            "{}: {} values found, the first {width} were used",
            TableId::ReviewLitigation.printed(),
            values.len()
        );
        warnings.push(Warning::new(WarningCode::ExtraValues, message));
    }
    let row = ValueRow {
        label: String::new(),
        values: values.into_iter().take(width).collect(),
        page: rows.first().and_then(|r| r.page),
        line: rows.first().map_or(0, |r| r.line),
    };
    Some((row, centres))
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
