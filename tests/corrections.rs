//! Review and corrections: `extract --review` lists the doubtful cells, `--corrections`
//! (taken here from the goldens, which state the truth) makes records `ok` with every cell
//! right, a wrong correction is caught by the rules, a malformed file changes nothing, and
//! a second run gives the same bytes. Tests that need tesseract are ignored unless run with
//! `--include-ignored`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::{cells, govreport};
use serde_json::Value;

fn table_cells(record: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    cells(&record["tables"], "tables".into(), &mut out);
    out
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The rows of a review CSV: (sha256, path, value, page, reason, source_path).
fn review_rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["sha256", "path", "value", "page", "reason", "source_path"]
    );
    let rows = reader.records().map(|r| r.unwrap());
    rows.map(|r| r.iter().map(str::to_string).collect())
        .collect()
}

/// Extracts `inputs` into `out` (with `extra` options); returns the records by file stem.
fn extract(inputs: &[&Path], out: &Path, extra: &[&str]) -> BTreeMap<String, Value> {
    let mut args = vec![
        "extract",
        "-q",
        "--timeout",
        "900",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    args.extend_from_slice(extra);
    let done = govreport(&args);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    inputs
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem.clone(), read_json(&out.join(format!("{stem}.json"))))
        })
        .collect()
}

/// A corrections file from the truth: each reviewed cell and each cell the record has
/// wrong, set to the golden's value (`truth`: stem → golden tables' cells).
fn truth_file(
    records: &BTreeMap<String, Value>,
    truth: &BTreeMap<String, BTreeMap<String, Value>>,
    review: &Path,
    into: &Path,
) {
    let mut rows: BTreeSet<(String, String)> = review_rows(review)
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    for (stem, record) in records {
        let sha = record["source"]["sha256"].as_str().unwrap().to_string();
        let got = table_cells(record);
        for (path, want) in &truth[stem] {
            if got.get(path) != Some(want) {
                rows.insert((sha.clone(), path.clone()));
            }
        }
    }
    let sha_stem: BTreeMap<String, &String> = records
        .iter()
        .map(|(s, r)| (r["source"]["sha256"].as_str().unwrap().to_string(), s))
        .collect();
    let mut w = csv::Writer::from_path(into).unwrap();
    w.write_record(["sha256", "path", "value", "note"]).unwrap();
    for (sha, path) in rows {
        let want = &truth[sha_stem[&sha]][&path];
        let value = if want.is_null() {
            String::new()
        } else {
            want.to_string()
        };
        w.write_record([sha.as_str(), &path, &value, "read on the page"])
            .unwrap();
    }
    w.flush().unwrap();
}

/// Corrections from the truth make every record `ok` with every cell right, and running
/// again with them gives the same bytes.
fn truth_makes_ok(inputs: &[&Path], truth: &BTreeMap<String, BTreeMap<String, Value>>) {
    let dir = tempfile::tempdir().unwrap();
    let (first, review) = (dir.path().join("first"), dir.path().join("review.csv"));
    let records = extract(inputs, &first, &["--review", review.to_str().unwrap()]);
    let file = dir.path().join("corrections.csv");
    truth_file(&records, truth, &review, &file);
    let (fixed, again) = (dir.path().join("fixed"), dir.path().join("again"));
    let corrections = ["--corrections", file.to_str().unwrap()];
    let corrected = extract(inputs, &fixed, &corrections);
    for (stem, record) in &corrected {
        let wrong: Vec<String> = (truth[stem].iter())
            .filter(|(p, v)| table_cells(record).get(*p) != Some(*v))
            .map(|(p, v)| format!("{p}: expected {v}"))
            .collect();
        assert_eq!(wrong, Vec::<String>::new(), "{stem}");
        assert_eq!(record["status"], "ok", "{stem}: {}", record["checks"]);
        let stale = (record["warnings"].as_array().unwrap().iter()).filter(|w| {
            matches!(
                w["code"].as_str(),
                Some(
                    "row_not_found"
                        | "table_not_found"
                        | "cell_position_uncertain"
                        | "ocr_layer_doubtful"
                )
            )
        });
        assert_eq!(stale.count(), 0, "{stem}: {}", record["warnings"]);
    }
    extract(inputs, &again, &corrections);
    for stem in corrected.keys() {
        let name = format!("{stem}.json");
        let (a, b) = (
            std::fs::read(fixed.join(&name)),
            std::fs::read(again.join(&name)),
        );
        assert_eq!(a.unwrap(), b.unwrap(), "{stem}: a second run differs");
    }
}

/// The golden tables' cells of `golden/<stem>.json` (or another golden folder).
fn golden_cells(dir: &str, stem: &str) -> BTreeMap<String, Value> {
    table_cells(&read_json(&Path::new(dir).join(format!("{stem}.json"))))
}

