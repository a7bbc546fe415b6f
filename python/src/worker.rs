//! The worker's side: a Python interpreter started by [`crate::settings::Settings::workers`]
//! serves extraction requests on its stdin, as `govreport worker` does.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::corrections::Given;
use crate::settings::Settings;

/// Serves requests until the parent closes stdin (the loop of `govreport worker`), applying
/// the corrections in the file `corrections` names, if any.
#[pyfunction]
#[pyo3(signature = (ocr, timeout, max_memory_mb, corrections))]
pub fn serve(
    py: Python<'_>,
    ocr: &str,
    timeout: u64,
    max_memory_mb: u64,
    corrections: Option<String>,
) -> PyResult<()> {
    let corrections = corrections.map(|f| Given::new("file", f)).transpose()?;
    let settings = Settings::new(None, ocr, timeout, max_memory_mb, corrections)?;
    // SAFETY: this interpreter was started (`python -c`) to run this call; only its main
    // thread runs.
    unsafe { govreport_read::ocr::engine::one_thread_per_recognition() };
    py.detach(|| govreport_app::worker::serve(&settings.options, max_memory_mb))
        .map_err(PyRuntimeError::new_err)
}
