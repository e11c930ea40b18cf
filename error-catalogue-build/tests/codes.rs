//! Application codes as the checked catalogue holds them: a registry with no
//! endpoints, codes listed by endpoints' rows, string and integer codes,
//! the defaults; and no input about codes makes the checker panic.

use error_catalogue_build::catalogue::{AppCode, CodeValue, DEFAULT_CODE_POINTERS};
use error_catalogue_build::{Catalogue, check_str};
use proptest::prelude::*;

const PAGE: &str = r#"[page]
id = "errors"
title = "Error Codes"
slug = "/errors/"
docs_base_url = "https://docs.example.com"

[general]
title = "HTTP Codes"
"#;

/// The catalogue `text` checks into, which must have no diagnostic at all.
fn clean(text: &str) -> Catalogue {
    let report = check_str("errors.toml", text);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    report.catalogue.unwrap()
}

fn text(s: &str) -> CodeValue {
    CodeValue::Text(s.to_string())
}

#[test]
fn a_registry_of_integer_codes_without_endpoints() {
    // Ably's shape: integer codes whose first three digits are the status,
    // and one that comes with any status.
    let catalogue = clean(&format!(
        r#"{PAGE}
[[codes]]
code = 40140
status = 401
meaning = "Token expired"
description = "The token has expired."
resolution = "Request a new token."

[[codes]]
code = 50000
status = 500
meaning = "Internal error"

[[codes]]
code = 0
meaning = "Unknown"
retryable = true
deprecated = "Never sent since 2019."
"#
    ));
    assert!(catalogue.endpoints.is_empty());
    assert_eq!(catalogue.code_pointers, DEFAULT_CODE_POINTERS);
    assert_eq!(
        catalogue.codes[0],
        AppCode {
            code: CodeValue::Integer(40140),
            ident: "Code40140".into(),
            anchor: "code-40140".into(),
            status: Some(401),
            meaning: "Token expired".into(),
            description: Some("The token has expired.".into()),
            resolution: Some("Request a new token.".into()),
            retryable: false,
            example: None,
            deprecated: None,
        }
    );
    // Retryable as the status has it; a code with no status is not, unless
    // it says so.
    assert!(catalogue.codes[1].retryable);
    assert_eq!(catalogue.codes[2].status, None);
    assert!(catalogue.codes[2].retryable);
    assert_eq!(
        catalogue.codes[2].deprecated.as_deref(),
        Some("Never sent since 2019.")
    );
    assert_eq!(
        catalogue.code(&CodeValue::Integer(0)).unwrap().ident,
        "Code0"
    );
    assert_eq!(catalogue.code(&text("0")), None);
}

#[test]
fn string_codes_listed_by_endpoint_and_general_rows() {
    // Stripe's and Slack's shapes: codes under a 402, and under a 200.
    let catalogue = clean(&format!(
        r#"{PAGE}
[[general.errors]]
status = 200
meaning = "OK"
codes = ["channel_not_found"]

[api]
code_pointers = ["/error/code", ""]

[[codes]]
code = "card_declined"
status = 402
meaning = "Card declined"
example = {{ body = '{{"error": {{"code": "card_declined"}}}}' }}

[[codes]]
code = "expired_card"
status = 402
meaning = "Expired card"
allow = ["unlisted-code"]

[[codes]]
code = "channel_not_found"
meaning = "Channel not found"

[[endpoints]]
name = "Create Charge"
method = "POST"
path = "/v1/charges"

[[endpoints.errors]]
status = 402
meaning = "Payment Required"
codes = ["expired_card", "card_declined"]
"#
    ));
    assert_eq!(catalogue.code_pointers, ["/error/code", ""]);
    let idents: Vec<&str> = catalogue.codes.iter().map(|c| c.ident.as_str()).collect();
    assert_eq!(idents, ["CardDeclined", "ExpiredCard", "ChannelNotFound"]);
    let anchors: Vec<&str> = catalogue.codes.iter().map(|c| c.anchor.as_str()).collect();
    assert_eq!(
        anchors,
        [
            "code-card-declined",
            "code-expired-card",
            "code-channel-not-found"
        ]
    );
    assert_eq!(
        catalogue.general.entries[0].codes,
        [text("channel_not_found")]
    );
    // In the row's order.
    assert_eq!(
        catalogue.endpoints[0].entries[0].codes,
        [text("expired_card"), text("card_declined")]
    );
    let example = catalogue.codes[0].example.as_ref().unwrap();
    assert_eq!(example.lang, "json");
    assert_eq!(example.body, r#"{"error": {"code": "card_declined"}}"#);
    assert!(!catalogue.codes[0].retryable);
    assert_eq!(catalogue.codes[2].status, None);
    assert!(!catalogue.codes[2].retryable);
}

#[test]
fn an_endpoint_row_listing_its_own_codes_is_not_redundant() {
    let row = |codes: &str| {
        format!(
            "{PAGE}\n[[general.errors]]\nstatus = 402\nmeaning = \"Payment Required\"\n\n\
             [[codes]]\ncode = \"card_declined\"\nmeaning = \"Card declined\"\nallow = [\"W0004\"]\n\n\
             [[endpoints]]\nname = \"Create Charge\"\nmethod = \"POST\"\npath = \"/v1/charges\"\n\n\
             [[endpoints.errors]]\nstatus = 402\nmeaning = \"Payment Required\"\n{codes}"
        )
    };
    clean(&row("codes = [\"card_declined\"]\n"));
    let report = check_str("errors.toml", &row(""));
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.id()).collect();
    assert_eq!(codes, ["W0002"]);
}

