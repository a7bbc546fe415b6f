//! `corrections=`: a person's readings of table cells (`extract --corrections`), given as a
//! CSV file's path or as CSV text, checked whole before any work (a `ValueError` naming the
//! line) and handed to the worker processes as a file.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use tempfile::NamedTempFile;

use govreport_app::corrections::Corrections;

/// Checked corrections and the file the workers load them from.
#[derive(Clone)]
pub struct Given {
    /// The rows, to count those that matched no input.
    pub rows: Arc<Corrections>,
    /// The CSV file the workers read (the caller's, or one written from the text given).
    pub file: PathBuf,
    /// The file written from CSV text, removed when the last holder is done with it.
    _written: Option<Arc<NamedTempFile>>,
}

impl Given {
    /// From the Python side's `(kind, value)`: `("file", path)` or `("csv", text)`.
    pub fn new(kind: &str, value: String) -> PyResult<Given> {
        match kind {
            "file" => {
                let file = std::path::absolute(&value)
                    .map_err(|e| PyValueError::new_err(format!("corrections file {value}: {e}")))?;
                let rows = Corrections::load(&file).map_err(PyValueError::new_err)?;
                Ok(Given {
                    rows: Arc::new(rows),
                    file,
                    _written: None,
                })
            }
            "csv" => {
                let rows = Corrections::parse(value.as_bytes())
                    .map_err(|e| PyValueError::new_err(format!("corrections: {e}")))?;
                let written = write(&value)?;
                Ok(Given {
                    rows: Arc::new(rows),
                    file: written.path().to_path_buf(),
                    _written: Some(Arc::new(written)),
                })
            }
            _ => Err(PyValueError::new_err(format!(
                "unknown kind of corrections {kind:?}"
            ))),
        }
    }
}

/// The CSV text in a temporary file for the workers.
fn write(text: &str) -> PyResult<NamedTempFile> {
    let failed = |e: std::io::Error| {
        PyRuntimeError::new_err(format!("cannot write the corrections for the workers: {e}"))
    };
    let mut file = tempfile::Builder::new()
        .prefix("govreport-corrections-")
        .suffix(".csv")
        .tempfile()
        .map_err(failed)?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(failed)?;
    Ok(file)
}
