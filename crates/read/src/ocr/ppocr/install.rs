//! Where PP-OCR's files are: the models from the `rapidocr` wheel and ONNX Runtime's library
//! from the `onnxruntime` wheel, installed by `pip install --target` (nothing is fetched
//! at run time).

use std::path::{Path, PathBuf};

use super::DIR_VAR;

/// The folder the README's command installs to.
pub const DEFAULT_DIR: &str = "/usr/local/share/govreport/ppocr";

/// The command that installs the models and the library.
pub const HINT: &str = "install them with `python3 -m pip install --no-deps --target \
     /usr/local/share/govreport/ppocr rapidocr==3.10.0 onnxruntime==1.32.0` \
     (or set GOVREPORT_PPOCR to the folder they are in)";

/// Detection model file name.
pub const DET: &str = "PP-OCRv6_det_small.onnx";
/// Recognition model file name.
pub const REC: &str = "PP-OCRv6_rec_small.onnx";

/// The three files PP-OCR needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// `libonnxruntime.so.*`.
    pub library: PathBuf,
    /// The detection model.
    pub det: PathBuf,
    /// The recognition model.
    pub rec: PathBuf,
}

/// The files, from the folder `$GOVREPORT_PPOCR` names (`default`: [`DEFAULT_DIR`]); `Err`
/// says what is missing. PP-OCR is chosen, not found: unset (or `off`), tesseract reads.
pub fn find() -> Result<Found, String> {
    match std::env::var_os(DIR_VAR) {
        None => Err(format!("PP-OCR is not chosen ({DIR_VAR} is not set)")),
        Some(d) if d == "off" => Err(format!("PP-OCR is switched off ({DIR_VAR}=off)")),
        Some(d) if d == "default" => find_in(Path::new(DEFAULT_DIR)),
        Some(d) => find_in(Path::new(&d)),
    }
}

/// The files under `dir` (looked for at most four folders down).
pub fn find_in(dir: &Path) -> Result<Found, String> {
    let mut files = Vec::new();
    walk(dir, 4, &mut files);
    let named = |want: &dyn Fn(&str) -> bool| {
        files
            .iter()
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(want))
            .min()
            .cloned()
    };
    let library = named(&|n| n.starts_with("libonnxruntime.so"));
    let det = named(&|n| n == DET);
    let rec = named(&|n| n == REC);
    match (library, det, rec) {
        (Some(library), Some(det), Some(rec)) => Ok(Found { library, det, rec }),
        _ => Err(format!(
            "PP-OCR's models or ONNX Runtime are not in {}; {HINT}",
            dir.display()
        )),
    }
}

fn walk(dir: &Path, depth: u32, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() && depth > 0 => walk(&path, depth - 1, out),
            Ok(t) if t.is_file() || t.is_symlink() => out.push(path),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_are_found_where_pip_put_them_and_a_missing_one_names_the_command() {
        let dir = tempfile::tempdir().unwrap();
        let models = dir.path().join("rapidocr/models");
        let capi = dir.path().join("onnxruntime/capi");
        std::fs::create_dir_all(&models).unwrap();
        std::fs::create_dir_all(&capi).unwrap();
        std::fs::write(models.join(DET), b"").unwrap();
        std::fs::write(models.join(REC), b"").unwrap();
        let err = find_in(dir.path()).unwrap_err();
        assert!(err.contains("pip install --no-deps --target"), "{err}");
        std::fs::write(capi.join("libonnxruntime.so.1.32.0"), b"").unwrap();
        let found = find_in(dir.path()).unwrap();
        assert_eq!(found.rec, models.join(REC));
        assert_eq!(found.library, capi.join("libonnxruntime.so.1.32.0"));
    }
}
