//! 表三 (收到和处理政府信息公开申请情况): rows aligned on the template, seven columns,
//! lost cells placed and repaired by the rules.

use serde_json::{Map, Value as Json};

use crate::checks::{self, Cell, Equation, Origin};
use crate::complete;
use crate::layout::Line;
use crate::parse::grid::{self, Placed, ValueRow};
use crate::parse::{TableResult, squeeze_all};
use crate::record::{Applications, Notice, number};
use crate::template::{APPLICATION_COLUMNS, RowSpec, SPLIT_SIX_MARKERS, application_rows};

const WIDTH: usize = 7;

/// Parses 表三 from the lines of its region; None when no value rows are there.
pub fn parse(lines: &[Line]) -> Option<TableResult<Applications>> {
    let mut rows = grid::value_rows(lines, 4);
    if rows.len() < 3 {
        return None;
    }
    let mut warnings = Vec::new();
    drop_subtotal_column(&mut rows, &mut warnings);
    let text = squeeze_all(lines);
    let split_six = SPLIT_SIX_MARKERS.iter().any(|m| text.contains(m)) || rows.len() == 25;
    let spec = application_rows(split_six);
    let phrases: Vec<&[&str]> = spec.iter().map(|r| r.labels).collect();
    let matched = grid::align(&rows, &phrases);
    let used: Vec<&ValueRow> = matched.iter().flatten().map(|&i| &rows[i]).collect();
    let centres = grid::column_centres(&used, WIDTH);
    let mut placed: Vec<Option<Placed>> = matched
        .iter()
        .map(|m| m.map(|i| grid::place(&rows[i], WIDTH, centres.as_deref())))
        .collect();
    let equations = equations(&spec);
    let settled = grid::settle(&mut placed, WIDTH, &equations, "表三", &mut warnings);
    let cells = &settled.cells;
    let path = |i: usize| {
        format!(
            "tables.applications.rows.{}[{}]",
            spec[i / WIDTH].key,
            i % WIDTH
        )
    };
    let row_path = |r: usize| format!("tables.applications.rows.{}", spec[r].key);
    let mut checks = checks::entries(cells, &equations, &settled.repaired, &path);
    let mut found = grid::found(&rows, &matched, &phrases);
    if !split_six {
        doubt_unseen_one_row_six(&spec, &mut found);
    }
    let gaps = grid::gaps(
        &settled,
        &found,
        WIDTH,
        &row_path,
        &path,
        "tables.applications",
    );
    warnings.extend(complete::row_warnings("表三", &gaps));
    checks.extend(complete::entries(
        "applications.complete",
        "表三",
        "tables.applications",
        spec.len(),
        &gaps,
    ));
    let table = record(&spec, &placed, cells);
    let debug = debug_rows(&spec, &matched, &rows);
    Some(TableResult {
        table,
        checks,
        warnings,
        debug,
    })
}

/// With no sign of the three-row （六）, the one-row layout is only a default: if its
/// （六） row was not found either, the layout itself is unknown, so the row cannot be
/// rebuilt with confidence.
fn doubt_unseen_one_row_six(spec: &[&RowSpec], found: &mut [grid::Found]) {
    if let Some(six) = spec.iter().position(|r| r.key == "other_processing")
        && found[six] == grid::Found::No
    {
        found[six] = grid::Found::Doubtful;
    }
}

/// A 法人或其他组织 subtotal column, when most rows print eight values: dropped, with a warning.
fn drop_subtotal_column(rows: &mut [ValueRow], warnings: &mut Vec<Notice>) {
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
            warnings.push(Notice::new(
                "extra_subtotal_column",
                "表三 prints a 法人或其他组织 subtotal column; it was read, checked and left out of the seven columns",
            ));
            return;
        }
    }
}

