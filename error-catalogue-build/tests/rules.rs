//! Every validation rule on a small catalogue: the exact code, line and
//! column of each diagnostic, and the rendered report as an insta snapshot.

use error_catalogue_build::{Code, Report, check_file, check_str};

/// A small valid catalogue; tests replace or add lines.
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
name = "Get Tracker"
method = "GET"
path = "/v1/tracker/{id}"

[[endpoints.errors]]
status = 404
meaning = "Not Found"
"#;

/// `BASE` with `from` replaced by `to` (which must be there, once).
fn edit(from: &str, to: &str) -> String {
    assert_eq!(BASE.matches(from).count(), 1, "{from}");
    BASE.replace(from, to)
}

/// `(code id, line, column)` of every diagnostic, in file order.
fn found(report: &Report) -> Vec<(&'static str, usize, usize)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let at = report.source.locate(d.span.clone().unwrap_or(0..0).start);
            (d.code.id(), at.line, at.column)
        })
        .collect()
}

/// Checks `text`, asserts its diagnostics, and returns the plain rendering.
fn check(text: &str, expected: &[(&str, usize, usize)]) -> String {
    let report = check_str("errors.toml", text);
    assert_eq!(found(&report), expected, "{}", report.render(false));
    assert_eq!(report.catalogue.is_some(), !report.has_errors());
    report.render(false)
}

#[test]
fn the_base_catalogue_is_clean() {
    let report = check_str("errors.toml", BASE);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    let catalogue = report.catalogue.unwrap();
    assert_eq!(catalogue.entries().count(), 2);
}

#[test]
fn the_shipped_catalogue_is_clean() {
    let report = check_file(concat!(env!("CARGO_MANIFEST_DIR"), "/../errors.toml"));
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
}

#[test]
fn e0001_missing_file_names_path_and_os_error() {
    let report = check_file("/nonexistent/errors.toml");
    assert_eq!(found(&report), [("E0001", 1, 1)]);
    let d = &report.diagnostics[0];
    assert!(d.span.is_none());
    assert!(
        d.message
            .starts_with("cannot read `/nonexistent/errors.toml`: No such file or directory"),
        "{}",
        d.message
    );
}

#[test]
fn e0001_non_utf8_is_located() {
    let dir = std::env::temp_dir().join(format!("ecb-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.toml");
    let mut bytes = BASE.as_bytes().to_vec();
    let at = BASE.find("Bad Request").unwrap();
    bytes[at + 3] = 0xE9; // "Bad\xE9Request"
    std::fs::write(&path, bytes).unwrap();
    let report = check_file(&path);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found(&report), [("E0001", 12, 15)]);
    assert!(
        report.diagnostics[0]
            .message
            .ends_with("is not UTF-8: invalid byte at line 12, column 15")
    );
}

#[test]
fn e0002_syntax_errors_all_located() {
    let text = edit("meaning = \"Bad Request\"", "meaning = Bad Request")
        .replace("method = \"GET\"", "method = \"GET\"\nmethod = \"PUT\"");
    insta::assert_snapshot!(
        "e0002",
        check(&text, &[("E0002", 12, 11), ("E0002", 17, 1)])
    );
}

#[test]
fn e0002_deep_nesting_fails_cleanly() {
    let deep = format!("x = {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let report = check_str("errors.toml", &format!("{BASE}{deep}"));
    assert!(report.has_errors());
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == Code::Syntax && d.message.contains("recursion")),
        "{}",
        report.render(false)
    );
}

#[test]
fn e0003_unknown_keys_with_did_you_mean() {
    let text = edit(
        "meaning = \"Not Found\"",
        "meaning = \"Not Found\"\nresolutoin = \"Check the id.\"",
    )
    .replace("[general]", "[general]\ncolour = \"red\"");
    insta::assert_snapshot!("e0003", check(&text, &[("E0003", 8, 1), ("E0003", 23, 1)]));
}

#[test]
fn e0004_missing_keys_at_the_table_header() {
    let text = edit("meaning = \"Not Found\"\n", "").replace("path = \"/v1/tracker/{id}\"\n", "");
    insta::assert_snapshot!("e0004", check(&text, &[("E0004", 14, 1), ("E0004", 18, 1)]));
    let report = check_str("errors.toml", "");
    assert_eq!(found(&report), [("E0004", 1, 1), ("E0004", 1, 1)]);
}

#[test]
fn e0005_wrong_types_with_typed_hints() {
    let text = edit("status = 404", "status = \"409 - Conflict\"").replace(
        "meaning = \"Bad Request\"",
        "meaning = 400\nretryable = \"yes\"",
    );
    insta::assert_snapshot!(
        "e0005",
        check(
            &text,
            &[("E0005", 12, 11), ("E0005", 13, 13), ("E0005", 21, 10)]
        )
    );
    let report = check_str("errors.toml", &edit("status = 400", "status = 400.0"));
    assert_eq!(
        report.diagnostics[0].hint.as_deref(),
        Some("write the status as a bare integer: `status = 400`")
    );
}

