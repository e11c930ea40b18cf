//! The TypeScript, Python and Go modules answer as the Rust engine: every
//! lookup, code lookup and a set of routed requests, over the shipped
//! catalogue, Docker's and the hostile one (`languages_support`).

mod common;
mod languages_support;

use error_catalogue::StatusCode;
use error_catalogue::load;
use languages_support::queries;
use serde_json::Value;

use common::root;

/// The hostile catalogue, loaded once for this process (a process serves
/// one loaded catalogue).
#[allow(dead_code)] // until a language! below uses it
fn hostile() -> std::path::PathBuf {
    let path = root().join("tests/fixtures/hostile.toml");
    static LOADED: std::sync::Once = std::sync::Once::new();
    LOADED.call_once(|| {
        let report = error_catalogue_build::check_file(&path);
        load::load(report.catalogue.as_ref().unwrap()).unwrap();
    });
    path
}

/// A test per catalogue for a language: `language!(module)`, its runner in
/// `languages_support::module`.
#[allow(unused_macros)]
macro_rules! language {
    ($lang:ident) => {
        mod $lang {
            use super::*;
            use crate::languages_support::{agree, $lang::LANGUAGE};
            use error_catalogue::load::Loaded;

            #[test]
            fn shipped() {
                agree::<error_catalogue::Endpoint>(&LANGUAGE, None);
            }

            #[test]
            fn docker() {
                let toml = root().join("catalogues/docker-engine/errors.toml");
                agree::<docker_engine_errors::docker::Endpoint>(&LANGUAGE, Some(&toml));
            }

            /// Ably's integer codes.
            #[test]
            fn ably() {
                let toml = root().join("catalogues/ably/errors.toml");
                agree::<ably_errors::ably::Endpoint>(&LANGUAGE, Some(&toml));
            }

            #[test]
            fn hostile() {
                agree::<Loaded>(&LANGUAGE, Some(&super::hostile()));
            }
        }
    };
}

language!(typescript);
language!(go);

/// The harness asks what it should, and the Rust answers are the engine's.
#[test]
fn the_questions_cover_every_endpoint_and_hold_the_engines_answers() {
    use error_catalogue::Endpoint;
    let q = queries::<Endpoint>();
    let lookups = q.json["lookups"].as_array().unwrap();
    let answers = q.expected["lookups"].as_array().unwrap();
    assert_eq!(lookups.len(), answers.len());
    let find = |slug: &str, status: u16| {
        let i = lookups
            .iter()
            .position(|l| l[0] == slug && l[1] == status)
            .unwrap();
        answers[i].clone()
    };
    assert_eq!(find("create-trackers", 409), "create-trackers-409");
    let general = Endpoint::CreateTrackers
        .lookup(StatusCode::UNAUTHORIZED)
        .unwrap();
    assert_eq!(find("create-trackers", 401), general.anchor());
    assert!(find("create-trackers", 418).is_null());
    for e in Endpoint::ALL {
        assert!(lookups.iter().any(|l| l[0] == e.slug()), "{e}");
    }

    let routes = q.json["routes"].as_array().unwrap();
    let routed = q.expected["routes"].as_array().unwrap();
    let answer = |method: &str, path: &str| {
        let i = routes
            .iter()
            .position(|r| r[0] == method && r[1] == path)
            .unwrap_or_else(|| panic!("{method} {path} not asked"));
        routed[i].clone()
    };
    assert_eq!(answer("GET", "/v1/manage/tracker/p1"), "get-tracker");
    assert_eq!(answer("HEAD", "/v1/manage/tracker/p1"), "get-tracker");
    assert_eq!(answer("GET", "/v1/manage/tracker/p1/"), "get-tracker");
    assert_eq!(
        answer(
            "POST",
            "https://api.example.com:8443/v1/manage/trackers?q=1"
        ),
        "create-trackers"
    );
    assert!(answer("PATCH", "/v1/manage/tracker/p1").is_null());
    assert_eq!(answer("GET", "/%761/manage/tracker/p1"), "get-tracker");
    assert!(answer("GET", "/v1/manage/tracker/p1/extra").is_null());
    assert!(answer("GET", "/").is_null());
    assert!(routed.iter().any(Value::is_null) && routed.iter().any(Value::is_string));
}

language!(python);
