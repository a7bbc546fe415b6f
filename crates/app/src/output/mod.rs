//! Outputs: pretty JSON per input, JSON Lines, the tidy CSV, the audit and review CSVs, and
//! the golden diff.

pub mod audit_csv;
pub mod csv;
pub mod golden;
pub mod review;

use std::fs;
use std::io::Write;
use std::path::Path;

use govreport_model::record::Record;

/// Writes one pretty-printed record to `dir/name`, creating folders as needed; atomically
/// (a `.NAME.tmp` file beside it, then renamed), so a killed batch leaves no half record.
pub fn write_json(dir: &Path, name: &Path, record: &Record) -> std::io::Result<()> {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut text = pretty(record)?;
    text.push('\n');
    let mut temp = std::ffi::OsString::from(".");
    temp.push(path.file_name().unwrap_or_default());
    temp.push(".tmp");
    let temp = path.with_file_name(temp);
    fs::write(&temp, text)?;
    fs::rename(&temp, &path)
}

/// A record as pretty JSON, with each `cells` entry on one line (a few hundred of them
/// would otherwise take ten lines each).
fn pretty(record: &Record) -> std::io::Result<String> {
    let text = serde_json::to_string_pretty(record).map_err(std::io::Error::other)?;
    let open = "\n  \"cells\": {\n";
    let Some(start) = text.find(open) else {
        return Ok(text);
    };
    let body = start + open.len();
    let end = text[body..].find("\n  }").map_or(text.len(), |e| body + e);
    let mut lines = Vec::with_capacity(record.cells.0.len());
    for (path, provenance) in &record.cells.0 {
        let key = serde_json::to_string(path).map_err(std::io::Error::other)?;
        let value = serde_json::to_string(provenance).map_err(std::io::Error::other)?;
        lines.push(format!("    {key}: {value}"));
    }
    Ok(format!(
        "{}{}{}",
        &text[..body],
        lines.join(",\n"),
        &text[end..]
    ))
}

/// Writes one compact record and a newline.
pub fn write_jsonl(out: &mut dyn Write, record: &Record) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::record::{CellSource, Provenance, Source};

    #[test]
    fn pretty_records_give_each_cell_one_line_and_read_back_unchanged() {
        let mut record = Record::new(Source::default());
        let text = Provenance::text(Some(3), Some([72.0, 100.5, 90.0, 112.0]));
        record
            .cells
            .set("tables.applications.rows.granted[0]", text);
        let derived = Provenance::bare(CellSource::Derived);
        record
            .cells
            .set("tables.applications.rows.granted[1]", derived);
        let text = pretty(&record).unwrap();
        assert!(text.ends_with(
            "  \"cells\": {\n    \"tables.applications.rows.granted[0]\": {\"page\":3,\"box\":[72,100.5,90,112],\"source\":\"text\"},\n    \"tables.applications.rows.granted[1]\": {\"source\":\"derived\"}\n  }\n}"
        ), "{text}");
        let back: Record = serde_json::from_str(&text).unwrap();
        assert_eq!(back, record);
        let none = Record::new(Source::default());
        let plain = serde_json::to_string_pretty(&none).unwrap();
        assert_eq!(pretty(&none).unwrap(), plain);
    }
}
