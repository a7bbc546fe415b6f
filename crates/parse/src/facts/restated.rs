//! Cross-checks between the narrative and the tables: where the text restates a table
//! figure (`全区受理政府信息公开申请 21 件`, `行政复议 3 件，其中结果维持 2 件`), the two
//! must agree; each restatement found gives a `narrative.agrees_with_tables` check.

use govreport_model::codes::CheckStatus;
use govreport_model::codes::Rule;
use govreport_model::record::Count;
use govreport_model::record::{Check, Record, Tables};
use govreport_model::template::{CellRef, applications};

use label::{Figure, restates};

/// The rule name of every check made here.
pub const RULE: Rule = Rule::NarrativeAgreesWithTables;

/// The checks for every restated figure whose table is present; a figure the sentence
/// gives for a narrower body than the table's (see [`scope`]) is `skipped`, and so are
/// the details that follow it.
pub fn checks(record: &Record) -> Vec<Check> {
    let sentences = scope::Sentences::new(record);
    let agency = record.report.agency.as_deref();
    let mut out = Vec::new();
    let mut previous = None;
    let mut previous_body: Option<String> = None;
    for count in &record.counts {
        let Some(said) = count.value.as_f64() else {
            continue;
        };
        if count.unit == "%" {
            continue; // a share beside a figure (`208 件（17.46%）`) does not end its run
        }
        let fig = (count.unit == "件")
            .then(|| restates(&count.label, previous))
            .flatten();
        previous = fig.as_ref().map(|f| f.subject);
        let Some(fig) = fig else { continue };
        let before = sentences.before(&count.text);
        let body = scope::other_body(&count.label, &before, agency)
            .or_else(|| fig.detail.then(|| previous_body.clone()).flatten());
        previous_body.clone_from(&body);
        let Some(table) = sum(&record.tables, &fig.cells) else {
            continue;
        };
        out.push(match (body, &fig.doubt) {
            (Some(body), _) => other_scope(count, table, &fig, &body, agency),
            (None, Some(doubt)) => doubtful(count, table, &fig, doubt),
            (None, None) => check(count, said, table, &fig, &record.tables),
        });
    }
    out
}

/// A `skipped` check: the sentence gives the figure for `body`, not the table's.
fn other_scope(count: &Count, table: f64, fig: &Figure, body: &str, agency: Option<&str>) -> Check {
    let page = count.page.map_or(String::new(), |p| format!(" (page {p})"));
    let message = format!(
        "the narrative says 「{}」{page} for {body}, a narrower body than the table's ({}); not compared with the table's {} ({table})",
        count.text,
        agency.unwrap_or_default(),
        fig.name
    );
    Check {
        rule: RULE,
        status: CheckStatus::Skipped,
        message,
        path: (fig.cells.len() == 1).then(|| fig.cells[0].path()),
    }
}

/// A `skipped` check: the reader cannot attribute the figure with certainty.
fn doubtful(count: &Count, table: f64, fig: &Figure, doubt: &str) -> Check {
    let page = count.page.map_or(String::new(), |p| format!(" (page {p})"));
    let message = format!(
        "the narrative says 「{}」{page}; {doubt}: not compared with the table's {} ({table})",
        count.text, fig.name
    );
    Check {
        rule: RULE,
        status: CheckStatus::Skipped,
        message,
        path: (fig.cells.len() == 1).then(|| fig.cells[0].path()),
    }
}

/// The sum of the cells (a blank cell counts 0); None when a cell's table or row is missing.
fn sum(tables: &Tables, cells: &[CellRef<'_>]) -> Option<f64> {
    cells.iter().try_fold(0.0, |total, &cell| {
        Some(total + tables.value(cell)?.unwrap_or(0.0))
    })
}

fn check(count: &Count, said: f64, table: f64, fig: &Figure, tables: &Tables) -> Check {
    let text = &count.text;
    let page = count.page.map_or(String::new(), |p| format!(" (page {p})"));
    let mut status = if said == table {
        CheckStatus::Pass
    } else {
        CheckStatus::Fail
    };
    let mut also = String::new();
    if status == CheckStatus::Fail
        && fig.cells == [applications::total_of(applications::NEW_REQUESTS)]
    {
        let carried = sum(
            tables,
            &[applications::total_of(applications::CARRIED_OVER)],
        );
        if carried.is_some_and(|c| c > 0.0 && said == table + c) {
            status = CheckStatus::Pass;
            also = " (with 二、上年结转 added)".into();
        }
    }
    if status == CheckStatus::Fail && fig.open && said > table {
        status = CheckStatus::Skipped;
        also = " (the list closed by 等 may hold more: not failed)".into();
    }
    let message = format!(
        "the narrative says 「{text}」{page}; the table's {} is {table}{also}",
        fig.name
    );
    Check {
        rule: RULE,
        status,
        message,
        path: (fig.cells.len() == 1).then(|| fig.cells[0].path()),
    }
}

mod label;
mod scope;
#[cfg(test)]
mod tests;
