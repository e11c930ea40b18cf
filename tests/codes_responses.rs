//! Responses carrying string application codes, explained and answered: the
//! build crate's `tests/fixtures/codes.toml` (Stripe-like codes under 402, a
//! Slack-like code under 200, one sent with any status), loaded (feature
//! `load`). Bodies of each shape its pointers (`/error/code`, `/error`)
//! read, a code it lacks, a code of the wrong type, bodies that are not
//! JSON or too large; problem+json for a code.
//!
//! A process holds one loaded catalogue: this file is its own test binary.
//! The integer codes and the typed errors of a compiled catalogue are in
//! `codes_responses_ably.rs`.
#![cfg(all(feature = "load", feature = "serde", feature = "symbl"))]

use std::time::Duration;

use error_catalogue::engine::{Catalogue, Entry, Explanation};
use error_catalogue::load::Loaded;
use error_catalogue::{CatalogueEndpoint, MAX_EXPLAINED_BODY};
use http::{HeaderMap, Method, StatusCode};

mod codes_fixture;

use codes_fixture::loaded;

/// Explains `status` from `method path` with `body`.
fn explain(method: Method, path: &str, status: u16, body: &[u8]) -> Option<Explanation<Loaded>> {
    loaded();
    let status = StatusCode::from_u16(status).unwrap();
    Explanation::from_status(&method, path, status, &HeaderMap::new(), body)
}

fn fixture_body(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/bodies/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn code(code: &str) -> &'static Entry<Loaded> {
    loaded();
    Loaded::lookup_code(code).unwrap()
}

#[test]
fn a_stripe_like_nested_code_names_its_entry() {
    let body = br#"{"error": {"code": "card_declined", "type": "card_error", "message": "Your card was declined."}}"#;
    let e = explain(Method::POST, "/v1/charges", 402, body).unwrap();
    assert_eq!(e.code(), Some("card_declined"));
    assert!(e.code_documented());
    assert_eq!(e.server_code(), None);
    assert_eq!(e.entry(), code("card_declined"));
    assert_eq!(e.status(), StatusCode::PAYMENT_REQUIRED);
    assert_eq!(e.endpoint().map(|x| x.name()), Some("Create Charge"));
    assert!(!e.is_general() && !e.retryable());
    assert_eq!(
        e.to_string(),
        "Create Charge → 402 card_declined Card declined: The card has been declined. \
         Fix: Ask the customer for another payment method. \
         (server said: \"Your card was declined.\")"
    );
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["code"], "card_declined");
    assert_eq!(json["code_documented"], true);
    assert_eq!(json["status"], 402);
    assert_eq!(json["general"], false);
    assert_eq!(json["text"], e.to_string());

    // Stripe's real error object (tests/fixtures/bodies): the same code.
    let real = explain(
        Method::POST,
        "/v1/charges",
        402,
        &fixture_body("stripe-card-declined.json"),
    )
    .unwrap();
    assert_eq!(real.entry(), code("card_declined"));
    assert_eq!(
        real.server_message(),
        Some("Your card has insufficient funds.")
    );
}

#[test]
fn a_slack_like_code_sent_with_200_names_its_entry() {
    let body = br#"{"ok": false, "error": "channelNotFound"}"#;
    let e = explain(Method::GET, "/v1/charges/ch_1", 200, body).unwrap();
    assert_eq!(e.code(), Some("channelNotFound"));
    assert_eq!(e.entry(), code("channelNotFound"));
    assert_eq!(e.status(), StatusCode::OK);
    assert!(
        e.to_string()
            .starts_with("Get Charge → 200 channelNotFound Channel not found: "),
        "{e}"
    );
    // A success has no code: the 200 row by status.
    let ok = explain(
        Method::GET,
        "/v1/charges/ch_1",
        200,
        &fixture_body("slack-ok.json"),
    )
    .unwrap();
    assert_eq!((ok.code(), ok.entry().app_code()), (None, None));
    assert!(ok.is_general());
}

