//! The audit (issue #32): defects planted in committed samples are found with their rule,
//! a finding never changes status or values, `--audit-csv` lists them, the committed
//! samples are clean (or carry only true findings), restatements in converter-like wording
//! give no false failure, and `compare` measures text reuse between years.

mod common;

use std::fs;
use std::path::Path;

use common::{govreport, records};
use serde_json::Value;

/// A committed 2021-format text sample with no finding.
const TEXT: &str = "samples/xinhe-2024-poor.txt";
/// A committed 2021-format web page with no finding.
const PAGE: &str = "samples/bishui-2023-html.html";

/// A defect: a name, the rule that must find it, and the edit that plants it.
struct Defect {
    name: &'static str,
    rule: &'static str,
    plant: fn(&str) -> String,
}

/// `text` with `from` replaced once by `to` (which must occur).
fn swap(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// `text` without the span from `from` up to (not including) `to`.
fn cut(text: &str, from: &str, to: &str) -> String {
    let a = text.find(from).expect("start of the cut");
    let b = a + text[a..].find(to).expect("end of the cut");
    format!("{}{}", &text[..a], &text[b..])
}

/// Sections 五 and 六 of the text sample trade places (headings and text).
fn parts_swapped(t: &str) -> String {
    let five = t.find("五、存在的主要问题").unwrap();
    let six = t.find("六、其他需要报告的事项").unwrap();
    let end = t.find("新河市住房公积金管理中心办公室\n2025").unwrap();
    format!(
        "{}{}\n{}{}",
        &t[..five],
        &t[six..end],
        &t[five..six],
        &t[end..]
    )
}

const TEXT_DEFECTS: [Defect; 9] = [
    Defect {
        name: "no-part-five",
        rule: "audit.section_missing",
        plant: |t| swap(t, "五、存在的主要问题及改进情况\n", ""),
    },
    Defect {
        name: "parts-swapped",
        rule: "audit.section_order",
        plant: parts_swapped,
    },
    Defect {
        name: "numeral-skipped",
        rule: "audit.section_order",
        plant: |t| swap(t, "四、政府信息公开行政复议", "五、政府信息公开行政复议"),
    },
    Defect {
        name: "doubled",
        rule: "audit.doubled_word",
        plant: |t| swap(t, "持续深化决策", "持续深化深化决策"),
    },
    Defect {
        name: "period-year",
        rule: "audit.period_missing",
        plant: |t| {
            swap(
                t,
                "自2024年1月1日起至2024年12月31日止",
                "自2023年1月1日起至2023年12月31日止",
            )
        },
    },
    Defect {
        name: "no-period",
        rule: "audit.period_missing",
        plant: |t| {
            swap(
                t,
                "本报告所列数据统计期限自2024年1月1日起至2024年12月31日止。",
                "",
            )
        },
    },
    Defect {
        name: "no-fee",
        rule: "audit.fee_statement_missing",
        plant: |t| {
            swap(
                t,
                "依据《政府信息公开信息处理费管理办法》，全年收取信息处理费 0 元。",
                "",
            )
        },
    },
    Defect {
        name: "no-table-four",
        rule: "audit.table_missing",
        plant: |t| cut(t, "行政复议\t行政诉讼", "五、存在的主要问题"),
    },
    Defect {
        name: "restated",
        rule: "audit.restatement",
        plant: |t| {
            swap(
                t,
                "全年新收政府信息公开申请 4225 件",
                "全年新收政府信息公开申请 4252 件",
            )
        },
    },
];

const PAGE_DEFECTS: [Defect; 3] = [
    Defect {
        name: "doubled",
        rule: "audit.doubled_word",
        plant: |t| swap(t, "统计期限", "统计统计期限"),
    },
    Defect {
        name: "no-fee",
        rule: "audit.fee_statement_missing",
        plant: |t| {
            swap(
                t,
                "依据《政府信息公开信息处理费管理办法》，全年收取信息处理费340元。",
                "",
            )
        },
    },
    Defect {
        name: "no-part-five",
        rule: "audit.section_missing",
        plant: |t| swap(t, "五、存在的主要问题及改进情况", ""),
    },
];

/// Writes each defect of `base` into `dir` as `<stem>-<name>.<ext>`; returns the paths
/// with their defects.
fn plant<'a>(dir: &Path, base: &str, defects: &'a [Defect]) -> Vec<(String, &'a Defect)> {
    let text = fs::read_to_string(base).unwrap();
    let path = Path::new(base);
    let (stem, ext) = (
        path.file_stem().unwrap().to_str().unwrap(),
        path.extension().unwrap().to_str().unwrap(),
    );
    defects
        .iter()
        .map(|d| {
            let out = dir.join(format!("{stem}-{}.{ext}", d.name));
            fs::write(&out, (d.plant)(&text)).unwrap();
            (out.to_str().unwrap().to_string(), d)
        })
        .collect()
}

