//! `Explanation` on arbitrary responses: any method, path, status, headers
//! and body explain without panicking, and display and serialize; in three
//! catalogues, so that reading an application code through `code_pointers`
//! is fuzzed for both kinds: the shipped one (no codes), Ably's (integer
//! codes, `/error/code` then `/code`) and the build crate's codes fixture
//! (string codes, `/error/code` then `/error`; loaded once).
//!
//! Input: an HTTP-response-shaped text, so that the seeds are real responses:
//!
//! ```text
//! METHOD STATUS PATH
//! Name: value
//! ...
//!
//! body (any bytes)
//! ```
//!
//! The method is any bytes (`Method::from_bytes` judges them), the status any
//! decimal number, the path the rest of the first line (UTF-8). A header line
//! is split at its first `:`, one space after it dropped; names and values
//! `http` would not accept are skipped. The body is the rest of the input
//! after the first empty line.
#![no_main]

use std::sync::Once;

use error_catalogue::engine::{Catalogue, Explanation};
use error_catalogue::load::{self, Loaded};
use error_catalogue::{CatalogueEndpoint, StatusCode, TypedErrors};
use http::Method;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use libfuzzer_sys::fuzz_target;

/// A catalogue of string codes, Stripe- and Slack-shaped.
const CODES: &str = include_str!("../../error-catalogue-build/tests/fixtures/codes.toml");

fuzz_target!(|data: &[u8]| {
    let (head, body) = match find(data, b"\n\n") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[][..]),
    };
    let mut lines = head.split(|&b| b == b'\n');
    let mut request = lines.next().unwrap_or_default().splitn(3, |&b| b == b' ');
    let (Some(method), Some(status), Some(path)) = (request.next(), request.next(), request.next())
    else {
        return;
    };
    let Ok(method) = Method::from_bytes(method) else {
        return;
    };
    let status = std::str::from_utf8(status)
        .ok()
        .and_then(|s| s.parse::<u16>().ok());
    let Some(status) = status.and_then(|s| StatusCode::from_u16(s).ok()) else {
        return;
    };
    let Ok(path) = std::str::from_utf8(path) else {
        return;
    };
    let mut headers = HeaderMap::new();
    for line in lines {
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            continue;
        };
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        let value = value.strip_prefix(b" ").unwrap_or(value);
        if let (Ok(name), Ok(value)) =
            (HeaderName::from_bytes(name), HeaderValue::from_bytes(value))
        {
            headers.append(name, value);
        }
    }
    let shipped = explain::<error_catalogue::Endpoint>(&method, path, status, &headers, body);
    typed(shipped.as_ref());
    let ably = explain::<ably_errors::ably::Endpoint>(&method, path, status, &headers, body);
    typed(ably.as_ref());
    static LOAD: Once = Once::new();
    LOAD.call_once(|| {
        let report = error_catalogue_build::check_str("codes.toml", CODES);
        load::load(report.catalogue.as_ref().expect("the fixture is valid")).expect("loads");
    });
    explain::<Loaded>(&method, path, status, &headers, body);
});

/// Explains the response in `E`'s catalogue: displayed, serialized, and its
/// code consistent with its entry and with `Catalogue::read_code`.
fn explain<E: CatalogueEndpoint>(
    method: &Method,
    path: &str,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<Explanation<E>> {
    let explanation = Explanation::<E>::from_status(method, path, status, headers, body)?;
    let _ = explanation.retry_after();
    let _ = explanation.retry_delay();
    let _ = explanation.server_message();
    let _ = explanation.to_string();
    serde_json::to_string(&explanation).expect("an explanation serializes");
    assert_eq!(
        explanation.code().map(str::to_string),
        Catalogue::<E>::new().read_code(body)
    );
    if let Some(code) = explanation.entry().app_code() {
        assert_eq!(explanation.code(), Some(code));
        let problem = explanation.entry().problem().with_status(status);
        serde_json::to_string(&problem).expect("a problem serializes");
    }
    assert_eq!(explanation.server_code().is_some(), explanation.code().is_some() && !explanation.code_documented());
    Some(explanation)
}

/// The explanation's typed error, displayed.
fn typed<E: TypedErrors>(explanation: Option<&Explanation<E>>) {
    if let Some(error) = explanation.and_then(Explanation::error) {
        let _ = error.to_string();
        let _ = error_catalogue::EndpointError::entry(&error);
    }
}

fn find(data: &[u8], needle: &[u8]) -> Option<usize> {
    data.windows(needle.len()).position(|w| w == needle)
}
