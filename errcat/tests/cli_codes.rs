//! Application codes on the command line: `errcat lookup --code CODE` (with
//! and without ENDPOINT STATUS) and `errcat list --codes`, text and JSON,
//! every exit status, over `--catalogue` files with string codes
//! (error-catalogue-build's `codes.toml`), integer codes (a small fixture,
//! and Ably's registry) and no codes (the shipped catalogue).

use std::path::{Path, PathBuf};

use error_catalogue::CatalogueEndpoint;
use error_catalogue::load::{self, Loaded};
use serde_json::Value;

mod common;

use common::root;

/// Stripe-like string codes under 402, a Slack-like one under 200, one of
/// any status.
fn strings() -> PathBuf {
    root().join("error-catalogue-build/tests/fixtures/codes.toml")
}

/// Ably-like integer codes: 40140 and 40160 (401), 10000 (any status).
fn integers() -> PathBuf {
    root().join("errcat/tests/fixtures/codes/integer-codes.toml")
}

/// Ably's registry: 276 integer codes, five REST operations listing some.
fn ably() -> PathBuf {
    root().join("catalogues/ably/errors.toml")
}

/// Runs errcat over `catalogue` (in a directory without an errors.toml);
/// returns (exit status, stdout, stderr).
fn run(catalogue: &Path, args: &[&str]) -> (i32, String, String) {
    let dir = common::scratch();
    let mut all = vec!["--catalogue", catalogue.to_str().unwrap()];
    all.extend(args);
    let out = common::errcat_in(dir.path(), &all);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The stdout of a run that must succeed with nothing on stderr.
fn found(catalogue: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(catalogue, args);
    assert_eq!(code, 0, "{args:?}: {err}");
    assert_eq!(err, "", "{args:?}");
    out
}

/// The one stderr line of a run that must end with `status` and print
/// nothing on stdout.
fn fails(catalogue: &Path, args: &[&str], status: i32) -> String {
    let (code, out, err) = run(catalogue, args);
    assert_eq!(code, status, "{args:?}: {err}");
    assert_eq!(out, "", "{args:?}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(err.starts_with("errcat: "), "{err}");
    err
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn a_code_looked_up_as_text_names_it_with_its_status_and_texts() {
    let out = found(&strings(), &["lookup", "--code", "card_declined"]);
    assert_eq!(
        out,
        "Code card_declined (status 402): Card declined\n\
         \x20 The card has been declined.\n\
         \x20 Resolution: Ask the customer for another payment method.\n\
         \x20 Retryable: no\n"
    );
    let out = found(&strings(), &["lookup", "--code", "ERR_RATE"]);
    assert!(
        out.starts_with("Code ERR_RATE (any status): Rate limited\n"),
        "{out}"
    );
    assert!(out.contains("  Retryable: yes\n"), "{out}");
    let out = found(&strings(), &["lookup", "--code", "expired_card"]);
    assert!(
        out.ends_with("  Deprecated: Sent as card_declined since 2024.\n"),
        "{out}"
    );
}

#[test]
fn a_code_as_json_is_its_entry_as_the_library_serializes_it() {
    let out = found(
        &strings(),
        &["lookup", "--code", "card_declined", "--format", "json"],
    );
    assert!(
        out.starts_with("{\n  \"code\": \"card_declined\",\n"),
        "{out}"
    );
    // The code's entry as the library serializes it (what `render --format
    // json` writes under `codes`): here in this process, loaded from the
    // same file.
    let report = error_catalogue_build::check_file(strings());
    load::load(report.catalogue.as_ref().unwrap()).unwrap();
    let entry = Loaded::lookup_code("card_declined").unwrap();
    assert_eq!(out, serde_json::to_string_pretty(entry).unwrap() + "\n");
    let value = json(&out);
    assert_eq!(value["status"], 402);
    assert_eq!(value["anchor"], "code-card-declined");
    assert!(value.get("endpoint").is_none(), "{out}");
    // Any status: null, not the 500 `Entry::status` stands in with.
    let value = json(&found(
        &strings(),
        &["lookup", "--code", "ERR_RATE", "--format", "json"],
    ));
    assert_eq!(value["status"], Value::Null);
    assert_eq!(value["code"], "ERR_RATE");
    assert_eq!(value["retryable"], true);
}

#[test]
fn a_code_not_in_the_catalogue_is_exit_1_with_a_suggestion() {
    // Compared exactly: another case is another code, suggested.
    let err = fails(&strings(), &["lookup", "--code", "Card_Declined"], 1);
    assert!(err.contains("no code 'Card_Declined'"), "{err}");
    assert!(err.contains("did you mean 'card_declined'?"), "{err}");
    assert!(err.contains("'errcat list --codes'"), "{err}");
    let err = fails(&strings(), &["lookup", "--code", "insufficient_funds"], 1);
    assert!(!err.contains("did you mean"), "{err}");
    // JSON changes nothing about a miss.
    fails(
        &strings(),
        &["lookup", "--code", "expired_crd", "--format", "json"],
        1,
    );
    // A catalogue without codes says so.
    let err = fails(
        &common::shipped(),
        &["lookup", "--code", "card_declined"],
        1,
    );
    assert!(
        err.contains("the catalogue documents no application codes"),
        "{err}"
    );
    let err = fails(
        &common::shipped(),
        &["lookup", "create-trackers", "409", "--code", "x"],
        1,
    );
    assert!(err.contains("no application codes"), "{err}");
}

#[test]
fn bad_arguments_with_a_code_are_exit_2() {
    let err = fails(&strings(), &["lookup", "--code", ""], 2);
    assert!(err.contains("invalid code ''"), "{err}");
    // An endpoint needs a status; bad ones are reported before the code is
    // looked for.
    let err = fails(
        &strings(),
        &["lookup", "create-charge", "--code", "card_declined"],
        2,
    );
    assert!(err.contains("<STATUS>"), "{err}");
    let err = fails(
        &strings(),
        &["lookup", "create-charg", "402", "--code", "nope"],
        2,
    );
    assert!(err.contains("did you mean 'create-charge'?"), "{err}");
    let err = fails(
        &strings(),
        &["lookup", "create-charge", "4020", "--code", "nope"],
        2,
    );
    assert!(err.contains("invalid status '4020'"), "{err}");
    let err = fails(
        &strings(),
        &["lookup", "--code", "x", "--format", "yaml"],
        2,
    );
    assert!(err.contains("yaml"), "{err}");
    // Without --code, both positionals are required, and named.
    let err = fails(&strings(), &["lookup"], 2);
    assert!(err.contains("<ENDPOINT>, <STATUS>"), "{err}");
}

#[test]
fn with_an_endpoint_and_status_the_code_must_be_listed_there() {
    // The endpoint's own 402 row lists both card codes.
    let out = found(
        &strings(),
        &["lookup", "create-charge", "402", "--code", "expired_card"],
    );
    assert!(out.starts_with("Code expired_card (status 402)"), "{out}");
    // "METHOD PATH" routes, as for entries; JSON is the code's entry.
    let value = json(&found(
        &strings(),
        &[
            "lookup",
            "POST /v1/charges",
            "402",
            "--code",
            "card_declined",
            "--format",
            "json",
        ],
    ));
    assert_eq!(value["code"], "card_declined");
    // Get Charge has no 402 row: the general one it falls back to lists
    // card_declined, not expired_card.
    found(
        &strings(),
        &["lookup", "get-charge", "402", "--code", "card_declined"],
    );
    let err = fails(
        &strings(),
        &["lookup", "get-charge", "402", "--code", "expired_card"],
        1,
    );
    assert_eq!(
        err,
        "errcat: the general table's 402 entry (which Get Charge falls back to) does not list \
         code 'expired_card'; it is listed for create-charge 402\n"
    );
    let err = fails(
        &strings(),
        &["lookup", "create-charge", "402", "--code", "ERR_RATE"],
        1,
    );
    assert_eq!(
        err,
        "errcat: Create Charge's 402 entry does not list code 'ERR_RATE'; no entry lists it\n"
    );
    found(
        &strings(),
        &["lookup", "general", "200", "--code", "channelNotFound"],
    );
    let err = fails(
        &strings(),
        &[
            "lookup",
            "general",
            "429",
            "--code",
            "channelNotFound",
            "--format",
            "json",
        ],
        1,
    );
    assert!(
        err.contains("the general table's 429 entry does not list code 'channelNotFound'; it is listed for general 200"),
        "{err}"
    );
    let err = fails(
        &strings(),
        &["lookup", "get-charge", "418", "--code", "card_declined"],
        1,
    );
    assert!(
        err.contains("Get Charge or the general table has no entry for status 418"),
        "{err}"
    );
    assert!(
        err.contains("listed for general 402, create-charge 402"),
        "{err}"
    );
    // An unknown code is reported as such, not as unlisted.
    let err = fails(
        &strings(),
        &["lookup", "create-charge", "402", "--code", "card_decline"],
        1,
    );
    assert!(err.contains("did you mean 'card_declined'?"), "{err}");
}

#[test]
fn integer_codes_are_given_in_decimal() {
    let out = found(&integers(), &["lookup", "--code", "40140"]);
    assert!(
        out.starts_with("Code 40140 (status 401): Token expired\n"),
        "{out}"
    );
    // A number: leading zeros and spaces do not make another code.
    let value = json(&found(
        &integers(),
        &["lookup", "--code", "040140", "--format", "json"],
    ));
    assert_eq!(value["code"], 40140);
    assert!(value["code"].is_u64());
    let value = json(&found(
        &integers(),
        &["lookup", "--code", "10000", "--format", "json"],
    ));
    assert_eq!(value["status"], Value::Null);
    for bad in [
        "x40140",
        "40140.0",
        "+40140",
        "-1",
        "99999999999999999999999",
    ] {
        let err = fails(&integers(), &["lookup", &format!("--code={bad}")], 2);
        assert!(
            err.contains("this catalogue's codes are integers"),
            "{bad}: {err}"
        );
    }
    let err = fails(&integers(), &["lookup", "--code", "40141"], 1);
    assert!(err.contains("did you mean '40140'?"), "{err}");
    found(
        &integers(),
        &["lookup", "publish", "401", "--code", "40160"],
    );
    let err = fails(
        &integers(),
        &["lookup", "general", "401", "--code", "40160"],
        1,
    );
    assert!(err.contains("it is listed for publish 401"), "{err}");
}

#[test]
fn ablys_registry_answers_by_code_and_by_endpoint() {
    let out = found(&ably(), &["lookup", "--code", "40140"]);
    assert!(
        out.starts_with("Code 40140 (status 401): Token not accepted\n"),
        "{out}"
    );
    found(&ably(), &["lookup", "publish", "401", "--code", "40142"]);
    found(
        &ably(),
        &[
            "lookup",
            "GET /channels/foo/messages",
            "400",
            "--code",
            "40003",
        ],
    );
    let err = fails(&ably(), &["lookup", "publish", "400", "--code", "40003"], 1);
    assert!(
        err.contains("Publish's 400 entry does not list code '40003'"),
        "{err}"
    );
    let err = fails(&ably(), &["lookup", "publish", "429", "--code", "40140"], 1);
    assert!(
        err.ends_with("it is listed for general 401, publish 401, history 401, presence 401\n"),
        "{err}"
    );
    let list = json(&found(&ably(), &["list", "--codes", "--format", "json"]));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 276);
    assert!(list.iter().all(|c| c["code"].is_u64()));
}

#[test]
fn list_codes_as_a_table_and_as_json() {
    let out = found(&strings(), &["list", "--codes"]);
    assert_eq!(
        out,
        "CODE             STATUS  MEANING            RETRYABLE\n\
         card_declined    402     Card declined      no\n\
         expired_card     402     Expired card       no\n\
         channelNotFound  200     Channel not found  no\n\
         ERR_RATE         any     Rate limited       yes\n"
    );
    let value = json(&found(&strings(), &["list", "--codes", "--format", "json"]));
    let codes: Vec<&Value> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["code"])
        .collect();
    assert_eq!(
        codes,
        [
            "card_declined",
            "expired_card",
            "channelNotFound",
            "ERR_RATE"
        ]
    );
    // Each element is what `lookup --code` prints.
    let one = json(&found(
        &strings(),
        &["lookup", "--code", "expired_card", "--format", "json"],
    ));
    assert_eq!(value[1], one);
    let out = found(&integers(), &["list", "--codes"]);
    assert!(out.contains("\n40140  401     Token expired"), "{out}");
    assert!(out.contains("\n10000  any     No error"), "{out}");
}

#[test]
fn list_codes_filters_by_endpoint_and_status() {
    let codes = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list", "--codes", "--format", "json"];
        all.extend(args);
        json(&found(&strings(), &all))
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["code"].as_str().unwrap().to_string())
            .collect()
    };
    // The codes an endpoint's own rows list.
    assert_eq!(
        codes(&["--endpoint", "create-charge"]),
        ["card_declined", "expired_card"]
    );
    assert_eq!(
        codes(&["--endpoint", "general"]),
        ["card_declined", "channelNotFound"]
    );
    assert_eq!(
        codes(&["--endpoint", "general", "--status", "200"]),
        ["channelNotFound"]
    );
    assert!(codes(&["--endpoint", "get-charge"]).is_empty());
    // The codes documented with a status; any-status codes are not.
    assert_eq!(
        codes(&["--status", "402"]),
        ["card_declined", "expired_card"]
    );
    assert!(codes(&["--status", "500"]).is_empty());
    // Nothing selected in text: the header alone.
    assert_eq!(
        found(&strings(), &["list", "--codes", "--status", "500"]),
        "CODE  STATUS  MEANING  RETRYABLE\n"
    );
    fails(&strings(), &["list", "--codes", "--endpoint", "nowhere"], 2);
    fails(&strings(), &["list", "--codes", "--status", "42"], 2);
}

#[test]
fn a_catalogue_without_codes_lists_none_and_says_so_in_text() {
    let (code, out, err) = run(&common::shipped(), &["list", "--codes"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert_eq!(
        err,
        "errcat: the catalogue documents no application codes\n"
    );
    assert_eq!(
        found(&common::shipped(), &["list", "--codes", "--format", "json"]),
        "[]\n"
    );
}

#[test]
fn entries_are_listed_and_looked_up_as_before() {
    // --codes is opt-in: `list` and `lookup ENDPOINT STATUS` over a
    // catalogue with codes still answer with its table rows.
    let out = found(&strings(), &["list"]);
    assert!(out.starts_with("ENDPOINT       STATUS  MEANING"), "{out}");
    assert!(!out.contains("card_declined"), "{out}");
    let out = found(&strings(), &["lookup", "create-charge", "402"]);
    assert!(
        out.starts_with("Create Charge (POST /v1/charges): 402 Payment Required\n"),
        "{out}"
    );
}
