//! Scanned reports (OCR): the scans in tests/scans/ (made by samples/generate/scan.py from
//! committed samples) against goldens that state the truth (the generator's data). Those
//! that need tesseract with chi_sim are ignored unless run with `--include-ignored`.

mod common;

use std::collections::BTreeMap;
use std::process::Command;

use common::{cells, govreport};
use govreport_model::record::Record;
use serde_json::Value;

fn extract(path: &str, extra: &[&str]) -> Value {
    extract_with(path, extra, &[])
}

/// `extract` with environment variables set (`GOVREPORT_PPOCR=off`: tesseract alone).
fn extract_with(path: &str, extra: &[&str], env: &[(&str, &str)]) -> Value {
    // Generous time: OCR under a loaded CI machine can pass the default minute.
    let mut args = vec!["extract", "-q", "--timeout", "900", path, "--jsonl", "-"];
    args.extend_from_slice(extra);
    let out = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args(&args)
        .envs(env.iter().copied())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    common::records(&out).remove(0)
}

/// Cells that differ from the golden.
fn wrong_cells(record: &Value, stem: &str) -> Vec<String> {
    wrong_against(record, &format!("tests/scans/golden/{stem}.json"))
}

/// Cells that differ from the golden at `path`.
fn wrong_against(record: &Value, path: &str) -> Vec<String> {
    let golden: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (mut want, mut got) = (BTreeMap::new(), BTreeMap::new());
    cells(&golden["tables"], "tables".into(), &mut want);
    cells(&record["tables"], "tables".into(), &mut got);
    want.iter()
        .filter(|(p, v)| got.get(*p) != Some(*v))
        .map(|(p, v)| format!("{p}: expected {v}, got {:?}", got.get(p)))
        .collect()
}

