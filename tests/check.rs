//! `govreport check`: it passes on an unchanged golden and catches every kind of change.

mod common;

use common::govreport;
use std::fs;
use std::path::Path;

const REPORT: &str =
    "某县人民政府\n2022年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息 12 条。\n";

fn setup(dir: &Path) {
    fs::create_dir_all(dir.join("in")).unwrap();
    fs::write(dir.join("in/r.txt"), REPORT).unwrap();
    let out = govreport(&[
        "check",
        "-q",
        dir.join("in").to_str().unwrap(),
        "--golden",
        dir.join("g").to_str().unwrap(),
        "--bless",
    ]);
    assert_eq!(out.status.code(), Some(0));
}

fn check(dir: &Path) -> (Option<i32>, String) {
    let out = govreport(&[
        "check",
        "-q",
        dir.join("in").to_str().unwrap(),
        "--golden",
        dir.join("g").to_str().unwrap(),
    ]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn edit(dir: &Path, f: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join("g/r.json");
    let mut golden: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    f(&mut golden);
    fs::write(path, serde_json::to_string_pretty(&golden).unwrap()).unwrap();
}

#[test]
fn an_unchanged_golden_matches() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("1/1 files match, 0 differences"), "{out}");
}

#[test]
fn a_changed_value_is_reported_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    edit(dir.path(), |g| g["report"]["year"] = 2021.into());
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1));
    assert!(
        out.contains("r: report.year: expected 2021, got 2022"),
        "{out}"
    );
}

#[test]
fn a_missing_row_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    edit(dir.path(), |g| {
        g["tables"]["applications"] =
            serde_json::json!({"rows": {"granted": [0, 0, 0, 0, 0, 0, 0]}});
    });
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1));
    assert!(out.contains("tables.applications"), "{out}");
}

#[test]
fn a_missing_golden_fails() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    fs::remove_file(dir.path().join("g/r.json")).unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1));
    assert!(out.contains("no usable golden"), "{out}");
    assert!(out.contains("1 missing goldens"), "{out}");
}
