//! Two engines' readings of one scan, table by table: where the kept reading of 表三 or
//! 表四 is in doubt and the other engine read that table whole with every rule holding,
//! the other's table replaces it, with its checks, warnings and cell sources.

use govreport_model::codes::CheckStatus;
use govreport_model::record::{Check, Record, Warning};
use govreport_model::template::{CellPath, TableId};

use super::engines::engine;
use super::resolve::RULE;

/// The tables the rules check: the only ones a reading can be shown sound for.
const RULED: [TableId; 2] = [TableId::Applications, TableId::ReviewLitigation];

/// Takes into `kept` each ruled table it holds in doubt that `other` read soundly; returns
/// the tables taken. Each taken table gets a passing check saying whose reading it is.
pub fn blend(kept: &mut Record, other: &Record) -> Vec<TableId> {
    let mut taken = Vec::new();
    for id in RULED {
        if sound(other, id) && !sound(kept, id) {
            take(kept, other, id);
            taken.push(id);
        }
    }
    taken
}

/// Whether `record` read table `id` whole with every rule holding and no cell in doubt.
fn sound(record: &Record, id: TableId) -> bool {
    let complete = record
        .checks
        .iter()
        .any(|c| c.rule == id.complete_rule() && c.status == CheckStatus::Pass);
    record.tables.get(id).is_some()
        && complete
        && !record
            .checks
            .iter()
            .any(|c| c.status == CheckStatus::Fail && about(c, id))
}

/// Whether a check is about table `id`: one of its rules, or a doubt about one of its cells.
fn about(check: &Check, id: TableId) -> bool {
    let under = |p: &CellPath| p.lies_under(&id.path());
    check.rule.subject() == id.to_string() || check.path.as_ref().is_some_and(under)
}

/// Whether a warning is about table `id` (`表三: row … was not found`, `… (tables.applications)`).
fn warns_of(warning: &Warning, id: TableId) -> bool {
    let path = id.path().to_string();
    warning.message.starts_with(id.printed()) || warning.message.contains(&path)
}

/// Replaces `kept`'s table `id`, and what is said about it, with `other`'s.
fn take(kept: &mut Record, other: &Record, id: TableId) {
    let doubts: Vec<String> = kept
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail && about(c, id) && c.path.is_none())
        .map(|c| c.rule.to_string())
        .collect();
    *kept.tables.slot(id) = other.tables.get(id).cloned();
    kept.checks.retain(|c| !about(c, id));
    kept.checks
        .extend(other.checks.iter().filter(|c| about(c, id)).cloned());
    kept.warnings.retain(|w| !warns_of(w, id));
    kept.warnings
        .extend(other.warnings.iter().filter(|w| warns_of(w, id)).cloned());
    let table = id.path();
    kept.cells.retain(|p, _| !p.lies_under(&table));
    let theirs = other.cells.0.iter().filter(|(p, _)| p.lies_under(&table));
    kept.cells.extend(theirs.cloned());
    kept.cells.tidy(&kept.tables);
    let why = match doubts.is_empty() {
        true => "had cells in doubt".to_string(),
        false => format!("failed {}", doubts.join(", ")),
    };
    kept.checks.push(Check {
        rule: RULE,
        status: CheckStatus::Pass,
        message: format!(
            "{} as {} read it, whole with every rule holding ({}'s reading {why})",
            id.printed(),
            engine(other),
            engine(kept)
        ),
        path: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::codes::Rule;
    use govreport_model::record::tables::{Cell, Row, Table};
    use govreport_model::record::{OcrSource, Source};
    use serde_json::Number;

    fn record(engine: &str, granted: u64, rule: CheckStatus) -> Record {
        let mut r = Record::new(Source::default());
        r.source.ocr = Some(OcrSource {
            engine: Some(engine.into()),
            ..OcrSource::default()
        });
        r.tables.applications = Some(Table {
            id: TableId::Applications,
            rows: vec![Row {
                key: "granted".into(),
                cells: vec![Cell {
                    column: "total".into(),
                    value: Some(Number::from(granted)),
                    printed: None,
                }],
            }],
        });
        let check = |rule, status| Check {
            rule,
            status,
            message: String::new(),
            path: None,
        };
        r.checks
            .push(check(Rule::ApplicationsComplete, CheckStatus::Pass));
        r.checks.push(check(Rule::ApplicationsBalance, rule));
        r
    }

    fn granted(r: &Record) -> Option<&Number> {
        r.tables.applications.as_ref()?.rows[0].cells[0]
            .value
            .as_ref()
    }

    #[test]
    fn a_table_in_doubt_takes_the_other_engines_sound_reading() {
        let mut kept = record("PP-OCRv6 small", 8, CheckStatus::Fail);
        let other = record("tesseract 5.3.0", 3, CheckStatus::Pass);
        assert_eq!(blend(&mut kept, &other), vec![TableId::Applications]);
        assert_eq!(granted(&kept), Some(&Number::from(3)));
        assert!(!kept.checks.iter().any(|c| c.status == CheckStatus::Fail));
        let note = kept.checks.last().unwrap();
        assert_eq!(note.rule, RULE);
        assert!(note.message.starts_with("表三 as tesseract 5.3.0 read it"));
        assert!(
            note.message
                .ends_with("(PP-OCRv6 small's reading failed applications.balance)")
        );
    }

    #[test]
    fn a_sound_table_is_kept_and_an_unsound_one_is_never_taken() {
        let mut kept = record("PP-OCRv6 small", 8, CheckStatus::Pass);
        assert!(blend(&mut kept, &record("tesseract", 3, CheckStatus::Pass)).is_empty());
        assert_eq!(granted(&kept), Some(&Number::from(8)));
        let mut kept = record("PP-OCRv6 small", 8, CheckStatus::Fail);
        assert!(blend(&mut kept, &record("tesseract", 3, CheckStatus::Fail)).is_empty());
        assert_eq!(granted(&kept), Some(&Number::from(8)));
    }

    #[test]
    fn a_table_the_kept_reading_missed_is_taken_with_its_warning_gone() {
        let mut kept = record("PP-OCRv6 small", 8, CheckStatus::Pass);
        kept.tables.applications = None;
        kept.checks.clear();
        kept.warnings.push(Warning::new(
            govreport_model::codes::WarningCode::TableNotFound,
            "表三 (tables.applications) was not found in the report",
        ));
        blend(&mut kept, &record("tesseract", 3, CheckStatus::Pass));
        assert_eq!(granted(&kept), Some(&Number::from(3)));
        assert!(kept.warnings.is_empty());
    }
}
