//! Reading `compare`'s inputs: records (`.json`, `.jsonl`, folders of them) as they are,
//! report files extracted on the fly through the batch, in parallel.

use std::io::BufRead;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Entry;
use crate::input::{Format, Input};
use crate::worker::Spec;
use govreport_model::record::{Record, Status};

/// An input that gave no usable record.
#[derive(Debug, Clone, Serialize)]
pub struct Unreadable {
    /// The file (with `:line` for a line of a JSON Lines file).
    pub path: String,
    /// Why.
    pub message: String,
}

/// What one argument expands to.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A record file: one JSON record (`true`: named directly, not found in a folder).
    Json(PathBuf, bool),
    /// A JSON Lines file: one record per line (`true`: named directly).
    Jsonl(PathBuf, bool),
    /// A report to extract.
    Report(Input),
    /// A record's JSON text given in memory (by the Python module), named for messages.
    Given(String, String),
    /// An argument or folder entry that cannot be read, and why.
    Missing(String, String),
}

/// Expands arguments: files as given (`.json`, `.jsonl` are records, anything else a
/// report), folders walked in path order for records and reports (other files skipped).
/// A path that does not exist or cannot be walked is kept as [`Source::Missing`].
pub fn discover(args: &[PathBuf]) -> Vec<Source> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            for entry in walkdir::WalkDir::new(arg)
                .follow_links(true)
                .sort_by_file_name()
            {
                match entry {
                    Ok(e) if e.file_type().is_file() => out.extend(classify(e.path(), false)),
                    Ok(_) => {}
                    Err(e) => {
                        let at = e.path().unwrap_or(arg).display().to_string();
                        out.push(Source::Missing(at, format!("cannot read: {e}")));
                    }
                }
            }
        } else if arg.is_file() {
            out.extend(classify(arg, true));
        } else {
            let why = "no such file or folder".to_string();
            out.push(Source::Missing(arg.display().to_string(), why));
        }
    }
    out
}

fn classify(path: &Path, named: bool) -> Option<Source> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("json") => Some(Source::Json(path.to_path_buf(), named)),
        Some("jsonl") => Some(Source::Jsonl(path.to_path_buf(), named)),
        _ => {
            let format = Format::from_path(path);
            (named || format.is_some()).then(|| {
                Source::Report(Input {
                    path: path.to_path_buf(),
                    format,
                    output_name: PathBuf::from("report.json"),
                })
            })
        }
    }
}

/// The number of reports to extract among the sources (for a progress bar).
pub fn reports(sources: &[Source]) -> usize {
    sources
        .iter()
        .filter(|s| matches!(s, Source::Report(_)))
        .count()
}

/// Everything read: entries and failures, each with the position of its input.
#[derive(Default)]
pub struct Loaded {
    /// Usable records, in input order.
    pub entries: Vec<Entry>,
    /// Inputs that gave no usable record, in input order.
    pub unreadable: Vec<Unreadable>,
    /// JSON files found in folders that are not records (a manifest, a config): skipped.
    pub skipped: Vec<String>,
}

/// What one record source gave.
enum Read {
    Entry(Box<Entry>),
    Bad(Unreadable),
    /// JSON in a folder without a `govreport/` schema.
    NotRecord(String),
}

/// Reads every source: record files here, reports on `jobs` threads; `done` is called
/// after each report (for a progress bar).
pub fn load(
    sources: &[Source],
    workers: &Spec,
    jobs: usize,
    mut done: impl FnMut(),
) -> Result<Loaded, String> {
    let mut found: Vec<(usize, Read)> = Vec::new();
    let mut reports = Vec::new();
    for (at, source) in sources.iter().enumerate() {
        match source {
            Source::Json(path, named) => found.push((at, read_json(path, *named))),
            Source::Jsonl(path, named) => {
                found.extend(read_jsonl(path, *named).into_iter().map(|r| (at, r)));
            }
            Source::Report(input) => reports.push((at, input.clone())),
            Source::Given(name, text) => found.push((at, parse(text, name, true))),
            Source::Missing(path, message) => found.push((
                at,
                Read::Bad(Unreadable {
                    path: path.clone(),
                    message: message.clone(),
                }),
            )),
        }
    }
    let inputs: Vec<Input> = reports.iter().map(|(_, i)| i.clone()).collect();
    crate::batch::run(&inputs, workers, jobs, |i, _, extraction| {
        let read = match usable(&extraction.record, true) {
            Ok(entry) => Read::Entry(Box::new(entry)),
            Err(bad) => Read::Bad(bad),
        };
        found.push((reports[i].0, read));
        done();
        ControlFlow::Continue(())
    })?;
    found.sort_by_key(|(at, _)| *at);
    let mut loaded = Loaded::default();
    for (_, result) in found {
        match result {
            Read::Entry(entry) => loaded.entries.push(*entry),
            Read::Bad(bad) => loaded.unreadable.push(bad),
            Read::NotRecord(path) => loaded.skipped.push(path),
        }
    }
    Ok(loaded)
}

/// A failed record is an input that could not be read; any other becomes an entry (see
/// [`Entry::of`] for `regions_written`).
fn usable(record: &Record, regions_written: bool) -> Result<Entry, Unreadable> {
    if record.status == Status::Failed {
        let errors = record.errors.iter();
        let message: Vec<String> = errors
            .map(|e| format!("{}: {}", e.code, e.message))
            .collect();
        return Err(Unreadable {
            path: record.source.path.clone(),
            message: format!("the record failed ({})", message.join("; ")),
        });
    }
    Ok(Entry::of(record, regions_written))
}

