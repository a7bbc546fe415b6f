//! Extraction as a Python iterator: the batch runs on its own thread and hands each record,
//! as the JSON Lines text `extract --jsonl` writes, in input order as soon as it is ready.

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::corrections::Given;
use crate::settings::Settings;
use govreport_app::input::discover;

/// What the batch thread sends: a record's JSON, or why the batch could not run.
type Message = Result<String, String>;

/// How often a wait gives Python the chance to handle a signal (Ctrl-C).
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// The records of a running batch, one JSON text each; dropping it stops the files not
/// yet started.
#[pyclass(module = "govreport._native")]
pub struct Records {
    /// Records from the batch thread.
    received: Mutex<Receiver<Message>>,
    /// How many corrections matched no input, once the batch is done (None before, or
    /// without corrections).
    unmatched: Arc<Mutex<Option<usize>>>,
}

#[pymethods]
impl Records {
    /// An iterator is its own iterator.
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next record's JSON, waiting for it without the GIL.
    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<String>> {
        let received = self
            .received
            .get_mut()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match wait(py, received)? {
            Some(Ok(record)) => Ok(Some(record)),
            Some(Err(e)) => Err(PyRuntimeError::new_err(e)),
            None => Ok(None),
        }
    }

    /// How many `corrections=` rows matched no input: None until the last record has
    /// been read, and without corrections.
    #[getter]
    fn unmatched(&self) -> Option<usize> {
        *self
            .unmatched
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Starts extracting the inputs under `paths` (walked as the CLI walks them; a missing
/// one is a `ValueError` with the CLI's message) and returns their records as they come;
/// `corrections` is `("file", path)` or `("csv", text)`, checked before any work.
#[pyfunction]
#[pyo3(signature = (paths, jobs, ocr, timeout, max_memory_mb, corrections=None))]
pub fn start(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    jobs: Option<usize>,
    ocr: &str,
    timeout: u64,
    max_memory_mb: u64,
    corrections: Option<(String, String)>,
) -> PyResult<Records> {
    let corrections = corrections
        .map(|(kind, value)| Given::new(&kind, value))
        .transpose()?;
    let settings = Settings::new(jobs, ocr, timeout, max_memory_mb, corrections)?;
    let inputs = py
        .detach(|| discover(&paths))
        .map_err(PyValueError::new_err)?;
    let workers = settings.workers(py)?;
    let (send, received) = mpsc::channel::<Message>();
    let unmatched = Arc::new(Mutex::new(None));
    let count = Arc::clone(&unmatched);
    let batch = move || {
        let corrections = settings.corrections;
        let mut seen = HashSet::new();
        let ran = govreport_app::batch::run(&inputs, &workers, settings.jobs, |_, _, done| {
            seen.insert(done.record.source.sha256.clone());
            let record = serde_json::to_string(&done.record).map_err(|e| e.to_string());
            match send.send(record) {
                Ok(()) => ControlFlow::Continue(()),
                Err(_) => ControlFlow::Break(()),
            }
        });
        if let Some(given) = &corrections {
            *count
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) =
                Some(given.rows.unmatched(&seen));
        }
        if let Err(e) = ran {
            let _ = send.send(Err(e));
        }
    };
    std::thread::Builder::new()
        .name("govreport-batch".into())
        .spawn(batch)
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start the batch thread: {e}")))?;
    Ok(Records {
        received: Mutex::new(received),
        unmatched,
    })
}

/// Waits for the next message without the GIL, checking for signals between short
/// waits (so Ctrl-C interrupts); None when the sender is gone.
pub fn wait<T: Send>(py: Python<'_>, received: &mut Receiver<T>) -> PyResult<Option<T>> {
    loop {
        // A `&mut` (not the `&` a plain closure would take) crosses threads: `Receiver` is
        // `Send` but not `Sync`.
        let receiver = &mut *received;
        match py.detach(move || receiver.recv_timeout(SIGNAL_CHECK)) {
            Ok(message) => return Ok(Some(message)),
            Err(RecvTimeoutError::Disconnected) => return Ok(None),
            Err(RecvTimeoutError::Timeout) => py.check_signals()?,
        }
    }
}