/// `samples/xinhe-2024-poor.txt` with 表四's first 尚未审结 misread (11 → 17), in `dir`.
fn damaged(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string("samples/xinhe-2024-poor.txt").unwrap();
    let bad = text.replace("74\t21\t45\t11\t151", "74\t21\t45\t17\t151");
    assert_ne!(bad, text);
    let path = dir.join("xinhe-damaged.txt");
    std::fs::write(&path, bad).unwrap();
    path
}

/// `samples/xinhe-2024-poor.txt` with 表二's 规章 row missing its middle value, so that the
/// columns of the two left are guessed (`cell_position_uncertain`), in `dir`.
fn regulations_gap(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string("samples/xinhe-2024-poor.txt").unwrap();
    let bad = text.replace("规章\t3\t1\t60\n", "规章\t3\t60\n");
    assert_ne!(bad, text);
    let path = dir.join("xinhe-regulations.txt");
    std::fs::write(&path, bad).unwrap();
    path
}

/// The sha256 of a file, as records give it.
fn sha256_of(path: &Path) -> String {
    let out = govreport(&["extract", "-q", path.to_str().unwrap(), "--jsonl", "-"]);
    let record = &common::records(&out)[0];
    record["source"]["sha256"].as_str().unwrap().to_string()
}

fn write(path: &Path, text: &str) -> PathBuf {
    std::fs::write(path, text).unwrap();
    path.to_path_buf()
}

#[test]
fn a_damaged_text_report_is_made_ok_by_corrections_from_the_truth() {
    let dir = tempfile::tempdir().unwrap();
    let input = damaged(dir.path());
    let before = extract(&[&input], &dir.path().join("before"), &[]);
    assert_eq!(before["xinhe-damaged"]["status"], "partial");
    let truth = BTreeMap::from([(
        "xinhe-damaged".to_string(),
        golden_cells("golden", "xinhe-2024-poor"),
    )]);
    truth_makes_ok(&[&input], &truth);
}

#[test]
#[ignore = "needs tesseract-ocr and tesseract-ocr-chi-sim (CI installs them and runs --include-ignored)"]
fn samples_with_an_ocr_layer_are_made_ok_by_corrections_from_the_truth() {
    let pairs = [
        ("nanhu-2023-ocrmypdf", "nanhu-2023-stsong"),
        ("baisha-2020-ocrmypdf", "baisha-2020-lo"),
        ("yunshan-2019-ocrmypdf", "yunshan-2019-chromium"),
        ("tongshan-2022-ocrmypdf-hocr", "tongshan-2022-chromium"),
    ];
    let inputs: Vec<PathBuf> = pairs
        .iter()
        .map(|(s, _)| PathBuf::from(format!("samples/{s}.pdf")))
        .collect();
    let truth = pairs
        .iter()
        .map(|(s, g)| (s.to_string(), golden_cells("golden", g)))
        .collect();
    truth_makes_ok(
        &inputs.iter().map(PathBuf::as_path).collect::<Vec<_>>(),
        &truth,
    );
}

#[test]
#[ignore = "needs tesseract-ocr and tesseract-ocr-chi-sim (CI installs them and runs --include-ignored)"]
fn scans_are_made_ok_by_corrections_from_the_truth() {
    let stems = [
        "baisha-2020-lo-scan150g4",
        "nanhu-2023-stsong-scan200",
        "heyang-2022-odt-scan150g4",
    ];
    let inputs: Vec<PathBuf> = stems
        .iter()
        .map(|s| PathBuf::from(format!("tests/scans/{s}.pdf")))
        .collect();
    let truth = stems
        .iter()
        .map(|s| (s.to_string(), golden_cells("tests/scans/golden", s)))
        .collect();
    truth_makes_ok(
        &inputs.iter().map(PathBuf::as_path).collect::<Vec<_>>(),
        &truth,
    );
}

#[test]
fn a_row_whose_columns_were_guessed_is_settled_once_its_cells_are_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let input = regulations_gap(dir.path());
    let sha = sha256_of(&input);
    let row = "tables.active_disclosure.regulations";
    let line = |column: &str, value: u32| format!("{sha},{row}.{column},{value},seen\n");
    let two = format!(
        "sha256,path,value,note\n{}{}",
        line("issued", 3),
        line("repealed", 1)
    );
    let file = write(&dir.path().join("two.csv"), &two);
    let review = dir.path().join("review.csv");
    let records = extract(
        &[&input],
        &dir.path().join("two"),
        &[
            "--corrections",
            file.to_str().unwrap(),
            "--review",
            review.to_str().unwrap(),
        ],
    );
    let record = &records["xinhe-regulations"];
    assert_eq!(record["status"], "partial");
    assert_eq!(record["warnings"][0]["code"], "cell_position_uncertain");
    let listed: Vec<String> = review_rows(&review)
        .into_iter()
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(
        listed,
        [format!("{row}.in_force")],
        "the cells left, not the corrected ones"
    );
    let all = format!("{two}{}", line("in_force", 60));
    let file = write(&dir.path().join("all.csv"), &all);
    let records = extract(
        &[&input],
        &dir.path().join("all"),
        &["--corrections", file.to_str().unwrap()],
    );
    let record = &records["xinhe-regulations"];
    assert_eq!(record["status"], "ok", "{}", record["checks"]);
    assert_eq!(
        record["warnings"],
        serde_json::json!([]),
        "no stale warning"
    );
}

