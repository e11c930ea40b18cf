//! Services and clients: problem objects held to RFC 9457's member rules,
//! responses and their headers, the page's message body, and explanations of
//! real responses, whatever their body or headers.
#![cfg(feature = "serde")]

use std::time::{Duration, SystemTime};

use error_catalogue::{
    Endpoint, Explanation, ExtensionError, MAX_EXPLAINED_BODY, PROBLEM_JSON, RetryAfter,
    STANDARD_MEMBERS, StatusCode, codes, entries, lookup,
};
use http::{HeaderMap, HeaderValue, Method, Response};
use proptest::prelude::*;
use serde_json::Value;

fn json(problem: &error_catalogue::Problem) -> serde_json::Map<String, Value> {
    match serde_json::to_value(problem).unwrap() {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

#[test]
fn every_entry_is_a_valid_problem() {
    let mut types = std::collections::BTreeSet::new();
    for e in entries() {
        let p = e.problem();
        let m = json(&p);
        // RFC 9457 §3.1: type a URI reference (here absolute, to the docs),
        // title and detail strings, status the response's status as a number.
        let ty = m["type"].as_str().unwrap();
        let page = error_catalogue::page().url();
        assert_eq!(ty, format!("{page}#{}", e.anchor()));
        assert!(ty.starts_with("https://"), "{ty}");
        assert!(!ty.contains(char::is_whitespace), "{ty}");
        assert!(types.insert(ty.to_string()), "type {ty} is reused");
        assert_eq!(m["title"].as_str(), Some(e.plain_meaning()));
        assert_eq!(m["status"].as_u64(), Some(u64::from(e.code())));
        assert_eq!(
            m.get("detail").and_then(Value::as_str),
            e.plain_description()
        );
        assert!(!m.contains_key("instance"));
        let response = e.response();
        assert_eq!(response.status(), e.status());
        assert_eq!(response.headers()["content-type"], PROBLEM_JSON);
        assert!(response.headers().get("retry-after").is_none());
        let body: Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body, Value::Object(m));
    }
}

#[test]
fn the_documented_example() {
    let m = json(&codes::CREATE_TRACKERS_409.problem());
    assert_eq!(
        m["type"],
        "https://docs.symbl.ai/docs/developer-tools/errors/#create-trackers-409"
    );
    assert_eq!(m["title"], "Conflict");
    assert_eq!(m["status"], 409);
    assert_eq!(
        m["detail"],
        "The 409 response code specifies that the Tracker with that specific name already exists."
    );
    let general = json(&codes::HTTP_CODES_401.problem());
    assert_eq!(
        general["type"],
        "https://docs.symbl.ai/docs/developer-tools/errors/#http-codes-401"
    );
    // Markup is removed: the async 429's code span.
    let async429 = json(&codes::ASYNC_TEXT_API_429.problem());
    assert!(
        async429["detail"]
            .as_str()
            .unwrap()
            .contains("maximum of X number")
    );
    // No description: no detail member (RFC 9457: omit rather than null).
    assert!(!json(&codes::HTTP_CODES_403.problem()).contains_key("detail"));
}

#[test]
fn builder_sets_members_and_refuses_bad_extensions() {
    let p = codes::GET_TRACKER_404
        .problem()
        .with_detail("No tracker 5f3c.")
        .with_instance("/v1/manage/tracker/5f3c")
        .with_extension("trackerId", "5f3c")
        .unwrap()
        .with_extension("attempts", [1, 2])
        .unwrap();
    let m = json(&p);
    assert_eq!(m["detail"], "No tracker 5f3c.");
    assert_eq!(m["instance"], "/v1/manage/tracker/5f3c");
    assert_eq!(m["trackerId"], "5f3c");
    assert_eq!(m["attempts"], serde_json::json!([1, 2]));
    assert_eq!(m.len(), 7);
    for name in STANDARD_MEMBERS {
        let err = p.clone().with_extension(name, 1).unwrap_err();
        assert!(matches!(err, ExtensionError::Reserved(_)), "{name}");
        assert!(err.to_string().contains(name));
    }
    for name in ["", "ab", "1abc", "a-b", "has space", "ünïcode", "_abc"] {
        let err = p.clone().with_extension(name, 1).unwrap_err();
        assert!(matches!(err, ExtensionError::BadName(_)), "{name:?}");
    }
    let bad_value = std::collections::HashMap::from([((1, 2), 3)]);
    assert!(matches!(
        p.clone().with_extension("valid_name", bad_value),
        Err(ExtensionError::Value(_))
    ));
    // Replacing an extension keeps one member.
    let again = p.with_extension("trackerId", "other").unwrap();
    assert_eq!(json(&again)["trackerId"], "other");
    assert_eq!(json(&again).len(), 7);
}

#[test]
fn accessors_give_back_what_was_set() {
    let bare = codes::GET_TRACKER_404.problem();
    assert!(std::ptr::eq(bare.entry(), codes::GET_TRACKER_404));
    assert_eq!(bare.type_uri(), codes::GET_TRACKER_404.url().to_string());
    assert_eq!(
        bare.type_uri(),
        "https://docs.symbl.ai/docs/developer-tools/errors/#get-tracker-404"
    );
    assert_eq!(
        (bare.title(), bare.status()),
        ("Not Found", StatusCode::NOT_FOUND)
    );
    assert_eq!(bare.detail(), codes::GET_TRACKER_404.plain_description());
    assert!(bare.detail().is_some());
    assert_eq!(bare.instance(), None);
    assert!(bare.extensions().is_empty());
    assert_eq!(bare.retry_after(), None);

    let set = bare
        .clone()
        .with_detail("No tracker 5f3c.")
        .with_instance("/v1/manage/tracker/5f3c")
        .with_extension("trackerId", "5f3c")
        .unwrap()
        .with_retry_after(Duration::from_secs(7));
    assert_eq!(set.detail(), Some("No tracker 5f3c."));
    assert_eq!(set.instance(), Some("/v1/manage/tracker/5f3c"));
    assert_eq!(set.extensions().len(), 1);
    assert_eq!(set.extensions()["trackerId"], "5f3c");
    assert_eq!(set.retry_after(), Some(Duration::from_secs(7)));
    assert_ne!(set, bare);
    assert_eq!(set.clone(), set);
}

#[test]
fn extension_errors_say_why_and_keep_their_cause() {
    use std::error::Error as _;
    let p = codes::GET_TRACKER_404.problem();
    let reserved = p.clone().with_extension("status", 1).unwrap_err();
    assert_eq!(
        reserved.to_string(),
        "extension member \"status\" would replace a standard problem member"
    );
    assert!(reserved.source().is_none());
    let bad = p.clone().with_extension("a-b", 1).unwrap_err();
    assert_eq!(
        bad.to_string(),
        "extension member \"a-b\" is not an ASCII letter followed by two or more letters, digits or '_'"
    );
    assert!(bad.source().is_none());
    let value = std::collections::HashMap::from([((1, 2), 3)]);
    let err = p.with_extension("valid_name", value).unwrap_err();
    let ExtensionError::Value(json) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        err.to_string(),
        format!("extension value is not JSON: {json}")
    );
    let source = err.source().expect("the serde_json error");
    assert_eq!(source.to_string(), json.to_string());
}

