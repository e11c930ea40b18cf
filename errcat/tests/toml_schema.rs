//! `schema/errors-toml.schema.json`, the JSON Schema editors (Taplo, Even
//! Better TOML) check errors.toml with, held to the reader and validator
//! (`error_catalogue_build::check_str`):
//!
//! - every catalogue in the repository, and every one `errcat import openapi`
//!   makes from the fixture specs, validates;
//! - each table has the keys the reader accepts (its unknown-key hint lists
//!   them; `schema.rs`'s `*_KEYS` lists too), no more, no fewer;
//! - for every key of every table: an unknown key beside it, the key left
//!   out, and the key with a value of each other type are rejected by the
//!   schema exactly when `check_str` reports E0003, E0004 or E0005;
//! - the value rules the schema also states (methods, statuses, `allow`,
//!   empty text, slugs, templates, base paths) reject only what `check_str`
//!   rejects, with the matching code.
//!
//! TOML reaches the schema as Taplo gives it to a JSON Schema: through
//! `toml::Value`. Two TOML types JSON does not have differ: a datetime is an
//! object here (`toml`'s serde form) but a string to Taplo, so Taplo accepts
//! `title = 1979-05-27`, and `status = 404.0` is the integer 404 to JSON
//! Schema. `errcat check` reports both (E0005).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use error_catalogue_build::{Code, Severity, check_str};
use serde_json::Value as Json;
use toml::Value;

mod common;

use common::root;

/// Where `errcat import openapi` says the schema is published.
const SCHEMA_URL: &str = "https://raw.githubusercontent.com/error-catalogue/error-catalogue/main/schema/errors-toml.schema.json";

