//! Which table figure a restatement's label names.
//!
//! Reading rule. The label is searched for every keyword that names a figure: the
//! application totals (`上年结转`, `结转下年`, `收到/受理/新收/接收 … 申请`, `办结`), the
//! outcome groups of 表三 （一）–（五） with their synonyms (`同意公开` = 予以公开,
//! `同意部分公开` = 部分公开, `不同意公开` = 不予公开), and 表四's `行政复议`/`行政诉讼` and
//! results (`维持`, `纠正`…). The keyword that ends nearest the number names the figure
//! (`所有办结的信息公开申请中同意公开答复 9 件` → 同意公开, not 办结); of two ending at the
//! same place the longer wins (`不同意公开` over `同意公开`). Only a few words may follow
//! an outcome or a result (`答复`, `申请`, `的`, `类`, `决定`, `事项`, `处理`, `数量`, `总数`,
//! `案件`, `等`); any other tail and the label restates nothing. Outcome groups joined by
//! `及`/`和`/`、`/`与`/`以及`/`或` are summed (`予以公开及部分公开 208 件` → 予以公开 + 部分公开);
//! a list closed by `等` may hold more, so a figure above its sum is `skipped`, not failed
//! (one below it fails: the listed groups alone exceed it). An outcome given within
//! 上年结转/结转下年 (`上年结转申请中予以公开 2 件`) is a part
//! of a part the table does not print: it is compared with nothing and the check says so.
//! An outcome or result with no application or review word in its label takes its subject
//! from the restatement before it (`收到申请 21 件，其中予以公开 15 件`).

use govreport_model::template::{CellRef, applications, review};

/// What a run of restatements is about: a result (`结果维持`) means nothing on its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Subject {
    /// 表三.
    Applications,
    /// 表四 行政复议.
    Review,
    /// 表四 行政诉讼 (both groups).
    Litigation,
}

/// A table figure the narrative restates: cells (summed) with a name for messages.
pub struct Figure {
    /// What the run is about.
    pub subject: Subject,
    /// The cells whose sum the figure is.
    pub cells: Vec<CellRef<'static>>,
    /// The figure's name in messages (`（一）予以公开 + （二）部分公开`).
    pub name: String,
    /// A detail (`办结`, an outcome, `结果维持`) of the figure before it.
    pub detail: bool,
    /// A list closed by `等`: it may hold more than the cells.
    pub open: bool,
    /// Why the figure cannot be compared with certainty, if it cannot.
    pub doubt: Option<String>,
}

/// The kind of figure a keyword names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    CarriedOver,
    CarriedForward,
    Received,
    Processed,
    Review,
    Litigation,
    /// An outcome group of 表三, by its index in [`applications::OUTCOME_GROUPS`].
    Outcome(usize),
    /// A result column of 表四.
    Result(usize),
}

/// A keyword found in the label: where it ends and starts (bytes), what it names.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    kind: Kind,
}

/// Keywords of the outcome groups beyond the groups' own words: the synonyms reports use.
const OUTCOME_SYNONYMS: [(&str, usize); 3] =
    [("同意公开", 0), ("同意部分公开", 1), ("不同意公开", 2)];

/// Words that may follow the figure's keyword in its label.
const TAILS: [&str; 12] = [
    "答复", "申请", "的", "类", "决定", "事项", "处理", "等", "数量", "总数", "总量", "案件",
];

/// Conjunctions that join outcome groups into a sum.
const JOINS: [&str; 6] = ["及", "和", "、", "与", "以及", "或"];

/// Every keyword occurrence in `label`.
fn hits(label: &str) -> Vec<Hit> {
    let lawsuit = label.contains("复议") || label.contains("诉讼");
    let mut words: Vec<(&str, Kind)> = vec![
        ("上年结转", Kind::CarriedOver),
        ("结转下年", Kind::CarriedForward),
        ("结转至下年", Kind::CarriedForward),
        ("转入下年", Kind::CarriedForward),
        ("办结", Kind::Processed),
        ("行政复议", Kind::Review),
        ("行政诉讼", Kind::Litigation),
    ];
    if !lawsuit && label.contains("申请") {
        words.extend(["收到", "受理", "新收", "接收"].map(|w| (w, Kind::Received)));
    }
    let outcomes = applications::OUTCOME_GROUPS.iter().enumerate();
    words.extend(outcomes.map(|(i, (w, _, _))| (*w, Kind::Outcome(i))));
    words.extend(OUTCOME_SYNONYMS.map(|(w, i)| (w, Kind::Outcome(i))));
    words.extend(review::RESULT_WORDS.map(|(w, c)| (w, Kind::Result(c))));
    let mut out = Vec::new();
    for (word, kind) in words {
        for (start, _) in label.match_indices(word) {
            out.push(Hit {
                start,
                end: start + word.len(),
                kind,
            });
        }
    }
    out
}

/// The end of what a hit names: a received figure reaches to the `申请` after its verb.
fn reach(label: &str, hit: &Hit) -> usize {
    match hit.kind {
        Kind::Received => label[hit.end..]
            .rfind("申请")
            .map_or(hit.end, |i| hit.end + i + "申请".len()),
        _ => hit.end,
    }
}