#[test]
fn a_code_is_read_through_the_pointers_in_order() {
    // /error/code first: the nested code wins over /error's object.
    let e = explain(
        Method::GET,
        "/nowhere",
        429,
        br#"{"error": {"code": "ERR_RATE"}}"#,
    )
    .unwrap();
    assert_eq!(e.entry(), code("ERR_RATE"));
    // Where /error/code reaches nothing, /error is read.
    let e = explain(
        Method::GET,
        "/nowhere",
        429,
        br#"{"error": "card_declined", "code": "ERR_RATE"}"#,
    )
    .unwrap();
    assert_eq!(e.code(), Some("card_declined"));
    // No endpoint matches: the code's entry all the same, said plainly.
    assert_eq!(e.endpoint(), None);
    assert!(
        e.to_string()
            .starts_with("GET /nowhere (no endpoint matches) → 429 card_declined Card declined"),
        "{e}"
    );
    // /code is not among this catalogue's pointers.
    let e = explain(
        Method::GET,
        "/nowhere",
        429,
        br#"{"code": "card_declined"}"#,
    )
    .unwrap();
    assert_eq!(e.code(), None);
    assert_eq!(
        Catalogue::<Loaded>::new().read_code(br#"{"error": {"code": "expired_card"}}"#),
        Some("expired_card".to_string())
    );
}

#[test]
fn a_code_the_catalogue_lacks_is_the_server_s_explained_by_status() {
    let body = br#"{"error": {"code": "insufficient_funds"}}"#;
    let e = explain(Method::POST, "/v1/charges", 402, body).unwrap();
    assert_eq!(e.code(), Some("insufficient_funds"));
    assert_eq!(e.server_code(), Some("insufficient_funds"));
    assert!(!e.code_documented());
    assert!(Loaded::lookup_code("insufficient_funds").is_none());
    let by_status = e.endpoint().unwrap().lookup(StatusCode::PAYMENT_REQUIRED);
    assert_eq!(Some(e.entry()), by_status);
    assert_eq!(e.entry().app_code(), None);
    assert_eq!(
        e.to_string(),
        "Create Charge → 402 Payment Required: The charge was not made. \
         (server's code: \"insufficient_funds\")"
    );
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["code"], "insufficient_funds");
    assert_eq!(json["code_documented"], false);

    // Neither the code nor the status documented: nothing to explain.
    let missing = fixture_body("stripe-parameter-missing.json");
    assert!(explain(Method::POST, "/v1/charges", 400, &missing).is_none());
}

#[test]
fn a_value_of_the_wrong_type_is_passed_over() {
    for body in [
        &br#"{"error": {"code": 402}}"#[..],
        br#"{"error": {"code": true, "message": "x"}}"#,
        br#"{"error": {"code": ["card_declined"]}}"#,
        br#"{"error": {"code": ""}}"#,
        br#"{"error": null}"#,
        br#"["card_declined"]"#,
        br#""card_declined""#,
    ] {
        let e = explain(Method::POST, "/v1/charges", 402, body).unwrap();
        let text = String::from_utf8_lossy(body);
        assert_eq!(e.code(), None, "{text}");
        assert_eq!(e.entry().app_code(), None, "{text}");
        assert_eq!(
            e.entry().endpoint().map(|x| x.name()),
            Some("Create Charge")
        );
    }
    // Passed over, the wrong-typed /error/code leaves /error: a string there
    // is the code.
    let e = explain(
        Method::POST,
        "/v1/charges",
        402,
        br#"{"error": "card_declined", "code": 7}"#,
    )
    .unwrap();
    assert_eq!(e.entry(), code("card_declined"));
}