#[test]
fn e0006_status_out_of_range() {
    let text = edit("status = 400", "status = 99")
        .replace("status = 404", "status = 99999999999999999999");
    insta::assert_snapshot!(
        "e0006",
        check(&text, &[("E0006", 11, 10), ("E0006", 20, 10)])
    );
}

#[test]
fn e0007_duplicate_status_names_the_first() {
    let text = format!("{BASE}\n[[endpoints.errors]]\nstatus = 404\nmeaning = \"Not Found\"\n");
    insta::assert_snapshot!("e0007", check(&text, &[("E0007", 24, 10)]));
}

const SECOND: &str = "\n[[endpoints]]\nname = \"NAME\"\nmethod = \"GET\"\npath = \"/v2/x\"\n";

#[test]
fn e0008_duplicate_endpoint_name() {
    let text = format!("{BASE}{}", SECOND.replace("NAME", "Get Tracker"));
    insta::assert_snapshot!("e0008", check(&text, &[("E0008", 24, 8)]));
}

#[test]
fn e0009_duplicate_slug_and_reserved_names() {
    let text = format!(
        "{BASE}{}slug = \"get-tracker\"\n",
        SECOND.replace("NAME", "Fetch Tracker")
    );
    insta::assert_snapshot!("e0009", check(&text, &[("E0009", 27, 8)]));
    let text = format!("{BASE}{}", SECOND.replace("NAME", "HTTP Codes"));
    assert_eq!(found(&check_str("errors.toml", &text)), [("E0009", 24, 8)]);
    let text = format!("{BASE}{}", SECOND.replace("NAME", "General"));
    assert_eq!(found(&check_str("errors.toml", &text)), [("E0009", 24, 8)]);
}

#[test]
fn e0010_names_that_make_one_identifier() {
    let text = format!("{BASE}{}", SECOND.replace("NAME", "get-tracker"));
    insta::assert_snapshot!("e0010", check(&text, &[("E0010", 24, 8)]));
}

#[test]
fn e0011_names_without_identifier_or_keyword() {
    let text = edit("name = \"Get Tracker\"", "name = \"3D Models\"");
    insta::assert_snapshot!("e0011", check(&text, &[("E0011", 15, 8)]));
    let text = edit("name = \"Get Tracker\"", "name = \"self\"");
    assert_eq!(found(&check_str("errors.toml", &text)), [("E0011", 15, 8)]);
}

#[test]
fn e0012_bad_slug() {
    let text = edit(
        "name = \"Get Tracker\"",
        "name = \"Get Tracker\"\nslug = \"Get_Tracker\"",
    );
    insta::assert_snapshot!("e0012", check(&text, &[("E0012", 16, 8)]));
}

#[test]
fn e0013_empty_text() {
    let text = edit(
        "meaning = \"Bad Request\"",
        "meaning = \"\"\ndescription = \"  \"",
    );
    insta::assert_snapshot!(
        "e0013",
        check(&text, &[("E0013", 12, 11), ("E0013", 13, 15)])
    );
}

#[test]
fn e0014_bad_method_suggests_the_right_one() {
    let text = edit("method = \"GET\"", "method = \"get\"");
    insta::assert_snapshot!("e0014", check(&text, &[("E0014", 16, 10)]));
    let text = edit("method = \"GET\"", "method = \"GTE\"");
    let report = check_str("errors.toml", &text);
    assert!(
        report.diagnostics[0]
            .hint
            .as_deref()
            .unwrap()
            .starts_with("did you mean \"GET\"?")
    );
}

#[test]
fn e0015_bad_path_templates() {
    for (path, why) in [
        ("v1/tracker", "does not start with `/`"),
        (
            "/v1/{}",
            "has a parameter without a name (`{}` or `{*}`) (segment `{}`)",
        ),
        (
            "/v1/{*}",
            "has a parameter without a name (`{}` or `{*}`) (segment `{*}`)",
        ),
        ("/v1/{a}/{a}", "names one parameter twice (segment `{a}`)"),
        (
            "/v1/{a}.{a}",
            "names one parameter twice (segment `{a}.{a}`)",
        ),
        (
            "/v1/{*a}/x/{*b}",
            "has more than one multi-segment parameter `{*name}`",
        ),
        ("/v1/{id", "has unbalanced or nested braces (segment `{id`)"),
        (
            "/v1/x{i{d}}",
            "has unbalanced or nested braces (segment `x{i{d}}`)",
        ),
        // What a mixed segment cannot say, named.
        (
            "/v1/files{*path}",
            "has a multi-segment parameter `{*name}` beside text in its segment: it takes whole segments (segment `files{*path}`)",
        ),
        (
            "/v1/{a}{b}",
            "has two parameters with no text between them (`{a}{b}`): nothing says where one ends (segment `{a}{b}`)",
        ),
        (
            "/v1/{id}#get_shared_link",
            "has `?` or `#` beside a parameter, which end a request's path (write `%3F` or `%23`) (segment `{id}#get_shared_link`)",
        ),
    ] {
        let text = edit("/v1/tracker/{id}", path);
        let report = check_str("errors.toml", &text);
        assert_eq!(found(&report), [("E0015", 17, 8)], "{path}");
        assert_eq!(
            report.diagnostics[0].message,
            format!("path template \"{path}\" {why}")
        );
    }
    let text = edit("/v1/tracker/{id}", "v1/tracker");
    insta::assert_snapshot!("e0015", check(&text, &[("E0015", 17, 8)]));
    let text = edit("/v1/tracker/{id}", "/v1/tracker/{id}{format}");
    insta::assert_snapshot!("e0015_mixed", check(&text, &[("E0015", 17, 8)]));
    // Text beside parameters is a template.
    for path in [
        "/v1/tracker/{id}.{format}",
        "/v1/tracker/{id}:cancel",
        "/v1/tracker/v{id}",
    ] {
        check(&edit("/v1/tracker/{id}", path), &[]);
    }
}

