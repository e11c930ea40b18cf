//! `errcat list [--endpoint E] [--status S]`.

use error_catalogue::CatalogueEndpoint;
use error_catalogue::engine::{Catalogue, Entry};

use crate::Outcome;
use crate::args::{self, Format, Table};

/// Arguments of `list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this endpoint's entries (`general` for the general table).
    #[arg(long)]
    endpoint: Option<String>,
    /// Only entries with this status.
    #[arg(long)]
    status: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Runs `list`.
pub fn run<E: CatalogueEndpoint>(a: &Args) -> Outcome {
    let table = match a.endpoint.as_deref().map(args::table::<E>).transpose() {
        Ok(t) => t,
        Err(message) => return Outcome::Usage(message),
    };
    let status = match a.status.as_deref().map(args::status).transpose() {
        Ok(s) => s,
        Err(message) => return Outcome::Usage(message),
    };
    let selected: Vec<&Entry<E>> = Catalogue::<E>::new()
        .entries()
        .iter()
        .filter(|e| match table {
            None => true,
            Some(Table::General) => e.endpoint().is_none(),
            Some(Table::Endpoint(ep)) => e.endpoint() == Some(ep),
        })
        .filter(|e| status.is_none_or(|s| e.status() == s))
        .collect();
    match a.format {
        Format::Json => match serde_json::to_string_pretty(&selected) {
            Ok(json) => println!("{json}"),
            Err(err) => return Outcome::Usage(format!("cannot serialize: {err}")),
        },
        Format::Text => print!("{}", args::terminal_safe(&table_text(&selected))),
    }
    Outcome::Done
}

/// An aligned table: endpoint, status, meaning, retryable, description.
fn table_text<E: CatalogueEndpoint>(selected: &[&Entry<E>]) -> String {
    let rows: Vec<[String; 4]> = selected
        .iter()
        .map(|e| {
            [
                e.endpoint().map_or("general", |ep| ep.slug()).to_string(),
                e.code().to_string(),
                e.plain_meaning().replace('\n', " "),
                if e.retryable() { "yes" } else { "no" }.to_string(),
            ]
        })
        .collect();
    let header = ["ENDPOINT", "STATUS", "MEANING", "RETRYABLE"];
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 4]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(cell);
            } else {
                s.push_str(cell);
                s.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        s.push('\n');
        s
    };
    let mut out = line(header);
    for row in &rows {
        out.push_str(&line([&row[0], &row[1], &row[2], &row[3]]));
    }
    out
}
