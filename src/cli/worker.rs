//! `govreport worker` (hidden): the per-file worker process that `extract`, `check` and
//! `compare` start; it takes its options from the command line it is given after `worker`.

use std::ffi::OsString;

use clap::{Args, Parser};

use super::exit::{Exit, Stopped};
use super::{Cli, Command};
use govreport_app::worker::serve;

/// Arguments of `worker`: the parent's own command line, whose shared options it takes.
#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// The parent's arguments (`extract …`, `check …` or `compare …`).
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "ARGS"
    )]
    pub args: Vec<OsString>,
}

/// Runs a worker until its parent closes its stdin.
pub fn run(args: WorkerArgs) -> Result<Exit, Stopped> {
    let parent = Cli::try_parse_from(std::iter::once(OsString::from("govreport")).chain(args.args))
        .map_err(|e| format!("worker: bad parent command line: {e}"))?;
    let run = match parent.command {
        Command::Extract(a) => a.run,
        Command::Check(a) => a.run,
        Command::Compare(a) => a.run,
        _ => {
            let message = "worker: the parent must be `extract`, `check` or `compare`";
            return Err(message.to_string().into());
        }
    };
    serve(&run.options()?, run.max_memory_mb)?;
    Ok(Exit::Ok)
}
