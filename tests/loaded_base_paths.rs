//! Base paths and multi-segment parameters through the engine's generic
//! route paths, in this package's own tests (the Docker crate's tests cover
//! its compiled catalogue): the Docker Engine catalogue
//! (`catalogues/docker-engine/errors.toml`, quoted from moby's
//! api/swagger.yaml, Apache-2.0), loaded at run time. Routes carry the
//! `/{version}` prefix or none, image names span segments, and any literal
//! byte may come percent-encoded.
//!
//! A process holds one loaded catalogue: this file is its own test binary.
#![cfg(feature = "load")]

use std::sync::Once;

use error_catalogue::engine::RouteMatch;
use error_catalogue::load::{self, Loaded};
use error_catalogue::{CatalogueEndpoint, StatusCode};
use http::Method;

fn loaded() {
    static LOAD: Once = Once::new();
    LOAD.call_once(|| {
        let text = include_str!("../catalogues/docker-engine/errors.toml");
        let report = error_catalogue_build::check_str("errors.toml", text);
        load::load(report.catalogue.as_ref().expect("a clean catalogue")).unwrap();
    });
}

fn find(method: Method, path: &str) -> Option<RouteMatch<'_, Loaded>> {
    loaded();
    RouteMatch::find(&method, path)
}

#[test]
fn a_versioned_request_names_its_base_path_and_its_parameters_first() {
    let m = find(Method::GET, "/v1.43/images/library/ubuntu:22.04/json").unwrap();
    assert_eq!(m.endpoint().slug(), "image-inspect");
    assert_eq!(m.base_path(), "/{version}");
    assert_eq!(
        m.params().collect::<Vec<_>>(),
        [("version", "v1.43"), ("name", "library/ubuntu:22.04")]
    );
    assert_eq!(m.param("version"), Some("v1.43"));
    assert_eq!(m.param("name"), Some("library/ubuntu:22.04"));
}

#[test]
fn an_unversioned_request_carries_the_empty_base_path() {
    let m = find(Method::GET, "/images/library%2Fubuntu/json").unwrap();
    assert_eq!(m.endpoint().slug(), "image-inspect");
    assert_eq!(m.base_path(), "");
    assert_eq!(
        m.params().collect::<Vec<_>>(),
        [("name", "library%2Fubuntu")]
    );
    assert_eq!(m.param("version"), None);
    assert_eq!(m.param_decoded("name").as_deref(), Some("library/ubuntu"));
}

#[test]
fn a_literal_route_wins_under_either_base_path() {
    for path in ["/images/json", "/v1.56/images/json"] {
        let m = find(Method::GET, path).unwrap();
        assert_eq!(m.endpoint().slug(), "image-list", "{path}");
    }
    // A 404 through a versioned path is the image's own entry.
    let m = find(
        Method::DELETE,
        "/v1.45/images/registry.example.com:5000/team/api:v2",
    )
    .unwrap();
    let e = m.endpoint().lookup(StatusCode::NOT_FOUND).unwrap();
    assert_eq!(e.anchor(), "image-delete-404");
}

/// A request for `template`: `abc` for each parameter, `library/abc` for
/// a multi-segment one.
fn concrete(template: &str) -> String {
    template
        .split('/')
        .map(|s| match s.strip_prefix('{') {
            Some(p) if p.starts_with('*') => "library/abc",
            Some(_) => "abc",
            None => s,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn every_template_routes_with_any_literal_byte_percent_encoded() {
    loaded();
    for &e in Loaded::all() {
        let path = concrete(e.path());
        let method = e.method();
        for base in ["", "/v1.43"] {
            let plain = format!("{base}{path}");
            let m = find(method.clone(), &plain).unwrap_or_else(|| panic!("{method} {plain}"));
            assert_eq!(m.endpoint(), e, "{method} {plain}");
            // Each literal segment's first and last byte, sent encoded:
            // the first is in the head a node compares first.
            let mut at = base.len();
            for (segment, literal) in e.path().split('/').map(|s| (s, !s.starts_with('{'))) {
                if literal && !segment.is_empty() {
                    for i in [at + 1, at + segment.len()] {
                        let b = plain.as_bytes()[i];
                        let encoded = format!("{}%{b:02X}{}", &plain[..i], &plain[i + 1..]);
                        let m = find(method.clone(), &encoded);
                        assert_eq!(m.map(|m| m.endpoint()), Some(e), "{method} {encoded}");
                    }
                }
                at += concrete(segment).len() + usize::from(at > base.len() || !segment.is_empty());
            }
        }
    }
}
