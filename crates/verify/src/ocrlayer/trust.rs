//! Whether to trust a table read from an OCR layer: cells the layer left empty are
//! derived from the rules where they determine them; what stays doubtful — a failed
//! rule, an empty cell, a missing row, a 表二 cell whose digits were guessed from OCR
//! look-alikes — is named, per table.

use serde_json::Number;

use govreport_model::codes::{CheckStatus, Rule, WarningCode};
use govreport_model::equations::{self, Equation, Operand, Origin, Verdict};
use govreport_model::record::{
    Cell, CellSource, Check, Provenance, Record, Row, Table, Tables, number,
};
use govreport_model::template::{CellPath, CellRef, TableId, TableSpec};
use govreport_model::{checks, complete};

/// The rule name of the checks that name a doubtful cell of an OCR layer.
pub const RULE: Rule = Rule::OcrLayerUnconfirmed;

/// A cell (or a whole row) of a layer table that nothing confirms, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Doubt {
    /// Record path of the cell or row.
    pub path: CellPath,
    /// What is doubtful about it.
    pub why: String,
}

/// A cell of a table, by its row and column keys.
fn cell<'t>(table: &'t Table, at: &CellRef) -> Option<&'t Cell> {
    let row = table.row(at.row)?;
    row.cells.iter().find(|c| c.column == at.column)
}

fn repaired_paths(record: &Record) -> Vec<CellPath> {
    record
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Repaired)
        .filter_map(|c| c.path.clone())
        .collect()
}

/// Re-settles 表三 or 表四 with the layer's empty cells, and cells the parser already
/// derived, counted as lost; returns the new checks for its rules and the cells they
/// leave in doubt.
fn settle_table(record: &mut Record, id: TableId) -> Option<(Vec<Check>, Vec<Doubt>)> {
    let repaired = repaired_paths(record);
    let t = record.tables.slot(id).as_mut()?;
    let (spec, equations) = t.rules()?;
    let at: Vec<CellRef> = spec.cells().collect();
    let blank: Vec<bool> = at
        .iter()
        .map(|a| cell(t, a).and_then(|c| c.printed.as_deref()) == Some(""))
        .collect();
    let mut cells: Vec<Operand> = at
        .iter()
        .zip(&blank)
        .map(|(a, &empty)| match cell(t, a) {
            Some(c) if !empty && !repaired.contains(&a.path()) => {
                Operand::printed(c.value.as_ref().and_then(Number::as_f64))
            }
            _ => Operand::lost(),
        })
        .collect();
    let filled = repair(&mut cells, &equations, &blank);
    for &(i, _) in &filled {
        fill(t, &spec, &at[i], cells[i].value);
        let derived = Provenance::bare(CellSource::Derived);
        record.cells.set(&at[i].path(), derived);
    }
    let path = |i: usize| at[i].path();
    let present = |i: usize| t.row(at[i].row).is_some();
    let doubts = unconfirmed(&cells, &equations, &filled, &present, &path);
    Some((checks::entries(&cells, &equations, &filled, &path), doubts))
}

/// Writes a derived value into its cell (adding the row, after the others, when the
/// layer had none), which then has no printed text.
fn fill(table: &mut Table, spec: &TableSpec, at: &CellRef, value: Option<f64>) {
    if table.row(at.row).is_none() {
        let columns = spec
            .rows
            .iter()
            .find(|r| r.key == at.row)
            .map(|r| r.columns);
        let cells = columns.unwrap_or_default().iter().map(|c| Cell {
            column: c.to_string(),
            value: None,
            printed: None,
        });
        table.rows.push(Row {
            key: at.row.to_string(),
            cells: cells.collect(),
        });
    }
    let row = table.rows.iter_mut().find(|r| r.key == at.row);
    let found = row.and_then(|r| r.cells.iter_mut().find(|c| c.column == at.column));
    if let Some(c) = found {
        c.value = value.and_then(|v| number(&format!("{v}")));
        c.printed = None;
    }
}

