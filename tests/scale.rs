//! Batches past one machine: file lists, shards and resuming a killed batch.

mod common;

use common::{govreport, records};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every file under `dir` (relative name → bytes).
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walk(dir)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(&p).unwrap(),
            )
        })
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// How many running processes were started with `dir` on their command line.
fn workers_of(dir: &Path) -> usize {
    let needle = dir.display().to_string();
    fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| fs::read(e.ok()?.path().join("cmdline")).ok())
        .filter(|cmdline| String::from_utf8_lossy(cmdline).contains(&needle))
        .count()
}

#[test]
fn a_file_list_skips_blank_lines_and_comments_and_a_missing_path_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.txt");
    let text = "# reports to read\n\nsamples/chengbei-2023-poor.txt\n   \nno/such/report.pdf\r\n# end\nsamples/qinglan-2023-lo.pdf\n";
    fs::write(&list, text).unwrap();
    let out = govreport(&[
        "extract",
        "-q",
        "--files-from",
        list.to_str().unwrap(),
        "--jsonl",
        "-",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found = records(&out);
    let paths: Vec<&str> = found
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "samples/chengbei-2023-poor.txt",
            "no/such/report.pdf",
            "samples/qinglan-2023-lo.pdf"
        ]
    );
    assert_eq!(found[1]["status"], "failed");
    assert_eq!(found[1]["errors"][0]["code"], "unreadable");
    assert_ne!(found[0]["status"], "failed");
    assert_ne!(found[2]["status"], "failed");
}

#[test]
fn shards_together_write_what_one_run_writes() {
    let dir = tempfile::tempdir().unwrap();
    let run = |extra: &[&str], name: &str| {
        let jsonl = dir.path().join(format!("{name}.jsonl"));
        let csv = dir.path().join(format!("{name}.csv"));
        let mut args = vec![
            "extract",
            "-q",
            "samples",
            "--jsonl",
            jsonl.to_str().unwrap(),
        ];
        args.extend(["--csv", csv.to_str().unwrap()]);
        args.extend(extra);
        govreport(&args);
        let lines = |p: &Path| {
            fs::read_to_string(p)
                .unwrap()
                .lines()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        (lines(&jsonl), lines(&csv))
    };
    let (whole_jsonl, whole_csv) = run(&[], "whole");
    let (mut jsonl, mut csv) = (Vec::new(), Vec::new());
    for k in 1..=3 {
        let (j, c) = run(&["--shard", &format!("{k}/3")], &format!("shard{k}"));
        assert!(
            !j.is_empty() && j.len() < whole_jsonl.len(),
            "shard {k} holds {}",
            j.len()
        );
        jsonl.extend(j);
        csv.extend(c.into_iter().skip(1));
    }
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(sorted(jsonl), sorted(whole_jsonl));
    assert_eq!(sorted(csv), sorted(whole_csv.into_iter().skip(1).collect()));
}

#[test]
fn a_batch_killed_midway_and_resumed_ends_with_the_same_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let args = |out: &Path| -> Vec<String> {
        let o = out.display();
        ["extract", "-q", "-j1", "samples", "-o", &o.to_string()]
            .into_iter()
            .map(String::from)
            .chain([
                format!("--jsonl={o}/all.jsonl"),
                format!("--csv={o}/cells.csv"),
            ])
            .collect()
    };
    let whole = dir.path().join("whole");
    govreport(&args(&whole).iter().map(String::as_str).collect::<Vec<_>>());

    let resumed = dir.path().join("resumed");
    let mut child = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args(args(&resumed))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while resumed.is_dir() && walk(&resumed).len() < 12 || !resumed.is_dir() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the batch never got going"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let gone = Instant::now();
    while workers_of(&resumed) > 0 {
        assert!(
            gone.elapsed() < Duration::from_secs(5),
            "workers outlive their batch"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let before = walk(&resumed).len();
    assert!(
        before < tree(&whole).len(),
        "killed before the end ({before} files)"
    );

    let mut again = args(&resumed);
    again.push("--skip-existing".into());
    govreport(&again.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(tree(&resumed), tree(&whole));
}

#[test]
fn a_file_list_on_stdin_adds_to_the_arguments_and_may_name_a_folder() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("more");
    fs::create_dir(&sub).unwrap();
    fs::copy("samples/chengbei-2023-poor.txt", sub.join("a.txt")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args([
            "extract",
            "-q",
            "samples/qinglan-2023-lo.pdf",
            "--files-from",
            "-",
        ])
        .args(["--jsonl", "-"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let list = format!("# a folder\n{}\n", sub.display());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let found = records(&out);
    let paths: Vec<&str> = found
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "samples/qinglan-2023-lo.pdf",
            &sub.join("a.txt").display().to_string()
        ]
    );
}

#[test]
fn skip_existing_reuses_a_valid_record_instead_of_reading_the_file_again() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let input = "samples/qinglan-2023-lo.pdf";
    let o = out.to_str().unwrap();
    govreport(&["extract", "-q", input, "-o", o]);
    let path = out.join("qinglan-2023-lo.json");
    let mut record: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    record["report"]["title"] = "marked by the test".into();
    fs::write(&path, serde_json::to_string_pretty(&record).unwrap()).unwrap();
    let again = govreport(&[
        "extract",
        "-q",
        input,
        "-o",
        o,
        "--skip-existing",
        "--jsonl",
        "-",
    ]);
    assert_eq!(records(&again)[0]["report"]["title"], "marked by the test");
    let fresh = govreport(&["extract", "-q", input, "-o", o, "--jsonl", "-"]);
    assert_ne!(records(&fresh)[0]["report"]["title"], "marked by the test");
}
