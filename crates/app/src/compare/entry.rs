//! [`Entry`]: what `compare` keeps of one record — identity, every table cell, the
//! narrative counts and the policy titles — built from the record's JSON form.

use std::collections::HashSet;
use std::sync::{Arc, LazyLock, Mutex};

use serde::Serialize;
use serde_json::{Number, Value};

use govreport_parse::agency::agency_key;

/// One record, reduced to what comparisons need (a few KB instead of the whole record).
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// `source.path` of the record.
    pub path: String,
    /// `report.agency` as printed.
    pub agency: Option<String>,
    /// `report.region.code`, or for a record written before regions, the code its agency
    /// and title place it at.
    pub region_code: Option<String>,
    /// `report.agency_level`, or for a record written before regions, as placed.
    pub agency_level: Option<String>,
    /// The agency key, recomputed from `agency` and the region code (so records of any
    /// version group alike).
    pub key: Option<String>,
    /// `report.year`.
    pub year: Option<i32>,
    /// `report.template`.
    pub template: String,
    /// `ok` or `partial` (`failed` records are not compared).
    pub status: String,
    /// Every table cell, in table order.
    #[serde(skip)]
    pub cells: Vec<Cell>,
    /// The narrative counts.
    #[serde(skip)]
    pub counts: Vec<Count>,
    /// Policy titles, in order of first appearance.
    #[serde(skip)]
    pub policies: Vec<String>,
}

/// Where a cell is: table, row and column, shared by every cell of that place in every
/// record (see [`place`]).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Place {
    /// `active_disclosure`, `applications`, `review_litigation` or `statistics`.
    pub table: Box<str>,
    /// Row key (for `statistics`: the indicator's `key`, else its `label`).
    pub row: Box<str>,
    /// Column key (for `statistics`: the column header).
    pub column: Box<str>,
}

/// One table cell, named as in the tidy CSV: 48 bytes, its place shared.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Table, row and column.
    pub place: Arc<Place>,
    /// The value, or None for a blank, `—` or `/` cell.
    pub value: Option<Number>,
    /// The cell's text when it was printed as something other than a plain number.
    pub printed: Option<Box<str>>,
}

impl Cell {
    /// The table key.
    pub fn table(&self) -> &str {
        &self.place.table
    }

    /// The row key.
    pub fn row(&self) -> &str {
        &self.place.row
    }

    /// The column key.
    pub fn column(&self) -> &str {
        &self.place.column
    }

    /// Whether two cells are at the same place (one pointer comparison: places are shared).
    pub fn same_place(&self, other: &Cell) -> bool {
        Arc::ptr_eq(&self.place, &other.place)
    }
}

/// The one shared copy of a place: a panel of thousands of records holds each table, row
/// and column name once, not once per cell.
pub fn place(table: &str, row: &str, column: &str) -> Arc<Place> {
    static PLACES: LazyLock<Mutex<HashSet<Arc<Place>>>> = LazyLock::new(Mutex::default);
    let key = Place {
        table: table.into(),
        row: row.into(),
        column: column.into(),
    };
    let mut places = PLACES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = places.get(&key) {
        return found.clone();
    }
    let new = Arc::new(key);
    places.insert(new.clone());
    new
}

/// One counted fact of the narrative.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    /// The phrase that names it.
    pub label: String,
    /// The number.
    pub value: Option<Number>,
    /// The unit (条, 件, %…).
    pub unit: String,
}

impl Entry {
    /// The entry of a record's JSON form (record.md's contract, so that any version's
    /// records, and tables the record type may not know, read alike).
    pub fn from_value(record: &Value) -> Entry {
        let report = &record["report"];
        let agency = report["agency"].as_str().map(String::from);
        let year = report["year"].as_i64().and_then(|y| i32::try_from(y).ok());
        let (region_code, agency_level) = placed(report, year);
        Entry {
            path: text(&record["source"]["path"]),
            key: (agency.as_deref()).map(|a| agency_key(a, region_code.as_deref())),
            agency,
            region_code,
            agency_level,
            year,
            template: text(&report["template"]),
            status: text(&record["status"]),
            cells: cells(&record["tables"]),
            counts: counts(&record["counts"]),
            policies: record["policies"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| p["title"].as_str().map(String::from))
                .collect(),
        }
    }

    /// `agency year` for headings (`石湾区人民政府 2023`).
    pub fn name(&self) -> String {
        let agency = self.agency.as_deref().unwrap_or("(agency unknown)");
        match self.year {
            Some(y) => format!("{agency} {y}"),
            None => format!("{agency} (year unknown)"),
        }
    }

    /// The value of one cell, if the record has it.
    pub fn cell(&self, table: &str, row: &str, column: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.table() == table && c.row() == row && c.column() == column)
    }
}

/// The region code and agency level of a record's `report`: as written, or for a record
/// written before regions (no `region` field), placed again from its agency and title.
fn placed(report: &Value, year: Option<i32>) -> (Option<String>, Option<String>) {
    let named = |v: &Value| v.as_str().map(String::from);
    if report.get("region").is_some() {
        return (
            named(&report["region"]["code"]),
            named(&report["agency_level"]),
        );
    }
    let (agency, title) = (report["agency"].as_str(), report["title"].as_str());
    let p = govreport_region::place_in_year(agency, title, "", year);
    let level = p.agency_level.map(serde_json::to_value);
    let level = level.and_then(Result::ok).as_ref().and_then(named);
    (p.region.map(|r| r.code), level)
}

