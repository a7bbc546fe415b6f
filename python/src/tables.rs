//! What is made from records: the tidy CSV (`extract --csv`) and the comparison
//! (`compare --json`), from records given as JSON or dicts and from report or record files.

use std::path::PathBuf;
use std::sync::mpsc;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::corrections::Given;
use crate::settings::Settings;
use crate::stream::wait;
use govreport_app::compare::{Comparison, load};
use govreport_app::output::csv::TidyWriter;
use govreport_model::record::Record;

/// The tidy CSV of records given as JSON texts, exactly as `extract --csv` writes it.
#[pyfunction]
pub fn tidy_csv(py: Python<'_>, records: Vec<String>) -> PyResult<String> {
    py.detach(|| write_csv(&records))
        .map_err(PyValueError::new_err)
}

/// The CSV text; a text that is no record is an error naming its position.
fn write_csv(records: &[String]) -> Result<String, String> {
    let mut out = Vec::new();
    let mut writer = TidyWriter::new(&mut out).map_err(|e| e.to_string())?;
    for (i, text) in records.iter().enumerate() {
        let record: Record = serde_json::from_str(text)
            .map_err(|e| format!("records[{i}] is not a govreport record: {e}"))?;
        writer.write(&record).map_err(|e| e.to_string())?;
    }
    writer.flush().map_err(|e| e.to_string())?;
    drop(writer);
    String::from_utf8(out).map_err(|e| e.to_string())
}

/// The `compare --json` document of `items`: records (dicts) and paths (reports, which are
/// extracted, record files, folders), read as the command reads its arguments; the
/// reports extracted take `corrections` (as [`crate::stream::start`] does).
#[pyfunction]
#[pyo3(signature = (items, jobs, ocr, timeout, max_memory_mb, corrections=None))]
pub fn compare(
    py: Python<'_>,
    items: Vec<Bound<'_, PyAny>>,
    jobs: Option<usize>,
    ocr: &str,
    timeout: u64,
    max_memory_mb: u64,
    corrections: Option<(String, String)>,
) -> PyResult<String> {
    let corrections = corrections
        .map(|(kind, value)| Given::new(&kind, value))
        .transpose()?;
    let settings = Settings::new(jobs, ocr, timeout, max_memory_mb, corrections)?;
    let mut sources = Vec::new();
    for (i, item) in items.iter().enumerate() {
        sources.extend(source(py, i, item)?);
    }
    let workers = settings.workers(py)?;
    let (send, mut received) = mpsc::channel();
    std::thread::spawn(move || {
        let _file = settings.corrections;
        let loaded = load::load(&sources, &workers, settings.jobs, || {});
        let document = loaded.and_then(|loaded| {
            serde_json::to_string_pretty(&Comparison::new(loaded)).map_err(|e| e.to_string())
        });
        let _ = send.send(document);
    });
    match wait(py, &mut received)? {
        Some(document) => document.map_err(PyRuntimeError::new_err),
        None => Err(PyRuntimeError::new_err(
            "the comparison stopped unexpectedly",
        )),
    }
}

/// What one item is: a record (a dict, named `records[i]` in messages) or a path, which
/// the command line's rules expand (the Python side has checked the types).
fn source(py: Python<'_>, i: usize, item: &Bound<'_, PyAny>) -> PyResult<Vec<load::Source>> {
    if item.is_instance_of::<PyDict>() {
        let json = py.import("json")?.call_method1("dumps", (item,))?;
        return Ok(vec![load::Source::Given(
            format!("records[{i}]"),
            json.extract()?,
        )]);
    }
    let path: PathBuf = item.extract()?;
    Ok(load::discover(&[path]))
}
