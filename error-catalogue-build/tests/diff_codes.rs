//! `diff` of application codes: each code rule with a before/after pair, its
//! exact level and subject (endpoint, status, code as sent), where it points,
//! and that layout alone makes no finding.

use error_catalogue_build::diff::{Bump, Checked, Diff, Level, Side, diff};

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
codes = ["rate_limited"]

[[codes]]
code = "card_declined"
status = 402
meaning = "Card declined"
description = "The card has been declined."

[[codes]]
code = "expired_card"
status = 402
meaning = "Expired card"

[[codes]]
code = "rate_limited"
meaning = "Rate limited"

[[endpoints]]
name = "Create Charge"
method = "POST"
path = "/v1/charges"

[[endpoints.errors]]
status = 402
meaning = "Payment Required"
codes = ["card_declined", "expired_card"]

[[endpoints.errors]]
status = 409
meaning = "Conflict"
"#;

fn checked(path: &str, text: &str) -> Checked {
    match Checked::from_str(path, text) {
        Ok(c) => c,
        Err(report) => panic!("{path} is invalid:\n{}", report.render(false)),
    }
}

fn run(old: &str, new: &str) -> (Diff, Checked, Checked) {
    let (old, new) = (checked("old.toml", old), checked("new.toml", new));
    (diff(&old, &new), old, new)
}

type Seen = (
    &'static str,
    Level,
    Option<String>,
    Option<u16>,
    Option<String>,
);

/// (rule, level, endpoint, status, code) of every finding.
fn findings(old: &str, new: &str) -> Vec<Seen> {
    run(old, new)
        .0
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

/// `BASE` with `from` replaced by `to` (which must occur once).
fn edit(from: &str, to: &str) -> String {
    assert_eq!(BASE.matches(from).count(), 1, "{from:?}");
    BASE.replacen(from, to, 1)
}

/// The only finding between BASE and `new`, and `(file, line, column)` it points at.
fn one(new: &str) -> (error_catalogue_build::diff::Finding, (String, usize, usize)) {
    let (d, old, new) = run(BASE, new);
    assert_eq!(d.findings.len(), 1, "{:#?}", d.findings);
    let f = d.findings.into_iter().next().unwrap();
    let (path, at) = f.locate(&old, &new);
    let place = (path.display().to_string(), at.line, at.column);
    (f, place)
}

/// 1-based line of the `n`th line equal to `line` in `text`.
fn line_of(text: &str, line: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| *l == line)
        .nth(n)
        .unwrap_or_else(|| panic!("{line:?}"))
        .0
        + 1
}

const EXPIRED: &str =
    "[[codes]]\ncode = \"expired_card\"\nstatus = 402\nmeaning = \"Expired card\"\n\n";

#[test]
fn the_same_codes_in_another_layout_make_no_finding() {
    assert_eq!(findings(BASE, BASE), []);
    let relaid = edit(
        "codes = [\"card_declined\", \"expired_card\"]",
        "codes = [ \"expired_card\",\n  \"card_declined\", ] # reordered",
    )
    .replace(
        "[[codes]]\ncode = \"rate_limited\"\nmeaning = \"Rate limited\"\n",
        "[[codes]]\nmeaning = \"Rate limited\"\ncode = 'rate_limited'\n",
    );
    assert_eq!(findings(BASE, &relaid), []);
}

