//! `.doc`, `.wps`, `.odt` and `.rtf` converted to `.docx` by LibreOffice (`soffice
//! --headless --convert-to docx`), each run with a private profile and killed at the
//! deadline.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The environment variable naming the LibreOffice program (default `soffice` on `PATH`).
pub const SOFFICE_VAR: &str = "GOVREPORT_SOFFICE";

/// Why a file could not be converted.
#[derive(Debug, PartialEq)]
pub enum ConvertError {
    /// LibreOffice is not installed (or `GOVREPORT_SOFFICE` names no program).
    Missing(String),
    /// LibreOffice ran but wrote no `.docx` (a damaged or unreadable file).
    Failed(String),
    /// The deadline passed; LibreOffice was killed.
    Timeout,
}

/// A file converted: the `.docx` bytes and the converter's name, e.g. `LibreOffice 7.4`.
#[derive(Debug)]
pub struct Converted {
    /// The `.docx` LibreOffice wrote.
    pub docx: Vec<u8>,
    /// The converter and its version.
    pub by: String,
}

/// Converts `bytes` (a file of type `ext`) to `.docx`, killing LibreOffice at `deadline`.
pub fn to_docx(bytes: &[u8], ext: &str, deadline: Instant) -> Result<Converted, ConvertError> {
    let by = version().ok_or_else(missing)?;
    let slot = Slot::take();
    let work = slot.dir.join("work");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| ConvertError::Failed(e.to_string()))?;
    let input = work.join(format!("input.{ext}"));
    std::fs::write(&input, bytes).map_err(|e| ConvertError::Failed(e.to_string()))?;
    let result = run(&slot.dir.join("profile"), &input, &work, deadline);
    let docx = result.and_then(|()| {
        std::fs::read(work.join("input.docx")).map_err(|_| {
            ConvertError::Failed(format!(
                "{by} could not read the file (it wrote no .docx); the file may be damaged"
            ))
        })
    });
    let _ = std::fs::remove_dir_all(&work);
    if docx.as_ref().is_err_and(|e| *e == ConvertError::Timeout) {
        let _ = std::fs::remove_dir_all(slot.dir.join("profile")); // may hold a stale lock
    }
    Ok(Converted { docx: docx?, by })
}

fn missing() -> ConvertError {
    ConvertError::Missing(format!(
        "reading this file needs LibreOffice, which is not installed (or {SOFFICE_VAR} names no program): apt-get install libreoffice-writer-nogui"
    ))
}

fn program() -> String {
    std::env::var(SOFFICE_VAR).unwrap_or_else(|_| "soffice".into())
}

/// `LibreOffice 7.4` from `soffice --version`, asked once per process; None when it
/// does not run.
pub fn version() -> Option<String> {
    static VERSION: OnceLock<Option<String>> = OnceLock::new();
    VERSION
        .get_or_init(|| {
            let out = Command::new(program())
                .arg("--version")
                .stdin(Stdio::null())
                .stderr(Stdio::null())
                .output()
                .ok()?;
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            short_version(&text).filter(|_| out.status.success())
        })
        .clone()
}

/// `LibreOffice 7.4.7.2 40(Build:2)` → `LibreOffice 7.4`.
fn short_version(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    let name = words.next()?;
    let number = words.next()?;
    let short: Vec<&str> = number.split('.').take(2).collect();
    Some(format!("{name} {}", short.join(".")))
}

/// How long before the file's deadline LibreOffice is killed: a worker process's parent
/// stops the worker at that deadline, and LibreOffice (in its own process group) would
/// outlive it.
const STOP_EARLY: Duration = Duration::from_millis(500);

/// Runs one conversion in its own process group, killed with the group just before the
/// deadline (`soffice` is a script that starts `soffice.bin`).
fn run(profile: &Path, input: &Path, outdir: &Path, deadline: Instant) -> Result<(), ConvertError> {
    use std::os::unix::process::CommandExt;
    let deadline = deadline.checked_sub(STOP_EARLY).unwrap_or(deadline);
    let mut child = Command::new(program())
        .arg(format!("-env:UserInstallation={}", file_url(profile)))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
        ])
        .arg(outdir)
        .arg(input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map_err(|_| missing())?;
    loop {
        match child.try_wait() {
            Ok(Some(_)) => return Ok(()),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = Command::new("sh") // the shell's own kill (dash takes no `--`): no procps needed
                    .args(["-c", &format!("kill -9 -{}", child.id())])
                    .stderr(Stdio::null())
                    .status();
                let _ = child.kill();
                let _ = child.wait();
                return Err(ConvertError::Timeout);
            }
        }
    }
}

/// A `file://` URL of an absolute path, bytes outside `A-Za-z0-9/._-~` percent-encoded.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/._-~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// A private LibreOffice profile and work folder, `$TMPDIR/govreport-soffice/<pid>-<n>`,
/// held by one conversion at a time and reused by the next (a fresh profile costs about
/// a second). Folders of processes that have ended are removed when the first is made.
struct Slot {
    n: usize,
    dir: PathBuf,
}

static FREE: Mutex<Vec<usize>> = Mutex::new(Vec::new());
static MADE: Mutex<usize> = Mutex::new(0);

impl Slot {
    fn take() -> Slot {
        let free = FREE.lock().map(|mut f| f.pop()).unwrap_or(None);
        let n = free.unwrap_or_else(|| {
            let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
            if *made == 0 {
                remove_stale(&base());
            }
            *made += 1;
            *made - 1
        });
        let dir = base().join(format!("{}-{n}", std::process::id()));
        Slot { n, dir }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut free) = FREE.lock() {
            free.push(self.n);
        }
    }
}

fn base() -> PathBuf {
    std::env::temp_dir().join("govreport-soffice")
}

/// Removes the profile folders of processes that no longer run (Linux: `/proc/<pid>`).
fn remove_stale(base: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name.split('-').next().unwrap_or_default();
        if !pid.is_empty() && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_paths_become_file_urls() {
        assert_eq!(
            file_url(Path::new("/tmp/my dir/档案")),
            "file:///tmp/my%20dir/%E6%A1%A3%E6%A1%88"
        );
    }

    #[test]
    fn the_version_is_shortened_to_major_and_minor() {
        assert_eq!(
            short_version("LibreOffice 7.4.7.2 40(Build:2)\n").as_deref(),
            Some("LibreOffice 7.4")
        );
        assert_eq!(short_version(""), None);
    }
}