#[test]
fn e0017_file_size_limit_is_named() {
    let limit = error_catalogue_build::MAX_FILE_BYTES as usize;
    let text = format!("{BASE}#{}\n", "x".repeat(limit));
    let report = check_str("errors.toml", &text);
    assert_eq!(found(&report), [("E0017", 1, 1)]);
    assert!(
        report.diagnostics[0].message.contains("MAX_FILE_BYTES"),
        "{}",
        report.diagnostics[0].message
    );
}

#[test]
fn e0017_too_many_diagnostics_are_cut() {
    let mut text = String::from(BASE);
    for i in 0..600 {
        text.push_str(&format!(
            "[[general.errors]]\nstatus = {}\nmeaning = \"\"\n",
            100 + i % 400
        ));
    }
    let report = check_str("errors.toml", &text);
    let max = error_catalogue_build::diagnostic::MAX_DIAGNOSTICS;
    assert_eq!(report.diagnostics.len(), max + 1);
    let last = report.diagnostics.last().unwrap();
    assert_eq!(last.code, Code::Limit);
    assert!(last.message.contains("MAX_DIAGNOSTICS"), "{}", last.message);
}

#[test]
fn e0018_allow_takes_only_warnings() {
    let text = edit(
        "meaning = \"Not Found\"",
        "meaning = \"Not Found\"\nallow = [\"non-canonical-meanig\", \"E0007\", \"W0002\"]",
    );
    insta::assert_snapshot!(
        "e0018",
        check(&text, &[("E0018", 22, 10), ("E0018", 22, 34)])
    );
}

#[test]
fn w0001_non_canonical_meaning_and_allow() {
    let text = edit("meaning = \"Not Found\"", "meaning = \"Not found\"");
    insta::assert_snapshot!("w0001", check(&text, &[("W0001", 21, 11)]));
    for allow in ["non-canonical-meaning", "W0001", "w0001"] {
        let allowed = text.replace(
            "meaning = \"Not found\"",
            &format!("meaning = \"Not found\"\nallow = [\"{allow}\"]"),
        );
        check(&allowed, &[]);
    }
}

#[test]
fn w0002_redundant_entry_and_allow() {
    let text = format!("{BASE}\n[[endpoints.errors]]\nstatus = 400\nmeaning = \"Bad Request\"\n");
    insta::assert_snapshot!("w0002", check(&text, &[("W0002", 24, 10)]));
    check(&format!("{text}allow = [\"redundant-entry\"]\n"), &[]);
}

#[test]
fn w0003_non_retryable_5xx_and_allow() {
    let text = format!(
        "{BASE}\n[[endpoints.errors]]\nstatus = 503\nmeaning = \"Service Unavailable\"\nretryable = false\n"
    );
    insta::assert_snapshot!("w0003", check(&text, &[("W0003", 26, 13)]));
    check(&format!("{text}allow = [\"W0003\"]\n"), &[]);
}

#[test]
fn every_problem_in_one_run() {
    let text = edit("status = 404", "status = \"404\"")
        .replace("[general]", "[general]\ncolour = \"red\"")
        .replace("method = \"GET\"", "method = \"FETCH\"")
        .replace("meaning = \"Bad Request\"", "meaning = \"\"");
    let report = check_str("errors.toml", &text);
    let codes: Vec<&str> = found(&report).iter().map(|f| f.0).collect();
    assert_eq!(codes, ["E0003", "E0013", "E0014", "E0005"]);
}

#[test]
fn every_code_has_a_distinct_id_and_name() {
    let mut ids: Vec<&str> = Code::ALL.iter().map(|c| c.id()).collect();
    let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
    ids.sort_unstable();
    names.sort_unstable();
    ids.dedup();
    names.dedup();
    assert_eq!(ids.len(), Code::ALL.len());
    assert_eq!(names.len(), Code::ALL.len());
}

#[test]
fn a_table_where_rows_belong() {
    let text = edit("[[general.errors]]", "[general.errors]");
    let report = check_str("errors.toml", &text);
    assert_eq!(found(&report), [("E0005", 10, 1)]);
    assert_eq!(
        report.diagnostics[0].message,
        "`errors` must be an array of tables, found a table"
    );
    assert_eq!(
        report.diagnostics[0].hint.as_deref(),
        Some("write each row as `[[general.errors]]` followed by its keys")
    );
}

