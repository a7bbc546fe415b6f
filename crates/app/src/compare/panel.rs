//! Many reports: grouped by agency key and ordered by year, with the cross-year rule
//! `cross_year.carry_over`, text reuse between consecutive years, duplicates (one agency
//! and year twice) and gaps (missing years).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Number;

use super::entry::Cell;
use super::reuse::{Reuse, reuse};
use super::{Entry, diff};

/// The rule's name, as in the records' `checks`.
pub const CARRY_OVER: &str = "cross_year.carry_over";

/// Every agency's reports and cross-year results.
#[derive(Debug, Clone, Serialize)]
pub struct Panel {
    /// One group per agency key, in key order.
    pub groups: Vec<Group>,
    /// Records without an agency or a year: read, but not placed in any group.
    pub unplaced: Vec<Entry>,
}

/// One agency's reports.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The agency key.
    pub key: String,
    /// The names printed in its reports, in order of first appearance.
    pub agencies: Vec<String>,
    /// The reports by year (more than one in a year: duplicates).
    pub years: Vec<Year>,
    /// `cross_year.carry_over` for each column of each consecutive pair of years.
    pub checks: Vec<CarryOver>,
    /// Each consecutive pair of years (each pair of files), with its text reuse.
    pub pairs: Vec<YearPair>,
    /// Years reported more than once.
    pub duplicates: Vec<Duplicate>,
    /// Years between the first and the last with no report.
    pub gaps: Vec<i32>,
}

/// The reports of one year.
#[derive(Debug, Clone, Serialize)]
pub struct Year {
    /// The year reported on.
    pub year: i32,
    /// `source.path` of each report, in input order.
    pub files: Vec<String>,
}

/// Two reports of consecutive years and how much of the later one's text the earlier
/// one already has.
#[derive(Debug, Clone, Serialize)]
pub struct YearPair {
    /// Year N−1 and its file.
    pub previous: Report,
    /// Year N and its file.
    pub current: Report,
    /// The share of year N's sentences found in year N−1's, overall and per section; null
    /// when year N's record has no sentence.
    pub text_reuse: Option<Reuse>,
}

/// One report of a pair: its year and `source.path`.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The year.
    pub year: i32,
    /// The record's `source.path`.
    pub file: String,
}

impl YearPair {
    /// The pair of `previous` (year N−1) and `current` (year N).
    fn new(previous: &Entry, current: &Entry) -> YearPair {
        let report = |e: &Entry| Report {
            year: e.year.unwrap_or_default(),
            file: e.path.clone(),
        };
        YearPair {
            previous: report(previous),
            current: report(current),
            text_reuse: reuse(&previous.sentences, &current.sentences),
        }
    }
}

/// One year reported by more than one file (a PDF and its web page, two downloads).
#[derive(Debug, Clone, Serialize)]
pub struct Duplicate {
    /// The year.
    pub year: i32,
    /// `source.path` of each report, in input order.
    pub files: Vec<String>,
    /// Table cells whose values differ between the first file and any other.
    pub cells_differ: usize,
}

/// One column of the rule: 二、上年结转 of year N = 四、结转下年度 of year N−1.
#[derive(Debug, Clone, Serialize)]
pub struct CarryOver {
    /// [`CARRY_OVER`].
    pub rule: &'static str,
    /// `pass`, `fail`, or `skipped` (a blank cell or a missing row).
    pub status: &'static str,
    /// The 表三 column.
    pub column: String,
    /// Year N−1, its file and its 四、结转下年度 value.
    pub previous: Side,
    /// Year N, its file and its 二、上年结转 value.
    pub current: Side,
    /// The equation with its values.
    pub message: String,
}

/// One side of a cross-year equation.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// The year.
    pub year: i32,
    /// The record's `source.path`.
    pub file: String,
    /// The cell's value (None: blank or absent).
    pub value: Option<Number>,
}

impl Panel {
    /// Groups the entries by agency key and checks each group.
    pub fn new(entries: &[Entry]) -> Panel {
        let mut by_key: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
        let mut unplaced = Vec::new();
        for e in entries {
            match (&e.key, e.year) {
                (Some(key), Some(_)) => by_key.entry(key).or_default().push(e),
                _ => unplaced.push(e.clone()),
            }
        }
        let groups = by_key
            .into_iter()
            .map(|(key, members)| Group::new(key, &members))
            .collect();
        Panel { groups, unplaced }
    }

    /// Failed cross-year equations in all groups.
    pub fn failures(&self) -> usize {
        let checks = self.groups.iter().flat_map(|g| &g.checks);
        checks.filter(|c| c.status == "fail").count()
    }
}

impl Group {
    fn new(key: &str, members: &[&Entry]) -> Group {
        let mut agencies: Vec<String> = Vec::new();
        let mut by_year: BTreeMap<i32, Vec<&Entry>> = BTreeMap::new();
        for e in members {
            if let Some(a) = e.agency.as_ref().filter(|a| !agencies.contains(a)) {
                agencies.push(a.clone());
            }
            by_year
                .entry(e.year.unwrap_or_default())
                .or_default()
                .push(e);
        }
        let years: Vec<Year> = by_year
            .iter()
            .map(|(&year, es)| Year {
                year,
                files: es.iter().map(|e| e.path.clone()).collect(),
            })
            .collect();
        let mut checks = Vec::new();
        let mut pairs = Vec::new();
        for (year, current) in &by_year {
            for previous in by_year.get(&(year - 1)).into_iter().flatten() {
                for now in current {
                    checks.extend(carry_over(previous, now));
                    pairs.push(YearPair::new(previous, now));
                }
            }
        }
        let (first, last) = (years[0].year, years[years.len() - 1].year);
        Group {
            key: key.to_string(),
            agencies,
            duplicates: by_year
                .iter()
                .filter(|(_, es)| es.len() > 1)
                .map(|(&year, es)| Duplicate {
                    year,
                    files: es.iter().map(|e| e.path.clone()).collect(),
                    cells_differ: es[1..]
                        .iter()
                        .map(|e| diff::Pair::new(es[0], e).changed())
                        .sum(),
                })
                .collect(),
            gaps: (first..last).filter(|y| !by_year.contains_key(y)).collect(),
            years,
            checks,
            pairs,
        }
    }
}

