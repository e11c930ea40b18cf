//! `diff`: every rule with a before/after pair and its exact level, where
//! each finding points, and that layout alone (key order, comments,
//! whitespace, table styles, explicit defaults) makes no finding.

use error_catalogue_build::diff::{Bump, Checked, Diff, Level, Rule, Side, diff};

const BASE: &str = r#"[page]
id = "errors"
title = "Error Codes"
slug = "/errors/"
docs_base_url = "https://docs.example.com"
intro = ["Errors and what to do."]

[general]
title = "HTTP Codes"
slug = "http-codes"

[[general.errors]]
status = 401
meaning = "Unauthorized"
description = "Your API key is invalid."

[[general.errors]]
status = 404
meaning = "Not Found"
description = "The resource does not exist."

[[general.errors]]
status = 500
meaning = "Internal Server Error"

[[endpoints]]
name = "Create Trackers"
method = "POST"
path = "/v1/trackers"

[[endpoints.errors]]
status = 409
meaning = "Conflict"
description = "A tracker with that name exists."
resolution = "Rename it."

[[endpoints.errors]]
status = 429
meaning = "Too Many Requests"

[[endpoints]]
name = "Get Tracker"
method = "GET"
path = "/v1/trackers/{trackerId}"

[[endpoints.errors]]
status = 404
meaning = "Not Found"
description = "No tracker has that id."
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

/// (rule, level, endpoint, status) of every finding.
fn findings(old: &str, new: &str) -> Vec<(&'static str, Level, Option<String>, Option<u16>)> {
    run(old, new)
        .0
        .findings
        .into_iter()
        .map(|f| (f.rule.id(), f.level, f.endpoint, f.status))
        .collect()
}

/// `BASE` with `from` replaced by `to` (which must occur once).
fn edit(from: &str, to: &str) -> String {
    assert_eq!(BASE.matches(from).count(), 1, "{from:?}");
    BASE.replacen(from, to, 1)
}

fn one(
    rule: &'static str,
    level: Level,
    endpoint: &str,
    status: Option<u16>,
) -> Vec<(&'static str, Level, Option<String>, Option<u16>)> {
    vec![(rule, level, Some(endpoint.to_string()), status)]
}

const GET_TRACKER: &str = r#"[[endpoints]]
name = "Get Tracker"
method = "GET"
path = "/v1/trackers/{trackerId}"

[[endpoints.errors]]
status = 404
meaning = "Not Found"
description = "No tracker has that id."
"#;

const CONFLICT: &str = r#"[[endpoints.errors]]
status = 409
meaning = "Conflict"
description = "A tracker with that name exists."
resolution = "Rename it."
"#;

#[test]
fn identical_files_have_no_findings() {
    let (d, _, _) = run(BASE, BASE);
    assert_eq!(d.findings, []);
    assert_eq!(d.worst(), None);
    assert_eq!(d.bump(), None);
    assert!(d.summary().starts_with("no changes"), "{}", d.summary());
}

#[test]
fn layout_alone_makes_no_finding() {
    // Same catalogue: other key order, comments, whitespace, dotted keys,
    // inline tables and arrays of inline tables, defaults written out.
    let layout = r#"
# A comment.
page.docs_base_url = "https://docs.example.com"   # trailing comment
page.id     =     "errors"
page.slug = "/errors/"
page.title = 'Error Codes'
page.sidebar_label = "Error Codes"
page.intro = [
    "Errors and what to do.",
]
page.imports = []

[general]
slug = "http-codes"
title = "HTTP Codes"
errors = [
    { meaning = "Unauthorized", status = 401, description = "Your API key is invalid.", retryable = false },
    { status = 0x194, meaning = "Not Found", description = """The resource does not exist.""" },
    { status = 500, meaning = "Internal Server Error", retryable = true, allow = [] },
]

[[endpoints]]
path = "/v1/trackers"
method = "POST"
slug = "create-trackers"
name = "Create Trackers"
errors = [
    { resolution = "Rename it.", description = "A tracker with that name exists.", meaning = "Conflict", status = 409 },
    { status = 429, meaning = "Too Many Requests", retryable = true },
]

[[endpoints]]
name = "Get Tracker"
method = "GET"
path = "/v1/trackers/{trackerId}"

  [[endpoints.errors]]
  description = "No tracker has that id."
  meaning = "Not Found"
  status = 404
"#;
    assert_eq!(findings(BASE, layout), []);
    assert_eq!(findings(layout, BASE), []);
}

