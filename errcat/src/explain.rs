//! `errcat explain METHOD PATH STATUS [--body FILE|-]`: what a real error
//! response means, as an SDK would explain it to its user: by the
//! application code its body carries when the catalogue knows it, else by
//! its status (a code the catalogue lacks shown as the server's).

use std::io::Read;

use error_catalogue::CatalogueEndpoint;
use error_catalogue::engine::{Catalogue, Explanation};
use http::{HeaderMap, Method};

use crate::args::{self, Format};
use crate::{Outcome, codes};

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The request's method (GET, POST, …).
    method: String,
    /// The request's path or full URL (query and fragment are ignored).
    path: String,
    /// The response's status, 100–599.
    status: String,
    /// The response body (`-` for stdin): its application code, read
    /// through the catalogue's code_pointers, and the server's message.
    #[arg(long, value_name = "FILE|-")]
    body: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Runs `explain`.
pub fn run<E: CatalogueEndpoint>(a: &Args) -> Outcome {
    let method = match args::method(&a.method) {
        Ok(m) => m,
        Err(message) => return Outcome::Usage(message),
    };
    if !args::is_path_or_url(&a.path) {
        return Outcome::Usage(format!(
            "invalid path '{}': expected a path starting with '/' or a URL",
            a.path
        ));
    }
    let status = match args::status(&a.status) {
        Ok(s) => s,
        Err(message) => return Outcome::Usage(message),
    };
    let body = match a.body.as_deref().map(read_body).transpose() {
        Ok(body) => body.unwrap_or_default(),
        Err(message) => return Outcome::Usage(message),
    };
    let Some(explanation) =
        Explanation::<E>::from_status(&method, &a.path, status, &HeaderMap::new(), &body)
    else {
        let mut message = not_found::<E>(&method, &a.path, status.as_u16());
        // Explained by its code had the catalogue known it: say which.
        if let Some(code) = Catalogue::<E>::new().read_code(&body) {
            message.push_str(&format!(
                ", and the body's code {} is not in the catalogue{}",
                codes::quoted(&code),
                codes::suggestion::<E>(&code)
            ));
        }
        return Outcome::NotFound(message);
    };
    match a.format {
        Format::Text => args::out(&format!("{explanation}\n")),
        Format::Json => match serde_json::to_string_pretty(&explanation) {
            Ok(json) => args::out(&format!("{json}\n")),
            Err(err) => return Outcome::Usage(format!("cannot serialize: {err}")),
        },
    }
    Outcome::Done
}

fn not_found<E: CatalogueEndpoint>(method: &Method, path: &str, status: u16) -> String {
    match E::route(method, path) {
        Some(e) => format!("{e} or the general table has no entry for status {status}"),
        None => format!(
            "no endpoint matches {method} {path}, and the general table has no entry for status {status}"
        ),
    }
}

fn read_body(arg: &str) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    if arg == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut body)
            .map_err(|e| format!("cannot read the body from stdin: {e}"))?;
        return Ok(body);
    }
    std::fs::read(arg).map_err(|e| format!("cannot read body file '{arg}': {e}"))
}
