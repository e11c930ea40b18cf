//! Argument values shared by the subcommands: endpoints, statuses, formats,
//! and one-line errors with suggestions.

use std::path::Path;
use std::process::ExitCode;

use error_catalogue::engine::Catalogue;
use error_catalogue::{CatalogueEndpoint, StatusCode};
// The build crate's "did you mean", so that `errcat`'s arguments and
// `errcat check`'s diagnostics suggest by one rule.
use error_catalogue_build::suggest::closest;
use http::Method;

/// An endpoint argument: an endpoint, or `general` for the general table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table<E> {
    /// The general table.
    General,
    /// One endpoint's table (with the general fallback on lookup).
    Endpoint(E),
}

impl<E: Copy> Table<E> {
    /// The endpoint; `None` for the general table.
    pub fn endpoint(self) -> Option<E> {
        match self {
            Table::General => None,
            Table::Endpoint(e) => Some(e),
        }
    }
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
    E::parse(arg).map(Table::Endpoint).map_err(|err| {
        // One suggestion, never the whole list: a catalogue may have 10⁴
        // endpoints. Any of an endpoint's three names may be the near miss;
        // the suggestion is its slug.
        let known: Vec<&str> = E::all()
            .iter()
            .flat_map(|e| [e.slug(), e.name(), e.ident()])
            .chain(["general"])
            .collect();
        let suggestion = closest(arg, &known)
            .map(|best| match E::parse(best) {
                Ok(e) => e.slug(),
                Err(_) => best,
            })
            .map(|best| format!("; did you mean '{best}'?"))
            .unwrap_or_default();
        format!("unknown endpoint '{arg}': {err}{suggestion} ('errcat list' shows every entry's endpoint)")
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
        format!(
            "no endpoint matches '{method} {path}' ('errcat list' shows every entry's endpoint)"
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

/// Writes `text` to stdout. A reader that closes the pipe early (`errcat
/// list | head`) has what it wanted, so a broken pipe is no error (and never
/// the panic `print!` makes of it); any other failure is said on stderr.
pub fn out(text: &str) {
    use std::io::{ErrorKind, Write};
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    if let Err(e) = written
        && e.kind() != ErrorKind::BrokenPipe
    {
        eprintln!("errcat: cannot write to stdout: {e}");
    }
}

/// Reports a clap error: help and version go to stdout with exit 0; anything
/// else is one line on stderr, exit 2.
pub fn clap_error(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            out(&err.to_string());
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{err}");
            ExitCode::from(2)
        }
        _ => {
            let text = err.render().to_string();
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let mut first = lines
                .next()
                .unwrap_or("invalid arguments")
                .trim_start_matches("error: ")
                .to_string();
            // "the following required arguments were not provided:" lists
            // them on the lines after, indented: the list joins the line.
            if first.ends_with(':') {
                let listed: Vec<&str> = text
                    .lines()
                    .skip(1)
                    .take_while(|l| l.starts_with(' '))
                    .map(str::trim)
                    .collect();
                first = format!("{} {}", first, listed.join(", "));
            }
            let tip = lines
                .find_map(|l| l.strip_prefix("tip: "))
                .map(|t| format!("; {t}"))
                .unwrap_or_default();
            eprintln!("errcat: {first}{tip} (see 'errcat --help')");
            ExitCode::from(2)
        }
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over
/// `path`: a reader sees the old file or the whole new one, and a failure
/// leaves no file behind.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write '{}': {e}", path.display());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| format!("cannot write '{}': not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.errcat-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        use std::io::Write;
        f.write_all(bytes)?;
        f.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&tmp, path));
    renamed.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_endpoints_get_one_suggestion_not_the_list() {
        use error_catalogue::Endpoint;
        let err = table::<Endpoint>("create-tracker").unwrap_err();
        assert!(err.contains("did you mean 'create-trackers'?"), "{err}");
        assert!(err.contains("name, slug or identifier"), "{err}");
        assert!(!err.contains("async-text-api"), "{err}");
        // A near miss of the identifier or the name suggests the slug.
        let err = table::<Endpoint>("CreateTracker").unwrap_err();
        assert!(err.contains("did you mean 'create-trackers'?"), "{err}");
        let err = table::<Endpoint>("Get Trackers").unwrap_err();
        assert!(err.contains("did you mean 'get-tracker'?"), "{err}");
        let err = table::<Endpoint>("zzzzzzzzz").unwrap_err();
        assert!(!err.contains("did you mean"), "{err}");
        let err = table::<Endpoint>("generl").unwrap_err();
        assert!(err.contains("did you mean 'general'?"), "{err}");
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
