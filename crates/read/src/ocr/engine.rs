//! tesseract in-process: libtesseract loaded once per process, each model (language and
//! settings) loaded once and kept for the next image, recognition bounded by the deadline.

use std::ffi::{CStr, CString, c_int};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use super::capi::{self, Functions, Handle};
use super::image::Gray;

/// Environment variable naming the tesseract library to load (default: `libtesseract.so.5`,
/// then `libtesseract.so`, found as the dynamic linker finds libraries).
pub const LIBRARY_VAR: &str = "GOVREPORT_LIBTESSERACT";

/// What to tell a user whose machine has no usable tesseract.
pub const INSTALL_HINT: &str =
    "install it with `apt-get install tesseract-ocr tesseract-ocr-chi-sim` (Debian/Ubuntu)";

/// How tesseract is asked to read an image.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setup {
    /// The model (`chi_sim`, `eng`).
    pub language: &'static str,
    /// Page segmentation mode (3: automatic; 7: one line).
    pub psm: i32,
    /// Variables set once the model is loaded (`-c name=value`).
    pub variables: &'static [(&'static str, &'static str)],
}

/// A page as a whole: `chi_sim`, automatic page segmentation.
pub const PAGE: Setup = Setup {
    language: "chi_sim",
    psm: 3,
    variables: &[],
};

/// One line of text (`--psm 7`), `chi_sim`.
pub const LINE: Setup = Setup {
    language: "chi_sim",
    psm: 7,
    variables: &[],
};

/// A table cell: one line (`--psm 7`) of digits, `.` and `-` (`eng`).
pub const DIGITS: Setup = Setup {
    language: "eng",
    psm: 7,
    variables: &[("tessedit_char_whitelist", "0123456789.-")],
};

/// A page's orientation and script (`osd`, `--psm 0`).
pub const OSD: Setup = Setup {
    language: "osd",
    psm: 0,
    variables: &[],
};

/// Why a recognition gave nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    /// The per-file deadline passed.
    Timeout,
    /// A program's output did not fit in the memory the process may use.
    OutOfMemory,
    /// The library or a program failed.
    Failed(String),
}

/// A loaded model ready for an image.
struct Model {
    handle: Handle,
    setup: Setup,
}

// SAFETY: a TessBaseAPI may be used from any thread, one at a time; a Model is only ever
// used by the thread that took it out of the pool.
unsafe impl Send for Model {}

/// libtesseract, with the models loaded so far that no thread is using.
pub struct Engine {
    functions: Functions,
    idle: Mutex<Vec<Model>>,
    /// `tesseract 5.3.0`.
    pub version: String,
}

/// The engine, loaded once per process (`Err` says why it is unusable and how to fix it).
pub fn engine() -> Result<&'static Engine, &'static str> {
    static ENGINE: OnceLock<Result<Engine, String>> = OnceLock::new();
    ENGINE
        .get_or_init(|| match std::env::var_os(LIBRARY_VAR) {
            Some(path) => Engine::load(&[PathBuf::from(path)]),
            None => Engine::load(&["libtesseract.so.5".into(), "libtesseract.so".into()]),
        })
        .as_ref()
        .map_err(String::as_str)
}

impl Engine {
    /// Loads the first of `paths` that opens, and loads the models of [`PAGE`] and
    /// [`DIGITS`] (so a missing language is found before any page is read).
    pub fn load(paths: &[PathBuf]) -> Result<Engine, String> {
        let missing = |why: String| format!("OCR is needed but {why}; {INSTALL_HINT}");
        let mut why = String::new();
        let functions = paths
            .iter()
            .find_map(|p| capi::load(p).map_err(|e| why = e).ok())
            .ok_or_else(|| missing(format!("libtesseract cannot be loaded ({why})")))?;
        // SAFETY: TessVersion returns a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr((functions.version)()) };
        let engine = Engine {
            version: format!("tesseract {}", version.to_string_lossy()),
            functions,
            idle: Mutex::new(Vec::new()),
        };
        for setup in [PAGE, DIGITS] {
            let model = engine.model(setup).map_err(|_| {
                missing(format!("tesseract has no {} language data", setup.language))
            })?;
            engine.put_back(model);
        }
        Ok(engine)
    }

