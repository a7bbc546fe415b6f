//! How `cells` is written: one entry per table row, keyed by the row's path (a cell's path
//! without its column: `tables.applications.rows.granted`, `tables.active_disclosure.regulations`,
//! `tables.statistics.rows[3].values`), its cells in the row's shape — an array in column
//! order where the row's values are an array, an object by column where they are an object:
//!
//! ```json
//! "tables.applications.rows.granted": {"page": 2, "source": "text", "y": [396.5, 406.7],
//!                                      "x": [[305.4, 314.8], [340, 348.7], …]}
//! ```
//!
//! `page` and `source` are one value when every cell listed shares it, else one per cell
//! (null: not listed, or no page); `y` (top, bottom) is given once when every boxed cell
//! shares it, with `x` (left, right) per cell, else `box` (`[x0, y0, x1, y1]`) per cell
//! (null: no box). `source` is one value only beside `x` or `box`, which then say which cells
//! the row lists.

use serde_json::{Map, Number, Value};

use super::Provenance;
use crate::record::number;
use crate::template::{CellPath, Column};

/// One row's cells in column order: an array's slots (index 0 up to the last listed; None
/// for a cell not listed), or an object's keys (`[n]` for an index among names).
struct Slots<'a> {
    /// Whether the row is written as an object.
    named: bool,
    /// Each slot's key (for an object) and the cell's provenance.
    cells: Vec<(String, Option<&'a Provenance>)>,
}