#[test]
fn a_removed_code_is_breaking_and_its_listing_too() {
    let new = edit(EXPIRED, "").replace(
        "codes = [\"card_declined\", \"expired_card\"]",
        "codes = [\"card_declined\"]",
    );
    let (d, old, newc) = run(BASE, &new);
    let got: Vec<Seen> = d
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.id(),
                f.level,
                f.endpoint.clone(),
                f.status,
                f.code.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
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
    assert!(
        d.findings[0]
            .hint
            .as_deref()
            .unwrap()
            .starts_with("deprecate it first")
    );
    assert_eq!(
        d.findings[1].message,
        "entry create-charge 402 \"Payment Required\" no longer lists code \"expired_card\": clients and typed errors matching it for create-charge 402 stop matching it"
    );
    // Both in OLD: the code's `code` value, and the code in the row's `codes`.
    let places: Vec<(Side, usize, usize)> = d
        .findings
        .iter()
        .map(|f| {
            let (_, at) = f.locate(&old, &newc);
            (f.side, at.line, at.column)
        })
        .collect();
    assert_eq!(
        places,
        [
            (Side::Old, line_of(BASE, "code = \"expired_card\"", 0), 8),
            (
                Side::Old,
                line_of(BASE, "codes = [\"card_declined\", \"expired_card\"]", 0),
                27
            ),
        ]
    );
    assert_eq!(d.bump(), Some(Bump::Major));
}

#[test]
fn removing_a_deprecated_code_is_info() {
    let old = edit(
        "meaning = \"Expired card\"\n",
        "meaning = \"Expired card\"\ndeprecated = \"Use card_declined.\"\n",
    );
    let new = edit(EXPIRED, "").replace(
        "codes = [\"card_declined\", \"expired_card\"]",
        "codes = [\"card_declined\"]",
    );
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
    assert_eq!(run(&old, &new).0.bump(), Some(Bump::Minor));
}

#[test]
fn a_listing_dropped_by_a_deprecated_endpoint_row_or_code_is_info() {
    let new = edit(
        "codes = [\"card_declined\", \"expired_card\"]",
        "codes = [\"card_declined\"]",
    )
    // `expired_card` is then listed nowhere while rows list codes: W0004, allowed.
    .replace(
        "meaning = \"Expired card\"\n",
        "meaning = \"Expired card\"\nallow = [\"unlisted-code\"]\n",
    );
    let dropped = |level| {
        [seen(
            "endpoint-code-removed",
            level,
            Some("create-charge"),
            Some(402),
            "expired_card",
        )]
    };
    assert_eq!(findings(BASE, &new), dropped(Level::Breaking));
    // Deprecated on both sides, so the deprecation itself is no finding.
    for (what, from, to) in [
        (
            "endpoint",
            "path = \"/v1/charges\"\n",
            "path = \"/v1/charges\"\ndeprecated = \"Use /v2/charges.\"\n",
        ),
        (
            "row",
            "meaning = \"Payment Required\"\n",
            "meaning = \"Payment Required\"\ndeprecated = \"Never sent.\"\n",
        ),
        (
            "code",
            "meaning = \"Expired card\"\n",
            "meaning = \"Expired card\"\ndeprecated = \"Use card_declined.\"\n",
        ),
    ] {
        let deprecated = |t: &str| {
            assert_eq!(t.matches(from).count(), 1, "{what}");
            t.replacen(from, to, 1)
        };
        assert_eq!(
            findings(&deprecated(BASE), &deprecated(&new)),
            dropped(Level::Info),
            "{what}"
        );
    }
}

#[test]
fn a_removed_row_is_entry_removed_alone() {
    let new = edit(
        "[[endpoints.errors]]\nstatus = 402\nmeaning = \"Payment Required\"\ncodes = [\"card_declined\", \"expired_card\"]\n\n",
        "",
    )
    .replace("meaning = \"Card declined\"\n", "meaning = \"Card declined\"\nallow = [\"unlisted-code\"]\n")
    .replace("meaning = \"Expired card\"\n", "meaning = \"Expired card\"\nallow = [\"unlisted-code\"]\n");
    let rules: Vec<&str> = findings(BASE, &new).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, ["entry-removed"]);
}