#[test]
fn syntax_errors_still_report_unknown_keys_but_no_guesses() {
    // The broken line leaves `meaning` unread: no "missing key" guess for it,
    // but the misspelt key elsewhere is still reported.
    let text = edit("meaning = \"Bad Request\"", "meaning = \"Bad Request")
        .replace("method = \"GET\"", "methd = \"GET\"");
    let report = check_str("errors.toml", &text);
    assert_eq!(found(&report), [("E0002", 12, 23), ("E0003", 16, 1)]);
    assert!(report.catalogue.is_none());
}

#[test]
fn e0017_more_parameters_than_a_match_holds() {
    let eight = "/v1/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}";
    check(&edit("/v1/tracker/{id}", eight), &[]);
    let nine = "/v1/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}";
    let text = check(&edit("/v1/tracker/{id}", nine), &[("E0017", 17, 8)]);
    assert!(text.contains("has 9 parameters; the limit is 8"), "{text}");
}

/// `BASE` with the `[api]` table `api` before `[general]`, and one more
/// endpoint per `(name, method, path)`.
fn with_api(api: &str, endpoints: &[(&str, &str, &str)]) -> String {
    let mut text = edit("[general]", &format!("{api}\n[general]"));
    for (name, method, path) in endpoints {
        text.push_str(&format!(
            "\n[[endpoints]]\nname = \"{name}\"\nmethod = \"{method}\"\npath = \"{path}\"\n"
        ));
    }
    text
}

#[test]
fn e0016_multi_segment_parameters_and_base_paths() {
    // Not ambiguous: the literal tail ranks first, and the fewest segments win.
    check(
        &with_api(
            "",
            &[
                ("A", "GET", "/a/{*x}"),
                ("B", "GET", "/a/{*y}/b"),
                ("C", "GET", "/a/{z}"),
            ],
        ),
        &[],
    );
    // The same requests at the same priority: the second is located.
    let text = with_api("", &[("A", "GET", "/a/{*x}"), ("B", "GET", "/a/{*y}/")]);
    let rendered = check(&text, &[("E0016", 32, 8)]);
    assert!(
        rendered.contains("GET /a/{*y}/ matches the same requests as GET /a/{*x}"),
        "{rendered}"
    );
    // Under a base path `/{version}`, `/x` collides with the template `/{id}/x`.
    let text = with_api(
        "[api]\nbase_paths = [\"\", \"/{version}\"]\n",
        &[("A", "GET", "/{id}/x"), ("B", "GET", "/x")],
    );
    let rendered = check(&text, &[("E0016", 34, 8)]);
    assert!(
        rendered.contains(
            "GET /x under base path \"/{version}\" matches the same requests as GET /{id}/x under base path \"\""
        ),
        "{rendered}"
    );
    // With one base path only, they never meet.
    check(
        &with_api(
            "[api]\nbase_paths = [\"/{version}\"]\n",
            &[("A", "GET", "/{id}/x"), ("B", "GET", "/x")],
        ),
        &[],
    );
}

#[test]
fn e0016_mixed_segments() {
    // More literal text decides: no ambiguity.
    check(
        &with_api(
            "",
            &[
                ("A", "GET", "/v1/{name}"),
                ("B", "GET", "/v1/{name}:cancel"),
                ("C", "GET", "/v1/{id}.{format}"),
                ("D", "GET", "/v1/{id}.tarball.{format}"),
                ("E", "GET", "/v1/{file}.json"),
                ("F", "GET", "/v1/{file}.yaml"),
                ("G", "GET", "/v1/thumbnail.png"),
            ],
        ),
        &[],
    );
    // As much text, and `vx` matches both: undecided.
    let text = with_api(
        "",
        &[
            ("A", "GET", "/api/v{major}/x"),
            ("B", "GET", "/api/{n}x/{p}"),
        ],
    );
    insta::assert_snapshot!("e0016_mixed", check(&text, &[("E0016", 32, 8)]));
    // The same key, names aside.
    let text = with_api(
        "",
        &[
            ("A", "GET", "/{id}.{format}"),
            ("B", "GET", "/{name}.{ext}/"),
        ],
    );
    let rendered = check(&text, &[("E0016", 32, 8)]);
    assert!(
        rendered.contains("GET /{name}.{ext}/ matches the same requests as GET /{id}.{format}"),
        "{rendered}"
    );
    // Never the same request: no ambiguity, whatever the text.
    check(
        &with_api(
            "",
            &[("A", "GET", "/api/v{major}/x"), ("B", "GET", "/api/{n}x/y")],
        ),
        &[],
    );
}

#[test]
fn e0019_bad_base_paths() {
    let text = with_api(
        "[api]\nbase_paths = [\"\", \"/v1/\", \"/{v}\", \"/{w}\", \"/{*rest}\", \"/api/{id}\", \"v2\"]\n",
        &[],
    );
    let report = check_str("errors.toml", &text);
    assert_eq!(
        found(&report),
        [
            ("E0019", 8, 19),
            ("E0019", 8, 35),
            ("E0019", 8, 43),
            ("E0019", 8, 55),
            ("E0019", 8, 68),
        ],
        "{}",
        report.render(false)
    );
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "base path \"/v1/\" ends with `/` (write \"\" for no prefix, else drop the slash)",
            "base path \"/{w}\" takes the same prefixes as an earlier one",
            "base path \"/{*rest}\" has a multi-segment parameter, which only a template may have",
            "base path parameter `id` is also a parameter of GET /v1/tracker/{id}",
            "base path \"v2\" does not start with `/`",
        ]
    );
    insta::assert_snapshot!("e0019", report.render(false));
}

