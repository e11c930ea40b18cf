//! Routing on arbitrary methods and paths, over the shipped catalogue and
//! Docker's (base paths and `{*name}` parameters): `route` and its
//! parameters, `Endpoint::route` and `lookup_request` never panic and agree.
//!
//! Input: `METHOD STATUS\nPATH`, the path being the rest of the input (any
//! UTF-8, line breaks included), so that the seeds are real requests
//! (`GET 404\n/v1/manage/tracker/abc`). The method is any bytes up to the
//! first space (`Method::from_bytes` judges them), the status any decimal
//! number (lookups are skipped when it is not a status code).
#![no_main]

use docker_engine_errors::docker;
use error_catalogue::engine::{Catalogue, CatalogueEndpoint, Entry, RouteMatch, lookup_request};
use error_catalogue::StatusCode;
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
    let status = std::str::from_utf8(status)
        .ok()
        .and_then(|s| s.parse::<u16>().ok())
        .and_then(|s| StatusCode::from_u16(s).ok());
    check::<error_catalogue::Endpoint>(&method, path, status);
    check::<docker::Endpoint>(&method, path, status);
});

fn check<E: CatalogueEndpoint>(method: &Method, path: &str, status: Option<StatusCode>) {
    let routed = RouteMatch::<E>::find(method, path);
    if let Some(m) = &routed {
        for (name, raw) in m.params() {
            assert_eq!(m.param(name), Some(raw));
            let decoded = m.param_decoded(name).expect("a listed parameter decodes");
            // Decoding never lengthens: `%XX` (3 bytes) becomes one byte, and
            // a U+FFFD (3 bytes) replaces at least one such `%XX`.
            assert!(decoded.len() <= raw.len(), "{raw:?} -> {decoded:?}");
            // A value is whole segments of the path.
            assert!(!raw.is_empty() && path.contains(raw), "{raw:?} in {path:?}");
        }
        let bases = Catalogue::<E>::new().base_paths();
        assert!(m.base_path().is_empty() || bases.contains(&m.base_path()));
        assert_eq!(m.param(""), None);
        assert_eq!(m.param_decoded("no such parameter"), None);
    }
    assert_eq!(E::route(method, path), routed.map(|m| m.endpoint()));
    if let Some(status) = status {
        let entry = lookup_request::<E>(method, path, status);
        let expected = match routed {
            Some(m) => m.endpoint().lookup(status),
            None => E::lookup_general(status),
        };
        assert_eq!(
            entry.map(|e| e as *const Entry<E>),
            expected.map(|e| e as *const Entry<E>)
        );
    }
}

fn split_once(data: &[u8], at: u8) -> Option<(&[u8], &[u8])> {
    let i = data.iter().position(|&b| b == at)?;
    Some((&data[..i], &data[i + 1..]))
}
