//! Cross-checks between the narrative and the tables: where the text restates a table
//! figure (`全区受理政府信息公开申请 21 件`, `行政复议 3 件，其中结果维持 2 件`), the two
//! must agree; each restatement found gives a `narrative.agrees_with_tables` check.

use serde_json::Value as Json;

use crate::record::{Check, Record};

/// The rule name of every check made here.
pub const RULE: &str = "narrative.agrees_with_tables";

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
    cells: Vec<String>,
    name: &'static str,
    /// A detail (`办结`, `结果维持`) read in the run of the figure before it.
    detail: bool,
}

fn figure(subject: Subject, cells: &[&str], name: &'static str) -> Option<Figure> {
    let cells = cells.iter().map(|c| format!("tables.{c}")).collect();
    Some(Figure {
        subject,
        cells,
        name,
        detail: false,
    })
}

/// The 表三 rows whose sum the narrative gives for an outcome group (`不予公开 3 件`).
const GROUPS: [(&str, &str, &[&str]); 5] = [
    ("予以公开", "（一）予以公开", &["granted"]),
    ("部分公开", "（二）部分公开", &["partially_granted"]),
    (
        "不予公开",
        "（三）不予公开",
        &[
            "denied_state_secret",
            "denied_prohibited_by_law",
            "denied_three_safeties",
            "denied_third_party_rights",
            "denied_internal_affairs",
            "denied_process_information",
            "denied_enforcement_files",
            "denied_administrative_query",
        ],
    ),
    (
        "无法提供",
        "（四）无法提供",
        &[
            "unable_not_held",
            "unable_needs_creation",
            "unable_unclear_after_correction",
        ],
    ),
    (
        "不予处理",
        "（五）不予处理",
        &[
            "not_processed_complaint",
            "not_processed_repeated",
            "not_processed_publication",
            "not_processed_excessive",
            "not_processed_confirmation",
        ],
    ),
];

/// The figure a count's label restates, given the subject of the count just before it.
///
/// Examples: `全年新收政府信息公开申请` → 一、新收 总计; `上年结转申请` → 二、上年结转 总计;
/// `本年度共发生行政复议` → 表四 行政复议 总计; after it, `结果维持` → 行政复议 结果维持.
fn restates(label: &str, previous: Option<Subject>) -> Option<Figure> {
    use Subject::*;
    let has = |words: &[&str]| words.iter().any(|w| label.contains(w));
    if has(&["上年结转"]) {
        return figure(
            Applications,
            &["applications.rows.carried_over[6]"],
            "二、上年结转 总计",
        );
    }
    if has(&["结转下年", "结转至下年", "转入下年"]) {
        return figure(
            Applications,
            &["applications.rows.carried_forward[6]"],
            "四、结转下年度 总计",
        );
    }
    if label.contains("申请") && has(&["收到", "受理", "新收", "接收"]) && !has(&["复议", "诉讼"])
    {
        return figure(
            Applications,
            &["applications.rows.new_requests[6]"],
            "一、本年新收 总计",
        );
    }
    if has(&["行政复议"]) && !has(&["诉讼"]) {
        return figure(
            Review,
            &["review_litigation.administrative_review.total"],
            "行政复议 总计",
        );
    }
    if has(&["行政诉讼"]) {
        let both = [
            "review_litigation.litigation_direct.total",
            "review_litigation.litigation_after_review.total",
        ];
        return figure(Litigation, &both, "行政诉讼 总计 (两组)");
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
        return figure(
            Subject::Applications,
            &["applications.rows.total_processed[6]"],
            "（七）总计",
        );
    }
    let (_, name, rows) = GROUPS.iter().find(|(word, _, _)| label.ends_with(word))?;
    let cells: Vec<String> = rows
        .iter()
        .map(|r| format!("applications.rows.{r}[6]"))
        .collect();
    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
    figure(Subject::Applications, &cells, name)
}

/// `结果维持 N 件` and the like, inside a run about reviews or lawsuits.
fn result_detail(label: &str, subject: Subject) -> Option<Figure> {
    let (column, name) = [
        ("维持", "upheld"),
        ("纠正", "corrected"),
        ("其他结果", "other"),
        ("尚未审结", "pending"),
        ("未审结", "pending"),
    ]
    .into_iter()
    .find(|(word, _)| label.ends_with(word))?;
    let groups: &[&str] = match subject {
        Subject::Review => &["administrative_review"],
        _ => &["litigation_direct", "litigation_after_review"],
    };
    let cells: Vec<String> = groups
        .iter()
        .map(|g| format!("review_litigation.{g}.{name}"))
        .collect();
    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
    figure(subject, &cells, column)
}

