//! `errcat check [FILE]`: the build's validation at run time, for docs
//! repositories and editors that have no Rust build of their own.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

use error_catalogue_build::{Diagnostic, Report, Source, check_file_with_limit};
use serde_json::json;

use crate::Outcome;
use crate::args::Format;

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The catalogue to check. Default: `errors.toml` in the current
    /// directory, else the one this errcat was built from.
    file: Option<PathBuf>,
    /// Output format: rustc-style reports, or one JSON object per line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
}

/// Runs `check`: exit 0 when clean (warnings allowed unless
/// `--deny-warnings`), 1 when it finds errors. A missing or unreadable file
/// is a finding too (`E0001`), not a usage error.
pub fn run(a: &Args, catalogue: Option<&Path>, max_bytes: Option<u64>) -> Outcome {
    let path = a
        .file
        .clone()
        .or_else(|| catalogue.map(Path::to_path_buf))
        .unwrap_or_else(default_file);
    let limit = max_bytes.unwrap_or(error_catalogue_build::MAX_FILE_BYTES);
    let report = check_file_with_limit(&path, limit);
    let out = match a.format {
        Format::Text => text(&report),
        Format::Json => report
            .diagnostics
            .iter()
            .map(|d| json_line(&report.source, d) + "\n")
            .collect(),
    };
    // A closed pipe (`errcat check | head`) is the reader's choice, not an error.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    let warnings = report.diagnostics.iter().any(|d| !d.is_error());
    if report.has_errors() || (a.deny_warnings && warnings) {
        Outcome::Failed
    } else {
        Outcome::Done
    }
}

/// `./errors.toml` when there is one, else the one the built-in catalogue
/// is built from: error-catalogue's, beside this package in the workspace.
fn default_file() -> PathBuf {
    let here = PathBuf::from("errors.toml");
    let built = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(|workspace| workspace.join("errors.toml"));
    match built {
        Some(built) if !here.exists() && built.exists() => built,
        _ => here,
    }
}

/// Every report, then a summary line. Color only on a terminal, and not
/// when `NO_COLOR` is set.
fn text(report: &Report) -> String {
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = String::new();
    for d in &report.diagnostics {
        out.push_str(&report.source.render(d, color));
        out.push_str("\n\n");
    }
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = report.diagnostics.len() - errors;
    let path = report.source.path().display();
    let summary = match (&report.catalogue, errors, warnings) {
        (Some(c), 0, 0) => {
            // A registry's codes are its content: say them when there are any.
            let codes = match c.codes.len() {
                0 => String::new(),
                n => format!(", {n} code{}", plural(n)),
            };
            format!(
                "{path}: ok ({} entries, {} endpoints{codes})",
                c.entries().count(),
                c.endpoints.len()
            )
        }
        _ => format!(
            "{path}: {errors} error{}, {warnings} warning{}",
            plural(errors),
            plural(warnings)
        ),
    };
    out.push_str(&summary);
    out.push('\n');
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One diagnostic as one JSON line: 1-based line and column (in characters),
/// `end` just past the culprit; positions are `null` when there is no place.
fn json_line(source: &Source, d: &Diagnostic) -> String {
    let place = |offset: usize| {
        let at = source.locate(offset);
        (at.line, at.column)
    };
    let (start, end) = match &d.span {
        Some(span) => (Some(place(span.start)), Some(place(span.end))),
        None => (None, None),
    };
    json!({
        "file": source.path().display().to_string(),
        "line": start.map(|p| p.0),
        "column": start.map(|p| p.1),
        "end": end.map(|(line, column)| json!({"line": line, "column": column})),
        "severity": d.severity().as_str(),
        "code": d.code.id(),
        "name": d.code.name(),
        "message": d.message,
        "label": d.label,
        "hint": d.hint,
    })
    .to_string()
}
