//! The code rules on catalogues whose codes are set in the checked
//! `Catalogue` directly: each rule's level, bump and subject.

use super::super::{Checked, Level, diff};
use crate::catalogue::{AppCode, CodeValue, Example};
use crate::validate::GENERAL_KEY;

const BASE: &str = r#"[page]
id = "errors"
title = "Error Codes"
slug = "/errors/"
docs_base_url = "https://docs.example.com"

[general]
title = "HTTP Codes"

[[general.errors]]
status = 400
meaning = "Bad Request"

[[endpoints]]
name = "Create Charge"
method = "POST"
path = "/v1/charges"

[[endpoints.errors]]
status = 402
meaning = "Payment Required"

[[endpoints.errors]]
status = 409
meaning = "Conflict"
"#;

fn text(code: &str) -> CodeValue {
    CodeValue::Text(code.to_string())
}

fn app_code(code: CodeValue, status: Option<u16>, meaning: &str) -> AppCode {
    // The reader's naming, for the codes here: words in UpperCamelCase.
    let ident = match &code {
        CodeValue::Text(s) => s
            .split('_')
            .map(|w| w[..1].to_uppercase() + &w[1..])
            .collect(),
        CodeValue::Integer(n) => format!("Code{n}"),
    };
    AppCode {
        ident,
        anchor: String::new(),
        status,
        meaning: meaning.to_string(),
        description: None,
        resolution: None,
        retryable: false,
        example: None,
        deprecated: None,
        code,
    }
}

/// `card_declined` and `expired_card` under 402, `rate_limited` with any status.
fn registry() -> Vec<AppCode> {
    vec![
        app_code(text("card_declined"), Some(402), "Card declined"),
        app_code(text("expired_card"), Some(402), "Expired card"),
        app_code(text("rate_limited"), None, "Rate limited"),
    ]
}

/// `BASE` checked, with `codes` and each (table, status) row listing its codes.
fn with(codes: Vec<AppCode>, listed: &[(&str, u16, &[&str])]) -> Checked {
    with_text(BASE, codes, listed)
}

/// As [`with`], on another text.
fn with_text(toml: &str, codes: Vec<AppCode>, listed: &[(&str, u16, &[&str])]) -> Checked {
    let mut c = Checked::from_str("errors.toml", toml).unwrap();
    let cat = c.report.catalogue.as_mut().unwrap();
    cat.codes = codes;
    for &(table, status, list) in listed {
        let entries = if table == GENERAL_KEY {
            &mut cat.general.entries
        } else {
            let e = cat.endpoints.iter_mut().find(|e| e.slug == table).unwrap();
            &mut e.entries
        };
        let row = entries.iter_mut().find(|e| e.status == status).unwrap();
        row.codes = list.iter().map(|c| text(c)).collect();
    }
    c
}

const LISTED: &[(&str, u16, &[&str])] =
    &[("create-charge", 402, &["card_declined", "expired_card"])];

type Seen = (
    &'static str,
    Level,
    Option<String>,
    Option<u16>,
    Option<String>,
);

/// (rule, level, endpoint, status, code) of every finding.
fn findings(old: &Checked, new: &Checked) -> Vec<Seen> {
    diff(old, new)
        .findings
        .into_iter()
        .map(|f| (f.rule.id(), f.level, f.endpoint, f.status, f.code))
        .collect()
}

fn seen(
    rule: &'static str,
    level: Level,
    endpoint: Option<&str>,
    status: Option<u16>,
    code: &str,
) -> Seen {
    (
        rule,
        level,
        endpoint.map(String::from),
        status,
        Some(code.to_string()),
    )
}

#[test]
fn the_same_codes_make_no_finding_and_listing_order_is_not_one() {
    let old = with(registry(), LISTED);
    assert_eq!(findings(&old, &with(registry(), LISTED)), []);
    let reordered = with(
        registry(),
        &[("create-charge", 402, &["expired_card", "card_declined"])],
    );
    assert_eq!(findings(&old, &reordered), []);
}

