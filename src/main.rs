//! The `govreport` command: parses arguments and hands them to the library.

use clap::Parser;
use govreport::cli;

fn main() {
    // SAFETY: no thread has started yet.
    unsafe { govreport::ocr::engine::one_thread_per_recognition() };
    let exit = match cli::Cli::try_parse() {
        Ok(args) => cli::run(args),
        Err(error) => cli::refused(error),
    };
    std::process::exit(exit.code());
}
