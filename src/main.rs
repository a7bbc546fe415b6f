//! The `govreport` command: parses arguments and hands them to the library.

use clap::Parser;
use govreport::cli;

fn main() {
    let exit = match cli::Cli::try_parse() {
        Ok(args) => cli::run(args),
        Err(error) => cli::refused(error),
    };
    std::process::exit(exit.code());
}
