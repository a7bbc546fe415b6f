//! Cells a scan's two page readings leave unsettled, read a third time, alone: tesseract
//! reading the cell cut from the page as digits. For a 表二 number in doubt (no rule checks
//! 表二) the same number, and no other, confirms it; for a blank cell among the numbers of
//! 表三 or 表四 (both page readers can miss a lone `0`), a `0` read alone is taken where no
//! rule of the cell fails (the rules cannot tell it from blank), no ink confirms the blank,
//! and another number is taken where every rule of its table then holds (else it is named
//! as a doubt); a blank among 表二's numbers that gives any number alone is a doubt. A blank
//! whose ruled cell holds no ink at all, at any threshold, is confirmed blank.

use std::collections::HashMap;
use std::time::Instant;

use govreport_document::layout::Line;
use govreport_model::codes::CheckStatus;
use govreport_model::record::{CellSource, Provenance, Record, number};
use govreport_model::template::{CellPath, Column, TableId};
use govreport_read::ocr::confirm::{self, Target};
use serde_json::Number;

use super::fill::{fill, in_failing_equation};
use super::resolve::RULE;

/// What the page readings left: a number kept in doubt, or a blank.
#[derive(Debug, Clone, PartialEq)]
enum Kept {
    /// A 表二 number the engines read apart.
    Number(Number),
    /// A blank cell in a row of numbers of 表三 or 表四.
    Blank,
    /// A blank cell in a row of 表二's numbers, where no rule can choose a reading.
    Unruled,
}

/// One cell to read again: its check's index, its path, where to read and what was kept.
type Doubt = (usize, CellPath, Target, Kept);

/// Reads each unsettled cell of `record` (a scan of `bytes`, laid out as `lines`) alone and
/// weighs the reading against the kept one. Nothing changes when tesseract cannot read.
pub fn confirm(record: &mut Record, lines: &[Line], bytes: &[u8], deadline: Instant) {
    let sizes: HashMap<u32, ((f32, f32), u8)> = lines
        .iter()
        .filter_map(|l| Some((l.page?, l.frame?)))
        .map(|(p, f)| (p, ((f.width, f.height), f.turn)))
        .collect();
    let doubts = doubts(record, &sizes);
    if doubts.is_empty() {
        return;
    }
    let targets: Vec<Target> = doubts.iter().map(|d| d.2.clone()).collect();
    let Ok(read) = confirm::digits(bytes, &targets, deadline) else {
        return;
    };
    let mut offers = Vec::new();
    for ((check, path, target, kept), cell) in doubts.into_iter().zip(read) {
        let alone: Vec<Number> = cell.readings.iter().filter_map(|t| number(t)).collect();
        let failing = in_failing_equation(record, &path);
        let c = &mut record.checks[check];
        let said: Vec<String> = alone.iter().map(Number::to_string).collect();
        let said = match (said.is_empty(), !cell.empty) {
            (true, false) => "nothing: its ruled cell holds no ink, printed blank".to_string(),
            (true, true) => "nothing".to_string(),
            (false, _) => said.join(" or "),
        };
        c.message = format!("{}; read alone, the cell gives {said}", c.message);
        match outcome(&kept, &alone, failing, !cell.empty) {
            Outcome::Confirmed => c.status = CheckStatus::Pass,
            Outcome::Unchanged => {}
            Outcome::Refused => {
                c.status = CheckStatus::Fail;
                c.message
                    .push_str(", not taken: a rule this cell is in fails, blank or 0");
            }
            Outcome::Zero => {
                c.status = CheckStatus::Pass;
                c.message.push_str(": taken");
                take(record, &path, &target, Number::from(0));
            }
            Outcome::Offered(n) => {
                c.status = CheckStatus::Fail;
                offers.push((path, target, n));
            }
            Outcome::Doubt => c.status = CheckStatus::Fail,
        }
    }
    offer(record, offers);
}

/// What a reading of a cell alone does to its doubt.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// Every reading alone gives the number kept: the doubt passes.
    Confirmed,
    /// Nothing was read in a blank cell that holds some ink: it stays as it was.
    Unchanged,
    /// A blank cell read alone as `0` that sits in a failing equation: blank and 0 are
    /// the same to that rule, so the cell stays a doubt.
    Refused,
    /// A blank cell read alone as `0`, no rule of it failing: the `0` is taken.
    Zero,
    /// A blank cell read alone as another number: offered to the rules.
    Offered(Number),
    /// Readings that disagree: a doubt.
    Doubt,
}

