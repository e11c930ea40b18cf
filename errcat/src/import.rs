//! `errcat import openapi SPEC [-o FILE]`: an OpenAPI 3.0/3.1 or Swagger 2.0
//! description (JSON or YAML) as errors.toml; `errcat import codes FILE.json`:
//! a JSON registry of application codes as errors.toml's `[[codes]]`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use error_catalogue_build::import::{self, Problem};

use crate::Outcome;

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    from: From,
}

/// What to import from.
#[derive(Debug, clap::Subcommand)]
enum From {
    /// An OpenAPI 3.0/3.1 or Swagger 2.0 description, JSON or YAML: each
    /// operation's 4xx and 5xx responses as a catalogue.
    Openapi(OpenApi),
    /// A JSON registry of application codes (an array of records, or an
    /// object of records keyed by code, as Ably's errors.json and Twilio's
    /// error dictionary): each record as a `[[codes]]` entry.
    Codes(Codes),
}

#[derive(Debug, clap::Args)]
struct Codes {
    /// The registry file, JSON.
    file: PathBuf,
    /// Write the catalogue to this file (replaced whole, never partly
    /// written) instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Where a record's field is read from, for a registry of another shape:
    /// `code=errorCode,meaning=title,description=/detail/text` (a name
    /// starting with `/` is a JSON Pointer into the record); repeatable.
    #[arg(long, value_name = "KEY=FIELD,...")]
    field: Vec<String>,
    /// An integer code without a status whose first three digits are 400 to
    /// 599 comes with that status (40140 with 401).
    #[arg(long)]
    status_from_code: bool,
    /// Exit 2 with nothing written when any record would be left out.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, clap::Args)]
struct OpenApi {
    /// The spec file.
    spec: PathBuf,
    /// Write the catalogue to this file (replaced whole, never partly
    /// written) instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Exit 2 with nothing written when any operation would be left out
    /// for a template, route or row the catalogue cannot take.
    #[arg(long)]
    strict: bool,
}

/// Runs `import`: exit 0 with the catalogue written, else 2 with one
/// located line per problem on stderr and nothing written.
pub fn run(a: &Args) -> Outcome {
    let a = match &a.from {
        From::Openapi(a) => a,
        From::Codes(c) => return codes(c),
    };
    let shown = a.spec.display().to_string();
    let failed = |problems: &[Problem]| {
        report(problems, &shown, "error");
        let n = problems.len();
        Outcome::Usage(format!(
            "{shown}: {n} problem{}, nothing written",
            if n == 1 { "" } else { "s" }
        ))
    };
    let imported = match import::openapi_file(&a.spec) {
        Ok(imported) => imported,
        Err(problems) => return failed(&problems),
    };
    if a.strict && !imported.dropped.is_empty() {
        report(&imported.warnings, &shown, "warning");
        return failed(&imported.dropped);
    }
    let mut warnings: Vec<&Problem> = imported.warnings.iter().chain(&imported.dropped).collect();
    warnings.sort_by_key(|p| (p.line, p.column));
    report(warnings, &shown, "warning");
    if let Err(message) = emit(a.output.as_deref(), &imported.toml) {
        return Outcome::Usage(message);
    }
    if let Some(path) = &a.output {
        eprintln!(
            "errcat: wrote {}: {} endpoints, {} entries{} from {} {}{}{}",
            path.display(),
            imported.endpoints,
            imported.entries,
            match imported.codes {
                0 => String::new(),
                n => format!(", {n} code{}", if n == 1 { "" } else { "s" }),
            },
            imported.dialect,
            shown,
            match imported.left_out {
                0 => String::new(),
                n => format!(
                    " ({n} operation{} without a 4xx or 5xx response left out)",
                    if n == 1 { "" } else { "s" }
                ),
            },
            match imported.dropped.len() {
                0 => String::new(),
                n => format!(
                    " ({n} operation{} the catalogue cannot say left out)",
                    if n == 1 { "" } else { "s" }
                ),
            }
        );
    }
    Outcome::Done
}

/// `import codes`: as `import openapi`, and `--strict` makes a record left
/// out an error.
fn codes(a: &Codes) -> Outcome {
    let shown = a.file.display().to_string();
    let mut options = import::codes::Options {
        status_from_code: a.status_from_code,
        ..Default::default()
    };
    for f in &a.field {
        if let Err(message) = options.fields.set(f) {
            return Outcome::Usage(message);
        }
    }
    let failed = |problems: &[Problem]| {
        report(problems, &shown, "error");
        let n = problems.len();
        Outcome::Usage(format!(
            "{shown}: {n} problem{}, nothing written",
            if n == 1 { "" } else { "s" }
        ))
    };
    let imported = match import::codes::codes_file(&a.file, &options) {
        Ok(imported) => imported,
        Err(problems) => return failed(&problems),
    };
    if a.strict && !imported.warnings.is_empty() {
        return failed(&imported.warnings);
    }
    report(&imported.warnings, &shown, "warning");
    if let Err(message) = emit(a.output.as_deref(), &imported.toml) {
        return Outcome::Usage(message);
    }
    if let Some(path) = &a.output {
        let n = imported.warnings.len();
        eprintln!(
            "errcat: wrote {}: {} codes from {shown}{}",
            path.display(),
            imported.codes,
            match n {
                0 => String::new(),
                n => format!(" ({n} record{} left out)", if n == 1 { "" } else { "s" }),
            }
        );
    }
    Outcome::Done
}

/// The catalogue to `output` (whole or not at all), else to stdout.
fn emit(output: Option<&Path>, toml: &str) -> Result<(), String> {
    match output {
        Some(path) => crate::args::write_whole(path, toml.as_bytes()),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(toml.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write to stdout: {e}"))
        }
    }
}

fn report<'p>(problems: impl IntoIterator<Item = &'p Problem>, file: &str, severity: &str) {
    let mut err = std::io::stderr().lock();
    for p in problems {
        let _ = writeln!(err, "{}", p.one_line(file, severity));
    }
}
