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

/// A record as pretty JSON, with each `cells` entry (a table row's cells) on one line.
fn pretty(record: &Record) -> std::io::Result<String> {
    let text = serde_json::to_string_pretty(record).map_err(std::io::Error::other)?;
    let open = "\n  \"cells\": {\n";
    let Some(start) = text.find(open) else {
        return Ok(text);
    };
    let body = start + open.len();
    let end = text[body..].find("\n  }").map_or(text.len(), |e| body + e);
    let rows = serde_json::to_value(&record.cells).map_err(std::io::Error::other)?;
    let mut lines = Vec::new();
    for (row, entry) in rows.as_object().into_iter().flatten() {
        let key = serde_json::to_string(row).map_err(std::io::Error::other)?;
        lines.push(format!("    {key}: {entry}"));
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
    fn pretty_records_give_each_row_of_cells_one_line_and_read_back_unchanged() {
        let mut record = Record::new(Source::default());
        let text = Provenance::text(Some(3), Some([72.0, 100.5, 90.0, 112.0]));
        record
            .cells
            .set(&"tables.applications.rows.granted[0]".into(), text);
        let derived = Provenance::bare(CellSource::Derived);
        record.cells.set(
            &"tables.applications.rows.granted[1]".into(),
            derived.clone(),
        );
        record.cells.set(
            &"tables.review_litigation.litigation_direct.total".into(),
            derived,
        );
        let text = pretty(&record).unwrap();
        assert!(text.ends_with(
            "  \"cells\": {\n    \"tables.applications.rows.granted\": {\"page\":[3,null],\"source\":[\"text\",\"derived\"],\"y\":[100.5,112],\"x\":[[72,90],null]},\n    \"tables.review_litigation.litigation_direct\": {\"source\":{\"total\":\"derived\"}}\n  }\n}"
        ), "{text}");
        let back: Record = serde_json::from_str(&text).unwrap();
        assert_eq!(back, record);
        let none = Record::new(Source::default());
        let plain = serde_json::to_string_pretty(&none).unwrap();
        assert_eq!(pretty(&none).unwrap(), plain);
    }
}