#[test]
fn a_wrong_correction_makes_the_record_partial_with_the_failing_rule() {
    let dir = tempfile::tempdir().unwrap();
    let input = Path::new("samples/xinhe-2024-poor.txt");
    let sha = sha256_of(input);
    let path = "tables.applications.rows.new_requests[0]";
    let file = write(
        &dir.path().join("c.csv"),
        &format!("sha256,path,value,note\n{sha},{path},3956,typo\n"),
    );
    let records = extract(
        &[input],
        dir.path(),
        &["--corrections", file.to_str().unwrap()],
    );
    let record = &records["xinhe-2024-poor"];
    assert_eq!(record["status"], "partial");
    let checks = record["checks"].as_array().unwrap();
    let failing = |rule: &str| {
        checks
            .iter()
            .any(|c| c["rule"] == rule && c["status"] == "fail" && c["path"].is_string())
    };
    assert!(failing("applications.row_totals"), "{checks:?}");
    let corrected = checks.iter().find(|c| c["status"] == "corrected").unwrap();
    assert_eq!(corrected["rule"], "review.correction");
    assert_eq!(corrected["path"], path);
    let message = corrected["message"].as_str().unwrap();
    assert!(
        message.contains("3956") && message.contains("3955") && message.contains("typo"),
        "{message}"
    );
    let row = &record["cells"]["tables.applications.rows.new_requests"];
    assert_eq!(row["source"][0], "corrected", "{row}");
    assert_eq!(
        record["tables"]["applications"]["rows"]["new_requests"][0],
        3956
    );
}

#[test]
fn a_malformed_corrections_file_is_a_usage_error_naming_the_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let sha = "a".repeat(64);
    let good = format!("{sha},tables.applications.rows.granted[0],1,\n");
    let cases = [
        (
            "tables.applications.rows.granted[0],1\n".to_string(),
            "line 1",
        ),
        (
            format!("sha256,path,value\n{good}{sha},tables.nothing.here,1\n"),
            "line 3",
        ),
        (
            format!("sha256,path,value\n{good}abc,tables.applications.rows.granted[1],1\n"),
            "line 3",
        ),
        (
            format!("sha256,path,value\n{sha},tables.applications.rows.granted[1],many\n"),
            "line 2",
        ),
    ];
    for (i, (text, line)) in cases.iter().enumerate() {
        let file = write(&dir.path().join(format!("c{i}.csv")), text);
        let out = dir.path().join(format!("out{i}"));
        let review = dir.path().join(format!("review{i}.csv"));
        let done = govreport(&[
            "extract",
            "samples/xinhe-2024-poor.txt",
            "-o",
            out.to_str().unwrap(),
            "--review",
            review.to_str().unwrap(),
            "--corrections",
            file.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&done.stderr);
        assert_eq!(done.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(line), "case {i}: {stderr}");
        assert!(
            !out.exists() && !review.exists(),
            "case {i} wrote something"
        );
        let check = govreport(&[
            "check",
            "samples/xinhe-2024-poor.txt",
            "--golden",
            "golden",
            "--corrections",
            file.to_str().unwrap(),
        ]);
        assert_eq!(check.status.code(), Some(1));
    }
}

