//! Outputs: pretty JSON per input, JSON Lines, the tidy CSV, the review CSV, and the golden diff.

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
    let mut text = serde_json::to_string_pretty(record).map_err(std::io::Error::other)?;
    text.push('\n');
    let mut temp = std::ffi::OsString::from(".");
    temp.push(path.file_name().unwrap_or_default());
    temp.push(".tmp");
    let temp = path.with_file_name(temp);
    fs::write(&temp, text)?;
    fs::rename(&temp, &path)
}

/// Writes one compact record and a newline.
pub fn write_jsonl(out: &mut dyn Write, record: &Record) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}
