//! 表二 (主动公开政府信息情况): rows found by label, values by the header's columns.

use serde_json::{Map, Value as Json};

use crate::complete::{self, Gap};
use crate::layout::Line;
use crate::parse::TableResult;
use crate::parse::cells::{Value, split, squeeze};
use crate::parse::grid::{self, ValueRow};
use crate::record::Notice;
use crate::template::{ACTIVE_2019, ACTIVE_2021, ActiveRow, MARKERS_2019, MARKERS_2021};

/// Which national format 表二 follows, from its own header words.
pub fn detect_format(text: &str) -> &'static str {
    let hits = |markers: &[&str]| markers.iter().filter(|m| text.contains(*m)).count();
    let (new, old) = (hits(&MARKERS_2021), hits(&MARKERS_2019));
    if new == 0 && old == 0 {
        "unknown"
    } else if old > new {
        "2019"
    } else {
        "2021"
    }
}

/// Parses 表二 from its region in the given format; None when no row is found.
pub fn parse(lines: &[Line], format: &str) -> Option<TableResult<Map<String, Json>>> {
    let spec: &[ActiveRow] = match format {
        "2019" => &ACTIVE_2019,
        "2021" => &ACTIVE_2021,
        _ => return None,
    };
    let mut table = Map::new();
    let mut printed = Map::new();
    let mut warnings = Vec::new();
    let mut debug = Vec::new();
    let mut gaps = Vec::new();
    let mut from = 0;
    for row in spec {
        let path = format!("tables.active_disclosure.{}", row.key);
        let Some((at, values)) = find_row(lines, from, row) else {
            gaps.push(Gap::Row { path });
            continue;
        };
        from = at + 1;
        let (slots, uncertain) = place(lines, at, values, row, &mut warnings);
        if uncertain {
            gaps.push(Gap::Uncertain { path });
        }
        let mut cells = Map::new();
        for (c, column) in row.columns.iter().enumerate() {
            let v = slots[c].as_ref();
            if let Some(text) = v.map_or(Some(String::new()), |v| v.printed.clone()) {
                printed.insert(format!("{}.{column}", row.key), Json::String(text));
            }
            cells.insert(
                column.to_string(),
                v.and_then(|v| v.number.clone())
                    .map_or(Json::Null, Json::Number),
            );
        }
        debug.push(format!("{:<26} ← {}", row.key, lines[at].text()));
        table.insert(row.key.to_string(), Json::Object(cells));
    }
    if table.is_empty() {
        return None;
    }
    warnings.extend(complete::row_warnings("表二", &gaps));
    let checks = complete::entries(
        "active_disclosure.complete",
        "表二",
        "tables.active_disclosure",
        spec.len(),
        &gaps,
    );
    if !printed.is_empty() {
        table.insert("printed".into(), Json::Object(printed));
    }
    Some(TableResult {
        table,
        checks,
        warnings,
        debug,
    })
}

/// The row's values in its columns: in order when complete; by the header's column
/// positions when some cells are blank (PDF); else left to right, with a warning and
/// `true` (the positions are uncertain).
fn place(
    lines: &[Line],
    at: usize,
    values: Vec<Value>,
    row: &ActiveRow,
    warnings: &mut Vec<Notice>,
) -> (Vec<Option<Value>>, bool) {
    let width = row.columns.len();
    let centres = if values.is_empty() || values.len() >= width {
        None
    } else {
        grid::header_centres(lines, at, width, 8)
    };
    let observed = ValueRow {
        label: String::new(),
        values,
        page: lines[at].page,
        line: at,
    };
    let placed = grid::place(&observed, width, centres.as_deref());
    let uncertain = placed.unplaced && !observed.values.is_empty();
    if uncertain {
        let message = format!(
            "表二: row {} has {} of {width} values and nothing shows which cells are blank; values were read left to right",
            row.key,
            observed.values.len()
        );
        warnings.push(Notice::new("cell_position_uncertain", message));
    }
    (placed.slots, uncertain)
}

/// The first line at or after `from` whose label is the row's, with the row's values
/// (from the same line, or the next line when the label wrapped).
fn find_row(lines: &[Line], from: usize, row: &ActiveRow) -> Option<(usize, Vec<Value>)> {
    for i in from..lines.len() {
        let s = split(&lines[i]);
        let label = squeeze(&s.label);
        if !row.labels.iter().any(|l| label_is(&label, l)) {
            continue;
        }
        if !s.values.is_empty() {
            return Some((i, s.values));
        }
        let next = lines
            .get(i + 1)
            .map(split)
            .filter(|n| n.label.is_empty() && !n.values.is_empty());
        return Some((i, next.map(|n| n.values).unwrap_or_default()));
    }
    None
}

/// A label matches when it is the phrase, possibly after a list number or before a
/// bracketed note (`规章（设区的市…）`).
fn label_is(label: &str, phrase: &str) -> bool {
    let label = label.trim_start_matches(|c: char| c.is_ascii_digit() || "．.、".contains(c));
    label == phrase
        || label
            .strip_prefix(phrase)
            .is_some_and(|rest| rest.starts_with('（'))
}