/// Whether a failing check names the cell at `path` (`… : expected …` as `wrong_cells`
/// gives it), its row or its table.
fn named(record: &Value, wrong: &str) -> bool {
    let path = wrong.split(':').next().unwrap_or_default();
    let row = match path.rsplit_once('[') {
        Some((row, _)) => row,
        None => path.rsplit_once('.').map_or(path, |(row, _)| row),
    };
    let table: String = path.splitn(3, '.').take(2).collect::<Vec<_>>().join(".");
    record["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["status"] == "fail")
        .filter_map(|c| c["path"].as_str())
        .any(|p| p == path || p == row || p == table)
}

#[test]
#[ignore = "needs tesseract-ocr and tesseract-ocr-chi-sim (CI installs them and runs --include-ignored)"]
fn a_clean_300_dpi_scan_reads_every_cell_right_and_is_ok() {
    let r = extract("tests/scans/qinglan-2023-lo-scan300.pdf", &[]);
    assert_eq!(r["source"]["ocr"]["pages"], serde_json::json!([1, 2, 3]));
    let languages = r["source"]["ocr"]["languages"].as_str();
    assert!(matches!(languages, Some("chi_sim" | "ch")), "{languages:?}");
    assert!(r["source"]["ocr"]["existing_layer"].is_null());
    assert_eq!(
        wrong_cells(&r, "qinglan-2023-lo-scan300"),
        Vec::<String>::new()
    );
    assert_eq!(r["status"], "ok", "{}", r["checks"]);
    assert_eq!(r["sections"].as_array().map(Vec::len), Some(6));
    // source.ocr crossed the worker pipe and reads back into the typed record unchanged.
    let record: Record = serde_json::from_value(r.clone()).expect("a record reads back");
    assert_eq!(serde_json::to_value(&record).unwrap(), r);
}

#[test]
#[ignore = "needs tesseract-ocr and tesseract-ocr-chi-sim (CI installs them and runs --include-ignored)"]
fn with_tesseract_alone_no_scan_gives_an_ok_record_with_a_wrong_cell_every_wrong_cell_is_named_and_the_tuned_three_are_read_whole()
 {
    scans_read(&[("GOVREPORT_PPOCR", "off")], true);
}

#[test]
#[ignore = "needs PP-OCR's models in /usr/local/share/govreport/ppocr (pip --target, see .ci/run)"]
fn with_ppocr_and_tesseract_no_scan_gives_an_ok_record_with_a_wrong_cell_every_wrong_cell_is_named()
{
    scans_read(&[], false);
}

#[test]
#[ignore = "needs PP-OCR's models in /usr/local/share/govreport/ppocr (pip --target, see .ci/run)"]
fn pages_scanned_lying_sideways_are_read_turned_upright_and_the_record_says_which() {
    let turned = |pages: &[u32]| -> Value {
        pages
            .iter()
            .map(|p| serde_json::json!({"page": p, "degrees": 270}))
            .collect()
    };
    // Pages 2–3 drawn sideways on upright paper (a landscape table), and a whole report
    // turned by /Rotate, scanned as they lie: 200 dpi grey JPEG, 150 dpi fax.
    for (stem, pages) in [
        ("fengling-2021-stsong-flat90-p2-3-scan200", turned(&[2, 3])),
        (
            "fengling-2021-stsong-rotate90-scan150g4",
            turned(&[1, 2, 3, 4]),
        ),
    ] {
        let r = extract(&format!("tests/scans/turned/{stem}.pdf"), &[]);
        assert_eq!(r["source"]["ocr"]["turned"], pages, "{stem}");
        let golden = format!("tests/scans/turned/golden/{stem}.json");
        assert_eq!(wrong_against(&r, &golden), Vec::<String>::new(), "{stem}");
        assert_eq!(r["status"], "ok", "{stem}: {}", r["checks"]);
    }
}

#[test]
#[ignore = "needs tesseract-ocr and tesseract-ocr-chi-sim (CI installs them and runs --include-ignored)"]
fn with_tesseract_alone_pages_of_text_lying_sideways_are_turned_by_its_orientation_detection() {
    let stem = "fengling-2021-stsong-rotate90-scan150g4";
    let env = [("GOVREPORT_PPOCR", "off")];
    let r = extract_with(&format!("tests/scans/turned/{stem}.pdf"), &[], &env);
    let turned = r["source"]["ocr"]["turned"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    // The title page is text; the table pages may be missed (see docs/guide/ocr.md).
    assert!(
        turned.contains(&serde_json::json!({"page": 1, "degrees": 270})),
        "{turned:?}"
    );
    assert!(turned.iter().all(|t| t["degrees"] == 270), "{turned:?}");
    let title = r["report"]["title"].as_str().unwrap_or_default();
    assert!(title.contains("政府信息公开工作年度报告"), "{title}");
    let golden = format!("tests/scans/turned/golden/{stem}.json");
    let wrong = wrong_against(&r, &golden);
    assert!(wrong.is_empty() || r["status"] == "partial", "{wrong:#?}");
}

/// Every committed scan read with `env`: no wrong cell in an `ok` record, every wrong cell
/// named; with `tuned` (tesseract alone, the path tuned on these scans), the three scans it
/// was first tuned on read whole and 99.5 % of cells right (else, PP-OCR with tesseract's
/// second opinion, 98.5 %: it read 2016 of 2036, 99.0 %).
fn scans_read(env: &[(&str, &str)], tuned: bool) {
    let mut stems: Vec<String> = std::fs::read_dir("tests/scans")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".pdf").map(str::to_string))
        .collect();
    stems.sort();
    assert!(stems.len() >= 7, "{stems:?}");
    let (mut right, mut total) = (0, 0);
    for stem in &stems {
        let r = extract_with(&format!("tests/scans/{stem}.pdf"), &[], env);
        let wrong = wrong_cells(&r, stem);
        assert!(
            wrong.is_empty() || r["status"] == "partial",
            "{stem} is {} with wrong cells: {wrong:#?}",
            r["status"]
        );
        let unnamed: Vec<&String> = wrong.iter().filter(|w| !named(&r, w)).collect();
        assert!(unnamed.is_empty(), "{stem}: no check names {unnamed:#?}");
        // The first three scans were the ones the OCR path was tuned on.
        if [
            "qinglan-2023-lo-scan300",
            "dongpu-2025-chromium-scan200",
            "baisha-2020-lo-scan150g4",
        ]
        .contains(&stem.as_str())
            && tuned
        {
            assert_eq!(wrong, Vec::<String>::new(), "{stem}");
        }
        let mut want = BTreeMap::new();
        let golden: Value = serde_json::from_str(
            &std::fs::read_to_string(format!("tests/scans/golden/{stem}.json")).unwrap(),
        )
        .unwrap();
        cells(&golden["tables"], "tables".into(), &mut want);
        right += want.len() - wrong.len();
        total += want.len();
    }
    // 2030 of 2036 over ten scans when this was written; the target, 99.5 %, must
    // hold.
    let least = if tuned { 995 } else { 985 };
    assert!(
        right * 1000 >= total * least,
        "{right} of {total} cells right"
    );
}

