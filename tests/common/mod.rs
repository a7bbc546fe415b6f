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
