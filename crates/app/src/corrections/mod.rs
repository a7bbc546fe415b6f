//! `--corrections FILE`: a person's readings of table cells, `sha256,path,value,note` (more
//! columns ignored), checked whole before any work and applied to the record of the input
//! whose bytes have that sha256 (see [`apply`]).

pub mod apply;
pub mod paths;
pub mod warnings;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::Number;
use sha2::{Digest, Sha256};

use crate::filehash::hex;
use govreport_model::record::number;
use govreport_model::template::CellPath;

/// One row of the file: set the cell at `path` of the input with `sha256` to `value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// The 1-based line of the file it was read from.
    pub line: u64,
    /// SHA-256 of the input's bytes, lowercase hex.
    pub sha256: String,
    /// The cell's record path, e.g. `tables.applications.rows.granted[0]`.
    pub path: CellPath,
    /// The value; None for a blank cell.
    pub value: Option<Number>,
    /// Why (free text, may be empty).
    pub note: String,
}

/// A whole corrections file, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corrections {
    rows: Vec<Correction>,
}

impl Corrections {
    /// Reads and checks a corrections file; the error names the line at fault.
    pub fn load(path: &Path) -> Result<Corrections, String> {
        let text = std::fs::read(path)
            .map_err(|e| format!("cannot read the corrections file {}: {e}", path.display()))?;
        Corrections::parse(&text).map_err(|e| format!("corrections file {}: {e}", path.display()))
    }

    /// Parses the CSV text of a corrections file (a header row naming `sha256`, `path` and
    /// `value`, optionally `note`).
    pub fn parse(text: &[u8]) -> Result<Corrections, String> {
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text);
        let header = reader
            .headers()
            .map_err(|e| format!("line 1: {e}"))?
            .clone();
        let column = |name: &str| header.iter().position(|h| h.trim() == name);
        let (Some(sha), Some(at), Some(value)) =
            (column("sha256"), column("path"), column("value"))
        else {
            return Err(
                "line 1: the header row must name the columns sha256, path and value (and may name note)"
                    .into(),
            );
        };
        let note = column("note");
        let known = paths::known();
        let mut rows: Vec<Correction> = Vec::new();
        let mut seen: HashMap<(String, CellPath), u64> = HashMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| e.to_string())?;
            let line = record.position().map_or(0, |p| p.line());
            let field = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
            let row = correction(
                line,
                field(Some(sha)),
                field(Some(at)),
                field(Some(value)),
                &known,
            )?;
            let row = Correction {
                note: field(note).to_string(),
                ..row
            };
            let key = (row.sha256.clone(), row.path.clone());
            if let Some(first) = seen.insert(key, line) {
                return Err(format!(
                    "line {line}: {} is corrected already on line {first}",
                    row.path
                ));
            }
            rows.push(row);
        }
        Ok(Corrections { rows })
    }

    /// The rows for the input with these bytes, in file order.
    pub fn of(&self, sha256: &str) -> Vec<&Correction> {
        self.rows.iter().filter(|r| r.sha256 == sha256).collect()
    }

    /// A digest of the rows for one input (None when it has none): a record made with other
    /// rows is out of date (`--skip-existing`).
    pub fn fingerprint(&self, sha256: &str) -> Option<String> {
        let rows = self.of(sha256);
        if rows.is_empty() {
            return None;
        }
        let mut hasher = Sha256::new();
        for r in rows {
            let value = r.value.as_ref().map(Number::to_string).unwrap_or_default();
            hasher.update(format!("{}\t{value}\t{}\n", r.path, r.note).as_bytes());
        }
        Some(hex(&hasher.finalize()))
    }

    /// How many rows name none of the given inputs' sha256s.
    pub fn unmatched(&self, inputs: &HashSet<String>) -> usize {
        self.rows
            .iter()
            .filter(|r| !inputs.contains(&r.sha256))
            .count()
    }

    /// Whether the file has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// One row checked: a 64-digit hex sha256, a path naming a table cell, a number or blank.
fn correction(
    line: u64,
    sha256: &str,
    path: &str,
    value: &str,
    known: &HashSet<CellPath>,
) -> Result<Correction, String> {
    if sha256.len() != 64 || !sha256.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "line {line}: {sha256:?} is not a sha256 (64 hexadecimal digits, as in a record's source.sha256)"
        ));
    }
    let path = CellPath::parse(path);
    if !known.contains(&path) && !matches!(path, CellPath::StatisticsCell(..)) {
        return Err(format!(
            "line {line}: {path:?} names no table cell (paths as in checks, e.g. tables.applications.rows.granted[0])"
        ));
    }
    let value = match value {
        "" => None,
        v => Some(number(v).ok_or_else(|| {
            format!("line {line}: the value {v:?} is not a number (write digits, e.g. 12 or 3.5, or leave it blank for an empty cell)")
        })?),
    };
    Ok(Correction {
        line,
        sha256: sha256.to_ascii_lowercase(),
        path,
        value,
        note: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA: &str = "c112a0ee3f3b1b3a7b25c7e9c1e0f5e3a2f83c0e1d6d5c4b3a2918f7e6d5c4b3";

    fn parse(body: &str) -> Result<Corrections, String> {
        Corrections::parse(format!("sha256,path,value,note\n{body}").as_bytes())
    }

    #[test]
    fn rows_are_read_with_numbers_blanks_and_notes() {
        let c = parse(&format!(
            "{SHA},tables.applications.rows.granted[0],12,seen on page 3\n{SHA},tables.review_litigation.administrative_review.total,,\n{SHA},tables.statistics.rows[4].values[0],3.5,\n"
        ))
        .unwrap();
        let rows = c.of(SHA);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].value, Some(12.into()));
        assert_eq!(rows[0].note, "seen on page 3");
        assert_eq!(rows[1].value, None);
        assert_eq!(rows[2].line, 4);
        assert!(c.fingerprint(SHA).is_some() && c.fingerprint("x").is_none());
    }

    #[test]
    fn a_malformed_row_is_refused_with_its_line() {
        let bad_path = parse(&format!("{SHA},tables.applications.rows.granted[9],1,\n"));
        assert!(bad_path.unwrap_err().starts_with("line 2: "));
        let bad_sha = parse("abc,tables.applications.rows.granted[0],1,\n");
        assert!(bad_sha.unwrap_err().contains("not a sha256"));
        let bad_value = parse(&format!(
            "{SHA},tables.applications.rows.granted[0],1,\n{SHA},tables.applications.rows.granted[1],twelve,\n"
        ));
        assert!(bad_value.unwrap_err().starts_with("line 3: the value"));
        let twice = parse(&format!(
            "{SHA},tables.applications.rows.granted[0],1,\n{SHA},tables.applications.rows.granted[0],2,\n"
        ));
        assert!(twice.unwrap_err().contains("already on line 2"));
        let headless =
            Corrections::parse(format!("{SHA},tables.applications.rows.granted[0],1\n").as_bytes());
        assert!(headless.unwrap_err().starts_with("line 1: the header row"));
    }
}
