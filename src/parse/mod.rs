//! Parsers: from lines in reading order to the record's report, sections and tables.

pub mod active;
pub mod applications;
pub mod cells;
pub mod counts;
pub mod dates;
#[cfg(test)]
mod facts_corpus_tests;
#[cfg(test)]
mod geometry_tests;
pub mod grid;
pub mod narrative;
pub mod period;
pub mod policies;
mod policy_dates;
pub mod report;
pub mod review;
pub mod sections;
pub mod stamps;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::complete::{self, Gap};
use crate::layout::Line;
use crate::record::{Check, Notice, Record, Section};
use cells::squeeze;

/// A parsed table with the checks and warnings it produced and the rows it was read from.
pub struct TableResult<T> {
    /// The table as the record holds it.
    pub table: T,
    /// Consistency checks on it.
    pub checks: Vec<Check>,
    /// Doubts about how it was read.
    pub warnings: Vec<Notice>,
    /// One line per reconstructed row, for `govreport text`.
    pub debug: Vec<String>,
}

/// All lines' text with whitespace removed, for keyword tests.
pub fn squeeze_all(lines: &[Line]) -> String {
    lines.iter().map(|l| squeeze(&l.text())).collect()
}

/// Page numbers and running footers: `-3-`, `- 5 -`, `第 3 页`, `3/5`.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，/共]\s*共?\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")
        .expect("valid regex")
});

/// True for a line that is only a page number or running footer (`- 5 -`, `第 3 页`, `3/5`).
pub fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER.is_match(text.trim())
}

/// Drops page-number lines, which would otherwise sit inside tables split across pages,
/// and the headers and footers a browser prints on each page ([`stamps`]).
pub fn without_page_numbers(lines: Vec<Line>) -> Vec<Line> {
    stamps::without_print_stamps(lines)
        .into_iter()
        .filter(|l| !is_page_number(&l.text()))
        .collect()
}

/// The line ranges of the three tables and of the narrative, from the section headings
/// and, where a heading is missing, from each table's own anchor words.
struct Regions {
    active: Range<usize>,
    applications: Range<usize>,
    review: Range<usize>,
}

fn anchor(lines: &[Line], from: usize, words: &[&str]) -> Option<usize> {
    (from..lines.len()).find(|&i| {
        let t = squeeze(&lines[i].text());
        words.iter().any(|w| t.contains(w))
    })
}

fn regions(lines: &[Line], headings: &[sections::Heading]) -> Regions {
    let at = |n: u8| headings.iter().find(|h| h.number == n).map(|h| h.line);
    let end = lines.len();
    let t2 = at(2)
        .or_else(|| anchor(lines, 0, &["第二十条", "信息内容"]))
        .unwrap_or(end);
    let t3 = at(3)
        .or_else(|| anchor(lines, t2.min(end), &["申请人情况", "本年新收"]))
        .unwrap_or(end);
    let t4 = at(4)
        .or_else(|| anchor(lines, t3.min(end), &["复议后起诉", "未经复议"]))
        .unwrap_or(end);
    let t5 = at(5).or_else(|| at(6)).filter(|&i| i > t4).unwrap_or(end);
    Regions {
        active: t2..t3.max(t2),
        applications: t3..t4.max(t3),
        review: t4..t5.max(t4),
    }
}

