//! The Go module beyond the shared agreement harness (`languages.rs`):
//! Docker's catalogue and a loaded one with every kind of route (mixed
//! segments, base paths with parameters, multi-segment parameters, HEAD
//! beside GET) routed exactly as the Rust engine routes many spellings of
//! each request and thousands of random near misses; every
//! text of the hostile, codes, Ably and Docker catalogues as the JSON
//! export has it; names that meet in Go renamed in page order. Skipped with
//! a message when Go is missing, unless `CI` is set.
//!
//! A process holds one loaded catalogue: this file is its own test binary.

mod common;
mod languages_support;

use std::path::Path;
use std::sync::Once;

use error_catalogue::CatalogueEndpoint;
use error_catalogue::load::{self, Loaded};
use http::{Method, StatusCode};
use languages_support::go::{self, LANGUAGE};
use languages_support::have;
use serde_json::{Value, json};

use common::{errcat, root};

/// A catalogue whose routes take every path of the router, with codes and
/// hostile texts.
const LOADED: &str = r#"
[page]
id = "loaded\"*/"
title = "Routes \"${x}\" */ \\ \u0001 \ufeff \u202e 🚀"
slug = "/errors/"
docs_base_url = "https://example.com/docs"

[api]
base_paths = ["", "/api/v{api}", "/{tenant}"]

[general]
title = "General"

[[general.errors]]
status = 400
meaning = "Bad \"Request\"\n*/ ${x} `code` \\"
codes = ["card_declined", "ERR_X"]

[[general.errors]]
status = 503
meaning = "Unavailable \u0000 \u007f \u2028"
retryable = true

[[endpoints]]
name = "Thumbnail"
method = "GET"
path = "/files/{file_id}/thumbnail.{extension}"

[[endpoints.errors]]
status = 404
meaning = "No thumbnail"

[[endpoints]]
name = "Get Operation"
method = "GET"
path = "/v1/{name}"

[[endpoints]]
name = "Cancel Operation"
method = "POST"
path = "/v1/{name}:cancel"

[[endpoints]]
name = "Append Levels"
method = "POST"
path = "/v1/{parent}/levels:append"

[[endpoints]]
name = "Export"
method = "GET"
path = "/{id}.{format}"

[[endpoints]]
name = "Version"
method = "GET"
path = "/v{major}.{minor}"

[[endpoints]]
name = "Image"
method = "GET"
path = "/images/{*name}/json"

[[endpoints]]
name = "Image Tag"
method = "POST"
path = "/images/{*name}/tag"

[[endpoints]]
name = "Image Any"
method = "GET"
path = "/images/{*name}"

[[endpoints]]
name = "Image Head"
method = "HEAD"
path = "/images/{id}/json"

[[endpoints]]
name = "Spaced"
method = "GET"
path = "/a%20b/ünï/{x}"

# Two literals whose bytes are not UTF-8 (both kept as "x\ufffd"): the
# router takes the first alone.
[[endpoints]]
name = "Lossy A"
method = "GET"
path = "/x%FF/a"

[[endpoints]]
name = "Lossy B"
method = "GET"
path = "/x%FE/b"

[[endpoints]]
name = "Root"
method = "GET"
path = "/"

[[codes]]
code = "card_declined"
status = 400
meaning = "Card \"declined\""

[[codes]]
code = "ERR_X"
meaning = "Any status */"
"#;

/// Requests for every endpoint: its template under each base path with
/// parameters filled in, and variants of each (trailing slash, query, URL,
/// HEAD, lower-case method, encoded bytes), and some that are no path.
fn requests<E: CatalogueEndpoint>(base_paths: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let bases: Vec<&str> = if base_paths.is_empty() {
        vec![""]
    } else {
        base_paths.to_vec()
    };
    for &e in E::all() {
        for base in &bases {
            for fill in ["p", "a.b.json", "x%41y", "v1.2"] {
                let path = format!("{}{}", filled(base, fill), filled(e.path(), fill));
                let method = e.method().as_str().to_string();
                for p in [
                    path.clone(),
                    format!("{path}/"),
                    format!("{path}?q=1#f"),
                    format!("https://api.example.com{path}"),
                    path.replacen('/', "/%2F", 1),
                    path.replace('a', "%61"),
                    path.replace('/', "//"),
                ] {
                    for m in [method.clone(), "HEAD".into(), method.to_lowercase()] {
                        out.push((m, p.clone()));
                    }
                }
            }
        }
    }
    for p in [
        "",
        "/",
        "//",
        "x",
        "https://h",
        "ftp://h/v1/x",
        "://h/x",
        "/%",
        "/a//b",
        "/images//json",
        "/images/a/b/c/json",
        "/images/a/json/json",
        "/x%EF%BF%BD/a",
        "/x%EF%BF%BD/b",
        "/x\u{fffd}/a",
        "/v1.",
        "/.json",
        "/v1/x:cancel",
    ] {
        for m in ["GET", "POST", "HEAD"] {
            out.push((m.into(), p.into()));
        }
    }
    out.extend(random_requests::<E>(3000));
    out
}

