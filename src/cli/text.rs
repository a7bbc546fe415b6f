//! `govreport text`: the layout-preserving text the parsers see, then the table rows
//! they reconstructed, so a user can see why a cell was read as it was.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::RunArgs;
use super::exit::{Exit, Stopped};
use crate::input::{Format, Input};
use crate::layout::render;
use crate::pipeline::extract;

/// Arguments of `text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// The file to show.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Shared options (limits).
    #[command(flatten)]
    pub run: RunArgs,
}

/// Runs `text`; returns the exit code.
pub fn run(args: TextArgs) -> Result<Exit, Stopped> {
    if !args.file.is_file() {
        return Err(format!("{}: no such file", args.file.display()).into());
    }
    let input = Input {
        path: args.file.clone(),
        format: Format::from_path(&args.file),
        output_name: PathBuf::new(),
    };
    let extraction = extract(&input, &args.run.options());
    let mut out = std::io::stdout().lock();
    let mut body = render(&extraction.lines);
    for e in &extraction.record.errors {
        body.push_str(&format!("error [{}]: {}\n", e.code, e.message));
    }
    if !extraction.table_rows.is_empty() {
        body.push_str("\n══ table rows as reconstructed ══\n");
        for row in &extraction.table_rows {
            body.push_str(row);
            body.push('\n');
        }
    }
    // A closed pipe (`| head`) ends the output quietly.
    let _ = out.write_all(body.as_bytes());
    Ok(if extraction.record.errors.is_empty() {
        Exit::Ok
    } else {
        Exit::InputFailed
    })
}