#[test]
fn a_removed_code_is_breaking_and_its_listing_too() {
    let old = with(registry(), LISTED);
    let mut codes = registry();
    codes.remove(1);
    let new = with(codes, &[("create-charge", 402, &["card_declined"])]);
    let d = diff(&old, &new);
    assert_eq!(
        findings(&old, &new),
        [
            seen(
                "code-removed",
                Level::Breaking,
                None,
                Some(402),
                "expired_card"
            ),
            seen(
                "endpoint-code-removed",
                Level::Breaking,
                Some("create-charge"),
                Some(402),
                "expired_card"
            ),
        ]
    );
    assert_eq!(
        d.findings[0].message,
        "code \"expired_card\" (402 \"Expired card\") was removed: `Code::ExpiredCard`, its `codes::` constant and code naming them stop compiling, and a response carrying it is explained by its status alone"
    );
    assert_eq!(
        d.findings[0].hint.as_deref(),
        Some(super::super::rules::DEPRECATE_FIRST)
    );
    assert_eq!(
        d.findings[1].message,
        "entry create-charge 402 \"Payment Required\" no longer lists code \"expired_card\": clients and typed errors matching it for create-charge 402 stop matching it"
    );
    assert!(d.findings.iter().all(|f| f.side == super::super::Side::Old));
}

#[test]
fn removing_a_deprecated_code_is_info() {
    let mut codes = registry();
    codes[1].deprecated = Some("Use card_declined.".to_string());
    let old = with(codes.clone(), LISTED);
    codes.remove(1);
    let new = with(codes, &[("create-charge", 402, &["card_declined"])]);
    assert_eq!(
        findings(&old, &new),
        [
            seen("code-removed", Level::Info, None, Some(402), "expired_card"),
            seen(
                "endpoint-code-removed",
                Level::Info,
                Some("create-charge"),
                Some(402),
                "expired_card"
            ),
        ]
    );
}

#[test]
fn a_listing_dropped_from_a_deprecated_row_is_info() {
    let old = with(registry(), LISTED);
    let mut new_row = with(registry(), &[("create-charge", 402, &["card_declined"])]);
    let mut old_row = old.clone();
    for c in [&mut old_row, &mut new_row] {
        let cat = c.report.catalogue.as_mut().unwrap();
        cat.endpoints[0].entries[0].deprecated = Some("Gone.".to_string());
    }
    assert_eq!(
        findings(&old_row, &new_row),
        [seen(
            "endpoint-code-removed",
            Level::Info,
            Some("create-charge"),
            Some(402),
            "expired_card"
        )]
    );
}

#[test]
fn a_removed_row_is_entry_removed_alone() {
    let old = with(registry(), &[("create-charge", 409, &["rate_limited"])]);
    let without = BASE.replace(
        "\n[[endpoints.errors]]\nstatus = 409\nmeaning = \"Conflict\"\n",
        "",
    );
    let new = with_text(&without, registry(), &[]);
    let rules: Vec<&str> = findings(&old, &new).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, ["entry-removed"]);
}

#[test]
fn added_codes_and_listings_are_info() {
    let old = with(registry(), &[("create-charge", 402, &["card_declined"])]);
    let mut codes = registry();
    codes.push(app_code(
        text("insufficient_funds"),
        Some(402),
        "Insufficient funds",
    ));
    let new = with(
        codes,
        &[(
            "create-charge",
            402,
            &["card_declined", "insufficient_funds", "expired_card"],
        )],
    );
    let d = diff(&old, &new);
    assert_eq!(
        findings(&old, &new),
        [
            seen(
                "code-added",
                Level::Info,
                None,
                Some(402),
                "insufficient_funds"
            ),
            seen(
                "endpoint-code-added",
                Level::Info,
                Some("create-charge"),
                Some(402),
                "insufficient_funds"
            ),
            seen(
                "endpoint-code-added",
                Level::Info,
                Some("create-charge"),
                Some(402),
                "expired_card"
            ),
        ]
    );
    assert_eq!(
        d.findings[2].message,
        "entry create-charge 402 \"Payment Required\" now lists code \"expired_card\""
    );
    assert_eq!(d.bump(), Some(super::super::Bump::Minor));
}