/// The figure `label` restates, given the subject of the restatement before it.
pub fn restates(label: &str, previous: Option<Subject>) -> Option<Figure> {
    let label = label.trim_end_matches('的');
    let all = hits(label);
    let last = all
        .iter()
        .max_by_key(|h| (reach(label, h), usize::MAX - h.start))?;
    let tail = &label[reach(label, last)..];
    let named = matches!(last.kind, Kind::Outcome(_) | Kind::Result(_));
    if named && !tail.is_empty() && !TAILS.contains(&tail) {
        return None;
    }
    let open = tail == "等";
    let mut fig = match last.kind {
        Kind::Outcome(_) | Kind::Processed => detail(label, &all, last, previous)?,
        Kind::Result(column) => result(&all, column, previous)?,
        kind => total(kind),
    };
    fig.open = open;
    Some(fig)
}

/// A figure named by itself: a 表三 total or a 表四 group total.
fn total(kind: Kind) -> Figure {
    let (subject, cells, name) = match kind {
        Kind::CarriedOver => (
            Subject::Applications,
            vec![applications::total_of(applications::CARRIED_OVER)],
            "二、上年结转 总计",
        ),
        Kind::CarriedForward => (
            Subject::Applications,
            vec![applications::total_of(applications::CARRIED_FORWARD)],
            "四、结转下年度 总计",
        ),
        Kind::Review => (
            Subject::Review,
            vec![review::cell(review::REVIEW, review::TOTAL)],
            "行政复议 总计",
        ),
        Kind::Litigation => {
            let both = review::LITIGATION.map(|g| review::cell(g, review::TOTAL));
            (Subject::Litigation, both.to_vec(), "行政诉讼 总计 (两组)")
        }
        _ => (
            Subject::Applications,
            vec![applications::total_of(applications::NEW_REQUESTS)],
            "一、本年新收 总计",
        ),
    };
    Figure {
        subject,
        cells,
        name: name.into(),
        detail: false,
        open: false,
        doubt: None,
    }
}

/// `办结 N 件` or an outcome group (or a sum of groups), inside a run about applications.
fn detail(label: &str, all: &[Hit], last: &Hit, previous: Option<Subject>) -> Option<Figure> {
    let own = label.contains("申请") && !label.contains("复议") && !label.contains("诉讼");
    if !own && previous != Some(Subject::Applications) {
        return None;
    }
    let within = all.iter().find(|h| {
        h.end <= last.start && matches!(h.kind, Kind::CarriedOver | Kind::CarriedForward)
    });
    let doubt = within.map(|h| {
        format!(
            "the figure is given within 「{}」, a part the table does not print",
            &label[h.start..h.end]
        )
    });
    let (cells, name) = match last.kind {
        Kind::Outcome(_) => outcome_sum(label, all, last),
        _ => (
            vec![applications::total_of(applications::TOTAL_PROCESSED)],
            "（七）总计".to_string(),
        ),
    };
    let subject = Subject::Applications;
    Some(Figure {
        subject,
        cells,
        name,
        detail: true,
        open: false,
        doubt,
    })
}

/// The outcome group of `last` and those joined to it before it by a conjunction.
fn outcome_sum(label: &str, all: &[Hit], last: &Hit) -> (Vec<CellRef<'static>>, String) {
    let mut groups = vec![*last];
    loop {
        let first = groups[0];
        let joined = all
            .iter()
            .filter(|h| matches!(h.kind, Kind::Outcome(_)))
            .find(|h| h.end <= first.start && JOINS.contains(&&label[h.end..first.start]));
        match joined {
            Some(h) => groups.insert(0, *h),
            None => break,
        }
    }
    let mut cells = Vec::new();
    let mut names = Vec::new();
    for h in groups {
        let Kind::Outcome(i) = h.kind else { continue };
        let (_, name, rows) = applications::OUTCOME_GROUPS[i];
        cells.extend(rows.iter().map(|r| applications::total_of(r)));
        names.push(name);
    }
    (cells, names.join(" + "))
}

/// `结果维持 N 件` and the like, inside a run about reviews or lawsuits.
fn result(all: &[Hit], column: usize, previous: Option<Subject>) -> Option<Figure> {
    let own = all.iter().rev().find_map(|h| match h.kind {
        Kind::Review => Some(Subject::Review),
        Kind::Litigation => Some(Subject::Litigation),
        _ => None,
    });
    let subject = own.or(previous.filter(|s| *s != Subject::Applications))?;
    let groups: &[&'static str] = match subject {
        Subject::Review => &[review::REVIEW],
        _ => &review::LITIGATION,
    };
    let cells = groups.iter().map(|g| review::cell(g, column)).collect();
    let word = review::RESULT_WORDS
        .iter()
        .find(|(_, c)| *c == column)
        .map_or("", |(w, _)| w);
    Some(Figure {
        subject,
        cells,
        name: word.into(),
        detail: true,
        open: false,
        doubt: None,
    })
}
