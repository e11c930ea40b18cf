//! `errcat`: the error catalogue from the command line.
//!
//! Exit status: 0 found/done, 1 not in the catalogue (or the check found
//! errors), 2 bad arguments (one line on stderr).
#![forbid(unsafe_code)]

mod args;
mod check;
mod diff;
mod explain;
mod list;
mod lookup;
mod render;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The Symbl.ai error catalogue: what a status from an endpoint means and what to do.
#[derive(Debug, Parser)]
#[command(name = "errcat", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// What STATUS from ENDPOINT means, and what to do about it.
    Lookup(lookup::Args),
    /// List entries, optionally of one endpoint or status.
    List(list::Args),
    /// Render the catalogue in a docs format.
    Render(render::Args),
    /// Check a catalogue file: every problem, located, with a fix.
    Check(check::Args),
    /// Explain a real error response: METHOD PATH STATUS [--body FILE|-].
    Explain(explain::Args),
    /// Compare two versions of a catalogue: what the change breaks.
    Diff(diff::Args),
}

/// How a command ended, as the process's exit status.
#[derive(Debug)]
pub enum Outcome {
    /// Found or done: exit 0.
    Done,
    /// Not in the catalogue: exit 1, after the message on stderr.
    NotFound(String),
    /// Bad arguments or an unusable input: exit 2, one line on stderr.
    Usage(String),
    /// The command found problems and has reported them: exit 1.
    Failed,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return args::clap_error(&err),
    };
    let outcome = match cli.command {
        Command::Lookup(a) => lookup::run(&a),
        Command::List(a) => list::run(&a),
        Command::Render(a) => render::run(&a),
        Command::Check(a) => check::run(&a),
        Command::Explain(a) => explain::run(&a),
        Command::Diff(a) => diff::run(&a),
    };
    match outcome {
        Outcome::Done => ExitCode::SUCCESS,
        Outcome::NotFound(message) => {
            eprintln!("errcat: {message}");
            ExitCode::from(1)
        }
        Outcome::Usage(message) => {
            eprintln!("errcat: {message}");
            ExitCode::from(2)
        }
        Outcome::Failed => ExitCode::from(1),
    }
}