#[test]
fn added_codes_and_listings_are_info() {
    let new = edit(
        "codes = [\"card_declined\", \"expired_card\"]",
        "codes = [\"card_declined\", \"expired_card\", \"insufficient_funds\"]",
    )
    .replace(
        EXPIRED,
        &format!("{EXPIRED}[[codes]]\ncode = \"insufficient_funds\"\nstatus = 402\nmeaning = \"Insufficient funds\"\n\n"),
    )
    .replace("codes = [\"rate_limited\"]", "codes = [\"rate_limited\", \"card_declined\"]")
    .replace("code = \"card_declined\"\nstatus = 402\n", "code = \"card_declined\"\n");
    let (d, _, _) = run(BASE, &new);
    let got: Vec<Seen> = d
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.id(),
                f.level,
                f.endpoint.clone(),
                f.status,
                f.code.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            seen(
                "code-status-changed",
                Level::Breaking,
                None,
                None,
                "card_declined"
            ),
            (
                "fallback-changed",
                Level::Warning,
                Some("create-charge".to_string()),
                Some(400),
                None
            ),
            seen(
                "endpoint-code-added",
                Level::Info,
                Some("general"),
                Some(400),
                "card_declined"
            ),
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
        ]
    );
    assert_eq!(
        d.findings[4].message,
        "entry create-charge 402 \"Payment Required\" now lists code \"insufficient_funds\""
    );
    assert!(
        d.findings[1].message.contains("whose codes changed"),
        "{}",
        d.findings[1].message
    );
}

#[test]
fn a_changed_status_is_breaking_and_located_at_it() {
    let new = edit(
        "code = \"rate_limited\"\nmeaning",
        "code = \"rate_limited\"\nstatus = 400\nmeaning",
    );
    let (f, (file, line, column)) = one(&new);
    assert_eq!(
        (f.rule.id(), f.level, f.bump, f.status, f.code.as_deref()),
        (
            "code-status-changed",
            Level::Breaking,
            Bump::Major,
            Some(400),
            Some("rate_limited")
        )
    );
    assert_eq!(
        f.message,
        "code \"rate_limited\"'s status changed from any status to 400: clients and rows that match it under any status no longer see it there"
    );
    assert_eq!(
        (file.as_str(), line, column),
        ("new.toml", line_of(&new, "status = 400", 1), 10)
    );
}

#[test]
fn meaning_is_a_warning_and_texts_are_info() {
    let (f, (_, line, column)) = one(&edit("\"Card declined\"", "\"Card refused\""));
    assert_eq!(
        (f.rule.id(), f.level, f.bump, f.status, f.code.as_deref()),
        (
            "code-meaning-changed",
            Level::Warning,
            Bump::Minor,
            Some(402),
            Some("card_declined")
        )
    );
    assert_eq!(
        (line, column),
        (line_of(BASE, "meaning = \"Card declined\"", 0), 11)
    );
    let new = edit(
        "description = \"The card has been declined.\"\n",
        "description = \"The card was declined.\"\nresolution = \"Ask for another card.\"\nexample = { body = '{\"error\": {\"code\": \"card_declined\"}}' }\n",
    );
    let (d, oldc, newc) = run(BASE, &new);
    let got: Vec<(&str, Level, Bump, &str)> = d
        .findings
        .iter()
        .map(|f| (f.rule.id(), f.level, f.bump, f.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "code-text-changed",
                Level::Info,
                Bump::Patch,
                "code \"card_declined\" (402 \"Card declined\")'s description changed"
            ),
            (
                "code-text-changed",
                Level::Info,
                Bump::Patch,
                "code \"card_declined\" (402 \"Card declined\")'s resolution was added"
            ),
            (
                "code-text-changed",
                Level::Info,
                Bump::Patch,
                "code \"card_declined\" (402 \"Card declined\")'s example was added"
            ),
        ]
    );
    // Each at its key's value in NEW.
    let places: Vec<(usize, usize)> = d
        .findings
        .iter()
        .map(|f| {
            let at = f.locate(&oldc, &newc).1;
            (at.line, at.column)
        })
        .collect();
    let line = |prefix: &str| new.lines().position(|l| l.starts_with(prefix)).unwrap() + 1;
    assert_eq!(
        places,
        [
            (line("description = "), 15),
            (line("resolution = "), 14),
            (line("example = "), 20),
        ]
    );
}

