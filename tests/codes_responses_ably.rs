//! Responses carrying integer application codes, in a compiled catalogue:
//! Ably's (`catalogues/ably`, generated through the public path) and the
//! real-shaped bodies in `catalogues/ably/tests/bodies/`. Codes read as JSON
//! numbers through `/error/code` and `/code`, explained, answered with
//! problem+json, and matched as typed errors in one pattern.
#![cfg(feature = "serde")]

use ably_errors::ably::{self, Code, Endpoint, Error, Explanation, PublishError};
use error_catalogue::{EndpointError, TypedErrors};
use http::{HeaderMap, Method, StatusCode};

fn body(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/catalogues/ably/tests/bodies/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn explain(method: Method, path: &str, status: u16, body: &[u8]) -> Option<Explanation> {
    let status = StatusCode::from_u16(status).unwrap();
    Explanation::from_status(&method, path, status, &HeaderMap::new(), body)
}

fn publish(status: u16, name: &str) -> Explanation {
    explain(Method::POST, "/channels/room/messages", status, &body(name)).unwrap()
}

#[test]
fn a_nested_integer_code_names_its_entry_and_typed_error() {
    let e = publish(401, "capability-denied.json");
    assert_eq!(e.code(), Some("40160"));
    assert!(e.code_documented());
    assert_eq!(e.entry(), Code::Code40160.entry());
    assert_eq!(e.endpoint(), Some(Endpoint::Publish));
    // The nested ErrorInfo's message.
    assert_eq!(
        e.server_message(),
        Some("Unauthorized to publish to channel")
    );
    assert!(
        e.to_string()
            .starts_with("Publish → 401 40160 Client lacks the required capability: "),
        "{e}"
    );
    let json = serde_json::to_value(&e).unwrap();
    // A number, as Ably sends it.
    assert_eq!(json["code"], 40160);
    assert_eq!(json["code_documented"], true);

    // One pattern: this code, from this endpoint.
    assert!(matches!(
        e.error(),
        Some(Error::Publish(PublishError::Code(Code::Code40160)))
    ));
    let code = ably::Catalogue.read_code(&body("capability-denied.json"));
    assert_eq!(code.as_deref(), Some("40160"));
    assert_eq!(
        Error::from_response(Endpoint::Publish, StatusCode::UNAUTHORIZED, code.as_deref()),
        e.error()
    );
}

#[test]
fn a_bare_error_info_is_read_through_slash_code() {
    let e = explain(Method::GET, "/channels", 404, &body("bare-not-found.json")).unwrap();
    assert_eq!(e.code(), Some("40400"));
    assert_eq!(e.entry().app_code(), Some("40400"));
    assert_eq!(e.server_message(), Some("Not found: app"));
    assert!(matches!(
        e.error(),
        Some(Error::EnumerateChannels(
            ably::EnumerateChannelsError::Code(Code::Code40400)
        ))
    ));
}

#[test]
fn an_unknown_or_string_code_is_explained_by_status() {
    let unknown = publish(401, "unknown-code.json");
    assert_eq!(unknown.server_code(), Some("40199"));
    assert_eq!(
        unknown.entry(),
        Endpoint::Publish.lookup(StatusCode::UNAUTHORIZED).unwrap()
    );
    assert_eq!(serde_json::to_value(&unknown).unwrap()["code"], 40199);
    assert!(unknown.to_string().contains("(server's code: \"40199\")"));
    assert_eq!(
        unknown.error(),
        Some(Error::Publish(PublishError::Unauthorized))
    );

    // "40142" as a string is the wrong type for integer codes: no code.
    let string = publish(401, "code-as-string.json");
    assert_eq!((string.code(), string.entry().app_code()), (None, None));
    assert_eq!(string.entry(), unknown.entry());

    let html = explain(Method::GET, "/channels", 502, &body("not-json.html")).unwrap();
    assert_eq!((html.code(), html.entry().app_code()), (None, None));
    assert_eq!(html.status(), StatusCode::BAD_GATEWAY);
}

#[test]
fn a_code_with_any_status_shows_the_status_sent() {
    let e = publish(503, "no-status-code.json");
    assert_eq!(e.entry(), Code::Code50003.entry());
    assert_eq!(e.entry().documented_status(), None);
    assert!(e.to_string().starts_with("Publish → 503 50003 "), "{e}");
    let typed = e.error().unwrap();
    assert_eq!(typed.app_code(), Some(Code::Code50003));
    // A code with any status has no status of its own: 500, as its entry.
    assert_eq!(typed.code(), 500);
    // Retry advice is the code's, not the 5xx default for its status.
    assert_eq!(typed.is_retryable(), e.entry().retryable());
    // No status of its own to show.
    assert!(
        typed
            .to_string()
            .starts_with("Publish → 50003 Request timed out server-side: "),
        "{typed}"
    );
}

#[test]
fn typed_errors_carry_any_code_of_the_catalogue() {
    let denied = PublishError::from_response(StatusCode::UNAUTHORIZED, Some("40160"));
    assert_eq!(denied, Some(PublishError::Code(Code::Code40160)));
    // Any code the catalogue documents, listed for the endpoint or not.
    assert_eq!(
        PublishError::from_response(StatusCode::NOT_FOUND, Some("40400")),
        Some(PublishError::Code(Code::Code40400))
    );
    // Unknown or absent: the status's variant, as from_status.
    for code in [None, Some("40199"), Some(""), Some("040160")] {
        assert_eq!(
            PublishError::from_response(StatusCode::UNAUTHORIZED, code),
            Some(PublishError::Unauthorized),
            "{code:?}"
        );
    }
    assert_eq!(PublishError::from_response(StatusCode::OK, None), None);
    assert_eq!(
        Endpoint::Publish.response_error(StatusCode::OK, Some("40160")),
        Some(Error::Publish(PublishError::Code(Code::Code40160)))
    );

    let e = PublishError::Code(Code::Code40160);
    assert_eq!(format!("{e:?}"), "Code(Code40160)");
    assert_eq!(format!("{:?}", Error::from(e)), "Publish(Code(Code40160))");
    assert_eq!(e.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(e.entry(), Some(Code::Code40160.entry()));
    assert_eq!(e.app_code(), Some(Code::Code40160));
    assert_eq!(PublishError::Unauthorized.app_code(), None);
    // Same status, not the same error.
    assert_ne!(e, PublishError::Unauthorized);
    assert_ne!(e, PublishError::Code(Code::Code40142));
    let set: std::collections::HashSet<_> = [
        e,
        PublishError::Code(Code::Code40160),
        PublishError::Code(Code::Code40142),
        PublishError::Unauthorized,
        PublishError::Undocumented(StatusCode::UNAUTHORIZED),
    ]
    .into_iter()
    .collect();
    // Undocumented(401) is Unauthorized; each code is its own.
    assert_eq!(set.len(), 3);
    assert!(
        e.to_string()
            .starts_with("Publish → 401 40160 Client lacks the required capability: "),
        "{e}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(EndpointError::to_response(&e).body()).unwrap();
    assert_eq!(json["code"], 40160);
    assert_eq!(json["status"], 401);
    assert!(json["type"].as_str().unwrap().ends_with("#code-40160"));
}

#[test]
fn an_integer_code_answers_with_problem_json() {
    let problem = Code::Code40142.entry().problem();
    assert_eq!(problem.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        problem.type_uri(),
        "https://ably.com/docs/platform/errors/codes#code-40142"
    );
    let json = serde_json::to_value(&problem).unwrap();
    assert_eq!(json["code"], 40142);
    assert_eq!(json["title"], "Token expired");

    let any = Code::Code50003
        .entry()
        .problem()
        .with_status(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        any.into_response().status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
}

#[cfg(feature = "miette")]
#[test]
fn a_code_s_diagnostic_is_its_entry_s() {
    use miette::Diagnostic;

    let e = Error::Publish(PublishError::Code(Code::Code42913));
    let code = Diagnostic::code(&e).map(|c| c.to_string());
    assert_eq!(code.as_deref(), Some("code-42913"));
    assert!(
        e.url()
            .map(|u| u.to_string())
            .is_some_and(|u| u.ends_with("#code-42913"))
    );
}

#[cfg(feature = "axum")]
#[test]
fn a_code_is_an_axum_response() {
    use axum::response::IntoResponse;

    let response = PublishError::Code(Code::Code42913).into_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}