/// Weighs the readings `alone` of a cell against what was `kept` (`failing`: the cell is
/// in an equation that fails; `inked`: the cell holds some ink).
fn outcome(kept: &Kept, alone: &[Number], failing: bool, inked: bool) -> Outcome {
    let zero = |n: &Number| n.as_f64() == Some(0.0);
    match kept {
        Kept::Number(k) if !alone.is_empty() && alone.iter().all(|n| n == k) => Outcome::Confirmed,
        Kept::Blank | Kept::Unruled if alone.is_empty() && !inked => Outcome::Confirmed,
        Kept::Blank if alone.is_empty() => Outcome::Unchanged,
        Kept::Blank if alone.iter().all(zero) && failing => Outcome::Refused,
        Kept::Blank if alone.iter().all(zero) => Outcome::Zero,
        Kept::Blank if alone.iter().all(|n| *n == alone[0]) => Outcome::Offered(alone[0].clone()),
        Kept::Unruled if alone.is_empty() => Outcome::Unchanged,
        _ => Outcome::Doubt,
    }
}

/// Blank cells a reading alone gives another number for, taken as the other engine's
/// numbers are ([`fill`]): when every rule of their table then holds.
fn offer(record: &mut Record, offers: Vec<(CellPath, Target, Number)>) {
    if offers.is_empty() {
        return;
    }
    let mut alone = record.clone();
    if let Some(ocr) = alone.source.ocr.as_mut() {
        ocr.engine = Some("tesseract (the cell read alone)".into());
    }
    for (path, target, n) in offers {
        take(&mut alone, &path, &target, n);
    }
    fill(record, &alone);
}

/// The failing reading checks on 表二 numbers read by OCR, and the reading checks (passed
/// or not) on blank cells whose row and column were read by OCR elsewhere (a 表二 blank
/// both engines left is read alone too: nothing else can show a number both missed).
fn doubts(record: &Record, sizes: &HashMap<u32, ((f32, f32), u8)>) -> Vec<Doubt> {
    let values: HashMap<CellPath, Option<Number>> = record
        .tables
        .cells()
        .filter(|(_, cell)| cell.value.is_some() || cell.printed.as_deref() == Some(""))
        .map(|(at, cell)| (at.path(), cell.value.clone()))
        .collect();
    let two = TableId::ActiveDisclosure.path();
    let mut out = Vec::new();
    for (i, c) in record.checks.iter().enumerate() {
        let Some(path) = c.path.as_ref().filter(|_| c.rule == RULE) else {
            continue;
        };
        let in_two = path.lies_under(&two);
        let found = match values.get(path) {
            Some(Some(n)) if in_two && c.status == CheckStatus::Fail => boxed(record, path)
                .map(|(page, bbox)| ((page, bbox, None), Kept::Number(n.clone()))),
            Some(None) => {
                let kept = if in_two { Kept::Unruled } else { Kept::Blank };
                inferred(record, path).map(|(page, bbox, clip)| ((page, bbox, Some(clip)), kept))
            }
            _ => None,
        };
        if let Some(((page, bbox, clip), kept)) = found
            && let Some(&(size, turn)) = sizes.get(&page)
        {
            let target = Target {
                page,
                size,
                bbox,
                clip,
                turn,
            };
            out.push((i, path.clone(), target, kept));
        }
    }
    out
}

/// Where OCR read a cell: its page and box.
fn boxed(record: &Record, path: &CellPath) -> Option<(u32, [f32; 4])> {
    let p = record
        .cells
        .get(path)
        .filter(|p| p.source == CellSource::Ocr)?;
    Some((p.page?, p.bbox?))
}

/// Where a blank cell's number would be: the height of its row's numbers and the width of
/// its column's, as OCR read them on the same page; with the band between the numbers of
/// the rows above and below, which the crop's margin must not reach.
fn inferred(record: &Record, path: &CellPath) -> Option<(u32, [f32; 4], [f32; 4])> {
    let (row, column) = path.split()?;
    let read: Vec<(CellPath, Column, u32, [f32; 4])> = record
        .cells
        .0
        .iter()
        .filter(|(p, v)| p.table_key() == path.table_key() && v.source == CellSource::Ocr)
        .filter_map(|(p, v)| {
            let (r, c) = p.split()?;
            Some((r, c, v.page?, v.bbox?))
        })
        .collect();
    let page = read.iter().find(|r| r.0 == row)?.2;
    let in_row = read.iter().filter(|r| r.0 == row && r.2 == page);
    let in_column = read.iter().filter(|r| r.1 == column && r.2 == page);
    let (y0, y1) = in_row.fold((f32::MAX, f32::MIN), |a, r| {
        (a.0.min(r.3[1]), a.1.max(r.3[3]))
    });
    let (x0, x1) = in_column.fold((f32::MAX, f32::MIN), |a, r| {
        (a.0.min(r.3[0]), a.1.max(r.3[2]))
    });
    let others = read.iter().filter(|r| r.0 != row && r.2 == page);
    let middle = (y0 + y1) / 2.0;
    let (above, below) = others.fold((0.0f32, f32::MAX), |(a, b), r| match r.3[3] <= middle {
        true => (a.max(r.3[3]), b),
        false => (a, b.min(r.3[1].max(middle))),
    });
    // Rows' boxes run from a line's top to under its baseline, and a tall label on the
    // row's line pulls them down: the neighbours' boxes bound the crop, even where that
    // cuts into this row's own box (a cut glyph reads as nothing, which stays a doubt).
    let clip = match above < below {
        true => [0.0, above, f32::MAX, below],
        false => [0.0, y0, f32::MAX, y1],
    };
    (x0 < x1 && y0 < y1).then_some((page, [x0, y0, x1, y1], clip))
}

