//! `errcat`: the error catalogue from the command line.
//!
//! Exit status: 0 found/done, 1 not in the catalogue (or the check found
//! errors), 2 bad arguments (one line on stderr).
#![forbid(unsafe_code)]

mod args;
mod check;
mod codes;
mod diff;
mod explain;
mod import;
mod list;
mod lookup;
mod render;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use error_catalogue::CatalogueEndpoint;
use error_catalogue::load::Loaded;

/// An error catalogue from the command line: what a status from an endpoint
/// means and what to do, over the built-in catalogue or any errors.toml.
#[derive(Debug, Parser)]
#[command(name = "errcat", version, about)]
struct Cli {
    /// The catalogue to answer from: any errors.toml, read and checked at
    /// run time. Default: errors.toml in the current directory when there is
    /// one, else the catalogue errcat was built with.
    #[arg(short = 'c', long = "catalogue", global = true, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// The largest catalogue file read, in bytes (default 8 MiB).
    #[arg(long, global = true, value_name = "BYTES")]
    max_bytes: Option<u64>,
    #[command(subcommand)]
    command: Command,
}

/// The catalogue file a command reads: `--catalogue`, else `./errors.toml`
/// when there is one; `None`: the built-in catalogue.
fn catalogue_file(cli: &Cli) -> Option<PathBuf> {
    cli.catalogue.clone().or_else(|| {
        let here = Path::new("errors.toml");
        here.is_file().then(|| here.to_path_buf())
    })
}

/// Runs a command over the catalogue `cli` names: the built-in one, or a
/// file loaded at run time (its diagnostics on stderr and exit 2 when it
/// has errors).
fn over_catalogue(cli: &Cli, run: impl Fn(&Command, bool) -> Outcome) -> Outcome {
    let Some(path) = catalogue_file(cli) else {
        return run(&cli.command, false);
    };
    let limit = cli
        .max_bytes
        .unwrap_or(error_catalogue_build::MAX_FILE_BYTES);
    let report = error_catalogue_build::check_file_with_limit(&path, limit);
    let Some(catalogue) = report.catalogue.as_ref().filter(|_| !report.has_errors()) else {
        let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
        for d in errors {
            eprintln!("{}\n", report.source.render(d, false));
        }
        return Outcome::Invalid;
    };
    if let Err(err) = error_catalogue::load::load(catalogue) {
        return Outcome::Usage(err.to_string());
    }
    run(&cli.command, true)
}

/// Runs a catalogue command over endpoints `E`.
fn run_over<E: CatalogueEndpoint>(command: &Command) -> Outcome {
    match command {
        Command::Lookup(a) => lookup::run::<E>(a),
        Command::List(a) => list::run::<E>(a),
        Command::Render(a) => render::run::<E>(a),
        Command::Explain(a) => explain::run::<E>(a),
        // Over files of their own, not a catalogue: main runs them.
        Command::Check(_) | Command::Diff(_) | Command::Import(_) => Outcome::Done,
    }
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
    /// Import an API description or a code registry as a catalogue:
    /// `import openapi SPEC [-o FILE]`, `import codes FILE.json [-o FILE]`.
    Import(import::Args),
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
    /// The catalogue file has errors, reported on stderr: exit 2.
    Invalid,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return args::clap_error(&err),
    };
    let outcome = match &cli.command {
        Command::Check(a) => check::run(a, cli.catalogue.as_deref(), cli.max_bytes),
        Command::Diff(a) => diff::run(a, cli.max_bytes),
        Command::Import(a) => import::run(a),
        _ => over_catalogue(&cli, |command, loaded| {
            if loaded {
                run_over::<Loaded>(command)
            } else {
                run_over::<error_catalogue::Endpoint>(command)
            }
        }),
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
        Outcome::Invalid => ExitCode::from(2),
    }
}
