//! Reports OCR'd before publication: reading the invisible text layer well (look-alike
//! digits, empty cells derived by the rules) and deciding, per table, whether to trust it;
//! a table the layer does not make consistent is named cell by cell, never passed as `ok`.

pub mod choose;
pub mod reread;
#[cfg(test)]
mod tests;
pub mod text;
pub mod trust;

use govreport_document::layout::Line;
use govreport_document::squeeze;
use govreport_model::codes::{CheckStatus, WarningCode};
use govreport_model::record::{Check, Record, Tables, Warning};
use govreport_model::template::{TableId, active, applications, review};
use govreport_parse::report;

/// The tables with the words that anchor each on its page (the template's region anchors).
const TABLES: [(TableId, &[&str]); 3] = [
    (TableId::ActiveDisclosure, active::ANCHORS.region),
    (TableId::Applications, applications::ANCHORS.region),
    (TableId::ReviewLitigation, review::ANCHORS.region),
];

/// The page of the first line holding one of a table's anchor words.
fn anchor_page(lines: &[Line], anchors: &[&str]) -> Option<u32> {
    let first = lines.iter().find(|l| {
        let t = squeeze(&l.text());
        anchors.iter().any(|a| t.contains(a))
    });
    first.and_then(|l| l.page)
}

/// True when the table's first anchor line, or the page after it, is an OCR-layer page, or
/// when the layer has no anchor line for it at all.
fn on_layer(lines: &[Line], anchors: &[&str], pages: &[u32]) -> bool {
    anchor_page(lines, anchors).is_none_or(|p| pages.contains(&p) || pages.contains(&(p + 1)))
}

/// Parses a document whose `pages` carry an OCR layer (`raw`: the tables as read from its
/// lines before cleaning, which look-alike digits are judged against): the cleaned lines
/// fill the record,
/// the layer's empty cells are derived where the rules determine them, and every table on
/// the layer that is still doubtful gets a warning and one `ocr_layer.unconfirmed` check
/// per doubtful cell or row; then, when `reread` is given (OCR available), the doubtful
/// tables are re-read from the page image and the better reading kept (see [`choose`]).
/// Returns the cleaned lines and the rows each table was read from.
pub fn read(
    record: &mut Record,
    raw: &Tables,
    lines: &[Line],
    pages: &[u32],
    reread: Option<&choose::Reread>,
) -> (Vec<Line>, Vec<String>) {
    let cleaned = text::clean(lines, pages);
    let debug = report::fill(record, &cleaned);
    let tables: Vec<usize> = (0..TABLES.len())
        .filter(|&k| on_layer(&cleaned, TABLES[k].1, pages))
        .collect();
    judge(
        record,
        raw,
        &tables,
        "an OCR text layer made before publication",
    );
    if let Some(reread) = reread {
        choose::better(record, &cleaned, pages, reread);
    }
    (cleaned, debug)
}

/// Derives a reading's empty 表三/表四 cells where the rules determine them, then gives each
/// of the `tables` (indices into [`TABLES`]) still in doubt a warning saying it was read
/// `from`, and one `ocr_layer.unconfirmed` check per doubtful cell or row that no failing
/// check names yet. `raw` is the reading before look-alike digits were made digits.
fn judge(record: &mut Record, raw: &Tables, tables: &[usize], from: &str) {
    let settled = trust::settle(record);
    for &k in tables {
        let id = TABLES[k].0;
        let doubts = trust::doubts(record, raw, &settled, id);
        if doubts.is_empty() {
            continue;
        }
        record.warnings.push(Warning::new(
            WarningCode::OcrLayerDoubtful,
            format!(
                "{} was read from {from}, and the consistency rules leave {} doubt(s) in it (cells, rows or the table itself), each named by a failing check",
                id.printed(),
                doubts.len()
            ),
        ));
        for d in doubts {
            let named = record
                .checks
                .iter()
                .any(|c| c.status == CheckStatus::Fail && c.path.as_ref() == Some(&d.path));
            if !named {
                record.checks.push(Check {
                    rule: trust::RULE,
                    status: CheckStatus::Fail,
                    message: d.why,
                    path: Some(d.path),
                });
            }
        }
    }
}
