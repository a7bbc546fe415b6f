//! The parent side: a pool of worker processes, one per batch thread, each sent one input
//! at a time; a worker past the file's deadline is killed, a dead one replaced.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{Reply, Request};
use crate::corrections::Corrections;
use crate::input::Input;
use crate::pipeline::Extraction;
use govreport_model::codes::ErrorCode;
use govreport_model::record::{Failure, Record, Source};

/// A worker is replaced after this many files, so that what it kept is given back.
const FILES_PER_WORKER: usize = 500;
/// A worker holding more than this after a file (KiB) is replaced at once.
const RETIRE_RSS_KIB: u64 = 384 << 10;
/// What a worker's last words say when an allocation failed: Rust's; leptonica's; and
/// Rust's abort on a C++ exception out of libtesseract, which in practice is `bad_alloc`.
const OUT_OF_MEMORY: [&str; 3] = [
    "memory allocation of",
    "malloc fail",
    "Rust cannot catch foreign exceptions",
];
/// How much of a worker's stderr is kept to explain its death.
const STDERR_TAIL: usize = 4096;

/// How to start workers and what bounds them.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The program that serves requests: the govreport binary, or the Python interpreter
    /// of the `govreport` module.
    pub program: PathBuf,
    /// Its arguments: `worker` and the command line whose options the worker takes, or the
    /// Python module's call of its worker loop.
    pub args: Vec<OsString>,
    /// Wall-clock time per file; the worker is killed past it (plus what it announces for
    /// pages read by OCR).
    pub timeout: Duration,
    /// Most time per file whatever the worker announces (`--max-timeout`).
    pub max_timeout: Duration,
    /// The worker's memory limit, MiB (named in `too_large` messages).
    pub max_memory_mb: u64,
    /// `--skip-existing`: the output folder whose records are reused when still valid.
    pub reuse: Option<PathBuf>,
    /// `--corrections`: a reused record must have been made with its input's current rows.
    pub corrections: Option<Arc<Corrections>>,
}

/// Worker processes shared by the batch threads (at most one per thread is busy).
pub struct Pool {
    spec: Spec,
    idle: Mutex<Vec<Worker>>,
}