#[test]
fn without_tesseract_a_scan_fails_with_no_text_layer_saying_what_to_install() {
    let out = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args([
            "extract",
            "-q",
            "tests/scans/baisha-2020-lo-scan150g4.pdf",
            "--jsonl",
            "-",
        ])
        .env("GOVREPORT_LIBTESSERACT", "/nonexistent/libtesseract.so.5")
        .env("GOVREPORT_PPOCR", "off")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let r = &common::records(&out)[0];
    assert_eq!(r["status"], "failed");
    assert_eq!(r["errors"][0]["code"], "no_text_layer");
    let message = r["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim"),
        "{message}"
    );
}

#[test]
#[ignore = "needs tesseract-ocr and tesseract-ocr-chi-sim (CI installs them and runs --include-ignored)"]
fn a_scan_past_the_worker_memory_limit_is_too_large_and_the_next_file_is_read() {
    // 150 MiB holds govreport and tesseract's models but not a 300 dpi page being read.
    let out = common::govreport(&[
        "extract",
        "-q",
        "-j1",
        "--max-memory-mb",
        "150",
        "tests/scans/qinglan-2023-lo-scan300.pdf",
        "samples/baisha-2020-lo.pdf",
        "--jsonl",
        "-",
    ]);
    let records = common::records(&out);
    let by = |name: &str| {
        records
            .iter()
            .find(|r| r["source"]["path"].as_str().unwrap().ends_with(name))
            .unwrap()
    };
    let scan = by("qinglan-2023-lo-scan300.pdf");
    assert_eq!(scan["errors"][0]["code"], "too_large", "{scan}");
    let message = scan["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("--max-memory-mb"), "{message}");
    assert_eq!(by("baisha-2020-lo.pdf")["status"], "ok");
}

#[test]
fn ocr_never_keeps_a_scan_failed_and_born_digital_pdfs_never_use_ocr() {
    let r = extract(
        "tests/scans/baisha-2020-lo-scan150g4.pdf",
        &["--ocr", "never"],
    );
    assert_eq!(r["errors"][0]["code"], "no_text_layer");
    // The option reached the worker process that read the file.
    let message = r["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("--ocr never"), "{message}");
    let r = extract("samples/baisha-2020-lo.pdf", &[]);
    assert!(r["source"]["ocr"].is_null());
    assert_eq!(r["status"], "ok");
}

#[test]
#[ignore = "needs tesseract-ocr and tesseract-ocr-chi-sim (CI installs them and runs --include-ignored)"]
fn text_marks_the_pages_ocr_read() {
    let out = govreport(&["text", "tests/scans/qinglan-2023-lo-scan300.pdf"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for n in 1..=3 {
        assert!(text.contains(&format!("[page {n}: OCR]")), "{text}");
    }
    assert!(text.contains("政府信息公开"));
}
