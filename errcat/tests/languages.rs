//! The TypeScript, Python and Go modules answer as the Rust engine (every
//! lookup, code lookup, routed request, text) over the shipped catalogue,
//! Docker's, Ably's and the hostile one (`languages_support`). The other
//! `languages_*.rs` binaries do the same over one fixture each: a process
//! serves one loaded catalogue.

mod common;
mod languages_support;

use error_catalogue::StatusCode;
use languages_support::queries;
use serde_json::Value;

use common::root;

/// The hostile catalogue, loaded once for this process (a process serves
/// one loaded catalogue).
fn hostile() -> std::path::PathBuf {
    languages_support::load_once("tests/fixtures/hostile.toml")
}

mod shipped {
    crate::languages_support::agree_in_each_language!(error_catalogue::Endpoint, None);
}

mod docker {
    crate::languages_support::agree_in_each_language!(
        docker_engine_errors::docker::Endpoint,
        Some(&crate::root().join("catalogues/docker-engine/errors.toml"))
    );
}

/// Ably's integer codes.
mod ably {
    crate::languages_support::agree_in_each_language!(
        ably_errors::ably::Endpoint,
        Some(&crate::root().join("catalogues/ably/errors.toml"))
    );
}

mod hostile {
    crate::languages_support::agree_in_each_language!(
        error_catalogue::load::Loaded,
        Some(&super::hostile())
    );
}

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
    let general = lookups.iter().position(|l| l[0].is_null() && l[1] == 401);
    assert_eq!(answers[general.unwrap()], "http-codes-401");
    let texts = q.json["texts"].as_array().unwrap();
    let i = texts
        .iter()
        .position(|t| t == "create-trackers-409")
        .unwrap();
    assert_eq!(q.expected["texts"][i]["status"], 409);
    assert_eq!(q.expected["texts"][i]["app_code"], Value::Null);
    assert!(
        q.expected["texts"][i]["url"]
            .as_str()
            .unwrap()
            .ends_with("#create-trackers-409")
    );

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

/// The requests reach every endpoint of each compiled-in catalogue.
#[test]
fn the_requests_reach_every_endpoint() {
    use languages_support::unreached;
    let none: [&str; 0] = [];
    let shipped = queries::<error_catalogue::Endpoint>();
    assert_eq!(unreached::<error_catalogue::Endpoint>(&shipped), none);
    let docker = queries::<docker_engine_errors::docker::Endpoint>();
    assert_eq!(
        unreached::<docker_engine_errors::docker::Endpoint>(&docker),
        none
    );
    let ably = queries::<ably_errors::ably::Endpoint>();
    assert_eq!(unreached::<ably_errors::ably::Endpoint>(&ably), none);
}
