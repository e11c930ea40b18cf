//! `errcat explain … --body FILE` over catalogues with application codes:
//! a code the body carries names the code's entry; one the catalogue lacks
//! is shown as the server's, beside the status's entry; a body with no
//! code, a code of the wrong type, or no JSON is explained by status. Real
//! shapes: Stripe-like nested (`/error/code`), Slack's 200 `ok: false`
//! (`/error`), Ably's integer codes, nested and bare (`/code`).

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

use common::root;

fn strings() -> PathBuf {
    root().join("error-catalogue-build/tests/fixtures/codes.toml")
}

fn slack() -> PathBuf {
    root().join("tests/fixtures/slack-codes.toml")
}

fn ably() -> PathBuf {
    root().join("catalogues/ably/errors.toml")
}

/// A shared body fixture (Stripe-, Slack- and problem-shaped).
fn body(name: &str) -> String {
    root()
        .join("tests/fixtures/bodies")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

/// One of Ably's bodies.
fn ably_body(name: &str) -> String {
    root()
        .join("catalogues/ably/tests/bodies")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

/// Runs errcat over `catalogue` with `stdin`; returns (exit status,
/// stdout, stderr).
fn run(catalogue: &Path, args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let dir = common::scratch();
    let out = common::errcat()
        .current_dir(dir.path())
        .arg("--catalogue")
        .arg(catalogue)
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The explanation as text, asserting exit 0.
fn text(catalogue: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(catalogue, args, b"");
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// The explanation as JSON, asserting exit 0.
fn json(catalogue: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&text(catalogue, &all)).unwrap()
}

#[test]
fn a_known_string_code_names_its_entry() {
    let stripe = body("stripe-card-declined.json");
    let args = ["explain", "POST", "/v1/charges", "402", "--body", &stripe];
    let out = text(&strings(), &args);
    assert!(
        out.starts_with(
            "Create Charge → 402 card_declined Card declined: The card has been declined. \
             Fix: Ask the customer for another payment method."
        ),
        "{out}"
    );
    let value = json(&strings(), &args);
    assert_eq!(value["code"], "card_declined");
    assert_eq!(value["code_documented"], true);
    assert_eq!(value["status"], 402);
    assert_eq!(value["endpoint"], "create-charge");
    assert_eq!(value["entry"]["anchor"], "code-card-declined");
    assert_eq!(value["text"], out.trim_end());
}

#[test]
fn a_code_the_catalogue_lacks_is_the_servers_explained_by_status() {
    let missing = body("stripe-parameter-missing.json");
    let args = ["explain", "POST", "/v1/charges", "402", "--body", &missing];
    let out = text(&strings(), &args);
    assert!(
        out.starts_with("Create Charge → 402 Payment Required: The charge was not made."),
        "{out}"
    );
    assert!(
        out.contains("(server's code: \"parameter_missing\")"),
        "{out}"
    );
    let value = json(&strings(), &args);
    assert_eq!(value["code"], "parameter_missing");
    assert_eq!(value["code_documented"], false);
    assert_eq!(value["entry"]["anchor"], "create-charge-402");
}

#[test]
fn slacks_200_ok_false_bodies_name_their_code() {
    let args = [
        "explain",
        "GET",
        "https://slack.com/api/conversations.info?channel=C1",
        "200",
        "--body",
        "-",
    ];
    let (code, out, err) = run(
        &slack(),
        &args,
        &std::fs::read(body("slack-channel-not-found.json")).unwrap(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "Conversations Info → 200 channel_not_found Value passed for channel was invalid"
        ),
        "{out}"
    );
    // A success carries no code: the 200 row.
    let ok = body("slack-ok.json");
    let value = json(
        &slack(),
        &[
            "explain",
            "GET",
            "/api/conversations.info",
            "200",
            "--body",
            &ok,
        ],
    );
    assert_eq!(value["code"], Value::Null);
    assert_eq!(value["code_documented"], false);
    let unknown = body("slack-unknown-code.json");
    let out = text(
        &slack(),
        &[
            "explain",
            "POST",
            "/api/chat.postMessage",
            "200",
            "--body",
            &unknown,
        ],
    );
    assert!(
        out.contains("(server's code: \"restricted_action_thread_locked\")"),
        "{out}"
    );
}

#[test]
fn ablys_integer_codes_are_read_as_numbers() {
    let expired = ably_body("token-expired.json");
    let args = [
        "explain",
        "POST",
        "/channels/x/messages",
        "401",
        "--body",
        &expired,
    ];
    let out = text(&ably(), &args);
    assert!(out.starts_with("Publish → 401 40142 "), "{out}");
    let value = json(&ably(), &args);
    assert_eq!(value["code"], 40142);
    assert_eq!(value["code_documented"], true);
    // A bare ErrorInfo, read through /code.
    let bare = ably_body("bare-not-found.json");
    let value = json(
        &ably(),
        &["explain", "GET", "/channels", "404", "--body", &bare],
    );
    assert_eq!(value["code"], 40400);
    // Not in the registry: the server's, by status.
    let unknown = ably_body("unknown-code.json");
    let out = text(
        &ably(),
        &[
            "explain",
            "POST",
            "/channels/x/messages",
            "401",
            "--body",
            &unknown,
        ],
    );
    assert!(out.starts_with("Publish → 401 Unauthorized"), "{out}");
    assert!(out.contains("(server's code: \"40199\")"), "{out}");
    // A string where integers are sent, or no JSON: status alone.
    for (name, status) in [("code-as-string.json", "401"), ("not-json.html", "502")] {
        let file = ably_body(name);
        let value = json(
            &ably(),
            &[
                "explain",
                "POST",
                "/channels/x/messages",
                status,
                "--body",
                &file,
            ],
        );
        assert_eq!(value["code"], Value::Null, "{name}");
        assert_eq!(value["code_documented"], false, "{name}");
    }
}

#[test]
fn a_known_code_explains_a_status_no_table_has() {
    let (code, out, err) = run(
        &strings(),
        &["explain", "GET", "/v1/charges/ch_1", "418", "--body", "-"],
        br#"{"error": {"code": "card_declined"}}"#,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Get Charge → 418 card_declined Card declined"),
        "{out}"
    );
}

#[test]
fn nothing_for_the_status_and_an_unknown_code_is_exit_1_naming_it() {
    let (code, out, err) = run(
        &strings(),
        &["explain", "GET", "/v1/charges/ch_1", "418", "--body", "-"],
        br#"{"error": {"code": "card_decline"}}"#,
    );
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert_eq!(
        err,
        "errcat: Get Charge or the general table has no entry for status 418, and the body's \
         code 'card_decline' is not in the catalogue; did you mean 'card_declined'?\n"
    );
    // No code in the body: as before.
    let (code, _, err) = run(
        &strings(),
        &["explain", "GET", "/v1/charges/ch_1", "418", "--body", "-"],
        b"{}",
    );
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "errcat: Get Charge or the general table has no entry for status 418\n"
    );
}

#[test]
fn an_unreadable_body_is_exit_2() {
    let (code, out, err) = run(
        &strings(),
        &[
            "explain",
            "POST",
            "/v1/charges",
            "402",
            "--body",
            "/nonexistent/body.json",
        ],
        b"",
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.starts_with("errcat: cannot read body file"), "{err}");
}
