//! Doubtful OCR cells settled by the consistency rules: each alternative reading is tried,
//! the one under which the rules hold is kept (a `repaired` check giving the first reading),
//! and a doubt no rule settles becomes a failing check with the cell's path.

use serde_json::Value;

use super::plan::OcrState;
use crate::layout::PageLayer;
use crate::record::{Check, Record, Status};

/// Most doubts tried on one file (each costs a re-parse per alternative).
const MAX_DOUBTS: usize = 400;

/// Rule name of the checks written here.
pub const RULE: &str = "ocr.cell_reading";

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
    // First pass: take any alternative that makes fewer rules fail.
    for &(r, w) in &doubts {
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
    // Second pass: each doubt is confirmed by the rules, or stays a doubt.
    let mut checks = Vec::new();
    for &(r, w) in &doubts {
        let now = fails(record);
        let tries = try_all(state, r, w, build);
        let Some(path) = tries.iter().find_map(|t| changed_cell(record, &t.1)) else {
            continue; // not a table cell
        };
        let word = &state.reads[r].2.words[w];
        let page = state.reads[r].0 + 1;
        let others: Vec<&str> = tries.iter().map(|t| t.0.as_str()).collect();
        if tries.iter().all(|t| fails(&t.1) > now) {
            let first = word.first.as_deref().filter(|f| *f != word.text);
            if let Some(first) = first {
                let message = format!(
                    "OCR read {first} on page {page}; the cell read alone gives {}, which the rules confirm (other readings tried: {})",
                    word.text,
                    others.join(", ")
                );
                checks.push(check("repaired", message, path));
            }
        } else {
            let message = format!(
                "OCR read {} on page {page} with doubt (could be {}); no rule settles it",
                word.text,
                others.join(", ")
            );
            checks.push(check("fail", message, path));
        }
    }
    if checks.iter().any(|c| c.status == "fail") {
        record.status = Status::Partial;
    }
    record.checks.extend(checks);
}

fn check(status: &str, message: String, path: String) -> Check {
    Check {
        rule: RULE.into(),
        status: status.into(),
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

fn fails(record: &Record) -> usize {
    record.checks.iter().filter(|c| c.status == "fail").count()
}

/// The path of the first table value that differs between two records.
fn changed_cell(a: &Record, b: &Record) -> Option<String> {
    let a = serde_json::to_value(&a.tables).ok()?;
    let b = serde_json::to_value(&b.tables).ok()?;
    diff(&a, &b, "tables")
}

fn diff(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x
            .iter()
            .filter(|(k, _)| k.as_str() != "printed")
            .find_map(|(k, v)| diff(v, y.get(k).unwrap_or(&Value::Null), &format!("{at}.{k}"))),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| diff(v, w, &format!("{at}[{i}]"))),
        _ => (a != b).then(|| at.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::page::{OcrWord, PageRead};
    use crate::record::Source;

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
        record.tables.review_litigation = table.as_object().cloned();
        let status = if upheld == total { "pass" } else { "fail" };
        record.checks.push(Check {
            rule: "review_litigation.totals".into(),
            status: status.into(),
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
            pages: vec![PageLayer::new(1, 595.0, 842.0, Vec::new(), Vec::new())],
            reads: vec![(
                0,
                None,
                PageRead {
                    words,
                    rules: Vec::new(),
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
        let upheld =
            &record.tables.review_litigation.as_ref().unwrap()["administrative_review"]["upheld"];
        assert_eq!(upheld, 8);
        let check = record
            .checks
            .iter()
            .find(|c| c.rule == RULE)
            .expect("a repaired check");
        assert_eq!(check.status, "repaired");
        assert_eq!(
            check.path.as_deref(),
            Some("tables.review_litigation.administrative_review.upheld")
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
        assert_eq!(check.status, "fail");
        assert_eq!(
            check.path.as_deref(),
            Some("tables.review_litigation.administrative_review.total")
        );
    }

    #[test]
    fn the_path_of_a_changed_cell_is_found_and_printed_maps_are_skipped() {
        let a = serde_json::json!({"applications": {"rows": {"granted": [1, 2, 3]}, "printed": {"x": "/"}}});
        let b =
            serde_json::json!({"applications": {"rows": {"granted": [1, 8, 3]}, "printed": {}}});
        assert_eq!(
            diff(&a, &b, "tables").as_deref(),
            Some("tables.applications.rows.granted[1]")
        );
        assert_eq!(diff(&a, &a, "tables"), None);
    }
}