/// A JSON string's text, or "" for anything else.
fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// Every cell of the record's `tables` (表二, 表三, 表四, then pre-2019 statistics).
pub fn cells(tables: &Value) -> Vec<Cell> {
    let mut out = Vec::new();
    grouped(&mut out, "active_disclosure", &tables["active_disclosure"]);
    applications(&mut out, &tables["applications"]);
    grouped(&mut out, "review_litigation", &tables["review_litigation"]);
    statistics(&mut out, &tables["statistics"]);
    out
}

fn cell(table: &str, row: &str, column: &str, value: &Value, printed: Option<&Value>) -> Cell {
    Cell {
        place: place(table, row, column),
        value: value.as_number().cloned(),
        printed: printed.and_then(Value::as_str).map(Box::from),
    }
}

/// 表二 and 表四: row → column → value, with a `printed` map keyed `row.column`.
fn grouped(out: &mut Vec<Cell>, table: &str, value: &Value) {
    let Some(rows) = value.as_object() else {
        return;
    };
    let printed = &value["printed"];
    for (row, columns) in rows.iter().filter(|(k, _)| *k != "printed") {
        for (column, v) in columns.as_object().into_iter().flatten() {
            let text = printed.get(format!("{row}.{column}"));
            out.push(cell(table, row, column, v, text));
        }
    }
}

/// 表三: `columns` and `rows` of seven values, `printed` keyed `rows.key[i]`.
fn applications(out: &mut Vec<Cell>, value: &Value) {
    let columns = value["columns"].as_array().cloned().unwrap_or_default();
    for (row, values) in value["rows"].as_object().into_iter().flatten() {
        for (i, v) in values.as_array().into_iter().flatten().enumerate() {
            let column = columns.get(i).and_then(Value::as_str).unwrap_or("?");
            let text = value["printed"].get(format!("rows.{row}[{i}]"));
            out.push(cell("applications", row, column, v, text));
        }
    }
}

/// Pre-2019 statistics: rows named by `key` (else `label`), columns by their headers.
fn statistics(out: &mut Vec<Cell>, value: &Value) {
    let columns = value["columns"].as_array().cloned().unwrap_or_default();
    for (r, row) in value["rows"].as_array().into_iter().flatten().enumerate() {
        let name = row["key"].as_str().or_else(|| row["label"].as_str());
        let Some(name) = name else { continue };
        for (i, v) in row["values"].as_array().into_iter().flatten().enumerate() {
            let column = columns.get(i).and_then(Value::as_str).unwrap_or("value");
            let text = value["printed"].get(format!("rows[{r}].values[{i}]"));
            out.push(cell("statistics", name, column, v, text));
        }
    }
}

fn counts(value: &Value) -> Vec<Count> {
    let counts = value.as_array().into_iter().flatten();
    counts
        .filter_map(|c| {
            Some(Count {
                label: c["label"].as_str()?.to_string(),
                value: c["value"].as_number().cloned(),
                unit: c["unit"].as_str().unwrap_or_default().to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_table_becomes_cells_named_like_the_tidy_csv() {
        let tables = json!({
            "active_disclosure": {"regulations": {"issued": 1}, "printed": {"regulations.issued": "1"}},
            "applications": {"columns": ["natural_person", "total"],
                             "rows": {"new_requests": [3, null]},
                             "printed": {"rows.new_requests[1]": "—"}},
            "review_litigation": null,
            "statistics": {"columns": ["统计数"], "rows": [
                {"label": "主动公开政府信息数", "key": "active.published", "values": [12]},
                {"label": "其他", "key": null, "values": [null]}],
                "printed": {"rows[1].values[0]": "/"}}
        });
        let cells = cells(&tables);
        let names: Vec<String> = cells
            .iter()
            .map(|c| format!("{}.{}.{}", c.table(), c.row(), c.column()))
            .collect();
        assert_eq!(
            names,
            [
                "active_disclosure.regulations.issued",
                "applications.new_requests.natural_person",
                "applications.new_requests.total",
                "statistics.active.published.统计数",
                "statistics.其他.统计数",
            ]
        );
        assert_eq!(cells[2].printed.as_deref(), Some("—"));
        assert_eq!(cells[2].value, None);
        assert_eq!(cells[4].printed.as_deref(), Some("/"));
    }

    #[test]
    fn the_region_is_read_as_written_or_placed_for_older_records() {
        let written = json!({"report": {"agency": "洪泽区人民政府", "year": 2023,
            "region": {"code": "320813"}, "agency_level": "county"}});
        let e = Entry::from_value(&written);
        assert_eq!(e.region_code.as_deref(), Some("320813"));
        assert_eq!(e.key.as_deref(), Some("320813:人民政府"));
        let older = json!({"report": {"agency": "淮安市洪泽区人民政府", "year": 2024}});
        let e = Entry::from_value(&older);
        assert_eq!(e.region_code.as_deref(), Some("320813"));
        assert_eq!(e.agency_level.as_deref(), Some("county"));
        assert_eq!(e.key.as_deref(), Some("320813:人民政府"));
        let unplaced = json!({"report": {"agency": "鼓楼区人民政府", "region": null}});
        let e = Entry::from_value(&unplaced);
        assert_eq!(
            (e.region_code, e.key.as_deref()),
            (None, Some("鼓楼区人民政府"))
        );
    }
}
