//! 表三 (收到和处理政府信息公开申请情况): rows aligned on the template, seven columns,
//! lost cells placed and repaired by the rules.

use crate::tables::TableResult;
use crate::tables::cells::{self, Value};
use crate::tables::grid::{self, Placed, ValueRow};
use crate::tables::{gaps, placement};
use govreport_document::layout::{Line, is_cjk};
use govreport_document::squeeze_all;
use govreport_model::checks;
use govreport_model::codes::WarningCode;
use govreport_model::complete;
use govreport_model::equations::{Operand, Origin};
use govreport_model::record::{Provenance, Row, Table, Warning};
use govreport_model::template::applications::{self, SixLayout};
use govreport_model::template::{CellPath, TableSpec};

/// Parses 表三 from the lines of its region; None when no value rows are there.
pub fn parse(lines: &[Line]) -> Option<TableResult> {
    let mut rows = grid::value_rows(lines, 4);
    if rows.len() < 3 {
        return None;
    }
    let mut warnings = Vec::new();
    drop_subtotal_column(&mut rows, &mut warnings);
    let layout = SixLayout::detect(&squeeze_all(lines), rows.len());
    let spec = applications::spec(layout);
    let width = spec.width();
    rows.iter_mut().for_each(|r| peel_glued_value(r, width));
    let matched = grid::align(&rows, &spec.labels());
    let used: Vec<&ValueRow> = matched.iter().flatten().map(|&i| &rows[i]).collect();
    let centres = grid::column_centres(&used, width);
    let mut placed: Vec<Option<Placed>> = matched
        .iter()
        .map(|m| m.map(|i| grid::place(&rows[i], width, centres.as_deref())))
        .collect();
    let equations = applications::equations(&spec);
    let settled =
        placement::place_and_repair(&mut placed, width, &equations, spec.id, &mut warnings);
    let cells = &settled.cells;
    let path = |i: usize| spec.cell(i).path();
    let row_path = |r: usize| spec.row_path(r);
    let mut checks = checks::entries(cells, &equations, &settled.repaired, &path);
    let mut found = gaps::found(&rows, &matched, &spec.labels());
    if layout == SixLayout::OneRow {
        doubt_unseen_one_row_six(&spec, &mut found);
    }
    let gaps = gaps::gaps(&settled, &found, width, &row_path, &path, &spec.id.path());
    warnings.extend(complete::row_warnings(spec.id, &gaps));
    checks.extend(complete::entries(spec.id, spec.rows.len(), &gaps));
    let pages: Vec<Option<u32>> = matched
        .iter()
        .map(|m| m.and_then(|i| rows[i].page))
        .collect();
    let (table, provenance) = record(&spec, &placed, cells, &pages);
    let debug = debug_rows(&spec, &matched, &rows);
    Some(TableResult {
        table,
        checks,
        warnings,
        debug,
        cells: provenance,
    })
}

/// With no sign of the three-row （六）, the one-row layout is only a default: if its
/// （六） row was not found either, the layout itself is unknown, so the row cannot be
/// rebuilt with confidence.
fn doubt_unseen_one_row_six(spec: &TableSpec, found: &mut [gaps::Found]) {
    if let Some(six) = spec
        .rows
        .iter()
        .position(|r| r.key == applications::OTHER_PROCESSING)
        && found[six] == gaps::Found::No
    {
        found[six] = gaps::Found::Doubtful;
    }
}

/// A row one value short whose label ends in digits after a Chinese character (`…不217`:
/// the first value run into a label wrapped up to its cell's edge, with no rule seen
/// between them): the digits are the row's first value. The row's rules check it.
fn peel_glued_value(row: &mut ValueRow, width: usize) {
    if row.values.len() + 1 != width || row.values.len() < 2 {
        return;
    }
    let digits = row.label.len()
        - row
            .label
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
    let head = &row.label[..row.label.len() - digits];
    if digits == 0 || digits > 6 || !head.chars().last().is_some_and(is_cjk) {
        return;
    }
    let Some(value) = cells::value(&row.label[head.len()..], 0.0) else {
        return;
    };
    let step = row.values[1].x - row.values[0].x;
    row.values.insert(
        0,
        Value {
            x: row.values[0].x - step,
            page: row.page,
            ..value
        },
    );
    row.label.truncate(head.len());
}

/// A 法人或其他组织 subtotal column, when most rows print eight values: dropped, with a warning.
fn drop_subtotal_column(rows: &mut [ValueRow], warnings: &mut Vec<Warning>) {
    let eight = rows.iter().filter(|r| r.values.len() == 8).count();
    if eight * 2 <= rows.len() {
        return;
    }
    let n = |r: &ValueRow, i: usize| {
        r.values[i]
            .number
            .as_ref()
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0)
    };
    for (at, parts) in [(6usize, 1..6usize), (1, 2..7)] {
        let holds = rows
            .iter()
            .filter(|r| r.values.len() == 8)
            .all(|r| (parts.clone().map(|i| n(r, i)).sum::<f64>() - n(r, at)).abs() < 1e-6);
        if holds {
            for r in rows.iter_mut().filter(|r| r.values.len() == 8) {
                r.values.remove(at);
            }
            warnings.push(Warning::new(WarningCode::ExtraSubtotalColumn,
                "表三 prints a 法人或其他组织 subtotal column; it was read, checked and left out of the seven columns",
            ));
            return;
        }
    }
}