fn schema() -> Json {
    let text = std::fs::read_to_string(root().join("schema/errors-toml.schema.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).unwrap()
}

/// A TOML document as the JSON a schema sees.
fn to_json(text: &str) -> Json {
    let table: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    serde_json::to_value(table).unwrap()
}

/// The codes of the errors (not warnings) `check_str` reports.
fn check_errors(text: &str) -> Vec<Code> {
    check_str("errors.toml", text)
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| d.code)
        .collect()
}

/// The schema's errors for a document, one line each.
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    validator
        .iter_errors(&to_json(text))
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Every `*.toml` under the repository that is a catalogue (has `[page]` or
/// `[general]`), outside build output and dependencies.
fn catalogues_in_repo() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy();
            if path.is_dir() {
                if !matches!(&*name, "target" | "node_modules" | ".git") {
                    walk(&path, out);
                }
            } else if name.ends_with(".toml") {
                let text = std::fs::read_to_string(&path).unwrap();
                let is_catalogue = toml::from_str::<toml::Table>(&text)
                    .is_ok_and(|t| t.contains_key("page") || t.contains_key("general"));
                if is_catalogue {
                    out.push(path);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(root(), &mut out);
    out.sort();
    out
}

#[test]
fn every_catalogue_in_the_repository_validates() {
    let validator = validator();
    let found = catalogues_in_repo();
    let relative: Vec<String> = found
        .iter()
        .map(|p| p.strip_prefix(root()).unwrap().display().to_string())
        .collect();
    for expected in [
        "errors.toml",
        "catalogues/docker-engine/errors.toml",
        "tests/fixtures/hostile.toml",
        "error-catalogue-build/tests/fixtures/small.toml",
    ] {
        assert!(
            relative.iter().any(|r| r == expected),
            "{expected} not found in {relative:?}"
        );
    }
    for (path, name) in found.iter().zip(&relative) {
        let text = std::fs::read_to_string(path).unwrap();
        let errors = check_errors(&text);
        let schema = schema_errors(&validator, &text);
        if errors.is_empty() {
            assert!(
                schema.is_empty(),
                "{name} passes errcat check, not the schema: {schema:#?}"
            );
        } else {
            // A fuzz seed that breaks the rules on purpose: the schema may
            // see some of it (a method, a status), never more than check.
            assert!(
                !errors.iter().any(|c| KEY_LEVEL.contains(c)) || !schema.is_empty(),
                "{name}: {errors:?}"
            );
        }
    }
}

#[test]
fn every_imported_catalogue_names_the_schema_and_validates() {
    let validator = validator();
    let specs = root().join("errcat/tests/fixtures/openapi");
    let mut imported = 0;
    for entry in std::fs::read_dir(&specs).unwrap() {
        let path = entry.unwrap().path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("json" | "yaml")
        ) {
            continue;
        }
        let import = error_catalogue_build::import::openapi_file(&path).unwrap();
        let first = import.toml.lines().next().unwrap();
        assert_eq!(
            first,
            format!("#:schema {SCHEMA_URL}"),
            "{}",
            path.display()
        );
        assert_eq!(check_errors(&import.toml), [], "{}", path.display());
        let schema = schema_errors(&validator, &import.toml);
        assert!(schema.is_empty(), "{}: {schema:#?}", path.display());
        imported += 1;
    }
    assert_eq!(imported, 6);
}

/// The URL import writes is where the repository publishes this file, and
/// the schema says so as its `$id`.
#[test]
fn the_schema_url_is_the_repository_file() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let manifest: toml::Table = toml::from_str(&manifest).unwrap();
    let repository = manifest["workspace"]["package"]["repository"]
        .as_str()
        .unwrap();
    let repo = repository.strip_prefix("https://github.com/").unwrap();
    assert_eq!(
        SCHEMA_URL,
        format!("https://raw.githubusercontent.com/{repo}/main/schema/errors-toml.schema.json")
    );
    assert_eq!(schema()["$id"], SCHEMA_URL);
    assert_eq!(
        schema()["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

/// The key-level codes, which the schema must report exactly.
const KEY_LEVEL: [Code; 3] = [Code::UnknownKey, Code::MissingKey, Code::WrongType];

/// A catalogue with every key of every table, which checks clean.
const FULL: &str = r#"
[page]
id = "errors"
title = "Error Codes"
sidebar_label = "Errors"
slug = "/errors/"
docs_base_url = "https://docs.example.com/docs"
imports = ["import Tabs from '@theme/Tabs';"]
intro = ["Status codes and what to do."]

[page.support]
notice = "Write to `support@example.com`."
email = "support@example.com"

[api]
base_paths = ["", "/{version}"]
code_pointers = ["/error/code", ""]

[general]
title = "HTTP Codes"
slug = "http-codes"

[[general.errors]]
status = 429
meaning = "Too Many Requests"
description = "Slow down."
resolution = "Retry later."
retryable = true
allow = ["non-canonical-meaning"]
deprecated = "Use 503."
codes = ["rate_limited"]

[general.errors.example]
caption = "example"
lang = "json"
body = "{}"

[[endpoints]]
name = "Get Item"
slug = "get-item"
method = "GET"
path = "/v1/items/{itemId}"
deprecated = "Use Get Item v2."

[[endpoints.errors]]
status = 404
meaning = "Not Found"
description = "No such item."
resolution = "Check the id."
retryable = false
allow = ["W0002"]
deprecated = "Use 410."
codes = ["item_missing"]

[endpoints.errors.example]
caption = "no item"
lang = "json"
body = '{ "message": "no item" }'

[[codes]]
code = "rate_limited"
status = 429
meaning = "Rate limited"
description = "Too many requests from this key."
resolution = "Retry after the `Retry-After` header's delay."
retryable = true
allow = ["unlisted-code"]
deprecated = "Use `slow_down`."

[codes.example]
caption = "too fast"
lang = "json"
body = '{ "error": { "code": "rate_limited" } }'

[[codes]]
code = "item_missing"
meaning = "Item missing"
"#;

/// Each table of the format: where it is in [`FULL`], how the reader names
/// it in messages, and the `schema.rs` list of its keys.
const TABLES: &[(&[&str], &str, &str)] = &[
    (&[], "the file", "FILE_KEYS"),
    (&["page"], "[page]", "PAGE_KEYS"),
    (&["page", "support"], "[page.support]", "SUPPORT_KEYS"),
    (&["api"], "[api]", "API_KEYS"),
    (&["general"], "[general]", "GENERAL_KEYS"),
    (
        &["general", "errors", "0"],
        "[[general.errors]]",
        "ENTRY_KEYS",
    ),
    (
        &["general", "errors", "0", "example"],
        "[general.errors.example]",
        "EXAMPLE_KEYS",
    ),
    (&["endpoints", "0"], "[[endpoints]]", "ENDPOINT_KEYS"),
    (
        &["endpoints", "0", "errors", "0"],
        "[[endpoints.errors]]",
        "ENTRY_KEYS",
    ),
    (
        &["endpoints", "0", "errors", "0", "example"],
        "[endpoints.errors.example]",
        "EXAMPLE_KEYS",
    ),
    (&["codes", "0"], "[[codes]]", "CODE_KEYS"),
    (
        &["codes", "0", "example"],
        "[codes.example]",
        "EXAMPLE_KEYS",
    ),
];

/// Mutations the key-level comparison leaves out, with why: a value of a
/// second type a key takes, or a key whose absence breaks a rule between
/// tables rather than the key's own.
const NOT_KEY_LEVEL: &[(&str, &str, &str)] = &[
    // `code` takes a string or an integer; an integer code beside a string
    // one is E0024, and the rows' codes are then unknown (E0021).
    ("[[codes]]", "code", "an integer"),
    // A row's `codes` takes integers too: unknown codes here (E0021).
    ("[[general.errors]]", "codes", "an array of integers"),
    ("[[endpoints.errors]]", "codes", "an array of integers"),
    // Without `[[codes]]`, the codes rows list are unknown (E0021).
    ("the file", "codes", "left out"),
];

fn full() -> Value {
    Value::Table(toml::from_str(FULL).unwrap())
}

/// The table at `path` (keys, and row numbers in arrays of tables).
fn table_at<'a>(doc: &'a mut Value, path: &[&str]) -> &'a mut toml::Table {
    let mut at = doc;
    for step in path {
        at = match at {
            Value::Table(t) => t.get_mut(*step).unwrap(),
            Value::Array(a) => &mut a[step.parse::<usize>().unwrap()],
            other => panic!("{step} in {other:?}"),
        };
    }
    at.as_table_mut().unwrap()
}

fn text_of(doc: &Value) -> String {
    toml::to_string(doc).unwrap()
}

/// The schema's node for the table at `path`, `$ref`s followed.
fn schema_table<'a>(schema: &'a Json, path: &[&str]) -> &'a Json {
    let resolve = |mut node: &'a Json| {
        while let Some(r) = node.get("$ref").and_then(Json::as_str) {
            let name = r.strip_prefix("#/$defs/").unwrap();
            node = &schema["$defs"][name];
        }
        node
    };
    let mut node = schema;
    for step in path {
        node = resolve(node);
        node = if step.parse::<usize>().is_ok() {
            &node["items"]
        } else {
            &node["properties"][*step]
        };
    }
    let node = resolve(node);
    assert_eq!(node["type"], "object", "{path:?}");
    assert_eq!(node["additionalProperties"], false, "{path:?}");
    node
}

