//! Routing on arbitrary methods and paths: `route` and its parameters,
//! `Endpoint::route` and `lookup_request` never panic and agree.
//!
//! Input: `METHOD STATUS\nPATH`, the path being the rest of the input (any
//! UTF-8, line breaks included), so that the seeds are real requests
//! (`GET 404\n/v1/manage/tracker/abc`). The method is any bytes up to the
//! first space (`Method::from_bytes` judges them), the status any decimal
//! number (lookups are skipped when it is not a status code).
#![no_main]

use error_catalogue::{Endpoint, Entry, StatusCode};
use http::Method;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((head, path)) = split_once(data, b'\n') else {
        return;
    };
    let Some((method, status)) = split_once(head, b' ') else {
        return;
    };
    let (Ok(method), Ok(path)) = (Method::from_bytes(method), std::str::from_utf8(path)) else {
        return;
    };
    let routed = error_catalogue::route(&method, path);
    if let Some(m) = &routed {
        for (name, raw) in m.params() {
            assert_eq!(m.param(name), Some(raw));
            let decoded = m.param_decoded(name).expect("a listed parameter decodes");
            // Decoding never lengthens: `%XX` (3 bytes) becomes one byte, and
            // a U+FFFD (3 bytes) replaces at least one such `%XX`.
            assert!(decoded.len() <= raw.len(), "{raw:?} -> {decoded:?}");
        }
        assert_eq!(m.param(""), None);
        assert_eq!(m.param_decoded("no such parameter"), None);
    }
    assert_eq!(Endpoint::route(&method, path), routed.map(|m| m.endpoint()));
    let status = std::str::from_utf8(status)
        .ok()
        .and_then(|s| s.parse::<u16>().ok());
    if let Some(status) = status.and_then(|s| StatusCode::from_u16(s).ok()) {
        let entry = error_catalogue::lookup_request(&method, path, status);
        let expected = match routed {
            Some(m) => error_catalogue::lookup(m.endpoint(), status),
            None => error_catalogue::lookup_general(status),
        };
        assert_eq!(
            entry.map(|e| e as *const Entry),
            expected.map(|e| e as *const Entry)
        );
    }
});

fn split_once(data: &[u8], at: u8) -> Option<(&[u8], &[u8])> {
    let i = data.iter().position(|&b| b == at)?;
    Some((&data[..i], &data[i + 1..]))
}
