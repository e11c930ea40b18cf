//! Reading: a data file from disk (or a string) into the [`model`](crate::model).

use std::path::Path;

use crate::diagnostic::{Code, Diagnostic, Source};
use crate::model::CatalogueFile;

/// The largest data file accepted, in bytes. Larger files are rejected
/// before parsing (diagnostic `E0017 limit-exceeded`).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a file into a [`Source`], or says why it cannot.
pub fn read_source(path: &Path) -> Result<Source, Box<(Source, Diagnostic)>> {
    let empty = || Source::new(path, String::new());
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            return Err(Box::new((
                empty(),
                Diagnostic::new(
                    Code::Limit,
                    format!(
                        "the file is {} bytes, over the limit of {MAX_FILE_BYTES} bytes (MAX_FILE_BYTES)",
                        meta.len()
                    ),
                )
                .hint("split the catalogue or raise error_catalogue_build::read::MAX_FILE_BYTES"),
            )));
        }
        Ok(_) => {}
        Err(err) => return Err(Box::new((empty(), io_error(path, &err)))),
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(Source::new(path, text)),
            Err(err) => {
                let at = err.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(err.as_bytes()).into_owned();
                let source = Source::new(path, lossy);
                let located = source.locate(at);
                let diagnostic = Diagnostic::new(
                    Code::Io,
                    format!(
                        "the file is not UTF-8: invalid byte at line {}, column {}",
                        located.line, located.column
                    ),
                )
                .at(at..at + 1)
                .label("not UTF-8")
                .hint("save the file as UTF-8");
                Err(Box::new((source, diagnostic)))
            }
        },
        Err(err) => Err(Box::new((empty(), io_error(path, &err)))),
    }
}

fn io_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::new(Code::Io, format!("cannot read `{}`: {err}", path.display()))
        .hint("check the path; ERROR_CATALOGUE_TOML, if set, is taken relative to the package root")
}

/// Parses a source's text into the file model; a failure is one located diagnostic.
pub fn parse(source: &Source) -> Result<CatalogueFile, Box<Diagnostic>> {
    toml::from_str::<CatalogueFile>(source.text()).map_err(|err| Box::new(from_toml_error(&err)))
}

/// Classifies a toml/serde error and gives it a hint.
fn from_toml_error(err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim().to_string();
    let (code, hint) = if message.starts_with("unknown field") {
        (Code::UnknownKey, Some(expected_list(&message)))
    } else if message.starts_with("missing field") {
        (
            Code::MissingKey,
            Some("add the key; README.md lists the required keys".to_string()),
        )
    } else if message.starts_with("invalid type") {
        let hint = if message.contains("expected i64") {
            "write the status as a bare integer, e.g. `status = 409`"
        } else {
            "README.md gives each key's type"
        };
        (Code::WrongType, Some(hint.to_string()))
    } else {
        (Code::Syntax, None)
    };
    let mut diagnostic = Diagnostic::new(code, message);
    if let Some(span) = err.span() {
        diagnostic = diagnostic.at(span);
    }
    if let Some(hint) = hint.filter(|h| !h.is_empty()) {
        diagnostic = diagnostic.hint(hint);
    }
    diagnostic
}

fn expected_list(message: &str) -> String {
    message
        .split_once(", expected ")
        .map(|(_, list)| format!("expected {list}"))
        .unwrap_or_default()
}