#[test]
fn catalogues_without_codes_are_as_before() {
    let catalogue = clean(&format!(
        "{PAGE}\n[[general.errors]]\nstatus = 404\nmeaning = \"Not Found\"\n"
    ));
    assert!(catalogue.codes.is_empty());
    assert!(catalogue.entries().all(|e| e.codes.is_empty()));
    assert_eq!(catalogue.code_pointers, DEFAULT_CODE_POINTERS);
    let shipped =
        error_catalogue_build::check_file(concat!(env!("CARGO_MANIFEST_DIR"), "/../errors.toml"));
    let shipped = shipped.catalogue.unwrap();
    assert!(shipped.codes.is_empty());
    assert_eq!(shipped.code_pointers, DEFAULT_CODE_POINTERS);
}

#[test]
fn an_empty_pointer_list_reads_no_code() {
    let catalogue = clean(&format!("{PAGE}\n[api]\ncode_pointers = []\n"));
    assert!(catalogue.code_pointers.is_empty());
}

#[test]
fn codes_compare_exactly() {
    // Two codes differing in case are two codes; their identifiers clash.
    let report = check_str(
        "errors.toml",
        &format!(
            "{PAGE}\n[[codes]]\ncode = \"Card\"\nmeaning = \"A\"\n\n[[codes]]\ncode = \"card\"\nmeaning = \"B\"\n"
        ),
    );
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.id()).collect();
    assert_eq!(codes, ["E0010"]);
    // A row listing another case is unknown, pointed at the code meant.
    let report = check_str(
        "errors.toml",
        &format!(
            "{PAGE}\n[[general.errors]]\nstatus = 402\nmeaning = \"Payment Required\"\ncodes = [\"Card_Declined\"]\n\n[[codes]]\ncode = \"card_declined\"\nmeaning = \"A\"\n"
        ),
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.code.id(), "E0021");
    assert_eq!(
        d.hint.as_deref(),
        Some("did you mean \"card_declined\"? a row lists codes [[codes]] defines")
    );
}

/// TOML values a code or a list of codes may be written as, good and bad.
fn code_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z_0-9 .\\-]{0,12}".prop_map(|s| format!("{s:?}")),
        "\\PC{0,6}".prop_map(|s| format!("{s:?}")),
        any::<i64>().prop_map(|n| n.to_string()),
        Just("18446744073709551615".to_string()),
        Just("99999999999999999999".to_string()),
        Just("1.5".to_string()),
        Just("true".to_string()),
        Just("[]".to_string()),
    ]
}

fn pointer() -> impl Strategy<Value = String> {
    prop_oneof![
        "[/~a-z0-9]{0,8}".prop_map(|s| format!("{s:?}")),
        Just("1".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever codes, statuses, listings and pointers a file holds, the
    /// check answers with diagnostics, never a panic; and a catalogue comes
    /// out exactly when no error does.
    #[test]
    fn no_input_about_codes_panics(
        codes in prop::collection::vec((code_value(), prop::option::of(0i64..1000)), 0..6),
        listed in prop::collection::vec(code_value(), 0..5),
        status in 100i64..600,
        pointers in prop::option::of(prop::collection::vec(pointer(), 0..3)),
        codes_key in prop::option::of(code_value()),
    ) {
        let mut file = String::from(PAGE);
        file.push_str(&format!(
            "\n[[general.errors]]\nstatus = {status}\nmeaning = \"Row\"\nallow = [\"W0001\"]\ncodes = [{}]\n",
            listed.join(", ")
        ));
        if let Some(key) = &codes_key {
            file.push_str(&format!("\n[[endpoints]]\nname = \"E\"\nmethod = \"GET\"\npath = \"/e\"\n\n[[endpoints.errors]]\nstatus = 404\nmeaning = \"Not Found\"\ncodes = {key}\n"));
        }
        if let Some(pointers) = &pointers {
            file.push_str(&format!("\n[api]\ncode_pointers = [{}]\n", pointers.join(", ")));
        }
        for (code, status) in &codes {
            file.push_str(&format!("\n[[codes]]\ncode = {code}\nmeaning = \"M\"\n"));
            if let Some(status) = status {
                file.push_str(&format!("status = {status}\n"));
            }
        }
        let report = check_str("errors.toml", &file);
        prop_assert_eq!(report.catalogue.is_some(), !report.has_errors());
        for d in &report.diagnostics {
            prop_assert!(d.span.is_some(), "{}", report.render(false));
        }
        let _ = report.render(false);
        if let Some(catalogue) = report.catalogue {
            for entry in catalogue.entries() {
                for code in &entry.codes {
                    prop_assert!(catalogue.code(code).is_some());
                }
            }
        }
    }
}

#[test]
fn near_codes_are_looked_for_a_hundred_times_per_check() {
    let listed: Vec<String> = (0..101).map(|i| format!("\"codex_{i}\"")).collect();
    let mut file = format!(
        "{PAGE}\n[[general.errors]]\nstatus = 400\nmeaning = \"Bad Request\"\ncodes = [{}]\n",
        listed.join(", ")
    );
    for i in 0..101 {
        file.push_str(&format!(
            "\n[[codes]]\ncode = \"code_{i}\"\nmeaning = \"M\"\n"
        ));
    }
    let report = check_str("errors.toml", &file);
    let hints: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.id() == "E0021")
        .map(|d| d.hint.as_deref().unwrap())
        .collect();
    assert_eq!(hints.len(), 101);
    assert_eq!(
        hints[99],
        "did you mean \"code_99\"? a row lists codes [[codes]] defines"
    );
    assert_eq!(
        hints[100],
        "add a [[codes]] entry with `code = \"codex_100\"`, or remove it from the row"
    );
}
