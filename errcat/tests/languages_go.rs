//! Ad hoc agreement test of the Go module (until `languages.rs` runs every
//! language): the module of the shipped catalogue, Docker's and one loaded
//! with mixed segments, base paths, multi-segment parameters, application
//! codes and hostile text answers lookups, code lookups and routed requests
//! exactly as the Rust engine does. Skipped with a message when `go` is not
//! installed, unless `CI` is set.
//!
//! A process holds one loaded catalogue: this file is its own test binary.

#[path = "languages_support/go.rs"]
mod go;

use std::path::{Path, PathBuf};
use std::sync::Once;

use assert_cmd::Command;
use error_catalogue::CatalogueEndpoint;
use error_catalogue::load::{self, Loaded};
use http::{Method, StatusCode};
use serde_json::{Value, json};

/// A tool on `PATH`.
fn tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn go_missing() -> bool {
    if tool("go").is_some() {
        return false;
    }
    assert!(std::env::var_os("CI").is_none(), "go is not installed");
    eprintln!("skipped: go is not installed");
    true
}

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
        "/v1.",
        "/.json",
        "/v1/x:cancel",
    ] {
        for m in ["GET", "POST", "HEAD"] {
            out.push((m.into(), p.into()));
        }
    }
    out
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
    if go_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("errcat").unwrap();
    if let Some(file) = catalogue {
        cmd.arg("--catalogue").arg(file);
    }
    cmd.args(["render", "--format", "go", "-o"])
        .arg(dir.path().join("errors.go"))
        .assert()
        .success();

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
    // The requests reach every endpoint, and some reach none.
    for &e in E::all() {
        assert!(expected_routes.contains(&json!(e.slug())), "{}", e.slug());
    }
    assert!(expected_routes.contains(&Value::Null));
}

#[test]
fn the_shipped_catalogue() {
    agree::<error_catalogue::Endpoint>(None, &[]);
}

#[test]
fn dockers_catalogue() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../catalogues/docker-engine/errors.toml"
    );
    agree::<docker_engine_errors::docker::Endpoint>(Some(Path::new(file)), &["", "/v1.43"]);
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
