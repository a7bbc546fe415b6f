//! Two reports side by side: every table cell with its change, rows printed in only one of
//! them, the narrative counts matched by label, and the policies new in the later one.

use serde::Serialize;
use serde_json::Number;

use super::Entry;
use super::entry::Cell;

/// The two reports compared; `left` is the earlier year (the first given when equal).
#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    /// The earlier report.
    pub left: Entry,
    /// The later report.
    pub right: Entry,
    /// Every cell of either report, in table order.
    pub cells: Vec<CellChange>,
    /// Rows (`table.row`) with cells in the left report only.
    pub rows_only_left: Vec<String>,
    /// Rows with cells in the right report only.
    pub rows_only_right: Vec<String>,
    /// Narrative counts matched by label (the n-th use of a label with the n-th).
    pub counts: Vec<CountChange>,
    /// Policy titles of the right report that the left one does not name.
    pub new_policies: Vec<String>,
}

/// One cell in both reports.
#[derive(Debug, Clone, Serialize)]
pub struct CellChange {
    /// Table key.
    pub table: String,
    /// Row key.
    pub row: String,
    /// Column key.
    pub column: String,
    /// Left value (None: blank or absent).
    pub left: Option<Number>,
    /// Right value.
    pub right: Option<Number>,
    /// right − left, when both are numbers.
    pub change: Option<f64>,
    /// The change in percent of left, when left is a non-zero number.
    pub percent: Option<f64>,
    /// Which report has the cell: `both`, `left` or `right`.
    pub present: &'static str,
}

/// One narrative count in both reports (or one).
#[derive(Debug, Clone, Serialize)]
pub struct CountChange {
    /// The label.
    pub label: String,
    /// Units, left and right (empty when absent).
    pub unit: String,
    /// Left value.
    pub left: Option<Number>,
    /// Right value.
    pub right: Option<Number>,
    /// right − left, when both are numbers in the same unit.
    pub change: Option<f64>,
    /// The change in percent of left.
    pub percent: Option<f64>,
}

impl Pair {
    /// Compares two entries (ordered by year, earlier on the left).
    pub fn new(a: &Entry, b: &Entry) -> Pair {
        let (left, right) = if b.year < a.year { (b, a) } else { (a, b) };
        let cells = cell_changes(&left.cells, &right.cells);
        let rows_only = |side: &str| {
            let mut rows: Vec<String> = Vec::new();
            for c in &cells {
                let name = format!("{}.{}", c.table, c.row);
                let whole_row = cells
                    .iter()
                    .filter(|d| d.table == c.table && d.row == c.row)
                    .all(|d| d.present == side);
                if whole_row && !rows.contains(&name) {
                    rows.push(name);
                }
            }
            rows
        };
        Pair {
            rows_only_left: rows_only("left"),
            rows_only_right: rows_only("right"),
            counts: count_changes(left, right),
            new_policies: right
                .policies
                .iter()
                .filter(|p| !left.policies.contains(p))
                .cloned()
                .collect(),
            cells,
            left: left.clone(),
            right: right.clone(),
        }
    }

    /// Column headings for the two sides: their years, or `left` and `right` when the
    /// years are the same (two agencies' reports on one year) or unknown.
    pub fn labels(&self) -> (String, String) {
        match (self.left.year, self.right.year) {
            (Some(a), Some(b)) if a != b => (a.to_string(), b.to_string()),
            _ => ("left".into(), "right".into()),
        }
    }

    /// Cells whose value differs (including cells in one report only).
    pub fn changed(&self) -> usize {
        self.cells.iter().filter(|c| c.left != c.right).count()
    }
}

/// Change and percent change from `left` to `right`.
pub fn change(left: Option<&Number>, right: Option<&Number>) -> (Option<f64>, Option<f64>) {
    let (Some(l), Some(r)) = (
        left.and_then(Number::as_f64),
        right.and_then(Number::as_f64),
    ) else {
        return (None, None);
    };
    let d = round(r - l);
    let percent = (l != 0.0).then(|| round(d / l.abs() * 100.0));
    (Some(d), percent)
}

/// Rounds away float noise (`730.1799999` → `730.18`): four decimals are more than any
/// report prints.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn cell_changes(left: &[Cell], right: &[Cell]) -> Vec<CellChange> {
    let mut out: Vec<CellChange> = left
        .iter()
        .map(|l| {
            let r = right.iter().find(|r| l.same_place(r));
            let (change, percent) = change(l.value.as_ref(), r.and_then(|r| r.value.as_ref()));
            CellChange {
                table: l.table().to_string(),
                row: l.row().to_string(),
                column: l.column().to_string(),
                left: l.value.clone(),
                right: r.and_then(|r| r.value.clone()),
                change,
                percent,
                present: if r.is_some() { "both" } else { "left" },
            }
        })
        .collect();
    // a cell of the right report only goes after the cell before it in that report
    let mut cursor = 0;
    for r in right {
        let same =
            |c: &CellChange| c.table == r.table() && c.row == r.row() && c.column == r.column();
        if let Some(i) = out.iter().position(same) {
            cursor = i + 1;
            continue;
        }
        let cell = CellChange {
            table: r.table().to_string(),
            row: r.row().to_string(),
            column: r.column().to_string(),
            left: None,
            right: r.value.clone(),
            change: None,
            percent: None,
            present: "right",
        };
        out.insert(cursor, cell);
        cursor += 1;
    }
    out
}

