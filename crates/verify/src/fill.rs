//! Cells one engine lost or misread that the other read, settled by the rules: where the
//! kept reading of 表三 or 表四 fails a rule or has cells in doubt, the other engine's
//! numbers are tried — every cell the kept reading left blank, then each cell read apart
//! that makes fewer rules fail — and kept only when the table's rules then all hold, each
//! taken cell named by a passing check.

use serde_json::Number;

use govreport_model::checks::{entries, show};
use govreport_model::codes::{CheckStatus, Rule};
use govreport_model::equations::{Equation, Operand, Origin, Verdict, verdict};
use govreport_model::record::{Cell, Check, Record, Table};
use govreport_model::template::{CellPath, CellRef, TableId};

use super::engines::engine;
use super::resolve::RULE;

/// Takes into `kept` the other engine's numbers where they make a failing table's rules
/// hold; returns the paths of the cells taken.
pub fn fill(kept: &mut Record, other: &Record) -> Vec<CellPath> {
    let mut taken = Vec::new();
    for id in [TableId::Applications, TableId::ReviewLitigation] {
        taken.extend(fill_table(kept, other, id));
    }
    taken
}

/// One table: the cells taken, or none when the rules would not all hold.
fn fill_table(kept: &mut Record, other: &Record, id: TableId) -> Vec<CellPath> {
    let (Some(mine), Some(theirs)) = (kept.tables.get(id), other.tables.get(id)) else {
        return Vec::new();
    };
    let Some((at, mut cells, equations)) = operands(mine) else {
        return Vec::new();
    };
    let offered: Vec<Option<f64>> = at
        .iter()
        .map(|a| {
            cell(theirs, a)
                .and_then(|c| c.value.as_ref())
                .and_then(Number::as_f64)
        })
        .collect();
    let doubted = |a: &CellRef| in_doubt(kept, &a.path());
    if failing(&cells, &equations) == 0 && !at.iter().any(doubted) {
        return Vec::new();
    }
    let mut changed = Vec::new();
    for (i, a) in at.iter().enumerate() {
        // A 0 for a cell printed blank changes no sum: the rules cannot choose it, and an
        // engine reads 0 into an empty cell as often as a blank for a 0.
        let blank_for_zero = cells[i].origin == Origin::Blank && offered[i] == Some(0.0);
        let unread = matches!(cells[i].origin, Origin::Blank | Origin::Lost) && !blank_for_zero;
        if let (true, true, Some(v)) = (unread, cell(mine, a).is_some(), offered[i]) {
            cells[i] = Operand::printed(Some(v));
            changed.push(i);
        }
    }
    for i in 0..at.len() {
        let apart =
            offered[i].is_some() && cells[i].value.is_some() && offered[i] != cells[i].value;
        if apart {
            let before = failing(&cells, &equations);
            let was = std::mem::replace(&mut cells[i], Operand::printed(offered[i]));
            if failing(&cells, &equations) < before {
                changed.push(i);
            } else {
                cells[i] = was;
            }
        }
    }
    let holds = failing(&cells, &equations) == 0;
    if changed.is_empty() || !holds || !changed.iter().all(|&i| confirmed(i, &cells, &equations)) {
        return Vec::new();
    }
    commit(kept, other, id, &at, &cells, &equations, &changed)
}

/// Writes the taken values into `kept`, runs the table's rules again and names each cell.
fn commit(
    kept: &mut Record,
    other: &Record,
    id: TableId,
    at: &[CellRef],
    cells: &[Operand],
    equations: &[Equation],
    changed: &[usize],
) -> Vec<CellPath> {
    let (mine, theirs) = (engine(kept), engine(other));
    let paths: Vec<CellPath> = changed.iter().map(|&i| at[i].path()).collect();
    let mut notes = Vec::new();
    let theirs_table = other.tables.get(id);
    let table = kept.tables.slot(id).as_mut().expect("read above");
    for (&i, path) in changed.iter().zip(&paths) {
        let Some(c) = cell_mut(table, &at[i]) else {
            continue;
        };
        let value = theirs_table.and_then(|t| cell(t, &at[i])?.value.clone());
        notes.push(Check {
            rule: RULE,
            status: CheckStatus::Pass,
            message: format!(
                "{mine} read {} and {theirs} reads {} in {path}; with {theirs}'s reading every \
                 rule of {} holds",
                show(c.value.as_ref().and_then(Number::as_f64)),
                show(cells[i].value),
                id.printed()
            ),
            path: Some(path.clone()),
        });
        c.value = value;
        c.printed = None;
        if let Some(p) = other.cells.get(path) {
            kept.cells.set(path, p.clone());
        }
    }
    let rules: Vec<Rule> = equations.iter().map(|e| e.rule).collect();
    let path = |i: usize| at[i].path();
    let fresh = entries(cells, equations, &[], &path);
    let settled = |c: &Check| {
        rules.contains(&c.rule)
            || (c.rule == RULE && c.path.as_ref().is_some_and(|p| paths.contains(p)))
    };
    let place = kept
        .checks
        .iter()
        .position(settled)
        .unwrap_or(kept.checks.len());
    let before = kept.checks[..place].iter().filter(|c| !settled(c)).count();
    kept.checks.retain(|c| !settled(c));
    kept.checks
        .splice(before..before, fresh.into_iter().chain(notes));
    paths
}

