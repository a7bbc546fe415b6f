//! The choice between the layer and a re-read, on the committed OCR-layer samples, with a
//! stand-in for OCR that counts its calls.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use govreport_document::layout;
use govreport_document::without_page_numbers;
use govreport_model::codes::{CheckStatus, WarningCode};
use govreport_model::limits::Limits;
use govreport_model::record::{OcrSource, Record, Source};
use govreport_parse::report;
use govreport_read::pdf;

/// [`super::read`] with the raw tables parsed from the same lines, as the pipeline gives them.
fn read(
    record: &mut Record,
    lines: &[layout::Line],
    pages: &[u32],
    reread: Option<&super::choose::Reread>,
) -> (Vec<layout::Line>, Vec<String>) {
    let mut raw = record.clone();
    report::fill(&mut raw, lines);
    super::read(record, &raw.tables, lines, pages, reread)
}

/// The lines and OCR-layer pages of a committed sample PDF.
fn sample(name: &str) -> (Vec<layout::Line>, Vec<u32>) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let bytes = std::fs::read(format!("{root}/samples/{name}")).expect("a committed sample");
    let deadline = Instant::now() + Duration::from_secs(30);
    let text = pdf::read(&bytes, &Limits::default(), deadline).expect("a readable PDF");
    let lines = text.pages.iter().flat_map(layout::lines).collect();
    (without_page_numbers(lines), text.ocr_layer)
}

fn layer_record(pages: &[u32]) -> Record {
    Record::new(Source {
        ocr: Some(OcrSource {
            existing_layer: Some(pages.to_vec()),
            ..OcrSource::default()
        }),
        ..Source::default()
    })
}

/// The born-digital sample parsed, standing for what OCR of the page image would read.
fn ocr_reading(name: &str) -> Record {
    let (lines, _) = sample(name);
    let mut record = Record::new(Source {
        ocr: Some(OcrSource {
            engine: Some("tesseract (stand-in)".into()),
            pages: vec![2, 3],
            ..OcrSource::default()
        }),
        ..Source::default()
    });
    report::fill(&mut record, &lines);
    record
}

fn codes(record: &Record) -> Vec<&str> {
    record.warnings.iter().map(|w| w.code.as_str()).collect()
}

#[test]
fn a_consistent_layer_costs_no_ocr() {
    let (lines, pages) = sample("qingyuan-2024-layer-handmade.pdf");
    let calls = RefCell::new(0);
    let reread = |_: &[u32]| {
        *calls.borrow_mut() += 1;
        None
    };
    let mut record = layer_record(&pages);
    read(&mut record, &lines, &pages, Some(&reread));
    assert_eq!(*calls.borrow(), 0, "no page was sent to OCR");
    assert!(!record.checks.iter().any(|c| c.status == CheckStatus::Fail));
    assert!(!codes(&record).contains(&"ocr_layer_doubtful"));
}

#[test]
fn a_doubtful_table_is_re_read_and_the_consistent_reading_kept() {
    let (lines, pages) = sample("nanhu-2023-ocrmypdf.pdf");
    let truth = ocr_reading("nanhu-2023-stsong.pdf");
    let asked = RefCell::new(Vec::new());
    let reread = |p: &[u32]| {
        asked.borrow_mut().extend_from_slice(p);
        Some(truth.clone())
    };
    let mut record = layer_record(&pages);
    read(&mut record, &lines, &pages, Some(&reread));
    assert!(
        !asked.borrow().is_empty(),
        "the doubtful tables' pages were re-read"
    );
    assert!(asked.borrow().len() < pages.len() || pages.len() <= 2);
    assert_eq!(record.tables.applications, truth.tables.applications);
    assert_eq!(
        record.tables.active_disclosure,
        truth.tables.active_disclosure
    );
    let kept: Vec<&str> = record
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::OcrLayerReread)
        .map(|w| w.message.as_str())
        .collect();
    assert!(
        kept.iter()
            .all(|m| m.ends_with("govreport's OCR reading was kept")),
        "{kept:?}"
    );
    assert!(
        !record.checks.iter().any(|c| c.status == CheckStatus::Fail),
        "{:?}",
        record.checks
    );
    assert_eq!(
        record.source.ocr.as_ref().map(|o| o.pages.clone()),
        Some(vec![2, 3])
    );
}

#[test]
fn a_re_read_no_better_than_the_layer_leaves_the_layer_and_its_doubts() {
    let (lines, pages) = sample("nanhu-2023-ocrmypdf.pdf");
    let mut alone = layer_record(&pages);
    read(&mut alone, &lines, &pages, None);
    let same = alone.clone();
    let reread = |_: &[u32]| Some(same.clone());
    let mut record = layer_record(&pages);
    read(&mut record, &lines, &pages, Some(&reread));
    assert_eq!(record.tables, alone.tables);
    assert!(codes(&record).contains(&"ocr_layer_reread"));
    assert!(record.checks.iter().any(|c| c.rule == super::trust::RULE));
    let unavailable = |_: &[u32]| None;
    let mut without = layer_record(&pages);
    read(&mut without, &lines, &pages, Some(&unavailable));
    assert_eq!(
        without, alone,
        "OCR unavailable: the layer's reading, doubts named"
    );
    assert!(
        without.checks.iter().any(|c| c.status == CheckStatus::Fail),
        "so the record is partial"
    );
}
