//! The choice between an OCR layer's reading of a table and govreport's own OCR of the
//! page image: only tables the layer leaves doubtful are re-read, and of the two readings
//! the one with fewer doubtful cells is kept, with a warning saying which.

use std::collections::HashSet;

use serde_json::Number;

use govreport_document::layout::Line;
use govreport_model::codes::{CheckStatus, Rule, WarningCode};
use govreport_model::record::{CellSource, Check, Provenance, Record, Warning};
use govreport_model::template::{CellPath, TableId};

use super::{TABLES, anchor_page, trust};

/// Re-reads the given pages (1-based) from the page image by OCR and returns the record
/// parsed from what it read there; None when OCR is unavailable or switched off.
pub type Reread<'a> = dyn Fn(&[u32]) -> Option<Record> + 'a;

/// The cells a record leaves in doubt in one table: each cell a failing check names (an
/// `ocr_layer.unconfirmed` one included) counts once, a row it names for the row's cells
/// (a 表三 row for one cell, as this count has always weighed it), a missing table for
/// more than any table has.
fn doubt_count(record: &Record, id: TableId) -> usize {
    let table = id.path();
    let absent = record.tables.get(id).is_none();
    let paths: HashSet<&CellPath> = record
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .filter_map(|c| c.path.as_ref())
        .filter(|p| p.lies_under(&table))
        .collect();
    let weight = |p: &&CellPath| match id {
        _ if p.is_cell() => 1,
        TableId::Applications => 1,
        TableId::ReviewLitigation => 5,
        TableId::ActiveDisclosure => 3,
    };
    paths.iter().map(weight).sum::<usize>() + usize::from(absent) * ABSENT
}

/// What a missing table counts for against doubtful cells: more than any table has.
const ABSENT: usize = 1000;

/// The pages a table's lines may lie on: from its first anchor line's page to the next
/// table's (a table may cross a page break); every layer page when the layer has no anchor.
fn table_pages(lines: &[Line], k: usize, layer: &[u32]) -> Vec<u32> {
    let Some(first) = anchor_page(lines, TABLES[k].1) else {
        return layer.to_vec();
    };
    let next = TABLES[k + 1..]
        .iter()
        .find_map(|t| anchor_page(lines, t.1))
        .unwrap_or(first + 1)
        .max(first);
    (first..=next).collect()
}

/// Moves one table, with its checks and warnings, from `from` into `into`.
fn take_table(into: &mut Record, from: &Record, id: TableId) {
    let (table, name, title) = (id.path(), id.as_str(), id.printed());
    let mine = |rule: &Rule, path: Option<&CellPath>| match path {
        Some(p) => table.contains(p),
        None => rule.subject() == name,
    };
    into.checks.retain(|c| !mine(&c.rule, c.path.as_ref()));
    into.checks.extend(
        from.checks
            .iter()
            .filter(|c| mine(&c.rule, c.path.as_ref()))
            .cloned(),
    );
    into.warnings.retain(|w| !w.message.starts_with(title));
    into.warnings.extend(
        from.warnings
            .iter()
            .filter(|w| w.message.starts_with(title))
            .cloned(),
    );
    *into.tables.slot(id) = from.tables.get(id).cloned();
    into.cells.retain(|p, _| !table.contains(p));
    let read = |p: &Provenance| match p.source {
        CellSource::Text => Provenance {
            source: CellSource::Ocr,
            ..p.clone()
        },
        _ => p.clone(),
    };
    let theirs = from.cells.0.iter().filter(|(p, _)| table.contains(p));
    into.cells.extend(theirs.map(|(p, v)| (p.clone(), read(v))));
}

/// Re-reads the tables the layer leaves doubtful, when there are any, and keeps for each
/// the reading with fewer doubts. A record whose layer tables are all confirmed costs no OCR.
pub fn better(record: &mut Record, lines: &[Line], layer: &[u32], reread: &Reread) {
    let doubtful = doubtful_tables(record);
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
        keep_fewer_doubts(record, &other, TABLES[k].0);
    }
    if anchor_page(lines, TABLES[0].1).is_some_and(|p| pages.contains(&p)) {
        compare_active(record, &other);
    }
}

/// The tables (indexes into [`TABLES`]) with doubtful cells that the layer was warned of.
fn doubtful_tables(record: &Record) -> Vec<usize> {
    (0..TABLES.len())
        .filter(|&k| doubt_count(record, TABLES[k].0) > 0)
        .filter(|&k| {
            let title = TABLES[k].0.printed();
            let warned = |w: &Warning| {
                w.code == WarningCode::OcrLayerDoubtful && w.message.starts_with(title)
            };
            record.warnings.iter().any(warned)
        })
        .collect()
}

/// Keeps table `id` from whichever reading has fewer doubtful cells (the layer's on a tie),
/// and says so in a warning.
fn keep_fewer_doubts(record: &mut Record, other: &Record, id: TableId) {
    let (layer, ocr) = (doubt_count(record, id), doubt_count(other, id));
    let count = |n: usize| match n {
        0 => "no doubtful cell".to_string(),
        n if n >= ABSENT => "no such table".to_string(),
        n => format!("{n} doubtful cell(s)"),
    };
    let kept = if ocr < layer {
        take_table(record, other, id);
        "govreport's OCR reading was kept"
    } else {
        "the layer's reading was kept"
    };
    let message = format!(
        "{}: the OCR layer's reading has {}, govreport's OCR of the page image {}; {kept}",
        id.printed(),
        count(layer),
        count(ocr)
    );
    record
        .warnings
        .push(Warning::new(WarningCode::OcrLayerReread, message));
}

/// How the check of a 表二 cell the two readings read apart begins (its warning counts them).
pub const READ_OTHERWISE: &str = "the OCR layer reads";

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
    for (at, cell) in layer.cells() {
        let theirs = ocr
            .row(at.row)
            .and_then(|r| r.cells.iter().find(|c| c.column == at.column));
        let value = |c: &govreport_model::record::Cell| c.value.as_ref().and_then(Number::as_f64);
        if let (Some(a), Some(b)) = (value(cell), theirs.and_then(value))
            && a != b
        {
            let mine = cell
                .value
                .as_ref()
                .map(Number::to_string)
                .unwrap_or_default();
            doubts.push(Check {
                rule: trust::RULE,
                status: CheckStatus::Fail,
                message: format!(
                    "{READ_OTHERWISE} {mine} here, govreport's OCR of the page image {b}; no rule tells which is right"
                ),
                path: Some(at.path()),
            });
        }
    }
    if !doubts.is_empty() {
        let message = format!(
            "表二 was read from an OCR text layer made before publication, and govreport's OCR of the page image reads {} of its cells otherwise (each named by a failing check)",
            doubts.len()
        );
        record
            .warnings
            .push(Warning::new(WarningCode::OcrLayerDoubtful, message));
        record.checks.extend(doubts);
    }
}
