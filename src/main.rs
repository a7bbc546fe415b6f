//! The `govreport` command: parses arguments and hands them to the library crates.

mod cli;

use clap::Parser;

fn main() {
    // SAFETY: no thread has started yet.
    unsafe { govreport_read::ocr::engine::one_thread_per_recognition() };
    let exit = match cli::Cli::try_parse() {
        Ok(args) => cli::run(args),
        Err(error) => cli::refused(error),
    };
    std::process::exit(exit.code());
}