#[test]
fn e0017_base_path_parameters_count_toward_the_limit() {
    let eight = "/v1/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}";
    let text = edit("/v1/tracker/{id}", eight).replace(
        "[general]",
        "[api]\nbase_paths = [\"/{version}\"]\n\n[general]",
    );
    let rendered = check(&text, &[("E0017", 20, 8)]);
    assert!(
        rendered.contains("has 9 parameters (with a base path's 1); the limit is 8"),
        "{rendered}"
    );
}

#[test]
fn base_paths_reach_the_catalogue() {
    let text = with_api("[api]\nbase_paths = [\"\", \"/v1.43\"]\n", &[]);
    let report = check_str("errors.toml", &text);
    let catalogue = report.catalogue.expect("valid");
    assert_eq!(catalogue.base_paths, ["", "/v1.43"]);
    let unknown = with_api("[api]\nbase_path = [\"/v1\"]\n", &[]);
    let rendered = check(&unknown, &[("E0003", 8, 1)]);
    assert!(
        rendered.contains("did you mean `base_paths`?"),
        "{rendered}"
    );
}

// The tests below pin what mutation testing (scripts/mutants.sh) found no
// test holding down in validate.rs (those that need the model are its unit
// tests).

#[test]
fn e0013_hints_say_what_to_do_with_each_empty_key() {
    let hint = |text: &str| {
        let report = check_str("errors.toml", text);
        assert_eq!(report.diagnostics.len(), 1, "{}", report.render(false));
        assert_eq!(report.diagnostics[0].code, Code::EmptyText);
        report.diagnostics[0].hint.clone().unwrap()
    };
    let intro = edit("slug = \"/errors/\"", "slug = \"/errors/\"\nintro = [\"\"]");
    assert_eq!(hint(&intro), "remove the empty element");
    let imports = edit(
        "slug = \"/errors/\"",
        "slug = \"/errors/\"\nimports = [\" \"]",
    );
    assert_eq!(hint(&imports), "remove the empty element");
    let deprecated = edit(
        "path = \"/v1/tracker/{id}\"",
        "path = \"/v1/tracker/{id}\"\ndeprecated = \"\"",
    );
    assert_eq!(
        hint(&deprecated),
        "say why it is deprecated and what to use instead, or leave the key out if it is not"
    );
    let description = edit(
        "meaning = \"Not Found\"",
        "meaning = \"Not Found\"\ndescription = \"\"",
    );
    assert_eq!(
        hint(&description),
        "write the description, or leave the key out: it is optional"
    );
    let id = edit("id = \"errors\"", "id = \"\"");
    assert_eq!(hint(&id), "write the id: it is required");
}

#[test]
fn w0003_only_for_a_5xx_marked_not_retryable() {
    let row = |status: u16, meaning: &str, retryable: bool| {
        format!(
            "{BASE}\n[[endpoints.errors]]\nstatus = {status}\nmeaning = \"{meaning}\"\nretryable = {retryable}\n"
        )
    };
    check(&row(409, "Conflict", false), &[]);
    check(&row(503, "Service Unavailable", true), &[]);
    check(&row(409, "Conflict", true), &[]);
    check(
        &row(500, "Internal Server Error", false),
        &[("W0003", 26, 13)],
    );
}

#[test]
fn a_broken_endpoint_is_not_also_checked_for_redundant_rows() {
    // The endpoint's row repeats the general table's, which alone is W0002;
    // an endpoint with an error of its own is dropped before that check.
    let redundant = "\n[[endpoints.errors]]\nstatus = 400\nmeaning = \"Bad Request\"\n";
    let bad_slug = edit(
        "name = \"Get Tracker\"",
        "name = \"Get Tracker\"\nslug = \"Get_Tracker\"",
    );
    check(&format!("{bad_slug}{redundant}"), &[("E0012", 16, 8)]);
    let twice = format!("{BASE}{}{redundant}", SECOND.replace("NAME", "Get Tracker"));
    check(&twice, &[("E0008", 24, 8)]);
}

#[test]
fn e0009_names_that_clash_only_ignoring_case() {
    // "Gettracker" differs from "Get Tracker" in name, identifier
    // (`Gettracker`, `GetTracker`) and slug, but not ignoring case.
    let text = format!("{BASE}{}", SECOND.replace("NAME", "Gettracker"));
    let report = check_str("errors.toml", &text);
    assert_eq!(
        found(&report),
        [("E0009", 24, 8)],
        "{}",
        report.render(false)
    );
    let d = &report.diagnostics[0];
    assert!(d.message.contains("ignoring case"), "{}", d.message);
    // The earlier endpoint is pointed at; the general table's reserved names
    // have no place in the file to point at.
    let first = BASE.find("\"Get Tracker\"").unwrap();
    assert_eq!(
        d.related,
        Some((
            first..first + "\"Get Tracker\"".len(),
            "also names this one".to_string()
        ))
    );
    let text = format!("{BASE}{}", SECOND.replace("NAME", "General"));
    let report = check_str("errors.toml", &text);
    assert_eq!(found(&report), [("E0009", 24, 8)]);
    assert_eq!(report.diagnostics[0].related, None);
}

