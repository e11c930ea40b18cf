//! `errcat render --format F [-o FILE]` and `errcat render --all DIR`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use error_catalogue::CatalogueEndpoint;
use error_catalogue::engine::Catalogue;
use error_catalogue::render::Format;

use crate::Outcome;

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The format to render.
    #[arg(
        long,
        value_parser = formats(),
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    format: Option<Format>,
    /// Write to this file instead of stdout.
    #[arg(short, long, conflicts_with = "all")]
    output: Option<PathBuf>,
    /// Write every format into this directory (created if missing).
    #[arg(long, value_name = "DIR")]
    all: Option<PathBuf>,
}

/// `--format`'s values: `render::Format`'s names, each with its summary.
fn formats() -> impl TypedValueParser<Value = Format> {
    let values = Format::ALL
        .iter()
        .map(|f| PossibleValue::new(f.name()).help(f.summary()));
    // The parser lets through only those names, so each has its format.
    PossibleValuesParser::new(values).map(|name| Format::from_name(&name).unwrap())
}

/// Runs `render`.
pub fn run<E: CatalogueEndpoint>(a: &Args) -> Outcome {
    let catalogue = Catalogue::<E>::new();
    let written = match (&a.all, a.format) {
        (Some(dir), _) => write_all(catalogue, dir),
        (None, Some(format)) => match &a.output {
            Some(path) => write_file(catalogue, format, path),
            None => {
                let mut out = std::io::stdout().lock();
                catalogue
                    .render(format, &mut out)
                    .and_then(|()| out.flush())
                    .map_err(|e| format!("cannot write to stdout: {e}"))
            }
        },
        (None, None) => Err("give --format FORMAT or --all DIR".to_string()),
    };
    match written {
        Ok(()) => Outcome::Done,
        Err(message) => Outcome::Usage(message),
    }
}

/// Renders into a buffer first, then writes it whole (`args::write_whole`),
/// so neither a failed render nor a failed write leaves a partial file.
fn write_file<E: CatalogueEndpoint>(
    catalogue: Catalogue<E>,
    format: Format,
    path: &Path,
) -> Result<(), String> {
    let mut buf = Vec::new();
    catalogue
        .render(format, &mut buf)
        .map_err(|e| format!("cannot render {}: {e}", format.name()))?;
    crate::args::write_whole(path, &buf)
}

fn write_all<E: CatalogueEndpoint>(catalogue: Catalogue<E>, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create '{}': {e}", dir.display()))?;
    for &format in Format::ALL {
        write_file(catalogue, format, &dir.join(format.file_name()))?;
    }
    Ok(())
}