#[test]
fn retryable_narrowed_is_breaking_and_widened_is_info() {
    let retryable = edit(
        "meaning = \"Rate limited\"\n",
        "meaning = \"Rate limited\"\nretryable = true\n",
    );
    let (d, _, _) = run(&retryable, BASE);
    let f = &d.findings[0];
    assert_eq!(
        (d.findings.len(), f.rule.id(), f.level, f.bump, f.status),
        (
            1,
            "code-retryable-narrowed",
            Level::Breaking,
            Bump::Major,
            None
        )
    );
    assert!(f.hint.is_some());
    let (f, (_, line, column)) = one(&retryable);
    assert_eq!(
        (f.rule.id(), f.level, f.bump, f.code.as_deref()),
        (
            "code-retryable-widened",
            Level::Info,
            Bump::Minor,
            Some("rate_limited")
        )
    );
    assert_eq!(
        (line, column),
        (line_of(&retryable, "retryable = true", 0), 13)
    );
}

#[test]
fn deprecating_a_code_is_the_deprecated_rule() {
    let new = edit(
        "meaning = \"Rate limited\"\n",
        "meaning = \"Rate limited\"\ndeprecated = \"Use HTTP 429.\"\n",
    );
    let (f, (_, line, column)) = one(&new);
    assert_eq!(
        (
            f.rule.id(),
            f.level,
            f.bump,
            f.endpoint.as_deref(),
            f.status,
            f.code.as_deref()
        ),
        (
            "deprecated",
            Level::Info,
            Bump::Minor,
            None,
            None,
            Some("rate_limited")
        )
    );
    assert_eq!(
        f.message,
        "code \"rate_limited\" (any status, \"Rate limited\") is now deprecated: \"Use HTTP 429.\""
    );
    assert_eq!(
        (line, column),
        (line_of(&new, "deprecated = \"Use HTTP 429.\"", 0), 14)
    );
    // The note changing is a patch; the deprecation going, a minor bump.
    let (d, _, _) = run(&new, &new.replace("HTTP 429.", "429 and Retry-After."));
    let f = &d.findings[0];
    assert_eq!((f.rule.id(), f.bump), ("deprecated", Bump::Patch));
    let (d, _, _) = run(&new, BASE);
    assert_eq!(
        d.findings[0].message,
        "code \"rate_limited\" (any status, \"Rate limited\") is no longer deprecated"
    );
}

#[test]
fn integer_codes_are_named_in_decimal() {
    let ably = |extra: &str| {
        format!(
            "{}\n[[codes]]\ncode = 40140\nstatus = 401\nmeaning = \"Token expired\"\n{extra}",
            BASE.replace("codes = [\"rate_limited\"]\n", "")
                .replace("codes = [\"card_declined\", \"expired_card\"]\n", "")
                .replace("[[codes]]\ncode = \"card_declined\"\nstatus = 402\nmeaning = \"Card declined\"\ndescription = \"The card has been declined.\"\n\n", "")
                .replace(EXPIRED, "")
                .replace("[[codes]]\ncode = \"rate_limited\"\nmeaning = \"Rate limited\"\n", "")
        )
    };
    let (d, _, _) = run(
        &ably(""),
        &ably("[[codes]]\ncode = 40300\nstatus = 403\nmeaning = \"Forbidden\"\n"),
    );
    assert_eq!(d.findings.len(), 1, "{:#?}", d.findings);
    assert_eq!(
        (d.findings[0].rule.id(), d.findings[0].code.as_deref()),
        ("code-added", Some("40300"))
    );
    assert_eq!(
        d.findings[0].message,
        "code 40300 (403 \"Forbidden\") was added"
    );
}
