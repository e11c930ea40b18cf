//! Ably's catalogue, used as its clients would: codes looked up as sent,
//! the codes each REST operation documents, responses answered by their
//! code else their status, and real-shaped error bodies read through the
//! catalogue's code pointers (see `tests/bodies/README.md`).

use ably_errors::ably::{self, Code, Endpoint};
use http::StatusCode;

/// The catalogue's application code in a body, read through its
/// `code_pointers` in order: an integer code is looked up by its decimal
/// text; a code of another type, or a body that is not JSON, gives none.
fn code_in(body: &[u8]) -> Option<String> {
    let json: serde_json::Value = serde_json::from_slice(body).ok()?;
    ably::Catalogue
        .code_pointers()
        .iter()
        .find_map(|p| json.pointer(p)?.as_u64())
        .map(|n| n.to_string())
}

fn body(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/bodies/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_catalogue_is_the_registry_s_276_codes() {
    assert_eq!(Code::ALL.len(), 276);
    assert_eq!(ably::Catalogue.codes().len(), 276);
    assert!(ably::Catalogue.integer_codes());
    assert_eq!(ably::Catalogue.code_pointers(), ["/error/code", "/code"]);
    assert_eq!(Endpoint::ALL.len(), 5);
    // Registry order is numeric order, from the "no error" placeholder up.
    assert_eq!(Code::ALL[0].as_str(), "10000");
    let numbers: Vec<u64> = Code::ALL.iter().map(|c| c.as_u64().unwrap()).collect();
    assert!(numbers.windows(2).all(|w| w[0] < w[1]));
    for (i, &c) in Code::ALL.iter().enumerate() {
        assert_eq!(c.index(), i);
        assert_eq!(c.to_string().parse::<Code>(), Ok(c));
        assert_eq!(ably::lookup_code(c.as_str()), Some(c.entry()));
        assert_eq!(c.entry().app_code(), Some(c.as_str()));
        assert_eq!(c.entry().anchor(), format!("code-{c}"));
    }
}

#[test]
fn codes_are_looked_up_exactly_as_sent() {
    let e = ably::lookup_code("40142").unwrap();
    assert_eq!(e.meaning(), "Token expired");
    assert_eq!(e.documented_status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(e.status(), StatusCode::UNAUTHORIZED);
    assert!(e.resolution().is_some());
    assert_eq!(Code::Code40142.entry(), e);
    assert_eq!(ably::codes::CODE_40142, e);
    assert_eq!(format!("{}", Code::Code40142), "40142");
    assert_eq!(format!("{:?}", Code::Code40142), "Code40142");
    // Sent as a number: no sign, no leading zeros, no padding, nothing else.
    for not_sent in [
        "040142",
        "+40142",
        " 40142",
        "40142 ",
        "40142.0",
        "",
        "Code40142",
    ] {
        assert_eq!(ably::lookup_code(not_sent), None, "{not_sent:?}");
        assert!(not_sent.parse::<Code>().is_err(), "{not_sent:?}");
    }
    // 40199 is not in the registry.
    assert_eq!(ably::lookup_code("40199"), None);
}

#[test]
fn a_code_comes_with_the_status_the_registry_states_not_always_its_digits() {
    let status = |code: &str| ably::lookup_code(code).unwrap().documented_status();
    assert_eq!(status("40140"), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(status("40009"), Some(StatusCode::PAYLOAD_TOO_LARGE));
    assert_eq!(status("40111"), Some(StatusCode::FORBIDDEN));
    assert_eq!(status("80016"), Some(StatusCode::GONE));
    // Any status: documented as "usually 503 (some paths report 500)", or
    // raised by an SDK with none. `status()` answers 500 for them.
    for code in ["50003", "10000", "80000", "102000"] {
        let e = ably::lookup_code(code).unwrap();
        assert_eq!(e.documented_status(), None, "{code}");
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR, "{code}");
    }
    let with_status = ably::Catalogue
        .codes()
        .iter()
        .filter(|e| e.documented_status().is_some())
        .count();
    assert_eq!(with_status, 170);
}

#[test]
fn each_operation_lists_the_codes_it_documents_else_the_general_table_s() {
    let publish = Endpoint::Publish;
    assert_eq!(
        (publish.method(), publish.path()),
        (http::Method::POST, "/channels/{channel_id}/messages")
    );
    assert_eq!(publish.codes(StatusCode::PAYLOAD_TOO_LARGE), ["40009"]);
    assert_eq!(
        publish.codes(StatusCode::TOO_MANY_REQUESTS),
        ["42913", "42917"]
    );
    assert_eq!(
        Endpoint::RequestToken.codes(StatusCode::UNAUTHORIZED),
        ["40101", "40104", "40105", "40131"]
    );
    // The time endpoint is not in the catalogue; History has no 403 row of
    // its own, so the general table's 403 codes answer.
    let general_403 = ably::lookup_general(StatusCode::FORBIDDEN).unwrap();
    assert_eq!(
        Endpoint::History.codes(StatusCode::FORBIDDEN),
        general_403.listed_codes()
    );
    assert!(general_403.listed_codes().contains(&"40111"));
    assert!(Endpoint::History.codes(StatusCode::IM_A_TEAPOT).is_empty());
    // Every code a row lists is a code of the catalogue, with the row's status.
    for e in ably::entries() {
        for code in e.listed_codes() {
            let c = ably::lookup_code(code).unwrap();
            assert_eq!(c.documented_status(), Some(e.status()), "{code}");
        }
    }
}

#[test]
fn a_response_is_answered_by_its_code_else_its_status() {
    let unauthorized = StatusCode::UNAUTHORIZED;
    let e = ably::lookup_response(Endpoint::Publish, unauthorized, Some("40160")).unwrap();
    assert_eq!(e.meaning(), "Client lacks the required capability");
    assert_eq!(e.app_code(), Some("40160"));
    // A code the catalogue lacks, or none: the status's entry.
    let row = ably::lookup(Endpoint::Publish, unauthorized).unwrap();
    assert_eq!(
        ably::lookup_response(Endpoint::Publish, unauthorized, Some("40199")),
        Some(row)
    );
    assert_eq!(
        ably::lookup_response(Endpoint::Publish, unauthorized, None),
        Some(row)
    );
    assert_eq!(row.app_code(), None);
    assert_eq!(row, ably::codes::PUBLISH_401);
    assert_eq!(row.listed_codes(), ["40140", "40142", "40160"]);
}

#[test]
fn real_shaped_bodies_name_their_code_s_entry() {
    // (body, status sent, code read, meaning of the entry that answers)
    let cases = [
        ("token-expired.json", 401, Some("40142"), "Token expired"),
        (
            "capability-denied.json",
            401,
            Some("40160"),
            "Client lacks the required capability",
        ),
        (
            "message-too-large.json",
            413,
            Some("40009"),
            "Message too large",
        ),
        (
            "channel-rate-limit.json",
            429,
            Some("42913"),
            "Per-channel publish rate exceeded",
        ),
        (
            "no-status-code.json",
            503,
            Some("50003"),
            "Request timed out server-side",
        ),
        // A bare ErrorInfo: read through `/code`.
        (
            "bare-not-found.json",
            404,
            Some("40400"),
            "Resource not found",
        ),
        // Not in the registry: the status's row answers.
        ("unknown-code.json", 401, Some("40199"), "Unauthorized"),
        // The code as a string is the wrong type here; not JSON at all: by status.
        ("code-as-string.json", 401, None, "Unauthorized"),
        ("not-json.html", 502, None, "Bad Gateway"),
    ];
    for (name, status, code, meaning) in cases {
        let status = StatusCode::from_u16(status).unwrap();
        let read = code_in(&body(name));
        assert_eq!(read.as_deref(), code, "{name}");
        let e = ably::lookup_response(Endpoint::Publish, status, read.as_deref())
            .unwrap_or_else(|| panic!("{name}"));
        assert_eq!(e.meaning(), meaning, "{name}");
        if e.app_code().is_some() {
            // A code's documented status, when it has one, is the one sent.
            assert!(e.documented_status().is_none_or(|s| s == status), "{name}");
        }
    }
}

#[test]
fn a_service_answers_a_code_with_problem_json() {
    let e = Code::Code42913.entry();
    assert!(e.retryable());
    let response = e.problem().into_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        json["type"],
        format!(
            "{}{}#code-42913",
            ably::page().docs_base_url(),
            ably::page().slug()
        )
    );
    assert_eq!(json["title"], "Per-channel publish rate exceeded");
    assert_eq!(json["status"], 429);
}
