//! Whether to trust a table read from an OCR layer: cells the layer left empty are
//! derived from the rules where they determine them; what stays doubtful — a failed
//! rule, an empty cell, a missing row, a 表二 cell whose digits were guessed from OCR
//! look-alikes — is named, per table.

use serde_json::{Map, Value as Json};

use crate::checks::{self, Cell, Equation, Origin, Verdict};
use crate::parse::{applications, review};
use crate::record::{Applications, Check, Record, Tables, number};
use crate::template::{REVIEW_COLUMNS, REVIEW_GROUPS, RowSpec, application_rows};

/// The rule name of the checks that name a doubtful cell of an OCR layer.
pub const RULE: &str = "ocr_layer.unconfirmed";

/// A cell (or a whole row) of a layer table that nothing confirms, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Doubt {
    /// Record path of the cell or row.
    pub path: String,
    /// What is doubtful about it.
    pub why: String,
}

/// The flat cells of 表三 as the record holds them: an empty cell (printed "") or a cell
/// the parser already derived counts as lost, so that the rules may derive it.
fn applications_cells(t: &Applications, spec: &[&RowSpec], repaired: &[String]) -> Vec<Cell> {
    let mut cells = Vec::with_capacity(spec.len() * 7);
    for row in spec {
        let values = t.rows.get(row.key).and_then(Json::as_array);
        for c in 0..7 {
            let path = format!("rows.{}[{c}]", row.key);
            let empty = t.printed.get(&path).and_then(Json::as_str) == Some("");
            let derived = repaired.contains(&format!("tables.applications.{path}"));
            cells.push(match values.and_then(|v| v.get(c)) {
                Some(v) if !empty && !derived => Cell::printed(v.as_f64()),
                _ => Cell::lost(),
            });
        }
    }
    cells
}

fn repaired_paths(record: &Record) -> Vec<String> {
    record
        .checks
        .iter()
        .filter(|c| c.status == "repaired")
        .filter_map(|c| c.path.clone())
        .collect()
}

/// Re-settles 表三 with the layer's empty cells counted as lost; returns the new checks
/// for its rules and the cells they leave in doubt.
fn settle_applications(record: &mut Record) -> Option<(Vec<Check>, Vec<Doubt>)> {
    let repaired = repaired_paths(record);
    let t = record.tables.applications.as_mut()?;
    let split = t
        .rows
        .keys()
        .any(|k| k.starts_with("other_") && k != "other_processing");
    let spec = application_rows(split);
    let mut cells = applications_cells(t, &spec, &repaired);
    let equations = applications::equations(&spec);
    let blank: Vec<bool> = (0..cells.len())
        .map(|i| {
            let path = format!("rows.{}[{}]", spec[i / 7].key, i % 7);
            t.printed.get(&path).and_then(Json::as_str) == Some("")
        })
        .collect();
    let filled = repair(&mut cells, &equations, &blank);
    let path = |i: usize| format!("tables.applications.rows.{}[{}]", spec[i / 7].key, i % 7);
    for &(i, _) in &filled {
        let (key, c) = (spec[i / 7].key, i % 7);
        let row = t
            .rows
            .entry(key)
            .or_insert_with(|| Json::Array(vec![Json::Null; 7]));
        if let Some(slot) = row.as_array_mut().and_then(|r| r.get_mut(c)) {
            *slot = value(cells[i].value);
        }
        t.printed.remove(&format!("rows.{key}[{c}]"));
    }
    let present = |i: usize| t.rows.contains_key(spec[i / 7].key);
    let doubts = unconfirmed(&cells, &equations, &filled, &present, &path);
    Some((checks::entries(&cells, &equations, &filled, &path), doubts))
}

