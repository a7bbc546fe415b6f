//! The audit: how a report is written, against the national format (国办公开办函〔2021〕30号
//! and the 2019 trial format, templates.md §1–2) and against itself. Its findings go to
//! `record.audit` and never change `status` or a value.
//!
//! Which rules apply depends on the format the report was due in (templates.md §1):
//! - reports on 2019 onwards (or, with no year, printing the 2019/2021 tables): the six
//!   parts in order ([`outline`]), the three tables, the statistics period;
//! - reports on 2021 onwards (or, with no year, printing the 2021 表二): also the fee
//!   statement, which the 2021 format asks for in section 六 (the 2019 trial format and the
//!   pre-2019 reports had no 信息处理费 to report);
//! - pre-2019 reports (`template: "pre2019"`) had no national format: only a stated
//!   period outside the reported year, the doubled words and the restatements are audited.
//!
//! A text read by OCR is audited for its restatements only (see [`audit`]).

mod doubled;
mod outline;
mod statements;

use govreport_document::layout::Line;
use govreport_model::codes::{AuditRule, CheckStatus, Rule};
use govreport_model::record::{Finding, Record, Status};
use govreport_model::template::Template;

use crate::facts::narrative::Stream;
use crate::report;

/// The national format a report was due in, as far as the audit is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Before 2019: no national format.
    None,
    /// The 2019 trial format (reports on 2019 and 2020).
    Trial2019,
    /// The 2021 format (reports on 2021 onwards).
    Revised2021,
}

/// The format due for the report's year, else the one its tables show.
fn format_due(record: &Record) -> Format {
    let template = record.report.template;
    if template == Template::Pre2019 {
        return Format::None;
    }
    match (record.report.year, template) {
        (Some(y), _) if y >= 2021 => Format::Revised2021,
        (Some(y), _) if y >= 2019 => Format::Trial2019,
        (Some(_), _) => Format::None,
        (None, Template::Format2021) => Format::Revised2021,
        (None, Template::Format2019) => Format::Trial2019,
        (None, _) => Format::None,
    }
}

/// The findings for a record parsed from `lines` (none for a failed record), in rule order.
/// A text read by OCR (`source.ocr`) is audited for its restatements only: OCR can lose a
/// heading or double a word that the page prints once.
pub fn audit(record: &Record, lines: &[Line]) -> Vec<Finding> {
    if record.status == Status::Failed {
        return Vec::new();
    }
    let mut out = Vec::new();
    if record.source.ocr.is_none() {
        out.extend(written(record, lines));
    }
    out.extend(restatements(record));
    out
}

/// The findings about the text itself: its parts, statements, tables and doubled words.
fn written(record: &Record, lines: &[Line]) -> Vec<Finding> {
    let format = format_due(record);
    let national = format != Format::None;
    let narrative = Stream::new(&report::narrative(lines));
    let mut out = Vec::new();
    if national {
        out.extend(outline::findings(record, lines));
    }
    out.extend(statements::period(record, national));
    if format == Format::Revised2021 {
        out.extend(statements::fee(record, narrative.text()));
    }
    if national {
        out.extend(statements::tables(record, lines));
    }
    out.extend(doubled::findings(&narrative));
    out
}

/// One `audit.restatement` per failed `narrative.agrees_with_tables` check, on the page of
/// the count it quotes.
fn restatements(record: &Record) -> Vec<Finding> {
    record
        .checks
        .iter()
        .filter(|c| c.rule == Rule::NarrativeAgreesWithTables && c.status == CheckStatus::Fail)
        .map(|c| {
            let page = record
                .counts
                .iter()
                .find(|n| c.message.contains(&format!("「{}」", n.text)))
                .and_then(|n| n.page);
            Finding {
                path: c.path.clone(),
                ..Finding::new(AuditRule::Restatement, c.message.clone()).on_page(page)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
