//! `govreport._native`, the Rust half of the Python module `govreport`: extraction in
//! worker processes streamed as JSON records, the tidy CSV, compare, and the workers' loop.
//! The Python half (`python/govreport/__init__.py`) turns the JSON into dicts and tables.

mod corrections;
mod settings;
mod stream;
mod tables;
mod worker;

use pyo3::prelude::*;

/// The extension module; `__version__` is the workspace's, as in every record's `extractor`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("TIDY_HEADER", govreport_app::output::csv::HEADER.to_vec())?;
    m.add_class::<stream::Records>()?;
    m.add_function(wrap_pyfunction!(stream::start, m)?)?;
    m.add_function(wrap_pyfunction!(tables::tidy_csv, m)?)?;
    m.add_function(wrap_pyfunction!(tables::compare, m)?)?;
    m.add_function(wrap_pyfunction!(worker::serve, m)?)?;
    Ok(())
}
