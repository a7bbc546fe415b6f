//! [`Entry`]: what `compare` keeps of one record — identity, every table cell, the
//! narrative counts, the policy titles and the sections' sentences (hashed).

use std::collections::HashSet;
use std::sync::{Arc, LazyLock, Mutex};

use serde::Serialize;
use serde_json::{Number, Value};

use govreport_model::record::{Record, Report, Statistics, Table, Tables};
use govreport_parse::agency::agency_key;
use govreport_parse::region::from_level;

use super::reuse::{Sentence, sentences};

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
    /// The sections' sentences, normalised and hashed, for text reuse.
    #[serde(skip)]
    pub sentences: Vec<Sentence>,
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
    pub value: Number,
    /// The unit (条, 件, %…).
    pub unit: String,
}

impl Entry {
    /// The entry of a record; `regions_written` is false for a record written before
    /// regions (no `report.region` at all), whose region and agency level are placed again
    /// from its agency and title.
    pub fn of(record: &Record, regions_written: bool) -> Entry {
        let report = &record.report;
        let (region_code, agency_level) = placed(report, regions_written);
        let agency = report.agency.clone();
        Entry {
            path: record.source.path.clone(),
            key: (agency.as_deref()).map(|a| agency_key(a, region_code.as_deref())),
            agency,
            region_code,
            agency_level,
            year: report.year,
            template: report.template.to_string(),
            status: record.status.to_string(),
            cells: cells(&record.tables),
            counts: (record.counts.iter())
                .map(|c| Count {
                    label: c.label.clone(),
                    value: c.value.clone(),
                    unit: c.unit.clone(),
                })
                .collect(),
            policies: record.policies.iter().map(|p| p.title.clone()).collect(),
            sentences: sentences(&record.sections),
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
/// written before regions, placed again from its agency and title.
fn placed(report: &Report, regions_written: bool) -> (Option<String>, Option<String>) {
    if regions_written {
        let code = report.region.as_ref().map(|r| r.code.clone());
        return (code, report.agency_level.map(|l| l.to_string()));
    }
    let (agency, title) = (report.agency.as_deref(), report.title.as_deref());
    let p = govreport_region::place_in_year(agency, title, "", report.year);
    let level = p.agency_level.map(|l| from_level(l).to_string());
    (p.region.map(|r| r.code), level)
}

/// Every cell of the record's tables (表二, 表三, 表四, then pre-2019 statistics).
pub fn cells(tables: &Tables) -> Vec<Cell> {
    let national = [
        &tables.active_disclosure,
        &tables.applications,
        &tables.review_litigation,
    ];
    let mut out: Vec<Cell> = national.into_iter().flatten().flat_map(table).collect();
    if let Some(s) = &tables.statistics {
        statistics(&mut out, s);
    }
    out
}

/// A national table's cells, row after row, named by table, row and column key.
fn table(t: &Table) -> impl Iterator<Item = Cell> + '_ {
    t.rows.iter().flat_map(move |row| {
        row.cells.iter().map(move |c| Cell {
            place: place(t.id.as_str(), &row.key, &c.column),
            value: c.value.clone(),
            printed: c.printed.as_deref().map(Box::from),
        })
    })
}

/// Pre-2019 statistics: rows named by `key` (else `label`), columns by their headers.
fn statistics(out: &mut Vec<Cell>, table: &Statistics) {
    for (r, row) in table.rows.iter().enumerate() {
        let name = row.key.as_deref().unwrap_or(&row.label);
        for (i, v) in row.values.iter().enumerate() {
            let column = table.columns.get(i).map_or("value", String::as_str);
            let printed = table.printed.get(&format!("rows[{r}].values[{i}]"));
            out.push(Cell {
                place: place("statistics", name, column),
                value: v.as_number().cloned(),
                printed: printed.and_then(Value::as_str).map(Box::from),
            });
        }
    }
}

/// Entry tests, and the tables helper the other compare tests share.
#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use govreport_model::record::Source;
    use serde_json::json;

    /// Tables from their JSON, the tables it leaves out null.
    pub(crate) fn tables(json: Value) -> Tables {
        let mut all =
            json!({"active_disclosure": null, "applications": null, "review_litigation": null});
        let given = json.as_object().cloned().unwrap_or_default();
        all.as_object_mut().expect("an object").extend(given);
        serde_json::from_value(all).expect("tables")
    }

    #[test]
    fn every_table_becomes_cells_named_like_the_tidy_csv() {
        let tables = tables(json!({
            "active_disclosure": {"regulations": {"issued": 1}, "printed": {"regulations.issued": "1"}},
            "applications": {"rows": {"new_requests": [3, null]},
                             "printed": {"rows.new_requests[1]": "—"}},
            "statistics": {"columns": ["统计数"], "rows": [
                {"label": "主动公开政府信息数", "text": "", "key": "active.published", "values": [12]},
                {"label": "其他", "text": "", "key": null, "values": [null]}],
                "printed": {"rows[1].values[0]": "/"}}
        }));
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
                "applications.new_requests.commercial_enterprise",
                "statistics.active.published.统计数",
                "statistics.其他.统计数",
            ]
        );
        assert_eq!(cells[0].printed.as_deref(), Some("1"));
        assert_eq!(cells[2].printed.as_deref(), Some("—"));
        assert_eq!(cells[2].value, None);
        assert_eq!(cells[4].printed.as_deref(), Some("/"));
    }

    #[test]
    fn the_region_is_read_as_written_or_placed_for_older_records() {
        let record = |agency: &str, year| {
            let mut r = Record::new(Source::default());
            r.report.agency = Some(agency.into());
            r.report.year = year;
            r
        };
        let mut written = record("洪泽区人民政府", Some(2023));
        written.report.region = serde_json::from_value(json!({"code": "320813", "name": "洪泽区",
            "level": "county", "province": "江苏省", "city": "淮安市", "county": "洪泽区"}))
        .unwrap();
        written.report.agency_level = Some(govreport_model::codes::AgencyLevel::County);
        let e = Entry::of(&written, true);
        assert_eq!(e.region_code.as_deref(), Some("320813"));
        assert_eq!(e.key.as_deref(), Some("320813:人民政府"));
        let older = record("淮安市洪泽区人民政府", Some(2024));
        let e = Entry::of(&older, false);
        assert_eq!(e.region_code.as_deref(), Some("320813"));
        assert_eq!(e.agency_level.as_deref(), Some("county"));
        assert_eq!(e.key.as_deref(), Some("320813:人民政府"));
        let unplaced = Entry::of(&record("鼓楼区人民政府", None), true);
        assert_eq!(
            (unplaced.region_code, unplaced.key.as_deref()),
            (None, Some("鼓楼区人民政府"))
        );
    }
}
