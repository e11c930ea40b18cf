//! Application codes at run time: a catalogue with codes (the build crate's
//! `tests/fixtures/codes.toml`), loaded (feature `load`) and served by the
//! engine as generated code is: codes looked up exactly, a response's code
//! preferred to its status, each endpoint's codes per status, and the
//! entries of codes that come with one status or any.
//!
//! A process holds one loaded catalogue: this file is its own test binary,
//! and loads it once. The shipped catalogue, which has no codes, answers
//! every code by the status.
#![cfg(all(feature = "load", feature = "symbl"))]

use error_catalogue::CatalogueEndpoint;
use error_catalogue::engine::{Catalogue, Entry};
use error_catalogue::load::Loaded;
use http::StatusCode;

mod codes_fixture;

use codes_fixture::loaded;

fn endpoint(name: &str) -> Loaded {
    loaded();
    name.parse().unwrap()
}

fn code(code: &str) -> &'static Entry<Loaded> {
    loaded();
    Loaded::lookup_code(code).unwrap_or_else(|| panic!("{code} is in the fixture"))
}

#[test]
fn a_code_is_its_entry() {
    let e = code("card_declined");
    assert_eq!(e.app_code(), Some("card_declined"));
    assert_eq!((e.code(), e.status()), (402, StatusCode::PAYMENT_REQUIRED));
    assert_eq!(e.documented_status(), Some(StatusCode::PAYMENT_REQUIRED));
    assert_eq!(e.meaning(), "Card declined");
    assert_eq!(e.description(), Some("The card has been declined."));
    assert_eq!(
        e.resolution(),
        Some("Ask the customer for *another* payment method.")
    );
    assert_eq!(
        e.plain_resolution(),
        Some("Ask the customer for another payment method.")
    );
    assert!(!e.retryable());
    assert_eq!(e.example().map(|x| x.lang()), Some("json"));
    assert_eq!(e.anchor(), "code-card-declined");
    assert_eq!(
        e.url(),
        "https://example.com/docs/errors/#code-card-declined"
    );
    // Neither an endpoint's row nor the general table's.
    assert_eq!(e.endpoint(), None);
    assert!(!e.is_general());
    assert!(e.listed_codes().is_empty());
    assert_eq!(e.to_string(), "card_declined Card declined");
    assert_eq!(
        code("expired_card").deprecated(),
        Some("Sent as `card_declined` since 2024.")
    );
}

#[test]
fn a_code_of_any_status_answers_500_but_documents_none() {
    let e = code("ERR_RATE");
    assert_eq!(e.documented_status(), None);
    assert_eq!(
        (e.code(), e.status()),
        (500, StatusCode::INTERNAL_SERVER_ERROR)
    );
    assert!(e.retryable());
    assert_eq!(
        code("channelNotFound").documented_status(),
        Some(StatusCode::OK)
    );
}

#[test]
fn codes_are_compared_exactly() {
    loaded();
    for miss in [
        "Card_declined",
        "CARD_DECLINED",
        "card_declined ",
        " card_declined",
        "card-declined",
        "CardDeclined",
        "channelnotfound",
        "",
        "402",
        "\u{0}",
    ] {
        assert!(Loaded::lookup_code(miss).is_none(), "{miss:?}");
    }
}

#[test]
fn a_response_is_its_code_when_known_else_its_status() {
    let create = endpoint("Create Charge");
    let get = endpoint("get-charge");
    let s402 = StatusCode::PAYMENT_REQUIRED;
    let own_402 = create.lookup(s402).unwrap();
    assert_eq!(own_402.endpoint(), Some(create));

    assert_eq!(
        create.lookup_response(s402, Some("expired_card")),
        Some(code("expired_card"))
    );
    assert_eq!(create.lookup_response(s402, None), Some(own_402));
    assert_eq!(create.lookup_response(s402, Some("no_such")), Some(own_402));
    assert_eq!(create.lookup_response(s402, Some("")), Some(own_402));
    // The code names the entry whatever the status and the endpoint say.
    assert_eq!(
        get.lookup_response(StatusCode::NOT_FOUND, Some("card_declined")),
        Some(code("card_declined"))
    );
    assert_eq!(
        get.lookup_response(StatusCode::IM_A_TEAPOT, Some("ERR_RATE")),
        Some(code("ERR_RATE"))
    );
    // Neither known: nothing, as `lookup`.
    assert_eq!(
        get.lookup_response(StatusCode::IM_A_TEAPOT, Some("x")),
        None
    );
    assert_eq!(get.lookup_response(StatusCode::IM_A_TEAPOT, None), None);
}

#[test]
fn an_endpoint_lists_its_codes_per_status() {
    let create = endpoint("CreateCharge");
    let get = endpoint("GetCharge");
    // Its own row's codes.
    assert_eq!(
        create.codes(StatusCode::PAYMENT_REQUIRED),
        ["card_declined", "expired_card"]
    );
    // The general row's, where it has no row of its own.
    assert_eq!(get.codes(StatusCode::PAYMENT_REQUIRED), ["card_declined"]);
    assert_eq!(create.codes(StatusCode::OK), ["channelNotFound"]);
    // A row that lists none, and a status nobody lists.
    assert!(get.codes(StatusCode::NOT_FOUND).is_empty());
    assert!(get.codes(StatusCode::TOO_MANY_REQUESTS).is_empty());
    assert!(get.codes(StatusCode::IM_A_TEAPOT).is_empty());
}

#[test]
fn the_catalogue_holds_its_codes_in_page_order() {
    loaded();
    let c = Catalogue::<Loaded>::new();
    let codes: Vec<_> = c.codes().iter().map(|e| e.app_code().unwrap()).collect();
    assert_eq!(
        codes,
        [
            "card_declined",
            "expired_card",
            "channelNotFound",
            "ERR_RATE"
        ]
    );
    for e in c.codes() {
        assert_eq!(Loaded::lookup_code(e.app_code().unwrap()), Some(e));
    }
    assert_eq!(c.code_pointers(), ["/error/code", "/error"]);
    assert!(!c.integer_codes());
    // Rows stay rows: the codes are not among the entries.
    assert_eq!(c.entries().len(), 5);
    assert!(c.entries().iter().all(|e| e.app_code().is_none()));
    assert_eq!(c.general()[0].listed_codes(), ["channelNotFound"]);
    assert!(c.general()[2].listed_codes().is_empty());
}

#[test]
fn a_catalogue_without_codes_answers_by_status() {
    use error_catalogue::{Code, Endpoint, lookup, lookup_code, lookup_response};
    assert!(Code::ALL.is_empty());
    assert!("card_declined".parse::<Code>().is_err());
    assert_eq!(lookup_code("card_declined"), None);
    let (ep, s) = (Endpoint::CreateTrackers, StatusCode::CONFLICT);
    assert_eq!(lookup_response(ep, s, Some("card_declined")), lookup(ep, s));
    assert!(ep.codes(s).is_empty());
    assert!(error_catalogue::Catalogue.codes().is_empty());
    assert!(!error_catalogue::Catalogue.integer_codes());
    assert_eq!(
        error_catalogue::Catalogue.code_pointers(),
        ["/error/code", "/error", "/code"]
    );
}

#[test]
fn a_code_the_catalogue_lacks_is_a_parse_error_naming_no_code() {
    // The shipped catalogue documents no codes: every text is an error.
    let err = "card_declined"
        .parse::<error_catalogue::Code>()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the catalogue documents no such application code"
    );
    let source: &dyn std::error::Error = &err;
    assert!(source.source().is_none());
}
