//! Argument values shared by the subcommands: endpoints, statuses, formats,
//! and one-line errors with suggestions.

use std::process::ExitCode;

use error_catalogue::engine::Catalogue;
use error_catalogue::{CatalogueEndpoint, StatusCode};
use http::Method;

/// An endpoint argument: an endpoint, or `general` for the general table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table<E> {
    /// The general table.
    General,
    /// One endpoint's table (with the general fallback on lookup).
    Endpoint(E),
}

/// Output format of `lookup` and `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned text for people.
    Text,
    /// JSON for tools.
    Json,
}

/// Parses an endpoint argument: a name, slug or identifier, or `general`.
pub fn table<E: CatalogueEndpoint>(arg: &str) -> Result<Table<E>, String> {
    if let Some(routed) = request(arg) {
        return routed;
    }
    if arg.eq_ignore_ascii_case("general")
        || arg.eq_ignore_ascii_case(Catalogue::<E>::new().page().general_slug())
    {
        return Ok(Table::General);
    }
    E::parse(arg).map(Table::Endpoint).map_err(|_| {
        let known: Vec<&str> = E::all().iter().map(|e| e.slug()).collect();
        match closest(arg, &known) {
            Some(best) => format!(
                "unknown endpoint '{arg}'; did you mean '{best}'? (known: general, {})",
                known.join(", ")
            ),
            None => format!(
                "unknown endpoint '{arg}' (known: general, {})",
                known.join(", ")
            ),
        }
    })
}

/// A `"METHOD PATH"` endpoint argument (`"GET /v1/manage/tracker/abc"`):
/// the endpoint the request routes to. `None` when `arg` is not of that form.
fn request<E: CatalogueEndpoint>(arg: &str) -> Option<Result<Table<E>, String>> {
    let (method, path) = arg.trim().split_once(' ')?;
    let path = path.trim();
    if !is_path_or_url(path) {
        return None;
    }
    let routed = method_and_route(method, path);
    Some(routed.map(Table::Endpoint))
}

fn method_and_route<E: CatalogueEndpoint>(method: &str, path: &str) -> Result<E, String> {
    let method = self::method(method)?;
    E::route(&method, path).ok_or_else(|| {
        let known: Vec<String> = E::all()
            .iter()
            .map(|e| format!("{} {}", e.method(), e.path()))
            .collect();
        format!(
            "no endpoint matches '{method} {path}' (known: {})",
            known.join(", ")
        )
    })
}

/// `text` safe to print to a terminal: control characters (but the line
/// breaks of multi-line fields) and text-direction controls are written as
/// the escapes `errcat check` shows them with (`\u{1b}`), so data cannot
/// move the cursor, recolour or reorder what a person reads.
pub fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let unsafe_char = (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
        if unsafe_char {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Parses a method argument, ignoring ASCII case (`get` is GET).
pub fn method(arg: &str) -> Result<Method, String> {
    Method::from_bytes(arg.trim().to_ascii_uppercase().as_bytes())
        .map_err(|_| format!("invalid method '{arg}': expected e.g. GET, POST or DELETE"))
}

/// Whether `arg` is a path (`/…`) or a URL (`scheme://…`).
pub fn is_path_or_url(arg: &str) -> bool {
    arg.starts_with('/') || arg.contains("://")
}

/// Parses a status argument: a number from 100 to 599.
pub fn status(arg: &str) -> Result<StatusCode, String> {
    arg.trim()
        .parse::<u16>()
        .ok()
        .filter(|n| (100..=599).contains(n))
        .and_then(|n| StatusCode::from_u16(n).ok())
        .ok_or_else(|| format!("invalid status '{arg}': expected a number from 100 to 599"))
}

/// The known value closest to `arg` (by edit distance, ignoring case), if
/// close enough to be a likely typo.
pub fn closest<'a>(arg: &str, known: &[&'a str]) -> Option<&'a str> {
    let arg = arg.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&arg, &k.to_ascii_lowercase()), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2) || k.starts_with(arg.as_str()))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// Reports a clap error: help and version go to stdout with exit 0; anything
/// else is one line on stderr, exit 2.
pub fn clap_error(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print!("{err}");
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{err}");
            ExitCode::from(2)
        }
        _ => {
            let text = err.render().to_string();
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines
                .next()
                .unwrap_or("invalid arguments")
                .trim_start_matches("error: ");
            let tip = lines
                .find_map(|l| l.strip_prefix("tip: "))
                .map(|t| format!("; {t}"))
                .unwrap_or_default();
            eprintln!("errcat: {first}{tip} (see 'errcat --help')");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let known = ["async-text-api", "create-trackers", "get-tracker"];
        assert_eq!(closest("create-tracker", &known), Some("create-trackers"));
        assert_eq!(closest("get-trackers", &known), Some("get-tracker"));
        assert_eq!(closest("zzzzzzzzz", &known), None);
    }

    #[test]
    fn terminal_text_escapes_controls_but_line_breaks() {
        assert_eq!(terminal_safe("a\u{1b}[31mb\nc\td"), "a\\u{1b}[31mb\nc\\td");
        assert_eq!(terminal_safe("\u{202E}x"), "\\u{202e}x");
        assert_eq!(terminal_safe("plain – text"), "plain – text");
    }

    #[test]
    fn statuses() {
        assert_eq!(status("409"), Ok(StatusCode::CONFLICT));
        assert!(status("99").is_err());
        assert!(status("600").is_err());
        assert!(status("abc").is_err());
    }
}
