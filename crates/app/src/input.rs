//! Input discovery: walks the arguments, decides each file's format and names its output.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use govreport_model::format::Format;

/// One file to extract, and the relative name of its output record.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The file's path as given or found.
    pub path: PathBuf,
    /// The format, from the extension (a file given directly with another extension is
    /// read by content).
    pub format: Option<Format>,
    /// The output name relative to `--out`/`--golden`, ending in `.json`.
    pub output_name: PathBuf,
}

/// Expands the command-line arguments into inputs, in a stable order: arguments in the
/// order given, files under a folder sorted by path.
pub fn discover(args: &[PathBuf]) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let mut found = Vec::new();
            for entry in walkdir::WalkDir::new(arg)
                .follow_links(true)
                .sort_by_file_name()
            {
                let entry =
                    entry.map_err(|e| format!("cannot read folder {}: {e}", arg.display()))?;
                let path = entry.path();
                if entry.file_type().is_file()
                    && let Some(format) = Format::from_path(path)
                {
                    let rel = path
                        .strip_prefix(arg)
                        .unwrap_or(path)
                        .with_extension("json");
                    found.push(Input {
                        path: path.to_path_buf(),
                        format: Some(format),
                        output_name: rel,
                    });
                }
            }
            inputs.extend(found);
        } else if arg.is_file() {
            let stem = arg
                .file_stem()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("input"));
            let output_name = stem.with_extension("json");
            inputs.push(Input {
                path: arg.clone(),
                format: Format::from_path(arg),
                output_name,
            });
        } else {
            return Err(format!("{}: no such file or folder", arg.display()));
        }
    }
    Ok(inputs)
}

/// Reports two inputs that would write the same output file, before any work starts.
pub fn find_clashes(inputs: &[Input]) -> Result<(), String> {
    let mut seen: HashMap<&Path, &Path> = HashMap::new();
    let mut clashes = Vec::new();
    for input in inputs {
        if let Some(first) = seen.insert(&input.output_name, &input.path) {
            clashes.push(format!(
                "{} and {} would both be written to {}",
                first.display(),
                input.path.display(),
                input.output_name.display()
            ));
        }
    }
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "output name clash (rename one of the files or run them separately):\n  {}",
            clashes.join("\n  ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_match_case_insensitively() {
        assert_eq!(Format::from_path(Path::new("a/B.PDF")), Some(Format::Pdf));
        assert_eq!(Format::from_path(Path::new("x.Htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("x.DOCX")), Some(Format::Docx));
        assert_eq!(Format::from_path(Path::new("x.Wps")), Some(Format::Wps));
        assert_eq!(Format::from_path(Path::new("x.xlsx")), None);
    }

    #[test]
    fn clashes_are_reported_with_both_paths() {
        let a = Input {
            path: "a/r.pdf".into(),
            format: Some(Format::Pdf),
            output_name: "r.json".into(),
        };
        let b = Input {
            path: "b/r.txt".into(),
            format: Some(Format::Text),
            output_name: "r.json".into(),
        };
        let err = find_clashes(&[a, b]).unwrap_err();
        assert!(err.contains("a/r.pdf") && err.contains("b/r.txt"), "{err}");
    }
}
