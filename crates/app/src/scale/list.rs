//! `--files-from FILE|-`: input paths one per line, as `find`, a database or a crawler
//! writes them; blank lines and `#` comments are ignored.

use std::io::{BufRead, BufReader, Read};
use std::path::{Component, Path, PathBuf};

use crate::input::{Format, Input, discover};

/// Reads the list at `source` (`-` = stdin) into inputs: a folder is walked as an argument
/// is; any other line is one input, even when missing (its record then fails), whose
/// output name is its path as listed (without `/` or `..`), ending in `.json`.
pub fn read(source: &Path) -> Result<Vec<Input>, String> {
    let reader: Box<dyn Read> = if source.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        let file = std::fs::File::open(source)
            .map_err(|e| format!("cannot read --files-from {}: {e}", source.display()))?;
        Box::new(file)
    };
    let mut inputs = Vec::new();
    for line in BufReader::new(reader).split(b'\n') {
        let line = line.map_err(|e| format!("cannot read --files-from: {e}"))?;
        let Some(path) = entry(&line) else { continue };
        if path.is_dir() {
            inputs.extend(discover(std::slice::from_ref(&path))?);
        } else {
            inputs.push(Input {
                format: Format::from_path(&path),
                output_name: output_name(&path),
                path,
            });
        }
    }
    Ok(inputs)
}

/// The path on one line, or None for a blank line or a `#` comment.
fn entry(line: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let text = line.trim_ascii();
    if text.is_empty() || text.starts_with(b"#") {
        return None;
    }
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(line)))
}

/// `archive/2023/a.pdf` → `archive/2023/a.json`; `/data/a.pdf` → `data/a.json`.
fn output_name(path: &Path) -> PathBuf {
    let rel: PathBuf = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect();
    rel.with_extension("json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_and_comments_are_skipped_and_paths_kept_as_written() {
        assert_eq!(entry(b""), None);
        assert_eq!(entry(b"   \r"), None);
        assert_eq!(entry(b"# from find"), None);
        assert_eq!(entry(b"  # indented comment"), None);
        assert_eq!(entry(b"a b.pdf\r"), Some(PathBuf::from("a b.pdf")));
    }

    #[test]
    fn list_entries_are_named_by_their_whole_path() {
        assert_eq!(
            output_name(Path::new("/data/x/a.pdf")),
            Path::new("data/x/a.json")
        );
        assert_eq!(
            output_name(Path::new("../in/a.txt")),
            Path::new("in/a.json")
        );
    }

    #[test]
    fn a_missing_path_is_an_input_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("list");
        std::fs::write(&list, "# two files\n\nno/such.pdf\n").unwrap();
        let inputs = read(&list).unwrap();
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].path, Path::new("no/such.pdf"));
        assert_eq!(inputs[0].output_name, Path::new("no/such.json"));
    }
}