#[test]
fn e0015_a_parameter_segment_has_one_brace_each_side() {
    for path in ["/v1/{{id}", "/v1/{id}}"] {
        let report = check_str("errors.toml", &edit("/v1/tracker/{id}", path));
        assert_eq!(found(&report), [("E0015", 17, 8)], "{path}");
    }
}

// And in schema.rs.

#[test]
fn after_a_syntax_error_no_model_is_validated() {
    // The recovered tree would make an endpoint with a bad method (E0014):
    // guesses after a syntax error are not reported.
    let text = edit("meaning = \"Bad Request\"", "meaning = \"Bad Request")
        .replace("method = \"GET\"", "method = \"FETCH\"");
    let report = check_str("errors.toml", &text);
    assert_eq!(
        found(&report),
        [("E0002", 12, 23)],
        "{}",
        report.render(false)
    );
    assert!(report.catalogue.is_none());
}

/// The hint of the one diagnostic `text` has, which must be E0005.
fn wrong_type_hint(text: &str) -> String {
    let report = check_str("errors.toml", text);
    assert_eq!(report.diagnostics.len(), 1, "{}", report.render(false));
    assert_eq!(report.diagnostics[0].code, Code::WrongType);
    report.diagnostics[0].hint.clone().unwrap()
}

#[test]
fn e0005_hints_guess_the_value_meant() {
    let status = |value: &str| wrong_type_hint(&edit("status = 400", &format!("status = {value}")));
    assert_eq!(
        status("404.0"),
        "write the status as a bare integer: `status = 404`"
    );
    for unclear in ["400.5", "1000.0", "99.0"] {
        assert_eq!(
            status(unclear),
            "write the status as a bare integer, e.g. `status = 404`",
            "{unclear}"
        );
    }
    let retryable = |value: &str| {
        wrong_type_hint(&edit(
            "meaning = \"Bad Request\"",
            &format!("meaning = \"Bad Request\"\nretryable = {value}"),
        ))
    };
    for (value, meant) in [
        ("\"yes\"", "true"),
        ("\"No\"", "false"),
        ("\" n \"", "false"),
        ("\"0\"", "false"),
        ("1", "true"),
        ("0", "false"),
    ] {
        assert_eq!(
            retryable(value),
            format!("write a bare boolean: `retryable = {meant}`"),
            "{value}"
        );
    }
    for unclear in ["2", "\"maybe\"", "1.0"] {
        assert_eq!(
            retryable(unclear),
            "write `retryable = true` or `retryable = false`",
            "{unclear}"
        );
    }
    let title =
        |value: &str| wrong_type_hint(&edit("title = \"HTTP Codes\"", &format!("title = {value}")));
    assert_eq!(title("[\"HTTP\"]"), "write `title = \"...\"`");
    assert_eq!(title("{ text = \"HTTP\" }"), "write `title = \"...\"`");
    assert_eq!(title("42"), "quote the value: `title = \"42\"`");
}

// Application codes: `[[codes]]`, a row's `codes`, `[api] code_pointers`.

/// `BASE` with the 404 row listing `listed` (a TOML array) when given, and
/// `codes` (`[[codes]]` tables) after it: the row's `codes` is line 22.
fn with_codes(listed: Option<&str>, codes: &str) -> String {
    let text = match listed {
        Some(listed) => edit(
            "meaning = \"Not Found\"",
            &format!("meaning = \"Not Found\"\ncodes = {listed}"),
        ),
        None => BASE.to_string(),
    };
    format!("{text}{codes}")
}

/// A `[[codes]]` table for `code` (as TOML) with `status` when given.
fn code(code: &str, status: Option<u16>) -> String {
    let status = status.map_or(String::new(), |s| format!("status = {s}\n"));
    format!("\n[[codes]]\ncode = {code}\n{status}meaning = \"Meaning\"\n")
}

#[test]
fn codes_listed_by_rows_check_clean() {
    let text = with_codes(
        Some("[\"tracker_missing\", \"tracker_gone\"]"),
        &format!(
            "{}{}",
            code("\"tracker_missing\"", Some(404)),
            code("\"tracker_gone\"", None)
        ),
    );
    check(&text, &[]);
}

#[test]
fn e0020_duplicate_code_names_the_first() {
    let text = with_codes(
        None,
        &format!(
            "{}{}",
            code("\"tracker_missing\"", None),
            code("\"tracker_missing\"", Some(404))
        ),
    );
    insta::assert_snapshot!("e0020", check(&text, &[("E0020", 28, 8)]));
    // Integers compare by value, however written.
    let text = with_codes(None, &format!("{}{}", code("16", None), code("0x10", None)));
    check(&text, &[("E0020", 28, 8)]);
    // Strings compare exactly: these are two codes, though one identifier.
    let text = with_codes(
        None,
        &format!("{}{}", code("\"a_b\"", None), code("\"A_B\"", None)),
    );
    check(&text, &[("E0010", 28, 8)]);
}