#[test]
fn retry_after_only_on_retryable_entries() {
    let retryable = codes::ASYNC_TEXT_API_429
        .problem()
        .with_retry_after(Duration::from_millis(1500))
        .into_response();
    assert_eq!(retryable.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(retryable.headers()["retry-after"], "2");
    let not = codes::CREATE_TRACKERS_409
        .problem()
        .with_retry_after(Duration::from_secs(5))
        .into_response();
    assert!(not.headers().get("retry-after").is_none());
    // The delay is a header, not a member.
    let m = json(
        &codes::ASYNC_TEXT_API_429
            .problem()
            .with_retry_after(Duration::from_secs(3)),
    );
    assert_eq!(m.len(), 4);
}

#[test]
fn message_body_is_the_pages_shape() {
    for e in entries() {
        let v: Value = serde_json::from_str(&e.message_body()).unwrap();
        let obj = v.as_object().unwrap();
        assert_eq!(obj.len(), 1);
        assert_eq!(
            obj["message"].as_str(),
            Some(e.plain_description().unwrap_or(e.plain_meaning()))
        );
    }
}

fn parts(status: u16, headers: &[(&str, &str)]) -> http::response::Parts {
    let mut b = Response::builder().status(status);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(()).unwrap().into_parts().0
}

#[test]
fn explanations_name_the_table_and_the_server() {
    let p = parts(409, &[]);
    let body = br#"{"message": "A tracker named \"x\" already exists."}"#;
    let e = Explanation::from_response(&Method::POST, "/v1/manage/trackers", &p, body).unwrap();
    assert_eq!(e.entry().anchor(), "create-trackers-409");
    assert_eq!(e.endpoint(), Some(Endpoint::CreateTrackers));
    assert!(!e.is_general() && !e.retryable());
    assert_eq!(
        e.to_string(),
        "Create Trackers → 409 Conflict: The 409 response code specifies that the Tracker with \
         that specific name already exists. Fix: Modify the name of the Tracker or Update the \
         name of the existing Tracker with that name to resolve the error. (server said: \
         \"A tracker named \\\"x\\\" already exists.\")"
    );

    let e = Explanation::from_response(&Method::GET, "/v1/manage/tracker/a", &parts(401, &[]), b"")
        .unwrap();
    assert!(e.is_general());
    assert_eq!(e.endpoint(), Some(Endpoint::GetTracker));
    assert!(
        e.to_string().starts_with(
            "Get Tracker (general table: HTTP Codes) → 401 Unauthorized: Your API key is invalid."
        ),
        "{e}"
    );

    let e =
        Explanation::from_response(&Method::GET, "https://h/nope", &parts(404, &[]), b"").unwrap();
    assert_eq!((e.endpoint(), e.entry().anchor()), (None, "http-codes-404"));
    assert!(
        e.to_string().starts_with(
            "GET https://h/nope (no endpoint matches; general table: HTTP Codes) → 404"
        ),
        "{e}"
    );

    assert!(Explanation::from_response(&Method::GET, "/x", &parts(418, &[]), b"").is_none());
}

#[test]
fn server_messages_from_either_body_shape_or_none() {
    let explain = |body: &[u8]| {
        Explanation::from_response(&Method::GET, "/v1/manage/tracker/a", &parts(404, &[]), body)
            .unwrap()
            .server_message()
            .map(str::to_string)
    };
    assert_eq!(explain(br#"{"message":"gone"}"#).as_deref(), Some("gone"));
    let problem = codes::GET_TRACKER_404
        .problem()
        .with_detail("Tracker a is gone.");
    assert_eq!(
        explain(&problem.to_json()).as_deref(),
        Some("Tracker a is gone.")
    );
    assert_eq!(
        explain(br#"{"title":"Only a title"}"#).as_deref(),
        Some("Only a title")
    );
    let huge = format!(r#"{{"message":"{}"}}"#, "x".repeat(100_000));
    for body in [
        &b""[..],
        b"not json",
        b"{\"message\":",
        b"\xff\xfe\x00",
        b"[1,2]",
        br#"{"message": 5}"#,
        br#"{"message": "  "}"#,
        b"null",
        huge.as_bytes(),
    ] {
        assert_eq!(explain(body), None, "{:?}", String::from_utf8_lossy(body));
    }
    // Control characters a server sends are escaped in Display.
    let e = Explanation::from_response(
        &Method::GET,
        "/x",
        &parts(404, &[]),
        br#"{"message":"bad\u001b[31m"}"#,
    )
    .unwrap();
    assert!(
        e.to_string().contains(r#"(server said: "bad\u{1b}[31m")"#),
        "{e}"
    );
}

#[test]
fn bodies_up_to_max_explained_body_are_read() {
    let explain = |body: &[u8]| {
        Explanation::from_response(&Method::GET, "/v1/manage/tracker/a", &parts(404, &[]), body)
            .unwrap()
            .server_message()
            .map(str::to_string)
    };
    // `{"message":"gone","pad":"xx…x"}`, `len` bytes long.
    let body = |len: usize| {
        let frame = r#"{"message":"gone","pad":""}"#.len();
        format!(
            r#"{{"message":"gone","pad":"{}"}}"#,
            "x".repeat(len - frame)
        )
    };
    // The documented limit: 64 KiB read, a byte more ignored.
    let limit = 64 * 1024;
    assert_eq!(MAX_EXPLAINED_BODY, limit);
    assert_eq!(body(limit).len(), limit);
    assert_eq!(explain(body(limit).as_bytes()).as_deref(), Some("gone"));
    assert_eq!(explain(body(limit + 1).as_bytes()), None);
}

#[test]
fn retry_advice_from_seconds_or_http_date() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let in_90s = httpdate::fmt_http_date(now + Duration::from_secs(90));
    for (header, expected) in [
        ("120", Some(Duration::from_secs(120))),
        (" 7 ", Some(Duration::from_secs(7))),
        (in_90s.as_str(), Some(Duration::from_secs(90))),
        ("Thu, 01 Jan 1970 00:00:00 GMT", Some(Duration::ZERO)),
        ("soon", None),
        ("-5", None),
        ("1.5", None),
        ("", None),
    ] {
        let p = parts(429, &[("retry-after", header)]);
        let e = Explanation::from_response(&Method::POST, "/v1/process/text", &p, b"").unwrap();
        assert!(e.retryable());
        assert_eq!(e.retry_delay_from(now), expected, "{header:?}");
    }
    let p = parts(429, &[("retry-after", "30")]);
    let e = Explanation::from_response(&Method::POST, "/v1/process/text", &p, b"").unwrap();
    assert!(e.to_string().ends_with(" Retry after 30 s."), "{e}");
    assert!(matches!(e.retry_after(), Some(RetryAfter::Delay(_))));
    let huge = parts(503, &[("retry-after", "99999999999999999999999")]);
    let e = Explanation::from_response(&Method::GET, "/", &huge, b"");
    assert!(e.is_none(), "503 is not in the catalogue");
    let mut headers = HeaderMap::new();
    headers.insert(
        "retry-after",
        HeaderValue::from_static("99999999999999999999999"),
    );
    assert_eq!(
        RetryAfter::from_headers(&headers),
        Some(RetryAfter::Delay(Duration::from_secs(u64::MAX)))
    );
    // Not retryable: the header is kept but gives no delay.
    let p = parts(409, &[("retry-after", "30")]);
    let e = Explanation::from_response(&Method::POST, "/v1/manage/trackers", &p, b"").unwrap();
    assert_eq!(e.retry_delay(), None);
    assert!(!e.to_string().contains("Retry"));
}

#[test]
fn explanation_json() {
    let p = parts(429, &[("retry-after", "4")]);
    let e = Explanation::from_response(
        &Method::POST,
        "/v1/manage/trackers",
        &p,
        b"{\"message\":\"slow down\"}",
    )
    .unwrap();
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["endpoint"], "create-trackers");
    assert_eq!(v["general"], false);
    assert_eq!(v["entry"]["anchor"], "create-trackers-429");
    assert_eq!(v["server_message"], "slow down");
    assert_eq!(v["retryable"], true);
    assert_eq!(v["retry_after_seconds"], 4);
    assert_eq!(v["text"], e.to_string());
    assert_eq!(
        lookup(Endpoint::CreateTrackers, StatusCode::TOO_MANY_REQUESTS),
        Some(e.entry())
    );
}

proptest! {
    #[test]
    fn no_panic_from_any_method_path_header_or_body(
        method in "[!-~]{1,10}",
        path in any::<String>(),
        status in 100u16..1000,
        retry in proptest::collection::vec(any::<u8>(), 0..40),
        body in proptest::collection::vec(any::<u8>(), 0..200),
        json_message in any::<String>(),
    ) {
        let Ok(method) = Method::from_bytes(method.as_bytes()) else { return Ok(()) };
        let mut p = parts(200, &[]);
        p.status = StatusCode::from_u16(status).unwrap();
        if let Ok(v) = HeaderValue::from_bytes(&retry) {
            p.headers.insert("retry-after", v);
        }
        let message_body = serde_json::json!({ "message": json_message }).to_string();
        for body in [&body[..], message_body.as_bytes()] {
            if let Some(e) = Explanation::from_response(&method, &path, &p, body) {
                let _ = e.to_string();
                let _ = serde_json::to_string(&e).unwrap();
                let _ = e.retry_delay();
            }
        }
        if let Some(e) = error_catalogue::lookup_request(&method, &path, p.status) {
            let _ = e.response();
            let _ = e.message_body();
        }
    }
}

#[test]
fn with_status_sets_the_member_and_the_response_status() {
    for e in entries() {
        // The shipped catalogue has no application codes: no `code` member.
        assert!(!json(&e.problem()).contains_key("code"), "{}", e.anchor());
    }
    let p = codes::CREATE_TRACKERS_409
        .problem()
        .with_status(http::StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(p.status(), http::StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(&p)["status"], 422);
    // The rest is still the entry's.
    assert_eq!(p.title(), "Conflict");
    assert_eq!(p.into_response().status(), 422);
}