#[test]
fn a_changed_status_is_breaking() {
    let old = with(registry(), &[]);
    let mut codes = registry();
    codes[0].status = Some(400);
    codes[2].status = Some(429);
    let new = with(codes, &[]);
    let d = diff(&old, &new);
    assert_eq!(
        findings(&old, &new),
        [
            seen(
                "code-status-changed",
                Level::Breaking,
                None,
                Some(400),
                "card_declined"
            ),
            seen(
                "code-status-changed",
                Level::Breaking,
                None,
                Some(429),
                "rate_limited"
            ),
        ]
    );
    assert_eq!(
        d.findings[1].message,
        "code \"rate_limited\"'s status changed from any status to 429: clients and rows that match it under any status no longer see it there"
    );
}

#[test]
fn meaning_texts_retryability_and_deprecation() {
    let mut codes = registry();
    codes[0].description = Some("Declined.".to_string());
    codes[0].retryable = true;
    let old = with(codes.clone(), &[]);
    codes[0].meaning = "Card refused".to_string();
    codes[0].description = Some("Refused.".to_string());
    codes[0].resolution = Some("Use another card.".to_string());
    codes[0].example = Some(Example {
        caption: None,
        lang: "json".to_string(),
        body: "{}".to_string(),
    });
    codes[0].retryable = false;
    codes[1].retryable = true;
    codes[2].deprecated = Some("Use HTTP 429.".to_string());
    let new = with(codes, &[]);
    let d = diff(&old, &new);
    let card = |rule, level| seen(rule, level, None, Some(402), "card_declined");
    assert_eq!(
        findings(&old, &new),
        [
            card("code-retryable-narrowed", Level::Breaking),
            card("code-meaning-changed", Level::Warning),
            card("code-text-changed", Level::Info),
            card("code-text-changed", Level::Info),
            card("code-text-changed", Level::Info),
            seen(
                "code-retryable-widened",
                Level::Info,
                None,
                Some(402),
                "expired_card"
            ),
            seen("deprecated", Level::Info, None, None, "rate_limited"),
        ]
    );
    let messages: Vec<&str> = d.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages[2..5],
        [
            "code \"card_declined\" (402 \"Card refused\")'s description changed",
            "code \"card_declined\" (402 \"Card refused\")'s resolution was added",
            "code \"card_declined\" (402 \"Card refused\")'s example was added",
        ]
    );
    assert_eq!(
        messages[6],
        "code \"rate_limited\" (any status, \"Rate limited\") is now deprecated: \"Use HTTP 429.\""
    );
}

#[test]
fn integer_codes_are_named_in_decimal() {
    let old = with(
        vec![app_code(
            CodeValue::Integer(40140),
            Some(401),
            "Token expired",
        )],
        &[],
    );
    let new = with(Vec::new(), &[]);
    let d = diff(&old, &new);
    assert_eq!(d.findings[0].code.as_deref(), Some("40140"));
    assert!(
        d.findings[0]
            .message
            .starts_with("code 40140 (401 \"Token expired\") was removed")
    );
}

#[test]
fn a_general_row_listing_is_reported_and_its_fallbacks_change() {
    let old = with(registry(), &[(GENERAL_KEY, 400, &["rate_limited"])]);
    let new = with(registry(), &[]);
    let d = diff(&old, &new);
    assert_eq!(
        findings(&old, &new),
        [
            seen(
                "endpoint-code-removed",
                Level::Breaking,
                Some(GENERAL_KEY),
                Some(400),
                "rate_limited"
            ),
            (
                "fallback-changed",
                Level::Warning,
                Some("create-charge".to_string()),
                Some(400),
                None
            ),
        ]
    );
    assert!(
        d.findings[0]
            .message
            .contains("for any endpoint's 400 without its own row")
    );
    assert!(
        d.findings[1].message.contains("whose codes changed"),
        "{}",
        d.findings[1].message
    );
}