/// The record's 表三 (the rows found or rebuilt, each cell printed or repaired) and where
/// each cell came from (`pages`: each template row's page).
fn record(
    spec: &TableSpec,
    placed: &[Option<Placed>],
    cells: &[Operand],
    pages: &[Option<u32>],
) -> (Table, Vec<(CellPath, Provenance)>) {
    let width = spec.width();
    let mut table = Table {
        id: spec.id,
        rows: Vec::new(),
    };
    let mut provenance = Vec::new();
    for (r, row) in spec.rows.iter().enumerate() {
        let flat = &cells[r * width..(r + 1) * width];
        if placed[r].is_none() && !flat.iter().all(|c| c.origin == Origin::Repaired) {
            continue;
        }
        let slot = |c: usize| placed[r].as_ref().and_then(|p| p.slots[c].as_ref());
        provenance.extend((0..width).map(|c| {
            let at = spec.cell_at(r, c).path();
            (at, grid::provenance(&flat[c], slot(c), pages[r]))
        }));
        let cells = row.columns.iter().enumerate();
        table.rows.push(Row {
            key: row.key.to_string(),
            cells: cells
                .map(|(c, column)| grid::record_cell(column, &flat[c], slot(c)))
                .collect(),
        });
    }
    (table, provenance)
}

