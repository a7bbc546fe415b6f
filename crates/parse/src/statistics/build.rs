//! From the rows read to `tables.statistics`: nesting, keys, printed cells and checks.

use std::ops::Range;

use serde_json::{Map, Value as Json};

use crate::statistics::header::Header;
use crate::statistics::hierarchy::{self, Link};
use crate::statistics::label::{self, Parts};
use crate::statistics::rows::RawRow;
use crate::statistics::{Parsed, StatRow, Statistics, checks, keys};
use govreport_model::codes::WarningCode;
use govreport_model::record::{Hang, Provenance, Warning};
use govreport_model::template::CellPath;

/// What the rows are beyond their cells: label parts, unit, heading or not, parent, key.
struct Nested {
    parts: Vec<Parts>,
    units: Vec<Option<String>>,
    heading: Vec<bool>,
    links: Vec<Link>,
    keys: Vec<Option<&'static str>>,
}

/// Whether the table's 序号 column holds numberings (`一`, `（一）`, a `1` that restarts)
/// rather than serial numbers 1, 2, 3 … down the table.
fn serials_number(raw: &[RawRow]) -> bool {
    let serials: Vec<&str> = raw.iter().filter_map(|r| r.serial.as_deref()).collect();
    let digits = serials
        .iter()
        .all(|s| s.chars().all(|c| c.is_ascii_digit()));
    let counting = serials
        .windows(2)
        .all(|w| w[0].parse::<u32>().ok().map(|n| n + 1) == w[1].parse().ok());
    !(serials.is_empty() || digits && counting)
}

/// Takes the labels apart (with the numbering a 序号 cell holds), finds the headings, links
/// every row to its parent and keys it.
fn nest(raw: &[RawRow]) -> Nested {
    let digits = serials_number(raw);
    let parts: Vec<Parts> = raw
        .iter()
        .map(|r| label::parts(&r.nesting_text(digits)))
        .collect();
    let units: Vec<Option<String>> = raw
        .iter()
        .zip(&parts)
        .map(|(r, p)| r.unit.clone().or_else(|| p.unit.clone()))
        .collect();
    let heading: Vec<bool> = raw
        .iter()
        .zip(&units)
        .map(|(r, u)| u.is_none() && r.is_heading())
        .collect();
    let nodes: Vec<hierarchy::Node> = (0..raw.len())
        .map(|i| hierarchy::Node {
            parts: &parts[i],
            unit: units[i].as_deref(),
            heading: heading[i],
        })
        .collect();
    let links = hierarchy::link(&nodes);
    let mut keys: Vec<Option<&'static str>> = Vec::with_capacity(raw.len());
    for (i, link) in links.iter().enumerate() {
        let parent_key = link.parent.and_then(|p| keys[p]);
        let key = keys::key_of(&parts[i].label, parent_key);
        keys.push(key.filter(|_| !heading[i]));
    }
    Nested {
        parts,
        units,
        heading,
        links,
        keys,
    }
}

/// The row's values as JSON, each non-plain cell noted in `printed` under `rows[n]`.
fn values_of(r: &RawRow, n: usize, printed: &mut Map<String, Json>) -> Vec<Json> {
    r.values
        .iter()
        .enumerate()
        .map(|(c, v)| {
            let text = v
                .as_ref()
                .map_or(Some(String::new()), |v| v.printed.clone());
            if let Some(p) = text {
                printed.insert(format!("rows[{n}].values[{c}]"), Json::String(p));
            }
            v.as_ref()
                .and_then(|v| v.number.clone())
                .map_or(Json::Null, Json::Number)
        })
        .collect()
}

/// A `row_not_found` warning naming the rows whose label holds a numbering inside it: two
/// rows' labels ran together, so a row (its values, or its label) is missing.
fn run_together(table: &Statistics) -> Option<Warning> {
    let rows: Vec<String> = (0..table.rows.len())
        .filter(|&n| label::runs_together(&table.rows[n].text))
        .map(|n| format!("rows[{n}] (“{}”)", table.rows[n].text))
        .collect();
    (!rows.is_empty()).then(|| {
        let message = format!(
            "statistics: the label of {} holds a numbering inside it, as when two rows' labels run together; a row of the table may be missing",
            rows.join(", ")
        );
        Warning::new(WarningCode::RowNotFound, message)
    })
}

/// Nests, keys and checks the rows read; heading rows only appear as parents.
pub fn build(h: &Header, raw: &[RawRow], spans: Vec<Range<usize>>) -> Parsed {
    let nested = nest(raw);
    let mut index = vec![None; raw.len()];
    let mut table = Statistics {
        columns: h.names(),
        rows: Vec::new(),
        printed: Map::new(),
    };
    let (mut items, mut debug, mut uncertain) = (Vec::new(), Vec::new(), Vec::new());
    let mut doubtful = Vec::new();
    let mut cells = Vec::new();
    for (i, r) in raw.iter().enumerate().filter(|(i, _)| !nested.heading[*i]) {
        let n = table.rows.len();
        index[i] = Some(n);
        if r.uncertain {
            uncertain.push(format!("rows[{n}]"));
        }
        if r.label_doubt {
            doubtful.push(format!("rows[{n}]"));
        }
        let values = values_of(r, n, &mut table.printed);
        let (parts, link) = (&nested.parts[i], nested.links[i]);
        debug.push(format!(
            "{:<44} ← {}",
            nested.keys[i].unwrap_or("-"),
            r.text
        ));
        let hang = Hang {
            parent: link.parent.and_then(|p| index[p]),
            of_which: link.of_which,
            numbered: parts.style.is_some(),
        };
        items.push(checks::Item {
            label: parts.label.clone(),
            values: values.iter().map(Json::as_f64).collect(),
            parent: hang.parent,
            of_which: hang.of_which,
            numbered: hang.numbered,
        });
        cells.extend(r.values.iter().enumerate().map(|(c, v)| {
            let at = CellPath::StatisticsCell(n, c);
            let found = v.as_ref();
            (
                at,
                Provenance::text(found.and_then(|v| v.page), found.and_then(|v| v.bbox)),
            )
        }));
        table.rows.push(StatRow {
            label: parts.label.clone(),
            text: r.text.clone(),
            parent: link.parent.map(|p| nested.parts[p].label.clone()),
            unit: nested.units[i].clone(),
            values,
            key: nested.keys[i].map(str::to_string),
            code: r.code.clone(),
            serial: r.serial.clone(),
            hang: Some(hang),
        });
    }
    let guessed = (!uncertain.is_empty()).then(|| {
        let rows = uncertain.join(", ");
        let message = format!("statistics: the columns of {rows} were guessed (cells missing)");
        Warning::new(WarningCode::CellPositionUncertain, message)
    });
    let wrapped = (!doubtful.is_empty()).then(|| {
        let rows = doubtful.join(", ");
        let message = format!(
            "statistics: the labels of {rows} may begin with the end of the row above's (the table does not show whether a wrapped label's values stand on its first line or its last)"
        );
        Warning::new(WarningCode::CellPositionUncertain, message)
    });
    let warnings = guessed
        .into_iter()
        .chain(wrapped)
        .chain(run_together(&table))
        .collect();
    Parsed {
        checks: checks::run(&items, &h.changes()),
        table,
        spans,
        warnings,
        debug,
        cells,
    }
}