/// The rule for each 表三 column of two consecutive years (none before 2019's format:
/// pre-2019 reports have no 表三).
pub fn carry_over(previous: &Entry, current: &Entry) -> Vec<CarryOver> {
    let columns: Vec<&str> = current
        .cells
        .iter()
        .filter(|c| c.table() == "applications" && c.row() == "carried_over")
        .map(Cell::column)
        .collect();
    columns
        .into_iter()
        .map(|column| {
            let value = |e: &Entry, row: &str| {
                e.cell("applications", row, column)
                    .and_then(|c| c.value.clone())
            };
            let side = |e: &Entry, row: &str| Side {
                year: e.year.unwrap_or_default(),
                file: e.path.clone(),
                value: value(e, row),
            };
            let (p, c) = (
                side(previous, "carried_forward"),
                side(current, "carried_over"),
            );
            let status = match (&p.value, &c.value) {
                (Some(a), Some(b)) if a.as_f64() == b.as_f64() => "pass",
                (Some(_), Some(_)) => "fail",
                _ => "skipped",
            };
            let shown = |v: &Option<Number>| v.as_ref().map_or("blank".into(), Number::to_string);
            let message = format!(
                "{column}: {} 四、结转下年度 {} {} {} 二、上年结转 {}",
                p.year,
                shown(&p.value),
                if status == "fail" { "≠" } else { "=" },
                c.year,
                shown(&c.value),
            );
            CarryOver {
                rule: CARRY_OVER,
                status,
                column: column.to_string(),
                previous: p,
                current: c,
                message,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::entry::tests::tables;
    use govreport_model::record::{Record, Source};
    use govreport_model::template::Template;
    use serde_json::json;

    /// A record of 表三's two carry-over rows in two columns, its body placed from its name.
    fn entry(agency: &str, year: i32, path: &str, over: i64, forward: i64) -> Entry {
        let mut record = Record::new(Source {
            path: path.into(),
            ..Source::default()
        });
        record.tables = tables(json!({"applications": {
            "rows": {"carried_over": [over, over], "carried_forward": [forward, null]}}}));
        record.report.agency = Some(agency.into());
        record.report.year = Some(year);
        record.report.template = Template::Format2021;
        Entry::of(&record, false)
    }

    #[test]
    fn one_body_named_with_and_without_its_city_is_one_group() {
        let entries = [
            entry("洪泽区人民政府", 2023, "a.pdf", 0, 2),
            entry("淮安市洪泽区人民政府", 2024, "b.pdf", 2, 0),
            entry("淮安市洪泽区人民政府办公室", 2024, "c.pdf", 0, 0),
        ];
        let panel = Panel::new(&entries);
        assert_eq!(panel.groups.len(), 2);
        let g = &panel.groups[0];
        assert_eq!(g.key, "320813:人民政府");
        assert_eq!(g.agencies, ["洪泽区人民政府", "淮安市洪泽区人民政府"]);
        assert!(
            g.checks.iter().all(|c| c.status != "fail"),
            "{:?}",
            g.checks
        );
        assert_eq!(g.checks.len(), 2, "2023→2024 carried over, per column");
        assert_eq!(panel.groups[1].key, "320813:人民政府办公室");
    }

    #[test]
    fn groups_by_key_with_duplicates_gaps_and_the_rule() {
        let entries = [
            entry("石湾区人民政府", 2022, "b.txt", 1, 4),
            entry("石湾区", 2021, "a.txt", 0, 1),
            entry("石湾区人民政府", 2022, "b.html", 1, 4),
            entry("石湾区人民政府", 2023, "c.txt", 5, 0),
            entry("石湾区人民政府", 2025, "e.txt", 0, 0),
            entry("石湾区教育局", 2023, "x.txt", 0, 0),
        ];
        let panel = Panel::new(&entries);
        assert_eq!(panel.groups.len(), 2);
        let g = &panel.groups[0];
        assert_eq!(g.key, "石湾区人民政府");
        assert_eq!(g.agencies, ["石湾区人民政府", "石湾区"]);
        let years: Vec<i32> = g.years.iter().map(|y| y.year).collect();
        assert_eq!(years, [2021, 2022, 2023, 2025]);
        assert_eq!(g.duplicates[0].files, ["b.txt", "b.html"]);
        assert_eq!(g.duplicates[0].cells_differ, 0);
        assert_eq!(g.gaps, [2024]);
        // 2021→2022 twice (two 2022 files), 2022→2023 twice: two columns each
        assert_eq!(g.checks.len(), 8);
        let fails: Vec<&CarryOver> = g.checks.iter().filter(|c| c.status == "fail").collect();
        assert_eq!(
            fails.len(),
            2,
            "2022 forward 4 ≠ 2023 over 5, from each 2022 file"
        );
        assert_eq!(fails[0].previous.file, "b.txt");
        assert_eq!(fails[0].current.file, "c.txt");
        assert!(
            fails[0].message.contains("4 ≠ 2023 二、上年结转 5"),
            "{}",
            fails[0].message
        );
        let skipped = g.checks.iter().filter(|c| c.status == "skipped").count();
        assert_eq!(skipped, 4, "the blank total of 四 skips its column");
        assert_eq!(panel.failures(), 2);
    }
}
