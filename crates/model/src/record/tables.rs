//! The record's three tables as one typed structure: rows of cells, each cell with its
//! value and, when the report printed it as anything other than a plain number, its text.
//! Serialised in record.md's shapes: 表三 as `{columns, rows: {key: [values]}, printed}`,
//! 表二 and 表四 as `{row: {column: value}, printed}`.

use serde::de::{self, Deserializer};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use super::Statistics;
use crate::equations::{Equation, Operand, Origin};
use crate::template::{CellPath, CellRef, Column, TableId, TableSpec, applications};

/// The three tables; each is null when the report does not contain it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Tables {
    /// 表二 主动公开.
    #[serde(deserialize_with = "active_disclosure")]
    pub active_disclosure: Option<Table>,
    /// 表三 收到和处理申请.
    #[serde(deserialize_with = "applications")]
    pub applications: Option<Table>,
    /// 表四 复议诉讼.
    #[serde(deserialize_with = "review_litigation")]
    pub review_litigation: Option<Table>,
    /// The statistics table of a report before 2019 (null otherwise).
    #[serde(default)]
    pub statistics: Option<Statistics>,
}

impl Tables {
    /// A table, when the report contains it.
    pub fn get(&self, id: TableId) -> Option<&Table> {
        match id {
            TableId::ActiveDisclosure => self.active_disclosure.as_ref(),
            TableId::Applications => self.applications.as_ref(),
            TableId::ReviewLitigation => self.review_litigation.as_ref(),
        }
    }

    /// Where a table goes.
    pub fn slot(&mut self, id: TableId) -> &mut Option<Table> {
        match id {
            TableId::ActiveDisclosure => &mut self.active_disclosure,
            TableId::Applications => &mut self.applications,
            TableId::ReviewLitigation => &mut self.review_litigation,
        }
    }

    /// A cell's value: None when its table or row is missing, `Some(None)` when it is null.
    pub fn value(&self, cell: CellRef) -> Option<Option<f64>> {
        let row = self.get(cell.table)?.row(cell.row)?;
        let found = row.cells.get(cell.index)?;
        Some(found.value.as_ref().and_then(Number::as_f64))
    }

    /// The cell of a national table a path names, to change, when the table has it.
    pub fn cell_mut(&mut self, path: &CellPath) -> Option<&mut Cell> {
        let (table, row, column) = (path.table()?, path.row_key()?, path.column()?);
        let table = self.slot(table).as_mut()?;
        let row = table.rows.iter_mut().find(|r| r.key == row)?;
        match column {
            Column::Index(i) => row.cells.get_mut(*i),
            Column::Name(name) => row.cells.iter_mut().find(|c| c.column == *name),
        }
    }

    /// Every cell of every table, in table order (表二, 表三, 表四) and row order.
    pub fn cells(&self) -> impl Iterator<Item = (CellRef<'_>, &Cell)> {
        TableId::ALL
            .iter()
            .filter_map(|&id| self.get(id))
            .flat_map(Table::cells)
    }
}

/// One table as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Which table.
    pub id: TableId,
    /// The rows found (and rows the rules rebuilt), in printed order.
    pub rows: Vec<Row>,
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row's key.
    pub key: String,
    /// Its cells, in column order.
    pub cells: Vec<Cell>,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The column's key.
    pub column: String,
    /// The value, or None for a blank, not-applicable or unread cell.
    pub value: Option<Number>,
    /// The text as printed, when it was anything other than a plain number (blank, `—`,
    /// `/`, `1,234`).
    pub printed: Option<String>,
}

impl Cell {
    /// The cell as an operand of the rules: a number, a printed blank, a mark with no
    /// number, or lost when nothing was read.
    pub fn operand(&self) -> Operand {
        match (&self.value, self.printed.as_deref()) {
            (Some(v), _) => Operand::printed(v.as_f64()),
            (None, Some("")) => Operand {
                value: None,
                origin: Origin::Blank,
            },
            (None, Some(_)) => Operand::printed(None),
            (None, None) => Operand::lost(),
        }
    }
}

