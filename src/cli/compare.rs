//! `govreport compare`: reports and records side by side, across years and agencies.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::RunArgs;
use super::exit::{Exit, Stopped};
use govreport_app::compare::{Comparison, Outcome, csv, load, text};

/// Arguments of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Report files (extracted on the fly), records (.json, .jsonl) or folders of them.
    #[arg(required = true, value_name = "INPUT|RECORD")]
    pub inputs: Vec<PathBuf>,
    /// Print the comparison as JSON instead of text.
    #[arg(long, conflicts_with = "html")]
    pub json: bool,
    /// Write the comparison as one self-contained HTML page to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Write the panel: the tidy CSV of every cell plus `agency_key`, to FILE (`-` = stdout).
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Shared options (for the reports extracted on the fly).
    #[command(flatten)]
    pub run: RunArgs,
}

/// Runs `compare`: [`Exit::Ok`] when every cross-year rule holds, [`Exit::RuleFailed`]
/// when one fails, [`Exit::InputFailed`] when an input could not be read.
pub fn run(args: CompareArgs) -> Result<Exit, Stopped> {
    args.run.options()?;
    let sources = load::discover(&args.inputs);
    let bar = args.run.progress(load::reports(&sources));
    let loaded = load::load(&sources, &args.run.workers()?, args.run.jobs(), || {
        bar.inc(1)
    })?;
    bar.finish_and_clear();
    let comparison = Comparison::new(loaded);
    if let Some(path) = &args.html {
        std::fs::write(path, govreport_app::page::compare::render(&comparison))
            .map_err(|e| Stopped::write(format!("cannot write {}: {e}", path.display())))?;
    }
    if let Some(path) = &args.csv {
        let out = super::extract::create(path)?;
        csv::write(out, &comparison.entries, &comparison.panel)
            .map_err(|e| Stopped::write(format!("cannot write {}: {e}", path.display())))?;
    }
    let stdout_taken = args.csv.as_ref().is_some_and(|p| p.as_os_str() == "-");
    let shown = if args.json {
        serde_json::to_string_pretty(&comparison).map_err(|e| e.to_string())? + "\n"
    } else {
        text::render(&comparison)
    };
    if stdout_taken {
        eprint!("{}", text::summary(&comparison) + "\n");
    } else {
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(shown.as_bytes()).and_then(|()| out.flush())
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            return Err(Stopped::write(format!("cannot write to stdout: {e}")));
        }
    }
    Ok(match comparison.outcome() {
        Outcome::Ok => Exit::Ok,
        Outcome::RuleFailed => Exit::RuleFailed,
        Outcome::InputFailed => Exit::InputFailed,
    })
}