/// Re-settles 表四 the same way.
fn settle_review(record: &mut Record) -> Option<(Vec<Check>, Vec<Doubt>)> {
    let repaired = repaired_paths(record);
    let t = record.tables.review_litigation.as_mut()?;
    let printed = t.get("printed").and_then(Json::as_object).cloned();
    let mut cells = Vec::with_capacity(15);
    let mut blank = Vec::with_capacity(15);
    for group in REVIEW_GROUPS {
        for column in REVIEW_COLUMNS {
            let key = format!("{group}.{column}");
            let v = t.get(group).and_then(|g| g.get(column));
            let empty = printed
                .as_ref()
                .and_then(|p| p.get(&key))
                .and_then(Json::as_str);
            let derived = repaired.contains(&format!("tables.review_litigation.{key}"));
            blank.push(empty == Some(""));
            cells.push(match v {
                Some(v) if empty != Some("") && !derived => Cell::printed(v.as_f64()),
                _ => Cell::lost(),
            });
        }
    }
    let equations: Vec<Equation> = review::equations();
    let filled = repair(&mut cells, &equations, &blank);
    let path = |i: usize| {
        let (g, c) = (REVIEW_GROUPS[i / 5], REVIEW_COLUMNS[i % 5]);
        format!("tables.review_litigation.{g}.{c}")
    };
    for &(i, _) in &filled {
        let (g, c) = (REVIEW_GROUPS[i / 5], REVIEW_COLUMNS[i % 5]);
        if let Some(group) = t.get_mut(g).and_then(Json::as_object_mut) {
            group.insert(c.to_string(), value(cells[i].value));
        }
        if let Some(p) = t.get_mut("printed").and_then(Json::as_object_mut) {
            p.remove(&format!("{g}.{c}"));
        }
    }
    if t.get("printed")
        .and_then(Json::as_object)
        .is_some_and(Map::is_empty)
    {
        t.remove("printed");
    }
    let doubts = unconfirmed(&cells, &equations, &filled, &|_| true, &path);
    Some((checks::entries(&cells, &equations, &filled, &path), doubts))
}

/// The number cells (of rows the table has) that the rules which hold do not confirm. A
/// 表三 cell needs a holding row equation (总计 = the six columns) *and* a holding column
/// equation (balance or outcome sum): a row sum alone holds just as well for a row read
/// into the wrong place. An equation that derived a cell confirms nothing, a skipped or
/// unverifiable one neither. A `—` or `/` mark is what the page prints, not a number.
fn unconfirmed(
    cells: &[Cell],
    equations: &[Equation],
    filled: &[(usize, usize)],
    present: &dyn Fn(usize) -> bool,
    path: &dyn Fn(usize) -> String,
) -> Vec<Doubt> {
    let (mut by_row, mut by_column) = (vec![false; cells.len()], vec![false; cells.len()]);
    let orientation = |e: &Equation| {
        let row = e.rule != "applications.balance" && e.rule != "applications.outcome_sum";
        (row, e.rule != "applications.row_totals")
    };
    let mark = |e: &Equation, by_row: &mut [bool], by_column: &mut [bool]| {
        let (row, column) = orientation(e);
        for &i in std::iter::once(&e.result).chain(&e.extra).chain(&e.parts) {
            by_row[i] |= row;
            by_column[i] |= column;
        }
    };
    let holds = |e: &Equation| checks::verdict(cells, e) == Verdict::Pass;
    let derived = |k: usize| filled.iter().find(|&&(_, d)| d == k).map(|&(i, _)| i);
    for (k, e) in equations.iter().enumerate() {
        if derived(k).is_none() && holds(e) {
            mark(e, &mut by_row, &mut by_column);
        }
    }
    // An equation that derived a cell confirms its cells when another equation, of the
    // other orientation, confirms the derived value.
    for (k, e) in equations.iter().enumerate() {
        let Some(i) = derived(k) else { continue };
        let (row, _) = orientation(e);
        let checked = if row { by_column[i] } else { by_row[i] };
        if checked && holds(e) {
            mark(e, &mut by_row, &mut by_column);
        }
    }
    (0..cells.len())
        .filter(|&i| !(by_row[i] && by_column[i]) && present(i) && cells[i].value.is_some())
        .map(|i| Doubt {
            path: path(i),
            why:
                "the consistency rules that hold do not confirm this cell (its row and its column)"
                    .into(),
        })
        .collect()
}

/// Derives the cells the rules determine, except that a cell printed empty which the rules
/// make 0 stays empty: a blank page cell and a 0 the layer lost read alike, and both
/// count as 0 in every rule (the empty cell is then a doubt of its own).
fn repair(cells: &mut [Cell], equations: &[Equation], blank: &[bool]) -> Vec<(usize, usize)> {
    let mut filled = checks::repair(cells, equations);
    filled.retain(|&(i, _)| {
        let zero = blank[i] && cells[i].value == Some(0.0);
        if zero {
            cells[i] = Cell {
                value: None,
                origin: Origin::Blank,
            };
        }
        !zero
    });
    filled
}

fn value(v: Option<f64>) -> Json {
    v.and_then(|v| number(&format!("{v}")))
        .map_or(Json::Null, Json::Number)
}

