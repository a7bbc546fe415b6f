//! Doubtful OCR cells settled by the consistency rules: each alternative reading is tried,
//! the one under which the rules hold is kept (a `repaired` check giving the first reading),
//! and a doubt no rule settles becomes a failing check with the cell's path.

use serde_json::Number;

use govreport_document::layout::PageLayer;
use govreport_model::codes::{CheckStatus, Rule};
use govreport_model::record::{Check, Record, Status};
use govreport_model::template::CellPath;
use govreport_read::ocr::plan::OcrState;

/// Most doubts tried on one file (each costs a re-parse per alternative).
const MAX_DOUBTS: usize = 400;

/// Rule name of the checks written here.
pub const RULE: Rule = Rule::OcrCellReading;

/// Settles the doubts of `state` against `record` (built from `state.layers()`); `build`
/// rebuilds a record from page layers. `record` ends as built from the chosen readings.
pub fn settle(record: &mut Record, state: &mut OcrState, build: &dyn Fn(&[PageLayer]) -> Record) {
    let doubts: Vec<(usize, usize)> = state
        .reads
        .iter()
        .enumerate()
        .flat_map(|(r, read)| {
            let words = &read.2.words;
            (0..words.len())
                .filter(move |&w| !words[w].alternatives.is_empty())
                .map(move |w| (r, w))
        })
        .take(MAX_DOUBTS)
        .collect();
    improve(record, state, &doubts, build);
    let mut checks = Vec::new();
    for &(r, w) in &doubts {
        checks.extend(judge(record, state, r, w, build));
    }
    if checks.iter().any(|c| c.status == CheckStatus::Fail) {
        record.status = Status::Partial;
    }
    record.checks.extend(checks);
}

/// First pass: each doubt takes any alternative that makes fewer rules fail.
fn improve(
    record: &mut Record,
    state: &mut OcrState,
    doubts: &[(usize, usize)],
    build: &dyn Fn(&[PageLayer]) -> Record,
) {
    for &(r, w) in doubts {
        let now = fails(record);
        if now == 0 {
            break;
        }
        let tries = try_all(state, r, w, build);
        if let Some((alt, rec)) = tries
            .into_iter()
            .filter(|t| fails(&t.1) < now)
            .min_by_key(|t| fails(&t.1))
        {
            let word = &mut state.reads[r].2.words[w];
            let old = std::mem::replace(&mut word.text, alt);
            word.first.get_or_insert_with(|| old.clone());
            word.alternatives.push(old);
            *record = rec;
        }
    }
}

/// Second pass, for one doubt (word `w` of read `r`): confirmed by the rules (a
/// `repaired` check when a second look changed the first reading), or still a doubt (a
/// `fail`); None when it is not a table cell or nothing changed.
fn judge(
    record: &Record,
    state: &mut OcrState,
    r: usize,
    w: usize,
    build: &dyn Fn(&[PageLayer]) -> Record,
) -> Option<Check> {
    let now = fails(record);
    let tries = try_all(state, r, w, build);
    let path = tries.iter().find_map(|t| changed_cell(record, &t.1))?;
    let word = &state.reads[r].2.words[w];
    let page = state.reads[r].0 + 1;
    let others = tries
        .iter()
        .map(|t| t.0.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let rejected = tries.iter().all(|t| fails(&t.1) > now);
    // Rules that still fail in the cell's table may be failing because of this cell:
    // fewer failures elsewhere then confirm nothing.
    if rejected && table_fails(record, &path) > 0 {
        let message = format!(
            "OCR read {} on page {page} with doubt (could be {others}); the other readings break more rules, but the table's rules still fail, so none is confirmed",
            word.text
        );
        Some(check(CheckStatus::Fail, message, path))
    } else if rejected {
        let first = word.first.as_deref().filter(|f| *f != word.text)?;
        let message = format!(
            "OCR read {first} on page {page}; the cell reads {} on a second look, which the rules confirm (other readings tried: {others})",
            word.text
        );
        Some(check(CheckStatus::Repaired, message, path))
    } else {
        let message = format!(
            "OCR read {} on page {page} with doubt (could be {others}); no rule settles it",
            word.text
        );
        Some(check(CheckStatus::Fail, message, path))
    }
}

fn check(status: CheckStatus, message: String, path: CellPath) -> Check {
    Check {
        rule: RULE,
        status,
        message,
        path: Some(path),
    }
}

/// The record under each alternative of word `w` of read `r` (the word is put back).
fn try_all(
    state: &mut OcrState,
    r: usize,
    w: usize,
    build: &dyn Fn(&[PageLayer]) -> Record,
) -> Vec<(String, Record)> {
    let chosen = state.reads[r].2.words[w].text.clone();
    let alts = state.reads[r].2.words[w].alternatives.clone();
    let mut out = Vec::new();
    for alt in alts.into_iter().filter(|a| *a != chosen) {
        state.reads[r].2.words[w].text = alt.clone();
        out.push((alt, build(&state.layers())));
    }
    state.reads[r].2.words[w].text = chosen;
    out
}

/// Failing checks of the table that holds the cell at `path` (`tables.<table>.…`).
fn table_fails(record: &Record, path: &CellPath) -> usize {
    let table = path.table_key();
    record
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail && Some(c.rule.subject()) == table)
        .count()
}

