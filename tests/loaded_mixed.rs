//! Segments of text beside parameters through the public API, over a
//! catalogue loaded at run time (the compiled tables are the same records:
//! `error-catalogue-build/tests/golden.rs` shows them written): each shape
//! of issue 27, parameters named from the endpoint's template, raw and
//! decoded, and routing without an allocation.
//!
//! A process holds one loaded catalogue: this file is its own test binary.
#![cfg(feature = "load")]

use std::sync::Once;

use error_catalogue::CatalogueEndpoint;
use error_catalogue::engine::RouteMatch;
use error_catalogue::load::{self, Loaded};
use http::Method;

#[path = "common/counting.rs"]
mod counting;

const CATALOGUE: &str = r#"
[page]
id = "errors"
title = "Errors"
slug = "/errors/"
docs_base_url = "https://example.com/docs"

[api]
base_paths = ["", "/api/v{major}"]

[general]
title = "General"

[[endpoints]]
name = "Thumbnail"
method = "GET"
path = "/files/{file_id}/thumbnail.{extension}"

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
"#;

fn find(method: Method, path: &str) -> Option<RouteMatch<'_, Loaded>> {
    static LOAD: Once = Once::new();
    LOAD.call_once(|| {
        let report = error_catalogue_build::check_str("errors.toml", CATALOGUE);
        let rendered = report.render(false);
        load::load(report.catalogue.as_ref().expect(&rendered)).unwrap();
    });
    RouteMatch::find(&method, path)
}

fn routed(method: Method, path: &str) -> Option<(&'static str, Vec<(&str, &str)>)> {
    let m = find(method, path)?;
    Some((m.endpoint().slug(), m.params().collect()))
}

#[test]
fn each_shape_routes_with_its_parameters_named() {
    assert_eq!(
        routed(Method::GET, "/files/12/thumbnail.png"),
        Some(("thumbnail", vec![("file_id", "12"), ("extension", "png")]))
    );
    assert_eq!(
        routed(Method::POST, "https://h.example/v1/operations/7:cancel?x"),
        None,
        "a `/` inside the name is a segment of its own"
    );
    assert_eq!(
        routed(Method::POST, "/v1/op-7:cancel/"),
        Some(("cancel-operation", vec![("name", "op-7")]))
    );
    assert_eq!(
        routed(Method::GET, "/v1/op-7:cancel"),
        Some(("get-operation", vec![("name", "op-7:cancel")]))
    );
    assert_eq!(
        routed(Method::POST, "/v1/games%2F1/levels:append"),
        Some(("append-levels", vec![("parent", "games%2F1")]))
    );
    assert_eq!(
        routed(Method::GET, "/report.2024.csv"),
        Some(("export", vec![("id", "report.2024"), ("format", "csv")]))
    );
    assert_eq!(routed(Method::GET, "/report."), None);
    // A mixed base path names its parameter first.
    let m = find(Method::GET, "/api/v2/files/12/thumbnail.png").unwrap();
    assert_eq!(m.base_path(), "/api/v{major}");
    assert_eq!(
        m.params().collect::<Vec<_>>(),
        [("major", "2"), ("file_id", "12"), ("extension", "png")]
    );
    assert_eq!(
        Loaded::route(&Method::GET, "/api/v/files/1/thumbnail.png"),
        None
    );
}

#[test]
fn texts_compare_decoded_and_values_stay_raw() {
    let m = find(Method::GET, "/files/a%20b/thumbnail%2Ejp%67").unwrap();
    assert_eq!(m.param("extension"), Some("jp%67"));
    assert_eq!(m.param_decoded("extension").as_deref(), Some("jpg"));
    assert_eq!(m.param_decoded("file_id").as_deref(), Some("a b"));
    assert_eq!(
        routed(Method::POST, "/v1/op%3Acancel"),
        Some(("cancel-operation", vec![("name", "op")]))
    );
}

#[test]
fn mixed_segments_route_without_allocating() {
    let paths = [
        "/files/12/thumbnail.png",
        "/files/a%20b/thumbnail%2Ejp%67",
        "/v1/op-7:cancel",
        "/v1/op%3Acancel",
        "/v1/games/levels:append",
        "/report.2024.csv",
        "/api/v2/report.csv",
        "/report.",
        "/files/12/thumbnail.",
    ];
    find(Method::GET, "/");
    let (found, n) = counting::allocations(|| {
        let mut found = 0usize;
        for path in paths {
            for method in [Method::GET, Method::POST] {
                if let Some(m) = RouteMatch::<Loaded>::find(&method, path) {
                    found += 1 + m.params().count();
                }
            }
        }
        found
    });
    assert_eq!(n, 0, "routing allocated");
    assert!(found > 10, "{found}");
}
