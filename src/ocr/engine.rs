//! The tesseract program: found once per process, run as a child with a deadline.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Environment variable naming the tesseract program to run (default: `tesseract` on PATH).
pub const PROGRAM_VAR: &str = "GOVREPORT_TESSERACT";

/// What to tell a user whose machine has no usable tesseract.
pub const INSTALL_HINT: &str =
    "install it with `apt-get install tesseract-ocr tesseract-ocr-chi-sim` (Debian/Ubuntu)";

/// A usable tesseract with the Chinese model.
#[derive(Debug, Clone)]
pub struct Engine {
    /// The program run.
    pub program: PathBuf,
    /// `tesseract 5.3.0`, from `--version`.
    pub version: String,
}

/// Why a recognition run gave nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    /// The per-file deadline passed; the child was killed.
    Timeout,
    /// The program could not be started or failed.
    Failed(String),
}

/// The engine, detected once per process (`Err` says why it is unusable and how to fix it).
pub fn engine() -> Result<&'static Engine, &'static str> {
    static ENGINE: OnceLock<Result<Engine, String>> = OnceLock::new();
    let program = std::env::var_os(PROGRAM_VAR).map_or_else(|| "tesseract".into(), PathBuf::from);
    ENGINE
        .get_or_init(|| detect(&program))
        .as_ref()
        .map_err(String::as_str)
}

/// Checks that `program` runs and knows `chi_sim`.
pub fn detect(program: &Path) -> Result<Engine, String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let missing = |why: String| format!("OCR is needed but {why}; {INSTALL_HINT}");
    let version = run(program, &["--version"], deadline).map_err(|e| {
        missing(format!(
            "tesseract ({}) cannot be run: {e:?}",
            program.display()
        ))
    })?;
    let version = version
        .lines()
        .next()
        .unwrap_or("tesseract")
        .trim()
        .to_string();
    let langs = run(program, &["--list-langs"], deadline).unwrap_or_default();
    if !langs.lines().any(|l| l.trim() == "chi_sim") {
        return Err(missing("tesseract has no chi_sim language data".into()));
    }
    Ok(Engine {
        program: program.to_path_buf(),
        version,
    })
}

/// Runs `program args…` with one OpenMP thread and returns its stdout as text; the child
/// is killed when `deadline` passes.
pub fn run(program: &Path, args: &[&str], deadline: Instant) -> Result<String, RunError> {
    let out = run_bytes(program, args, Vec::new(), deadline)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Runs `program args…` with `input` on its stdin and one OpenMP thread; returns its
/// stdout. The child is killed when `deadline` passes, so a hang costs no more than that.
pub fn run_bytes(
    program: &Path,
    args: &[&str],
    input: Vec<u8>,
    deadline: Instant,
) -> Result<Vec<u8>, RunError> {
    let mut child = Command::new(program)
        .args(args)
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| RunError::Failed(e.to_string()))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(&input);
    });
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::Timeout);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(RunError::Failed(e.to_string())),
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(RunError::Failed(format!(
            "{} exited with {status}",
            program.display()
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_program_names_the_packages_to_install() {
        let err = detect(Path::new("/nonexistent/tesseract")).unwrap_err();
        assert!(
            err.contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim"),
            "{err}"
        );
    }

    #[test]
    fn a_child_past_the_deadline_is_killed() {
        let start = Instant::now();
        let got = run(
            Path::new("sleep"),
            &["5"],
            start + Duration::from_millis(100),
        );
        assert_eq!(got, Err(RunError::Timeout));
        assert!(start.elapsed() < Duration::from_secs(2));
    }
}