#[test]
fn the_review_lists_exactly_the_cells_failing_checks_name() {
    let dir = tempfile::tempdir().unwrap();
    let input = damaged(dir.path());
    let review = dir.path().join("review.csv");
    let ok = Path::new("samples/xinhe-2024-poor.txt");
    let records = extract(
        &[&input, ok],
        dir.path(),
        &["--review", review.to_str().unwrap()],
    );
    let record = &records["xinhe-damaged"];
    let named: BTreeSet<String> = record["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .filter_map(|c| c["path"].as_str().map(str::to_string))
        .collect();
    let rows = review_rows(&review);
    let listed: BTreeSet<String> = rows.iter().map(|r| r[1].clone()).collect();
    assert_eq!(
        listed, named,
        "the failing checks name cells, no row or table"
    );
    assert_eq!(listed.len(), rows.len(), "each cell once");
    let cells = table_cells(record);
    for r in &rows {
        assert_eq!(r[0], record["source"]["sha256"].as_str().unwrap());
        assert_eq!(r[2], cells[&r[1]].to_string(), "the current reading");
        assert!(r[4].starts_with("review_litigation.totals: "), "{}", r[4]);
        assert_eq!(r[5], input.display().to_string());
    }
}

#[test]
fn a_review_row_of_a_missing_row_lists_each_of_its_cells() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("samples/xinhe-2024-poor.txt").unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("二、上年结转"))
        .unwrap();
    let input = write(
        &dir.path().join("xinhe-lost-row.txt"),
        &text.replace(line, ""),
    );
    let review = dir.path().join("review.csv");
    let records = extract(
        &[&input],
        dir.path(),
        &["--review", review.to_str().unwrap()],
    );
    let record = &records["xinhe-lost-row"];
    assert_eq!(record["status"], "partial");
    let listed: Vec<String> = review_rows(&review)
        .into_iter()
        .map(|r| r[1].clone())
        .collect();
    for i in 0..7 {
        let cell = format!("tables.applications.rows.carried_over[{i}]");
        assert!(listed.contains(&cell), "{cell} not in {listed:?}");
    }
    let truth = BTreeMap::from([(
        "xinhe-lost-row".to_string(),
        golden_cells("golden", "xinhe-2024-poor"),
    )]);
    truth_makes_ok(&[&input], &truth);
}

#[test]
fn corrections_matching_no_input_are_counted_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir.path().join("c.csv"),
        &format!(
            "sha256,path,value,note\n{},tables.applications.rows.granted[0],1,\n",
            "b".repeat(64)
        ),
    );
    let done = govreport(&[
        "extract",
        "samples/xinhe-2024-poor.txt",
        "--jsonl",
        dir.path().join("r.jsonl").to_str().unwrap(),
        "--corrections",
        file.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(
        stderr.contains("; 1 corrections matched no input"),
        "{stderr}"
    );
}

#[test]
fn skip_existing_reapplies_corrections_whose_rows_changed() {
    let dir = tempfile::tempdir().unwrap();
    let input = damaged(dir.path());
    let sha = sha256_of(&input);
    let out = dir.path().join("out");
    let record = |extra: &[&str]| {
        let mut args = vec!["--skip-existing"];
        args.extend_from_slice(extra);
        extract(&[&input], &out, &args)
            .remove("xinhe-damaged")
            .unwrap()
    };
    let pending =
        |r: &Value| r["tables"]["review_litigation"]["administrative_review"]["pending"].clone();
    assert_eq!(record(&[])["status"], "partial");
    let path = "tables.review_litigation.administrative_review.pending";
    let fix = |value: &str| {
        let text = format!("sha256,path,value,note\n{sha},{path},{value},\n");
        write(&dir.path().join("c.csv"), &text)
    };
    let file = fix("11");
    let args = ["--corrections", file.to_str().unwrap()];
    assert_eq!(record(&args)["status"], "ok");
    // A reused record is written back as it was read: a planted mark shows it was reused.
    let at = out.join("xinhe-damaged.json");
    let planted = std::fs::read_to_string(&at)
        .unwrap()
        .replace("工作年度报告\"", "工作年度报告（planted）\"");
    std::fs::write(&at, planted).unwrap();
    let title = record(&args)["report"]["title"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        title.ends_with("（planted）"),
        "unchanged rows: reused, {title}"
    );
    fix("12");
    let changed = record(&args);
    assert_eq!(pending(&changed), 12);
    assert_eq!(changed["status"], "partial");
    assert_eq!(
        pending(&record(&[])),
        17,
        "without corrections: extracted again"
    );
}

#[test]
fn check_compares_with_goldens_made_with_corrections() {
    let dir = tempfile::tempdir().unwrap();
    let input = damaged(dir.path());
    let sha = sha256_of(&input);
    let path = "tables.review_litigation.administrative_review.pending";
    let text = format!("sha256,path,value,note\n{sha},{path},11,\n");
    let file = write(&dir.path().join("c.csv"), &text);
    let golden = dir.path().join("golden");
    let (input, golden, file) = (
        input.to_str().unwrap(),
        golden.to_str().unwrap(),
        file.to_str().unwrap(),
    );
    let run = |extra: &[&str]| {
        let mut args = vec!["check", input, "--golden", golden];
        args.extend_from_slice(extra);
        govreport(&args).status.code()
    };
    assert_eq!(run(&["--bless", "--corrections", file]), Some(0));
    let blessed = read_json(&Path::new(golden).join("xinhe-damaged.json"));
    assert_eq!(blessed["status"], "ok");
    assert_eq!(run(&["--corrections", file]), Some(0));
    assert_eq!(
        run(&[]),
        Some(1),
        "without the corrections the record differs"
    );
}