/// `n` requests made of the catalogue's own literal texts, parameter-like
/// values, empty segments and encoded bytes in random orders (a fixed
/// seed): near misses that only an exact port of the router answers alike.
fn random_requests<E: CatalogueEndpoint>(n: usize) -> Vec<(String, String)> {
    let mut pieces: Vec<String> = [
        "", "p", "a.b", "v1.2", "x:cancel", "%41", "%2F", "json", "a%2",
    ]
    .map(String::from)
    .to_vec();
    for &e in E::all() {
        for segment in e.path().split('/') {
            if !segment.is_empty() && !segment.contains('{') {
                pieces.push(segment.to_string());
            }
        }
    }
    let methods = ["GET", "HEAD", "POST"];
    let ends = ["", "/", "?q=1", "#f", "//"];
    // A 64-bit linear congruential generator: the same requests each run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % bound
    };
    (0..n)
        .map(|_| {
            let mut path = String::new();
            for _ in 0..next(7) {
                path.push('/');
                path.push_str(&pieces[next(pieces.len())]);
            }
            path.push_str(ends[next(ends.len())]);
            (methods[next(methods.len())].to_string(), path)
        })
        .collect()
}

/// A template with each parameter replaced by `fill` (a multi-segment one
/// by two segments).
fn filled(template: &str, fill: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        if rest[open..].starts_with("{*") {
            out.push_str(&format!("{fill}/{fill}"));
        } else {
            out.push_str(fill);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Renders the Go module with errcat, runs the driver over queries made
/// from `E`, and compares its answers with the engine's.
fn agree<E: CatalogueEndpoint>(catalogue: Option<&Path>, base_paths: &[&str]) {
    if !have(LANGUAGE.tools) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = errcat();
    if let Some(file) = catalogue {
        cmd.arg("--catalogue").arg(file);
    }
    let rendered = cmd
        .args(["render", "--format", "go", "-o"])
        .arg(dir.path().join("errors.go"))
        .output()
        .unwrap();
    assert!(rendered.status.success(), "{rendered:?}");

    let mut statuses: Vec<u16> = vec![200, 418, 599];
    for e in error_catalogue::engine::Catalogue::<E>::new().entries() {
        statuses.push(e.code());
    }
    statuses.sort_unstable();
    statuses.dedup();
    let (mut lookups, mut expected_lookups) = (Vec::new(), Vec::new());
    for &s in &statuses {
        let status = StatusCode::from_u16(s).unwrap();
        lookups.push(json!([null, s]));
        expected_lookups.push(json!(E::lookup_general(status).map(|e| e.anchor())));
        for &e in E::all() {
            lookups.push(json!([e.slug(), s]));
            expected_lookups.push(json!(e.lookup(status).map(|e| e.anchor())));
        }
    }
    let mut codes: Vec<String> = error_catalogue::engine::Catalogue::<E>::new()
        .codes()
        .iter()
        .filter_map(|e| e.app_code())
        .map(str::to_string)
        .collect();
    let upper: Vec<String> = codes.iter().map(|c| c.to_uppercase()).collect();
    codes.extend(upper);
    codes.extend(["".to_string(), "nope".to_string()]);
    let expected_codes: Vec<Value> = codes
        .iter()
        .map(|c| json!(E::lookup_code(c).map(|e| e.anchor())))
        .collect();
    let routes = requests::<E>(base_paths);
    let expected_routes: Vec<Value> = routes
        .iter()
        .map(|(m, p)| {
            let method = Method::from_bytes(m.as_bytes()).unwrap();
            json!(E::route(&method, p).map(|e| e.slug()))
        })
        .collect();

    let queries = dir.path().join("queries.json");
    let q = json!({"lookups": lookups, "codes": codes, "routes": routes});
    std::fs::write(&queries, q.to_string()).unwrap();
    let answers: Value = serde_json::from_str(&go::run(dir.path(), &queries)).unwrap();
    assert_eq!(answers["lookups"], json!(expected_lookups));
    assert_eq!(answers["codes"], json!(expected_codes));
    let got = answers["routes"].as_array().unwrap();
    for (i, (m, p)) in routes.iter().enumerate() {
        assert_eq!(got[i], expected_routes[i], "{m} {p}");
    }
    assert_eq!(got.len(), routes.len());
    // The requests reach every endpoint (but the one behind an equal
    // literal, which no request reaches), and some reach none.
    for &e in E::all().iter().filter(|e| e.slug() != "lossy-a") {
        assert!(expected_routes.contains(&json!(e.slug())), "{}", e.slug());
    }
    assert!(expected_routes.contains(&Value::Null));
}

/// Docker's routes (multi-segment names, a base path parameter, HEAD
/// beside GET) under many spellings and random near misses.
#[test]
fn dockers_catalogue_under_many_requests() {
    let toml = root().join("catalogues/docker-engine/errors.toml");
    agree::<docker_engine_errors::docker::Endpoint>(Some(&toml), &["", "/v1.43"]);
}

#[test]
fn a_loaded_catalogue_with_every_kind_of_route() {
    static LOAD: Once = Once::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("errors.toml");
    std::fs::write(&file, LOADED).unwrap();
    LOAD.call_once(|| {
        let report = error_catalogue_build::check_file(&file);
        assert!(report.catalogue.is_some(), "{}", report.render(false));
        load::load(report.catalogue.as_ref().unwrap()).unwrap();
    });
    agree::<Loaded>(Some(&file), &["", "/api/v2", "/acme"]);
}

/// Prints every entry (the general table's, each endpoint's, then the
/// codes') and every endpoint as `render --format json` writes them, from
/// the Go module's data.
const TEXTS: &str = r#"package main

import (
	"encoding/json"
	"os"

	catalog "errcattest/errcatalog"
)

func entry(e *catalog.Entry) map[string]interface{} {
	m := map[string]interface{}{
		"meaning":     e.Meaning,
		"description": orNil(e.Description),
		"resolution":  orNil(e.Resolution),
		"retryable":   e.Retryable,
		"anchor":      e.Anchor,
	}
	if e.AppCode != "" {
		m["code"] = e.AppCode
		if e.Status != 0 {
			m["status"] = e.Status
		} else {
			m["status"] = nil
		}
	} else {
		m["status"] = e.Status
		if e.Endpoint == catalog.NoEndpoint {
			m["endpoint"] = nil
		} else {
			m["endpoint"] = e.Endpoint.Slug()
		}
	}
	if e.Deprecated != "" {
		m["deprecated"] = e.Deprecated
	}
	if len(e.ListedCodes) > 0 {
		m["codes"] = e.ListedCodes
	}
	return m
}

func orNil(s string) interface{} {
	if s == "" {
		return nil
	}
	return s
}

func main() {
	entries, endpoints := []interface{}{}, []interface{}{}
	for _, e := range append(append([]*catalog.Entry{}, catalog.Entries...), catalog.Codes...) {
		entries = append(entries, entry(e))
	}
	for _, e := range catalog.Endpoints {
		m := map[string]interface{}{"name": e.Name(), "slug": e.Slug(), "method": e.Method(), "path": e.Path()}
		if e.Deprecated() != "" {
			m["deprecated"] = e.Deprecated()
		}
		endpoints = append(endpoints, m)
	}
	out := map[string]interface{}{"entries": entries, "endpoints": endpoints, "page": catalog.PageID}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
"#;

/// A catalogue whose names meet in Go: an endpoint named as the API's
/// `Lookup`, two endpoints whose entries' anchors (`ab1c-409`,
/// `ab1-c-409`) are one name in PascalCase, and an endpoint
/// whose identifier is a general entry's name (`HttpCodes401`).
const COLLIDING: &str = r#"
[page]
id = "errors"
title = "Names"
slug = "/errors/"
docs_base_url = "https://example.com/docs"

[general]
title = "HTTP Codes"
slug = "http-codes"

[[general.errors]]
status = 401
meaning = "Unauthorized"

[[endpoints]]
name = "Lookup"
method = "GET"
path = "/lookup"

[[endpoints.errors]]
status = 404
meaning = "Not Found"

[[endpoints]]
name = "Foo"
slug = "ab1c"
method = "GET"
path = "/ab1c"

[[endpoints.errors]]
status = 409
meaning = "Conflict"

[[endpoints]]
name = "Bar"
slug = "ab1-c"
method = "GET"
path = "/ab1-c"

[[endpoints.errors]]
status = 409
meaning = "Conflict"

[[endpoints]]
name = "Http Codes 401"
method = "GET"
path = "/http-codes-401"
"#;

/// Renders `file` in `format` with errcat.
fn render(file: &Path, format: &str) -> Vec<u8> {
    let out = errcat()
        .arg("--catalogue")
        .arg(file)
        .args(["render", "--format", format])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    out.stdout
}

/// The Go module of `file` holds every text, status, code and anchor as the
/// JSON export does, and answers each entry's own lookup and code.
fn texts_agree(file: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let module = render(file, "go");
    std::fs::write(dir.path().join("errors.go"), &module).unwrap();
    let json: Value = serde_json::from_slice(&render(file, "json")).unwrap();

    let mut entries: Vec<Value> = json["general"]["entries"].as_array().unwrap().clone();
    let mut endpoints = Vec::new();
    for e in json["endpoints"].as_array().unwrap() {
        entries.extend(e["entries"].as_array().unwrap().iter().cloned());
        let mut e = e.clone();
        e.as_object_mut().unwrap().remove("entries");
        endpoints.push(e);
    }
    let codes = json["codes"].as_array().cloned().unwrap_or_default();
    entries.extend(codes.iter().cloned());
    for e in &mut entries {
        let e = e.as_object_mut().unwrap();
        e.remove("example");
        // Integer codes are JSON numbers there, their decimal text in Go.
        if let Some(Value::Number(n)) = e.get("code") {
            let text = n.to_string();
            e.insert("code".into(), json!(text));
        }
        if let Some(Value::Array(listed)) = e.get_mut("codes") {
            for c in listed {
                if let Value::Number(n) = c {
                    *c = json!(n.to_string());
                }
            }
        }
    }
    let go: Value = serde_json::from_str(&go::run_program(dir.path(), TEXTS, &[])).unwrap();
    assert_eq!(go["page"], json["page"]["id"]);
    assert_eq!(go["endpoints"], json!(endpoints));
    let got = go["entries"].as_array().unwrap();
    assert_eq!(got.len(), entries.len());
    for (g, want) in got.iter().zip(&entries) {
        assert_eq!(g, want);
    }

    // Each row is its own endpoint's (or the general table's) answer; each
    // code its own.
    let mut lookups = Vec::new();
    let mut anchors = Vec::new();
    for e in entries.iter().filter(|e| e.get("code").is_none()) {
        lookups.push(json!([e["endpoint"], e["status"]]));
        anchors.push(e["anchor"].clone());
    }
    let codes: Vec<Value> = entries
        .iter()
        .filter_map(|e| e.get("code").cloned())
        .collect();
    let code_anchors: Vec<Value> = entries
        .iter()
        .filter(|e| e.get("code").is_some())
        .map(|e| e["anchor"].clone())
        .collect();
    let queries = dir.path().join("queries.json");
    let q = json!({"lookups": lookups, "codes": codes, "routes": []});
    std::fs::write(&queries, q.to_string()).unwrap();
    let answers: Value = serde_json::from_str(&go::run(dir.path(), &queries)).unwrap();
    assert_eq!(answers["lookups"], json!(anchors));
    assert_eq!(answers["codes"], json!(code_anchors));
    assert_eq!(answers["routes"], json!([]));
    String::from_utf8(module).unwrap()
}

#[test]
fn every_text_comes_back_byte_for_byte() {
    if !have(LANGUAGE.tools) {
        return;
    }
    for file in [
        "tests/fixtures/hostile.toml",
        "tests/fixtures/hostile-codes.toml",
        "tests/fixtures/slack-codes.toml",
        "error-catalogue-build/tests/fixtures/codes.toml",
        "error-catalogue-build/tests/fixtures/integer-codes.toml",
        "catalogues/ably/errors.toml",
        "catalogues/docker-engine/errors.toml",
    ] {
        texts_agree(&root().join(file));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("errors.toml");
    std::fs::write(&file, LOADED).unwrap();
    texts_agree(&file);
}

#[test]
fn names_that_meet_in_go_are_renamed_in_page_order() {
    if !have(LANGUAGE.tools) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("errors.toml");
    std::fs::write(&file, COLLIDING).unwrap();
    let module = texts_agree(&file);
    for declared in [
        "\tLookup_\n",
        "\tFoo\n",
        "\tBar\n",
        "\tHttpCodes401\n",
        "var HttpCodes401_2 = Entry{",
        "var Lookup404 = Entry{",
        "var Ab1C409 = Entry{",
        "var Ab1C409_2 = Entry{",
    ] {
        assert!(module.contains(declared), "{declared:?} in\n{module}");
    }
}
