//! The `govreport` command: parses arguments and hands them to the library.

use clap::Parser;

fn main() {
    let cli = govreport::cli::Cli::parse();
    std::process::exit(govreport::cli::run(cli));
}
