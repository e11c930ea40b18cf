//! `errcat lookup ENDPOINT STATUS`, `errcat lookup --code CODE`, and both
//! (whether the endpoint lists the code under that status).

use std::fmt::Write as _;

use error_catalogue::engine::{self, Catalogue, Entry};
use error_catalogue::{CatalogueEndpoint, StatusCode};

use crate::args::{self, Format, Table};
use crate::{Outcome, codes};

/// Arguments of `lookup`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Endpoint name, slug or identifier (case-insensitive), `general`, or a
    /// request as "METHOD PATH" (`"GET /v1/manage/tracker/abc"`).
    #[arg(required_unless_present = "code", requires = "status")]
    endpoint: Option<String>,
    /// HTTP status, 100–599.
    #[arg(required_unless_present = "code")]
    status: Option<String>,
    /// An application code as the API sends it (exactly; an integer code in
    /// decimal): its entry. With ENDPOINT and STATUS, also whether that
    /// endpoint documents the code under that status.
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Runs `lookup`.
pub fn run<E: CatalogueEndpoint>(a: &Args) -> Outcome {
    if let Some(code) = &a.code {
        return run_code::<E>(a, code);
    }
    // clap requires both without --code; this only keeps it total.
    let (Some(endpoint), Some(status)) = (&a.endpoint, &a.status) else {
        return Outcome::Usage("lookup needs ENDPOINT and STATUS, or --code CODE".to_string());
    };
    let table = match args::table::<E>(endpoint) {
        Ok(t) => t,
        Err(message) => return Outcome::Usage(message),
    };
    let status = match args::status(status) {
        Ok(s) => s,
        Err(message) => return Outcome::Usage(message),
    };
    let found = engine::lookup_for(table.endpoint(), status);
    let Some(entry) = found else {
        let whose = match table {
            Table::General => "the general table".to_string(),
            Table::Endpoint(e) => format!("{e} or the general table"),
        };
        return Outcome::NotFound(format!(
            "{whose} has no entry for status {}",
            status.as_u16()
        ));
    };
    match a.format {
        Format::Text => args::out(&args::terminal_safe(&text(entry))),
        Format::Json => return print_json(entry),
    }
    Outcome::Done
}

/// `lookup --code CODE [ENDPOINT STATUS]`: the code's entry; with ENDPOINT
/// and STATUS, only when the entry that answers them lists the code.
fn run_code<E: CatalogueEndpoint>(a: &Args, code: &str) -> Outcome {
    let table = match a.endpoint.as_deref().map(args::table::<E>).transpose() {
        Ok(t) => t,
        Err(message) => return Outcome::Usage(message),
    };
    let status = match a.status.as_deref().map(args::status).transpose() {
        Ok(s) => s,
        Err(message) => return Outcome::Usage(message),
    };
    let code = match codes::code_arg::<E>(code) {
        Ok(c) => c,
        Err(message) => return Outcome::Usage(message),
    };
    let entry = match codes::find::<E>(&code) {
        Ok(e) => e,
        Err(message) => return Outcome::NotFound(message),
    };
    if let (Some(table), Some(status)) = (table, status)
        && let Err(message) = listed::<E>(table, status, &code)
    {
        return Outcome::NotFound(message);
    }
    match a.format {
        Format::Text => args::out(&args::terminal_safe(&codes::text(entry))),
        Format::Json => return print_json(entry),
    }
    Outcome::Done
}

/// Whether the entry `lookup TABLE STATUS` answers lists `code` (what
/// `Endpoint::codes(status)` gives); if not, why, and where it is listed.
fn listed<E: CatalogueEndpoint>(
    table: Table<E>,
    status: StatusCode,
    code: &str,
) -> Result<(), String> {
    let n = status.as_u16();
    let answering = engine::lookup_for(table.endpoint(), status);
    let listed = match table {
        Table::General => answering.map_or(&[][..], Entry::listed_codes),
        Table::Endpoint(e) => e.codes(status),
    };
    if listed.contains(&code) {
        return Ok(());
    }
    let shown = codes::quoted(code);
    let why = match (table, answering) {
        (Table::Endpoint(e), Some(entry)) if !entry.is_general() => {
            format!("{e}'s {n} entry does not list code {shown}")
        }
        (Table::Endpoint(e), Some(_)) => {
            format!(
                "the general table's {n} entry (which {e} falls back to) does not list code {shown}"
            )
        }
        (Table::General, Some(_)) => {
            format!("the general table's {n} entry does not list code {shown}")
        }
        (Table::Endpoint(e), None) => {
            format!(
                "{e} or the general table has no entry for status {n}, so none lists code {shown}"
            )
        }
        (Table::General, None) => {
            format!("the general table has no entry for status {n}, so none lists code {shown}")
        }
    };
    Err(format!("{why}; {}", codes::listed_for::<E>(code)))
}

/// Prints an entry (a table row's or a code's) as pretty JSON.
fn print_json<E: CatalogueEndpoint>(entry: &Entry<E>) -> Outcome {
    match serde_json::to_string_pretty(entry) {
        Ok(json) => {
            args::out(&format!("{json}\n"));
            Outcome::Done
        }
        Err(err) => Outcome::Usage(format!("cannot serialize: {err}")),
    }
}

/// The entry for people: plain text, markup removed.
pub fn text<E: CatalogueEndpoint>(entry: &Entry<E>) -> String {
    let mut out = String::new();
    let source = match entry.endpoint() {
        Some(e) => format!("{} ({} {})", e.name(), e.method(), e.path()),
        None => format!("{} (general)", Catalogue::<E>::new().page().general_title()),
    };
    let _ = writeln!(out, "{source}: {} {}", entry.code(), entry.plain_meaning());
    out.push_str(&details(entry));
    out
}

/// An entry's lines after its first: description, resolution, retry advice,
/// deprecation; each indented.
pub fn details<E: CatalogueEndpoint>(entry: &Entry<E>) -> String {
    let mut out = String::new();
    if let Some(d) = entry.plain_description() {
        let _ = writeln!(out, "  {d}");
    }
    if let Some(r) = entry.plain_resolution() {
        let _ = writeln!(out, "  Resolution: {r}");
    }
    let _ = writeln!(
        out,
        "  Retryable: {}",
        if entry.retryable() { "yes" } else { "no" }
    );
    let deprecated = entry
        .deprecated()
        .or_else(|| entry.endpoint().and_then(E::deprecated));
    if let Some(note) = deprecated {
        let _ = writeln!(
            out,
            "  Deprecated: {}",
            error_catalogue::render::plain_text(note)
        );
    }
    out
}