/// A ruled table's cells in its template's order, each as an operand of its equations,
/// and the equations; None for a table no rule checks (表二).
fn operands(table: &Table) -> Option<(Vec<CellRef<'static>>, Vec<Operand>, Vec<Equation>)> {
    let (spec, equations) = table.rules()?;
    let at: Vec<CellRef> = spec.cells().collect();
    let cells = at.iter().map(|a| operand(cell(table, a))).collect();
    Some((at, cells, equations))
}

/// A cell of a table by its row and column keys.
pub(crate) fn cell<'t>(table: &'t Table, at: &CellRef) -> Option<&'t Cell> {
    let row = table.row(at.row)?;
    row.cells.iter().find(|c| c.column == at.column)
}

/// The same cell, to change.
fn cell_mut<'t>(table: &'t mut Table, at: &CellRef) -> Option<&'t mut Cell> {
    let row = table.rows.iter_mut().find(|r| r.key == at.row)?;
    row.cells.iter_mut().find(|c| c.column == at.column)
}

/// A cell as an operand of the rules; lost when absent.
pub(crate) fn operand(cell: Option<&Cell>) -> Operand {
    cell.map_or_else(Operand::lost, Cell::operand)
}

/// How many equations fail.
fn failing(cells: &[Operand], equations: &[Equation]) -> usize {
    let verdicts = equations.iter().map(|e| verdict(cells, e));
    verdicts.filter(|v| *v == Verdict::Fail).count()
}

/// Whether cell `i` is in an equation that holds (not merely skipped).
pub(crate) fn confirmed(i: usize, cells: &[Operand], equations: &[Equation]) -> bool {
    equations
        .iter()
        .any(|e| within(i, e) && verdict(cells, e) == Verdict::Pass)
}

/// Whether cell `i` is one of equation `e`'s terms.
fn within(i: usize, e: &Equation) -> bool {
    e.result == i || e.parts.contains(&i) || e.extra.contains(&i)
}

/// Whether the cell at `path` is in an equation of its table (表三 or 表四) that fails as
/// the record stands: a 0 or a blank there changes no sum, so neither reading can be the
/// rules' choice while it fails.
pub(crate) fn in_failing_equation(record: &Record, path: &CellPath) -> bool {
    [TableId::Applications, TableId::ReviewLitigation]
        .into_iter()
        .filter(|id| path.lies_under(&id.path()))
        .any(|id| {
            let Some((at, cells, equations)) = record.tables.get(id).and_then(operands) else {
                return false;
            };
            let Some(i) = at.iter().position(|a| a.path() == *path) else {
                return false;
            };
            equations
                .iter()
                .any(|e| within(i, e) && verdict(&cells, e) == Verdict::Fail)
        })
}

