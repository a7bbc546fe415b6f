//! `govreport check`: extract and compare each record with its golden file.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use clap::Args;

use super::RunArgs;
use super::exit::{Exit, Stopped};
use govreport_app::input::{Input, discover, find_clashes};
use govreport_app::output::{golden::diff, write_json};
use govreport_model::record::Record;

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to extract.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Folder of expected records, named like `--out` names records.
    #[arg(long, value_name = "DIR")]
    pub golden: PathBuf,
    /// Write the current records as the new goldens (review them with `git diff`).
    #[arg(long)]
    pub bless: bool,
    /// Shared options.
    #[command(flatten)]
    pub run: RunArgs,
}

/// Runs `check`: [`Exit::Ok`] when every record matches its golden, else
/// [`Exit::Differences`].
pub fn run(args: CheckArgs) -> Result<Exit, Stopped> {
    args.run.options()?;
    let inputs = discover(&args.inputs)?;
    find_clashes(&inputs)?;
    let bar = args.run.progress(inputs.len());
    let mut comparison = Comparison::default();
    let mut trouble = None;
    govreport_app::batch::run(
        &inputs,
        &args.run.workers()?,
        args.run.jobs(),
        |_, input, extraction| {
            bar.inc(1);
            let record = &extraction.record;
            if args.bless {
                if let Err(e) = write_json(&args.golden, &input.output_name, record) {
                    let path = args.golden.join(&input.output_name);
                    trouble = Some(format!("cannot write {}: {e}", path.display()));
                    return ControlFlow::Break(());
                }
                comparison.matching += 1;
            } else {
                comparison.compare(&args.golden, input, record);
            }
            ControlFlow::Continue(())
        },
    )?;
    bar.finish_and_clear();
    if let Some(e) = trouble {
        return Err(Stopped::write(e));
    }
    for line in &comparison.lines {
        println!("{line}");
    }
    let verb = if args.bless { "blessed" } else { "match" };
    println!(
        "{}/{} files {verb}, {} differences, {} missing goldens",
        comparison.matching,
        inputs.len(),
        comparison.differences,
        comparison.missing
    );
    Ok(if comparison.differences + comparison.missing == 0 {
        Exit::Ok
    } else {
        Exit::Differences
    })
}

/// What the comparison found so far, with one printable line per difference.
#[derive(Default)]
struct Comparison {
    matching: usize,
    differences: usize,
    missing: usize,
    lines: Vec<String>,
}

impl Comparison {
    /// Compares one record with its golden in `dir`.
    fn compare(&mut self, dir: &Path, input: &Input, record: &Record) {
        let name = input
            .path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let path = dir.join(&input.output_name);
        let expected = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                serde_json::from_str::<serde_json::Value>(&text).map_err(|e| e.to_string())
            });
        let expected = match expected {
            Ok(v) => v,
            Err(e) => {
                self.missing += 1;
                let shown = path.display();
                self.lines
                    .push(format!("{name}: no usable golden at {shown} ({e})"));
                return;
            }
        };
        let actual = serde_json::to_value(record).unwrap_or_default();
        let found = diff(&expected, &actual);
        if found.is_empty() {
            self.matching += 1;
        }
        self.differences += found.len();
        for d in found {
            let line = format!("{name}: {}: expected {}, got {}", d.path, d.expected, d.got);
            self.lines.push(line);
        }
    }
}