/// The rules of a record's findings.
fn rules(record: &Value) -> Vec<&str> {
    record["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect()
}

#[test]
fn every_planted_defect_is_found_with_its_rule_and_changes_no_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut planted = plant(dir.path(), TEXT, &TEXT_DEFECTS);
    planted.extend(plant(dir.path(), PAGE, &PAGE_DEFECTS));
    let audit_csv = dir.path().join("audit.csv");
    let mut args = vec![
        "extract",
        "-q",
        "--jsonl",
        "-",
        "--audit-csv",
        audit_csv.to_str().unwrap(),
        TEXT,
        PAGE,
    ];
    args.extend(planted.iter().map(|(p, _)| p.as_str()));
    let out = govreport(&args);
    let got = records(&out);
    let (clean, defective) = got.split_at(2);
    assert_eq!(rules(&clean[0]), Vec::<&str>::new());
    assert_eq!(rules(&clean[1]), Vec::<&str>::new());
    for (record, (path, defect)) in defective.iter().zip(&planted) {
        let found = rules(record);
        assert!(found.contains(&defect.rule), "{path}: {found:?}");
        let expected: &[&str] = match defect.name {
            "no-part-five" => &["audit.section_missing", "audit.section_order"],
            _ => &[defect.rule],
        };
        assert!(
            found.iter().all(|r| expected.contains(r)),
            "{path}: {found:?}"
        );
        let base = if path.contains("bishui") {
            &clean[1]
        } else {
            &clean[0]
        };
        if defect.rule != "audit.table_missing" {
            assert_eq!(
                record["tables"], base["tables"],
                "{path}: a finding changes no value"
            );
        }
        if !["audit.table_missing", "audit.restatement"].contains(&defect.rule) {
            assert_eq!(record["status"], base["status"], "{path}: nor the status");
        }
    }
    let csv = fs::read_to_string(&audit_csv).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("source_path,agency,year,rule,path,page,message")
    );
    let findings: usize = got.iter().map(|r| rules(r).len()).sum();
    assert_eq!(lines.count(), findings, "{csv}");
    assert!(
        csv.contains("audit.table_missing,tables.review_litigation,"),
        "{csv}"
    );
}

#[test]
fn a_restatement_keeps_its_failed_check() {
    let dir = tempfile::tempdir().unwrap();
    let planted = plant(dir.path(), TEXT, &TEXT_DEFECTS[8..]);
    let got = records(&govreport(&[
        "extract",
        "-q",
        "--jsonl",
        "-",
        &planted[0].0,
    ]));
    let finding = &got[0]["audit"][0];
    assert_eq!(finding["path"], "tables.applications.rows.new_requests[6]");
    let check = got[0]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "narrative.agrees_with_tables" && c["status"] == "fail")
        .expect("the check stays");
    assert_eq!(check["message"], finding["message"]);
}

#[test]
fn restatements_in_converter_wording_give_no_false_failure() {
    let text = fs::read_to_string(TEXT).unwrap();
    let wording = "所有办结的信息公开申请中，同意公开答复 1470 件，同意部分公开答复 443 件；其中予以公开及部分公开 1913 件（43.89%），不予公开、无法提供、不予处理等 2140 件，办结 4358 件。";
    let text = swap(
        &text,
        "均在法定期限内予以答复。",
        &format!("均在法定期限内予以答复。{wording}"),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("converter.txt");
    fs::write(&path, text).unwrap();
    let got = records(&govreport(&[
        "extract",
        "-q",
        "--jsonl",
        "-",
        path.to_str().unwrap(),
    ]));
    let narrative: Vec<&Value> = got[0]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["rule"] == "narrative.agrees_with_tables")
        .collect();
    assert!(narrative.len() >= 6, "{narrative:#?}");
    assert!(
        narrative.iter().all(|c| c["status"] != "fail"),
        "{narrative:#?}"
    );
    assert_eq!(rules(&got[0]), Vec::<&str>::new());
    assert_eq!(got[0]["status"], "ok");
}

#[test]
fn the_committed_samples_carry_only_true_findings() {
    let mut with = Vec::new();
    for entry in fs::read_dir("golden").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let golden: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let audit = golden["audit"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: no audit", path.display()));
        if !audit.is_empty() {
            with.push(path.file_stem().unwrap().to_str().unwrap().to_string());
            assert_eq!(
                rules(&golden),
                ["audit.period_missing"],
                "{}",
                path.display()
            );
            assert_eq!(
                golden["report"]["period"],
                Value::Null,
                "{}",
                path.display()
            );
        }
    }
    with.sort();
    assert_eq!(
        with,
        ["baisha-2020-lo", "baisha-2020-lo-gs", "heping-2019-poor"]
    );
}

/// The `text_reuse` of the one consecutive pair `compare --json` finds among `files`.
fn reuse(files: &[&str]) -> Value {
    let out = govreport(&[&["compare", "--json"], files].concat());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs: Vec<&Value> = v["panel"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["pairs"].as_array().unwrap())
        .collect();
    assert_eq!(pairs.len(), 1, "{v}");
    pairs[0]["text_reuse"].clone()
}

#[test]
fn compare_finds_a_copy_with_the_year_changed_and_not_an_unrelated_report() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(TEXT).unwrap();
    let copy = dir.path().join("xinhe-2023.txt");
    fs::write(&copy, text.replace("2024", "2023").replace("2025", "2024")).unwrap();
    let r = reuse(&[copy.to_str().unwrap(), TEXT]);
    assert!(r["overall"].as_f64().unwrap() >= 0.95, "{r}");
    assert_eq!(r["sections"]["1"], 1.0, "{r}");
    let other = fs::read_to_string("samples/shiqiao-2017-poor.txt").unwrap();
    let title = other.lines().next().unwrap().to_string();
    let unrelated = dir.path().join("unrelated-2023.txt");
    fs::write(
        &unrelated,
        other.replacen(
            &title,
            "新河市住房公积金管理中心2023年政府信息公开工作年度报告",
            1,
        ),
    )
    .unwrap();
    let r = reuse(&[unrelated.to_str().unwrap(), TEXT]);
    assert!(r["overall"].as_f64().unwrap() <= 0.2, "{r}");
}