fn fails(record: &Record) -> usize {
    record
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .count()
}

/// The path of the first table cell whose value differs between two records.
fn changed_cell(a: &Record, b: &Record) -> Option<CellPath> {
    let value = |c: &govreport_model::record::Cell| c.value.as_ref().and_then(Number::as_f64);
    a.tables
        .cells()
        .find(|(at, c)| b.tables.value(*at) != Some(value(c)))
        .map(|(at, _)| at.path())
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::record::{Source, Table};
    use govreport_model::template::{TableId, review};
    use govreport_read::ocr::page::{OcrWord, PageRead};

    fn word(text: &str, baseline: f32, alternatives: &[&str]) -> OcrWord {
        OcrWord {
            text: text.into(),
            bbox: [100.0, baseline - 10.0, 120.0, baseline],
            baseline,
            size: 10.0,
            first: None,
            alternatives: alternatives.iter().map(|a| a.to_string()).collect(),
        }
    }

    /// A record whose one rule says upheld (the line at y 100) = total (the line at y 200).
    fn build(pages: &[PageLayer]) -> Record {
        let value = |y: f32| -> i64 {
            let text: String = pages[0]
                .glyphs
                .iter()
                .filter(|g| g.y == y)
                .map(|g| g.ch)
                .collect();
            text.parse().unwrap_or(-1)
        };
        let (upheld, total) = (value(100.0), value(200.0));
        let mut record = Record::new(Source::default());
        let group = serde_json::json!({"upheld": upheld, "total": total});
        let table = serde_json::json!({"administrative_review": group});
        let map = table.as_object().cloned().unwrap_or_default();
        record.tables.review_litigation = Table::from_json(TableId::ReviewLitigation, map).ok();
        let status = if upheld == total {
            CheckStatus::Pass
        } else {
            CheckStatus::Fail
        };
        record.checks.push(Check {
            rule: Rule::ReviewLitigationTotals,
            status,
            message: String::new(),
            path: None,
        });
        record.status = if upheld == total {
            Status::Ok
        } else {
            Status::Partial
        };
        record
    }

    fn state(words: Vec<OcrWord>) -> OcrState {
        OcrState {
            extension: std::time::Duration::ZERO,
            ppocr: false,
            languages: "chi_sim".into(),
            pages: vec![PageLayer::new(1, 595.0, 842.0, Vec::new(), Vec::new())],
            reads: vec![(
                0,
                None,
                PageRead {
                    words,
                    rules: Vec::new(),
                    turn: 0,
                },
            )],
            engine: "tesseract".into(),
        }
    }

    #[test]
    fn the_rules_choose_among_digit_alternatives_and_say_so() {
        let mut state = state(vec![word("3", 100.0, &["8"]), word("8", 200.0, &[])]);
        let mut record = build(&state.layers());
        settle(&mut record, &mut state, &build);
        assert_eq!(record.status, Status::Ok);
        let upheld = record
            .tables
            .value(review::cell("administrative_review", 0));
        assert_eq!(upheld, Some(Some(8.0)));
        let check = record
            .checks
            .iter()
            .find(|c| c.rule == RULE)
            .expect("a repaired check");
        assert_eq!(check.status, CheckStatus::Repaired);
        assert_eq!(
            check.path,
            Some("tables.review_litigation.administrative_review.upheld".into())
        );
        assert!(check.message.contains("OCR read 3"), "{}", check.message);
    }

    #[test]
    fn a_doubt_no_rule_settles_makes_the_record_partial_with_the_path() {
        // Both readings of the total break the rule the same way: no rule settles it.
        let mut state = state(vec![word("5", 100.0, &[]), word("1", 200.0, &["7"])]);
        let mut record = build(&state.layers());
        settle(&mut record, &mut state, &build);
        assert_eq!(record.status, Status::Partial);
        let check = record
            .checks
            .iter()
            .find(|c| c.rule == RULE)
            .expect("a failing check");
        assert_eq!(check.status, CheckStatus::Fail);
        assert_eq!(
            check.path,
            Some("tables.review_litigation.administrative_review.total".into())
        );
    }

    #[test]
    fn the_path_of_a_changed_cell_is_found_and_printed_texts_are_skipped() {
        let table = |json: serde_json::Value| {
            let map = json.as_object().cloned().unwrap_or_default();
            Table::from_json(TableId::Applications, map).ok()
        };
        let mut a = Record::new(Source::default());
        let mut b = a.clone();
        a.tables.applications = table(
            serde_json::json!({"rows": {"granted": [1, 2, 3]}, "printed": {"rows.granted[0]": "1"}}),
        );
        b.tables.applications = table(serde_json::json!({"rows": {"granted": [1, 8, 3]}}));
        let changed = changed_cell(&a, &b);
        assert_eq!(changed, Some("tables.applications.rows.granted[1]".into()));
        assert_eq!(changed_cell(&a, &a), None);
    }
}
