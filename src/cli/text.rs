//! `govreport text`: the layout-preserving text the parsers see, then the table rows
//! they reconstructed, so a user can see why a cell was read as it was.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::RunArgs;
use super::exit::{Exit, Stopped};
use govreport_app::input::{Format, Input};
use govreport_app::pipeline::extract;
use govreport_document::layout::render;

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

/// The text page by page, each page OCR read headed `[page N: OCR]`.
fn by_page(lines: &[govreport_document::layout::Line], ocr_pages: &[u32]) -> String {
    let mut out = String::new();
    let mut start = 0;
    while start < lines.len() {
        let page = lines[start].page;
        let end = start + lines[start..].iter().take_while(|l| l.page == page).count();
        if let Some(n) = page.filter(|n| ocr_pages.contains(n)) {
            out.push_str(&format!("[page {n}: OCR]\n"));
        }
        out.push_str(&render(&lines[start..end]));
        start = end;
    }
    out
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
    let extraction = extract(&input, &args.run.options()?);
    let mut out = std::io::stdout().lock();
    let mut body = match &extraction.record.source.ocr {
        Some(ocr) => by_page(&extraction.lines, &ocr.pages),
        None => render(&extraction.lines),
    };
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
