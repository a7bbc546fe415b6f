//! Cell paths: which a corrections file may name, and the cells a check's path covers (a
//! cell, a row or a whole table, as the table's format has them).

use std::collections::HashSet;

use govreport_model::record::{Record, Table};
use govreport_model::template::{TableId, TableSpec, Template, active, applications, review};

/// The table, row key and column of a national table's cell path.
pub fn locate(path: &str) -> Option<(TableId, String, String)> {
    let rest = path.strip_prefix("tables.")?;
    let (table, cell) = rest.split_once('.')?;
    let id = *TableId::ALL.iter().find(|t| t.as_str() == table)?;
    if id == TableId::Applications {
        let (key, index) = cell
            .strip_prefix("rows.")?
            .strip_suffix(']')?
            .split_once('[')?;
        let column = applications::COLUMNS.get(index.parse::<usize>().ok()?)?;
        return Some((id, key.to_string(), column.to_string()));
    }
    let (key, column) = cell.split_once('.')?;
    Some((id, key.to_string(), column.to_string()))
}

/// `(row, column)` of `tables.statistics.rows[N].values[M]`.
pub fn statistics_index(path: &str) -> Option<(usize, usize)> {
    let rest = path
        .strip_prefix("tables.statistics.rows[")?
        .strip_suffix(']')?;
    let (row, column) = rest.split_once("].values[")?;
    Some((row.parse().ok()?, column.parse().ok()?))
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
/// its format has them), or the cells of a statistics row (as the table has them).
pub fn cells_under(record: &Record, path: &str) -> Vec<String> {
    if locate(path).is_some() || statistics_index(path).is_some() {
        return vec![path.to_string()];
    }
    for &id in TableId::ALL {
        let empty = Table {
            id,
            rows: Vec::new(),
        };
        let table = record.tables.get(id).unwrap_or(&empty);
        let rows = if id == TableId::Applications {
            ".rows."
        } else {
            "."
        };
        let key = match path.strip_prefix(&id.path()) {
            Some("") => None,
            Some(rest) => Some(rest.strip_prefix(rows).unwrap_or(rest)),
            None => continue,
        };
        let Some(spec) = layout(table, record.report.template, key.unwrap_or_default()) else {
            return Vec::new();
        };
        let cells = spec.cells().filter(|c| key.is_none_or(|k| c.row == k));
        return cells.map(|c| c.path()).collect();
    }
    let prefix = format!("{path}.");
    let rows = record.tables.statistics.iter().flat_map(|s| s.rows.iter());
    let cells = rows.enumerate().flat_map(|(r, row)| {
        (0..row.values.len()).map(move |c| format!("tables.statistics.rows[{r}].values[{c}]"))
    });
    cells.filter(|p| p.starts_with(&prefix)).collect()
}

/// Every cell path of the national tables, in every format and layout.
pub fn known() -> HashSet<String> {
    let specs: Vec<TableSpec> = [Template::Format2021, Template::Format2019]
        .into_iter()
        .filter_map(active::spec)
        .chain([
            applications::spec(applications::SixLayout::OneRow),
            applications::spec(applications::SixLayout::ThreeRows),
            review::spec(),
        ])
        .collect();
    specs
        .iter()
        .flat_map(|s| s.cells().map(|c| c.path()).collect::<Vec<_>>())
        .collect()
}

/// The statistics rows a `cell_position_uncertain` warning names (`rows[3]`), as paths.
pub fn guessed_rows(message: &str) -> Vec<String> {
    let Some(list) = message.strip_prefix("statistics: the columns of ") else {
        return Vec::new();
    };
    list.split([',', ' '])
        .filter(|t| t.starts_with("rows[") && t.ends_with(']'))
        .map(|t| format!("tables.statistics.{t}"))
        .collect()
}
