//! Parsing: splits the lines in reading order into the tables' regions and the narrative,
//! and fills the record's report, sections, facts and tables from them.

use std::ops::Range;

use crate::facts::{self, narrative, period, restated};
use crate::tables::{active, applications, review};
use govreport_document::layout::Line;
use govreport_document::{Document, find_anchor, headings, identity, squeeze_all};
use govreport_model::codes::CheckStatus;
use govreport_model::codes::WarningCode;
use govreport_model::complete::{self, Gap};
use govreport_model::record::{Check, Record, Section, Source, Status, Warning};
use govreport_model::template::{self, TableId, Template};

/// The line ranges of the three tables and of the narrative, from the section headings
/// and, where a heading is missing, from each table's own anchor words.
struct Regions {
    active: Range<usize>,
    applications: Range<usize>,
    review: Range<usize>,
}

fn regions(lines: &[Line], headings: &[headings::Heading]) -> Regions {
    let at = |n: u8| headings.iter().find(|h| h.number == n).map(|h| h.line);
    let end = lines.len();
    let start = |table: TableId, from: usize| {
        at(table.section())
            .or_else(|| find_anchor(lines, from, table.anchors().region))
            .unwrap_or(end)
    };
    let t2 = start(TableId::ActiveDisclosure, 0);
    let t3 = start(TableId::Applications, t2.min(end));
    let t4 = start(TableId::ReviewLitigation, t3.min(end));
    let t5 = at(5).or_else(|| at(6)).filter(|&i| i > t4).unwrap_or(end);
    Regions {
        active: t2..t3.max(t2),
        applications: t3..t4.max(t3),
        review: t4..t5.max(t4),
    }
}

/// A document parsed: the record, the document it came from (its lines and the reader's
/// warnings, for the second opinions), and the rows each table was read from.
pub struct Parsed {
    /// The record.
    pub record: Record,
    /// The document the record was parsed from.
    pub document: Document,
    /// How each table's rows were read (for `govreport text`).
    pub table_rows: Vec<String>,
}

/// Parses a document into the record of `source` (which [`Document::note`] has told what the
/// reader learned of the file).
pub fn parse(source: Source, document: Document) -> Parsed {
    let (record, table_rows) = record(source, document.warnings.clone(), &document.lines);
    Parsed {
        record,
        document,
        table_rows,
    }
}

/// The record parsed from a document's lines, with the reader's warnings, the narrative's
/// restated figures checked and the status set; and the rows each table was read from
/// (for `govreport text`).
pub fn record(source: Source, mut warnings: Vec<Warning>, lines: &[Line]) -> (Record, Vec<String>) {
    let mut record = Record::new(source);
    record.warnings.append(&mut warnings);
    let table_rows = fill(&mut record, lines);
    finish(&mut record);
    (record, table_rows)
}

/// Adds the narrative's restated figures to the checks and sets the status.
pub fn finish(record: &mut Record) {
    let restated = restated::checks(record);
    record.checks.extend(restated);
    record.status = status(record);
}

/// `ok` when all three tables were found and no check fails; `partial` otherwise.
pub fn status(record: &Record) -> Status {
    if record.report.template == Template::Pre2019 {
        return crate::pre2019::status(record);
    }
    let t = &record.tables;
    let all =
        t.active_disclosure.is_some() && t.applications.is_some() && t.review_litigation.is_some();
    if all && !record.checks.iter().any(|c| c.status == CheckStatus::Fail) {
        Status::Ok
    } else {
        Status::Partial
    }
}

/// Fills `record.report`, `sections` and `tables` from the lines; returns the rows each
/// table was read from (for `govreport text`).
pub fn fill(record: &mut Record, lines: &[Line]) -> Vec<String> {
    let headings = headings::find(lines);
    let title = identity::title(lines).or_else(|| identity::announced_title(lines));
    let period = period::find(lines);
    record.report.year = identity::year(title.as_deref(), period.as_ref())
        .or_else(|| identity::announced_year(lines));
    record.report.agency = title.as_deref().and_then(identity::agency);
    record.report.title = title;
    if record.source.ocr.is_some() {
        crate::names::settle(record, lines);
    }
    record.report.period = period;
    crate::region::fill(record, lines);
    if crate::pre2019::applies(record.report.year, lines) {
        return crate::pre2019::fill(record, lines);
    }
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
    facts::fill(record, &narrative_lines(lines, &r));
    let mut debug = Vec::new();
    let active_lines = &lines[r.active.clone()];
    record.report.template = template::active::detect(&squeeze_all(active_lines));
    if let Some(t) = active::parse(active_lines, record.report.template) {
        record.tables.active_disclosure = Some(t.table);
        record.cells.extend(t.cells);
        let name = TableId::ActiveDisclosure.printed();
        absorb(record, t.checks, t.warnings, t.debug, &mut debug, name);
    }
    if let Some(t) = applications::parse(&lines[r.applications.clone()]) {
        record.tables.applications = Some(t.table);
        record.cells.extend(t.cells);
        let name = TableId::Applications.printed();
        absorb(record, t.checks, t.warnings, t.debug, &mut debug, name);
    }
    if let Some(t) = review::parse(&lines[r.review.clone()]) {
        record.tables.review_litigation = Some(t.table);
        record.cells.extend(t.cells);
        let name = TableId::ReviewLitigation.printed();
        absorb(record, t.checks, t.warnings, t.debug, &mut debug, name);
    }
    report_missing_tables(record);
    debug
}

/// A warning and a failed `<table>.complete` check for each national table not found.
fn report_missing_tables(record: &mut Record) {
    let t = &record.tables;
    let missing = [
        (t.active_disclosure.is_none(), TableId::ActiveDisclosure),
        (t.applications.is_none(), TableId::Applications),
        (t.review_litigation.is_none(), TableId::ReviewLitigation),
    ];
    for (_, table) in missing.into_iter().filter(|m| m.0) {
        record.warnings.push(Warning::new(
            WarningCode::TableNotFound,
            format!(
                "{} ({}) was not found in the report",
                table.printed(),
                table.path()
            ),
        ));
        record
            .checks
            .extend(complete::entries(table, 0, &[Gap::Table]));
    }
}

/// The narrative of a document: every line outside the three national tables (all lines
/// when it has none), as the facts and the audit read it.
pub fn narrative(lines: &[Line]) -> Vec<narrative::TextLine> {
    let headings = headings::find(lines);
    narrative_lines(lines, &regions(lines, &headings))
}

/// The lines outside the tables: each table runs from its first anchor line in its region
/// to the region's end.
fn narrative_lines(lines: &[Line], r: &Regions) -> Vec<narrative::TextLine> {
    let span = |range: &Range<usize>, words: &[&str]| {
        let start = find_anchor(&lines[..range.end], range.start, words).unwrap_or(range.end);
        start..range.end
    };
    let body = |table: TableId| table.anchors().body;
    let tables = [
        span(&r.active, body(TableId::ActiveDisclosure)),
        span(&r.applications, body(TableId::Applications)),
        span(&r.review, body(TableId::ReviewLitigation)),
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

fn section_texts(lines: &[Line], headings: &[headings::Heading]) -> Vec<Section> {
    let starts: Vec<usize> = headings.iter().map(|h| h.line).collect();
    headings
        .iter()
        .enumerate()
        .map(|(k, h)| Section {
            number: h.number,
            heading: h.text.clone(),
            page: lines[h.line].page,
            text: headings::section_text(lines, &starts, k),
            topic: crate::pre2019::topics::by_number(h.number),
        })
        .collect()
}
