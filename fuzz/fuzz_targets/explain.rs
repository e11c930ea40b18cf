//! `Explanation` on arbitrary responses: any method, path, status, headers
//! and body explain without panicking, and display and serialize.
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

use error_catalogue::{Explanation, StatusCode};
use http::Method;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use libfuzzer_sys::fuzz_target;

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
    let Some(explanation) = Explanation::from_status(&method, path, status, &headers, body) else {
        return;
    };
    let _ = explanation.retry_after();
    let _ = explanation.retry_delay();
    let _ = explanation.server_message();
    let _ = explanation.to_string();
    serde_json::to_string(&explanation).expect("an explanation serializes");
});

fn find(data: &[u8], needle: &[u8]) -> Option<usize> {
    data.windows(needle.len()).position(|w| w == needle)
}