/// The checks for every restated figure whose table is present; a figure the sentence
/// gives for a narrower body than the table's (see [`scope`]) is `skipped`, and so are
/// the details that follow it.
pub fn checks(record: &Record) -> Vec<Check> {
    let tables = serde_json::to_value(&record.tables).unwrap_or(Json::Null);
    let sentences = scope::Sentences::new(record);
    let agency = record.report.agency.as_deref();
    let mut out = Vec::new();
    let mut previous = None;
    let mut previous_body: Option<String> = None;
    for count in &record.counts {
        let (Some(label), Some(said)) = (count["label"].as_str(), count["value"].as_f64()) else {
            continue;
        };
        let fig = (count["unit"] == "件")
            .then(|| restates(label, previous))
            .flatten();
        previous = fig.as_ref().map(|f| f.subject);
        let Some(fig) = fig else { continue };
        let before = sentences.before(count["text"].as_str().unwrap_or_default());
        let body = scope::other_body(label, &before, agency)
            .or_else(|| fig.detail.then(|| previous_body.clone()).flatten());
        previous_body.clone_from(&body);
        let Some(table) = sum(&tables, &fig.cells) else {
            continue;
        };
        out.push(match body {
            Some(body) => other_scope(count, table, &fig, &body, agency),
            None => check(count, said, table, &fig, &tables),
        });
    }
    out
}

/// A `skipped` check: the sentence gives the figure for `body`, not the table's.
fn other_scope(count: &Json, table: f64, fig: &Figure, body: &str, agency: Option<&str>) -> Check {
    let text = count["text"].as_str().unwrap_or_default();
    let page = count["page"]
        .as_u64()
        .map_or(String::new(), |p| format!(" (page {p})"));
    let message = format!(
        "the narrative says 「{text}」{page} for {body}, a narrower body than the table's ({}); not compared with the table's {} ({table})",
        agency.unwrap_or_default(),
        fig.name
    );
    Check {
        rule: RULE.into(),
        status: "skipped".into(),
        message,
        path: (fig.cells.len() == 1).then(|| fig.cells[0].clone()),
    }
}

/// The sum of the cells (a blank cell counts 0); None when a cell's table is missing.
fn sum(tables: &Json, cells: &[String]) -> Option<f64> {
    cells.iter().try_fold(0.0, |total, path| {
        let cell = lookup(tables, path.strip_prefix("tables.")?)?;
        Some(total + cell.as_f64().unwrap_or(0.0))
    })
}

/// The value at a record path relative to `tables` (`applications.rows.granted[6]`).
fn lookup<'a>(tables: &'a Json, path: &str) -> Option<&'a Json> {
    let mut at = tables;
    for part in path.split('.') {
        at = match part.split_once('[') {
            Some((key, index)) => at
                .get(key)?
                .get(index.trim_end_matches(']').parse::<usize>().ok()?)?,
            None => at.get(part)?,
        };
    }
    (!at.is_object()).then_some(at)
}

fn check(count: &Json, said: f64, table: f64, fig: &Figure, tables: &Json) -> Check {
    let text = count["text"].as_str().unwrap_or_default();
    let page = count["page"]
        .as_u64()
        .map_or(String::new(), |p| format!(" (page {p})"));
    let mut status = if said == table { "pass" } else { "fail" };
    let mut also = String::new();
    if status == "fail" && fig.cells == ["tables.applications.rows.new_requests[6]"] {
        let carried = sum(tables, &["tables.applications.rows.carried_over[6]".into()]);
        if carried.is_some_and(|c| c > 0.0 && said == table + c) {
            status = "pass";
            also = " + 二、上年结转".into();
        }
    }
    let message = format!(
        "the narrative says 「{text}」{page}; the table's {}{also} is {table}",
        fig.name
    );
    Check {
        rule: RULE.into(),
        status: status.into(),
        message,
        path: (fig.cells.len() == 1).then(|| fig.cells[0].clone()),
    }
}

mod scope;
#[cfg(test)]
mod tests;
