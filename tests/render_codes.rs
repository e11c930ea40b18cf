//! The docs of a catalogue with application codes (the build crate's
//! `tests/fixtures/codes.toml`, loaded): every format held by insta
//! snapshots (tests/snapshots/render_codes__*.snap), the "Error codes" table
//! with an anchor per code, rows' codes linked to it, the JSON valid against
//! schema/catalogue.schema.json, and hostile code texts escaped like every
//! other cell.
//!
//! A process holds one loaded catalogue: this file is its own test binary.
#![cfg(all(feature = "load", feature = "render", feature = "serde"))]

use error_catalogue::engine::Catalogue;
use error_catalogue::load::Loaded;
use error_catalogue::render::Format;
use serde_json::{Value, json};

mod codes_fixture;

fn catalogue() -> Catalogue<Loaded> {
    codes_fixture::loaded();
    Catalogue::new()
}

fn rendered(format: Format) -> String {
    let mut out = Vec::new();
    catalogue().render(format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn snapshots_of_every_format() {
    for &format in Format::ALL {
        insta::assert_snapshot!(format.name(), rendered(format));
    }
}

#[test]
fn the_codes_table_has_a_row_and_an_anchor_per_code_in_registry_order() {
    let tables = catalogue().tables();
    let codes = tables.last().unwrap();
    assert_eq!(codes.heading, "Error codes");
    assert_eq!(codes.anchor, "error-codes");
    assert_eq!(
        codes.header,
        ["Code", "Status", "Meaning", "Description", "Resolution"]
    );
    let rows: Vec<(&str, Vec<String>)> = codes
        .rows
        .iter()
        .map(|r| {
            (
                r.entry.anchor(),
                r.cells.iter().map(|c| c.plain_text()).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "code-card-declined",
                vec![
                    "card_declined".to_string(),
                    "402".into(),
                    "Card declined".into(),
                    "The card has been declined.".into(),
                    "Ask the customer for another payment method.".into(),
                ]
            ),
            (
                "code-expired-card",
                vec![
                    "expired_card".to_string(),
                    "402".into(),
                    "Expired card".into(),
                    "The card has expired. Deprecated: Sent as card_declined since 2024.".into(),
                    "Ask the customer for a card that has not expired.".into(),
                ]
            ),
            (
                "code-channel-not-found",
                vec![
                    "channelNotFound".to_string(),
                    "200".into(),
                    "Channel not found".into(),
                    "No channel has that id [or name].".into(),
                    String::new(),
                ]
            ),
            (
                "code-err-rate",
                vec![
                    "ERR_RATE".to_string(),
                    "any".into(),
                    "Rate limited".into(),
                    "Sent with any status when a quota runs out.".into(),
                    String::new(),
                ]
            ),
        ]
    );
    // Tables whose rows list codes gain a Codes column; the others keep
    // theirs.
    let headers: Vec<(&str, &[&str])> = tables
        .iter()
        .map(|t| (t.heading.as_str(), t.header))
        .collect();
    assert_eq!(
        headers[..3],
        [
            ("General", &["Error Code", "Meaning", "Codes"][..]),
            (
                "Create Charge - POST",
                &["Error Code", "Description", "Codes"][..]
            ),
            ("Get Charge - GET", &["Error Code", "Description"][..]),
        ]
    );
    assert_eq!(
        tables[1].rows[0].cells[2].plain_text(),
        "card_declined, expired_card"
    );
}

#[test]
fn every_format_links_a_rows_codes_to_their_anchors() {
    let mdx = rendered(Format::Mdx);
    assert!(mdx.contains("<a href=\"#code-card-declined\">`card_declined`</a>, <a href=\"#code-expired-card\">`expired_card`</a>"), "{mdx}");
    assert!(mdx.contains("### Error codes <a id=\"error-codes\"></a>"));
    assert!(mdx.contains("`ERR_RATE` <a id=\"code-err-rate\"></a> | any | Rate limited"));
    let md = rendered(Format::Markdown);
    assert!(
        md.contains("[`card_declined`](#code-card-declined), [`expired_card`](#code-expired-card)"),
        "{md}"
    );
    let html = rendered(Format::Html);
    assert!(html.contains("<a href=\"#code-card-declined\"><code>card_declined</code></a>"));
    assert!(
        html.contains(
            "<tr id=\"code-card-declined\"><td><code>card_declined</code></td><td>402</td>"
        )
    );
    let openapi: Value = serde_json::from_str(&rendered(Format::OpenApi)).unwrap();
    let charge = &openapi["paths"]["/v1/charges"]["post"]["responses"]["402"];
    assert_eq!(
        charge["x-entry"]["codes"],
        json!(["card_declined", "expired_card"])
    );
    assert!(
        charge["description"].as_str().unwrap().contains(
            "Codes: [`card_declined`](https://example.com/docs/errors/#code-card-declined)"
        ),
        "{charge}"
    );
    assert_eq!(
        openapi["x-catalogue"]["code_pointers"],
        json!(["/error/code", "/error"])
    );
    assert_eq!(
        openapi["x-catalogue"]["codes"][3],
        json!({"code": "ERR_RATE", "meaning": "Rate limited", "description": "Sent with any status when a quota runs out.", "retryable": true})
    );
}

#[test]
fn json_has_the_codes_and_validates_against_the_schema() {
    let json: Value = serde_json::from_str(&rendered(Format::Json)).unwrap();
    let schema: Value =
        serde_json::from_str(include_str!("../schema/catalogue.schema.json")).unwrap();
    let v = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(json["code_pointers"], json!(["/error/code", "/error"]));
    let codes: Vec<(&Value, &Value, &Value)> = json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (&c["code"], &c["status"], &c["anchor"]))
        .collect();
    assert_eq!(
        codes,
        [
            (
                &json!("card_declined"),
                &json!(402),
                &json!("code-card-declined")
            ),
            (
                &json!("expired_card"),
                &json!(402),
                &json!("code-expired-card")
            ),
            (
                &json!("channelNotFound"),
                &json!(200),
                &json!("code-channel-not-found")
            ),
            (&json!("ERR_RATE"), &Value::Null, &json!("code-err-rate")),
        ]
    );
    assert_eq!(
        json["codes"][1]["deprecated"],
        "Sent as `card_declined` since 2024."
    );
    assert_eq!(json["codes"][3]["retryable"], true);
    assert_eq!(
        json["endpoints"][0]["entries"][0]["codes"],
        json!(["card_declined", "expired_card"])
    );
    assert_eq!(
        json["general"]["entries"][0]["codes"],
        json!(["channelNotFound"])
    );
    assert!(json["endpoints"][1]["entries"][0].get("codes").is_none());
    // The schema holds codes and pointers together, and a code's shape.
    for (what, mutate) in [
        (
            "codes without pointers",
            (|j: &mut Value| {
                j.as_object_mut().unwrap().remove("code_pointers");
            }) as fn(&mut Value),
        ),
        ("a code with an endpoint", |j| {
            j["codes"][0]["endpoint"] = json!("create-charge")
        }),
        ("a negative code", |j| j["codes"][0]["code"] = json!(-1)),
        ("an empty listed code", |j| {
            j["general"]["entries"][0]["codes"] = json!([""])
        }),
        ("a code's anchor without its prefix", |j| {
            j["codes"][0]["anchor"] = json!("card-declined")
        }),
    ] {
        let mut bad = json.clone();
        mutate(&mut bad);
        assert!(!v.is_valid(&bad), "{what}");
    }
}