/// Fills `record.report`, `sections` and `tables` from the lines; returns the rows each
/// table was read from (for `govreport text`).
pub fn fill(record: &mut Record, lines: &[Line]) -> Vec<String> {
    let headings = sections::find(lines);
    let title = report::title(lines);
    let period = period::find(lines);
    record.report.year = report::year(title.as_deref(), period.as_ref());
    record.report.agency = title.as_deref().and_then(report::agency);
    record.report.title = title;
    record.report.period = period;
    if crate::pre2019::applies(record.report.year, lines) {
        return crate::pre2019::fill(record, lines);
    }
    record.sections = section_texts(lines, &headings);
    if headings.len() < 6 {
        let missing: Vec<String> = (1..=6)
            .filter(|n| !headings.iter().any(|h| h.number == *n))
            .map(|n| n.to_string())
            .collect();
        record.warnings.push(Notice::new(
            "section_not_found",
            format!("section(s) {} not found", missing.join(", ")),
        ));
    }
    let r = regions(lines, &headings);
    fill_facts(record, &narrative_lines(lines, &r));
    let mut debug = Vec::new();
    let active_lines = &lines[r.active.clone()];
    record.report.template = active::detect_format(&squeeze_all(active_lines)).to_string();
    if let Some(t) = active::parse(active_lines, &record.report.template) {
        record.tables.active_disclosure = Some(t.table);
        take(record, t.checks, t.warnings, t.debug, &mut debug, "表二");
    }
    if let Some(t) = applications::parse(&lines[r.applications.clone()]) {
        record.tables.applications = Some(t.table);
        take(record, t.checks, t.warnings, t.debug, &mut debug, "表三");
    }
    if let Some(t) = review::parse(&lines[r.review.clone()]) {
        record.tables.review_litigation = Some(t.table);
        take(record, t.checks, t.warnings, t.debug, &mut debug, "表四");
    }
    report_missing_tables(record);
    debug
}

/// A warning and a failed `<table>.complete` check for each national table not found.
fn report_missing_tables(record: &mut Record) {
    let t = &record.tables;
    let missing = [
        (t.active_disclosure.is_none(), "active_disclosure", "表二"),
        (t.applications.is_none(), "applications", "表三"),
        (t.review_litigation.is_none(), "review_litigation", "表四"),
    ];
    for (_, key, name) in missing.into_iter().filter(|m| m.0) {
        let path = format!("tables.{key}");
        record.warnings.push(Notice::new(
            "table_not_found",
            format!("{name} ({path}) was not found in the report"),
        ));
        let rule = complete::rule_name(key);
        record
            .checks
            .extend(complete::entries(rule, name, &path, 0, &[Gap::Table]));
    }
}

/// The lines outside the tables: each table runs from its first anchor line in its region
/// to the region's end.
fn narrative_lines(lines: &[Line], r: &Regions) -> Vec<narrative::TextLine> {
    let span = |range: &Range<usize>, words: &[&str]| {
        let start = anchor(&lines[..range.end], range.start, words).unwrap_or(range.end);
        start..range.end
    };
    let tables = [
        span(&r.active, &["第二十条", "信息内容"]),
        span(&r.applications, &["申请人情况", "勾稽", "本年新收"]),
        span(&r.review, &["复议后起诉", "未经复议", "结果维持"]),
    ];
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !tables.iter().any(|t| t.contains(i)))
        .map(|(_, l)| narrative::TextLine {
            page: l.page,
            text: l.text(),
        })
        .collect()
}

/// Fills `dates`, `policies` and `counts` from the narrative lines.
pub(crate) fn fill_facts(record: &mut Record, text: &[narrative::TextLine]) {
    let json = |v: Result<serde_json::Value, serde_json::Error>| match v {
        Ok(serde_json::Value::Array(items)) => items,
        _ => Vec::new(),
    };
    record.dates = json(serde_json::to_value(dates::find_dates(
        text,
        record.report.year,
    )));
    record.policies = json(serde_json::to_value(policies::find_policies(
        text,
        record.report.year,
    )));
    record.counts = json(serde_json::to_value(counts::find_counts(text)));
}

fn take(
    record: &mut Record,
    checks: Vec<Check>,
    warnings: Vec<Notice>,
    rows: Vec<String>,
    debug: &mut Vec<String>,
    name: &str,
) {
    record.checks.extend(checks);
    record.warnings.extend(warnings);
    debug.push(format!("── {name} ──"));
    debug.extend(rows);
}

fn section_texts(lines: &[Line], headings: &[sections::Heading]) -> Vec<Section> {
    headings
        .iter()
        .enumerate()
        .map(|(k, h)| {
            let end = headings.get(k + 1).map_or(lines.len(), |n| n.line);
            let text: Vec<String> = lines[h.line + 1..end].iter().map(Line::text).collect();
            Section {
                number: h.number,
                heading: h.text.clone(),
                page: lines[h.line].page,
                text: text.join("\n"),
                topic: crate::pre2019::topics::by_number(h.number).to_string(),
            }
        })
        .collect()
}