#[test]
fn endpoint_removed_is_breaking() {
    let new = edit(GET_TRACKER, "");
    assert_eq!(
        findings(BASE, &new),
        one("endpoint-removed", Level::Breaking, "get-tracker", None)
    );
    let (d, old, new) = run(BASE, &new);
    let f = &d.findings[0];
    assert_eq!(f.side, Side::Old);
    assert_eq!(f.bump, Bump::Major);
    let (path, at) = f.locate(&old, &new);
    assert_eq!(path.to_str(), Some("old.toml"));
    let line = BASE
        .lines()
        .position(|l| l == "name = \"Get Tracker\"")
        .unwrap()
        + 1;
    assert_eq!((at.line, at.column), (line, 8));
    assert!(
        f.hint.as_deref().unwrap().contains("deprecate it first"),
        "{f:?}"
    );
}

#[test]
fn removing_a_deprecated_endpoint_is_info() {
    let old = edit(
        "path = \"/v1/trackers/{trackerId}\"\n",
        "path = \"/v1/trackers/{trackerId}\"\ndeprecated = \"Use List Trackers.\"\n",
    );
    let new = edit(GET_TRACKER, "");
    assert_eq!(
        findings(&old, &new),
        one("endpoint-removed", Level::Info, "get-tracker", None)
    );
    assert_eq!(run(&old, &new).0.bump(), Some(Bump::Minor));
}

#[test]
fn endpoint_route_changed_is_breaking() {
    let new = edit(
        "path = \"/v1/trackers/{trackerId}\"",
        "path = \"/v2/trackers/{trackerId}\"",
    );
    assert_eq!(
        findings(BASE, &new),
        one(
            "endpoint-route-changed",
            Level::Breaking,
            "get-tracker",
            None
        )
    );
    let new = edit("method = \"GET\"", "method = \"HEAD\"");
    let (d, old, new) = run(BASE, &new);
    assert_eq!(d.findings.len(), 1);
    assert_eq!(d.findings[0].rule, Rule::EndpointRouteChanged);
    let (_, at) = d.findings[0].locate(&old, &new);
    let line = BASE.lines().position(|l| l == "method = \"GET\"").unwrap() + 1;
    assert_eq!((at.line, at.column), (line, 10));
}

#[test]
fn endpoint_added_is_info() {
    let new = format!(
        "{BASE}\n[[endpoints]]\nname = \"Delete Tracker\"\nmethod = \"DELETE\"\npath = \"/v1/trackers/{{trackerId}}\"\n"
    );
    assert_eq!(
        findings(BASE, &new),
        one("endpoint-added", Level::Info, "delete-tracker", None)
    );
    assert_eq!(run(BASE, &new).0.bump(), Some(Bump::Minor));
}

#[test]
fn a_renamed_slug_is_removed_and_added_with_a_hint() {
    let new = edit(
        "name = \"Get Tracker\"\n",
        "name = \"Get Tracker\"\nslug = \"tracker\"\n",
    );
    let (d, _, _) = run(BASE, &new);
    let got: Vec<_> = d
        .findings
        .iter()
        .map(|f| (f.rule.id(), f.level, f.side))
        .collect();
    assert_eq!(
        got,
        [
            ("endpoint-removed", Level::Breaking, Side::Old),
            ("endpoint-added", Level::Info, Side::New)
        ]
    );
    let removed = d.findings[0].hint.as_deref().unwrap();
    assert!(
        removed.contains("the route GET /v1/trackers/{trackerId} is the same"),
        "{removed}"
    );
    assert!(
        removed.contains("keep `slug = \"get-tracker\"`"),
        "{removed}"
    );
    let added = d.findings[1].hint.as_deref().unwrap();
    assert!(
        added.contains("same as removed endpoint \"get-tracker\""),
        "{added}"
    );
}

#[test]
fn endpoint_renamed_is_breaking_when_the_variant_changes() {
    let new = edit(
        "name = \"Get Tracker\"\n",
        "name = \"Fetch Tracker\"\nslug = \"get-tracker\"\n",
    );
    assert_eq!(
        findings(BASE, &new),
        one("endpoint-renamed", Level::Breaking, "get-tracker", None)
    );
    let (d, _, _) = run(BASE, &new);
    assert!(
        d.findings[0]
            .message
            .contains("`Endpoint::GetTracker` becomes `Endpoint::FetchTracker`")
    );
    // Same words, same identifier: only the heading changes.
    let new = edit("name = \"Get Tracker\"\n", "name = \"Get tracker\"\n");
    assert_eq!(
        findings(BASE, &new),
        one("endpoint-renamed", Level::Info, "get-tracker", None)
    );
    assert_eq!(run(BASE, &new).0.bump(), Some(Bump::Patch));
}

