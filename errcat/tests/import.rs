//! `errcat import openapi` through the built binary: the OpenAPI round trip
//! of the shipped catalogue, three real API descriptions, bad input (one
//! located line per problem, exit 2, no file), and `-o` never leaving a
//! partial file.

use std::path::Path;

use error_catalogue_build::Catalogue;

mod common;
mod import_support;

use common::root;
use import_support::*;

#[test]
fn render_then_import_gives_the_shipped_catalogue_back() {
    let dir = scratch("round-trip");
    let shipped = checked(&root().join("errors.toml"));
    // errcat's own built-in catalogue, the shipped one.
    round_trip(&dir, &[], &shipped, "3 endpoints, 18 entries");
}

#[test]
fn render_then_import_gives_deprecations_back() {
    let dir = scratch("round-trip-deprecated");
    let shipped = std::fs::read_to_string(root().join("errors.toml")).unwrap();
    // A deprecated endpoint, a deprecated row of another endpoint, and a
    // deprecated general row (with an example table after the key).
    let mut text = shipped.clone();
    for (after, note) in [
        (
            "path = \"/v1/manage/tracker/{trackerId}\"\n",
            "Use `GET /v2/trackers/{trackerId}`: it answers \"410\" for deleted trackers.",
        ),
        ("status = 409\n", "Names are no longer unique."),
        ("status = 401\n", "Every endpoint answers 403 now."),
    ] {
        assert_eq!(text.matches(after).count(), 1, "{after}");
        text = text.replace(after, &format!("{after}deprecated = {note:?}\n"));
    }
    assert_ne!(text, shipped);
    let file = dir.join("deprecated.toml");
    std::fs::write(&file, &text).unwrap();
    let catalogue = checked(&file);
    let deprecated: Vec<(&str, u16, &str)> = catalogue
        .endpoints
        .iter()
        .flat_map(|e| e.entries.iter().map(move |r| (e.slug.as_str(), r)))
        .chain(catalogue.general.entries.iter().map(|r| ("general", r)))
        .filter_map(|(slug, r)| Some((slug, r.status, r.deprecated.as_deref()?)))
        .collect();
    assert_eq!(
        deprecated,
        [
            ("create-trackers", 409, "Names are no longer unique."),
            ("general", 401, "Every endpoint answers 403 now."),
        ]
    );
    let endpoints: Vec<(&str, Option<&str>)> = catalogue
        .endpoints
        .iter()
        .map(|e| (e.slug.as_str(), e.deprecated.as_deref()))
        .collect();
    assert_eq!(
        endpoints,
        [
            ("async-text-api", None),
            ("create-trackers", None),
            (
                "get-tracker",
                Some(
                    "Use `GET /v2/trackers/{trackerId}`: it answers \"410\" for deleted trackers."
                )
            ),
        ]
    );
    round_trip(
        &dir,
        &["--catalogue", "deprecated.toml"],
        &catalogue,
        "3 endpoints, 18 entries",
    );
}

/// A catalogue with application codes: the registry (string codes, a
/// code of any status, a deprecated one, one allowed unlisted, an example),
/// the codes rows list (a 200 row's among them) and `[api] code_pointers`
/// come back, all of it.
#[test]
fn render_then_import_gives_application_codes_back() {
    let dir = scratch("round-trip-codes");
    let file = root().join("error-catalogue-build/tests/fixtures/codes.toml");
    let catalogue = checked(&file);
    assert_eq!(catalogue.codes.len(), 4);
    assert_eq!(catalogue.code_pointers, ["/error/code", "/error"]);
    let file = file.to_str().unwrap();
    round_trip(
        &dir,
        &["--catalogue", file],
        &catalogue,
        "2 endpoints, 5 entries, 4 codes",
    );
}

/// The real catalogues with codes: Ably's 276 integer codes, and Slack's
/// string codes sent with 200, listed by 2xx rows.
#[test]
fn render_then_import_gives_the_real_code_catalogues_back() {
    for (name, path, counts) in [
        (
            "ably",
            "catalogues/ably/errors.toml",
            "5 endpoints, 28 entries, 276 codes",
        ),
        (
            "slack",
            "tests/fixtures/slack-codes.toml",
            "3 endpoints, 4 entries, 22 codes",
        ),
    ] {
        let dir = scratch(&format!("round-trip-{name}"));
        let file = root().join(path);
        let catalogue = checked(&file);
        assert!(!catalogue.codes.is_empty(), "{name}");
        round_trip(
            &dir,
            &["--catalogue", file.to_str().unwrap()],
            &catalogue,
            counts,
        );
    }
}