/// The rules of templates.md §6.2 over the flat cells (row index × 7 + column).
fn equations(spec: &[&RowSpec]) -> Vec<Equation> {
    let at = |key: &str| spec.iter().position(|r| r.key == key);
    let mut out = Vec::new();
    let (Some(new), Some(carried), Some(total), Some(forward)) = (
        at("new_requests"),
        at("carried_over"),
        at("total_processed"),
        at("carried_forward"),
    ) else {
        return out;
    };
    for (c, col) in APPLICATION_COLUMNS.iter().enumerate() {
        out.push(Equation {
            rule: "applications.balance",
            result: total * WIDTH + c,
            extra: vec![forward * WIDTH + c],
            parts: vec![new * WIDTH + c, carried * WIDTH + c],
            scope: format!("column {col}: （七）总计 + 四、结转 = 一、新收 + 二、上年结转"),
        });
    }
    for (r, row) in spec.iter().enumerate() {
        out.push(Equation {
            rule: "applications.row_totals",
            result: r * WIDTH + 6,
            extra: Vec::new(),
            parts: (0..6).map(|c| r * WIDTH + c).collect(),
            scope: format!("row {}: 总计 = sum of the six applicant columns", row.key),
        });
    }
    for (c, col) in APPLICATION_COLUMNS.iter().enumerate() {
        out.push(Equation {
            rule: "applications.outcome_sum",
            result: total * WIDTH + c,
            extra: Vec::new(),
            parts: (carried + 1..total).map(|r| r * WIDTH + c).collect(),
            scope: format!("column {col}: （七）总计 = sum of the outcome rows"),
        });
    }
    out
}

fn record(spec: &[&RowSpec], placed: &[Option<Placed>], cells: &[Cell]) -> Applications {
    let mut rows = Map::new();
    let mut printed = Map::new();
    for (r, row) in spec.iter().enumerate() {
        let present = placed[r].is_some()
            || (0..WIDTH).all(|c| cells[r * WIDTH + c].origin == Origin::Repaired);
        if !present {
            continue;
        }
        let mut values = Vec::with_capacity(WIDTH);
        for c in 0..WIDTH {
            let cell = &cells[r * WIDTH + c];
            let slot = placed[r].as_ref().and_then(|p| p.slots[c].as_ref());
            let value = match (cell.origin, slot) {
                (Origin::Printed, Some(v)) => v.number.clone().map_or(Json::Null, Json::Number),
                (Origin::Repaired, _) => cell
                    .value
                    .and_then(|v| number(&format!("{v}")))
                    .map_or(Json::Null, Json::Number),
                _ => Json::Null,
            };
            let text = match (cell.origin, slot) {
                (Origin::Printed, Some(v)) => v.printed.clone(),
                (Origin::Blank, _) => Some(String::new()),
                _ => None,
            };
            if let Some(text) = text {
                printed.insert(format!("rows.{}[{c}]", row.key), Json::String(text));
            }
            values.push(value);
        }
        rows.insert(row.key.to_string(), Json::Array(values));
    }
    Applications {
        columns: APPLICATION_COLUMNS.iter().map(|c| c.to_string()).collect(),
        rows,
        printed,
    }
}