#[test]
fn entry_removed_is_breaking() {
    let new = edit(CONFLICT, "");
    assert_eq!(
        findings(BASE, &new),
        one(
            "entry-removed",
            Level::Breaking,
            "create-trackers",
            Some(409)
        )
    );
    let (d, old, new) = run(BASE, &new);
    let f = &d.findings[0];
    assert!(
        f.message.contains("`codes::CREATE_TRACKERS_409`"),
        "{}",
        f.message
    );
    assert_eq!(f.side, Side::Old);
    let (_, at) = f.locate(&old, &new);
    let line = BASE.lines().position(|l| l == "status = 409").unwrap() + 1;
    assert_eq!((at.line, at.column), (line, 10));
}

#[test]
fn removing_a_deprecated_entry_is_info() {
    let old = edit(
        "resolution = \"Rename it.\"\n",
        "resolution = \"Rename it.\"\ndeprecated = \"Names need not be unique since v2.\"\n",
    );
    let new = edit(CONFLICT, "");
    assert_eq!(
        findings(&old, &new),
        one("entry-removed", Level::Info, "create-trackers", Some(409))
    );
    // An entry of a deprecated endpoint is deprecated with it.
    let old = edit(
        "path = \"/v1/trackers\"\n",
        "path = \"/v1/trackers\"\ndeprecated = \"Use v2.\"\n",
    );
    let new = edit(CONFLICT, "").replace(
        "path = \"/v1/trackers\"\n",
        "path = \"/v1/trackers\"\ndeprecated = \"Use v2.\"\n",
    );
    assert_eq!(
        findings(&old, &new),
        one("entry-removed", Level::Info, "create-trackers", Some(409))
    );
}

#[test]
fn entry_added_is_info() {
    let new = edit(
        "[[endpoints.errors]]\nstatus = 429",
        "[[endpoints.errors]]\nstatus = 400\nmeaning = \"Bad Request\"\n\n[[endpoints.errors]]\nstatus = 429",
    );
    assert_eq!(
        findings(BASE, &new),
        one("entry-added", Level::Info, "create-trackers", Some(400))
    );
}

#[test]
fn entry_meaning_changed_is_a_warning() {
    let new = edit("meaning = \"Conflict\"", "meaning = \"Already Exists\"");
    assert_eq!(
        findings(BASE, &new),
        one(
            "entry-meaning-changed",
            Level::Warning,
            "create-trackers",
            Some(409)
        )
    );
    assert_eq!(run(BASE, &new).0.bump(), Some(Bump::Minor));
}

#[test]
fn entry_text_changed_is_info() {
    let new = edit(
        "description = \"A tracker with that name exists.\"",
        "description = \"A tracker of that name exists.\"",
    );
    assert_eq!(
        findings(BASE, &new),
        one(
            "entry-text-changed",
            Level::Info,
            "create-trackers",
            Some(409)
        )
    );
    let new = edit("resolution = \"Rename it.\"\n", "");
    assert_eq!(
        findings(BASE, &new),
        one(
            "entry-text-changed",
            Level::Info,
            "create-trackers",
            Some(409)
        )
    );
    let (d, _, _) = run(BASE, &new);
    assert!(d.findings[0].message.contains("resolution was removed"));
    assert_eq!(d.bump(), Some(Bump::Patch));
}

#[test]
fn entry_example_changed_is_info() {
    let new = edit(
        "resolution = \"Rename it.\"\n",
        "resolution = \"Rename it.\"\nexample = { body = '{\"message\": \"exists\"}' }\n",
    );
    assert_eq!(
        findings(BASE, &new),
        one(
            "entry-example-changed",
            Level::Info,
            "create-trackers",
            Some(409)
        )
    );
}

#[test]
fn entry_retryable_narrowed_is_breaking() {
    let new = edit(
        "status = 429\nmeaning = \"Too Many Requests\"\n",
        "status = 429\nmeaning = \"Too Many Requests\"\nretryable = false\n",
    );
    assert_eq!(
        findings(BASE, &new),
        one(
            "entry-retryable-narrowed",
            Level::Breaking,
            "create-trackers",
            Some(429)
        )
    );
}

