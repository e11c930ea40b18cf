//! `errcat import openapi SPEC [-o FILE]`: an OpenAPI 3.0/3.1 or Swagger 2.0
//! description (JSON or YAML) as errors.toml.

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
}

#[derive(Debug, clap::Args)]
struct OpenApi {
    /// The spec file.
    spec: PathBuf,
    /// Write the catalogue to this file (replaced whole, never partly
    /// written) instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Runs `import`: exit 0 with the catalogue written, else 2 with one
/// located line per problem on stderr and nothing written.
pub fn run(a: &Args) -> Outcome {
    let From::Openapi(a) = &a.from;
    let shown = a.spec.display().to_string();
    let imported = match import::openapi_file(&a.spec) {
        Ok(imported) => imported,
        Err(problems) => {
            report(&problems, &shown, "error");
            let n = problems.len();
            return Outcome::Usage(format!(
                "{shown}: {n} problem{}, nothing written",
                if n == 1 { "" } else { "s" }
            ));
        }
    };
    report(&imported.warnings, &shown, "warning");
    let written = match &a.output {
        Some(path) => write_whole(path, imported.toml.as_bytes()),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(imported.toml.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write to stdout: {e}"))
        }
    };
    if let Err(message) = written {
        return Outcome::Usage(message);
    }
    if let Some(path) = &a.output {
        eprintln!(
            "errcat: wrote {}: {} endpoints, {} entries from {} {}{}",
            path.display(),
            imported.endpoints,
            imported.entries,
            imported.dialect,
            shown,
            match imported.left_out {
                0 => String::new(),
                n => format!(
                    " ({n} operation{} without a 4xx or 5xx response left out)",
                    if n == 1 { "" } else { "s" }
                ),
            }
        );
    }
    Outcome::Done
}

fn report(problems: &[Problem], file: &str, severity: &str) {
    let mut err = std::io::stderr().lock();
    for p in problems {
        let _ = writeln!(err, "{}", p.one_line(file, severity));
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over
/// `path`: a reader sees the old file or the whole new one, and a failure
/// leaves no file behind.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write '{}': {e}", path.display());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| format!("cannot write '{}': not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.errcat-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&tmp, path));
    renamed.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}