/// Derives the layer's empty 表三/表四 cells the rules determine, replacing those tables'
/// rule checks with the re-evaluated ones (a completeness gap the rules now fill is
/// dropped); returns the cells the rules leave in doubt.
pub fn settle(record: &mut Record) -> Vec<Doubt> {
    let mut doubts = Vec::new();
    for settled in [settle_applications(record), settle_review(record)] {
        let Some((checks, mut cells)) = settled else {
            continue;
        };
        let filled: Vec<&str> = checks
            .iter()
            .filter(|c| c.status == "repaired")
            .filter_map(|c| c.path.as_deref())
            .collect();
        let rules: Vec<&str> = checks.iter().map(|c| c.rule.as_str()).collect();
        record.checks.retain(|c| {
            let gap_filled = c.rule.ends_with(".complete")
                && c.path.as_deref().is_some_and(|p| filled.contains(&p));
            !rules.contains(&c.rule.as_str()) && !gap_filled
        });
        close_complete(record);
        record.checks.extend(checks);
        doubts.append(&mut cells);
    }
    doubts
}

/// A `<table>.complete` summary that failed passes once no gap of its table is left.
fn close_complete(record: &mut Record) {
    let gaps: Vec<String> = record
        .checks
        .iter()
        .filter(|c| c.rule.ends_with(".complete") && c.path.is_some())
        .map(|c| c.rule.clone())
        .collect();
    for c in record.checks.iter_mut() {
        let closed = c.status == "fail" && !gaps.contains(&c.rule);
        if c.rule.ends_with(".complete") && c.path.is_none() && closed {
            c.status = "pass".into();
            c.message = "every gap was filled by the consistency rules".into();
        }
    }
}

/// The doubtful cells and rows of one table (`name`: the record's table key, `title`:
/// 表二/表三/表四), given the tables as read without the look-alike digits.
/// `settled` holds the doubts of [`settle`].
pub fn doubts(
    record: &Record,
    raw: &Tables,
    settled: &[Doubt],
    name: &str,
    title: &str,
) -> Vec<Doubt> {
    let prefix = format!("tables.{name}.");
    let (table, raw) = match name {
        "active_disclosure" => (
            json(&record.tables.active_disclosure),
            json(&raw.active_disclosure),
        ),
        "applications" => (json(&record.tables.applications), json(&raw.applications)),
        _ => (
            json(&record.tables.review_litigation),
            json(&raw.review_litigation),
        ),
    };
    if table.is_null() {
        let why = "the table was not found in the OCR layer".to_string();
        let path = format!("tables.{name}");
        return vec![Doubt { path, why }];
    }
    let mut out: Vec<Doubt> = settled
        .iter()
        .filter(|d| d.path.starts_with(&prefix))
        .cloned()
        .collect();
    let failing = record.checks.iter().filter(|c| c.status == "fail");
    for c in failing.filter(|c| c.path.as_deref().is_some_and(|p| p.starts_with(&prefix))) {
        let path = c.path.clone().unwrap_or_default();
        let why = format!("the check {} fails on it", c.rule);
        out.push(Doubt { path, why });
    }
    let missing = format!("{title}: row ");
    for w in record.warnings.iter().filter(|w| w.code == "row_not_found") {
        if let Some(key) = w
            .message
            .strip_prefix(&missing)
            .and_then(|m| m.split(' ').next())
        {
            let path = match name {
                "applications" => format!("{prefix}rows.{key}"),
                _ => format!("{prefix}{key}"),
            };
            let why = "the OCR layer has no such row".to_string();
            out.push(Doubt { path, why });
        }
    }
    for (path, printed) in printed_cells(&table) {
        if printed.is_empty() {
            let why = "the OCR layer has nothing in this cell; the page may print a number".into();
            out.push(Doubt {
                path: format!("{prefix}{path}"),
                why,
            });
        }
    }
    if name == "active_disclosure" {
        for path in differing(&table, &raw, "") {
            let why = "read from characters OCR confuses with digits; no rule confirms it".into();
            out.push(Doubt {
                path: format!("{prefix}{path}"),
                why,
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    out
}

fn json<T: serde::Serialize>(t: &Option<T>) -> Json {
    serde_json::to_value(t).unwrap_or(Json::Null)
}

/// `printed` entries of a table (paths relative to the table) with their text.
fn printed_cells(table: &Json) -> Vec<(String, String)> {
    let Some(p) = table.get("printed").and_then(Json::as_object) else {
        return Vec::new();
    };
    p.iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
        .collect()
}

/// Paths (relative to the table) of the number cells whose values differ between two
/// readings of a table (`printed` maps left out).
fn differing(a: &Json, b: &Json, at: &str) -> Vec<String> {
    match (a, b) {
        (Json::Object(x), _) => x
            .iter()
            .filter(|(k, _)| k.as_str() != "printed")
            .flat_map(|(k, v)| {
                let here = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                differing(v, b.get(k).unwrap_or(&Json::Null), &here)
            })
            .collect(),
        (Json::Number(_) | Json::Null, _) if a != b => vec![at.to_string()],
        _ => Vec::new(),
    }
}
