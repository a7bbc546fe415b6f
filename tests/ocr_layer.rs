//! Reports OCR'd before publication (issue #20): the layer is recognised, and no `ok`
//! record read from it has a wrong cell — checked against the source samples' goldens,
//! which the generator wrote from its own data.

mod common;

use common::govreport;
use serde_json::Value;

/// OCR-layer sample, the born-digital sample it was made from.
const SAMPLES: [(&str, &str); 5] = [
    ("nanhu-2023-ocrmypdf", "nanhu-2023-stsong"),
    ("baisha-2020-ocrmypdf", "baisha-2020-lo"),
    ("yunshan-2019-ocrmypdf", "yunshan-2019-chromium"),
    ("tongshan-2022-ocrmypdf-hocr", "tongshan-2022-chromium"),
    ("qingyuan-2024-layer-handmade", "qingyuan-2024-stsong"),
];

fn extract(stem: &str, extra: &[&str]) -> Value {
    let path = format!("samples/{stem}.pdf");
    let mut args = vec!["extract", "-q", "--jsonl", "-", &path];
    args.extend_from_slice(extra);
    let out = govreport(&args);
    common::records(&out).remove(0)
}

/// Every cell of a golden's tables: (record path, row path, value).
fn cells(tables: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (name, table) in tables.as_object().into_iter().flatten() {
        for (key, row) in table.as_object().into_iter().flatten() {
            if key == "printed" || key == "columns" {
                continue;
            }
            if name == "applications" {
                for (k, v) in row.as_object().into_iter().flatten() {
                    let row_path = format!("tables.applications.rows.{k}");
                    for (i, x) in v.as_array().into_iter().flatten().enumerate() {
                        out.push((format!("{row_path}[{i}]"), row_path.clone(), x.clone()));
                    }
                }
            } else {
                let row_path = format!("tables.{name}.{key}");
                for (col, x) in row.as_object().into_iter().flatten() {
                    out.push((format!("{row_path}.{col}"), row_path.clone(), x.clone()));
                }
            }
        }
    }
    out
}

fn at<'a>(record: &'a Value, path: &str) -> Option<&'a Value> {
    let mut node = record;
    for part in path.replace('[', ".[").split('.') {
        node = match part.strip_prefix('[') {
            Some(i) => node.get(i.trim_end_matches(']').parse::<usize>().ok()?)?,
            None => node.get(part)?,
        };
    }
    Some(node)
}

fn truth(source: &str) -> Value {
    let text = std::fs::read_to_string(format!("golden/{source}.json")).expect("a golden");
    serde_json::from_str::<Value>(&text).expect("JSON")["tables"].clone()
}

#[test]
fn the_layer_pages_and_their_engine_are_recorded() {
    for (stem, source) in SAMPLES {
        let r = extract(stem, &["--ocr", "never"]);
        let pages = r["source"]["pages"].as_u64().unwrap_or(0);
        let layer: Vec<u64> = (1..=pages).collect();
        assert_eq!(
            r["source"]["ocr"]["existing_layer"],
            serde_json::json!(layer),
            "{stem}"
        );
        assert_eq!(r["source"]["ocr"]["pages"], serde_json::json!([]), "{stem}");
        let engine = r["source"]["ocr"]["engine"].as_str().unwrap_or_default();
        if stem.contains("ocrmypdf") {
            assert!(engine.starts_with("ocrmypdf"), "{stem}: {engine}");
        }
        assert_eq!(
            extract(source, &[])["source"]["ocr"],
            Value::Null,
            "{source}"
        );
    }
}

/// 表二 has no consistency rules: a cell the layer misread into other clean digits cannot
/// be caught without OCR. The samples hold one: yunshan's 2019 表二 `本年增/减` of
/// 行政事业性收费 printed `-3`, whose minus sign the layer's Tesseract dropped. govreport's
/// own cell reading sees the sign in the image, so with OCR there is none.
const UNNAMED_WITHOUT_OCR: usize = 1;

/// Checks every layer sample extracted with `extra` against its source's golden; returns
/// the wrong 表二 cells no check names, and the other wrong cells no check names (allowed
/// only where the record lacks the cell's row, or its table).
fn wrong_cells_are_never_ok_and_are_named(extra: &[&str]) -> (usize, usize) {
    let (mut unnamed_active, mut unnamed_other) = (0, 0);
    for (stem, source) in SAMPLES {
        let r = extract(stem, extra);
        let failing: Vec<&str> = r["checks"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| c["status"] == "fail")
            .filter_map(|c| c["path"].as_str())
            .collect();
        for (path, row, want) in cells(&truth(source)) {
            let got = at(&r, &path);
            if got == Some(&want) {
                continue;
            }
            assert_eq!(
                r["status"], "partial",
                "{stem} {extra:?}: {path} is {got:?}, not {want}"
            );
            let table = path.splitn(3, '.').take(2).collect::<Vec<_>>().join(".");
            let named = failing
                .iter()
                .any(|p| [&path, &row, &table].iter().any(|q| q == p));
            if path.starts_with("tables.active_disclosure") && !named {
                unnamed_active += 1;
            } else if at(&r, &row).is_some() || at(&r, &table).is_none_or(Value::is_null) {
                assert!(
                    named,
                    "{stem} {extra:?}: {path} is {got:?}, not {want}, and no check names it"
                );
            } else if !named {
                unnamed_other += 1;
            }
        }
    }
    (unnamed_active, unnamed_other)
}

#[test]
fn no_ok_record_from_a_layer_has_a_wrong_cell_and_a_partial_one_names_its_doubts() {
    let (never, _) = wrong_cells_are_never_ok_and_are_named(&["--ocr", "never"]);
    assert_eq!(never, UNNAMED_WITHOUT_OCR, "the layer alone");
    // With OCR every wrong cell is named, in rows the record has and rows it lacks.
    let auto = wrong_cells_are_never_ok_and_are_named(&[]);
    assert_eq!(auto, (0, 0), "re-read by OCR when tesseract is installed");
}

#[test]
fn a_layer_with_spaced_labels_misreads_and_a_dropped_number_is_read_whole() {
    let r = extract("qingyuan-2024-layer-handmade", &[]);
    assert_eq!(r["status"], "ok", "{}", r["warnings"]);
    assert_eq!(r["source"]["ocr"]["pages"], serde_json::json!([]), "no OCR");
    let repaired =
        r["checks"].as_array().into_iter().flatten().any(|c| {
            c["status"] == "repaired" && c["path"] == "tables.applications.rows.granted[0]"
        });
    assert!(
        repaired,
        "the dropped number is derived by the rules and reported"
    );
    let warned = r["warnings"].as_array().into_iter().flatten();
    assert!(
        !warned
            .into_iter()
            .any(|w| w["code"] == "ocr_layer_doubtful")
    );
}
