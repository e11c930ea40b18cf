//! Reading: a data file from disk (or a string) into the [`model`](crate::model):
//! bytes, then text, then a TOML tree, whose keys [`schema`] checks.

use std::io::Read as _;
use std::path::Path;

use toml::de::DeTable;

use crate::diagnostic::{Code, Diagnostic, Source};
use crate::model::CatalogueFile;
use crate::schema;

/// The largest data file accepted, in bytes: 8 MiB. Larger files are
/// rejected before parsing (diagnostic `E0017 limit-exceeded`).
///
/// Checking is linear (about 0.1 s per MB unoptimized), but the generated
/// tables must then compile: a 5 MB catalogue (13,000 entries) builds in
/// about 40 s and 1.2 GB, so 8 MiB keeps a build near a minute, while the
/// shipped catalogue is 5 KB.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads a file into a [`Source`], or says why it cannot: missing,
/// unreadable, over `max_bytes` (read no further than that, so a huge file
/// or an endless stream costs no more), or not UTF-8. The limit is
/// [`MAX_FILE_BYTES`] unless a caller raises it (`Builder::max_file_bytes`,
/// `errcat --max-bytes`).
pub fn read_source(path: &Path, max_bytes: u64) -> Result<Source, Box<(Source, Diagnostic)>> {
    let empty = || Source::new(path, String::new());
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|file| {
        file.take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
    });
    if let Err(err) = read {
        return Err(Box::new((empty(), io_error(path, &err))));
    }
    if let Some(too_big) = over_limit(bytes.len() as u64, max_bytes) {
        return Err(Box::new((empty(), too_big)));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source::new(path, text)),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let source = Source::new(path, lossy);
            let located = source.locate(at);
            let diagnostic = Diagnostic::new(
                Code::Io,
                format!(
                    "`{}` is not UTF-8: invalid byte at line {}, column {}",
                    path.display(),
                    located.line,
                    located.column
                ),
            )
            .at(at..at + 1)
            .label("not UTF-8")
            .hint("save the file as UTF-8");
            Err(Box::new((source, diagnostic)))
        }
    }
}

fn io_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::new(Code::Io, format!("cannot read `{}`: {err}", path.display()))
        .hint("check the path; a build script's relative path is taken from its package root")
}

/// Parses a source's text into the file model, reporting everything wrong
/// with it in one go: TOML syntax errors (the parser recovers and goes on;
/// one per line, as later ones on a line are usually echoes), then every
/// unknown, missing or mistyped key, through [`schema`]. The model is `None`
/// when the file's `[page]` or `[general]` cannot be read; rows and endpoints
/// that cannot be read are left out of it, their problems reported. A text
/// over `max_bytes` is one `E0017` and nothing else.
pub fn parse(source: &Source, max_bytes: u64) -> (Option<CatalogueFile>, Vec<Diagnostic>) {
    if let Some(too_big) = over_limit(source.text().len() as u64, max_bytes) {
        return (None, vec![too_big]);
    }
    let (document, errors) = DeTable::parse_recoverable(source.text());
    // A file of garbage has an error per token: sort the spans, keep one per
    // line, and stop past the report's limit before building any message.
    let mut spans: Vec<(usize, &toml::de::Error)> = errors
        .iter()
        .map(|e| (e.span().map_or(0, |s| s.start), e))
        .collect();
    spans.sort_by_key(|(start, _)| *start);
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut last_line = None;
    for (start, err) in spans {
        let line = Some(source.line(start));
        if line != last_line {
            last_line = line;
            diagnostics.push(syntax_error(err));
            if diagnostics.len() > crate::diagnostic::MAX_DIAGNOSTICS {
                break;
            }
        }
    }
    drop(errors);
    let (file, problems) = schema::file(source.text(), &document, !diagnostics.is_empty());
    diagnostics.extend(problems);
    (file, diagnostics)
}

/// `E0017` for a text over the size limit.
fn over_limit(len: u64, max_bytes: u64) -> Option<Diagnostic> {
    (len > max_bytes).then(|| {
        Diagnostic::new(
            Code::Limit,
            format!(
                "the file is {len} bytes, over the limit of {max_bytes} bytes (MAX_FILE_BYTES)"
            ),
        )
        .hint("split the catalogue, or raise the limit: `errcat --max-bytes N`, Builder::max_file_bytes in a build script")
    })
}

fn syntax_error(err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim();
    let hint = if message.contains("duplicate key") {
        "a key may appear once per table; remove or rename one"
    } else if message.contains("recurs") {
        "nest arrays and tables less deeply; errors.toml needs three levels"
    } else if message.contains("quoted") {
        "text values need double quotes: `key = \"...\"`"
    } else {
        "see https://toml.io for the syntax"
    };
    let mut diagnostic = Diagnostic::new(Code::Syntax, message.to_string())
        .label("invalid TOML")
        .hint(hint);
    if let Some(span) = err.span() {
        diagnostic = diagnostic.at(span);
    }
    diagnostic
}
