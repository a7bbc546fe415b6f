//! Reports on 2008–2018: template `pre2019`, sections with topics, `tables.statistics`
//! with its checks and its CSV rows — on the generated pre-2019 samples; and topics on
//! every 2019+ sample.

mod common;

use common::{govreport, records};
use serde_json::Value;

const PRE2019: [&str; 9] = [
    "samples/anping-2016-lo.pdf",
    "samples/qinghe-2018-lo.pdf",
    "samples/shiqiao-2017-poor.txt",
    "samples/hexi-2013-html.html",
    "samples/liushui-2010-poor-gbk.txt",
    "samples/baima-2011-lo.pdf",
    "samples/songlin-2015-chromium.pdf",
    "samples/nanshan-2012-html.html",
    "samples/yanhe-2014-lo.pdf",
];

fn extract(paths: &[&str]) -> Vec<Value> {
    let mut args = vec!["extract", "-q", "--jsonl", "-"];
    args.extend(paths);
    records(&govreport(&args))
}

#[test]
fn pre2019_reports_have_no_national_tables_and_no_table_warnings() {
    for r in extract(&PRE2019) {
        let name = r["source"]["path"].as_str().unwrap_or_default().to_string();
        assert_eq!(r["report"]["template"], "pre2019", "{name}");
        for table in ["active_disclosure", "applications", "review_litigation"] {
            assert!(r["tables"][table].is_null(), "{name}: {table}");
        }
        let codes: Vec<&str> = r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|w| w["code"].as_str())
            .collect();
        // nanshan's 南山区 fits two divisions: a warning about its place, not its tables
        let expected = ["encoding", "region_ambiguous"];
        assert!(
            codes.iter().all(|c| expected.contains(c)),
            "{name}: {codes:?}"
        );
        let sections = r["sections"].as_array().unwrap();
        assert!((4..=9).contains(&sections.len()), "{name}");
        assert!(sections.iter().all(|s| s["topic"].is_string()), "{name}");
        let wrong = name.contains("qinghe");
        assert_eq!(r["status"], if wrong { "partial" } else { "ok" }, "{name}");
    }
}

#[test]
fn a_total_that_does_not_add_up_stays_as_printed_and_fails() {
    let r = &extract(&["samples/qinghe-2018-lo.pdf"])[0];
    let fail = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["rule"] == "statistics.parts_sum" && c["status"] == "fail" && c["path"].is_string()
        })
        .expect("a failed parts_sum equation");
    let path = fail["path"].as_str().unwrap();
    let row: usize = path["tables.statistics.rows[".len()..]
        .split(']')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let received = &r["tables"]["statistics"]["rows"][row];
    assert_eq!(received["key"], "applications.received");
    let parts: i64 = r["tables"]["statistics"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["parent"] == "收到申请数")
        .map(|p| p["values"][0].as_i64().unwrap())
        .sum();
    assert_eq!(received["values"][0].as_i64().unwrap(), parts + 3);
}

#[test]
fn statistics_rows_are_in_the_tidy_csv() {
    let dir = std::env::temp_dir().join(format!("govreport-pre2019-csv-{}", std::process::id()));
    let csv = dir.join("cells.csv");
    let out = govreport(&[
        "extract",
        "-q",
        "samples/hexi-2013-html.html",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&csv).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(",statistics,"))
        .collect();
    assert_eq!(rows.len(), 22 * 2, "two value columns of 22 rows");
    assert!(
        rows.iter()
            .any(|l| l.contains(",pre2019,statistics,applications.received,本期实际,"))
    );
    assert!(
        rows.iter()
            .any(|l| l.contains(",statistics,网站专栏页面访问量,本年累计,,")),
        "a blank cell keyed by its label"
    );
}

#[test]
fn reports_from_2019_on_have_the_six_topics_and_no_statistics() {
    let out = govreport(&["extract", "-q", "samples", "--jsonl", "-"]);
    let six = [
        "overview",
        "active",
        "applications",
        "review_litigation",
        "problems",
        "other",
    ];
    for r in records(&out) {
        if r["report"]["template"] == "pre2019" || r["status"] == "failed" {
            continue;
        }
        if !r["source"]["ocr"].is_null() {
            continue; // OCR text garbles headings: tests/ocr_layer.rs, tests/ocr.rs
        }
        let topics: Vec<&str> = r["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["topic"].as_str().unwrap())
            .collect();
        assert_eq!(topics, six, "{}", r["source"]["path"]);
        assert!(r["tables"]["statistics"].is_null());
    }
}
