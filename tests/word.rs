//! Word-processor inputs end to end: hostile `.docx` files, files whose extension lies,
//! LibreOffice missing or too slow, and `.wps` through LibreOffice.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{govreport, records};
use serde_json::Value;

fn zip_of(name: &str, data: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file(name, opts).unwrap();
    w.write_all(data).unwrap();
    w.finish().unwrap().into_inner()
}

/// Runs `extract --jsonl -` with `GOVREPORT_SOFFICE` set to `soffice` (None: unchanged).
fn extract_with(soffice: Option<&Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_govreport"));
    cmd.args(["extract", "-q", "--jsonl", "-"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    if let Some(s) = soffice {
        cmd.env("GOVREPORT_SOFFICE", s);
    }
    cmd.output().unwrap()
}

fn by_name(records: &[Value]) -> std::collections::HashMap<String, &Value> {
    records
        .iter()
        .map(|r| {
            let path = r["source"]["path"].as_str().unwrap();
            let name = Path::new(path).file_name().unwrap().to_string_lossy();
            (name.into_owned(), r)
        })
        .collect()
}

#[test]
fn hostile_word_files_get_one_record_each_and_liars_are_read_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("bomb.docx"),
        zip_of("word/document.xml", &vec![b' '; 3 << 20]),
    )
    .unwrap();
    let deep = "<w:sdt>".repeat(100_000) + &"</w:sdt>".repeat(100_000);
    let xml = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{deep}</w:body></w:document>"
    );
    fs::write(
        d.join("deep.docx"),
        zip_of("word/document.xml", xml.as_bytes()),
    )
    .unwrap();
    let good = fs::read("samples/tongshan-2022-word.docx").unwrap();
    fs::write(d.join("corrupt.docx"), &good[..good.len() / 3]).unwrap();
    fs::write(d.join("not-word.docx"), zip_of("content.xml", b"<x/>")).unwrap();
    fs::copy(
        "samples/tongshan-2022-chromium.pdf",
        d.join("really-a-pdf.doc"),
    )
    .unwrap();
    fs::copy("samples/bishui-2023-html.html", d.join("really-a-page.DOC")).unwrap();
    fs::copy(
        "samples/tongshan-2022-word.docx",
        d.join("really-a-docx.wps"),
    )
    .unwrap();
    fs::copy("samples/nanhu-2023-handmade.docx", d.join("good.docx")).unwrap();
    let start = Instant::now();
    let out = extract_with(None, &["--max-stream-mb", "1", d.to_str().unwrap()]);
    assert!(start.elapsed() < Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(2));
    let recs = records(&out);
    assert_eq!(recs.len(), 8, "one record per file");
    let r = by_name(&recs);
    let code = |n: &str| r[n]["errors"][0]["code"].as_str().unwrap_or("").to_string();
    assert_eq!(code("bomb.docx"), "too_large");
    assert!(
        r["bomb.docx"]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("--max-stream-mb")
    );
    assert_eq!(code("deep.docx"), "too_large");
    assert_eq!(code("corrupt.docx"), "truncated");
    assert_eq!(code("not-word.docx"), "unsupported_format");
    for (name, format) in [
        ("really-a-pdf.doc", "pdf"),
        ("really-a-page.DOC", "html"),
        ("really-a-docx.wps", "docx"),
        ("good.docx", "docx"),
    ] {
        assert_eq!(r[name]["status"], "ok", "{name}: {}", r[name]["errors"]);
        assert_eq!(r[name]["source"]["format"], format, "{name}");
    }
    assert!(r["good.docx"]["source"]["pages"].is_null());
    assert!(r["good.docx"]["source"].get("converted_by").is_none());
}

#[test]
fn without_libreoffice_a_doc_fails_naming_the_package_and_a_docx_is_still_read() {
    let out = extract_with(
        Some(Path::new("/nonexistent/soffice")),
        &[
            "samples/fengling-2021-lo.doc",
            "samples/xishan-2020-lo.docx",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let recs = records(&out);
    assert_eq!(recs[0]["status"], "failed");
    assert_eq!(recs[0]["source"]["format"], "doc");
    assert_eq!(recs[0]["errors"][0]["code"], "unsupported_format");
    let message = recs[0]["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("apt-get install libreoffice-writer-nogui"),
        "{message}"
    );
    assert_eq!(recs[1]["status"], "ok");
}

#[test]
fn a_conversion_past_the_time_limit_is_killed_and_fails_with_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("soffice");
    let hung = dir.path().join("hung.pid");
    // answers --version like LibreOffice, then hangs in a child process on a conversion
    let script = format!(
        "#!/bin/sh\n[ \"$1\" = --version ] && {{ echo 'LibreOffice 9.9.1.1 x'; exit 0; }}\nsleep 60 & echo $! > {}\nwait\n",
        hung.display()
    );
    fs::write(&fake, script).unwrap();
    Command::new("chmod").arg("+x").arg(&fake).status().unwrap();
    let start = Instant::now();
    let out = extract_with(
        Some(&fake),
        &["--timeout", "1", "samples/dongpu-2025-lo.odt"],
    );
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "killed at the deadline"
    );
    let rec = &records(&out)[0];
    assert_eq!(rec["errors"][0]["code"], "timeout", "{rec}");
    let message = rec["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("LibreOffice"),
        "the worker's own stop: {message}"
    );
    assert_eq!(rec["source"]["format"], "odt");
    // the converter's child is killed with its group, not left behind by the worker
    let pid = fs::read_to_string(&hung).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let stat = fs::read_to_string(Path::new("/proc").join(pid.trim()).join("stat"));
    let running = stat.is_ok_and(|s| !s.rsplit(')').next().unwrap_or("").starts_with(" Z"));
    assert!(!running, "the hung conversion {} still runs", pid.trim());
}

#[test]
#[ignore = "needs LibreOffice (libreoffice-writer-nogui; CI installs it and runs --include-ignored)"]
fn a_wps_file_is_converted_by_libreoffice_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // a .wps from WPS Office is an OLE2 compound file like a .doc; with no WPS Office here
    // to write one, a renamed .doc stands in for it
    let wps = dir.path().join("report.wps");
    fs::copy("samples/fengling-2021-lo.doc", &wps).unwrap();
    let out = govreport(&["extract", "-q", "--jsonl", "-", wps.to_str().unwrap()]);
    let rec = &records(&out)[0];
    assert_eq!(rec["status"], "ok", "{}", rec["errors"]);
    assert_eq!(rec["source"]["format"], "wps");
    assert!(rec["source"]["pages"].is_null());
    let by = rec["source"]["converted_by"].as_str().unwrap();
    assert!(by.starts_with("LibreOffice "), "{by}");
}

#[test]
fn compare_and_the_batch_page_take_word_files_like_any_other_input() {
    let docx = "samples/nanhu-2023-handmade.docx";
    let pdf = "samples/nanhu-2023-stsong.pdf";
    let out = govreport(&["compare", "--json", docx, pdf]);
    let json: Value = serde_json::from_slice(&out.stdout).expect("compare --json");
    let duplicate = &json["panel"]["groups"][0]["duplicates"][0];
    assert_eq!(duplicate["files"], serde_json::json!([docx, pdf]), "{json}");
    assert_eq!(duplicate["cells_differ"], 0, "the .docx reads as its PDF");
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("batch.html");
    let out = govreport(&["extract", "-q", "--html", page.to_str().unwrap(), docx]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = fs::read_to_string(&page).unwrap();
    assert!(html.contains("nanhu-2023-handmade.docx") && html.contains("南湖区"));
}
