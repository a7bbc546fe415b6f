//! `govreport extract` end to end: records, outputs, exit codes and isolation of bad files.

mod common;

use common::{corpus, govreport, records};
use std::fs;

const HEADINGS: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

#[test]
fn hongze_2023_gives_title_agency_year_period_and_sections() {
    let Some(path) = corpus("real/hongze-2023.pdf") else {
        return;
    };
    let out = govreport(&["extract", "-q", "--jsonl", "-", path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = &records(&out)[0];
    assert_eq!(
        r["report"]["title"],
        "洪泽区人民政府2023年政府信息公开工作年度报告"
    );
    assert_eq!(r["report"]["agency"], "洪泽区人民政府");
    assert_eq!(r["report"]["year"], 2023);
    assert_eq!(r["report"]["period"]["start"], "2023-01-01");
    assert_eq!(r["report"]["period"]["end"], "2023-12-31");
    assert_eq!(r["source"]["pages"], 5);
    let headings: Vec<&str> = r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["heading"].as_str().unwrap())
        .collect();
    assert_eq!(headings, HEADINGS);
}

#[test]
fn a_broken_file_fails_alone_and_the_batch_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a-broken.pdf"),
        b"<html><body>404 Not Found</body></html>",
    )
    .unwrap();
    fs::write(dir.path().join("b-empty.pdf"), b"").unwrap();
    fs::write(dir.path().join("c-page.html"), b"<html></html>").unwrap();
    let text = "某县人民政府\n2022年政府信息公开工作年度报告\n一、总体情况\n本年度……\n";
    fs::write(dir.path().join("d-good.txt"), text).unwrap();
    let out_dir = dir.path().join("out");
    let out = govreport(&[
        "extract",
        "-q",
        dir.path().to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
        "--jsonl",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(r.len(), 4, "one record per input, in input order");
    assert_eq!(r[0]["status"], "failed");
    assert_eq!(r[0]["errors"][0]["code"], "not_pdf");
    assert_eq!(r[1]["errors"][0]["code"], "not_pdf");
    assert_eq!(r[2]["errors"][0]["code"], "not_a_report");
    assert_eq!(r[3]["status"], "partial");
    assert_eq!(r[3]["report"]["year"], 2022);
    for name in [
        "a-broken.json",
        "b-empty.json",
        "c-page.json",
        "d-good.json",
    ] {
        assert!(out_dir.join(name).is_file(), "{name} written");
    }
}

#[test]
fn output_name_clashes_are_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["x", "y"] {
        fs::create_dir(dir.path().join(sub)).unwrap();
        fs::write(dir.path().join(sub).join("r.txt"), "一、总体情况\n").unwrap();
    }
    let out_dir = dir.path().join("out");
    let x = dir.path().join("x/r.txt");
    let y = dir.path().join("y/r.txt");
    let out = govreport(&[
        "extract",
        x.to_str().unwrap(),
        y.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("clash"));
    assert!(!out_dir.exists(), "nothing was written");
}

#[test]
fn the_csv_keeps_what_a_cell_printed() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cells.csv");
    let sample = "samples/tongshan-2022-chromium.pdf";
    let out = govreport(&[
        "extract",
        "-q",
        sample,
        "-o",
        dir.path().to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = fs::read_to_string(csv).unwrap();
    for end in [
        ",active_disclosure,regulations,issued,,/",
        ",applications,other_overdue_fee,other_organization,,—",
        ",applications,denied_state_secret,commercial_enterprise,,",
    ] {
        assert!(
            text.lines().any(|l| l.ends_with(end)),
            "no row ending {end}"
        );
    }
}

#[test]
fn the_csv_has_its_header_and_one_row_per_cell() {
    let Some(path) = corpus("real/hongze-2023.pdf") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("new-folder/cells.csv");
    let out = govreport(&[
        "extract",
        "-q",
        path.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = fs::read_to_string(csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "source_path,agency,region_code,agency_level,year,template,table,row,column,value,printed"
    );
    assert_eq!(lines.len(), 1 + 10 + 23 * 7 + 15);
    assert!(lines.iter().any(|l| {
        l.ends_with(",320813,county,2023,2021,applications,new_requests,natural_person,21,")
    }));
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with(",active_disclosure,administrative_fees,amount,7730.28,"))
    );
}

#[test]
fn the_corpus_matches_goldens_written_by_reading_the_documents() {
    let (Some(hongze), Some(seed)) = (
        corpus("real/hongze-2023.pdf"),
        corpus("seed/000_2395ce83fb86712e.txt"),
    ) else {
        return;
    };
    let out = govreport(&[
        "check",
        "-q",
        hongze.to_str().unwrap(),
        seed.to_str().unwrap(),
        "--golden",
        "tests/corpus_golden",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("2/2 files match"), "{stdout}");
}

#[test]
fn text_shows_the_reconstructed_rows() {
    let Some(seed) = corpus("seed/000_2395ce83fb86712e.txt") else {
        return;
    };
    let out = govreport(&["text", seed.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("table rows as reconstructed"));
    assert!(stdout.contains("denied_state_secret"));
}

#[test]
fn a_reader_that_stops_early_ends_the_batch_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args(["extract", "-q", "samples", "--jsonl", "-"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn with_no_output_option_records_go_to_stdout_and_the_summary_to_stderr() {
    let out = govreport(&["extract", "samples/nanhu-2023-stsong.pdf"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = records(&out);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["source"]["path"], "samples/nanhu-2023-stsong.pdf");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 files: 1 ok"), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("files:"));
}

#[test]
fn browser_print_stamps_stay_out_of_sections_and_facts() {
    for sample in [
        "samples/wangjiang-2024-chromium-stamped.pdf",
        "samples/heyang-czj-2025-chromium-stamped.pdf",
    ] {
        let out = govreport(&["extract", "-q", sample]);
        let r = &records(&out)[0];
        let text = serde_json::to_string(&r["sections"]).unwrap();
        for stamp in ["file:", "ﬁle:", ".html", "AM", "PM"] {
            assert!(!text.contains(stamp), "{sample}: {stamp} in the sections");
        }
        let title = r["report"]["title"].as_str().unwrap();
        assert!(
            !text.contains(title),
            "{sample}: the header's page title in the sections"
        );
        // The dates, counts and policies are the goldens' (which list every one, so a
        // stamp's date would be a difference): checked by tests/samples.rs.
    }
}
