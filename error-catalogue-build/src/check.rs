//! The check pipeline: a data file's text read into its model, validated,
//! and reported with every diagnostic; `Builder`, `diff` and errcat run it.

use crate::catalogue::Catalogue;
use crate::diagnostic::{self, Code, Diagnostic, Source};
use crate::{model, read, validate};

/// The outcome of checking one file: its source, every diagnostic, and the
/// catalogue when there were no errors.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file's path and text, to locate and render the diagnostics.
    pub source: Source,
    /// Every problem found, errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The checked catalogue, when no diagnostic is an error.
    pub catalogue: Option<Catalogue>,
}

impl Report {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Every diagnostic rendered rustc-style, separated by blank lines.
    pub fn render(&self, color: bool) -> String {
        self.diagnostics
            .iter()
            .map(|d| self.source.render(d, color))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Reads and checks a data file.
pub fn check_file(path: impl AsRef<std::path::Path>) -> Report {
    check_file_with_limit(path, read::MAX_FILE_BYTES)
}

/// [`check_file`] with another size limit than [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES).
pub fn check_file_with_limit(path: impl AsRef<std::path::Path>, max_bytes: u64) -> Report {
    match read::read_source(path.as_ref(), max_bytes) {
        Ok(source) => check_source(source, max_bytes),
        Err(failed) => {
            let (source, diagnostic) = *failed;
            Report {
                source,
                diagnostics: vec![diagnostic],
                catalogue: None,
            }
        }
    }
}

/// Checks a data file's text; `path` is only used in messages.
pub fn check_str(path: impl Into<std::path::PathBuf>, text: &str) -> Report {
    check_source(Source::new(path, text), read::MAX_FILE_BYTES)
}

pub(crate) fn check_source(source: Source, max_bytes: u64) -> Report {
    check_source_keeping_model(source, max_bytes).0
}

/// [`check_source`], also returning the file's model (every value with its
/// span) when the catalogue came out clean.
pub(crate) fn check_source_keeping_model(
    source: Source,
    max_bytes: u64,
) -> (Report, Option<model::CatalogueFile>) {
    let (file, mut diagnostics) = read::parse(&source, max_bytes);
    let (catalogue, file) = match file {
        Some(file) => {
            let (catalogue, found) = validate::validate(&file);
            diagnostics.extend(found);
            (catalogue, Some(file))
        }
        None => (None, None),
    };
    // A row the schema left out would be missing from the catalogue.
    let catalogue = catalogue.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    if diagnostics.len() > diagnostic::MAX_DIAGNOSTICS {
        let left_out = diagnostics.len() - diagnostic::MAX_DIAGNOSTICS;
        diagnostics.truncate(diagnostic::MAX_DIAGNOSTICS);
        diagnostics.push(
            Diagnostic::new(
                Code::Limit,
                format!(
                    "{left_out} more problems not shown: the limit is {} per check (MAX_DIAGNOSTICS)",
                    diagnostic::MAX_DIAGNOSTICS
                ),
            )
            .hint("fix the problems above and check again"),
        );
    }
    let file = file.filter(|_| catalogue.is_some());
    let report = Report {
        source,
        diagnostics,
        catalogue,
    };
    (report, file)
}