impl Pool {
    /// A pool that starts workers as they are needed.
    pub fn new(spec: Spec) -> Pool {
        Pool {
            spec,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Extracts one input in a worker; a worker that dies or overruns gives a failed record.
    pub fn extract(&self, input: &Input) -> Extraction {
        if let Some(dir) = &self.spec.reuse
            && let Some(record) =
                crate::scale::resume::existing(dir, input, self.spec.corrections.as_deref())
        {
            return Extraction {
                record,
                lines: Vec::new(),
                table_rows: Vec::new(),
            };
        }
        let idle = self.idle.lock().map(|mut v| v.pop()).unwrap_or(None);
        let idle = idle.and_then(|mut w| w.alive().then_some(w));
        let mut worker = match idle.map_or_else(|| Worker::start(&self.spec), Ok) {
            Ok(w) => w,
            Err(e) => return failed(input, Failure::new(ErrorCode::Internal, e)),
        };
        let record = match worker.extract(input, &self.spec) {
            Ok(record) => record,
            Err(failure) => return failed(input, failure),
        };
        if worker.files < FILES_PER_WORKER
            && worker.rss_kib < RETIRE_RSS_KIB
            && let Ok(mut idle) = self.idle.lock()
        {
            idle.push(worker);
        }
        Extraction {
            record,
            lines: Vec::new(),
            table_rows: Vec::new(),
        }
    }
}

/// One worker process and the threads draining its output.
struct Worker {
    child: Child,
    stdin: Option<ChildStdin>,
    replies: Receiver<String>,
    stderr: Arc<Mutex<Vec<u8>>>,
    stderr_done: Receiver<()>,
    files: usize,
    rss_kib: u64,
}

impl Worker {
    /// Starts the worker program with its arguments.
    fn start(spec: &Spec) -> Result<Worker, String> {
        let mut child = Command::new(&spec.program)
            .args(&spec.args)
            .env(super::PARENT_ENV, std::process::id().to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start a worker process: {e}"))?;
        let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
            return Err("a worker process has no pipes".into());
        };
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let tail = Arc::new(Mutex::new(Vec::new()));
        let (done, stderr_done) = mpsc::channel();
        let keep = Arc::clone(&tail);
        std::thread::spawn(move || {
            keep_tail(stderr, &keep);
            let _ = done.send(());
        });
        Ok(Worker {
            stdin: child.stdin.take(),
            child,
            replies,
            stderr: tail,
            stderr_done,
            files: 0,
            rss_kib: 0,
        })
    }

    /// Whether the process still runs (an idle worker the system killed is replaced).
    fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Sends one input and waits for its record until the deadline, which moves on when
    /// the worker announces pages read by OCR (never past `max_timeout`).
    fn extract(&mut self, input: &Input, spec: &Spec) -> Result<Record, Failure> {
        let start = Instant::now();
        let mut deadline = start + spec.timeout;
        let mut line = serde_json::to_string(&Request::new(input)).map_err(|e| {
            Failure::new(
                ErrorCode::Internal,
                format!("cannot encode a worker request: {e}"),
            )
        })?;
        line.push('\n');
        let sent = self.stdin.as_mut().map(|s| s.write_all(line.as_bytes()));
        if !matches!(sent, Some(Ok(()))) {
            return Err(self.death(spec));
        }
        self.files += 1;
        loop {
            let wait = deadline.saturating_duration_since(Instant::now());
            match self.replies.recv_timeout(wait) {
                Ok(reply) => match serde_json::from_str::<super::Extend>(&reply) {
                    Ok(more) => {
                        let ceiling = start + spec.max_timeout.max(spec.timeout);
                        deadline = (deadline + Duration::from_millis(more.extend_ms)).min(ceiling);
                    }
                    Err(_) => return self.answer(&reply),
                },
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    let secs = (deadline - start).as_secs_f64().round();
                    let message = format!(
                        "reading the file took longer than its {secs} s (--timeout, plus --ocr-page-timeout for each page read by OCR); its worker was stopped"
                    );
                    return Err(Failure::new(ErrorCode::Timeout, message));
                }
                Err(RecvTimeoutError::Disconnected) => return Err(self.death(spec)),
            }
        }
    }

    /// The record in a worker's reply.
    fn answer(&mut self, reply: &str) -> Result<Record, Failure> {
        let reply: Reply<Record> = serde_json::from_str(reply).map_err(|e| {
            Failure::new(ErrorCode::Internal, format!("unreadable worker reply: {e}"))
        })?;
        self.rss_kib = reply.rss_kib;
        Ok(reply.record)
    }

    /// Why the worker ended without answering.
    fn death(&mut self, spec: &Spec) -> Failure {
        let status = self.child.wait();
        let _ = self.stderr_done.recv_timeout(Duration::from_secs(1));
        let tail = self.stderr.lock().map(|t| t.clone()).unwrap_or_default();
        let tail = String::from_utf8_lossy(&tail);
        let budget = spec.max_memory_mb;
        if OUT_OF_MEMORY.iter().any(|m| tail.contains(m)) || killed(&status) {
            let message = format!(
                "reading the file needs more than the {budget} MiB of memory a worker may use \
                 (--max-memory-mb); raise it only for files you trust"
            );
            return Failure::new(ErrorCode::TooLarge, message);
        }
        let last = tail.lines().rev().find(|l| !l.trim().is_empty());
        let how = status.map_or_else(|e| e.to_string(), |s| s.to_string());
        let message = format!(
            "the worker process reading this file ended unexpectedly ({how}{}); \
             please report it with the file",
            last.map(|l| format!(": {l}")).unwrap_or_default()
        );
        Failure::new(ErrorCode::Internal, message)
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.stdin.take();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Killed by SIGKILL that we did not send: the kernel's out-of-memory killer.
fn killed(status: &std::io::Result<ExitStatus>) -> bool {
    use std::os::unix::process::ExitStatusExt;
    matches!(status, Ok(s) if s.signal() == Some(9))
}

/// Reads a stream to its end, keeping its last [`STDERR_TAIL`] bytes in `tail`.
fn keep_tail(mut stream: impl Read, tail: &Mutex<Vec<u8>>) {
    let mut buf = [0u8; 4096];
    while let Ok(n) = stream.read(&mut buf) {
        if n == 0 {
            break;
        }
        if let Ok(mut tail) = tail.lock() {
            tail.extend_from_slice(&buf[..n]);
            let over = tail.len().saturating_sub(STDERR_TAIL);
            tail.drain(..over);
        }
    }
}

/// A failed record for an input whose worker gave none, with the file's size and hash.
fn failed(input: &Input, failure: Failure) -> Extraction {
    let mut source = Source {
        path: input.path.display().to_string(),
        format: input.format,
        ..Source::default()
    };
    if let Some((bytes, sha256)) = crate::filehash::size_and_sha256(&input.path) {
        source.bytes = bytes;
        source.sha256 = sha256;
    }
    Extraction {
        record: Record::failed(source, failure),
        lines: Vec::new(),
        table_rows: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A pool whose "worker" is the shell script `body`, and an input for it.
    fn pool(dir: &std::path::Path, body: &str, timeout: Duration) -> (Pool, Input) {
        let program = dir.join("worker.sh");
        std::fs::write(&program, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        let file = dir.join("a.pdf");
        std::fs::write(&file, "%PDF-1.4").unwrap();
        let spec = Spec {
            program,
            args: Vec::new(),
            timeout,
            max_timeout: Duration::from_secs(3),
            max_memory_mb: 77,
            reuse: None,
            corrections: None,
        };
        let input = Input {
            path: file,
            format: None,
            output_name: PathBuf::from("a.json"),
        };
        (Pool::new(spec), input)
    }

    /// `pool.extract`, tried again while the script cannot be started because another test
    /// thread's fork still holds it open for writing (`Text file busy`, a race of the test
    /// harness's threads, not of the pool).
    fn extract(pool: &Pool, input: &Input) -> Extraction {
        for _ in 0..50 {
            let got = pool.extract(input);
            let busy = got.record.errors.first();
            if !busy.is_some_and(|e| e.message.contains("os error 26")) {
                return got;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        pool.extract(input)
    }

    fn code(extraction: &Extraction) -> &str {
        extraction.record.errors[0].code.as_str()
    }

    #[test]
    fn a_worker_that_never_answers_is_killed_at_the_deadline() {
        let dir = tempfile::tempdir().unwrap();
        let (pool, input) = pool(dir.path(), "exec sleep 30", Duration::from_millis(300));
        let started = Instant::now();
        let got = extract(&pool, &input);
        assert_eq!(code(&got), "timeout");
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(
            got.record.source.bytes, 8,
            "the failed record has the file's size"
        );
    }

    #[test]
    fn a_worker_announcing_ocr_pages_gets_their_time_up_to_the_ceiling() {
        let dir = tempfile::tempdir().unwrap();
        let wait = "read line; echo '{\"extend_ms\":1000}'; sleep 0.6; echo '{\"rss_kib\":1,\"record\":{}}'";
        let (patient, input) = pool(dir.path(), wait, Duration::from_millis(300));
        let got = extract(&patient, &input);
        // The reply came 0.6 s in, past --timeout but within the time announced: it was
        // waited for (and, being no record, is an internal error, not a timeout).
        assert_eq!(code(&got), "internal");
        assert!(
            got.record.errors[0]
                .message
                .contains("unreadable worker reply")
        );
        let greedy = "read line; echo '{\"extend_ms\":600000}'; exec sleep 30";
        let (pool, input) = pool(dir.path(), greedy, Duration::from_millis(300));
        let started = Instant::now();
        let got = extract(&pool, &input);
        assert_eq!(code(&got), "timeout");
        let took = started.elapsed();
        assert!(
            took >= Duration::from_secs(3) && took < Duration::from_secs(6),
            "{took:?}"
        );
    }

    #[test]
    fn a_worker_out_of_memory_gives_too_large_naming_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let script = "read line; echo 'memory allocation of 99 bytes failed' >&2; kill -ABRT $$";
        let (pool, input) = pool(dir.path(), script, Duration::from_secs(10));
        let got = extract(&pool, &input);
        assert_eq!(code(&got), "too_large");
        let message = &got.record.errors[0].message;
        assert!(message.contains("77 MiB") && message.contains("--max-memory-mb"));
    }

    #[test]
    fn a_worker_that_crashes_gives_internal_with_its_last_words() {
        let dir = tempfile::tempdir().unwrap();
        let script = "read line; echo 'thread main has overflowed its stack' >&2; exit 3";
        let (pool, input) = pool(dir.path(), script, Duration::from_secs(10));
        let got = extract(&pool, &input);
        assert_eq!(code(&got), "internal");
        let message = &got.record.errors[0].message;
        assert!(
            message.contains("overflowed its stack") && message.contains('3'),
            "{message}"
        );
    }
}