/// Codes made of Markdown, MDX and HTML syntax, quotes and backslashes
/// come back as sent.
#[test]
fn render_then_import_gives_hostile_codes_back() {
    let dir = scratch("round-trip-hostile-codes");
    let file = root().join("tests/fixtures/hostile-codes.toml");
    let catalogue = checked(&file);
    let file = file.to_str().unwrap();
    round_trip(
        &dir,
        &["--catalogue", file],
        &catalogue,
        "1 endpoints, 2 entries, 14 codes",
    );
}

/// Integer codes come back as integers.
#[test]
fn render_then_import_gives_integer_codes_back() {
    let dir = scratch("round-trip-integer-codes");
    let text = r#"
[page]
id = "errors"
title = "Errors"
slug = "/errors/"
docs_base_url = "https://example.com/docs"

[general]
title = "General"

[[general.errors]]
status = 401
meaning = "Unauthorized"
codes = [40140, 40142]

[[codes]]
code = 40140
status = 401
meaning = "Token error"
resolution = "Request a new token."

[[codes]]
code = 40142
status = 401
meaning = "Token expired"

[[codes]]
code = 50000
meaning = "Internal error"
retryable = true
allow = ["unlisted-code"]
"#;
    let file = dir.join("integer.toml");
    std::fs::write(&file, text).unwrap();
    let catalogue = checked(&file);
    round_trip(
        &dir,
        &["--catalogue", "integer.toml"],
        &catalogue,
        "0 endpoints, 1 entries, 3 codes",
    );
    let toml = std::fs::read_to_string(dir.join("openapi.json.toml")).unwrap();
    assert!(toml.contains("codes = [40140, 40142]\n"), "{toml}");
    assert!(
        toml.contains(
            "[[codes]]\ncode = 50000\nmeaning = \"Internal error\"\nallow = [\"unlisted-code\"]\n"
        ),
        "{toml}"
    );
}

/// Renders a catalogue (errcat's `args` say which) as OpenAPI JSON and
/// YAML in `dir`, imports each back, and checks that the import is
/// `expected`, all of it, and checks without warnings.
fn round_trip(dir: &Path, args: &[&str], expected: &Catalogue, counts: &str) {
    for (format, file) in [
        ("openapi", "openapi.json"),
        ("openapi-yaml", "openapi.yaml"),
    ] {
        errcat()
            .current_dir(dir)
            .args(args)
            .args(["render", "--format", format, "-o", file])
            .assert()
            .success();
        let toml = format!("{file}.toml");
        let out = errcat()
            .current_dir(dir)
            .args(["import", "openapi", file, "-o", &toml])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!("errcat: wrote {toml}: {counts} from OpenAPI 3.1.0 {file}\n")
        );
        // Endpoints, entries (status, meaning, description, resolution,
        // retryable, example, deprecated), page and general table: all of it.
        assert_eq!(&checked(&dir.join(&toml)), expected, "{format}");
        errcat()
            .current_dir(dir)
            .args(["check", &toml, "--deny-warnings"])
            .assert()
            .success();
    }
}

#[test]
fn docker_engine_swagger_2_yaml() {
    let (text, catalogue, stderr) = import_fixture("docker-engine-v1.56.yaml");
    assert!(
        stderr.contains("errors.toml: 24 endpoints, 62 entries from Swagger 2.0 ")
            && stderr.ends_with("/docker-engine-v1.56.yaml\n"),
        "{stderr}"
    );
    assert_eq!(catalogue.endpoints.len(), 24);
    // The schema line first (Taplo reads it; to TOML a comment), then the header.
    assert!(text.starts_with(
        "#:schema https://raw.githubusercontent.com/error-catalogue/error-catalogue/main/schema/errors-toml.schema.json\n\
         # Docker Engine API: the error responses its Swagger 2.0 description documents, as data.\n\
         # Imported from docker-engine-v1.56.yaml by `errcat import openapi`, info.version 1.56.\n"
    ));
    assert!(
        text.contains(
            "# - Requests carry a base path (basePath: \"/v1.56\") before these templates"
        ),
        "{text}"
    );
    assert!(
        text.contains("\n[api]\nbase_paths = [\n    \"/v1.56\",\n]\n"),
        "{text}"
    );
    assert_eq!(catalogue.base_paths, ["/v1.56"]);
    // The same rows as the hand-made catalogue of the same spec.
    let hand_made = checked(&root().join("catalogues/docker-engine/errors.toml"));
    let inspect = |c: &Catalogue| {
        c.endpoints
            .iter()
            .find(|e| e.name == "Container Inspect")
            .unwrap()
            .clone()
    };
    let (imported, hand) = (inspect(&catalogue), inspect(&hand_made));
    assert_eq!(
        (imported.method.as_str(), imported.path.as_str()),
        ("GET", "/containers/{id}/json")
    );
    assert_eq!((&imported.slug, &imported.ident), (&hand.slug, &hand.ident));
    assert_eq!(imported.entries[0].description, hand.entries[0].description);
    assert_eq!(imported.entries[0].status, 404);
    // The spec's example body, in the spec's key order.
    assert_eq!(
        imported.entries[0].example.as_ref().unwrap().body,
        "{\n  \"message\": \"No such container: c2ada9df5af8\"\n}"
    );
    assert_eq!(
        imported.entries[1].description.as_deref(),
        Some("server error")
    );
}

