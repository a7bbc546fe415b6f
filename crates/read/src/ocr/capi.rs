//! The few functions of libtesseract's C API govreport calls, looked up in the library at
//! run time (dlopen), so that the crate builds and reads born-digital reports on a machine
//! without tesseract, and needs no bindgen or C headers to build.

use std::ffi::{c_char, c_int, c_void};

use libloading::Library;

/// A `TessBaseAPI*`.
pub type Handle = *mut c_void;
/// An `ETEXT_DESC*` (tesseract's progress monitor, which carries the deadline).
pub type Monitor = *mut c_void;

/// The library, kept loaded for as long as its functions may be called.
pub struct Functions {
    _library: Library,
    /// `TessVersion`.
    pub version: unsafe extern "C" fn() -> *const c_char,
    /// `TessBaseAPICreate`.
    pub create: unsafe extern "C" fn() -> Handle,
    /// `TessBaseAPIDelete`.
    pub delete: unsafe extern "C" fn(Handle),
    /// `TessBaseAPIInit3(handle, datapath, language)`: 0 when the language loaded.
    pub init: unsafe extern "C" fn(Handle, *const c_char, *const c_char) -> c_int,
    /// `TessBaseAPISetVariable(handle, name, value)`: nonzero when the variable exists.
    pub set_variable: unsafe extern "C" fn(Handle, *const c_char, *const c_char) -> c_int,
    /// `TessBaseAPISetPageSegMode`.
    pub set_page_seg_mode: unsafe extern "C" fn(Handle, c_int),
    /// `TessBaseAPISetImage(handle, data, width, height, bytes_per_pixel, bytes_per_line)`:
    /// the samples are copied.
    pub set_image: unsafe extern "C" fn(Handle, *const u8, c_int, c_int, c_int, c_int),
    /// `TessBaseAPIRecognize(handle, monitor)`: 0 when recognition ran to its end.
    pub recognize: unsafe extern "C" fn(Handle, Monitor) -> c_int,
    /// `TessBaseAPIDetectOrientationScript(handle, &orient_deg, &orient_conf, &script_name,
    /// &script_conf)`: nonzero when the orientation was found (`osd` model, psm 0).
    pub detect_orientation:
        unsafe extern "C" fn(Handle, *mut c_int, *mut f32, *mut *const c_char, *mut f32) -> c_int,
    /// `TessBaseAPIGetTsvText(handle, page_number)`: freed with `delete_text`.
    pub tsv_text: unsafe extern "C" fn(Handle, c_int) -> *mut c_char,
    /// `TessDeleteText`.
    pub delete_text: unsafe extern "C" fn(*mut c_char),
    /// `TessBaseAPIClear`: drops the image and results, keeps the loaded model.
    pub clear: unsafe extern "C" fn(Handle),
    /// `TessMonitorCreate`.
    pub monitor_create: unsafe extern "C" fn() -> Monitor,
    /// `TessMonitorDelete`.
    pub monitor_delete: unsafe extern "C" fn(Monitor),
    /// `TessMonitorSetDeadlineMSecs(monitor, msecs)`: recognition stops that long from now.
    pub monitor_deadline: unsafe extern "C" fn(Monitor, c_int),
}

/// Loads libtesseract from `path` (a file name is looked up as the dynamic linker does) and
/// finds the functions govreport calls.
pub fn load(path: &std::path::Path) -> Result<Functions, String> {
    // SAFETY: loading libtesseract runs its (and leptonica's, libgomp's) initialisers,
    // which have no preconditions on the caller.
    let library = unsafe { Library::new(path) }.map_err(|e| e.to_string())?;
    macro_rules! function {
        ($name:literal) => {
            // SAFETY: the type given for each symbol is its prototype in tesseract's capi.h
            // (tesseract 4 and 5); the pointer lives as long as `library`, kept beside it.
            *unsafe { library.get(concat!($name, "\0").as_bytes()) }
                .map_err(|e| format!("{} has no {}: {e}", path.display(), $name))?
        };
    }
    Ok(Functions {
        version: function!("TessVersion"),
        create: function!("TessBaseAPICreate"),
        delete: function!("TessBaseAPIDelete"),
        init: function!("TessBaseAPIInit3"),
        set_variable: function!("TessBaseAPISetVariable"),
        set_page_seg_mode: function!("TessBaseAPISetPageSegMode"),
        set_image: function!("TessBaseAPISetImage"),
        recognize: function!("TessBaseAPIRecognize"),
        detect_orientation: function!("TessBaseAPIDetectOrientationScript"),
        tsv_text: function!("TessBaseAPIGetTsvText"),
        delete_text: function!("TessDeleteText"),
        clear: function!("TessBaseAPIClear"),
        monitor_create: function!("TessMonitorCreate"),
        monitor_delete: function!("TessMonitorDelete"),
        monitor_deadline: function!("TessMonitorSetDeadlineMSecs"),
        _library: library,
    })
}
