//! OCR's time allowance: a file's deadline moves on by a fixed time per page OCR reads
//! (with a ceiling, see `Limits::ocr_extension`), and whoever watches the file's time — the
//! parent of a worker process — is told as soon as the pages are known.

use std::sync::OnceLock;
use std::time::Duration;

static LISTENER: OnceLock<fn(Duration)> = OnceLock::new();

/// Sets the function told of each extension (once per process; later calls are ignored).
pub fn listen(f: fn(Duration)) {
    let _ = LISTENER.set(f);
}

/// Tells the listener, if any, that the file being read has `extra` more time.
pub fn announce(extra: Duration) {
    if let Some(f) = LISTENER.get()
        && !extra.is_zero()
    {
        f(extra);
    }
}