#[test]
fn box_platform_openapi_3_0_json() {
    let (text, catalogue, stderr) = import_fixture("box-platform-2024.0.json");
    assert!(
        stderr.contains("errors.toml: 18 endpoints, 44 entries, 15 codes from OpenAPI 3.0.2 ")
            && stderr.ends_with(
                "/box-platform-2024.0.json (12 operations without a 4xx or 5xx response left out)\n"
            ),
        "{stderr}"
    );
    assert_eq!(catalogue.page.docs_base_url, "https://developer.box.com");
    assert!(
        text.contains(
            "\n# - Left out: 12 operations without a 4xx or 5xx response (GET /authorize,"
        )
    );
    assert!(text.contains(
        "\n# The spec also documents `default` (\"An unexpected client error.\"), which names no status.\n[[endpoints]]\nname = \"Get Files Id\"\n"
    ));
    let file = catalogue
        .endpoints
        .iter()
        .find(|e| e.slug == "get-files-id")
        .unwrap();
    // Soft-wrapped Markdown joined as Markdown reads it; code spans kept.
    assert_eq!(
        file.entries[0].description.as_deref(),
        Some(
            "Returned when the access token provided in the `Authorization` header is not recognized or not provided."
        )
    );
}

#[test]
fn museum_openapi_3_1_yaml_reads_as_written_by_hand() {
    let (text, catalogue, _) = import_fixture("museum-1.2.1.yaml");
    // 400 and 404 are documented alike by every operation: the general table.
    let general: Vec<u16> = catalogue.general.entries.iter().map(|e| e.status).collect();
    assert_eq!(general, [400, 404]);
    insta::assert_snapshot!(text);
}

#[test]
fn a_thousand_operations_import_and_check() {
    let mut paths = Vec::new();
    for i in 0..1000 {
        paths.push(format!(
            r#""/v1/resource{i}/{{id}}": {{"get": {{"operationId": "getResource{i}", "responses": {{
              "200": {{"description": "OK"}},
              "404": {{"description": "No resource {i} with this id.", "content": {{"application/json": {{"example": {{"message": "not found"}}}}}}}},
              "429": {{"description": "Slow down."}},
              "default": {{"description": "Unexpected error."}}}}}}}}"#
        ));
    }
    let spec = format!(
        r#"{{"openapi": "3.1.0", "info": {{"title": "Big", "version": "1"}}, "paths": {{{}}}}}"#,
        paths.join(",\n")
    );
    let started = std::time::Instant::now();
    let imported = error_catalogue_build::import::openapi("big.json", &spec).unwrap();
    let took = started.elapsed();
    assert_eq!((imported.endpoints, imported.entries), (1000, 1001));
    let report = error_catalogue_build::check_str("big.toml", &imported.toml);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    // Release builds take well under a second (BENCHMARKS.md); this bound
    // only catches a blow-up in an unoptimised test build.
    assert!(took.as_secs() < 20, "{took:?}");
}

