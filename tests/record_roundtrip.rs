//! A record read back into the typed `Record` writes out byte for byte as it was written,
//! so tools that load records (compare, the batch page) see exactly what `extract` wrote.

mod common;

use common::govreport;
use govreport_model::record::Record;
use govreport_model::template::CellPath;

#[test]
fn every_sample_record_reads_back_unchanged() {
    let out = govreport(&["extract", "-q", "samples", "--jsonl", "-"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8 records");
    let mut read = 0;
    for line in text.lines() {
        let record: Record = serde_json::from_str(line).expect("a record reads back");
        assert_eq!(serde_json::to_string(&record).unwrap(), line);
        known_paths(&record);
        read += 1;
    }
    assert!(read >= 30, "only {read} records");
    // Cells by row, with shared and per-cell boxes, read back too.
    for written in [r#""cells":{"#, r#""y":["#, r#""box":[["#] {
        assert!(text.contains(written), "no record with {written}");
    }
    // The OCR-layer samples carry source.ocr, which must cross the pipe too.
    assert!(
        text.contains(r#""existing_layer":["#),
        "no record with source.ocr"
    );
}

/// Every path a record names (its checks', its audit findings', its `cells`) is in one of the
/// forms [`CellPath`] knows, and every `cells` entry is a cell's.
fn known_paths(record: &Record) {
    let named = record.checks.iter().filter_map(|c| c.path.as_ref());
    let found = record.audit.iter().filter_map(|f| f.path.as_ref());
    for path in named.chain(found) {
        assert!(!matches!(path, CellPath::Other(_)), "{path}");
    }
    for (path, _) in &record.cells.0 {
        assert!(path.is_cell(), "{path}");
    }
}
