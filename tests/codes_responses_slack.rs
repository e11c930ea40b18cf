//! Slack's answers explained: HTTP 200 with `{"ok": false, "error": CODE}`,
//! the code read through the catalogue's one pointer, `/error`
//! (`tests/fixtures/slack-codes.toml`, loaded; the bodies in
//! `tests/fixtures/bodies/`). A process holds one loaded catalogue: this
//! file is its own test binary.
#![cfg(all(feature = "load", feature = "serde"))]

use std::sync::Once;

use error_catalogue::CatalogueEndpoint;
use error_catalogue::engine::Explanation;
use error_catalogue::load::{self, Loaded};
use http::{HeaderMap, HeaderValue, Method, StatusCode};

fn loaded() {
    static LOAD: Once = Once::new();
    LOAD.call_once(|| {
        let file = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/slack-codes.toml"
        );
        let report = error_catalogue_build::check_file(file);
        load::load(report.catalogue.as_ref().unwrap()).unwrap();
    });
}

fn explain(
    method: Method,
    path: &str,
    status: u16,
    headers: &HeaderMap,
    body: &str,
) -> Explanation<Loaded> {
    loaded();
    let path_of_body = format!(
        "{}/tests/fixtures/bodies/{body}",
        env!("CARGO_MANIFEST_DIR")
    );
    let body = std::fs::read(&path_of_body).unwrap_or_else(|e| panic!("{path_of_body}: {e}"));
    let status = StatusCode::from_u16(status).unwrap();
    Explanation::from_status(&method, path, status, headers, &body).unwrap()
}

#[test]
fn ok_false_with_200_names_the_code_s_entry() {
    let e = explain(
        Method::POST,
        "/api/chat.postMessage",
        200,
        &HeaderMap::new(),
        "slack-channel-not-found.json",
    );
    assert_eq!(e.code(), Some("channel_not_found"));
    assert_eq!(e.entry().app_code(), Some("channel_not_found"));
    assert_eq!(e.entry(), Loaded::lookup_code("channel_not_found").unwrap());
    // The endpoint documents the code under its 200.
    let post: Loaded = "chat-post-message".parse().unwrap();
    assert!(post.codes(StatusCode::OK).contains(&"channel_not_found"));
    assert_eq!(
        e.to_string(),
        "Chat Post Message → 200 channel_not_found Value passed for channel was invalid"
    );

    let scope = explain(
        Method::GET,
        "/api/conversations.info",
        200,
        &HeaderMap::new(),
        "slack-missing-scope.json",
    );
    assert_eq!(scope.entry().app_code(), Some("missing_scope"));
}

#[test]
fn a_success_and_an_unknown_code_are_explained_by_status() {
    let ok = explain(
        Method::POST,
        "/api/chat.postMessage",
        200,
        &HeaderMap::new(),
        "slack-ok.json",
    );
    assert_eq!((ok.code(), ok.entry().app_code()), (None, None));
    assert_eq!(ok.entry().code(), 200);

    let unknown = explain(
        Method::POST,
        "/api/chat.postMessage",
        200,
        &HeaderMap::new(),
        "slack-unknown-code.json",
    );
    assert_eq!(
        unknown.server_code(),
        Some("restricted_action_thread_locked")
    );
    assert_eq!(unknown.entry().app_code(), None);
    assert!(
        unknown
            .to_string()
            .ends_with("(server's code: \"restricted_action_thread_locked\")"),
        "{unknown}"
    );
}

#[test]
fn ratelimited_with_429_gives_retry_advice() {
    let mut headers = HeaderMap::new();
    headers.insert("retry-after", HeaderValue::from_static("30"));
    let e = explain(
        Method::GET,
        "/api/conversations.info",
        429,
        &headers,
        "slack-ratelimited.json",
    );
    assert_eq!(e.entry().app_code(), Some("ratelimited"));
    assert!(e.retryable());
    assert_eq!(e.retry_delay(), Some(std::time::Duration::from_secs(30)));
    assert!(e.to_string().ends_with(" Retry after 30 s."), "{e}");
}