#[test]
fn entry_retryable_widened_is_info() {
    let new = edit(
        "resolution = \"Rename it.\"\n",
        "resolution = \"Rename it.\"\nretryable = true\n",
    );
    assert_eq!(
        findings(BASE, &new),
        one(
            "entry-retryable-widened",
            Level::Info,
            "create-trackers",
            Some(409)
        )
    );
}

#[test]
fn fallback_changed_is_breaking_when_lookup_no_longer_answers() {
    let new = edit(
        "[[general.errors]]\nstatus = 401\nmeaning = \"Unauthorized\"\ndescription = \"Your API key is invalid.\"\n\n",
        "",
    );
    let mut got = findings(BASE, &new);
    got.sort();
    assert_eq!(
        got,
        [
            (
                "entry-removed",
                Level::Breaking,
                Some("general".to_string()),
                Some(401)
            ),
            (
                "fallback-changed",
                Level::Breaking,
                Some("create-trackers".to_string()),
                Some(401)
            ),
            (
                "fallback-changed",
                Level::Breaking,
                Some("get-tracker".to_string()),
                Some(401)
            ),
        ]
    );
}

#[test]
fn fallback_changed_is_a_warning_when_lookup_answers_otherwise() {
    // Get Tracker has its own 404: only Create Trackers relied on the general one.
    let new = edit(
        "description = \"The resource does not exist.\"",
        "description = \"Nothing is there.\"",
    );
    let mut got = findings(BASE, &new);
    got.sort();
    assert_eq!(
        got,
        [
            (
                "entry-text-changed",
                Level::Info,
                Some("general".to_string()),
                Some(404)
            ),
            (
                "fallback-changed",
                Level::Warning,
                Some("create-trackers".to_string()),
                Some(404)
            ),
        ]
    );
}

#[test]
fn newly_deprecated_is_info() {
    let new = edit(
        "resolution = \"Rename it.\"\n",
        "resolution = \"Rename it.\"\ndeprecated = \"Names need not be unique since v2.\"\n",
    );
    assert_eq!(
        findings(BASE, &new),
        one("deprecated", Level::Info, "create-trackers", Some(409))
    );
    let new = edit(
        "path = \"/v1/trackers\"\n",
        "path = \"/v1/trackers\"\ndeprecated = \"Use Create Tracker.\"\n",
    );
    assert_eq!(
        findings(BASE, &new),
        one("deprecated", Level::Info, "create-trackers", None)
    );
    assert_eq!(run(BASE, &new).0.bump(), Some(Bump::Minor));
}

#[test]
fn general_slug_changed_is_breaking() {
    let new = edit("slug = \"http-codes\"", "slug = \"status-codes\"");
    let mut got = findings(BASE, &new);
    got.sort();
    assert_eq!(
        got,
        one("general-slug-changed", Level::Breaking, "general", None)
    );
}

#[test]
fn page_changes() {
    let new = edit(
        "docs_base_url = \"https://docs.example.com\"",
        "docs_base_url = \"https://example.com/docs\"",
    );
    let got: Vec<_> = findings(BASE, &new);
    assert_eq!(got, [("page-url-changed", Level::Warning, None, None)]);
    let new = edit(
        "\"Errors and what to do.\"",
        "\"Errors, and what to do about them.\"",
    );
    assert_eq!(
        findings(BASE, &new),
        [("page-changed", Level::Info, None, None)]
    );
}

#[test]
fn findings_are_most_severe_first_and_the_summary_counts_them() {
    let new = edit(CONFLICT, "").replace(
        "meaning = \"Too Many Requests\"",
        "meaning = \"Slow Down\"\nallow = [\"non-canonical-meaning\"]",
    );
    let new = format!(
        "{new}\n[[endpoints]]\nname = \"Delete Tracker\"\nmethod = \"DELETE\"\npath = \"/v1/trackers/{{trackerId}}\"\n"
    );
    let (d, _, _) = run(BASE, &new);
    let levels: Vec<Level> = d.findings.iter().map(|f| f.level).collect();
    assert_eq!(levels, [Level::Breaking, Level::Warning, Level::Info]);
    assert_eq!(
        d.summary(),
        "1 breaking, 1 warning, 1 info: a major version bump (breaking changes)"
    );
}