impl Table {
    /// A row by its key.
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }

    /// Every cell with its name, row after row.
    pub fn cells(&self) -> impl Iterator<Item = (CellRef<'_>, &Cell)> {
        self.rows.iter().flat_map(move |row| {
            row.cells.iter().enumerate().map(move |(index, cell)| {
                let at = CellRef {
                    table: self.id,
                    row: &row.key,
                    column: &cell.column,
                    index,
                };
                (at, cell)
            })
        })
    }

    /// The cell of `row` and `column`, adding the row (null cells, at its place in `spec`'s
    /// order) when the table lacks it; None when `spec` has no such cell.
    pub fn cell_or_insert(
        &mut self,
        spec: &TableSpec,
        row: &str,
        column: &str,
    ) -> Option<&mut Cell> {
        let position = |key: &str| spec.rows.iter().position(|r| r.key == key);
        let wanted = position(row)?;
        if self.row(row).is_none() {
            let columns = spec.rows[wanted].columns.iter();
            let cells = columns.map(|c| Cell {
                column: c.to_string(),
                value: None,
                printed: None,
            });
            let at = self
                .rows
                .iter()
                .position(|r| position(&r.key).is_none_or(|p| p > wanted))
                .unwrap_or(self.rows.len());
            let key = row.to_string();
            let cells = cells.collect();
            self.rows.insert(at, Row { key, cells });
        }
        let found = self.rows.iter_mut().find(|r| r.key == row)?;
        found.cells.iter_mut().find(|c| c.column == column)
    }

    /// The spec and equations of a table as the record holds it: 表三 in the layout its rows
    /// show (the three （六） detail rows, else the one row), 表四; None for 表二 (no rules).
    pub fn rules(&self) -> Option<(TableSpec, Vec<Equation>)> {
        match self.id {
            TableId::ActiveDisclosure => None,
            TableId::ReviewLitigation => {
                let spec = crate::template::review::spec();
                let equations = crate::template::review::equations(&spec);
                Some((spec, equations))
            }
            TableId::Applications => {
                let split = self
                    .rows
                    .iter()
                    .any(|r| r.key.starts_with("other_") && r.key != "other_processing");
                let layout = if split {
                    applications::SixLayout::ThreeRows
                } else {
                    applications::SixLayout::OneRow
                };
                let spec = applications::spec(layout);
                let equations = applications::equations(&spec);
                Some((spec, equations))
            }
        }
    }

    /// The `printed` map: cell key → text, in cell order.
    fn printed(&self) -> Map<String, Value> {
        self.cells()
            .filter_map(|(at, c)| Some((at.key(), Value::String(c.printed.clone()?))))
            .collect()
    }

    /// Builds a table from its record JSON (the inverse of serialising it).
    pub fn from_json(id: TableId, json: Map<String, Value>) -> Result<Table, String> {
        let rows = match id {
            TableId::Applications => json.get("rows").and_then(Value::as_object),
            _ => Some(&json),
        };
        let mut table = Table {
            id,
            rows: Vec::new(),
        };
        for (key, cells) in rows.into_iter().flatten() {
            if id != TableId::Applications && key == "printed" {
                continue;
            }
            table.rows.push(Row {
                key: key.clone(),
                cells: json_cells(id, cells)?,
            });
        }
        let printed = json.get("printed").and_then(Value::as_object);
        for (key, text) in printed.into_iter().flatten() {
            let text = text.as_str().ok_or("a printed text is not a string")?;
            let cell = table
                .cell_mut(key)
                .ok_or_else(|| format!("printed names no cell: {key}"))?;
            cell.printed = Some(text.to_string());
        }
        Ok(table)
    }

    /// The cell a `printed` key names.
    fn cell_mut(&mut self, key: &str) -> Option<&mut Cell> {
        let id = self.id;
        self.rows.iter_mut().find_map(|row| {
            let k = row.key.clone();
            row.cells.iter_mut().enumerate().find_map(|(index, cell)| {
                let at = CellRef {
                    table: id,
                    row: &k,
                    column: &cell.column,
                    index,
                };
                (at.key() == key).then_some(cell)
            })
        })
    }
}

