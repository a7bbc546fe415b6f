//! Every report placed on the map (issue 33): bodies named in titles and opening text give
//! their GB/T 2260 code, level and kind in the record and the CSV; an ambiguous name warns
//! and guesses nothing; the real corpus reports get their codes; `compare` joins one body
//! named with and without its city.

mod common;

use std::fs;
use std::path::Path;

use common::{govreport, records};
use serde_json::Value;

/// One report: file name, title, opening text, then the expected code, agency level, agency
/// kind and whether a `region_ambiguous` warning is given. Codes looked up by hand in
/// `crates/region/data/divisions.tsv`.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    bool,
);

#[rustfmt::skip]
const CASES: [Case; 12] = [
    ("hongze", "淮安市洪泽区人民政府2024年政府信息公开工作年度报告", "", Some("320813"), Some("county"), "government", false),
    ("gulou-nj", "鼓楼区人民政府2023年政府信息公开工作年度报告", "南京市鼓楼区人民政府编制本报告。", Some("320106"), Some("county"), "government", false),
    ("gulou", "鼓楼区人民政府2023年政府信息公开工作年度报告", "本报告由区政府办公室编制。", None, Some("county"), "government", true),
    ("chaoyang-edu", "2023年朝阳区教育委员会政府信息公开工作年度报告", "北京市朝阳区教育委员会编制。", Some("110105"), Some("county"), "department", false),
    ("ninghailu", "宁海路街道办事处2023年政府信息公开工作年度报告", "南京市鼓楼区宁海路街道办事处编制。", Some("320106"), Some("township"), "township", false),
    ("jiangsu-office", "江苏省人民政府办公厅2023年政府信息公开工作年度报告", "", Some("320000"), Some("province"), "office", false),
    ("enshi", "恩施州人民政府2022年政府信息公开工作年度报告", "", Some("422800"), Some("city"), "government", false),
    ("xinhe", "新河市住房公积金管理中心2024年政府信息公开工作年度报告", "", None, None, "department", false),
    ("state-council", "国务院办公厅2023年政府信息公开工作年度报告", "北京市", None, None, "office", false),
    ("shuangqiao", "双桥区住房和城乡建设局2025年政府信息公开工作年度报告", "", Some("130802"), Some("county"), "department", false),
    ("qiaodong-2015", "桥东区人民政府2015年政府信息公开工作年度报告", "", None, Some("county"), "government", true),
    ("qiaodong-2023", "桥东区人民政府2023年政府信息公开工作年度报告", "", Some("130702"), Some("county"), "government", false),
];

/// Writes each case as a small text report in `dir`; returns the paths in case order.
fn write_cases(dir: &Path) -> Vec<String> {
    CASES
        .iter()
        .map(|(name, title, text, ..)| {
            let path = dir.join(format!("{name}.txt"));
            fs::write(&path, format!("{title}\n\n{text}\n")).unwrap();
            path.to_string_lossy().into_owned()
        })
        .collect()
}

/// Whether a record carries a `region_ambiguous` warning.
fn ambiguous(r: &Value) -> bool {
    let warnings = r["warnings"].as_array().unwrap();
    warnings.iter().any(|w| w["code"] == "region_ambiguous")
}

#[test]
fn bodies_named_in_titles_and_text_get_code_level_and_kind_in_record_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_cases(dir.path());
    let csv = dir.path().join("cells.csv");
    let mut args = vec![
        "extract",
        "-q",
        "--jsonl",
        "-",
        "--csv",
        csv.to_str().unwrap(),
    ];
    args.extend(files.iter().map(String::as_str));
    let records = records(&govreport(&args));
    assert_eq!(records.len(), CASES.len());
    for (r, (name, _, _, code, level, kind, warned)) in records.iter().zip(CASES) {
        let report = &r["report"];
        assert_eq!(report["region"]["code"].as_str(), code, "{name}");
        assert_eq!(report["agency_level"].as_str(), level, "{name}");
        assert_eq!(report["agency_kind"], kind, "{name}");
        assert_eq!(ambiguous(r), warned, "{name}: {}", r["warnings"]);
    }
    let header = fs::read_to_string(&csv).unwrap();
    assert!(header.starts_with("source_path,agency,region_code,agency_level,year,"));
}

#[test]
fn an_ambiguous_warning_lists_the_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_cases(dir.path());
    let records = records(&govreport(&["extract", "-q", &files[2]]));
    let warning = &records[0]["warnings"][0];
    assert_eq!(warning["code"], "region_ambiguous");
    let message = warning["message"].as_str().unwrap();
    for code in ["320106", "320302", "350102", "410204"] {
        assert!(message.contains(code), "{message}");
    }
}

/// The code of each report in the shared corpus, read off the document by hand.
const CORPUS: [(&str, &str); 2] = [
    ("real/hongze-2023.pdf", "320813"),
    ("seed/000_2395ce83fb86712e.txt", "220100"),
];

#[test]
fn every_real_corpus_report_gets_its_code() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    if !real.is_dir() {
        eprintln!(
            "skipped: {} is absent (the shared corpus is not next to this clone)",
            real.display()
        );
        return;
    }
    for entry in fs::read_dir(&real).unwrap() {
        let name = format!("real/{}", entry.unwrap().file_name().to_string_lossy());
        assert!(
            CORPUS.iter().any(|(file, _)| *file == name),
            "{name}: read it and add its code to CORPUS"
        );
    }
    for (file, code) in CORPUS {
        let Some(path) = common::corpus(file) else {
            continue;
        };
        let records = records(&govreport(&["extract", "-q", path.to_str().unwrap()]));
        assert_eq!(records[0]["report"]["region"]["code"], code, "{file}");
    }
}

#[test]
fn compare_joins_one_body_named_with_and_without_its_city() {
    let dir = tempfile::tempdir().unwrap();
    let reports = [
        ("a.txt", "洪泽区人民政府2023年政府信息公开工作年度报告"),
        (
            "b.txt",
            "淮安市洪泽区人民政府2024年政府信息公开工作年度报告",
        ),
    ];
    let mut args: Vec<String> = ["compare", "-q", "--json"].map(String::from).to_vec();
    for (file, title) in reports {
        let path = dir.path().join(file);
        fs::write(&path, format!("{title}\n")).unwrap();
        args.push(path.to_string_lossy().into_owned());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = govreport(&args);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let groups = v["panel"]["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0]["key"], "320813:人民政府");
    assert_eq!(groups[0]["years"].as_array().unwrap().len(), 2);
}
