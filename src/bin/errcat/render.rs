//! `errcat render --format F [-o FILE]`.

use std::io::Write;
use std::path::PathBuf;

use crate::Outcome;

/// A docs format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderFormat {
    /// The whole catalogue as JSON.
    Json,
}

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The format to render.
    #[arg(long, value_enum)]
    format: RenderFormat,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Runs `render`.
pub fn run(a: &Args) -> Outcome {
    let text = match a.format {
        RenderFormat::Json => match serde_json::to_string_pretty(&error_catalogue::Catalogue) {
            Ok(json) => json + "\n",
            Err(err) => return Outcome::Usage(format!("cannot serialize: {err}")),
        },
    };
    let written = match &a.output {
        Some(path) => std::fs::write(path, &text)
            .map_err(|e| format!("cannot write '{}': {e}", path.display())),
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write to stdout: {e}")),
    };
    match written {
        Ok(()) => Outcome::Done,
        Err(message) => Outcome::Usage(message),
    }
}
