//! The command line: one module per subcommand, with shared options and exit codes.

pub mod check;
pub mod compare;
pub mod exit;
pub mod extract;
pub mod text;
pub mod worker;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use exit::Exit;
use govreport_app::corrections::Corrections;
use govreport_app::pipeline::Options;
use govreport_app::worker::Spec;
use govreport_model::limits::Limits;
use govreport_read::ocr::Mode;

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
    /// Compare reports across years and agencies; check carry-overs between years.
    Compare(compare::CompareArgs),
    /// Internal: the per-file worker process `extract` and `check` start.
    #[command(hide = true)]
    Worker(worker::WorkerArgs),
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
    /// Seconds added to a file's time for each page read by OCR (long scans finish with
    /// the defaults).
    #[arg(long, value_name = "SECS", default_value_t = 20)]
    pub ocr_page_timeout: u64,
    /// Most seconds one file may take, however many pages OCR reads.
    #[arg(long, value_name = "SECS", default_value_t = 1800)]
    pub max_timeout: u64,
    /// Largest input file read, in MiB (larger files fail with `too_large`).
    #[arg(long, value_name = "MIB", default_value_t = 512)]
    pub max_file_mb: u64,
    /// Most bytes one PDF stream or one .docx part may inflate to, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    pub max_stream_mb: usize,
    /// Most pages read from one PDF.
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub max_pages: usize,
    /// When to read pages by OCR (tesseract, chi_sim): auto = scanned pages and images
    /// where text is missing; always = every page; never = no OCR.
    #[arg(long, value_name = "WHEN", default_value = "auto", value_parser = ocr_mode())]
    pub ocr: Mode,
    /// Memory one worker process may use, in MiB (past it the file fails with `too_large`).
    #[arg(long, value_name = "MIB", default_value_t = 1024)]
    pub max_memory_mb: u64,
    /// A person's readings of table cells, CSV `sha256,path,value,note`: each sets that
    /// cell in the record of the input with that sha256, and the checks run again.
    #[arg(long, value_name = "FILE")]
    pub corrections: Option<PathBuf>,
}

/// `--ocr`'s values, listed in the help, parsed into the reader's [`Mode`].
fn ocr_mode() -> impl TypedValueParser<Value = Mode> {
    clap::builder::PossibleValuesParser::new(["auto", "always", "never"])
        .map(|s| s.parse::<Mode>().expect("one of the listed values"))
}

impl RunArgs {
    /// The extraction options these flags ask for; a corrections file that cannot be read
    /// or is malformed is a usage error naming its line.
    pub fn options(&self) -> Result<Options, String> {
        let limits = Limits {
            timeout: Duration::from_secs(self.timeout),
            max_input_bytes: self.max_file_mb << 20,
            max_inflated_stream_bytes: self.max_stream_mb << 20,
            max_inflated_content_bytes: (self.max_stream_mb << 20).saturating_mul(4),
            max_pages: self.max_pages,
            max_memory_bytes: self.max_memory_mb << 20,
            ocr_per_page: Duration::from_secs(self.ocr_page_timeout),
            max_timeout: Duration::from_secs(self.max_timeout),
            ..Limits::default()
        };
        let corrections = self
            .corrections
            .as_deref()
            .map(Corrections::load)
            .transpose()?;
        Ok(Options {
            limits,
            ocr: self.ocr,
            corrections: corrections.map(Arc::new),
        })
    }

    /// Worker processes for `extract` and `check`: this binary rerun as `worker` with
    /// the same command line, each bound by `--max-memory-mb` and `--timeout`.
    pub fn workers(&self) -> Result<Spec, String> {
        let program = std::env::current_exe()
            .map_err(|e| format!("cannot find the govreport binary to start workers: {e}"))?;
        Ok(Spec {
            program,
            args: std::iter::once("worker".into())
                .chain(std::env::args_os().skip(1))
                .collect(),
            timeout: Duration::from_secs(self.timeout),
            max_timeout: Duration::from_secs(self.max_timeout),
            max_memory_mb: self.max_memory_mb,
            reuse: None,
            corrections: None,
        })
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

/// Runs the parsed command line and returns how it ended.
pub fn run(cli: Cli) -> Exit {
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Check(args) => check::run(args),
        Command::Text(args) => text::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Worker(args) => worker::run(args),
    };
    result.unwrap_or_else(|stopped| {
        eprintln!("govreport: {}", stopped.message);
        stopped.exit
    })
}

/// Prints a command line clap refused (or the help or version asked for) and returns
/// how the process exits: a usage error, or success for help and version.
pub fn refused(error: clap::Error) -> Exit {
    // A closed stream cannot be reported anywhere else.
    let _ = error.print();
    if error.use_stderr() {
        Exit::Usage
    } else {
        Exit::Ok
    }
}
