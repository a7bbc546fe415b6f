//! Per-file worker processes: the binary re-executes itself as a hidden `worker`
//! subcommand (the Python module starts its own interpreter running [`serve`]) that
//! extracts one input at a time under a memory limit, so that one file can neither take
//! the machine's memory nor run on after its deadline (the parent kills it).
//!
//! Protocol, one JSON object per line: the parent writes a [`Request`] to the worker's
//! stdin, the worker answers with a [`Reply`] on its stdout; EOF on stdin ends the worker.

pub mod pool;

use std::io::{BufRead, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::filehash::hex;
use crate::input::{Format, Input};
use crate::pipeline::{Options, extract};

pub use pool::{Pool, Spec};

/// One input for a worker.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Request {
    /// The path's bytes in hex (paths need not be UTF-8: archives hold GBK names).
    pub path: String,
    /// The format the parent decided (None: sniffed from the content).
    pub format: Option<Format>,
}

impl Request {
    /// The request for one input.
    pub fn new(input: &Input) -> Request {
        let path = input.path.as_os_str().as_bytes();
        Request {
            path: hex(path),
            format: input.format,
        }
    }

    /// The input asked for (its output name is the parent's business).
    pub fn input(&self) -> Result<Input, String> {
        let hex = self.path.as_bytes();
        if !hex.len().is_multiple_of(2) {
            return Err("odd-length path".into());
        }
        let bytes = hex
            .chunks(2)
            .map(|pair| {
                std::str::from_utf8(pair)
                    .ok()
                    .and_then(|s| u8::from_str_radix(s, 16).ok())
                    .ok_or_else(|| "path is not hex".to_string())
            })
            .collect::<Result<Vec<u8>, String>>()?;
        Ok(Input {
            path: PathBuf::from(std::ffi::OsString::from_vec(bytes)),
            format: self.format,
            output_name: PathBuf::new(),
        })
    }
}

/// A worker's note, before its answer, that the file earned more time (pages read by OCR).
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Extend {
    /// Milliseconds added to the file's allowance.
    pub extend_ms: u64,
}

/// Writes an [`Extend`] note to the parent (stdout), for the OCR budget.
fn tell_parent(extra: std::time::Duration) {
    let note = Extend {
        extend_ms: extra.as_millis() as u64,
    };
    if let Ok(line) = serde_json::to_string(&note) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}").and_then(|()| out.flush());
    }
}

/// A worker's answer: the record, and the worker's resident memory after the file.
#[derive(Debug, Serialize, Deserialize)]
pub struct Reply<R> {
    /// Resident set size after the file, KiB (0 when unknown); big workers are retired.
    pub rss_kib: u64,
    /// The record.
    pub record: R,
}

/// Serves requests from stdin until EOF, with the data segment limited to
/// `max_memory_mb` MiB (an allocation past it aborts the worker, and the parent records
/// `too_large`).
pub fn serve(options: &Options, max_memory_mb: u64) -> Result<(), String> {
    exit_with_parent();
    let bytes = max_memory_mb.saturating_mul(1 << 20);
    rlimit::setrlimit(rlimit::Resource::DATA, bytes, bytes)
        .map_err(|e| format!("cannot limit the worker's memory: {e}"))?;
    govreport_read::ocr::budget::listen(tell_parent);
    let stdin = std::io::stdin().lock();
    for line in stdin.lines() {
        let line = line.map_err(|e| format!("worker cannot read its request: {e}"))?;
        let request: Request =
            serde_json::from_str(&line).map_err(|e| format!("bad worker request: {e}"))?;
        let extraction = extract(&request.input()?, options);
        let reply = Reply {
            rss_kib: resident_kib(),
            record: &extraction.record,
        };
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &reply).map_err(|e| format!("worker reply: {e}"))?;
        out.write_all(b"\n")
            .and_then(|()| out.flush())
            .map_err(|e| format!("worker reply: {e}"))?;
    }
    Ok(())
}

/// The environment variable in which the parent passes its process id to its workers.
pub const PARENT_ENV: &str = "GOVREPORT_PARENT";

/// Ends this worker soon after its parent dies (even by SIGKILL, mid-file, or before this
/// worker got going): a watch thread sees the worker re-parented.
fn exit_with_parent() {
    let parent = std::env::var(PARENT_ENV)
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(std::os::unix::process::parent_id);
    std::thread::spawn(move || {
        while std::os::unix::process::parent_id() == parent {
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        std::process::exit(1);
    });
}

/// This process's resident memory in KiB, from /proc (0 where there is none).
fn resident_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_carries_any_path_bytes_and_the_format() {
        let input = Input {
            path: PathBuf::from(std::ffi::OsString::from_vec(
                b"a/\xb9\xab\xbf\xaa\n.pdf".to_vec(),
            )),
            format: Some(Format::Pdf),
            output_name: PathBuf::from("x.json"),
        };
        let line = serde_json::to_string(&Request::new(&input)).unwrap();
        assert!(!line.contains('\n'));
        let back: Request = serde_json::from_str(&line).unwrap();
        let got = back.input().unwrap();
        assert_eq!((got.path, got.format), (input.path, input.format));
    }

    #[test]
    fn a_request_with_a_broken_path_is_an_error() {
        let request = Request {
            path: "6z".into(),
            format: None,
        };
        assert!(request.input().is_err());
    }
}
