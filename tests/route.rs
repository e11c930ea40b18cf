//! Routing real requests over the shipped catalogue through the public API:
//! every template, URLs, encodings, HEAD, hostile paths, parameters, and
//! `lookup_request`'s fallback. (The priority rules over conflicting
//! templates are checked in src/route/tests.rs against a reference matcher.)

use error_catalogue::{Endpoint, StatusCode, lookup_request, route};
use http::Method;
use proptest::prelude::*;

/// A concrete request path for each endpoint's template.
fn concrete(template: &str) -> String {
    template
        .split('/')
        .map(|s| if s.starts_with('{') { "5f3c0a" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn every_template_routes_to_its_endpoint() {
    for &ep in &Endpoint::ALL {
        let path = concrete(ep.path());
        for request in [
            path.clone(),
            format!("{path}/"),
            format!("{path}?a=1&b=/x"),
            format!("{path}#frag"),
            format!("https://api.symbl.ai{path}"),
            format!("http://localhost:8080{path}/?q"),
            format!("svn+ssh.v2-x://host{path}"),
        ] {
            assert_eq!(
                Endpoint::route(&ep.method(), &request),
                Some(ep),
                "{request}"
            );
            assert_eq!(route(&ep.method(), &request).unwrap().endpoint(), ep);
        }
    }
}

#[test]
fn parameters_are_captured_raw_and_decoded_on_request() {
    let m = route(&Method::GET, "/v1/manage/tracker/a%20b%2Fc").unwrap();
    assert_eq!(m.endpoint(), Endpoint::GetTracker);
    assert_eq!(m.param("trackerId"), Some("a%20b%2Fc"));
    assert_eq!(m.param_decoded("trackerId").as_deref(), Some("a b/c"));
    assert!(matches!(
        m.param_decoded("trackerId"),
        Some(std::borrow::Cow::Owned(_))
    ));
    assert_eq!(m.param("trackerid"), None);
    assert_eq!(m.params().collect::<Vec<_>>(), [("trackerId", "a%20b%2Fc")]);
    let plain = route(&Method::GET, "/v1/manage/tracker/abc").unwrap();
    assert!(matches!(
        plain.param_decoded("trackerId"),
        Some(std::borrow::Cow::Borrowed("abc"))
    ));
    assert_eq!(
        route(&Method::POST, "/v1/manage/trackers")
            .unwrap()
            .params()
            .count(),
        0
    );
}

#[test]
fn literals_compare_decoded() {
    assert_eq!(
        Endpoint::route(&Method::POST, "/v1/manage/%74rackers"),
        Some(Endpoint::CreateTrackers)
    );
    assert_eq!(
        Endpoint::route(&Method::POST, "/%76%31/process/TEXT"),
        None,
        "literals are case-sensitive"
    );
    assert_eq!(
        Endpoint::route(&Method::POST, "/v1/process/%74ext"),
        Some(Endpoint::AsyncTextApi)
    );
}

#[test]
fn methods_segments_and_slashes_must_agree() {
    assert_eq!(Endpoint::route(&Method::GET, "/v1/manage/trackers"), None);
    assert_eq!(Endpoint::route(&Method::PUT, "/v1/manage/tracker/x"), None);
    assert_eq!(
        Endpoint::route(&Method::HEAD, "/v1/manage/tracker/x"),
        Some(Endpoint::GetTracker)
    );
    assert_eq!(Endpoint::route(&Method::HEAD, "/v1/manage/trackers"), None);
    // A parameter takes exactly one non-empty segment.
    for path in [
        "/v1/manage/tracker/",
        "/v1/manage/tracker//",
        "/v1/manage/tracker/a/b",
        "/v1/manage/tracker",
        "/v1/manage/tracker/a//",
        "//v1/manage/tracker/a",
        "v1/manage/tracker/a",
    ] {
        assert_eq!(Endpoint::route(&Method::GET, path), None, "{path}");
    }
    let ext = Method::from_bytes(b"PURGE").unwrap();
    assert_eq!(Endpoint::route(&ext, "/v1/manage/trackers"), None);
}

#[test]
fn hostile_paths_do_not_panic_or_match() {
    let long = format!("/v1/manage/tracker/{}", "a".repeat(20_000));
    let deep = "/a".repeat(10_000);
    let slashes = "/".repeat(20_000);
    let percents = "%".repeat(20_000);
    for path in [
        "",
        "%",
        "/%",
        "/%zz",
        "/%zz/%",
        "/\0",
        "/v1/manage/\0rackers",
        "/🚀/🚀",
        "/..",
        "/v1/manage/../manage/trackers",
        "http://",
        "://x",
        "https://h",
        "https://h?x",
        // A URL's scheme starts with a letter and holds only letters,
        // digits, `+`, `-` and `.` (RFC 3986 §3.1).
        "1https://h/v1/manage/trackers",
        "h_ttps://h/v1/manage/trackers",
        deep.as_str(),
        slashes.as_str(),
        percents.as_str(),
    ] {
        for method in [Method::GET, Method::POST, Method::HEAD, Method::DELETE] {
            let routed = route(&method, path);
            assert!(routed.is_none(), "{method} {path:?} routed to {routed:?}");
        }
    }
    let m = route(&Method::GET, &long).unwrap();
    assert_eq!(m.param("trackerId").map(str::len), Some(20_000));
    assert_eq!(
        Endpoint::route(&Method::GET, "/v1/manage/tracker/%F0%9F%9A%80"),
        Some(Endpoint::GetTracker)
    );
    assert_eq!(
        route(&Method::GET, "/v1/manage/tracker/%FF")
            .unwrap()
            .param_decoded("trackerId")
            .as_deref(),
        Some("\u{FFFD}")
    );
}

#[test]
fn lookup_request_uses_the_route_then_the_general_table() {
    let e = lookup_request(&Method::POST, "/v1/manage/trackers", StatusCode::CONFLICT).unwrap();
    assert_eq!(
        (e.endpoint(), e.anchor()),
        (Some(Endpoint::CreateTrackers), "create-trackers-409")
    );
    let e = lookup_request(&Method::GET, "/v1/manage/tracker/x", StatusCode::NOT_FOUND).unwrap();
    assert_eq!(e.anchor(), "get-tracker-404");
    let e = lookup_request(&Method::GET, "/nowhere", StatusCode::NOT_FOUND).unwrap();
    assert_eq!(e.anchor(), "http-codes-404");
    let e = lookup_request(
        &Method::GET,
        "/v1/manage/tracker/x",
        StatusCode::UNAUTHORIZED,
    )
    .unwrap();
    assert_eq!(e.anchor(), "http-codes-401");
    assert!(lookup_request(&Method::GET, "/nowhere", StatusCode::IM_A_TEAPOT).is_none());
}

proptest! {
    #[test]
    fn no_panic_from_any_method_or_path(method in "[!-~]{1,12}", path in any::<String>()) {
        if let Ok(m) = Method::from_bytes(method.as_bytes()) {
            let _ = route(&m, &path).map(|r| r.params().count());
            let _ = lookup_request(&m, &path, StatusCode::NOT_FOUND);
        }
    }

    #[test]
    fn routed_templates_capture_any_segment(id in "[^/?#]{1,64}") {
        let path = format!("/v1/manage/tracker/{id}");
        let m = route(&Method::GET, &path);
        prop_assert_eq!(m.map(|m| m.endpoint()), Some(Endpoint::GetTracker));
        prop_assert_eq!(m.and_then(|m| m.param("trackerId")), Some(id.as_str()));
    }
}
