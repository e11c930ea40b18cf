//! `errcat lookup ENDPOINT STATUS`.

use std::fmt::Write as _;

use error_catalogue::CatalogueEndpoint;
use error_catalogue::engine::{self, Catalogue, Entry};

use crate::Outcome;
use crate::args::{self, Format, Table};

/// Arguments of `lookup`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Endpoint name, slug or identifier (case-insensitive), `general`, or a
    /// request as "METHOD PATH" (`"GET /v1/manage/tracker/abc"`).
    endpoint: String,
    /// HTTP status, 100–599.
    status: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Runs `lookup`.
pub fn run<E: CatalogueEndpoint>(a: &Args) -> Outcome {
    let table = match args::table::<E>(&a.endpoint) {
        Ok(t) => t,
        Err(message) => return Outcome::Usage(message),
    };
    let status = match args::status(&a.status) {
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
        Format::Text => print!("{}", args::terminal_safe(&text(entry))),
        Format::Json => match serde_json::to_string_pretty(entry) {
            Ok(json) => println!("{json}"),
            Err(err) => return Outcome::Usage(format!("cannot serialize: {err}")),
        },
    }
    Outcome::Done
}

/// The entry for people: plain text, markup removed.
pub fn text<E: CatalogueEndpoint>(entry: &Entry<E>) -> String {
    let mut out = String::new();
    let source = match entry.endpoint() {
        Some(e) => format!("{} ({} {})", e.name(), e.method(), e.path()),
        None => format!("{} (general)", Catalogue::<E>::new().page().general_title()),
    };
    let _ = writeln!(out, "{source}: {} {}", entry.code(), entry.plain_meaning());
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
