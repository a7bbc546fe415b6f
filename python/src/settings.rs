//! The options every entry point takes (`jobs`, `ocr`, `timeout`, `max_memory_mb`, the
//! command line's `-j`, `--ocr`, `--timeout`, `--max-memory-mb`), and the worker processes
//! they start: this Python interpreter, importing this module and running its loop; and
//! `corrections=` (`--corrections`), which the workers load from a file.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::corrections::Given;
use govreport_app::pipeline::Options;
use govreport_app::worker::Spec;
use govreport_model::limits::Limits;

/// What a worker interpreter runs: this module from the folder the parent imported it from,
/// then its loop (`_native.serve`, the `worker` module) with the options that follow.
const WORKER: &str = "import sys; sys.path.insert(0, sys.argv[1]); \
    from govreport import _native; \
    _native.serve(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] or None)";

/// Checked options for one call.
pub struct Settings {
    /// Batch threads, each driving one worker (0: every core).
    pub jobs: usize,
    /// `--ocr` as given (passed on to the workers).
    ocr: String,
    /// Seconds per file.
    timeout: u64,
    /// A worker's memory limit, MiB.
    pub max_memory_mb: u64,
    /// The extraction options they make.
    pub options: Options,
    /// `corrections=`, checked; its file stays while a clone of this is held.
    pub corrections: Option<Given>,
}

impl Settings {
    /// Checks the options; a bad `ocr` is a `ValueError` with the command line's message.
    pub fn new(
        jobs: Option<usize>,
        ocr: &str,
        timeout: u64,
        max_memory_mb: u64,
        corrections: Option<Given>,
    ) -> PyResult<Self> {
        let mode = ocr.parse().map_err(PyValueError::new_err)?;
        let limits = Limits {
            timeout: Duration::from_secs(timeout),
            max_memory_bytes: max_memory_mb << 20,
            ..Limits::default()
        };
        Ok(Settings {
            jobs: jobs.unwrap_or(0),
            ocr: ocr.to_string(),
            timeout,
            max_memory_mb,
            options: Options {
                limits,
                ocr: mode,
                corrections: corrections.as_ref().map(|c| Arc::clone(&c.rows)),
            },
            corrections,
        })
    }

    /// Worker processes: `sys.executable -c WORKER` with the folder holding the `govreport`
    /// package and these options (the corrections as their file's path, or empty), bound by `timeout` (plus the default OCR allowance up to
    /// the default `--max-timeout`) and `max_memory_mb` like the CLI's.
    pub fn workers(&self, py: Python<'_>) -> PyResult<Spec> {
        let python: Option<PathBuf> = py.import("sys")?.getattr("executable")?.extract()?;
        let python = python
            .filter(|p| !p.as_os_str().is_empty())
            .ok_or_else(|| {
                PyRuntimeError::new_err(
                    "cannot start worker processes: sys.executable does not name this Python",
                )
            })?;
        let args = [
            OsString::from("-c"),
            WORKER.into(),
            package_folder(py)?.into_os_string(),
            self.ocr.clone().into(),
            self.timeout.to_string().into(),
            self.max_memory_mb.to_string().into(),
            self.corrections
                .as_ref()
                .map_or_else(OsString::new, |c| c.file.clone().into_os_string()),
        ];
        Ok(Spec {
            program: python,
            args: args.to_vec(),
            timeout: Duration::from_secs(self.timeout),
            max_timeout: self.options.limits.max_timeout,
            max_memory_mb: self.max_memory_mb,
            reuse: None,
            corrections: self.options.corrections.clone(),
        })
    }
}

/// The folder that holds the imported `govreport` package (its `sys.path` entry).
fn package_folder(py: Python<'_>) -> PyResult<PathBuf> {
    let file: PathBuf = py
        .import("govreport._native")?
        .getattr("__file__")?
        .extract()?;
    file.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .ok_or_else(|| PyRuntimeError::new_err("cannot tell where govreport is installed"))
}