#[test]
fn deprecated_operations_and_entries_are_deprecated_in_the_catalogue() {
    let dir = scratch("deprecated");
    // An operation marked deprecated, without and with an `x-endpoint` note
    // (an empty note says nothing), and `x-entry` notes on responses.
    std::fs::write(
        dir.join("trackers.json"),
        r#"{"openapi": "3.1.0", "info": {"title": "Trackers", "version": "2"}, "paths": {
  "/v1/trackers": {
    "post": {"operationId": "createTrackerV1", "deprecated": true,
      "x-endpoint": {"deprecated": ""},
      "responses": {"400": {"description": "Bad tracker."}}}
  },
  "/v1/trackers/{id}": {
    "get": {"operationId": "getTrackerV1", "deprecated": true,
      "responses": {"404": {"description": "No such tracker."}}},
    "delete": {"operationId": "deleteTracker", "deprecated": true,
      "x-endpoint": {"name": "Delete Tracker", "slug": "delete-tracker",
        "deprecated": "Use Archive Tracker: POST /v2/trackers/{id}/archive"},
      "responses": {
        "404": {"description": "No tracker to delete."},
        "409": {"description": "Locked.", "x-entry": {"status": 409, "meaning": "Conflict",
          "description": "The tracker is locked.",
          "deprecated": "Trackers are no longer locked: 409 is never sent."}}}}
  },
  "/v2/trackers/{id}": {
    "get": {"operationId": "getTracker", "deprecated": false,
      "responses": {
        "404": {"description": "No tracker with this id."},
        "410": {"description": "Gone.", "x-entry": {"status": 410, "meaning": "Gone",
          "retryable": false, "deprecated": "Deleted trackers answer 404 now."}}}}
  }
}}"#,
    )
    .unwrap();
    let out = errcat()
        .current_dir(&dir)
        .args(["import", "openapi", "trackers.json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "", "no warnings");
    let toml = String::from_utf8(out.stdout).unwrap();
    let endpoints = &toml[toml.find("[[endpoints]]").expect("endpoints")..];
    assert_eq!(
        endpoints,
        r#"[[endpoints]]
name = "Create Tracker V1"
slug = "create-tracker-v1"
method = "POST"
path = "/v1/trackers"
deprecated = "Deprecated in the spec."

[[endpoints.errors]]
status = 400
meaning = "Bad Request"
description = "Bad tracker."

[[endpoints]]
name = "Get Tracker V1"
slug = "get-tracker-v1"
method = "GET"
path = "/v1/trackers/{id}"
deprecated = "Deprecated in the spec."

[[endpoints.errors]]
status = 404
meaning = "Not Found"
description = "No such tracker."

[[endpoints]]
name = "Delete Tracker"
slug = "delete-tracker"
method = "DELETE"
path = "/v1/trackers/{id}"
deprecated = "Use Archive Tracker: POST /v2/trackers/{id}/archive"

[[endpoints.errors]]
status = 404
meaning = "Not Found"
description = "No tracker to delete."

[[endpoints.errors]]
status = 409
meaning = "Conflict"
description = "The tracker is locked."
deprecated = "Trackers are no longer locked: 409 is never sent."

[[endpoints]]
name = "Get Tracker"
slug = "get-tracker"
method = "GET"
path = "/v2/trackers/{id}"

[[endpoints.errors]]
status = 404
meaning = "Not Found"
description = "No tracker with this id."

[[endpoints.errors]]
status = 410
meaning = "Gone"
deprecated = "Deleted trackers answer 404 now."
"#
    );
    assert!(!toml.contains("# Deprecated"), "{toml}");
    let report = error_catalogue_build::check_str("errors.toml", &toml);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    let catalogue = report.catalogue.unwrap();
    let notes: Vec<Option<&str>> = catalogue
        .endpoints
        .iter()
        .map(|e| e.deprecated.as_deref())
        .collect();
    assert_eq!(
        notes,
        [
            Some("Deprecated in the spec."),
            Some("Deprecated in the spec."),
            Some("Use Archive Tracker: POST /v2/trackers/{id}/archive"),
            None,
        ]
    );
}

/// Runs `errcat import openapi NAME -o out.toml` in a scratch dir holding
/// `text` as NAME: exit 2, exactly `expected` on stderr, no out.toml.
fn fails(name: &str, text: &str, expected: &[&str]) {
    let dir = scratch(&name.replace('.', "-"));
    std::fs::write(dir.join(name), text).unwrap();
    let out = errcat()
        .current_dir(&dir)
        .args(["import", "openapi", name, "-o", "out.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty());
    let mut lines: Vec<String> = expected.iter().map(|l| l.to_string()).collect();
    let n = expected.len();
    lines.push(format!(
        "errcat: {name}: {n} problem{}, nothing written",
        if n == 1 { "" } else { "s" }
    ));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        lines.join("\n") + "\n"
    );
    assert_eq!(files_in(&dir), [name], "no output file");
}

#[test]
fn bad_input_is_one_located_line_per_problem() {
    fails(
        "bad.json",
        "{\"openapi\": \"3.0.0\",\n  \"info\": }\n",
        &["bad.json:2:11: error: invalid JSON: expected a value, found `}`"],
    );
    fails(
        "bad.yaml",
        "openapi: 3.1.0\ninfo:\n  title: [x\n",
        &["bad.yaml:4:1: error: invalid YAML: while parsing a flow sequence, expected ',' or ']'"],
    );
    fails(
        "not-a-spec.yaml",
        "name: my-package\nversion: 1.0.0\n",
        &[
            "not-a-spec.yaml:1:1: error: not an OpenAPI or Swagger document: it has no `openapi` or `swagger` key",
        ],
    );
    fails(
        "old.json",
        "{\"swagger\": \"1.2\"}",
        &[
            "old.json:1:13: error: unsupported Swagger version \"1.2\": errcat imports Swagger 2.0 and OpenAPI 3.0 and 3.1",
        ],
    );
    fails(
        "refs.yaml",
        "openapi: 3.0.3
info: {title: Refs, version: '1'}
paths:
  /a:
    get:
      responses:
        '404': {$ref: 'common.yaml#/components/responses/NotFound'}
        '409': {$ref: '#/components/responses/Conflict'}
components:
  responses: {}
",
        &[
            "refs.yaml:7:23: error: remote $ref \"common.yaml#/components/responses/NotFound\": errcat reads one file; bundle the spec first (e.g. `redocly bundle` or `swagger-cli bundle`)",
            "refs.yaml:8:23: error: $ref \"#/components/responses/Conflict\" points to nothing in this document",
        ],
    );
    // Every operation left out is no import at all.
    fails(
        "none.json",
        r#"{"openapi": "3.0.2", "info": {"title": "None", "version": "1"}, "paths": {
  "/search?q={q}": {"get": {"responses": {"404": {"description": "Not found."}}}}
}}"#,
        &[
            "none.json:2:3: error: GET /search?q={q}: the path template has `?` or `#` beside a parameter, which end a request's path (write `%3F` or `%23`) (segment `search?q={q}`): operation left out",
            "none.json: error: no operation of the spec could be imported",
        ],
    );
}

