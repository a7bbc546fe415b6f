//! Child programs (pdftoppm) run with a deadline: killed when it passes.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::engine::RunError;

/// Runs `program args…` with `input` on its stdin; returns its stdout. The child is killed
/// when `deadline` passes, so a hang costs no more than that.
pub fn run(
    program: &Path,
    args: &[&str],
    input: Vec<u8>,
    deadline: Instant,
) -> Result<Vec<u8>, RunError> {
    let mut child = Command::new(program)
        .args(args)
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
        stdout.read_to_end(&mut out).map(|_| out)
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
    let out = match reader.join() {
        Ok(Ok(out)) => out,
        // The output did not fit in the memory this process may use (`--max-memory-mb`).
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::OutOfMemory => {
            return Err(RunError::OutOfMemory);
        }
        _ => Vec::new(),
    };
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
    fn a_child_past_the_deadline_is_killed() {
        let start = Instant::now();
        let got = run(
            Path::new("sleep"),
            &["5"],
            Vec::new(),
            start + Duration::from_millis(100),
        );
        assert_eq!(got, Err(RunError::Timeout));
        assert!(start.elapsed() < Duration::from_secs(2));
    }
}
