//! OpenAPI 3.0 / 3.1 and Swagger 2.0 → `errors.toml` (feature `import`; the
//! `errcat import openapi` command).
//!
//! Each operation with at least one 4xx or 5xx response becomes an endpoint
//! (named from its `operationId`, else its `summary`, else `METHOD path`),
//! each such response a row (the status's reason phrase as meaning, the
//! response's description, its example body); an operation marked
//! `deprecated: true` is a deprecated endpoint. Statuses every operation
//! documents alike make the general table. The output is deterministic,
//! endpoints in the spec's order, and passes [`crate::check_str`].
//!
//! One operation never costs the whole spec: one whose template the
//! catalogue cannot say, that routes an earlier one's requests, or whose
//! endpoint the validator refuses is left out, located, in
//! [`Import::dropped`] and a line of the file's header comment. Operations
//! that differ only by a `#fragment` are one endpoint, their rows together;
//! a path parameter marked `x-multi-segment: true` is `{*name}`. An
//! operation's own `servers` add their paths to the base paths. A response
//! schema's `code` enum and a description's bulleted code spans
//! (`` * `item_name_in_use` when … ``) are `[[codes]]`, the bulleted ones
//! its row's `codes`; a code the catalogue cannot hold is left out with a
//! warning. A file
//! that cannot be read as a spec (not JSON or YAML, a remote or broken
//! `$ref`, a reference cycle) or none of whose operations imports is a
//! list of located [`Problem`]s instead.
//!
//! A document rendered by error-catalogue's OpenAPI renderer carries what
//! OpenAPI has no field for in three extensions, read back here so that the
//! round trip gives the catalogue back: `x-catalogue` on the document
//! (`page`: errors.toml's `[page]`; `general`: the general table's `title`,
//! `slug` and `responses`, the names of its rows under
//! `components/responses`, in order; `codes`, the `[[codes]]` registry, and
//! `code_pointers`, when the catalogue has application codes), `x-endpoint`
//! on each operation
//! (`name`, `slug`, `order`: the endpoint's place on the page, `deprecated`:
//! its note) and `x-entry` on each response (`status`, `meaning`,
//! `description`, `resolution`, `retryable`, `example`, `deprecated`,
//! `codes` as errors.toml writes them, and `order`, the row's place in its
//! table; a response with one is a row whatever its status, as a 200 that
//! lists codes is). A
//! deprecated operation without an `x-endpoint` note gets a stock one
//! (`deprecated = "Deprecated in the spec."`). An operation's `$ref` to a
//! general response is the fallback to the general table, not a row.
//!
//! ```
//! let spec = r#"{"openapi": "3.0.3", "info": {"title": "Pets", "version": "1"},
//!   "paths": {"/pets/{id}": {"get": {"operationId": "showPetById",
//!     "responses": {"200": {"description": "A pet"},
//!                   "404": {"description": "No such pet."}}}}}}"#;
//! let import = error_catalogue_build::import::openapi("pets.json", spec).unwrap();
//! assert!(import.toml.contains("name = \"Show Pet By Id\"\n"));
//! assert!(import.toml.contains("status = 404\nmeaning = \"Not Found\"\ndescription = \"No such pet.\"\n"));
//! assert!(!error_catalogue_build::check_str("errors.toml", &import.toml).has_errors());
//! ```

pub mod codes;
mod spec;
pub mod tree;
mod write;

use std::fmt;
use std::io::Read as _;
use std::path::Path;

pub use tree::Pos;

/// The largest spec [`openapi_file`] reads: 32 MiB.
pub const MAX_SPEC_BYTES: u64 = 32 << 20;

/// One problem with the spec (or a warning about it), located where the
/// reader can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Line, from 1.
    pub line: Option<usize>,
    /// Column, from 1, in characters.
    pub column: Option<usize>,
    /// What is wrong, one line.
    pub message: String,
}

impl Problem {
    /// A problem at `at`.
    pub fn at(at: Pos, message: impl Into<String>) -> Self {
        Problem {
            line: Some(at.line),
            column: Some(at.col),
            message: message.into(),
        }
    }