/// The number cells (of rows the table has) that the rules which hold do not confirm. A
/// 表三 cell needs a holding row equation (总计 = the six columns) *and* a holding column
/// equation (balance or outcome sum): a row sum alone holds just as well for a row read
/// into the wrong place. An equation that derived a cell confirms nothing, a skipped or
/// unverifiable one neither. A `—` or `/` mark is what the page prints, not a number.
fn unconfirmed(
    cells: &[Operand],
    equations: &[Equation],
    filled: &[(usize, usize)],
    present: &dyn Fn(usize) -> bool,
    path: &dyn Fn(usize) -> CellPath,
) -> Vec<Doubt> {
    let (mut by_row, mut by_column) = (vec![false; cells.len()], vec![false; cells.len()]);
    let orientation = |e: &Equation| {
        let row = e.rule != Rule::ApplicationsBalance && e.rule != Rule::ApplicationsOutcomeSum;
        (row, e.rule != Rule::ApplicationsRowTotals)
    };
    let mark = |e: &Equation, by_row: &mut [bool], by_column: &mut [bool]| {
        let (row, column) = orientation(e);
        for &i in std::iter::once(&e.result).chain(&e.extra).chain(&e.parts) {
            by_row[i] |= row;
            by_column[i] |= column;
        }
    };
    let holds = |e: &Equation| equations::verdict(cells, e) == Verdict::Pass;
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
fn repair(cells: &mut [Operand], equations: &[Equation], blank: &[bool]) -> Vec<(usize, usize)> {
    let mut filled = equations::repair(cells, equations);
    filled.retain(|&(i, _)| {
        let zero = blank[i] && cells[i].value == Some(0.0);
        if zero {
            cells[i] = Operand {
                value: None,
                origin: Origin::Blank,
            };
        }
        !zero
    });
    filled
}

/// Derives the layer's empty 表三/表四 cells the rules determine, replacing those tables'
/// rule checks with the re-evaluated ones (a completeness gap the rules now fill is
/// dropped); returns the cells the rules leave in doubt.
pub fn settle(record: &mut Record) -> Vec<Doubt> {
    let mut doubts = Vec::new();
    for id in [TableId::Applications, TableId::ReviewLitigation] {
        let settled = settle_table(record, id);
        let Some((checks, mut cells)) = settled else {
            continue;
        };
        let filled: Vec<&CellPath> = checks
            .iter()
            .filter(|c| c.status == CheckStatus::Repaired)
            .filter_map(|c| c.path.as_ref())
            .collect();
        let rules: Vec<Rule> = checks.iter().map(|c| c.rule).collect();
        record.checks.retain(|c| {
            let gap_filled =
                c.rule.is_complete() && c.path.as_ref().is_some_and(|p| filled.contains(&p));
            !rules.contains(&c.rule) && !gap_filled
        });
        complete::close(
            &mut record.checks,
            "every gap was filled by the consistency rules",
        );
        record.checks.extend(checks);
        doubts.append(&mut cells);
    }
    doubts
}

/// The doubtful cells and rows of one table, given the tables as read without the
/// look-alike digits. `settled` holds the doubts of [`settle`].
pub fn doubts(record: &Record, raw: &Tables, settled: &[Doubt], id: TableId) -> Vec<Doubt> {
    let table_path = id.path();
    let Some(table) = record.tables.get(id) else {
        let why = "the table was not found in the OCR layer".to_string();
        return vec![Doubt {
            path: id.path(),
            why,
        }];
    };
    let mut out: Vec<Doubt> = settled
        .iter()
        .filter(|d| d.path.lies_under(&table_path))
        .cloned()
        .collect();
    let failing = record
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail);
    for c in failing {
        let Some(path) = c.path.clone().filter(|p| p.lies_under(&table_path)) else {
            continue;
        };
        let why = format!("the check {} fails on it", c.rule);
        out.push(Doubt { path, why });
    }
    out.extend(missing_rows(record, id));
    for (at, c) in table.cells() {
        if c.printed.as_deref() == Some("") {
            let why = "the OCR layer has nothing in this cell; the page may print a number".into();
            out.push(Doubt {
                path: at.path(),
                why,
            });
        }
    }
    if id == TableId::ActiveDisclosure {
        out.extend(look_alikes(table, raw.get(id)));
    }
    out.sort_by_cached_key(|d| d.path.to_string());
    out.dedup_by(|a, b| a.path == b.path);
    out
}

/// The rows of table `id` the record warns were not found.
fn missing_rows(record: &Record, id: TableId) -> Vec<Doubt> {
    let missing = format!("{}: row ", id.printed());
    record
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::RowNotFound)
        .filter_map(|w| w.message.strip_prefix(&missing)?.split(' ').next())
        .map(|key| Doubt {
            path: CellPath::row(id, key),
            why: "the OCR layer has no such row".to_string(),
        })
        .collect()
}

/// The cells of 表二 whose value came from characters OCR confuses with digits: they
/// differ from the table as read without look-alikes (`before`).
fn look_alikes(table: &Table, before: Option<&Table>) -> Vec<Doubt> {
    table
        .cells()
        .filter(|(at, c)| {
            before
                .and_then(|t| cell(t, at))
                .and_then(|c| c.value.clone())
                != c.value
        })
        .map(|(at, _)| Doubt {
            path: at.path(),
            why: "read from characters OCR confuses with digits; no rule confirms it".into(),
        })
        .collect()
}