#[test]
fn an_oversized_spec_is_refused_before_it_is_parsed() {
    let dir = scratch("huge");
    let file = std::fs::File::create(dir.join("huge.json")).unwrap();
    file.set_len(50 << 20).unwrap();
    let out = errcat()
        .current_dir(&dir)
        .args(["import", "openapi", "huge.json", "-o", "out.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "huge.json: error: the spec is over 33554432 bytes (MAX_SPEC_BYTES); errcat imports specs up to 32 MiB\n\
         errcat: huge.json: 1 problem, nothing written\n"
    );
    assert_eq!(files_in(&dir), ["huge.json"]);
}

#[test]
fn a_failed_import_leaves_an_existing_output_file_as_it_was() {
    let dir = scratch("keep");
    std::fs::write(dir.join("bad.json"), "{").unwrap();
    std::fs::write(dir.join("errors.toml"), "# mine\n").unwrap();
    errcat()
        .current_dir(&dir)
        .args(["import", "openapi", "bad.json", "-o", "errors.toml"])
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_to_string(dir.join("errors.toml")).unwrap(),
        "# mine\n"
    );
    // A directory that cannot take the file: an error, and nothing left.
    std::fs::copy(fixture("museum-1.2.1.yaml"), dir.join("museum.yaml")).unwrap();
    let out = errcat()
        .current_dir(&dir)
        .args([
            "import",
            "openapi",
            "museum.yaml",
            "-o",
            "missing/errors.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("errcat: cannot write 'missing/errors.toml': "),
        "{stderr}"
    );
    assert_eq!(files_in(&dir), ["bad.json", "errors.toml", "museum.yaml"]);
    // A successful import replaces the file whole.
    errcat()
        .current_dir(&dir)
        .args(["import", "openapi", "museum.yaml", "-o", "errors.toml"])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(dir.join("errors.toml"))
            .unwrap()
            .starts_with("#:schema https://raw.githubusercontent.com/error-catalogue/error-catalogue/main/schema/errors-toml.schema.json\n# Redocly Museum API")
    );
    assert_eq!(files_in(&dir), ["bad.json", "errors.toml", "museum.yaml"]);
}

