//! Application codes on the command line: the `--code` argument, a code's
//! entry as text and JSON, and where rows list a code. Shared by `lookup
//! --code` and `list --codes`.

use std::fmt::Write as _;

use error_catalogue::CatalogueEndpoint;
use error_catalogue::engine::{Catalogue, Entry};
// The build crate's "did you mean", as for endpoints (see args.rs).
use error_catalogue_build::suggest::closest;

use crate::args;

/// The most tables named in one "it is listed for …" hint; a registry code
/// may be listed by hundreds of rows.
const MAX_PLACES: usize = 5;

/// A `--code` argument as the catalogue's index holds it: a string code
/// exactly as given; an integer code in decimal, so `040140` is `40140`.
/// Errors are one line, for exit 2.
pub fn code_arg<E: CatalogueEndpoint>(arg: &str) -> Result<String, String> {
    if arg.is_empty() {
        return Err("invalid code '': expected a code as the API sends it".to_string());
    }
    if !Catalogue::<E>::new().integer_codes() {
        return Ok(arg.to_string());
    }
    // Digits only: u64's parser would also take a sign.
    let digits = arg.trim();
    match digits.parse::<u64>() {
        Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) => Ok(n.to_string()),
        _ => Err(format!(
            "invalid code {}: this catalogue's codes are integers, given in decimal (e.g. 40140)",
            quoted(arg)
        )),
    }
}

/// The entry of `code` (as [`code_arg`] gives it), or why there is none, for
/// exit 1: the catalogue has no codes, or which of its codes is closest.
pub fn find<E: CatalogueEndpoint>(code: &str) -> Result<&'static Entry<E>, String> {
    if let Some(entry) = E::lookup_code(code) {
        return Ok(entry);
    }
    let all = Catalogue::<E>::new().codes();
    if all.is_empty() {
        return Err(format!(
            "no code {}: the catalogue documents no application codes",
            quoted(code)
        ));
    }
    Err(format!(
        "the catalogue has no code {}{} ('errcat list --codes' shows every code; codes are compared exactly)",
        quoted(code),
        suggestion::<E>(code)
    ))
}

/// `; did you mean 'card_declined'?` for a code the catalogue lacks, when
/// one of its codes is close; else empty.
pub fn suggestion<E: CatalogueEndpoint>(code: &str) -> String {
    // Codes are compared exactly, but the suggestion ignores case, so
    // `Card_Declined` finds `card_declined`.
    let known: Vec<&str> = Catalogue::<E>::new()
        .codes()
        .iter()
        .filter_map(Entry::app_code)
        .collect();
    closest(code, &known)
        .map(|best| format!("; did you mean {}?", quoted(best)))
        .unwrap_or_default()
}

/// Where rows list `code`, for a hint: `create-charge 402`, `general 200`,
/// at most [`MAX_PLACES`] of them, then how many more.
pub fn listed_for<E: CatalogueEndpoint>(code: &str) -> String {
    let places: Vec<String> = Catalogue::<E>::new()
        .entries()
        .iter()
        .filter(|e| e.listed_codes().contains(&code))
        .map(|e| format!("{} {}", e.endpoint().map_or("general", E::slug), e.code()))
        .collect();
    places_text(&places)
}

fn places_text(places: &[String]) -> String {
    match places.split_at_checked(MAX_PLACES) {
        _ if places.is_empty() => "no entry lists it".to_string(),
        Some((named, rest)) if !rest.is_empty() => format!(
            "it is listed for {} and {} more",
            named.join(", "),
            rest.len()
        ),
        _ => format!("it is listed for {}", places.join(", ")),
    }
}

/// `code` quoted for a one-line message: terminal controls and line breaks
/// escaped (it is the user's argument or the catalogue's data).
pub fn quoted(code: &str) -> String {
    format!("'{}'", args::terminal_safe(code).replace('\n', "\\n"))
}

/// A code's status for people: the number, or `any` for a code documented
/// with any status.
pub fn status_text<E: CatalogueEndpoint>(entry: &Entry<E>) -> String {
    entry
        .documented_status()
        .map_or("any".to_string(), |s| s.as_u16().to_string())
}

/// A code's entry for people: the code and its status, then the entry's
/// texts as `lookup` writes them.
pub fn text<E: CatalogueEndpoint>(entry: &Entry<E>) -> String {
    let status = match entry.documented_status() {
        Some(s) => format!("status {}", s.as_u16()),
        None => "any status".to_string(),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Code {} ({status}): {}",
        entry.app_code().unwrap_or_default(),
        entry.plain_meaning()
    );
    out.push_str(&crate::lookup::details(entry));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_named_up_to_a_few_then_counted() {
        let places = |n: usize| -> Vec<String> { (0..n).map(|i| format!("e{i} 401")).collect() };
        assert_eq!(places_text(&places(0)), "no entry lists it");
        assert_eq!(places_text(&places(1)), "it is listed for e0 401");
        assert_eq!(
            places_text(&places(MAX_PLACES)),
            "it is listed for e0 401, e1 401, e2 401, e3 401, e4 401"
        );
        assert_eq!(
            places_text(&places(MAX_PLACES + 2)),
            "it is listed for e0 401, e1 401, e2 401, e3 401, e4 401 and 2 more"
        );
    }

    #[test]
    fn quoted_codes_cannot_drive_the_terminal() {
        assert_eq!(quoted("a\u{1b}[2J\nb"), "'a\\u{1b}[2J\\nb'");
        assert_eq!(quoted("card_declined"), "'card_declined'");
    }
}