/// A row's cells from its JSON: an array of values in 表三 (named by the template's
/// columns), an object of column → value elsewhere.
fn json_cells(id: TableId, cells: &Value) -> Result<Vec<Cell>, String> {
    let number = |v: &Value| match v {
        Value::Number(n) => Ok(Some(n.clone())),
        Value::Null => Ok(None),
        other => Err(format!("a cell is not a number or null: {other}")),
    };
    let cell = |column: &str, v: &Value| -> Result<Cell, String> {
        Ok(Cell {
            column: column.to_string(),
            value: number(v)?,
            printed: None,
        })
    };
    match (id, cells) {
        (TableId::Applications, Value::Array(values)) => applications::COLUMNS
            .iter()
            .zip(values)
            .map(|(c, v)| cell(c, v))
            .collect(),
        (_, Value::Object(columns)) => columns.iter().map(|(c, v)| cell(c, v)).collect(),
        _ => Err("a row is neither an array nor an object".into()),
    }
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let printed = self.printed();
        let values = |row: &Row| -> Vec<Option<Number>> {
            row.cells.iter().map(|c| c.value.clone()).collect()
        };
        if self.id == TableId::Applications {
            let rows: Map<String, Value> = self
                .rows
                .iter()
                .map(|r| (r.key.clone(), serde_json::json!(values(r))))
                .collect();
            let mut map = s.serialize_map(Some(3))?;
            map.serialize_entry("columns", &applications::COLUMNS)?;
            map.serialize_entry("rows", &rows)?;
            map.serialize_entry("printed", &printed)?;
            return map.end();
        }
        let mut map = s.serialize_map(None)?;
        for row in &self.rows {
            let cells: Map<String, Value> = row
                .cells
                .iter()
                .map(|c| (c.column.clone(), serde_json::json!(c.value)))
                .collect();
            map.serialize_entry(&row.key, &cells)?;
        }
        if !printed.is_empty() {
            map.serialize_entry("printed", &printed)?;
        }
        map.end()
    }
}

fn table<'de, D: Deserializer<'de>>(id: TableId, d: D) -> Result<Option<Table>, D::Error> {
    Option::<Map<String, Value>>::deserialize(d)?
        .map(|json| Table::from_json(id, json).map_err(de::Error::custom))
        .transpose()
}

fn active_disclosure<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Table>, D::Error> {
    table(TableId::ActiveDisclosure, d)
}

fn applications<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Table>, D::Error> {
    table(TableId::Applications, d)
}

fn review_litigation<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Table>, D::Error> {
    table(TableId::ReviewLitigation, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_read_back_as_they_were_written() {
        let json = serde_json::json!({
            "active_disclosure": {
                "regulations": {"issued": 1, "repealed": null, "in_force": 3},
                "printed": {"regulations.repealed": "/"}
            },
            "applications": {
                "columns": applications::COLUMNS,
                "rows": {"granted": [1, 0, 0, 0, 0, 0, 1]},
                "printed": {"rows.granted[1]": "０"}
            },
            "review_litigation": null,
            "statistics": null
        });
        let tables: Tables = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(serde_json::to_value(&tables).unwrap(), json);
        let granted = applications::total_of("granted");
        assert_eq!(tables.value(granted), Some(Some(1.0)));
        let regulations = tables.active_disclosure.as_ref().unwrap();
        assert_eq!(regulations.rows[0].cells[1].printed.as_deref(), Some("/"));
    }
}
