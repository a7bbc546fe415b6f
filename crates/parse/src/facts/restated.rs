//! Cross-checks between the narrative and the tables: where the text restates a table
//! figure (`全区受理政府信息公开申请 21 件`, `行政复议 3 件，其中结果维持 2 件`), the two
//! must agree; each restatement found gives a `narrative.agrees_with_tables` check.

use govreport_model::codes::CheckStatus;
use govreport_model::codes::Rule;
use govreport_model::record::Count;
use govreport_model::record::{Check, Record, Tables};
use govreport_model::template::{CellRef, applications, review};

/// The rule name of every check made here.
pub const RULE: Rule = Rule::NarrativeAgreesWithTables;

/// What a run of restatements is about: a result (`结果维持`) means nothing on its own.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Subject {
    Applications,
    Review,
    Litigation,
}

/// A table figure the narrative can restate: cells (summed) with a name for messages.
struct Figure {
    subject: Subject,
    cells: Vec<CellRef<'static>>,
    name: &'static str,
    /// A detail (`办结`, `结果维持`) read in the run of the figure before it.
    detail: bool,
}

fn figure(subject: Subject, cells: Vec<CellRef<'static>>, name: &'static str) -> Option<Figure> {
    Some(Figure {
        subject,
        cells,
        name,
        detail: false,
    })
}

/// The figure a count's label restates, given the subject of the count just before it.
///
/// Examples: `全年新收政府信息公开申请` → 一、新收 总计; `上年结转申请` → 二、上年结转 总计;
/// `本年度共发生行政复议` → 表四 行政复议 总计; after it, `结果维持` → 行政复议 结果维持.
fn restates(label: &str, previous: Option<Subject>) -> Option<Figure> {
    use Subject::*;
    let has = |words: &[&str]| words.iter().any(|w| label.contains(w));
    if has(&["上年结转"]) {
        let cells = vec![applications::total_of(applications::CARRIED_OVER)];
        return figure(Applications, cells, "二、上年结转 总计");
    }
    if has(&["结转下年", "结转至下年", "转入下年"]) {
        let cells = vec![applications::total_of(applications::CARRIED_FORWARD)];
        return figure(Applications, cells, "四、结转下年度 总计");
    }
    if label.contains("申请") && has(&["收到", "受理", "新收", "接收"]) && !has(&["复议", "诉讼"])
    {
        let cells = vec![applications::total_of(applications::NEW_REQUESTS)];
        return figure(Applications, cells, "一、本年新收 总计");
    }
    if has(&["行政复议"]) && !has(&["诉讼"]) {
        let cells = vec![review::cell(review::REVIEW, review::TOTAL)];
        return figure(Review, cells, "行政复议 总计");
    }
    if has(&["行政诉讼"]) {
        let both = review::LITIGATION.map(|g| review::cell(g, review::TOTAL));
        return figure(Litigation, both.to_vec(), "行政诉讼 总计 (两组)");
    }
    let detail = match previous? {
        Applications => application_detail(label),
        subject => result_detail(label, subject),
    };
    detail.map(|f| Figure { detail: true, ..f })
}

/// `办结 N 件` and the outcome groups, inside a run about applications.
fn application_detail(label: &str) -> Option<Figure> {
    if label.contains("办结") {
        let cells = vec![applications::total_of(applications::TOTAL_PROCESSED)];
        return figure(Subject::Applications, cells, "（七）总计");
    }
    let (_, name, rows) = applications::OUTCOME_GROUPS
        .iter()
        .find(|(word, _, _)| label.ends_with(word))?;
    let cells = rows.iter().map(|r| applications::total_of(r)).collect();
    figure(Subject::Applications, cells, name)
}

/// `结果维持 N 件` and the like, inside a run about reviews or lawsuits.
fn result_detail(label: &str, subject: Subject) -> Option<Figure> {
    let (word, column) = review::RESULT_WORDS
        .into_iter()
        .find(|(word, _)| label.ends_with(word))?;
    let groups: &[&'static str] = match subject {
        Subject::Review => &[review::REVIEW],
        _ => &review::LITIGATION,
    };
    let cells = groups.iter().map(|g| review::cell(g, column)).collect();
    figure(subject, cells, word)
}

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
        out.push(match body {
            Some(body) => other_scope(count, table, &fig, &body, agency),
            None => check(count, said, table, &fig, &record.tables),
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
            also = " + 二、上年结转".into();
        }
    }
    let message = format!(
        "the narrative says 「{text}」{page}; the table's {}{also} is {table}",
        fig.name
    );
    Check {
        rule: RULE,
        status,
        message,
        path: (fig.cells.len() == 1).then(|| fig.cells[0].path()),
    }
}

mod scope;
#[cfg(test)]
mod tests;