/// Whether a failing check names the cell.
fn in_doubt(record: &Record, path: &CellPath) -> bool {
    record
        .checks
        .iter()
        .any(|c| c.status == CheckStatus::Fail && c.path.as_ref() == Some(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::codes::Rule;
    use govreport_model::record::tables::Row;
    use govreport_model::record::{OcrSource, Source};

    /// A record whose 表四 groups read `values` (upheld, corrected, other, pending, total),
    /// None for a blank cell, with the checks the rules give.
    fn record(engine: &str, groups: [[Option<u64>; 5]; 3]) -> Record {
        let mut r = Record::new(Source::default());
        r.source.ocr = Some(OcrSource {
            engine: Some(engine.into()),
            ..OcrSource::default()
        });
        let keys = [
            "administrative_review",
            "litigation_direct",
            "litigation_after_review",
        ];
        let columns = ["upheld", "corrected", "other", "pending", "total"];
        let rows = keys.iter().zip(groups).map(|(key, values)| Row {
            key: key.to_string(),
            cells: columns
                .iter()
                .zip(values)
                .map(|(column, v)| Cell {
                    column: column.to_string(),
                    value: v.map(Number::from),
                    printed: v.is_none().then(String::new),
                })
                .collect(),
        });
        let table = Table {
            id: TableId::ReviewLitigation,
            rows: rows.collect(),
        };
        let (spec, equations) = table.rules().unwrap();
        let at: Vec<CellRef> = spec.cells().collect();
        let cells: Vec<Operand> = at.iter().map(|a| operand(cell(&table, a))).collect();
        r.checks = entries(&cells, &equations, &[], &|i| at[i].path());
        r.tables.review_litigation = Some(table);
        r
    }

    const RIGHT: [[Option<u64>; 5]; 3] = [
        [Some(7), Some(2), Some(1), Some(0), Some(10)],
        [Some(3), Some(0), Some(0), Some(1), Some(4)],
        [Some(0), Some(0), Some(0), Some(0), Some(0)],
    ];

    fn failing_checks(r: &Record) -> usize {
        r.checks
            .iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .count()
    }

    #[test]
    fn a_lost_cell_the_other_engine_read_is_taken_when_the_rules_then_hold() {
        let mut lost = RIGHT;
        lost[0][1] = None;
        let mut kept = record("PP-OCRv6 small", lost);
        assert!(failing_checks(&kept) > 0);
        let other = record("tesseract 5.3.0", RIGHT);
        let taken = fill(&mut kept, &other);
        assert_eq!(
            taken,
            ["tables.review_litigation.administrative_review.corrected"]
        );
        assert_eq!(
            kept.tables.review_litigation,
            other.tables.review_litigation
        );
        assert_eq!(failing_checks(&kept), 0);
        let note = kept
            .checks
            .iter()
            .find(|c| c.path.as_ref() == Some(&taken[0]));
        let note = note.expect("the taken cell is named");
        assert_eq!((note.rule, note.status), (RULE, CheckStatus::Pass));
        assert!(
            note.message
                .starts_with("PP-OCRv6 small read blank and tesseract 5.3.0 reads 2")
        );
    }

    #[test]
    fn a_cell_is_in_a_failing_equation_only_where_one_of_its_rules_fails() {
        let mut groups = RIGHT;
        groups[0][1] = None; // 7 + blank + 1 + 0 ≠ 10
        groups[2][0] = None; // blank + 0 + 0 + 0 = 0
        let r = record("PP-OCRv6 small", groups);
        let path = |p: &str| CellPath::parse(&format!("tables.review_litigation.{p}"));
        assert!(in_failing_equation(
            &r,
            &path("administrative_review.corrected")
        ));
        assert!(in_failing_equation(
            &r,
            &path("administrative_review.total")
        ));
        assert!(!in_failing_equation(
            &r,
            &path("litigation_after_review.upheld")
        ));
        assert!(!in_failing_equation(&r, &path("litigation_direct.upheld")));
    }

    #[test]
    fn a_zero_the_other_engine_reads_in_a_blank_cell_is_not_taken() {
        let mut blanks = RIGHT;
        blanks[0][1] = None;
        blanks[2][0] = None;
        let mut kept = record("PP-OCRv6 small", blanks);
        let taken = fill(&mut kept, &record("tesseract 5.3.0", RIGHT));
        assert_eq!(
            taken,
            ["tables.review_litigation.administrative_review.corrected"]
        );
        let rows = &kept.tables.review_litigation.as_ref().unwrap().rows;
        assert_eq!(
            rows[2].cells[0].value, None,
            "the printed blank stays blank"
        );
    }

    #[test]
    fn a_misread_cell_is_swapped_only_when_that_makes_the_rules_hold() {
        let mut misread = RIGHT;
        misread[1][0] = Some(8);
        let mut kept = record("PP-OCRv6 small", misread);
        assert_eq!(
            fill(&mut kept, &record("tesseract", RIGHT)),
            ["tables.review_litigation.litigation_direct.upheld"]
        );
        assert_eq!(failing_checks(&kept), 0);
        let mut wrong_too = RIGHT;
        wrong_too[1][0] = Some(5);
        let mut kept = record("PP-OCRv6 small", misread);
        assert!(fill(&mut kept, &record("tesseract", wrong_too)).is_empty());
        assert!(
            kept.checks
                .iter()
                .any(|c| c.rule == Rule::ReviewLitigationTotals && c.status == CheckStatus::Fail)
        );
    }

    #[test]
    fn a_table_whose_rules_hold_is_left_alone() {
        let mut kept = record("PP-OCRv6 small", RIGHT);
        let mut other = RIGHT;
        other[0][0] = Some(9);
        assert!(fill(&mut kept, &record("tesseract", other)).is_empty());
    }
}
