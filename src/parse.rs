//! Parsing: splits the lines in reading order into the tables' regions and the narrative,
//! and fills the record's report, sections, facts and tables from them.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::codes::WarningCode;
use crate::facts::{counts, dates, narrative, policies, report, sections};
use crate::layout::Line;
use crate::record::{Check, Record, Section, Warning};
use crate::tables::cells::squeeze;
use crate::tables::{active, applications, review, squeeze_all};

/// Page numbers and running footers: `-3-`, `- 5 -`, `第 3 页`, `3/5`.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，/共]\s*共?\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")
        .expect("valid regex")
});

/// True for a line that is only a page number or running footer (`- 5 -`, `第 3 页`, `3/5`).
pub fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER.is_match(text.trim())
}

/// Drops page-number lines, which would otherwise sit inside tables split across pages.
pub fn without_page_numbers(lines: Vec<Line>) -> Vec<Line> {
    lines
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
    let period = report::period(lines);
    record.report.year = report::year(title.as_deref(), period.as_ref());
    record.report.agency = title.as_deref().and_then(report::agency);
    record.report.title = title;
    record.report.period = period;
    record.sections = section_texts(lines, &headings);
    if headings.len() < 6 {
        let missing: Vec<String> = (1..=6)
            .filter(|n| !headings.iter().any(|h| h.number == *n))
            .map(|n| n.to_string())
            .collect();
        record.warnings.push(Warning::new(
            WarningCode::SectionNotFound,
            format!("section(s) {} not found", missing.join(", ")),
        ));
    }
    let r = regions(lines, &headings);
    fill_facts(record, &narrative_lines(lines, &r));
    let mut debug = Vec::new();
    let active_lines = &lines[r.active.clone()];
    record.report.template = active::detect_format(&squeeze_all(active_lines));
    if let Some(t) = active::parse(active_lines, record.report.template) {
        record.tables.active_disclosure = Some(t.table);
        absorb(record, t.checks, t.warnings, t.debug, &mut debug, "表二");
    }
    if let Some(t) = applications::parse(&lines[r.applications.clone()]) {
        record.tables.applications = Some(t.table);
        absorb(record, t.checks, t.warnings, t.debug, &mut debug, "表三");
    }
    if let Some(t) = review::parse(&lines[r.review.clone()]) {
        record.tables.review_litigation = Some(t.table);
        absorb(record, t.checks, t.warnings, t.debug, &mut debug, "表四");
    }
    debug
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

fn fill_facts(record: &mut Record, text: &[narrative::TextLine]) {
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

/// Adds a parsed table's checks and warnings to the record, and its rows to `debug`.
fn absorb(
    record: &mut Record,
    checks: Vec<Check>,
    warnings: Vec<Warning>,
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
            }
        })
        .collect()
}
