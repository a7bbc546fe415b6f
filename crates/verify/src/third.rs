//! 表二 cells left in doubt after two engines read the page — no rule checks 表二 — read a
//! third time, alone: tesseract reading the cell cut from the page as digits. The same
//! number as the kept reading confirms it (the doubt passes); another is said in the doubt.

use std::collections::HashMap;
use std::time::Instant;

use govreport_document::layout::Line;
use govreport_model::codes::CheckStatus;
use govreport_model::record::{CellSource, Record, number};
use govreport_model::template::TableId;
use govreport_read::ocr::confirm::{self, Target};
use serde_json::Number;

use super::resolve::RULE;

/// Reads each doubtful 表二 cell of `record` (a scan of `bytes`, laid out as `lines`) alone
/// and weighs the reading against the kept one. Nothing changes when tesseract cannot read.
pub fn confirm(record: &mut Record, lines: &[Line], bytes: &[u8], deadline: Instant) {
    let sizes: HashMap<u32, (f32, f32)> = lines
        .iter()
        .filter_map(|l| Some((l.page?, l.frame?)))
        .map(|(p, f)| (p, (f.width, f.height)))
        .collect();
    let doubts = doubts(record, &sizes);
    if doubts.is_empty() {
        return;
    }
    let targets: Vec<Target> = doubts.iter().map(|d| d.1.clone()).collect();
    let Ok(read) = confirm::digits(bytes, &targets, deadline) else {
        return;
    };
    for ((check, _, kept), alone) in doubts.into_iter().zip(read) {
        let alone = alone.as_deref().and_then(number);
        let c = &mut record.checks[check];
        match alone {
            Some(n) if n == kept => {
                c.status = CheckStatus::Pass;
                c.message = format!(
                    "{}; read alone, the cell gives {n} too: confirmed",
                    c.message
                );
            }
            Some(n) => c.message = format!("{}; read alone, the cell gives {n}", c.message),
            None => c.message = format!("{}; read alone, the cell gives nothing", c.message),
        }
    }
}

/// The failing reading checks on 表二 cells that hold a number read by OCR with a box: the
/// check's index, where to read, and the number kept.
fn doubts(record: &Record, sizes: &HashMap<u32, (f32, f32)>) -> Vec<(usize, Target, Number)> {
    let prefix = format!("{}.", TableId::ActiveDisclosure.path());
    let values: HashMap<String, Number> = record
        .tables
        .cells()
        .filter_map(|(at, cell)| Some((at.path(), cell.value.clone()?)))
        .collect();
    let mut out = Vec::new();
    for (i, c) in record.checks.iter().enumerate() {
        let Some(path) = c.path.as_deref().filter(|p| p.starts_with(&prefix)) else {
            continue;
        };
        if c.rule != RULE || c.status != CheckStatus::Fail {
            continue;
        }
        let Some(p) = record
            .cells
            .get(path)
            .filter(|p| p.source == CellSource::Ocr)
        else {
            continue;
        };
        let (Some(page), Some(bbox), Some(kept)) = (p.page, p.bbox, values.get(path)) else {
            continue;
        };
        if let Some(&size) = sizes.get(&page) {
            out.push((i, Target { page, size, bbox }, kept.clone()));
        }
    }
    out
}
