//! `govreport compare` end to end on the consecutive-year samples (samples/shiwan-*), whose
//! expected cross-year results come from the generator (golden/cross-year/shiwan.json).

mod common;

use common::govreport;
use serde_json::Value;
use std::fs;

const GOV: [&str; 6] = [
    "samples/shiwan-2020-html.html",
    "samples/shiwan-2021-poor.txt",
    "samples/shiwan-2022-poor.txt",
    "samples/shiwan-2022-html.html",
    "samples/shiwan-2023-poor.txt",
    "samples/shiwan-2025-poor.txt",
];
const EDU: [&str; 2] = [
    "samples/shiwan-edu-2022-poor.txt",
    "samples/shiwan-edu-2023-html.html",
];
const OFFICE: &str = "samples/shiwan-office-2023-poor.txt";

fn all_samples() -> Vec<&'static str> {
    GOV.iter().chain(&EDU).copied().chain([OFFICE]).collect()
}

fn json_of(args: &[&str]) -> (Option<i32>, Value) {
    let out = govreport(args);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (out.status.code(), value)
}

fn golden(stem: &str) -> Value {
    let text = fs::read_to_string(format!("golden/{stem}.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn agencies_group_by_key_with_years_duplicates_and_gaps() {
    let mut args = vec!["compare", "--json", "-q"];
    args.extend(all_samples());
    let (code, v) = json_of(&args);
    assert_eq!(code, Some(1), "the 2022→2023 carry-over fails");
    let groups = v["panel"]["groups"].as_array().unwrap();
    let keys: Vec<&str> = groups.iter().map(|g| g["key"].as_str().unwrap()).collect();
    assert_eq!(
        keys,
        ["石湾区人民政府", "石湾区人民政府办公室", "石湾区教育局"],
        "石湾区 (2023's title) joins its government; the 办公室 stays apart"
    );
    let gov = &groups[0];
    assert_eq!(
        gov["agencies"],
        serde_json::json!(["石湾区人民政府", "石湾区"])
    );
    let years: Vec<i64> = gov["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2020, 2021, 2022, 2023, 2025]);
    assert_eq!(gov["gaps"], serde_json::json!([2024]));
    let dup = &gov["duplicates"][0];
    assert_eq!(dup["year"], 2022);
    assert_eq!(dup["files"], serde_json::json!([GOV[2], GOV[3]]));
    assert_eq!(
        dup["cells_differ"], 0,
        "the text and the page are one report"
    );
    assert_eq!(groups[2]["gaps"], serde_json::json!([]));
    assert!(groups[2]["duplicates"].as_array().unwrap().is_empty());
}

#[test]
fn the_carry_over_rule_matches_the_generator_column_by_column() {
    let expected: Value =
        serde_json::from_str(&fs::read_to_string("golden/cross-year/shiwan.json").unwrap())
            .unwrap();
    let mut args = vec!["compare", "--json", "-q"];
    args.extend(all_samples());
    let (_, v) = json_of(&args);
    let checks: Vec<&Value> = v["panel"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["checks"].as_array().unwrap())
        .collect();
    let mut wanted = 0;
    for e in expected["checks"].as_array().unwrap() {
        for previous in e["previous"].as_array().unwrap() {
            for current in e["current"].as_array().unwrap() {
                wanted += 1;
                let found = checks.iter().find(|c| {
                    c["previous"]["file"] == *previous
                        && c["current"]["file"] == *current
                        && c["column"] == e["column"]
                });
                let c = found.unwrap_or_else(|| panic!("no check for {e}"));
                assert_eq!(c["rule"], "cross_year.carry_over");
                assert_eq!(c["status"], e["status"], "{c}");
                assert_eq!(c["previous"]["value"], e["values"][0], "{c}");
                assert_eq!(c["current"]["value"], e["values"][1], "{c}");
            }
        }
    }
    assert_eq!(
        checks.len(),
        wanted,
        "no check beyond the consecutive pairs"
    );
    assert!(checks.iter().any(|c| c["status"] == "fail"));
}

#[test]
fn text_output_marks_the_failing_columns_duplicates_and_gaps() {
    let mut args = vec!["compare", "-q"];
    args.extend(all_samples());
    let out = govreport(&args);
    let text = String::from_utf8_lossy(&out.stdout);
    let forward =
        golden("shiwan-2022-poor")["tables"]["applications"]["rows"]["carried_forward"][0].clone();
    let over =
        golden("shiwan-2023-poor")["tables"]["applications"]["rows"]["carried_over"][0].clone();
    let line =
        format!("✗ natural_person: 2022 四、结转下年度 {forward} ≠ 2023 二、上年结转 {over}");
    assert!(text.contains(&line), "{line} missing in:\n{text}");
    assert!(text.contains("2022→2023 carry-over FAIL"), "{text}");
    assert!(text.contains("2021→2022 carry-over pass"), "{text}");
    assert!(text.contains("duplicate 2022"), "{text}");
    assert!(text.contains("missing years: 2024"), "{text}");
    assert!(text.contains("9 reports, 3 agencies"), "{text}");
}

#[test]
fn two_reports_side_by_side_with_changes_rows_counts_and_policies() {
    let (code, v) = json_of(&["compare", "--json", "-q", GOV[4], GOV[2]]);
    assert_eq!(code, Some(1));
    let pair = &v["pair"];
    assert_eq!(pair["left"]["year"], 2022, "the earlier year on the left");
    let (g22, g23) = (golden("shiwan-2022-poor"), golden("shiwan-2023-poor"));
    let rows = |g: &Value| g["tables"]["applications"]["rows"].clone();
    let cells = pair["cells"].as_array().unwrap();
    let new = cells
        .iter()
        .find(|c| c["row"] == "new_requests" && c["column"] == "total")
        .unwrap();
    let (a, b) = (
        rows(&g22)["new_requests"][6].as_f64().unwrap(),
        rows(&g23)["new_requests"][6].as_f64().unwrap(),
    );
    assert_eq!(new["change"].as_f64(), Some(b - a));
    assert_eq!(
        new["percent"].as_f64().map(|p| p.round()),
        Some(((b - a) / a * 100.0).round())
    );
    // 2022 prints （六） as three rows, 2023 as one
    assert_eq!(
        pair["rows_only_left"],
        serde_json::json!([
            "applications.other_overdue_correction",
            "applications.other_overdue_fee",
            "applications.other_other"
        ])
    );
    assert_eq!(
        pair["rows_only_right"],
        serde_json::json!(["applications.other_processing"])
    );
    let titles = |g: &Value| -> Vec<String> {
        g["policies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["title"].as_str().unwrap().to_string())
            .collect()
    };
    let expected_new: Vec<String> = titles(&g23)
        .into_iter()
        .filter(|t| !titles(&g22).contains(t))
        .collect();
    assert_eq!(pair["new_policies"], serde_json::json!(expected_new));
    let label = "全年主动公开政府信息";
    let count = |g: &Value| {
        g["counts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["label"] == label)
            .unwrap()["value"]
            .as_f64()
            .unwrap()
    };
    let matched = pair["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["label"] == label)
        .unwrap();
    assert_eq!(matched["change"].as_f64(), Some(count(&g23) - count(&g22)));
}

#[test]
fn text_of_two_reports_lists_every_cell_and_marks_changes() {
    let out = govreport(&["compare", "-q", GOV[2], GOV[4]]);
    let text = String::from_utf8_lossy(&out.stdout);
    let tables = ["active_disclosure", "applications", "review_litigation"];
    let cell_lines = text
        .lines()
        .filter(|l| {
            l.get(2..)
                .and_then(|l| l.split(' ').next())
                .is_some_and(|t| tables.contains(&t))
        })
        .count();
    let cells: usize = ["shiwan-2022-poor", "shiwan-2023-poor"]
        .iter()
        .map(|s| golden(s))
        .map(|g| {
            let t = &g["tables"];
            let grouped = |t: &Value| {
                t.as_object()
                    .unwrap()
                    .iter()
                    .filter(|(k, _)| *k != "printed")
                    .map(|(_, r)| r.as_object().unwrap().len())
                    .sum::<usize>()
            };
            grouped(&t["active_disclosure"])
                + grouped(&t["review_litigation"])
                + 7 * t["applications"]["rows"].as_object().unwrap().len()
        })
        .sum::<usize>();
    // 2023 has one row fewer than 2022 (three （六） rows against one): cells of both, once each
    let shared = cells - 7 * (3 + 1);
    assert_eq!(cell_lines, shared / 2 + 7 * (3 + 1), "{text}");
    assert!(
        text.contains("rows only in 2022: applications.other_overdue_correction"),
        "{text}"
    );
    assert!(text.contains("policies new in 2023"), "{text}");
}

#[test]
fn the_panel_csv_is_the_tidy_csv_with_the_agency_key() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("panel.csv");
    let mut args = vec!["compare", "-q", "--csv", csv.to_str().unwrap()];
    args.extend(all_samples());
    govreport(&args);
    let text = fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "source_path,agency,region_code,agency_level,year,template,table,row,column,value,printed,agency_key"
        )
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let of_2023: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == GOV[4]).collect();
    assert!(
        of_2023
            .iter()
            .all(|r| r[1] == "石湾区" && r[2].is_empty() && r[11] == "石湾区人民政府")
    );
    let forward = of_2023
        .iter()
        .find(|r| r[7] == "carried_over" && r[8] == "natural_person")
        .unwrap();
    let over =
        golden("shiwan-2023-poor")["tables"]["applications"]["rows"]["carried_over"][0].to_string();
    assert_eq!(forward[9], over);
    // ordered by key then year: the government's years come first, in order
    let years: Vec<&str> = rows
        .iter()
        .filter(|r| r[11] == "石湾区人民政府")
        .map(|r| r[4])
        .collect();
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
    assert_eq!(rows.len(), rows.iter().filter(|r| r.len() == 12).count());
}

#[test]
fn records_and_reports_mix_and_an_unreadable_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let jsonl = dir.path().join("edu.jsonl");
    govreport(&["extract", "-q", "-o", out.to_str().unwrap(), EDU[0]]);
    govreport(&["extract", "-q", "--jsonl", jsonl.to_str().unwrap(), EDU[1]]);
    let record = out.join("shiwan-edu-2022-poor.json");
    let saved: Value = serde_json::from_str(&fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(
        saved["report"]["agency_key"], "石湾区教育局",
        "extract writes the key"
    );
    let (code, v) = json_of(&[
        "compare",
        "--json",
        "-q",
        record.to_str().unwrap(),
        jsonl.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "the bureau's carry-over holds: {v}");
    assert_eq!(
        v["panel"]["groups"][0]["checks"].as_array().unwrap().len(),
        7
    );
    // a folder of records plus a report file
    let (code, v) = json_of(&["compare", "--json", "-q", out.to_str().unwrap(), EDU[1]]);
    assert_eq!(
        (code, v["panel"]["groups"].as_array().unwrap().len()),
        (Some(0), 1)
    );
    let broken = dir.path().join("broken.json");
    fs::write(&broken, "{not json").unwrap();
    let (code, v) = json_of(&[
        "compare",
        "--json",
        "-q",
        broken.to_str().unwrap(),
        EDU[0],
        EDU[1],
    ]);
    assert_eq!(code, Some(2));
    assert_eq!(v["unreadable"][0]["path"], broken.to_str().unwrap());
    let (code, v) = json_of(&[
        "compare",
        "--json",
        "-q",
        "no/such/file.pdf",
        EDU[0],
        EDU[1],
    ]);
    assert_eq!(
        code,
        Some(2),
        "a missing input is unreadable, the rest compared"
    );
    assert_eq!(v["unreadable"][0]["message"], "no such file or folder");
    assert_eq!(
        v["panel"]["groups"][0]["checks"].as_array().unwrap().len(),
        7
    );
}

#[test]
fn extract_writes_the_agency_key_of_a_place_title() {
    let out = govreport(&["extract", "-q", "--jsonl", "-", GOV[4]]);
    let r = &common::records(&out)[0];
    assert_eq!(r["report"]["agency"], "石湾区");
    assert_eq!(r["report"]["agency_key"], "石湾区人民政府");
}

#[test]
fn pre_2019_statistics_are_compared_by_key_and_have_no_carry_over() {
    let (a, b) = (
        "samples/anping-2016-lo.pdf",
        "samples/shiqiao-2017-poor.txt",
    );
    let (code, v) = json_of(&["compare", "--json", "-q", a, b]);
    assert_eq!(code, Some(0), "no cross-year rule before 2019");
    let cells = v["pair"]["cells"].as_array().unwrap();
    let (left, right) = (golden("anping-2016-lo"), golden("shiqiao-2017-poor"));
    let mut compared = 0;
    for row in left["tables"]["statistics"]["rows"].as_array().unwrap() {
        let Some(key) = row["key"].as_str() else {
            continue;
        };
        let other = right["tables"]["statistics"]["rows"].as_array().unwrap();
        let Some(other) = other.iter().find(|r| r["key"] == key) else {
            continue;
        };
        let cell = cells
            .iter()
            .find(|c| c["table"] == "statistics" && c["row"] == key)
            .unwrap_or_else(|| panic!("{key} not compared"));
        assert_eq!(cell["left"], row["values"][0], "{key}");
        assert_eq!(cell["right"], other["values"][0], "{key}");
        compared += 1;
    }
    assert!(compared >= 10, "{compared} indicators in both");
    let groups = v["panel"]["groups"].as_array().unwrap();
    assert!(
        groups
            .iter()
            .all(|g| g["checks"].as_array().unwrap().is_empty())
    );
}