fn schema_keys(schema: &Json, path: &[&str]) -> Vec<String> {
    schema_table(schema, path)["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

fn schema_required(schema: &Json, path: &[&str]) -> BTreeSet<String> {
    schema_table(schema, path)
        .get("required")
        .and_then(Json::as_array)
        .map(|r| r.iter().map(|k| k.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// The keys the reader accepts in the table at `path`, as its unknown-key
/// hint lists them: `... [page] has: id, title, ...`.
fn reader_keys(path: &[&str], what: &str) -> Vec<String> {
    let mut doc = full();
    table_at(&mut doc, path).insert("zzzz".into(), Value::String("x".into()));
    let report = check_str("errors.toml", &text_of(&doc));
    let unknown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnknownKey)
        .collect();
    assert_eq!(unknown.len(), 1, "{path:?}: {}", report.render(false));
    assert_eq!(
        unknown[0].message,
        format!("unknown key \"zzzz\" in {what}")
    );
    let hint = unknown[0].hint.as_deref().unwrap();
    let (_, listed) = hint.rsplit_once(&format!("{what} has: ")).unwrap();
    listed.split(", ").map(str::to_string).collect()
}

/// The `*_KEYS` lists in the reader's source, by name.
fn source_key_lists() -> Vec<(String, Vec<String>)> {
    let source = include_str!("../../error-catalogue-build/src/schema.rs");
    let list = regex::Regex::new(r#"pub const (\w+_KEYS): &\[&str\] = &\[([^\]]*)\];"#).unwrap();
    let quoted = regex::Regex::new(r#""([^"]*)""#).unwrap();
    list.captures_iter(source)
        .map(|c| {
            let keys = quoted
                .captures_iter(&c[2])
                .map(|k| k[1].to_string())
                .collect();
            (c[1].to_string(), keys)
        })
        .collect()
}

#[test]
fn the_full_catalogue_checks_clean_and_validates() {
    let report = check_str("errors.toml", FULL);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    let schema = schema_errors(&validator(), FULL);
    assert!(schema.is_empty(), "{schema:#?}");
}

/// Every table holds the reader's keys: a key added to `schema.rs` without
/// the schema (or the other way) fails here.
#[test]
fn each_table_has_the_keys_the_reader_accepts() {
    let schema = schema();
    let lists = source_key_lists();
    let names: BTreeSet<&str> = lists.iter().map(|(n, _)| n.as_str()).collect();
    let mapped: BTreeSet<&str> = TABLES.iter().map(|(_, _, n)| *n).collect();
    assert_eq!(
        names, mapped,
        "schema.rs's key lists and this test's tables differ: map a new table to its place in the schema"
    );
    for (path, what, list) in TABLES {
        let from_source = &lists.iter().find(|(n, _)| n == list).unwrap().1;
        assert_eq!(
            &reader_keys(path, what),
            from_source,
            "{what}: the reader's hint vs schema.rs's {list}"
        );
        let mut sorted = from_source.clone();
        sorted.sort();
        // serde_json's map is sorted.
        assert_eq!(
            schema_keys(&schema, path),
            sorted,
            "{what}: the schema vs schema.rs's {list}"
        );
    }
}

/// Values of every TOML type, to put where a key holds another type.
fn samples() -> Vec<(&'static str, Value)> {
    let table = || Value::Table(toml::Table::new());
    vec![
        ("a string", Value::String("x".into())),
        ("an integer", Value::Integer(404)),
        ("a float", Value::Float(1.5)),
        ("a boolean", Value::Boolean(true)),
        (
            "a datetime",
            Value::Datetime("1979-05-27T07:32:00Z".parse().unwrap()),
        ),
        ("a table", table()),
        (
            "an array of strings",
            Value::Array(vec![Value::String("x".into())]),
        ),
        (
            "an array of integers",
            Value::Array(vec![Value::Integer(1)]),
        ),
        ("an array of tables", Value::Array(vec![table()])),
    ]
}

/// Which sample has the type a key's value in [`FULL`] has.
fn own_type(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Integer(_) => "an integer",
        Value::Boolean(_) => "a boolean",
        Value::Table(_) => "a table",
        Value::Array(a) if a.iter().all(Value::is_str) => "an array of strings",
        Value::Array(a) if a.iter().all(Value::is_table) => "an array of tables",
        other => panic!("no key of FULL holds {other:?}"),
    }
}

/// For every key of every table: an unknown key beside it, the key left
/// out, the key with each other type. The schema rejects the document
/// exactly when `check_str` reports an error, and then `check_str` reports
/// the key-level code this mutation is about.
#[test]
fn the_schema_rejects_exactly_the_key_level_errors_check_reports() {
    let validator = validator();
    let schema = schema();
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut compare = |case: String, doc: &Value, expected: Option<(Code, String)>| {
        cases += 1;
        let text = text_of(doc);
        let report = check_str("errors.toml", &text);
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .collect();
        let rejected = schema_errors(&validator, &text);
        let agrees = match &expected {
            None => errors.is_empty() && rejected.is_empty(),
            Some((code, message)) => {
                errors.iter().all(|d| d.code == *code)
                    && errors
                        .iter()
                        .any(|d| d.code == *code && d.message.starts_with(message.as_str()))
                    && !rejected.is_empty()
            }
        };
        if !agrees {
            failures.push(format!(
                "{case}: expected {expected:?}\n  check: {:?}\n  schema: {rejected:?}",
                errors
                    .iter()
                    .map(|d| format!("{} {}", d.code.id(), d.message))
                    .collect::<Vec<_>>()
            ));
        }
    };
    for (path, what, _) in TABLES {
        let keys = schema_keys(&schema, path);
        let required = schema_required(&schema, path);
        // An unknown key, and each key misspelt.
        let mut doc = full();
        table_at(&mut doc, path).insert("zzzz".into(), Value::Integer(1));
        compare(
            format!("{what}: unknown key"),
            &doc,
            Some((Code::UnknownKey, "unknown key \"zzzz\"".into())),
        );
        for key in &keys {
            let mut doc = full();
            let table = table_at(&mut doc, path);
            let value = table.remove(key).unwrap();
            let typo = format!("{key}s");
            table.insert(typo.clone(), value.clone());
            table.insert(key.clone(), value.clone());
            compare(
                format!("{what}: {typo} beside {key}"),
                &doc,
                Some((Code::UnknownKey, format!("unknown key \"{typo}\""))),
            );
            // Left out: required in the schema exactly when check misses it.
            let skipped = |sample: &str| NOT_KEY_LEVEL.contains(&(*what, key.as_str(), sample));
            let mut doc = full();
            table_at(&mut doc, path).remove(key);
            let expected = required
                .contains(key)
                .then(|| (Code::MissingKey, format!("missing key `{key}` in {what}")));
            if !skipped("left out") {
                compare(format!("{what}: {key} left out"), &doc, expected);
            }
            // Every other type.
            let own = own_type(&value);
            for (sample, wrong) in samples() {
                if sample == own || skipped(sample) {
                    continue;
                }
                let mut doc = full();
                table_at(&mut doc, path).insert(key.clone(), wrong);
                compare(
                    format!("{what}: {key} as {sample}"),
                    &doc,
                    Some((Code::WrongType, format!("`{key}` must be"))),
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(cases > 300, "{cases}");
}

/// A key set to `value` in [`FULL`], as text.
fn with(path: &[&str], key: &str, value: Value) -> String {
    let mut doc = full();
    table_at(&mut doc, path).insert(key.into(), value);
    text_of(&doc)
}

fn string(s: &str) -> Value {
    Value::String(s.into())
}

fn strings(items: &[&str]) -> Value {
    Value::Array(items.iter().map(|s| string(s)).collect())
}

/// The value rules the schema states beyond keys and types: what it rejects,
/// `check_str` rejects with the code the rule is about; what it accepts
/// (spaces around an `allow` name, an id in lower case, a text of a
/// byte-order mark alone), `check_str` accepts.
#[test]
fn the_value_rules_reject_only_what_check_rejects() {
    let validator = validator();
    let general_row: &[&str] = &["general", "errors", "0"];
    let endpoint: &[&str] = &["endpoints", "0"];
    let endpoint_row: &[&str] = &["endpoints", "0", "errors", "0"];
    let mut rejected = vec![
        (with(endpoint, "method", string("get")), Code::BadMethod),
        (with(endpoint, "method", string("GTE")), Code::BadMethod),
        (
            with(endpoint_row, "status", Value::Integer(99)),
            Code::StatusRange,
        ),
        (
            with(endpoint_row, "status", Value::Integer(600)),
            Code::StatusRange,
        ),
        (
            with(general_row, "allow", strings(&["E0007"])),
            Code::BadAllow,
        ),
        (
            with(general_row, "allow", strings(&["duplicate-status"])),
            Code::BadAllow,
        ),
        (
            with(general_row, "allow", strings(&["non-canonical-meanig"])),
            Code::BadAllow,
        ),
        (
            with(endpoint_row, "allow", strings(&["Redundant-Entry"])),
            Code::BadAllow,
        ),
        (with(endpoint, "slug", string("Get_Item")), Code::BadSlug),
        (
            with(&["general"], "slug", string("http codes")),
            Code::BadSlug,
        ),
        (
            with(endpoint, "path", string("v1/items/{itemId}")),
            Code::BadPath,
        ),
        (
            with(&["api"], "base_paths", strings(&["/v1/"])),
            Code::BadBasePath,
        ),
        (
            with(&["api"], "base_paths", strings(&["/"])),
            Code::BadBasePath,
        ),
        (
            with(&["api"], "base_paths", strings(&["/a//b"])),
            Code::BadBasePath,
        ),
    ];
    let many: Vec<String> = (0..65).map(|i| format!("/v{i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    rejected.push((with(&["api"], "base_paths", strings(&many)), Code::Limit));
    let code_row: &[&str] = &["codes", "0"];
    for (key, value, code) in [
        ("status", Value::Integer(99), Code::StatusRange),
        ("status", Value::Integer(600), Code::StatusRange),
        ("code", string(""), Code::BadCode),
        ("code", string("a\u{7}b"), Code::BadCode),
        ("code", string("a\u{85}b"), Code::BadCode),
        ("code", string("!!"), Code::BadCode),
        ("code", Value::Integer(-1), Code::BadCode),
        ("allow", strings(&["unlisted-cod"]), Code::BadAllow),
    ] {
        rejected.push((with(code_row, key, value), code));
    }
    for pointer in ["error", "#/error", "/a~", "/a~2"] {
        rejected.push((
            with(&["api"], "code_pointers", strings(&[pointer])),
            Code::BadCodePointer,
        ));
    }
    // Every text key empty or blank, each Unicode space alone.
    let blanks = [
        "", " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}",
        "\u{200a}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}", " \t\n ",
    ];
    for blank in blanks {
        assert!(blank.trim().is_empty());
    }
    let texts: &[(&[&str], &str)] = &[
        (&["page"], "id"),
        (&["page"], "title"),
        (&["page"], "sidebar_label"),
        (&["page"], "slug"),
        (&["page"], "docs_base_url"),
        (&["page", "support"], "notice"),
        (&["page", "support"], "email"),
        (&["general"], "title"),
        (general_row, "meaning"),
        (general_row, "description"),
        (general_row, "resolution"),
        (general_row, "deprecated"),
        (&["general", "errors", "0", "example"], "caption"),
        (&["general", "errors", "0", "example"], "lang"),
        (&["general", "errors", "0", "example"], "body"),
        (endpoint, "name"),
        (endpoint, "deprecated"),
        (endpoint_row, "meaning"),
        (code_row, "meaning"),
        (code_row, "description"),
        (code_row, "resolution"),
        (code_row, "deprecated"),
        (&["codes", "0", "example"], "body"),
    ];
    for (path, key) in texts {
        for blank in blanks {
            rejected.push((with(path, key, string(blank)), Code::EmptyText));
        }
    }
    for key in ["imports", "intro"] {
        rejected.push((with(&["page"], key, strings(&["x", " "])), Code::EmptyText));
    }
    let mut failures = Vec::new();
    for (text, code) in &rejected {
        let errors = check_errors(text);
        let schema = schema_errors(&validator, text);
        if !errors.contains(code) || schema.is_empty() {
            failures.push(format!("{code}: check {errors:?}, schema {schema:?}"));
        }
    }
    let mut accepted = vec![
        with(
            general_row,
            "allow",
            strings(&[" W0001 ", "w0002", "non-retryable-5xx"]),
        ),
        with(
            general_row,
            "allow",
            strings(&["\u{3000}redundant-entry\t"]),
        ),
        with(general_row, "allow", strings(&[])),
        with(&["page"], "title", string("\u{feff}")),
        with(&["page"], "imports", strings(&[])),
        with(
            &["api"],
            "base_paths",
            strings(&["", "/api/v2", "/{version}"]),
        ),
        with(endpoint_row, "status", Value::Integer(100)),
        with(endpoint_row, "status", Value::Integer(599)),
        with(&["api"], "code_pointers", strings(&[])),
        with(
            &["api"],
            "code_pointers",
            strings(&["", "/", "/a~0b~1c", "//"]),
        ),
        with(
            &["codes", "0"],
            "allow",
            strings(&[" W0004", "unlisted-code"]),
        ),
    ];
    let many: Vec<String> = (0..64).map(|i| format!("/v{i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    accepted.push(with(&["api"], "base_paths", strings(&many)));
    for method in error_catalogue_build::catalogue::METHODS {
        accepted.push(with(endpoint, "method", string(method)));
    }
    for text in &accepted {
        let errors = check_errors(text);
        let schema = schema_errors(&validator, text);
        if !errors.is_empty() || !schema.is_empty() {
            failures.push(format!("accepted: check {errors:?}, schema {schema:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `allow` takes every warning by name or id, and no error.
#[test]
fn allow_takes_the_warnings_and_only_them() {
    let validator = validator();
    let row: &[&str] = &["general", "errors", "0"];
    for code in Code::ALL {
        for name in [code.name(), code.id()] {
            let text = with(row, "allow", strings(&[name]));
            let check_ok = check_errors(&text).is_empty();
            let schema_ok = schema_errors(&validator, &text).is_empty();
            assert_eq!(check_ok, code.severity() == Severity::Warning, "{name}");
            assert_eq!(schema_ok, check_ok, "{name}");
        }
    }
}

/// The two TOML types JSON Schema cannot tell apart from the right one, as
/// the module says: `errcat check` catches them.
#[test]
fn what_json_cannot_see_check_reports() {
    let validator = validator();
    let row: &[&str] = &["endpoints", "0", "errors", "0"];
    let text = with(row, "status", Value::Float(404.0));
    assert_eq!(check_errors(&text), [Code::WrongType]);
    assert!(schema_errors(&validator, &text).is_empty());
}
