//! `errcat import openapi` through the built binary: the OpenAPI round trip
//! of the shipped catalogue, three real API descriptions, bad input (one
//! located line per problem, exit 2, no file), and `-o` never leaving a
//! partial file.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use error_catalogue_build::{Catalogue, check_file};

mod common;

use common::root;

fn errcat() -> Command {
    Command::cargo_bin("errcat").unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/openapi")
        .join(name)
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("import-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn checked(path: &Path) -> Catalogue {
    let report = check_file(path);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    report.catalogue.unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

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
        "2 endpoints, 5 entries",
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
            "5 endpoints, 28 entries",
        ),
        (
            "slack",
            "tests/fixtures/slack-codes.toml",
            "3 endpoints, 4 entries",
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
        "1 endpoints, 2 entries",
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
        "0 endpoints, 1 entries",
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

/// Imports a fixture with `-o`, checks the file with `errcat check` (no
/// errors, no warnings), and imports it again to stdout: the same bytes.
fn import_fixture(name: &str) -> (String, Catalogue, String) {
    let dir = scratch(name);
    let spec = fixture(name);
    let out_file = dir.join("errors.toml");
    let out = errcat()
        .args(["import", "openapi"])
        .arg(&spec)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let text = std::fs::read_to_string(&out_file).unwrap();
    let check = errcat()
        .arg("check")
        .arg(&out_file)
        .arg("--deny-warnings")
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
    let again = errcat()
        .args(["import", "openapi"])
        .arg(&spec)
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(
        String::from_utf8(again.stdout).unwrap(),
        text,
        "deterministic"
    );
    assert_eq!(files_in(&dir), ["errors.toml"], "no temporary file left");
    (text, checked(&out_file), stderr)
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
        stderr.contains("errors.toml: 18 endpoints, 44 entries from OpenAPI 3.0.2 ")
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

/// An operation the catalogue cannot say costs only itself: a located
/// warning, a line in the header, the rest written; `--strict` writes
/// nothing.
#[test]
fn operations_the_catalogue_cannot_say_are_left_out_with_a_warning() {
    // Box's real paths (text beside a parameter imports), a template with
    // too many parameters, two templates that route the same requests, and
    // two whose overlap only the validator sees (E0016).
    let spec = r#"{"openapi": "3.0.2", "info": {"title": "Box", "version": "2024.0"}, "paths": {
  "/files/{file_id}/thumbnail.{extension}": {"get": {"responses": {"404": {"description": "No file."}}}},
  "/users/{user_id}": {"get": {"responses": {"404": {"description": "No user."}}}},
  "/users/{id}": {"get": {"responses": {"404": {"description": "No user."}}}},
  "/a/x{p}": {"get": {"responses": {"409": {"description": "Conflict."}}}},
  "/a/{q}x": {"get": {"responses": {"409": {"description": "Conflict."}}}},
  "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}": {"get": {"responses": {"410": {"description": "Gone."}}}}
}}"#;
    let dir = scratch("left-out");
    std::fs::write(dir.join("box.json"), spec).unwrap();
    let warnings = [
        "box.json:4:3: warning: GET /users/{id}: it matches the same requests as GET /users/{user_id} (line 3), and a catalogue routes each request to one endpoint: operation left out",
        "box.json:6:15: warning: GET /a/{q}x: GET /a/{q}x and GET /a/x{p} both match some requests, with as much literal text where they first differ: operation left out",
        "box.json:7:3: warning: GET /{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}: the path template has 9 parameters; a catalogue template has at most 8: operation left out",
    ];
    let out = errcat()
        .current_dir(&dir)
        .args(["import", "openapi", "box.json", "-o", "errors.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        warnings.join("\n")
            + "\nerrcat: wrote errors.toml: 3 endpoints, 3 entries from OpenAPI 3.0.2 box.json (3 operations the catalogue cannot say left out)\n"
    );
    let text = std::fs::read_to_string(dir.join("errors.toml")).unwrap();
    assert!(
        text.contains("\n# - Line 4:3: GET /users/{id}: it matches the same requests as GET /users/{user_id} (line 3), and a\n#   catalogue routes each request to one endpoint: operation left out\n"),
        "{text}"
    );
    assert_eq!(text.matches("\n# - Line ").count(), 3, "{text}");
    let catalogue = checked(&dir.join("errors.toml"));
    let paths: Vec<&str> = catalogue
        .endpoints
        .iter()
        .map(|e| e.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "/files/{file_id}/thumbnail.{extension}",
            "/users/{user_id}",
            "/a/x{p}"
        ]
    );

    let out = errcat()
        .current_dir(&dir)
        .args([
            "import",
            "openapi",
            "box.json",
            "-o",
            "strict.toml",
            "--strict",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let errors: Vec<String> = warnings
        .iter()
        .map(|w| w.replace(": warning: ", ": error: "))
        .collect();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        errors.join("\n") + "\nerrcat: box.json: 3 problems, nothing written\n"
    );
    assert!(!dir.join("strict.toml").exists());
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

/// The JSON `errcat lookup` answers for a request line, from `catalogue`.
fn lookup(catalogue: &Path, request: &str, status: &str) -> serde_json::Value {
    let out = errcat()
        .arg("lookup")
        .arg("-c")
        .arg(catalogue)
        .args([request, status, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{request} {status}: {out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Box's operations that differ only by a `#fragment` are one route: one
/// endpoint, named from the fragment-less path's operation, their rows
/// together, a warning for each joined.
#[test]
fn box_fragments_are_one_endpoint_per_route() {
    let name = "box-platform-2024.0-shared-links.json";
    let (text, catalogue, stderr) = import_fixture(name);
    for (line, fragment, first) in [
        (
            1012,
            "GET /files/{file_id}#get_shared_link",
            "GET /files/{file_id} (line 403)",
        ),
        (
            1124,
            "PUT /files/{file_id}#add_shared_link",
            "PUT /files/{file_id} (line 631)",
        ),
        (
            1275,
            "PUT /files/{file_id}#update_shared_link",
            "PUT /files/{file_id} (line 631)",
        ),
        (
            1426,
            "PUT /files/{file_id}#remove_shared_link",
            "PUT /files/{file_id} (line 631)",
        ),
    ] {
        assert!(
            stderr.contains(&format!(
                "/{name}:{line}:7: warning: {fragment}: the same route as {first} once the fragment is left out, as a request sends it: imported as one endpoint, their rows together\n"
            )),
            "{stderr}"
        );
    }
    let routes: Vec<(&str, &str, &str)> = catalogue
        .endpoints
        .iter()
        .map(|e| (e.name.as_str(), e.method.as_str(), e.path.as_str()))
        .collect();
    assert_eq!(
        routes,
        [
            ("Get Files Id", "GET", "/files/{file_id}"),
            ("Post Files Id", "POST", "/files/{file_id}"),
            ("Put Files Id", "PUT", "/files/{file_id}"),
            ("Delete Files Id", "DELETE", "/files/{file_id}"),
            (
                "Get Files Id Thumbnail Id",
                "GET",
                "/files/{file_id}/thumbnail.{extension}"
            ),
        ]
    );
    assert!(text.contains(
        "# The spec's `PUT /files/{file_id}`, `PUT /files/{file_id}#add_shared_link`, `PUT\n\
         # /files/{file_id}#update_shared_link`, `PUT /files/{file_id}#remove_shared_link` are one route to a\n"
    ), "{text}");
    // 400: `PUT /files/{file_id}`'s description, then #add_shared_link's;
    // #update_shared_link says what #add_shared_link does.
    assert!(text.contains(
        "\n# The route's operations describe 400 differently: each description is kept, in the spec's order\n\
         # (the later from #add_shared_link).\n[[endpoints.errors]]\nstatus = 400\nmeaning = \"Bad Request\"\n\
         description = '''\nReturned when the new retention time > maximum retention length.\n\n\
         Returned when there is an incorrect permission combination.'''\n"
    ), "{text}");
    // Real requests, under the servers' /2.0.
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("import-{name}"))
        .join("errors.toml");
    let put = lookup(&file, "PUT /2.0/files/12345", "400");
    assert_eq!(put["endpoint"], "put-files-id");
    let thumbnail = lookup(&file, "GET /2.0/files/12345/thumbnail.png", "404");
    assert_eq!(thumbnail["endpoint"], "get-files-id-thumbnail-id");
}

/// GitHub's `x-multi-segment: true` path parameters (inline, and through a
/// `$ref` to `components/parameters`) become `{*name}`: requests whose
/// file paths and branch names hold slashes route.
#[test]
fn github_multi_segment_parameters_route_requests_with_slashes() {
    let name = "github-rest-2022-11-28.yaml";
    let (_, catalogue, _) = import_fixture(name);
    let paths: Vec<&str> = catalogue
        .endpoints
        .iter()
        .map(|e| e.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "/repos/{owner}/{repo}/branches/{*branch}/protection/restrictions/users",
            "/repos/{owner}/{repo}/branches/{*branch}/rename",
            "/repos/{owner}/{repo}/contents/{*path}",
            "/repos/{owner}/{repo}/contents/{*path}",
        ]
    );
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("import-{name}"))
        .join("errors.toml");
    for (request, status, endpoint) in [
        (
            "PUT /repos/octocat/hello/contents/docs/guide/intro.md",
            "409",
            "repos-create-or-update-file-contents",
        ),
        (
            "DELETE /repos/octocat/hello/contents/README.md",
            "503",
            "repos-delete-file",
        ),
        (
            "POST /repos/octocat/hello/branches/feature/x/rename",
            "403",
            "repos-rename-branch",
        ),
    ] {
        assert_eq!(
            lookup(&file, request, status)["endpoint"],
            endpoint,
            "{request}"
        );
    }
    // 404 is every operation's alike: the general row, once the request
    // has routed (an unrouted one is exit 2).
    let users = "GET /repos/octocat/hello/branches/release/2.0/protection/restrictions/users";
    assert_eq!(
        lookup(&file, users, "404")["anchor"],
        "http-status-codes-404"
    );
    let out = errcat()
        .arg("lookup")
        .arg("-c")
        .arg(&file)
        .args(["GET /repos/octocat/hello/contents", "404"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// Operations with a fragment and no fragment-less sibling are named from
/// their operationIds' shared prefix, as is one alone (`post_oauth2_token`
/// of `post_oauth2_token#refresh`); each with a warning.
#[test]
fn fragments_without_a_plain_path_share_their_operation_ids_prefix() {
    let spec = r#"{"openapi": "3.0.2", "info": {"title": "Box", "version": "2024.0"}, "paths": {
  "/shared_items#folders": {"get": {"operationId": "get_shared_items#folders",
    "responses": {"404": {"description": "No such folder."}, "410": {"description": "Gone."}}}},
  "/shared_items#web_links": {"get": {"operationId": "get_shared_items#web_links",
    "responses": {"404": {"description": "No such web link."}}}},
  "/oauth2/token#refresh": {"post": {"operationId": "post_oauth2_token#refresh",
    "responses": {"400": {"description": "Bad token."}}}}
}}"#;
    let dir = scratch("fragments");
    std::fs::write(dir.join("box.json"), spec).unwrap();
    let out = errcat()
        .current_dir(&dir)
        .args(["import", "openapi", "box.json", "-o", "errors.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with(
        "box.json:2:3: warning: GET /shared_items#folders: a request never sends the fragment: imported as GET /shared_items\n\
         box.json:4:31: warning: GET /shared_items#web_links: the same route as GET /shared_items#folders (line 2) once the fragment is left out, as a request sends it: imported as one endpoint, their rows together\n\
         box.json:6:3: warning: POST /oauth2/token#refresh: a request never sends the fragment: imported as POST /oauth2/token\n"
    ), "{stderr}");
    let catalogue = checked(&dir.join("errors.toml"));
    let names: Vec<(&str, &str)> = catalogue
        .endpoints
        .iter()
        .map(|e| (e.name.as_str(), e.path.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Get Shared Items", "/shared_items"),
            ("Post Oauth2 Token", "/oauth2/token"),
        ]
    );
    let shared = &catalogue.endpoints[0];
    let statuses: Vec<u16> = shared.entries.iter().map(|e| e.status).collect();
    assert_eq!(statuses, [404, 410]);
    assert_eq!(
        shared.entries[0].description.as_deref(),
        Some("No such folder.\n\nNo such web link.")
    );
}