fn debug_rows(spec: &[&RowSpec], matched: &[Option<usize>], rows: &[ValueRow]) -> Vec<String> {
    let mut out = Vec::new();
    for (j, m) in matched.iter().enumerate() {
        let line = match m {
            Some(i) => {
                let v: Vec<String> = rows[*i]
                    .values
                    .iter()
                    .map(|v| v.number.as_ref().map_or("·".into(), |n| n.to_string()))
                    .collect();
                format!("{:<34} ← {} | {}", spec[j].key, rows[*i].label, v.join(" "))
            }
            None => format!("{:<34} ← (not found)", spec[j].key),
        };
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::text_line;

    /// A 表三 as a poor text extraction prints it, from (label, values) rows.
    fn table(rows: &[(&str, &str)]) -> TableResult<Applications> {
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
        for label in application_rows(false)[3..20].iter().map(|r| r.labels[0]) {
            rows.push((label, ZERO.into()));
        }
        rows.push(("（六）其他处理", six.into()));
        rows.push(("（七）总计", "3 0 0 0 0 1 4".into()));
        rows.push(("四、结转下年度继续办理", ZERO.into()));
        rows
    }

    fn run(rows: &[(&str, String)]) -> TableResult<Applications> {
        let borrowed: Vec<(&str, &str)> = rows.iter().map(|(l, v)| (*l, v.as_str())).collect();
        table(&borrowed)
    }

    #[test]
    fn six_as_one_row_gives_other_processing() {
        let t = run(&rows_2019("1 0 0 0 0 0 1"));
        assert_eq!(
            t.table.rows["other_processing"],
            serde_json::json!([1, 0, 0, 0, 0, 0, 1])
        );
        assert!(!t.table.rows.contains_key("other_other"));
        assert!(
            t.checks.iter().all(|c| c.status == "pass"),
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
            t.table.rows["other_overdue_correction"],
            serde_json::json!([1, 0, 0, 0, 0, 0, 1])
        );
        assert_eq!(
            t.table.rows["other_other"],
            serde_json::json!([0, 0, 0, 0, 0, 0, 0])
        );
        assert!(!t.table.rows.contains_key("other_processing"));
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
            t.table.rows["carried_over"],
            serde_json::json!([null, null, null, 0, 0, 0, 0])
        );
        assert_eq!(t.table.rows["new_requests"][0], 1003);
        assert_eq!(t.table.printed["rows.carried_over[0]"], "—");
        assert_eq!(t.table.printed["rows.carried_over[1]"], "/");
        assert_eq!(t.table.printed["rows.carried_over[2]"], "无");
        assert_eq!(t.table.printed["rows.carried_over[6]"], "０");
        assert_eq!(t.table.printed["rows.new_requests[0]"], "1,003");
    }

    #[test]
    fn a_lost_cell_is_placed_and_repaired_by_the_rules() {
        let mut rows = rows_2019("1 0 0 0 0 0 1");
        rows[0].1 = "0 0 0 0 1 4".into();
        let t = run(&rows);
        assert_eq!(
            t.table.rows["new_requests"],
            serde_json::json!([3, 0, 0, 0, 0, 1, 4])
        );
        let repaired: Vec<&str> = t
            .checks
            .iter()
            .filter(|c| c.status == "repaired")
            .filter_map(|c| c.path.as_deref())
            .collect();
        assert_eq!(repaired, ["tables.applications.rows.new_requests[0]"]);
    }

    #[test]
    fn misprinted_and_garbled_labels_still_land_on_their_rows() {
        let mut rows = rows_2019("1 0 0 0 0 0 1");
        rows[5] = ("2.其他法律行政止公开", "1 0 0 0 0 0 1".into());
        rows[17] = ("5. 5 N K K A / I II K K", ZERO.into());
        rows[2].1 = "1 0 0 0 0 1 2".into();
        let t = run(&rows);
        assert_eq!(
            t.table.rows["denied_prohibited_by_law"],
            serde_json::json!([1, 0, 0, 0, 0, 0, 1])
        );
        assert!(
            t.checks.iter().all(|c| c.status == "pass"),
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
            t.table.rows["new_requests"],
            serde_json::json!([3, 0, 0, 0, 0, 1, 4])
        );
        assert!(t.warnings.iter().any(|w| w.code == "extra_subtotal_column"));
    }

    #[test]
    fn a_wrong_printed_total_fails_and_stays_as_printed() {
        let mut rows = rows_2019("1 0 0 0 0 0 1");
        rows[0].1 = "3 0 0 0 0 1 5".into();
        let t = run(&rows);
        assert_eq!(t.table.rows["new_requests"][6], 5);
        assert!(t.checks.iter().any(|c| c.status == "fail"
            && c.path.as_deref() == Some("tables.applications.rows.new_requests[6]")));
    }
}
