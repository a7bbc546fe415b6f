//! 表四 (行政复议、行政诉讼): one row of fifteen numbers, three groups of five.

use serde_json::{Map, Value as Json};

use crate::checks::{self, Cell, Equation, Origin};
use crate::complete;
use crate::layout::Line;
use crate::parse::TableResult;
use crate::parse::cells::Value;
use crate::parse::grid::{self, Placed, ValueRow};
use crate::record::{Notice, number};
use crate::template::{REVIEW_COLUMNS, REVIEW_GROUPS};

const WIDTH: usize = 15;

/// Parses 表四 from the lines of its region; None when it has no values.
pub fn parse(lines: &[Line]) -> Option<TableResult<Map<String, Json>>> {
    let rows = grid::value_rows(lines, 3);
    let mut warnings = Vec::new();
    let (values, centres) = match rows.iter().find(|r| r.values.len() == WIDTH) {
        Some(row) => (row.values.clone(), None),
        None if rows.len() == 1 => (
            rows[0].values.clone(),
            grid::header_centres(lines, rows[0].line, WIDTH, 6),
        ),
        None => (
            rows.iter().flat_map(|r| r.values.iter().cloned()).collect(),
            None,
        ),
    };
    if values.is_empty() {
        return None;
    }
    if values.len() > WIDTH {
        warnings.push(Notice::new(
            "extra_values",
            format!(
                "表四: {} values found, the first 15 were used",
                values.len()
            ),
        ));
    }
    let row = ValueRow {
        label: String::new(),
        values: values.into_iter().take(WIDTH).collect(),
        page: rows.first().and_then(|r| r.page),
        line: rows.first().map_or(0, |r| r.line),
    };
    let mut placed = vec![Some(grid::place(&row, WIDTH, centres.as_deref()))];
    let equations = equations();
    let settled = grid::settle(&mut placed, WIDTH, &equations, "表四", &mut warnings);
    let path = |i: usize| {
        format!(
            "tables.review_litigation.{}.{}",
            REVIEW_GROUPS[i / 5],
            REVIEW_COLUMNS[i % 5]
        )
    };
    let mut checks = checks::entries(&settled.cells, &equations, &settled.repaired, &path);
    let table_path = "tables.review_litigation";
    let gaps = grid::gaps(
        &settled,
        &[grid::Found::Yes],
        WIDTH,
        &|_| table_path.into(),
        &path,
        table_path,
    );
    checks.extend(complete::entries(
        "review_litigation.complete",
        "表四",
        table_path,
        1,
        &gaps,
    ));
    let slots = placed[0]
        .take()
        .map(|p: Placed| p.slots)
        .unwrap_or_default();
    let table = table(&settled.cells, &slots);
    let debug = vec![format!("表四 values: {}", show(&slots))];
    Some(TableResult {
        table,
        checks,
        warnings,
        debug,
    })
}

/// The record's 表四: group → column → value, and the `printed` map of cells that were
/// not plain numbers.
fn table(cells: &[Cell], slots: &[Option<Value>]) -> Map<String, Json> {
    let mut table = Map::new();
    let mut printed = Map::new();
    for (g, group) in REVIEW_GROUPS.iter().enumerate() {
        let mut values = Map::new();
        for (c, column) in REVIEW_COLUMNS.iter().enumerate() {
            let i = g * 5 + c;
            let text = match (cells[i].origin, &slots[i]) {
                (Origin::Printed, Some(v)) => v.printed.clone(),
                (Origin::Blank, _) => Some(String::new()),
                _ => None,
            };
            if let Some(text) = text {
                printed.insert(format!("{group}.{column}"), Json::String(text));
            }
            let value = match (cells[i].origin, &slots[i]) {
                (Origin::Printed, Some(v)) => v.number.clone(),
                (Origin::Repaired, _) => cells[i].value.and_then(|v| number(&format!("{v}"))),
                _ => None,
            };
            values.insert(column.to_string(), value.map_or(Json::Null, Json::Number));
        }
        table.insert(group.to_string(), Json::Object(values));
    }
    if !printed.is_empty() {
        table.insert("printed".into(), Json::Object(printed));
    }
    table
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

/// R4–R6: in each group, 总计 = the four results.
fn equations() -> Vec<Equation> {
    REVIEW_GROUPS
        .iter()
        .enumerate()
        .map(|(g, group)| Equation {
            rule: "review_litigation.totals",
            result: g * 5 + 4,
            extra: Vec::new(),
            parts: (0..4).map(|c| g * 5 + c).collect(),
            scope: format!("{group}: 总计 = 维持 + 纠正 + 其他 + 尚未审结"),
        })
        .collect()
}