fn count_changes(left: &Entry, right: &Entry) -> Vec<CountChange> {
    let mut taken = vec![false; right.counts.len()];
    let mut out = Vec::new();
    for l in &left.counts {
        let found = right
            .counts
            .iter()
            .enumerate()
            .position(|(i, r)| !taken[i] && r.label == l.label);
        let r = found.map(|i| {
            taken[i] = true;
            &right.counts[i]
        });
        let same_unit = r.is_some_and(|r| r.unit == l.unit);
        let (change, percent) = if same_unit {
            change(Some(&l.value), r.map(|r| &r.value))
        } else {
            (None, None)
        };
        let unit = match r {
            Some(r) if r.unit != l.unit => format!("{}/{}", l.unit, r.unit),
            _ => l.unit.clone(),
        };
        out.push(CountChange {
            label: l.label.clone(),
            unit,
            left: Some(l.value.clone()),
            right: r.map(|r| r.value.clone()),
            change,
            percent,
        });
    }
    for (r, _) in right.counts.iter().zip(&taken).filter(|(_, t)| !**t) {
        out.push(CountChange {
            label: r.label.clone(),
            unit: r.unit.clone(),
            left: None,
            right: Some(r.value.clone()),
            change: None,
            percent: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::entry::tests::tables;
    use crate::compare::entry::{Count, cells};
    use serde_json::json;

    fn entry(year: i32, json: serde_json::Value, counts: Vec<Count>, policies: &[&str]) -> Entry {
        Entry {
            path: format!("r{year}.json"),
            agency: Some("石湾区人民政府".into()),
            region_code: None,
            agency_level: None,
            key: Some("石湾区人民政府".into()),
            year: Some(year),
            template: "2021".into(),
            status: "ok".into(),
            cells: cells(&tables(json)),
            counts,
            policies: policies.iter().map(|p| p.to_string()).collect(),
            sentences: Vec::new(),
        }
    }

    fn count(label: &str, value: i64, unit: &str) -> Count {
        Count {
            label: label.into(),
            value: value.into(),
            unit: unit.into(),
        }
    }

    #[test]
    fn cells_rows_counts_and_policies_are_compared() {
        let a = entry(
            2022,
            json!({"review_litigation": {"administrative_review": {"upheld": 4, "total": 0}},
                   "applications": {"columns": ["total"], "rows": {"other_processing": [2]}}}),
            vec![
                count("全年主动公开政府信息", 100, "条"),
                count("参训人员", 5, "人次"),
            ],
            &["甲", "乙"],
        );
        let b = entry(
            2023,
            json!({"review_litigation": {"administrative_review": {"upheld": 5, "total": 3}},
                   "applications": {"columns": ["total"], "rows": {"other_other": [1]}}}),
            vec![
                count("全年主动公开政府信息", 90, "条"),
                count("网站访问量", 3, "次"),
            ],
            &["乙", "丙"],
        );
        let pair = Pair::new(&b, &a);
        assert_eq!(
            pair.left.year,
            Some(2022),
            "the earlier year is on the left"
        );
        let cell = |column: &str| {
            let review = |c: &&CellChange| c.table == "review_litigation" && c.column == column;
            pair.cells.iter().find(review).unwrap()
        };
        let upheld = cell("upheld");
        assert_eq!((upheld.change, upheld.percent), (Some(1.0), Some(25.0)));
        let total = cell("total");
        assert_eq!(
            (total.change, total.percent),
            (Some(3.0), None),
            "no % of zero"
        );
        assert_eq!(pair.rows_only_left, ["applications.other_processing"]);
        assert_eq!(pair.rows_only_right, ["applications.other_other"]);
        let rows: Vec<&str> = pair.cells.iter().map(|c| c.row.as_str()).collect();
        assert_eq!(
            rows[..2],
            ["other_other", "other_processing"],
            "a row of the later report only stays where that report prints it"
        );
        assert_eq!(pair.counts[0].change, Some(-10.0));
        assert_eq!(pair.counts[0].percent, Some(-10.0));
        assert_eq!(
            pair.counts.len(),
            3,
            "参训人员 left only, 网站访问量 right only"
        );
        assert_eq!(pair.new_policies, ["丙"]);
        assert_eq!(pair.changed(), 4);
    }

    #[test]
    fn statistics_are_matched_by_key() {
        let stats = |v: i64, label: &str| {
            json!({"statistics": {"columns": ["统计数"], "rows": [
                {"label": label, "text": label, "key": "active.published", "values": [v]}]}})
        };
        let pair = Pair::new(
            &entry(2016, stats(10, "主动公开政府信息数"), vec![], &[]),
            &entry(2017, stats(15, "主动公开信息数"), vec![], &[]),
        );
        assert_eq!(pair.cells.len(), 1, "{:?}", pair.cells);
        assert_eq!(pair.cells[0].percent, Some(50.0));
    }
}
