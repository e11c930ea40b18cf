//! The language modules route as the Rust engine over
//! `tests/fixtures/lang-routes.toml` (every template shape the router ranks)
//! and the many requests of `languages_support::requests` (`languages_support`).
//! Its own test binary: a process serves one loaded catalogue.

mod common;
mod languages_support;

use error_catalogue::load::Loaded;
use serde_json::Value;

/// The catalogue, loaded once for this process.
fn lang_routes() -> std::path::PathBuf {
    languages_support::load_once("tests/fixtures/lang-routes.toml")
}

/// The requests reach every endpoint but the one no request can (Lossy A:
/// its first segment decodes as Lossy B's, which the trie holds first),
/// thousands of them route, and some reach none.
#[test]
fn the_requests_reach_every_endpoint_that_can_be_reached() {
    lang_routes();
    let q = languages_support::queries::<Loaded>();
    let routed = q.expected["routes"].as_array().unwrap();
    assert_eq!(languages_support::unreached::<Loaded>(&q), ["lossy-a"]);
    let reached = routed.iter().filter(|r| r.is_string()).count();
    assert!(reached > 3000, "{reached} of {} routed", routed.len());
    assert!(routed.contains(&Value::Null));
}

languages_support::agree_in_each_language!(Loaded, Some(&lang_routes()));