    /// A problem with no place in the file.
    pub fn whole(message: impl Into<String>) -> Self {
        Problem {
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// `FILE:LINE:COL: SEVERITY: MESSAGE` (without the place it has not).
    pub fn one_line(&self, file: &str, severity: &str) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}: {severity}: {}", self.message),
            (Some(l), None) => format!("{file}:{l}: {severity}: {}", self.message),
            _ => format!("{file}: {severity}: {}", self.message),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{l}:{c}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// A finished import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The catalogue, as errors.toml text.
    pub toml: String,
    /// What was renamed or left out, located in the spec.
    pub warnings: Vec<Problem>,
    /// What the document is: `Swagger 2.0`, `OpenAPI 3.0.3`, `OpenAPI 3.1.0`.
    pub dialect: String,
    /// Endpoints written.
    pub endpoints: usize,
    /// Rows written, the general table's included.
    pub entries: usize,
    /// `[[codes]]` entries written.
    pub codes: usize,
    /// Operations left out for having no 4xx or 5xx response.
    pub left_out: usize,
    /// Each operation left out because the catalogue cannot say it (a
    /// template it cannot take, a route an earlier endpoint takes, rows that
    /// do not check), located; not in `warnings`. `errcat import openapi`
    /// reports them as warnings, or as errors with `--strict`.
    pub dropped: Vec<Problem>,
}

/// Imports a spec's text. `file_name` is only quoted in the output's header.
pub fn openapi(file_name: &str, text: &str) -> Result<Import, Vec<Problem>> {
    let root = tree::parse(text).map_err(|p| vec![p])?;
    let (mut doc, mut warnings) = spec::read(&root)?;
    // An endpoint the validator refuses (two templates that route the same
    // requests in a way only it sees, a name it cannot take) is left out as
    // `import codes` leaves out a record; a second pass sees the file
    // without it. An error outside every endpoint is a bug here.
    let mut toml = String::new();
    for pass in 0..=4 {
        if doc.endpoints.is_empty() && !doc.dropped.is_empty() {
            let mut problems = std::mem::take(&mut doc.dropped);
            problems.push(Problem::whole("no operation of the spec could be imported"));
            return Err(problems);
        }
        let blocks;
        (toml, blocks) = write::catalogue(&doc, file_name);
        let report = crate::check_str("errors.toml", &toml);
        let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
        if errors.is_empty() {
            break;
        }
        let mut bad = std::collections::BTreeMap::new();
        let mut bad_codes = std::collections::BTreeMap::new();
        for d in &errors {
            let start = d.span.as_ref().map(|s| s.start);
            let within = |blocks: &[std::ops::Range<usize>]| {
                start.and_then(|s| blocks.iter().position(|b| b.contains(&s)))
            };
            match (within(&blocks.endpoints), within(&blocks.codes)) {
                (Some(i), _) if pass < 4 => {
                    bad.entry(i).or_insert_with(|| d.message.clone());
                }
                // A code found in the spec (an enum's value, a bullet's
                // span) the catalogue cannot hold: left out, and from the
                // rows that list it.
                (_, Some(i)) if pass < 4 && doc.codes[i].at.is_some() => {
                    bad_codes.entry(i).or_insert_with(|| d.message.clone());
                }
                _ => {
                    return Err(errors
                        .iter()
                        .map(|d| {
                            Problem::whole(format!(
                                "the catalogue made from this spec does not check (an errcat bug): {}",
                                report.source.one_line(d)
                            ))
                        })
                        .collect());
                }
            }
        }
        for (i, why) in bad.into_iter().rev() {
            let e = doc.endpoints.remove(i);
            doc.dropped.push(spec::dropped(e.at, &e, &why));
        }
        let mut codes_left_out = Vec::new();
        for (i, why) in bad_codes.into_iter().rev() {
            let c = doc.codes.remove(i);
            doc.forget_code(&c.code);
            // The validator's message names the code, or is about a text of it.
            let why = if why.starts_with("code ") {
                format!("{why}: left out")
            } else {
                format!(
                    "code {}: {why}: left out",
                    spec::quoted(&c.code.to_string())
                )
            };
            codes_left_out.push(match c.at {
                Some(at) => Problem::at(at, why),
                None => Problem::whole(why),
            });
        }
        warnings.extend(codes_left_out.into_iter().rev());
        doc.dropped.sort_by_key(|p| (p.line, p.column));
    }
    Ok(Import {
        toml,
        warnings,
        dialect: doc.dialect.clone(),
        endpoints: doc.endpoints.len(),
        entries: doc.general.rows.len() + doc.endpoints.iter().map(|e| e.rows.len()).sum::<usize>(),
        codes: doc.codes.len(),
        left_out: doc.left_out.len(),
        dropped: doc.dropped,
    })
}

/// Reads a spec file (at most [`MAX_SPEC_BYTES`], UTF-8) and imports it.
pub fn openapi_file(path: &Path) -> Result<Import, Vec<Problem>> {
    let text = read_spec(path, MAX_SPEC_BYTES).map_err(|p| vec![p])?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    openapi(&name, &text)
}

/// A spec file's text: an error for a missing or unreadable file, one over
/// `max_bytes`, or bytes that are not UTF-8 (located).
pub fn read_spec(path: &Path, max_bytes: u64) -> Result<String, Problem> {
    let file =
        std::fs::File::open(path).map_err(|e| Problem::whole(format!("cannot read: {e}")))?;
    let mut bytes = Vec::new();
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::whole(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Problem::whole(format!(
            "the spec is over {max_bytes} bytes (MAX_SPEC_BYTES); errcat imports specs up to 32 MiB"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let col = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Problem::at(Pos { line, col }, "the spec is not UTF-8 text")
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// Any text, JSON- or YAML-shaped or not, is an import or located
        /// problems: never a panic.
        #[test]
        fn never_panics(text in "[{}\\[\\]:,\"'\\\\ \n\t#&*!|>a-z0-9$/~é-]{0,80}") {
            let _ = super::openapi("x", &text);
            let _ = super::openapi("x", &format!("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n{text}"));
            let _ = super::openapi("x", &format!("{{\"swagger\": \"2.0\", \"paths\": {text}"));
        }
    }
}