#[test]
fn colliding_names_are_made_unique_with_a_warning() {
    let dir = scratch("names");
    std::fs::write(
        dir.join("pets.yaml"),
        "swagger: '2.0'
info: {title: Pets, version: '1'}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      responses: {'404': {description: No such pet.}}
  /pet/{id}:
    get:
      operationId: get-pet
      responses: {'404': {description: No such pet either.}}
  /general:
    get:
      operationId: General
      responses: {'500': {description: Broken.}}
",
    )
    .unwrap();
    let out = errcat()
        .current_dir(&dir)
        .args(["import", "openapi", "pets.yaml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "pets.yaml:10:20: warning: GET /pet/{id}: the name \"Get Pet\" (or its slug or identifier) is an earlier endpoint's; named \"Get Pet 2\"\n\
         pets.yaml:14:20: warning: GET /general: the name \"General\" (or its slug or identifier) is an earlier endpoint's; named \"General 2\"\n"
    );
    let toml = String::from_utf8(out.stdout).unwrap();
    assert!(
        toml.contains("name = \"Get Pet 2\"\nslug = \"get-pet-2\"\n"),
        "{toml}"
    );
    let report = error_catalogue_build::check_str("errors.toml", &toml);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
}

/// Servers become base paths: each URL's path once, `""` for the root, a
/// whole-segment variable kept as a parameter unless a template has one of
/// its name (then its default), a partial one replaced by its default.
#[test]
fn servers_become_base_paths() {
    let spec = r#"{
  "openapi": "3.0.3",
  "info": { "title": "Registry", "version": "1" },
  "servers": [
    { "url": "https://registry.example.com" },
    { "url": "https://registry.example.com/{version}", "variables": { "version": { "default": "v2" } } },
    { "url": "/api/v{major}/", "variables": { "major": { "default": "3" } } },
    { "url": "https://{region}.example.com/t/{name}", "variables": { "region": { "default": "eu" }, "name": { "default": "acme" } } },
    { "url": "https://registry.example.com/" },
    { "url": "https://registry.example.com/a//b" }
  ],
  "paths": {
    "/repos/{name}/tags": {
      "get": { "operationId": "ListTags", "responses": { "404": { "description": "no such repository" } } }
    }
  }
}"#;
    let imported = error_catalogue_build::import::openapi("registry.json", spec).unwrap();
    assert!(
        imported.toml.contains(
            "[api]\nbase_paths = [\n    \"\",\n    \"/{version}\",\n    \"/api/v3\",\n    \"/t/acme\",\n]\n"
        ),
        "{}",
        imported.toml
    );
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("base path \"/a//b\" has an empty segment: left out"),
        "{warnings:?}"
    );
    let report = error_catalogue_build::check_str("errors.toml", &imported.toml);
    let catalogue = report.catalogue.expect("the import checks");
    assert_eq!(
        catalogue.base_paths,
        ["", "/{version}", "/api/v3", "/t/acme"]
    );
}

/// `/a/{x}` and `/a/{*x}` of one method are one OpenAPI path: the second
/// keeps its template as its path, and both come back on import.
#[test]
fn a_parameter_and_a_multi_segment_parameter_in_one_place_both_render() {
    let dir = scratch("both-params");
    let text = "[page]\nid = \"x\"\ntitle = \"X\"\nslug = \"/x/\"\ndocs_base_url = \"https://x.example\"\n\
                [general]\ntitle = \"HTTP Codes\"\n\
                [[endpoints]]\nname = \"One\"\nmethod = \"GET\"\npath = \"/a/{x}\"\n\
                [[endpoints.errors]]\nstatus = 404\nmeaning = \"Not Found\"\n\
                [[endpoints]]\nname = \"Many\"\nmethod = \"GET\"\npath = \"/a/{*x}\"\n\
                [[endpoints.errors]]\nstatus = 404\nmeaning = \"Not Found\"\n";
    std::fs::write(dir.join("errors.toml"), text).unwrap();
    errcat()
        .current_dir(&dir)
        .args(["render", "--format", "openapi", "-o", "openapi.json"])
        .assert()
        .success();
    let spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("openapi.json")).unwrap()).unwrap();
    let mut paths: Vec<&String> = spec["paths"].as_object().unwrap().keys().collect();
    paths.sort();
    assert_eq!(paths, ["/a/{*x}", "/a/{x}"]);
    errcat()
        .current_dir(&dir)
        .args(["import", "openapi", "openapi.json", "-o", "back.toml"])
        .assert()
        .success();
    let back = checked(&dir.join("back.toml"));
    let templates: Vec<&str> = back.endpoints.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(templates, ["/a/{x}", "/a/{*x}"]);
}
