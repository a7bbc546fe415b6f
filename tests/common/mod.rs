//! Helpers shared by the integration tests: the binary, the corpus, temporary folders.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the built `govreport` binary with `args` in the crate root.
pub fn govreport(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the govreport binary runs")
}

/// A file of the shared reference corpus, or None (after saying why) when it is absent.
pub fn corpus(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(rel);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is absent (the shared corpus is not next to this clone)",
            path.display()
        );
        None
    }
}

/// The records a `--jsonl -` run printed.
pub fn records(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON record"))
        .collect()
}

/// Extensions read through LibreOffice.
pub const CONVERTED: [&str; 4] = ["doc", "wps", "odt", "rtf"];

/// Whether LibreOffice runs (`$GOVREPORT_SOFFICE`, else `soffice`); says why when not.
pub fn soffice_available() -> bool {
    let program = std::env::var("GOVREPORT_SOFFICE").unwrap_or_else(|_| "soffice".into());
    let ok = Command::new(&program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!(
            "skipped: the .doc/.wps/.odt/.rtf samples, as {program} (LibreOffice) does not run here (apt-get install libreoffice-writer-nogui)"
        );
    }
    ok
}

/// The committed samples (`samples/<file>`, sorted), without those LibreOffice must
/// convert when it is not installed.
pub fn sample_files() -> Vec<String> {
    let soffice = soffice_available();
    let mut files: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"))
            .expect("samples/ is readable")
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| {
                let ext = name
                    .rsplit('.')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                soffice || !CONVERTED.contains(&ext.as_str())
            })
            .map(|name| format!("samples/{name}"))
            .collect();
    files.sort();
    files
}

/// Every table cell under `v` (a record's `tables`, at path `at`): path → value; `printed`
/// maps and statistics `columns` are not cells.
pub fn cells(
    v: &serde_json::Value,
    at: String,
    out: &mut std::collections::BTreeMap<String, serde_json::Value>,
) {
    use serde_json::Value;
    match v {
        Value::Object(m) => m
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "printed" | "columns"))
            .for_each(|(k, x)| cells(x, format!("{at}.{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| cells(x, format!("{at}[{i}]"), out)),
        _ => {
            out.insert(at, v.clone());
        }
    }
}