    /// tesseract's TSV for `image` read at `dpi` as `setup` says; recognition stops when
    /// `deadline` passes.
    pub fn tsv(
        &self,
        setup: Setup,
        image: &Gray,
        dpi: u32,
        deadline: Instant,
    ) -> Result<String, RunError> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(RunError::Timeout);
        }
        let model = self.model(setup)?;
        let out = self.recognise(&model, image, dpi, left.as_millis());
        self.put_back(model);
        match out {
            None if Instant::now() >= deadline => Err(RunError::Timeout),
            None => Err(RunError::Failed(format!(
                "recognition of a {}×{} image failed",
                image.width, image.height
            ))),
            Some(tsv) => Ok(tsv),
        }
    }

    /// How `image` lies, by tesseract's orientation detection: the quarter turns clockwise
    /// that stand it upright and the detection's confidence; None when nothing was found.
    pub fn orientation(
        &self,
        image: &Gray,
        dpi: u32,
        deadline: Instant,
    ) -> Result<Option<(u8, f32)>, RunError> {
        if Instant::now() >= deadline {
            return Err(RunError::Timeout);
        }
        let (Ok(w), Ok(h)) = (c_int::try_from(image.width), c_int::try_from(image.height)) else {
            return Ok(None);
        };
        let model = self.model(OSD)?;
        let f = &self.functions;
        let dpi = CString::new(dpi.to_string()).expect("digits have no NUL");
        let (mut degrees, mut confidence, mut script_confidence) = (0, 0.0f32, 0.0f32);
        let mut script: *const std::ffi::c_char = std::ptr::null();
        // SAFETY: as in `recognise`: a live model used by this thread only, a buffer of
        // `w × h` samples (a Gray's), out-parameters that live across the call.
        let found = unsafe {
            (f.set_variable)(model.handle, c"user_defined_dpi".as_ptr(), dpi.as_ptr());
            (f.set_image)(model.handle, image.pixels.as_ptr(), w, h, 1, w);
            let found = (f.detect_orientation)(
                model.handle,
                &mut degrees,
                &mut confidence,
                &mut script,
                &mut script_confidence,
            );
            (f.clear)(model.handle);
            found
        };
        self.put_back(model);
        // `degrees` is how far the text is turned counter-clockwise: turn it back clockwise.
        let quarters = ((360 - degrees.rem_euclid(360)) / 90 % 4) as u8;
        Ok((found != 0).then_some((quarters, confidence)))
    }

    /// Runs one recognition on a model; None when it failed or was stopped.
    fn recognise(&self, model: &Model, image: &Gray, dpi: u32, millis: u128) -> Option<String> {
        let f = &self.functions;
        let (Ok(w), Ok(h)) = (c_int::try_from(image.width), c_int::try_from(image.height)) else {
            return None;
        };
        if image.pixels.len() != image.width * image.height {
            return None;
        }
        let dpi = CString::new(dpi.to_string()).expect("digits have no NUL");
        // SAFETY: `model.handle` is a live, initialised TessBaseAPI used by this thread only;
        // the image buffer holds `w × h` samples (checked above) and is copied by SetImage;
        // the monitor and the TSV text are freed before returning.
        unsafe {
            (f.set_variable)(model.handle, c"user_defined_dpi".as_ptr(), dpi.as_ptr());
            (f.set_image)(model.handle, image.pixels.as_ptr(), w, h, 1, w);
            let monitor = (f.monitor_create)();
            (f.monitor_deadline)(monitor, millis.min(i32::MAX as u128) as c_int);
            let status = (f.recognize)(model.handle, monitor);
            (f.monitor_delete)(monitor);
            let text = (status == 0).then(|| (f.tsv_text)(model.handle, 0));
            let tsv = text.filter(|t| !t.is_null()).map(|t| {
                let s = CStr::from_ptr(t).to_string_lossy().into_owned();
                (f.delete_text)(t);
                s
            });
            (f.clear)(model.handle);
            tsv
        }
    }

    /// A model for `setup`: an idle one, or a new one loaded now.
    fn model(&self, setup: Setup) -> Result<Model, RunError> {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = idle.iter().position(|m| m.setup == setup) {
            return Ok(idle.swap_remove(i));
        }
        drop(idle);
        let f = &self.functions;
        let language = CString::new(setup.language).expect("language names have no NUL");
        // SAFETY: a new TessBaseAPI, set up and initialised here before anyone else sees it;
        // every string passed is NUL-terminated and outlives the call.
        unsafe {
            let handle = (f.create)();
            // tesseract's messages ("Detected 162 diacritics") would break into the progress bar.
            (f.set_variable)(handle, c"debug_file".as_ptr(), c"/dev/null".as_ptr());
            if (f.init)(handle, std::ptr::null(), language.as_ptr()) != 0 {
                (f.delete)(handle);
                return Err(RunError::Failed(format!(
                    "tesseract cannot load its {} model",
                    setup.language
                )));
            }
            (f.set_page_seg_mode)(handle, setup.psm);
            for (name, value) in setup.variables {
                let (name, value) = (CString::new(*name), CString::new(*value));
                let (Ok(name), Ok(value)) = (name, value) else {
                    continue;
                };
                (f.set_variable)(handle, name.as_ptr(), value.as_ptr());
            }
            Ok(Model { handle, setup })
        }
    }

    /// Returns a model to the pool for the next image.
    fn put_back(&self, model: Model) {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        idle.push(model);
    }
}

/// Limits OpenMP (which libtesseract uses) to one thread per recognition unless the user
/// chose otherwise; libgomp reads `OMP_THREAD_LIMIT` when libtesseract is loaded, and
/// govreport's workers inherit it.
///
/// # Safety
/// Call it before the process starts any thread (it sets an environment variable).
pub unsafe fn one_thread_per_recognition() {
    if std::env::var_os("OMP_THREAD_LIMIT").is_none() {
        // SAFETY: the caller guarantees no other thread reads the environment meanwhile.
        unsafe { std::env::set_var("OMP_THREAD_LIMIT", "1") };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_library_names_the_packages_to_install() {
        let err = Engine::load(&["/nonexistent/libtesseract.so.5".into()])
            .err()
            .expect("no library there");
        assert!(
            err.contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim"),
            "{err}"
        );
    }
}