fn debug_rows(spec: &TableSpec, matched: &[Option<usize>], rows: &[ValueRow]) -> Vec<String> {
    let mut out = Vec::new();
    for (j, m) in matched.iter().enumerate() {
        let line = match m {
            Some(i) => {
                let v: Vec<String> = rows[*i]
                    .values
                    .iter()
                    .map(|v| v.number.as_ref().map_or("·".into(), |n| n.to_string()))
                    .collect();
                format!(
                    "{:<34} ← {} | {}",
                    spec.rows[j].key,
                    rows[*i].label,
                    v.join(" ")
                )
            }
            None => format!("{:<34} ← (not found)", spec.rows[j].key),
        };
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::text_line;
    use govreport_model::codes::CheckStatus;

    /// The table as the record writes it.
    fn json(t: &TableResult) -> serde_json::Value {
        serde_json::to_value(&t.table).expect("a table")
    }

    /// A 表三 as a poor text extraction prints it, from (label, values) rows.
    fn table(rows: &[(&str, &str)]) -> TableResult {
        let text: Vec<String> = rows
            .iter()
            .map(|(l, v)| format!("{l}\t{}", v.replace(' ', "\t")))
            .collect();
        let lines: Vec<Line> = text
            .iter()
            .enumerate()
            .map(|(i, l)| text_line(l, i))
            .collect();
        parse(&lines).expect("a table")
    }

    const ZERO: &str = "0 0 0 0 0 0 0";

    fn rows_2019(six: &str) -> Vec<(&'static str, String)> {
        let mut rows: Vec<(&str, String)> = vec![
            ("一、本年新收政府信息公开申请数量", "3 0 0 0 0 1 4".into()),
            ("二、上年结转政府信息公开申请数量", ZERO.into()),
            ("（一）予以公开", "2 0 0 0 0 1 3".into()),
        ];
        let spec = applications::spec(SixLayout::OneRow);
        for label in spec.rows[3..20].iter().map(|r| r.labels[0]) {
            rows.push((label, ZERO.into()));
        }
        rows.push(("（六）其他处理", six.into()));
        rows.push(("（七）总计", "3 0 0 0 0 1 4".into()));
        rows.push(("四、结转下年度继续办理", ZERO.into()));
        rows
    }

    fn run(rows: &[(&str, String)]) -> TableResult {
        let borrowed: Vec<(&str, &str)> = rows.iter().map(|(l, v)| (*l, v.as_str())).collect();
        table(&borrowed)
    }

    #[test]
    fn six_as_one_row_gives_other_processing() {
        let t = run(&rows_2019("1 0 0 0 0 0 1"));
        assert_eq!(
            json(&t)["rows"]["other_processing"],
            serde_json::json!([1, 0, 0, 0, 0, 0, 1])
        );
        assert!(json(&t)["rows"].get("other_other").is_none());
        assert!(
            t.checks.iter().all(|c| c.status == CheckStatus::Pass),
            "{:?}",
            t.checks
        );
    }

    #[test]
    fn six_as_three_rows_gives_the_detail_rows() {
        let mut rows = rows_2019("");
        let at = rows.iter().position(|r| r.0 == "（六）其他处理").unwrap();
        rows.splice(
            at..=at,
            [
                (
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    "1 0 0 0 0 0 1".to_string(),
                ),
                (
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    ZERO.into(),
                ),
                ("3.其他", ZERO.into()),
            ],
        );
        let t = run(&rows);
        assert_eq!(
            json(&t)["rows"]["other_overdue_correction"],
            serde_json::json!([1, 0, 0, 0, 0, 0, 1])
        );
        assert_eq!(
            json(&t)["rows"]["other_other"],
            serde_json::json!([0, 0, 0, 0, 0, 0, 0])
        );
        assert!(json(&t)["rows"].get("other_processing").is_none());
    }

    #[test]
    fn marks_full_width_digits_and_separators_are_read_and_recorded() {
        let mut rows = rows_2019("1 0 0 0 0 0 1");
        rows[1].1 = "— / 无 0 0 0 ０".into();
        rows[0].1 = "1,003 0 0 0 0 1 1,004".into();
        rows[2].1 = "1,002 0 0 0 0 1 1,003".into();
        let total = rows.len() - 2;
        rows[total].1 = "1,003 0 0 0 0 1 1,004".into();
        let t = run(&rows);
        assert_eq!(
            json(&t)["rows"]["carried_over"],
            serde_json::json!([null, null, null, 0, 0, 0, 0])
        );
        assert_eq!(json(&t)["rows"]["new_requests"][0], 1003);
        assert_eq!(json(&t)["printed"]["rows.carried_over[0]"], "—");
        assert_eq!(json(&t)["printed"]["rows.carried_over[1]"], "/");
        assert_eq!(json(&t)["printed"]["rows.carried_over[2]"], "无");
        assert_eq!(json(&t)["printed"]["rows.carried_over[6]"], "０");
        assert_eq!(json(&t)["printed"]["rows.new_requests[0]"], "1,003");
    }

    #[test]
    fn a_lost_cell_is_placed_and_repaired_by_the_rules() {
        let mut rows = rows_2019("1 0 0 0 0 0 1");
        rows[0].1 = "0 0 0 0 1 4".into();
        let t = run(&rows);
        assert_eq!(
            json(&t)["rows"]["new_requests"],
            serde_json::json!([3, 0, 0, 0, 0, 1, 4])
        );
        let repaired: Vec<&CellPath> = t
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Repaired)
            .filter_map(|c| c.path.as_ref())
            .collect();
        assert_eq!(repaired, ["tables.applications.rows.new_requests[0]"]);
    }

    #[test]
    fn a_first_value_run_into_its_wrapped_label_is_the_rows_first_value() {
        let mut rows = rows_2019("1 0 0 0 0 0 1");
        rows[2] = ("（一）予以公开2", "0 0 0 0 1 3".into());
        let t = run(&rows);
        assert_eq!(
            json(&t)["rows"]["granted"],
            serde_json::json!([2, 0, 0, 0, 0, 1, 3])
        );
        assert!(t.checks.iter().all(|c| c.status != CheckStatus::Repaired));
        // A full row keeps a label's digits as label text.
        let mut rows = rows_2019("1 0 0 0 0 0 1");
        rows[2] = ("（一）予以公开2", "2 0 0 0 0 1 3".into());
        let t = run(&rows);
        assert_eq!(
            json(&t)["rows"]["granted"],
            serde_json::json!([2, 0, 0, 0, 0, 1, 3])
        );
    }

    #[test]
    fn misprinted_and_garbled_labels_still_land_on_their_rows() {
        let mut rows = rows_2019("1 0 0 0 0 0 1");
        rows[5] = ("2.其他法律行政止公开", "1 0 0 0 0 0 1".into());
        rows[17] = ("5. 5 N K K A / I II K K", ZERO.into());
        rows[2].1 = "1 0 0 0 0 1 2".into();
        let t = run(&rows);
        assert_eq!(
            json(&t)["rows"]["denied_prohibited_by_law"],
            serde_json::json!([1, 0, 0, 0, 0, 0, 1])
        );
        assert!(
            t.checks.iter().all(|c| c.status == CheckStatus::Pass),
            "{:?}",
            t.checks
        );
    }

    #[test]
    fn a_subtotal_column_is_read_checked_and_dropped() {
        let rows: Vec<(&str, String)> = rows_2019("1 0 0 0 0 0 1")
            .into_iter()
            .map(|(l, v)| {
                let mut n: Vec<i64> = v.split(' ').map(|x| x.parse().unwrap()).collect();
                let sub = n[1..6].iter().sum();
                n.insert(6, sub);
                (
                    l,
                    n.iter()
                        .map(|x| x.to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })
            .collect();
        let t = run(&rows);
        assert_eq!(
            json(&t)["rows"]["new_requests"],
            serde_json::json!([3, 0, 0, 0, 0, 1, 4])
        );
        assert!(
            t.warnings
                .iter()
                .any(|w| w.code == WarningCode::ExtraSubtotalColumn)
        );
    }

    #[test]
    fn a_wrong_printed_total_fails_and_stays_as_printed() {
        let mut rows = rows_2019("1 0 0 0 0 0 1");
        rows[0].1 = "3 0 0 0 0 1 5".into();
        let t = run(&rows);
        assert_eq!(json(&t)["rows"]["new_requests"][6], 5);
        assert!(t.checks.iter().any(|c| {
            c.status == CheckStatus::Fail
                && c.path
                    .as_ref()
                    .is_some_and(|p| *p == "tables.applications.rows.new_requests[6]")
        }));
    }
}
