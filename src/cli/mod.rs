//! The command line: one module per subcommand, with shared options and exit codes.

pub mod check;
pub mod extract;
pub mod text;

use std::io::IsTerminal;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use crate::pdf::Limits;
use crate::pipeline::Options;

/// Turns Chinese government information-disclosure annual reports (政府信息公开工作年度报告)
/// into checked JSON records.
#[derive(Debug, Parser)]
#[command(name = "govreport", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract records from PDF, text, HTML and Word files or folders.
    Extract(extract::ExtractArgs),
    /// Extract and compare each record with its golden file.
    Check(check::CheckArgs),
    /// Print the text the parser sees, with the table rows it reconstructed.
    Text(text::TextArgs),
}

/// Options shared by `extract` and `check`.
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Seconds allowed per file before it is given up with code `timeout`.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout: u64,
    /// Largest input file read, in MiB (larger files fail with `too_large`).
    #[arg(long, value_name = "MIB", default_value_t = 512)]
    pub max_file_mb: u64,
    /// Most bytes one PDF stream or one .docx part may inflate to, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    pub max_stream_mb: usize,
    /// Most pages read from one PDF.
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub max_pages: usize,
}

impl RunArgs {
    /// The extraction options these flags ask for.
    pub fn options(&self) -> Options {
        let limits = Limits {
            max_stream_bytes: self.max_stream_mb << 20,
            max_file_bytes: (self.max_stream_mb << 20).saturating_mul(4),
            max_pages: self.max_pages,
            ..Limits::default()
        };
        Options {
            limits,
            timeout: Duration::from_secs(self.timeout),
            max_file_bytes: self.max_file_mb << 20,
        }
    }

    /// Worker threads to use (0 lets rayon use every core).
    pub fn jobs(&self) -> usize {
        self.jobs.unwrap_or(0)
    }

    /// A progress bar on stderr, hidden when stderr is not a terminal or with `--quiet`.
    pub fn progress(&self, total: usize) -> ProgressBar {
        if self.quiet || !std::io::stderr().is_terminal() {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(total as u64);
        let style = ProgressStyle::with_template(
            "{bar:30} {pos}/{len} files · {msg} · {per_sec} · ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar
    }
}

/// Exit codes of record.md: 0 all ok/partial, 1 usage error or check difference, 2 some failed.
pub mod exit {
    /// Every input gave an `ok` or `partial` record (or every check matched).
    pub const OK: i32 = 0;
    /// A usage error, or `check` found a difference.
    pub const USAGE: i32 = 1;
    /// At least one input `failed`.
    pub const FAILED: i32 = 2;
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Check(args) => check::run(args),
        Command::Text(args) => text::run(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("govreport: {message}");
            exit::USAGE
        }
    }
}