/// One record from its JSON text, read as a [`Record`] (whose fields added since a record
/// was written take their defaults). JSON without a `govreport/` schema found in a folder
/// (`named` false) is not a record and is skipped.
fn parse(text: &str, at: &str, named: bool) -> Read {
    let bad = |message: String| {
        Read::Bad(Unreadable {
            path: at.to_string(),
            message,
        })
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return bad(format!("not JSON: {e}")),
    };
    let schema = value["schema"].as_str().unwrap_or_default();
    if !named && !schema.starts_with("govreport/") {
        return Read::NotRecord(at.to_string());
    }
    // The one thing the type cannot tell: `report.region` absent (written before regions)
    // rather than null (not placed).
    let regions_written = value["report"].get("region").is_some();
    let record = match Record::deserialize(value) {
        Ok(record) => record,
        Err(e) => return bad(format!("not a govreport record: {e}")),
    };
    match usable(&record, regions_written) {
        Ok(entry) => Read::Entry(Box::new(entry)),
        Err(e) => Read::Bad(e),
    }
}

fn cannot_read(at: String, e: std::io::Error) -> Read {
    Read::Bad(Unreadable {
        path: at,
        message: format!("cannot read: {e}"),
    })
}

fn read_json(path: &Path, named: bool) -> Read {
    let at = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &at, named),
        Err(e) => cannot_read(at, e),
    }
}

/// Every line of a JSON Lines file, read one at a time (the file is never held whole).
fn read_jsonl(path: &Path, named: bool) -> Vec<Read> {
    let shown = path.display();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return vec![cannot_read(shown.to_string(), e)],
    };
    let lines = std::io::BufReader::new(file).lines().enumerate();
    lines
        .filter(|(_, l)| l.as_ref().map_or(true, |l| !l.trim().is_empty()))
        .map(|(n, line)| {
            let at = format!("{shown}:{}", n + 1);
            match line {
                Ok(line) => parse(&line, &at, named),
                Err(e) => cannot_read(at, e),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_reports_and_other_files_are_told_apart() {
        let got = classify(Path::new("a/r.JSON"), false);
        assert_eq!(got, Some(Source::Json("a/r.JSON".into(), false)));
        assert!(matches!(
            classify(Path::new("a/r.jsonl"), true),
            Some(Source::Jsonl(_, true))
        ));
        assert!(matches!(
            classify(Path::new("a/r.pdf"), false),
            Some(Source::Report(_))
        ));
        assert_eq!(classify(Path::new("a/notes.md"), false), None);
        assert!(matches!(
            classify(Path::new("a/notes.md"), true),
            Some(Source::Report(_))
        ));
    }

    #[test]
    fn a_line_that_is_not_a_record_is_unreadable_with_its_line_number() {
        let Read::Bad(err) = parse("{\"schema\": 1}", "x.jsonl:3", true) else {
            panic!("a named file that is not a record is unreadable");
        };
        assert_eq!(err.path, "x.jsonl:3");
        assert!(
            err.message.contains("not a govreport record"),
            "{}",
            err.message
        );
        let skipped = parse("{\"samples\": []}", "dir/manifest.json", false);
        assert!(matches!(skipped, Read::NotRecord(p) if p == "dir/manifest.json"));
    }

    /// A record as an older govreport wrote it: no region, agency level, kind or key, no
    /// audit, `source.format` `""`, `cells` one entry per cell, and a check whose path was
    /// edited by hand into no known form.
    fn older() -> Value {
        let mut record = Record::new(Default::default());
        record.status = Status::Partial;
        record.report.agency = Some("淮安市洪泽区人民政府".into());
        record.report.year = Some(2019);
        let mut json = serde_json::to_value(&record).unwrap();
        let report = json["report"].as_object_mut().unwrap();
        for field in ["region", "agency_level", "agency_kind", "agency_key"] {
            report.remove(field);
        }
        json.as_object_mut().unwrap().remove("audit");
        json["source"]["path"] = "old.pdf".into();
        json["source"]["format"] = "".into();
        json["tables"]["applications"] = serde_json::json!({"rows": {"granted": [1, 2]}});
        json["checks"] = serde_json::json!([{"rule": "applications.balance", "status": "fail",
            "message": "edited", "path": "tables.applications.rows.granted[01]"}]);
        json["cells"] = serde_json::json!({"tables.applications.rows.granted[0]":
            {"page": 2, "box": [1, 2, 3, 4], "source": "ocr"}});
        json
    }

    #[test]
    fn a_record_an_older_version_wrote_is_read_and_its_body_placed_again() {
        let Read::Entry(entry) = parse(&older().to_string(), "old.json", false) else {
            panic!("an older record is read");
        };
        assert_eq!(entry.path, "old.pdf");
        assert_eq!(entry.region_code.as_deref(), Some("320813"));
        assert_eq!(entry.key.as_deref(), Some("320813:人民政府"));
        assert_eq!(entry.status, "partial");
        let granted: Vec<_> = entry.cells.iter().map(|c| c.value.clone()).collect();
        assert_eq!(granted, [Some(1.into()), Some(2.into())]);
    }

    #[test]
    fn a_failed_record_is_unreadable_and_a_null_region_is_not_placed_again() {
        let mut json = older();
        json["report"]["region"] = Value::Null;
        let Read::Entry(entry) = parse(&json.to_string(), "old.json", true) else {
            panic!("a record with a null region is read");
        };
        assert_eq!(
            (entry.region_code, entry.key.as_deref()),
            (None, Some("淮安市洪泽区人民政府"))
        );
        json["status"] = "failed".into();
        json["errors"] = serde_json::json!([{"code": "encrypted", "message": "locked"}]);
        let Read::Bad(bad) = parse(&json.to_string(), "old.json", true) else {
            panic!("a failed record is unreadable");
        };
        assert_eq!(bad.path, "old.pdf");
        assert_eq!(bad.message, "the record failed (encrypted: locked)");
    }
}
