//! The choice between an OCR layer's reading of a table and govreport's own OCR of the
//! page image: only tables the layer leaves doubtful are re-read, and of the two readings
//! the one with fewer doubtful cells is kept, with a warning saying which.

use crate::layout::Line;
use crate::record::{Check, Notice, Record};

use super::{TABLES, anchor_page, trust};

/// Re-reads the given pages (1-based) from the page image by OCR and returns the record
/// parsed from what it read there; None when OCR is unavailable or switched off.
pub type Reread<'a> = dyn Fn(&[u32]) -> Option<Record> + 'a;

/// The cells a record leaves in doubt in one table: each cell a failing check names (an
/// `ocr_layer.unconfirmed` one included) counts once, a row it names for the row's cells,
/// a missing table for more than any table has.
fn doubt_count(record: &Record, name: &str) -> usize {
    let table = format!("tables.{name}");
    let absent = match name {
        "active_disclosure" => record.tables.active_disclosure.is_none(),
        "applications" => record.tables.applications.is_none(),
        _ => record.tables.review_litigation.is_none(),
    };
    let mut paths: Vec<&str> = record
        .checks
        .iter()
        .filter(|c| c.status == "fail")
        .filter_map(|c| c.path.as_deref())
        .filter(|p| p.starts_with(&format!("{table}.")))
        .collect();
    paths.sort_unstable();
    paths.dedup();
    let weight = |p: &&str| match (name, p.contains('['), p.split('.').count()) {
        ("applications", true, _) | (_, false, 4) => 1,
        ("applications", false, _) => 7,
        ("review_litigation", _, _) => 5,
        _ => 3,
    };
    paths.iter().map(weight).sum::<usize>() + usize::from(absent) * ABSENT
}

/// What a missing table counts for against doubtful cells: more than any table has.
const ABSENT: usize = 1000;

/// The pages a table's lines may lie on: from its first anchor line's page to the next
/// table's (a table may cross a page break); every layer page when the layer has no anchor.
fn table_pages(lines: &[Line], k: usize, layer: &[u32]) -> Vec<u32> {
    let Some(first) = anchor_page(lines, TABLES[k].2) else {
        return layer.to_vec();
    };
    let next = TABLES[k + 1..]
        .iter()
        .find_map(|t| anchor_page(lines, t.2))
        .unwrap_or(first + 1)
        .max(first);
    (first..=next).collect()
}

/// Moves one table, with its checks and warnings, from `from` into `into`.
fn take_table(into: &mut Record, from: &Record, name: &str, title: &str) {
    let table = format!("tables.{name}");
    let mine = |rule: &str, path: Option<&str>| match path {
        Some(p) => p == table || p.starts_with(&format!("{table}.")),
        None => rule.starts_with(&format!("{name}.")),
    };
    into.checks.retain(|c| !mine(&c.rule, c.path.as_deref()));
    into.checks.extend(
        from.checks
            .iter()
            .filter(|c| mine(&c.rule, c.path.as_deref()))
            .cloned(),
    );
    into.warnings.retain(|w| !w.message.starts_with(title));
    into.warnings.extend(
        from.warnings
            .iter()
            .filter(|w| w.message.starts_with(title))
            .cloned(),
    );
    match name {
        "active_disclosure" => {
            into.tables.active_disclosure = from.tables.active_disclosure.clone()
        }
        "applications" => into.tables.applications = from.tables.applications.clone(),
        _ => into.tables.review_litigation = from.tables.review_litigation.clone(),
    }
}

/// Re-reads the tables the layer leaves doubtful, when there are any, and keeps for each
/// the reading with fewer doubts. A record whose layer tables are all confirmed costs no OCR.
pub fn better(record: &mut Record, lines: &[Line], layer: &[u32], reread: &Reread) {
    let doubtful: Vec<usize> = (0..TABLES.len())
        .filter(|&k| doubt_count(record, TABLES[k].0) > 0)
        .filter(|&k| {
            let title = TABLES[k].1;
            let warned =
                |w: &Notice| w.code == "ocr_layer_doubtful" && w.message.starts_with(title);
            record.warnings.iter().any(warned)
        })
        .collect();
    let mut pages: Vec<u32> = doubtful
        .iter()
        .flat_map(|&k| table_pages(lines, k, layer))
        .collect();
    pages.sort_unstable();
    pages.dedup();
    if pages.is_empty() {
        return;
    }
    let Some(mut other) = reread(&pages) else {
        return;
    };
    let tables = other.tables.clone();
    super::judge(
        &mut other,
        &tables,
        &doubtful,
        "govreport's OCR of the page image",
    );
    if let (Some(mine), Some(theirs)) = (record.source.ocr.as_mut(), other.source.ocr.as_ref()) {
        mine.engine = theirs.engine.clone().or(mine.engine.take());
        mine.languages = theirs.languages.clone();
        mine.pages = theirs.pages.clone();
    }
    for k in doubtful {
        let (name, title, _) = TABLES[k];
        let (layer, ocr) = (doubt_count(record, name), doubt_count(&other, name));
        let count = |n: usize| match n {
            0 => "no doubtful cell".to_string(),
            n if n >= ABSENT => "no such table".to_string(),
            n => format!("{n} doubtful cell(s)"),
        };
        let kept = if ocr < layer {
            take_table(record, &other, name, title);
            "govreport's OCR reading was kept"
        } else {
            "the layer's reading was kept"
        };
        let message = format!(
            "{title}: the OCR layer's reading has {}, govreport's OCR of the page image {}; {kept}",
            count(layer),
            count(ocr)
        );
        record
            .warnings
            .push(Notice::new("ocr_layer_reread", message));
    }
    if anchor_page(lines, TABLES[0].2).is_some_and(|p| pages.contains(&p)) {
        compare_active(record, &other);
    }
}

/// 表二 has no rules: where its page was re-read anyway and the layer's 表二 was kept, each
/// number cell OCR reads otherwise is a doubt (a dropped minus sign, 8 read as 3).
fn compare_active(record: &mut Record, other: &Record) {
    let (Some(layer), Some(ocr)) = (
        &record.tables.active_disclosure,
        &other.tables.active_disclosure,
    ) else {
        return;
    };
    let mut doubts = Vec::new();
    for (row, cells) in layer.iter().filter(|(k, _)| k.as_str() != "printed") {
        for (column, mine) in cells.as_object().into_iter().flatten() {
            let theirs = ocr.get(row).and_then(|r| r.get(column));
            if let (Some(a), Some(b)) = (mine.as_f64(), theirs.and_then(|v| v.as_f64()))
                && a != b
            {
                doubts.push(Check {
                    rule: trust::RULE.into(),
                    status: "fail".into(),
                    message: format!(
                        "the OCR layer reads {mine} here, govreport's OCR of the page image {}; no rule tells which is right",
                        b
                    ),
                    path: Some(format!("tables.active_disclosure.{row}.{column}")),
                });
            }
        }
    }
    if !doubts.is_empty() {
        let message = format!(
            "表二 was read from an OCR text layer made before publication, and govreport's OCR of the page image reads {} of its cells otherwise (each named by a failing check)",
            doubts.len()
        );
        record
            .warnings
            .push(Notice::new("ocr_layer_doubtful", message));
        record.checks.extend(doubts);
    }
}
