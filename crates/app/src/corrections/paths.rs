//! Cell paths: which a corrections file may name, and the cells a check's path covers (a
//! cell, a row or a whole table, as the table's format has them).

use std::collections::HashSet;

use govreport_model::record::{Record, Table};
use govreport_model::template::{
    CellPath, Column, TableId, TableSpec, Template, active, applications, every_spec,
};

/// The table, row key and column key of a national table's cell path (表三's cells named
/// by their column's index, the others' by its key).
pub fn locate(path: &CellPath) -> Option<(TableId, &str, &str)> {
    let (id, key) = (path.table()?, path.row_key()?);
    let column = match path.column()? {
        Column::Index(i) if id == TableId::Applications => applications::COLUMNS.get(*i)?,
        Column::Name(name) if id != TableId::Applications => name.as_str(),
        _ => return None,
    };
    Some((id, key, column))
}

/// The spec a cell of row `key` is set in, when it has that row: see [`layout`].
pub fn spec_for(table: &Table, format: Template, key: &str) -> Option<TableSpec> {
    layout(table, format, key).filter(|spec| spec.rows.iter().any(|r| r.key == key))
}

/// A table's spec: 表三 in the layout its rows show (or, without （六） rows yet, the one
/// row `key` asks for), 表四's, 表二's in the report's format.
pub fn layout(table: &Table, format: Template, key: &str) -> Option<TableSpec> {
    match table.id {
        TableId::ActiveDisclosure => match format {
            Template::Format2019 => active::spec(Template::Format2019),
            _ => active::spec(Template::Format2021),
        },
        TableId::Applications if !table.rows.iter().any(|r| r.key.starts_with("other_")) => {
            let three = key.starts_with("other_") && key != "other_processing";
            Some(applications::spec(if three {
                applications::SixLayout::ThreeRows
            } else {
                applications::SixLayout::OneRow
            }))
        }
        _ => table.rules().map(|(spec, _)| spec),
    }
}

/// The cells a check's path names: the cell itself, every cell of a row or of a table (as
/// its format has them), or the cells of a statistics row or table (as the table has them).
pub fn cells_under(record: &Record, path: &CellPath) -> Vec<CellPath> {
    let key = match path {
        _ if locate(path).is_some() => return vec![path.clone()],
        CellPath::StatisticsCell(..) => return vec![path.clone()],
        CellPath::Statistics | CellPath::StatisticsRow(_) => return statistics(record, path),
        CellPath::Table(_) => None,
        CellPath::Row { row, .. } => Some(row.as_str()),
        _ => return Vec::new(),
    };
    let Some(id) = path.table() else {
        return Vec::new();
    };
    let empty = Table {
        id,
        rows: Vec::new(),
    };
    let table = record.tables.get(id).unwrap_or(&empty);
    let Some(spec) = layout(table, record.report.template, key.unwrap_or_default()) else {
        return Vec::new();
    };
    let cells = spec.cells().filter(|c| key.is_none_or(|k| c.row == k));
    cells.map(|c| c.path()).collect()
}

/// The statistics cells under a statistics row or the whole table, as the table has them.
fn statistics(record: &Record, path: &CellPath) -> Vec<CellPath> {
    let rows = record.tables.statistics.iter().flat_map(|s| s.rows.iter());
    let cells = rows
        .enumerate()
        .flat_map(|(r, row)| (0..row.values.len()).map(move |c| CellPath::StatisticsCell(r, c)));
    cells.filter(|c| path.contains(c)).collect()
}

/// Every cell path of the national tables, in every format and layout.
pub fn known() -> HashSet<CellPath> {
    every_spec()
        .iter()
        .flat_map(|s| s.cells().map(|c| c.path()).collect::<Vec<_>>())
        .collect()
}

/// The statistics rows a `cell_position_uncertain` warning names (`rows[3]`), by index.
pub fn guessed_rows(message: &str) -> Vec<usize> {
    let Some(list) = message.strip_prefix("statistics: the columns of ") else {
        return Vec::new();
    };
    list.split([',', ' '])
        .filter_map(
            |t| match CellPath::parse(&format!("tables.statistics.{t}")) {
                CellPath::StatisticsRow(r) => Some(r),
                _ => None,
            },
        )
        .collect()
}
