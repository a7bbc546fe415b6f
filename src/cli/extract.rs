//! `govreport extract`: records for every input, as JSON files, JSON Lines and tidy CSV.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use super::RunArgs;
use super::exit::{Exit, Stopped};
use govreport_app::input::{Input, discover, find_clashes};
use govreport_app::output::{self, audit_csv::AuditWriter, csv::TidyWriter, review::ReviewWriter};
use govreport_app::page::batch::BatchPage;
use govreport_app::scale::shard::Shard;
use govreport_model::record::{Record, Status};

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders (walked recursively for .pdf, .txt, .html, .htm, .docx, .doc, .wps,
    /// .odt, .rtf; .doc, .wps, .odt and .rtf are converted by LibreOffice: `soffice` on
    /// PATH, or the program GOVREPORT_SOFFICE names).
    #[arg(required_unless_present = "files_from", value_name = "INPUT")]
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
    /// Write one row per audit finding to FILE
    /// (source_path,agency,year,rule,path,page,message).
    #[arg(long, value_name = "FILE")]
    pub audit_csv: Option<PathBuf>,
    /// Write one CSV row per doubtful or failing table cell to FILE
    /// (`sha256,path,value,page,reason,source_path`): a worksheet for --corrections.
    #[arg(long, value_name = "FILE")]
    pub review: Option<PathBuf>,
    /// Write one self-contained HTML page summarising the batch to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Read input paths from FILE (`-` for stdin), one per line, besides INPUT.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// Take only the K-th of N disjoint, stable parts of the inputs (e.g. 3/8).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// Reuse records in --out made by this version from the same bytes.
    #[arg(long, requires = "out")]
    pub skip_existing: bool,
    /// Shared options.
    #[command(flatten)]
    pub run: RunArgs,
}

/// Counts for the closing summary.
#[derive(Default)]
struct StatusCounts {
    ok: usize,
    partial: usize,
    failed: usize,
    pages: u64,
}

impl StatusCounts {
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

pub(crate) fn create(path: &PathBuf) -> Result<Box<dyn Write>, Stopped> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufWriter::new(std::io::stdout().lock())));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| Stopped::write(format!("cannot create {}: {e}", parent.display())))?;
    }
    let file = File::create(path)
        .map_err(|e| Stopped::write(format!("cannot create {}: {e}", path.display())))?;
    Ok(Box::new(BufWriter::new(file)))
}

/// The inputs of this run: the arguments, then `--files-from`; checked for output-name
/// clashes (all of them, so that every shard refuses the same), then `--shard`ed.
fn gather(args: &ExtractArgs) -> Result<Vec<Input>, String> {
    let mut inputs = discover(&args.inputs)?;
    if let Some(list) = &args.files_from {
        inputs.extend(govreport_app::scale::list::read(list)?);
    }
    if args.out.is_some() {
        find_clashes(&inputs)?;
    }
    Ok(match args.shard {
        Some(shard) => shard.select(inputs),
        None => inputs,
    })
}

/// Runs `extract`; returns the exit code.
pub fn run(args: ExtractArgs) -> Result<Exit, Stopped> {
    let corrections = args.run.options()?.corrections;
    let inputs = gather(&args)?;
    let mut workers = args.run.workers()?;
    workers.reuse = args.out.clone().filter(|_| args.skip_existing);
    workers.corrections = corrections.clone();
    let mut seen = HashSet::new();
    let mut outputs = Outputs::open(&args)?;
    let bar = args.run.progress(inputs.len());
    let started = Instant::now();
    let mut counts = StatusCounts::default();
    let mut trouble: Option<OutputStop> = None;
    govreport_app::batch::run(
        &inputs,
        &workers,
        args.run.jobs(),
        |_, input, extraction| {
            counts.count(&extraction.record);
            seen.insert(extraction.record.source.sha256.clone());
            bar.set_message(format!("{} pages", counts.pages));
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
    let seconds = started.elapsed().as_secs_f64();
    match trouble.map_or_else(|| outputs.flush(seconds), Err) {
        Err(OutputStop::ClosedPipe) => return Ok(Exit::Ok),
        Err(OutputStop::Failed(e)) => return Err(Stopped::write(e)),
        Ok(()) => {}
    }
    if !args.run.quiet {
        let unmatched = corrections.map_or(String::new(), |c| {
            format!("; {} corrections matched no input", c.unmatched(&seen))
        });
        eprintln!(
            "{} files: {} ok, {} partial, {} failed; {} pages in {seconds:.1} s{unmatched}",
            inputs.len(),
            counts.ok,
            counts.partial,
            counts.failed,
            counts.pages,
        );
    }
    Ok(if counts.failed > 0 {
        Exit::InputFailed
    } else {
        Exit::Ok
    })
}

/// Why a batch stopped writing before its end.
enum OutputStop {
    /// The reader of stdout went away (`| head`): stop quietly.
    ClosedPipe,
    /// An output could not be written.
    Failed(String),
}

impl OutputStop {
    fn io(what: &str, e: std::io::Error) -> OutputStop {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            OutputStop::ClosedPipe
        } else {
            OutputStop::Failed(format!("cannot write {what}: {e}"))
        }
    }
}

/// Why writing a CSV row stopped: the stream, or the row itself.
fn csv_stop(what: &str, e: ::csv::Error) -> OutputStop {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => OutputStop::io(what, e),
        other => OutputStop::Failed(format!("cannot write {what}: {other:?}")),
    }
}