impl<'a> Slots<'a> {
    /// The slots of a row's listed cells.
    fn of(listed: &[(Column, &'a Provenance)]) -> Self {
        let named = listed.iter().any(|(c, _)| matches!(c, Column::Name(_)));
        if named {
            let key = |c: &Column| match c {
                Column::Index(i) => format!("[{i}]"),
                Column::Name(n) => n.clone(),
            };
            let cells = listed.iter().map(|(c, p)| (key(c), Some(*p))).collect();
            return Slots { named, cells };
        }
        let index = |c: &Column| match c {
            Column::Index(i) => *i,
            Column::Name(_) => 0,
        };
        let width = listed.iter().map(|(c, _)| index(c) + 1).max().unwrap_or(0);
        let mut cells: Vec<(String, Option<&Provenance>)> = vec![(String::new(), None); width];
        for (c, p) in listed {
            cells[index(c)].1 = Some(*p);
        }
        Slots { named, cells }
    }

    /// One value per slot, as an array or an object like the row.
    fn each(&self, value: impl Fn(Option<&Provenance>) -> Option<Value>) -> Value {
        let values = self
            .cells
            .iter()
            .map(|(k, p)| (k, value(*p).unwrap_or(Value::Null)));
        if self.named {
            Value::Object(values.map(|(k, v)| (k.clone(), v)).collect())
        } else {
            Value::Array(values.map(|(_, v)| v).collect())
        }
    }

    /// The row's entry.
    fn entry(&self) -> Value {
        let listed: Vec<&Provenance> = self.cells.iter().filter_map(|(_, p)| *p).collect();
        let mut entry = Map::new();
        let page = listed.first().and_then(|p| p.page);
        if listed.iter().any(|p| p.page != page) {
            entry.insert("page".into(), self.each(|p| Some(p?.page?.into())));
        } else if let Some(page) = page {
            entry.insert("page".into(), page.into());
        }
        let boxes: Vec<[f32; 4]> = listed.iter().filter_map(|p| p.bbox).collect();
        let source = listed.first().map(|p| p.source);
        let shared =
            listed.len() == self.cells.len() && listed.iter().all(|p| Some(p.source) == source);
        match source.filter(|_| shared && !boxes.is_empty()) {
            Some(one) => entry.insert("source".into(), one.as_str().into()),
            None => entry.insert(
                "source".into(),
                self.each(|p| Some(p?.source.as_str().into())),
            ),
        };
        let y = boxes.first().map(|b| [b[1], b[3]]);
        if boxes.iter().any(|b| Some([b[1], b[3]]) != y) {
            entry.insert("box".into(), self.each(|p| Some(coordinates(&p?.bbox?))));
        } else if let Some(y) = y {
            entry.insert("y".into(), coordinates(&y));
            entry.insert(
                "x".into(),
                self.each(|p| p?.bbox.map(|b| coordinates(&[b[0], b[2]]))),
            );
        }
        Value::Object(entry)
    }
}

/// Coordinates as short numbers (`72.5`, `300`), not as `72.5000001`.
fn coordinates(values: &[f32]) -> Value {
    let short = |v: &f32| number(&format!("{v}")).unwrap_or_else(|| Number::from(0));
    Value::Array(values.iter().map(|v| Value::Number(short(v))).collect())
}

/// The written form of the cells' entries (grouped by row, rows in the order they first
/// appear).
pub fn encode(cells: &[(CellPath, Provenance)]) -> Map<String, Value> {
    let mut rows: Vec<(CellPath, Vec<(Column, &Provenance)>)> = Vec::new();
    for (path, provenance) in cells {
        let (row, column) = path.split().unwrap_or_else(|| {
            (
                CellPath::Other(String::new()),
                Column::Name(path.to_string()),
            )
        });
        match rows.iter_mut().find(|(r, _)| *r == row) {
            Some((_, listed)) => listed.push((column, provenance)),
            None => rows.push((row, vec![(column, provenance)])),
        }
    }
    rows.into_iter()
        .map(|(row, listed)| (row.to_string(), Slots::of(&listed).entry()))
        .collect()
}

/// The cells' entries read back from their written form.
pub fn decode(rows: &Map<String, Value>) -> Result<Vec<(CellPath, Provenance)>, String> {
    let mut out = Vec::new();
    for (row, entry) in rows {
        let entry = entry
            .as_object()
            .ok_or_else(|| format!("cells.{row}: not an object"))?;
        if flat(row, entry) {
            let cell = flat_cell(entry).map_err(|e| format!("cells.{row}: {e}"))?;
            out.push((CellPath::parse(row), cell));
            continue;
        }
        out.extend(row_cells(row, entry).map_err(|e| format!("cells.{row}: {e}"))?);
    }
    Ok(out)
}

/// Whether an entry is one cell's, as records written before rows were grouped have them
/// (`"tables.applications.rows.granted[0]": {"page": 2, "box": [x0, y0, x1, y1], "source":
/// "text"}`): keyed by a cell's path (a column index, or 表二's and 表四's
/// `tables.<table>.<row>.<column>`), one source, and a box of four numbers or none. A row's
/// entry always lists its cells in an array or object of them.
fn flat(key: &str, entry: &Map<String, Value>) -> bool {
    let cell_path = CellPath::parse(key).is_cell() || key.ends_with(']');
    let one_box = match entry.get("box") {
        None | Some(Value::Null) => true,
        Some(Value::Array(b)) => b.iter().all(Value::is_number),
        Some(_) => false,
    };
    let one_source = entry.get("source").is_some_and(Value::is_string);
    cell_path && one_source && one_box && !entry.contains_key("x")
}

/// One cell's entry as records written before rows were grouped have it.
fn flat_cell(entry: &Map<String, Value>) -> Result<Provenance, String> {
    let field = |name: &str| entry.get(name).filter(|v| !v.is_null());
    let source = field("source").cloned().unwrap_or_default();
    let source = serde_json::from_value(source).map_err(|e| e.to_string())?;
    let page = field("page").map(page_number);
    let bbox = field("box").map(four).transpose()?;
    Ok(Provenance {
        page: page.transpose()?,
        bbox,
        source,
    })
}

/// Where a cell's value sits in a per-cell field: an array's index or an object's key.
#[derive(Clone, Copy)]
enum Slot<'k> {
    /// The index in an array.
    Index(usize),
    /// The key in an object.
    Key(&'k str),
}

/// The cells of one row's entry, in column order.
fn row_cells(row: &str, entry: &Map<String, Value>) -> Result<Vec<(CellPath, Provenance)>, String> {
    let field = |name: &str| entry.get(name).filter(|v| !v.is_null());
    let listing = ["source", "box", "x", "page"]
        .iter()
        .filter_map(|&name| field(name))
        .find(|v| v.is_array() || v.is_object())
        .ok_or("no field says which cells the row lists")?;
    let row = CellPath::parse(row);
    let slots: Vec<(CellPath, Slot)> = match listing {
        Value::Array(a) => (0..a.len())
            .map(|i| (row.join(Column::Index(i)), Slot::Index(i)))
            .collect(),
        Value::Object(o) => o
            .keys()
            .map(|k| (row.join(named(k)), Slot::Key(k)))
            .collect(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for (path, at) in slots {
        if let Some(provenance) = cell(entry, at)? {
            out.push((path, provenance));
        }
    }
    Ok(out)
}

/// The provenance of the cell at one slot of a row's entry (None: not listed).
fn cell(entry: &Map<String, Value>, at: Slot) -> Result<Option<Provenance>, String> {
    let field = |name: &str| entry.get(name).filter(|v| !v.is_null());
    let value = |name: &str| field(name).and_then(|v| slot(v, at));
    let Some(source) = value("source") else {
        return Ok(None);
    };
    let source = serde_json::from_value(source.clone()).map_err(|e| e.to_string())?;
    let page = value("page").map(page_number);
    let bbox = match (field("y"), value("x"), value("box")) {
        (Some(y), Some(x), _) => Some(joined(x, y)?),
        (_, _, Some(b)) => Some(four(b)?),
        _ => None,
    };
    let page = page.transpose()?;
    Ok(Some(Provenance { page, bbox, source }))
}

/// A page number as written.
fn page_number(p: &Value) -> Result<u32, String> {
    let page = p.as_u64().and_then(|p| u32::try_from(p).ok());
    page.ok_or_else(|| format!("page {p} is not a page number"))
}

/// The column of a key of a row written as an object (`[n]`: an index among names).
fn named(key: &str) -> Column {
    let index = key.strip_prefix('[').and_then(|k| k.strip_suffix(']'));
    match index.and_then(|i| i.parse().ok()) {
        Some(i) => Column::Index(i),
        None => Column::Name(key.to_string()),
    }
}

/// A field's value for one cell: the field itself when shared, else the cell's slot (None:
/// null or missing).
fn slot<'v>(field: &'v Value, at: Slot) -> Option<&'v Value> {
    let found = match (field, at) {
        (Value::Array(a), Slot::Index(i)) => a.get(i),
        (Value::Object(o), Slot::Key(k)) => o.get(k),
        (Value::Array(_) | Value::Object(_), _) => None,
        (shared, _) => Some(shared),
    };
    found.filter(|v| !v.is_null())
}

/// Numbers of a coordinate array.
fn numbers(value: &Value, count: usize) -> Result<Vec<f32>, String> {
    let found: Option<Vec<f32>> = (value.as_array())
        .filter(|a| a.len() == count)
        .and_then(|a| a.iter().map(|v| v.as_f64().map(|f| f as f32)).collect());
    found.ok_or_else(|| format!("{value} is not {count} numbers"))
}

/// A box from its cell's `x` and its row's `y`.
fn joined(x: &Value, y: &Value) -> Result<[f32; 4], String> {
    let (x, y) = (numbers(x, 2)?, numbers(y, 2)?);
    Ok([x[0], y[0], x[1], y[1]])
}

/// A box written whole.
fn four(b: &Value) -> Result<[f32; 4], String> {
    let b = numbers(b, 4)?;
    Ok([b[0], b[1], b[2], b[3]])
}
