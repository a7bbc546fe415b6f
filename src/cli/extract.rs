//! `govreport extract`: records for every input, as JSON files, JSON Lines and tidy CSV.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use super::{RunArgs, exit};
use crate::input::{discover, find_clashes};
use crate::output::{self, csv::TidyWriter};
use crate::record::{Record, Status};

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders (walked recursively for .pdf, .txt, .html, .htm, .docx, .doc, .wps,
    /// .odt, .rtf; all but .docx are converted by LibreOffice: `soffice` on PATH, or the
    /// program GOVREPORT_SOFFICE names).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write one pretty JSON record per input into DIR.
    #[arg(short, long = "out", value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write one compact record per line to FILE (`-` for stdout), in input order; with no
    /// -o, --jsonl or --csv, records go to stdout as JSON Lines.
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<PathBuf>,
    /// Write the tidy table of every table cell to FILE.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub run: RunArgs,
}

/// Counts for the closing summary.
#[derive(Default)]
struct Tally {
    ok: usize,
    partial: usize,
    failed: usize,
    pages: u64,
}

impl Tally {
    /// Counts one record.
    fn count(&mut self, record: &Record) {
        match record.status {
            Status::Ok => self.ok += 1,
            Status::Partial => self.partial += 1,
            Status::Failed => self.failed += 1,
        }
        self.pages += u64::from(record.source.pages.unwrap_or(0));
    }
}

fn create(path: &PathBuf) -> Result<Box<dyn Write>, String> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufWriter::new(std::io::stdout().lock())));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let file = File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    Ok(Box::new(BufWriter::new(file)))
}

/// Runs `extract`; returns the exit code.
pub fn run(args: ExtractArgs) -> Result<i32, String> {
    let inputs = discover(&args.inputs)?;
    if args.out.is_some() {
        find_clashes(&inputs)?;
    }
    let mut outputs = Outputs::open(&args)?;
    let bar = args.run.progress(inputs.len());
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut trouble: Option<Stop> = None;
    crate::batch::run(
        &inputs,
        &args.run.options(),
        args.run.jobs(),
        |_, input, extraction| {
            tally.count(&extraction.record);
            bar.set_message(format!("{} pages", tally.pages));
            bar.inc(1);
            match outputs.write(&extraction.record, &input.output_name) {
                Ok(()) => ControlFlow::Continue(()),
                Err(stop) => {
                    trouble = Some(stop);
                    ControlFlow::Break(())
                }
            }
        },
    )?;
    bar.finish_and_clear();
    match trouble.map_or_else(|| outputs.flush(), Err) {
        Err(Stop::ClosedPipe) => return Ok(exit::OK),
        Err(Stop::Failed(e)) => return Err(e),
        Ok(()) => {}
    }
    if !args.run.quiet {
        let seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "{} files: {} ok, {} partial, {} failed; {} pages in {seconds:.1} s",
            inputs.len(),
            tally.ok,
            tally.partial,
            tally.failed,
            tally.pages,
        );
    }
    Ok(if tally.failed > 0 {
        exit::FAILED
    } else {
        exit::OK
    })
}

/// Why a batch stopped writing before its end.
enum Stop {
    /// The reader of stdout went away (`| head`): stop quietly.
    ClosedPipe,
    /// An output could not be written.
    Failed(String),
}

impl Stop {
    fn io(what: &str, e: std::io::Error) -> Stop {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Stop::ClosedPipe
        } else {
            Stop::Failed(format!("cannot write {what}: {e}"))
        }
    }
}

/// The outputs asked for: a folder of records, a JSON Lines stream, a tidy CSV.
struct Outputs {
    dir: Option<PathBuf>,
    jsonl: Option<Box<dyn Write>>,
    csv: Option<TidyWriter<Box<dyn Write>>>,
}

impl Outputs {
    /// Opens the streams (creating their folders); with no output asked for, JSON Lines
    /// go to stdout (like `pdftotext file -`).
    fn open(args: &ExtractArgs) -> Result<Outputs, String> {
        let stdout = PathBuf::from("-");
        let jsonl = match (&args.out, &args.jsonl, &args.csv) {
            (None, None, None) => Some(&stdout),
            (_, jsonl, _) => jsonl.as_ref(),
        };
        let csv = match &args.csv {
            Some(path) => Some(
                TidyWriter::new(create(path)?)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
            ),
            None => None,
        };
        Ok(Outputs {
            dir: args.out.clone(),
            jsonl: jsonl.map(create).transpose()?,
            csv,
        })
    }

    /// Writes one record to every output.
    fn write(&mut self, record: &Record, name: &Path) -> Result<(), Stop> {
        if let Some(dir) = &self.dir {
            output::write_json(dir, name, record)
                .map_err(|e| Stop::io(&format!("into {}", dir.display()), e))?;
        }
        if let Some(out) = self.jsonl.as_mut() {
            output::write_jsonl(out, record).map_err(|e| Stop::io("JSON Lines", e))?;
        }
        if let Some(out) = self.csv.as_mut() {
            out.write(record).map_err(|e| match e.into_kind() {
                ::csv::ErrorKind::Io(e) => Stop::io("CSV", e),
                other => Stop::Failed(format!("cannot write CSV: {other:?}")),
            })?;
        }
        Ok(())
    }

    /// Flushes the streams at the end of a batch.
    fn flush(&mut self) -> Result<(), Stop> {
        if let Some(out) = self.jsonl.as_mut() {
            out.flush().map_err(|e| Stop::io("JSON Lines", e))?;
        }
        if let Some(out) = self.csv.as_mut() {
            out.flush().map_err(|e| Stop::io("CSV", e))?;
        }
        Ok(())
    }
}