#[test]
fn e0021_unknown_code_with_did_you_mean() {
    let text = with_codes(
        Some("[\"trackr_missing\"]"),
        &code("\"tracker_missing\"", None),
    );
    insta::assert_snapshot!("e0021", check(&text, &[("E0021", 22, 10)]));
    let hint = |listed: &str, codes: &str| {
        // A code no suggestion names is also unlisted (W0004).
        let report = check_str("errors.toml", &with_codes(Some(listed), codes));
        assert_eq!(
            found(&report)[0],
            ("E0021", 22, 10),
            "{}",
            report.render(false)
        );
        report.diagnostics[0].hint.clone().unwrap()
    };
    assert_eq!(
        hint("[40140]", &code("\"40140\"", None)),
        "the catalogue's codes are strings: write \"40140\""
    );
    assert_eq!(
        hint("[\"40140\"]", &code("40140", None)),
        "the catalogue's codes are integers: write 40140"
    );
    assert_eq!(
        hint("[\"zzz\"]", &code("\"tracker_missing\"", None)),
        "add a [[codes]] entry with `code = \"zzz\"`, or remove it from the row"
    );
    assert_eq!(
        hint("[\"zzz\"]", ""),
        "add a [[codes]] entry with `code = \"zzz\"`, or remove it from the row"
    );
}

#[test]
fn e0021_not_reported_when_a_code_entry_was_left_unread() {
    // The entry lacks `meaning`: it is left out, and the row's code may be it.
    let text = with_codes(
        Some("[\"tracker_missing\"]"),
        "\n[[codes]]\ncode = \"tracker_missing\"\n",
    );
    check(&text, &[("E0004", 24, 1)]);
}

#[test]
fn e0022_code_status_mismatch() {
    let text = with_codes(
        Some("[\"tracker_gone\"]"),
        &code("\"tracker_gone\"", Some(410)),
    );
    insta::assert_snapshot!("e0022", check(&text, &[("E0022", 22, 10)]));
    // A code with no status goes in any row, 2xx too.
    let text = with_codes(None, &code("\"not_ok\"", None)).replace(
        "status = 400\nmeaning = \"Bad Request\"",
        "status = 200\nmeaning = \"OK\"\ncodes = [\"not_ok\"]",
    );
    check(&text, &[]);
}

#[test]
fn e0023_code_listed_twice() {
    let text = with_codes(
        Some("[\"tracker_missing\", \"tracker_missing\"]"),
        &code("\"tracker_missing\"", None),
    );
    insta::assert_snapshot!("e0023", check(&text, &[("E0023", 22, 29)]));
}

#[test]
fn e0024_mixed_kinds_on_the_first_of_the_other_kind() {
    let codes = format!(
        "{}{}{}",
        code("\"tracker_missing\"", None),
        code("40140", None),
        code("40141", None)
    );
    let text = with_codes(None, &codes);
    insta::assert_snapshot!("e0024", check(&text, &[("E0024", 28, 8)]));
    // The first code's kind is the catalogue's, however few share it.
    let text = with_codes(
        None,
        &format!("{}{}", code("40140", None), code("\"a\"", None)),
    );
    let report = check_str("errors.toml", &text);
    assert_eq!(found(&report), [("E0024", 28, 8)]);
    assert_eq!(
        report.diagnostics[0].message,
        "code \"a\" is a string, but the catalogue's codes are integers"
    );
}

#[test]
fn e0025_bad_codes() {
    let codes = format!(
        "{}{}{}{}{}",
        code("\"\"", None),
        code("\"a\\tb\"", None),
        code("\"!!\"", None),
        code("-1", None),
        code("99999999999999999999", None)
    );
    let text = with_codes(None, &codes);
    insta::assert_snapshot!(
        "e0025",
        check(
            &text,
            &[
                ("E0025", 24, 8),
                ("E0025", 28, 8),
                ("E0025", 32, 8),
                ("E0025", 36, 8),
                ("E0025", 40, 8),
            ]
        )
    );
    // In a row too.
    let text = with_codes(Some("[-1]"), &code("1", None));
    check(&text, &[("E0025", 22, 10)]);
}

#[test]
fn e0026_bad_code_pointers() {
    let text = with_api(
        "[api]\ncode_pointers = [\"\", \"/error/code\", \"error.code\", \"/a~2\"]\n",
        &[],
    );
    insta::assert_snapshot!("e0026", check(&text, &[("E0026", 8, 37), ("E0026", 8, 51)]));
}

