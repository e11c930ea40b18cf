//! `errcat list [--endpoint E] [--status S]`, and `errcat list --codes`.

use error_catalogue::engine::{Catalogue, Entry};
use error_catalogue::{CatalogueEndpoint, StatusCode};

use crate::args::{self, Format, Table};
use crate::{Outcome, codes};

/// Arguments of `list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this endpoint's entries (`general` for the general table).
    #[arg(long)]
    endpoint: Option<String>,
    /// Only entries with this status.
    #[arg(long)]
    status: Option<String>,
    /// The catalogue's application codes instead of its entries, in page
    /// order. With --endpoint, the codes that table's rows list; with
    /// --status, those documented with that status (with --endpoint, those
    /// its rows of that status list).
    #[arg(long)]
    codes: bool,
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
    if a.codes {
        return run_codes::<E>(a.format, table, status);
    }
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
        Format::Json => return print_json(&selected),
        Format::Text => args::out(&args::terminal_safe(&table_text(&selected))),
    }
    Outcome::Done
}

/// `list --codes`: the codes, filtered as [`Args::codes`] says. A catalogue
/// without codes lists none, and says so on stderr in text mode (JSON
/// prints `[]` alone, for tools); either way exit 0.
fn run_codes<E: CatalogueEndpoint>(
    format: Format,
    table: Option<Table<E>>,
    status: Option<StatusCode>,
) -> Outcome {
    let catalogue = Catalogue::<E>::new();
    let selected: Vec<&Entry<E>> = match table {
        None => catalogue
            .codes()
            .iter()
            .filter(|c| status.is_none_or(|s| c.documented_status() == Some(s)))
            .collect(),
        Some(table) => {
            let listed = |code: &&Entry<E>| {
                catalogue.entries().iter().any(|e| {
                    e.endpoint() == table.endpoint()
                        && status.is_none_or(|s| e.status() == s)
                        && code
                            .app_code()
                            .is_some_and(|c| e.listed_codes().contains(&c))
                })
            };
            catalogue.codes().iter().filter(listed).collect()
        }
    };
    match format {
        Format::Json => return print_json(&selected),
        Format::Text if catalogue.codes().is_empty() => {
            eprintln!("errcat: the catalogue documents no application codes");
        }
        Format::Text => {
            let rows: Vec<[String; 4]> = selected
                .iter()
                .map(|c| {
                    [
                        c.app_code().unwrap_or_default().to_string(),
                        codes::status_text(c),
                        c.plain_meaning().replace('\n', " "),
                        yes_no(c.retryable()),
                    ]
                })
                .collect();
            let header = ["CODE", "STATUS", "MEANING", "RETRYABLE"];
            args::out(&args::terminal_safe(&aligned(header, &rows)));
        }
    }
    Outcome::Done
}

/// Prints entries (table rows' or codes') as a pretty JSON array.
fn print_json<E: CatalogueEndpoint>(selected: &[&Entry<E>]) -> Outcome {
    match serde_json::to_string_pretty(selected) {
        Ok(json) => {
            args::out(&format!("{json}\n"));
            Outcome::Done
        }
        Err(err) => Outcome::Usage(format!("cannot serialize: {err}")),
    }
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

/// An aligned table: endpoint, status, meaning, retryable.
fn table_text<E: CatalogueEndpoint>(selected: &[&Entry<E>]) -> String {
    let rows: Vec<[String; 4]> = selected
        .iter()
        .map(|e| {
            [
                e.endpoint().map_or("general", |ep| ep.slug()).to_string(),
                e.code().to_string(),
                e.plain_meaning().replace('\n', " "),
                yes_no(e.retryable()),
            ]
        })
        .collect();
    aligned(["ENDPOINT", "STATUS", "MEANING", "RETRYABLE"], &rows)
}

/// `header` and `rows` in columns two spaces apart, the last unpadded.
fn aligned<const N: usize>(header: [&str; N], rows: &[[String; N]]) -> String {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.zip(widths).enumerate() {
            s.push_str(cell);
            if i + 1 < N {
                s.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        s.push('\n');
        s
    };
    let mut out = line(&mut header.into_iter());
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    out
}
