//! Bounded memory and real stops: PDFs of millions of tiny objects, built at test time,
//! run in worker processes under `--max-memory-mb` and `--timeout`.

mod common;

use common::{govreport, records};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;

/// Writes a valid PDF with one empty page and `n` unused objects, with a correct xref
/// (the shape of `bench/many_objects.py`).
fn many_objects(path: &Path, n: usize) {
    objects_file(path, n, false);
}

/// Writes `many_objects`, but the last object's xref entry points at the one before it: a
/// file the lazy reader leaves to lopdf's full load, which takes seconds of CPU.
fn slow_to_load(path: &Path, n: usize) {
    objects_file(path, n, true);
}

/// Writes a one-page PDF of `n` unused objects; `shadowed` repeats the last but one
/// offset in the xref.
fn objects_file(path: &Path, n: usize, shadowed: bool) {
    let mut out = BufWriter::new(File::create(path).unwrap());
    let head = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut offsets = Vec::with_capacity(n + 3);
    let mut pos = 0;
    let mut put = |out: &mut BufWriter<File>, text: String| {
        out.write_all(text.as_bytes()).unwrap();
        pos += text.len();
        pos
    };
    put(&mut out, "%PDF-1.4\n".into());
    for i in 1..n + 4 {
        let body = match head.get(i - 1) {
            Some(h) => h.to_string(),
            None => format!("<< /Filler {i} /Kind /Unused >>"),
        };
        offsets.push(put(&mut out, String::new()));
        put(&mut out, format!("{i} 0 obj\n{body}\nendobj\n"));
    }
    let xref = put(&mut out, String::new());
    if shadowed {
        offsets[n + 2] = offsets[n + 1];
    }
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", n + 4);
    for o in offsets {
        table.push_str(&format!("{o:010} 00000 n \n"));
    }
    table.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        n + 4
    ));
    put(&mut out, table);
    out.flush().unwrap();
}

fn code(record: &serde_json::Value) -> &str {
    record["errors"][0]["code"].as_str().unwrap_or("")
}

#[test]
fn a_small_many_object_file_is_read_normally() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.pdf");
    many_objects(&path, 1000);
    let out = govreport(&["extract", "-q", path.to_str().unwrap(), "--jsonl", "-"]);
    let found = records(&out);
    assert_eq!(code(&found[0]), "no_text_layer", "{}", found[0]);
    assert_eq!(found[0]["source"]["pages"], 1);
}

#[test]
fn files_of_millions_of_objects_fail_within_the_budget_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    many_objects(&dir.path().join("objects-1.5m.pdf"), 1_500_000);
    many_objects(&dir.path().join("objects-4m.pdf"), 4_000_000);
    for name in ["qinglan-2023-lo.pdf", "chengbei-2023-poor.txt"] {
        fs::copy(Path::new("samples").join(name), dir.path().join(name)).unwrap();
    }
    let out = govreport(&[
        "extract",
        "-q",
        "-j2",
        "--max-memory-mb",
        "1024",
        dir.path().to_str().unwrap(),
        "--jsonl",
        "-",
    ]);
    let found = records(&out);
    assert_eq!(found.len(), 4, "{}", String::from_utf8_lossy(&out.stderr));
    let is_big = |r: &serde_json::Value| r["source"]["path"].as_str().unwrap().contains("objects");
    for record in found.iter().filter(|r| is_big(r)) {
        let message = record["errors"][0]["message"].as_str().unwrap();
        assert_eq!(code(record), "too_large", "{record}");
        assert!(message.contains("--max-memory-mb"), "{message}");
        assert_eq!(record["source"]["sha256"].as_str().unwrap().len(), 64);
    }
    for record in found.iter().filter(|r| !is_big(r)) {
        assert_ne!(record["status"], "failed", "{record}");
    }
}

#[test]
fn a_timed_out_file_stops_using_cpu() {
    let dir = tempfile::tempdir().unwrap();
    let slow = dir.path().join("slow.pdf");
    slow_to_load(&slow, 4_000_000);
    // bash's `times` prints the CPU time of every process it waited for (govreport and,
    // through it, its workers): the loading of 4 M objects takes several seconds of CPU
    // unless the worker is stopped at the deadline.
    let script =
        r#""$0" extract -q -j1 --timeout 1 --max-memory-mb 16384 "$1" --jsonl "$2"; times"#;
    let jsonl = dir.path().join("out.jsonl");
    let out = Command::new("bash")
        .args(["-c", script, env!("CARGO_BIN_EXE_govreport")])
        .arg(&slow)
        .arg(&jsonl)
        .output()
        .unwrap();
    let record: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&jsonl).unwrap()).unwrap();
    assert_eq!(code(&record), "timeout", "{record}");
    let times = String::from_utf8_lossy(&out.stdout);
    let children = times.lines().nth(1).expect("times prints two lines");
    let cpu: f64 = children
        .split_whitespace()
        .map(|t| {
            let (m, s) = t.split_once('m').unwrap();
            m.parse::<f64>().unwrap() * 60.0 + s.trim_end_matches('s').parse::<f64>().unwrap()
        })
        .sum();
    assert!(
        cpu < 2.5,
        "the work went on after the deadline: {cpu} s CPU ({children})"
    );
}

#[test]
fn any_input_past_the_memory_budget_fails_too_large_and_its_worker_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a-big.txt"),
        "一、总体情况\n".repeat(1_500_000),
    )
    .unwrap();
    fs::copy(
        "samples/chengbei-2023-poor.txt",
        dir.path().join("b-good.txt"),
    )
    .unwrap();
    let out = govreport(&[
        "extract",
        "-q",
        "-j1",
        "--max-memory-mb",
        "48",
        dir.path().to_str().unwrap(),
        "--jsonl",
        "-",
    ]);
    let found = records(&out);
    assert_eq!(found.len(), 2, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(code(&found[0]), "too_large", "{}", found[0]);
    let message = found[0]["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("48 MiB") && message.contains("--max-memory-mb"),
        "{message}"
    );
    assert_ne!(found[1]["status"], "failed", "{}", found[1]);
}

/// Processes whose command line holds `needle` and the word `worker`.
fn workers_with(needle: &str) -> usize {
    fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| fs::read(e.ok()?.path().join("cmdline")).ok())
        .map(|c| String::from_utf8_lossy(&c).into_owned())
        .filter(|c| c.contains(needle) && c.contains("worker"))
        .count()
}

#[test]
fn a_worker_stops_when_its_batch_is_killed_mid_file() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let slow = dir.path().join("slow.pdf");
    slow_to_load(&slow, 4_000_000);
    let mut parent = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args([
            "extract",
            "-q",
            "-j1",
            "--max-memory-mb",
            "16384",
            "--timeout",
            "600",
        ])
        .arg(&slow)
        .args(["--jsonl", "/dev/null"])
        .spawn()
        .unwrap();
    let needle = slow.display().to_string();
    let started = Instant::now();
    while workers_with(&needle) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no worker started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    parent.kill().unwrap();
    parent.wait().unwrap();
    let killed = Instant::now();
    while workers_with(&needle) > 0 {
        let waited = killed.elapsed();
        assert!(
            waited < Duration::from_secs(2),
            "the worker still runs {waited:?} later"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
