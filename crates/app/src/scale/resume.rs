//! `--skip-existing`: an input whose record is already in the output folder, written by
//! this extractor version from the same bytes, is not read again; its record is reused.

use std::path::Path;

use crate::corrections::Corrections;
use crate::filehash;
use crate::input::Input;
use govreport_model::codes::ErrorCode;
use govreport_model::record::{Record, Status};

/// Failure codes that depend on the limits or the machine rather than on the file: such a
/// record is extracted again (perhaps the rerun has a longer `--timeout`).
const RETRIED: [ErrorCode; 3] = [ErrorCode::Timeout, ErrorCode::TooLarge, ErrorCode::Internal];

/// The record under `dir` for `input`, when it can stand for a new extraction: made by this
/// version from the same bytes, and (unless it failed) with the input's current rows of
/// `corrections`.
pub fn existing(dir: &Path, input: &Input, corrections: Option<&Corrections>) -> Option<Record> {
    let text = std::fs::read(dir.join(&input.output_name)).ok()?;
    let mut record: Record = serde_json::from_slice(&text).ok()?;
    let ours = record.extractor == govreport_model::record::Extractor::default();
    if !ours || record.errors.iter().any(|e| RETRIED.contains(&e.code)) {
        return None;
    }
    let (bytes, sha256) = filehash::size_and_sha256(&input.path)?;
    if record.source.sha256 != sha256 || record.source.bytes != bytes {
        return None;
    }
    let rows = corrections.and_then(|c| c.fingerprint(&sha256));
    if record.status != Status::Failed && record.source.corrections != rows {
        return None;
    }
    record.source.path = input.path.display().to_string();
    Some(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::record::Source;
    use std::path::PathBuf;

    fn setup(code: Option<ErrorCode>, version: &str) -> (tempfile::TempDir, Input) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "报告").unwrap();
        let (bytes, sha256) = filehash::size_and_sha256(&file).unwrap();
        let source = Source {
            path: "old/a.txt".into(),
            bytes,
            sha256,
            ..Source::default()
        };
        let mut record = match code {
            Some(code) => Record::failed(source, govreport_model::record::Failure::new(code, "x")),
            None => Record::new(source),
        };
        record.extractor.version = version.into();
        let text = serde_json::to_string(&record).unwrap();
        std::fs::write(dir.path().join("a.json"), text).unwrap();
        let input = Input {
            path: file,
            format: None,
            output_name: PathBuf::from("a.json"),
        };
        (dir, input)
    }

    #[test]
    fn a_record_of_the_same_bytes_and_version_is_reused_with_the_current_path() {
        let (dir, input) = setup(None, env!("CARGO_PKG_VERSION"));
        let record = existing(dir.path(), &input, None).expect("reused");
        assert_eq!(record.source.path, input.path.display().to_string());
    }

    #[test]
    fn changed_bytes_another_version_or_a_limit_failure_are_extracted_again() {
        let (dir, input) = setup(None, "0.0.0-other");
        assert!(existing(dir.path(), &input, None).is_none());
        let (dir, input) = setup(Some(ErrorCode::Timeout), env!("CARGO_PKG_VERSION"));
        assert!(existing(dir.path(), &input, None).is_none());
        let (dir, input) = setup(Some(ErrorCode::NotPdf), env!("CARGO_PKG_VERSION"));
        assert!(existing(dir.path(), &input, None).is_some());
        std::fs::write(&input.path, "报告 changed").unwrap();
        assert!(existing(dir.path(), &input, None).is_none());
    }
}
