//! `govreport check`: extract and compare each record with its golden file.

use std::ops::ControlFlow;

use std::path::PathBuf;

use clap::Args;

use super::{RunArgs, exit};
use crate::input::{discover, find_clashes};
use crate::output::{golden::diff, write_json};

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

/// Runs `check`; returns 0 when every record matches its golden, 1 otherwise.
pub fn run(args: CheckArgs) -> Result<i32, String> {
    let inputs = discover(&args.inputs)?;
    find_clashes(&inputs)?;
    let bar = args.run.progress(inputs.len());
    let (mut matching, mut differences, mut missing) = (0usize, 0usize, 0usize);
    let mut lines = Vec::new();
    let mut trouble = None;
    crate::batch::run(
        &inputs,
        &args.run.options(),
        args.run.jobs(),
        |_, input, extraction| {
            bar.inc(1);
            let name = input
                .path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let path = args.golden.join(&input.output_name);
            if args.bless {
                if let Err(e) = write_json(&args.golden, &input.output_name, &extraction.record) {
                    trouble = Some(format!("cannot write {}: {e}", path.display()));
                    return ControlFlow::Break(());
                }
                matching += 1;
                return ControlFlow::Continue(());
            }
            let expected = match std::fs::read_to_string(&path) {
                Ok(text) => {
                    serde_json::from_str::<serde_json::Value>(&text).map_err(|e| e.to_string())
                }
                Err(e) => Err(e.to_string()),
            };
            let expected = match expected {
                Ok(v) => v,
                Err(e) => {
                    missing += 1;
                    lines.push(format!(
                        "{name}: no usable golden at {} ({e})",
                        path.display()
                    ));
                    return ControlFlow::Continue(());
                }
            };
            let actual = serde_json::to_value(&extraction.record).unwrap_or_default();
            let found = diff(&expected, &actual);
            if found.is_empty() {
                matching += 1;
            }
            differences += found.len();
            for d in found {
                lines.push(format!(
                    "{name}: {}: expected {}, got {}",
                    d.path, d.expected, d.got
                ));
            }
            ControlFlow::Continue(())
        },
    )?;
    bar.finish_and_clear();
    if let Some(e) = trouble {
        return Err(e);
    }
    for line in &lines {
        println!("{line}");
    }
    let verb = if args.bless { "blessed" } else { "match" };
    println!(
        "{matching}/{} files {verb}, {differences} differences, {missing} missing goldens",
        inputs.len()
    );
    Ok(if differences + missing == 0 {
        exit::OK
    } else {
        exit::USAGE
    })
}