/// Writes `value` into the blank cell at `path`, read at `target`.
fn take(record: &mut Record, path: &CellPath, target: &Target, value: Number) {
    if let Some(cell) = record.tables.cell_mut(path) {
        cell.value = Some(value);
        cell.printed = None;
    }
    let provenance = Provenance {
        page: Some(target.page),
        bbox: Some(target.bbox),
        source: CellSource::Ocr,
    };
    record.cells.set(path, provenance);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_read_alone_as_zero_is_taken_only_where_no_rule_of_it_fails() {
        let n = |v: u64| Number::from(v);
        assert_eq!(outcome(&Kept::Blank, &[n(0)], false, true), Outcome::Zero);
        assert_eq!(
            outcome(&Kept::Blank, &[n(0), n(0)], true, true),
            Outcome::Refused
        );
        assert_eq!(outcome(&Kept::Blank, &[], true, true), Outcome::Unchanged);
        assert_eq!(
            outcome(&Kept::Blank, &[n(3)], true, true),
            Outcome::Offered(n(3))
        );
        assert_eq!(
            outcome(&Kept::Blank, &[n(0), n(3)], false, true),
            Outcome::Doubt
        );
        // In 表二 nothing chooses between blank and a number read alone: it is a doubt.
        assert_eq!(
            outcome(&Kept::Unruled, &[], false, true),
            Outcome::Unchanged
        );
        assert_eq!(
            outcome(&Kept::Unruled, &[n(7)], false, true),
            Outcome::Doubt
        );
        assert_eq!(
            outcome(&Kept::Unruled, &[n(0)], false, true),
            Outcome::Doubt
        );
        let kept = Kept::Number(n(57));
        assert_eq!(outcome(&kept, &[n(57)], true, true), Outcome::Confirmed);
        assert_eq!(outcome(&kept, &[n(57), n(37)], false, true), Outcome::Doubt);
        assert_eq!(outcome(&kept, &[], false, true), Outcome::Doubt);
        // A cell with no ink at all is printed blank; ink nothing read leaves the doubt.
        assert_eq!(outcome(&Kept::Blank, &[], true, false), Outcome::Confirmed);
        assert_eq!(
            outcome(&Kept::Unruled, &[], false, false),
            Outcome::Confirmed
        );
        assert_eq!(outcome(&kept, &[], false, false), Outcome::Doubt);
    }

    #[test]
    fn a_blank_cells_place_is_its_rows_height_and_its_columns_width_between_its_neighbours() {
        let mut r = Record::new(Default::default());
        let at = |page, bbox| Provenance {
            page: Some(page),
            bbox: Some(bbox),
            source: CellSource::Ocr,
        };
        let path = CellPath::parse;
        r.cells.set(
            &path("tables.applications.rows.granted[0]"),
            at(3, [100.0, 500.0, 120.0, 530.0]),
        );
        r.cells.set(
            &path("tables.applications.rows.denied[1]"),
            at(3, [200.0, 540.0, 230.0, 568.0]),
        );
        r.cells.set(
            &path("tables.applications.rows.other[1]"),
            at(3, [195.0, 700.0, 225.0, 729.0]),
        );
        let place = inferred(&r, &path("tables.applications.rows.granted[1]"));
        // The row below starts 10 px under this one: a margin of half a line would reach it.
        let clip = [0.0, 0.0, f32::MAX, 540.0];
        assert_eq!(place, Some((3, [195.0, 500.0, 230.0, 530.0], clip)));
        // Its box reaching into this row's is the bound all the same.
        r.cells.set(
            &path("tables.applications.rows.denied[1]"),
            at(3, [200.0, 525.0, 230.0, 568.0]),
        );
        let place = inferred(&r, &path("tables.applications.rows.granted[1]"));
        let clip = [0.0, 0.0, f32::MAX, 525.0];
        assert_eq!(place, Some((3, [195.0, 500.0, 230.0, 530.0], clip)));
        let none = inferred(&r, &path("tables.applications.rows.none[1]"));
        assert_eq!(none, None);
    }
}