#[test]
fn bodies_not_json_empty_or_too_large_are_explained_by_status() {
    let big = format!(
        r#"{{"error": {{"code": "card_declined", "pad": "{}"}}}}"#,
        "x".repeat(MAX_EXPLAINED_BODY)
    );
    assert!(big.len() > MAX_EXPLAINED_BODY);
    let mut fits = String::from(r#"{"error": {"code": "card_declined", "pad": ""}}"#);
    fits.insert_str(fits.len() - 3, &"x".repeat(MAX_EXPLAINED_BODY - fits.len()));
    assert_eq!(fits.len(), MAX_EXPLAINED_BODY);
    for body in [
        &b"<html><body>Bad gateway</body></html>"[..],
        b"",
        b"\xff\xfe{",
        br#"{"error": {"code": "card_declined""#,
        big.as_bytes(),
    ] {
        let e = explain(Method::POST, "/v1/charges", 402, body).unwrap();
        assert_eq!((e.code(), e.entry().app_code()), (None, None));
        assert!(
            e.to_string()
                .starts_with("Create Charge → 402 Payment Required")
        );
    }
    let e = explain(Method::POST, "/v1/charges", 402, fits.as_bytes()).unwrap();
    assert_eq!(e.code(), Some("card_declined"));
}

#[test]
fn a_code_answers_with_problem_json() {
    let problem = code("card_declined").problem();
    assert_eq!(problem.status(), StatusCode::PAYMENT_REQUIRED);
    assert_eq!(
        problem.type_uri(),
        "https://example.com/docs/errors/#code-card-declined"
    );
    assert_eq!(problem.type_uri(), code("card_declined").url().to_string());
    let json = serde_json::to_value(&problem).unwrap();
    assert_eq!(json["code"], "card_declined");
    assert_eq!(json["status"], 402);
    assert_eq!(json["title"], "Card declined");
    assert_eq!(json["detail"], "The card has been declined.");
    let response = problem.into_response();
    assert_eq!(response.status(), StatusCode::PAYMENT_REQUIRED);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );

    // A table row has no `code` member.
    let row = Loaded::lookup_general(StatusCode::TOO_MANY_REQUESTS).unwrap();
    assert!(
        serde_json::to_value(row.problem())
            .unwrap()
            .get("code")
            .is_none()
    );
}

#[test]
fn a_code_sent_with_any_status_answers_500_or_the_status_given() {
    let rate = code("ERR_RATE");
    assert_eq!(rate.documented_status(), None);
    assert_eq!(rate.problem().status(), StatusCode::INTERNAL_SERVER_ERROR);
    let response = rate
        .problem()
        .with_status(StatusCode::TOO_MANY_REQUESTS)
        .with_retry_after(Duration::from_millis(1500))
        .into_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "2");
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        (json["status"].as_u64(), json["code"].as_str()),
        (Some(429), Some("ERR_RATE"))
    );

    // Explained, it shows the status the server sent, and its retry advice.
    let e = explain(
        Method::POST,
        "/v1/charges",
        503,
        br#"{"error": {"code": "ERR_RATE"}}"#,
    )
    .unwrap();
    assert_eq!(e.entry(), rate);
    assert!(e.retryable());
    assert!(
        e.to_string()
            .starts_with("Create Charge → 503 ERR_RATE Rate limited: ")
            && e.to_string().ends_with(" Retrying may succeed."),
        "{e}"
    );
}

#[test]
fn the_shipped_catalogue_shows_a_problem_json_code_as_the_server_s() {
    // No codes of its own, the default pointers: `/code` reads the member.
    let body = fixture_body("problem-code.json");
    let e = error_catalogue::Explanation::from_status(
        &Method::GET,
        "/v1/conversations/1/messages",
        StatusCode::UNAUTHORIZED,
        &HeaderMap::new(),
        &body,
    )
    .unwrap();
    assert_eq!(e.server_code(), Some("out_of_credit"));
    assert_eq!(e.entry().code(), 401);
    assert_eq!(
        e.server_message(),
        Some("Your current balance is 30, but that costs 50.")
    );
    assert!(e.to_string().contains("(server's code: \"out_of_credit\")"));
}