/// The outputs asked for: a folder of records, a JSON Lines stream, a tidy CSV, the audit
/// and review CSVs, a page.
struct Outputs {
    dir: Option<PathBuf>,
    jsonl: Option<Box<dyn Write>>,
    csv: Option<TidyWriter<Box<dyn Write>>>,
    audit: Option<AuditWriter<Box<dyn Write>>>,
    review: Option<ReviewWriter<Box<dyn Write>>>,
    page: Option<BatchPage>,
}

impl Outputs {
    /// Opens the streams (creating their folders); with no output asked for, JSON Lines
    /// go to stdout (like `pdftotext file -`).
    fn open(args: &ExtractArgs) -> Result<Outputs, Stopped> {
        let stdout = PathBuf::from("-");
        let named = [
            &args.out,
            &args.csv,
            &args.html,
            &args.audit_csv,
            &args.review,
        ];
        let jsonl = match &args.jsonl {
            None if named.iter().all(|o| o.is_none()) => Some(&stdout),
            jsonl => jsonl.as_ref(),
        };
        let cannot =
            |path: &Path, e| Stopped::write(format!("cannot write {}: {e}", path.display()));
        let csv = match &args.csv {
            Some(path) => Some(TidyWriter::new(create(path)?).map_err(|e| cannot(path, e))?),
            None => None,
        };
        let audit = match &args.audit_csv {
            Some(path) => Some(AuditWriter::new(create(path)?).map_err(|e| cannot(path, e))?),
            None => None,
        };
        let review = match &args.review {
            Some(path) => Some(ReviewWriter::new(create(path)?).map_err(|e| cannot(path, e))?),
            None => None,
        };
        let page = match &args.html {
            Some(path) => Some(
                BatchPage::create(path)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
            ),
            None => None,
        };
        Ok(Outputs {
            dir: args.out.clone(),
            jsonl: jsonl.map(create).transpose()?,
            csv,
            audit,
            review,
            page,
        })
    }

    /// Writes one record to every output.
    fn write(&mut self, record: &Record, name: &Path) -> Result<(), OutputStop> {
        if let Some(dir) = &self.dir {
            output::write_json(dir, name, record)
                .map_err(|e| OutputStop::io(&format!("into {}", dir.display()), e))?;
        }
        if let Some(out) = self.jsonl.as_mut() {
            output::write_jsonl(out, record).map_err(|e| OutputStop::io("JSON Lines", e))?;
        }
        if let Some(page) = self.page.as_mut() {
            page.add(record)
                .map_err(|e| OutputStop::io("the HTML page", e))?;
        }
        if let Some(out) = self.csv.as_mut() {
            out.write(record).map_err(|e| csv_stop("CSV", e))?;
        }
        if let Some(out) = self.audit.as_mut() {
            out.write(record)
                .map_err(|e| csv_stop("the audit CSV", e))?;
        }
        if let Some(out) = self.review.as_mut() {
            out.write(record)
                .map_err(|e| csv_stop("the review CSV", e))?;
        }
        Ok(())
    }

    /// Flushes the streams at the end of a batch and writes the page.
    fn flush(&mut self, seconds: f64) -> Result<(), OutputStop> {
        if let Some(page) = self.page.take() {
            page.finish(seconds)
                .map_err(|e| OutputStop::io("the HTML page", e))?;
        }
        if let Some(out) = self.jsonl.as_mut() {
            out.flush().map_err(|e| OutputStop::io("JSON Lines", e))?;
        }
        if let Some(out) = self.csv.as_mut() {
            out.flush().map_err(|e| OutputStop::io("CSV", e))?;
        }
        if let Some(out) = self.audit.as_mut() {
            out.flush()
                .map_err(|e| OutputStop::io("the audit CSV", e))?;
        }
        if let Some(out) = self.review.as_mut() {
            out.flush()
                .map_err(|e| OutputStop::io("the review CSV", e))?;
        }
        Ok(())
    }
}