#[test]
fn every_rule_has_a_distinct_kebab_case_id() {
    let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    assert!(
        ids.iter()
            .all(|id| id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
    );
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), Rule::ALL.len());
}

#[test]
fn an_empty_deprecation_note_is_an_error() {
    for text in [
        edit(
            "resolution = \"Rename it.\"\n",
            "resolution = \"Rename it.\"\ndeprecated = \"  \"\n",
        ),
        edit(
            "path = \"/v1/trackers\"\n",
            "path = \"/v1/trackers\"\ndeprecated = \"\"\n",
        ),
        edit("status = 500\n", "status = 500\ndeprecated = \"\"\n"),
    ] {
        let report = error_catalogue_build::check_str("errors.toml", &text);
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.id()).collect();
        assert_eq!(codes, ["E0013"], "{}", report.render(false));
        assert!(report.render(false).contains("`deprecated` is empty"));
    }
    let report = error_catalogue_build::check_str(
        "errors.toml",
        &edit(
            "path = \"/v1/trackers\"\n",
            "path = \"/v1/trackers\"\ndeprecated = true\n",
        ),
    );
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.id()).collect();
    assert_eq!(codes, ["E0005"]);
}

#[test]
fn deprecation_notes_reach_the_catalogue() {
    let text = edit(
        "resolution = \"Rename it.\"\n",
        "resolution = \"Rename it.\"\ndeprecated = \"Gone in v3.\"\n",
    )
    .replace(
        "path = \"/v1/trackers\"\n",
        "path = \"/v1/trackers\"\ndeprecated = \"Use v2.\"\n",
    );
    let c = checked("errors.toml", &text);
    let ep = &c.catalogue().endpoints[0];
    assert_eq!(ep.deprecated.as_deref(), Some("Use v2."));
    assert_eq!(ep.entries[0].deprecated.as_deref(), Some("Gone in v3."));
    assert_eq!(ep.entries[1].deprecated, None);
    assert_eq!(c.catalogue().endpoints[1].deprecated, None);
}

#[test]
fn base_paths_removed_are_breaking_and_added_are_info() {
    let api = |list: &str| {
        edit(
            "[general]",
            &format!("[api]\nbase_paths = {list}\n\n[general]"),
        )
    };
    // Declaring a version prefix beside none adds one; none is still there.
    let both = api(r#"["", "/{version}"]"#);
    assert_eq!(
        findings(BASE, &both),
        [("base-path-added", Level::Info, None, None)]
    );
    // Only the prefix: requests without one no longer route.
    let only = api(r#"["/v1"]"#);
    let (d, old, new) = run(BASE, &only);
    let got: Vec<_> = d
        .findings
        .iter()
        .map(|f| (f.rule.id(), f.level, f.side))
        .collect();
    assert_eq!(
        got,
        [
            ("base-path-removed", Level::Breaking, Side::New),
            ("base-path-added", Level::Info, Side::New),
        ]
    );
    assert!(
        d.findings[0].message.contains("base path \"\" is gone"),
        "{}",
        d.findings[0].message
    );
    let (_, at) = d.findings[0].locate(&old, &new);
    assert_eq!((at.line, at.column), (9, 15));
    // Dropping a listed prefix is located in OLD.
    let (d, _, _) = run(&both, &api(r#"[""]"#));
    assert_eq!(
        d.findings
            .iter()
            .map(|f| (f.rule.id(), f.side, f.bump))
            .collect::<Vec<_>>(),
        [("base-path-removed", Side::Old, Bump::Major)]
    );
    assert!(d.findings[0].message.contains("\"/{version}\""));
}

#[test]
fn readme_and_the_json_schema_list_every_rule_in_order() {
    let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    let readme = include_str!("../../README.md");
    let table = &readme[readme.find("| rule | finding | level | bump |").unwrap()..];
    let listed: Vec<&str> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.split('`').nth(1).unwrap())
        .collect();
    assert_eq!(listed, ids, "README's errcat diff rule table");
    let schema = include_str!("../../schema/diff.schema.json");
    let start = schema.find("\"enum\": [").unwrap() + "\"enum\": [".len();
    let end = start + schema[start..].find(']').unwrap();
    let listed: Vec<&str> = schema[start..end]
        .split(',')
        .map(|s| s.trim().trim_matches('"'))
        .collect();
    assert_eq!(listed, ids, "schema/diff.schema.json's rule enum");
}