#[test]
fn w0004_unlisted_code_and_allow() {
    let listed = code("\"tracker_missing\"", None);
    let text = with_codes(
        Some("[\"tracker_missing\"]"),
        &format!("{listed}{}", code("\"tracker_gone\"", None)),
    );
    insta::assert_snapshot!("w0004", check(&text, &[("W0004", 29, 8)]));
    check(&format!("{text}allow = [\"unlisted-code\"]\n"), &[]);
    // A registry, whose rows list no codes: nothing is unlisted.
    check(&with_codes(None, &listed), &[]);
}

#[test]
fn code_statuses_texts_and_retryable_as_for_rows() {
    let text = with_codes(None, &code("\"x\"", Some(700)));
    check(&text, &[("E0006", 25, 10)]);
    let text = with_codes(None, &code("\"x\"", None).replace("\"Meaning\"", "\" \""));
    check(&text, &[("E0013", 25, 11)]);
    let text = format!(
        "{}retryable = false\n",
        with_codes(None, &code("\"x\"", Some(503)))
    );
    check(&text, &[("W0003", 27, 13)]);
    check(&format!("{text}allow = [\"W0003\"]\n"), &[]);
}

#[test]
fn code_names_collide_with_the_page_anchors_and_constants() {
    // `code-x-404` is the anchor of the endpoint "Code X"'s 404 row, and of
    // the code `x_404`.
    let second = "\n[[endpoints]]\nname = \"Code X\"\nmethod = \"GET\"\npath = \"/x\"\n\n[[endpoints.errors]]\nstatus = 404\nmeaning = \"Not Found\"\n";
    let text = format!("{BASE}{second}{}", code("\"x_404\"", None));
    let report = check_str("errors.toml", &text);
    assert_eq!(
        found(&report),
        [("E0009", 33, 8)],
        "{}",
        report.render(false)
    );
    // `GET_TRACKER_404` is the row's constant, and the code's.
    let text = with_codes(None, &code("\"get_tracker_404\"", None));
    let rendered = check(&text, &[("E0010", 24, 8)]);
    assert!(
        rendered.contains("makes the constant `codes::GET_TRACKER_404`, as a row does"),
        "{rendered}"
    );
}

#[test]
fn code_keys_unknown_missing_and_mistyped() {
    let text = with_codes(None, &code("1.5", None).replace("meaning", "meanin"));
    let report = check_str("errors.toml", &text);
    assert_eq!(
        found(&report),
        [("E0004", 23, 1), ("E0005", 24, 8), ("E0003", 25, 1)],
        "{}",
        report.render(false)
    );
    let hint = report.diagnostics[2].hint.as_deref().unwrap();
    assert_eq!(
        hint,
        "did you mean `meaning`? [[codes]] has: code, status, meaning, description, resolution, retryable, example, allow, deprecated"
    );
    assert_eq!(
        report.diagnostics[1].message,
        "`code` must be a string or a non-negative integer, found a float: 1.5"
    );
    // A code's hint shows the key; a listed code's, the array's elements.
    assert_eq!(
        report.diagnostics[1].hint.as_deref(),
        Some("write the code as the API sends it: `code = \"card_declined\"` or `code = 40140`")
    );
    let text = with_codes(Some("\"x\""), &code("\"x\"", None));
    check(&text, &[("E0005", 22, 9)]);
    let text = with_codes(Some("[\"x\", true]"), &code("\"x\"", None));
    let report = check_str("errors.toml", &text);
    assert_eq!(found(&report), [("E0005", 22, 15)]);
    assert_eq!(
        report.diagnostics[0].message,
        "`codes` must be an array of strings or non-negative integers, found a boolean: true"
    );
    assert_eq!(
        report.diagnostics[0].hint.as_deref(),
        Some(
            "write each code as the API sends it: a string (`\"card_declined\"`) or an integer (`40140`)"
        )
    );
    let text = with_api("[api]\ncode_pointers = \"/error\"\n", &[]);
    check(&text, &[("E0005", 8, 17)]);
}

#[test]
fn code_rules_report_the_cause_once() {
    // An out-of-range status is E0006 alone: no mismatch with the row.
    let text = with_codes(Some("[\"x\"]"), &code("\"x\"", Some(700)));
    check(&text, &[("E0006", 26, 10)]);
    // A code defined twice and listed by no row: one W0004.
    let text = with_codes(
        Some("[\"x\"]"),
        &format!(
            "{}{}{}",
            code("\"x\"", None),
            code("\"y\"", None),
            code("\"y\"", None)
        ),
    );
    check(&text, &[("W0004", 29, 8), ("E0020", 33, 8)]);
    // The first code of the other kind is reported, once.
    let codes = format!(
        "{}{}{}",
        code("\"a\"", None),
        code("7", None),
        code("\"b\"", None)
    );
    let report = check_str("errors.toml", &with_codes(None, &codes));
    assert_eq!(found(&report), [("E0024", 28, 8)]);
    assert_eq!(
        report.diagnostics[0].message,
        "code 7 is an integer, but the catalogue's codes are strings"
    );
    // An endpoint's own slug makes anchors as a derived one does.
    let text = format!(
        "{}slug = \"code-x\"\n{}",
        SECOND.replace("NAME", "Other"),
        code("\"x\"", None)
    );
    check(&format!("{BASE}{text}"), &[("E0009", 30, 8)]);
}
