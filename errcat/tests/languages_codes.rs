//! The language modules answer as the Rust engine over
//! `tests/fixtures/hostile-codes.toml`: codes made of every character a
//! string literal or comment could read as syntax (`languages_support`).
//! Its own test binary: a process serves one loaded catalogue.

mod common;
mod languages_support;

use error_catalogue::load::Loaded;

/// The catalogue, loaded once for this process.
fn hostile_codes() -> std::path::PathBuf {
    languages_support::load_once("tests/fixtures/hostile-codes.toml")
}

#[test]
fn the_questions_ask_every_code_and_codes_it_lacks() {
    hostile_codes();
    let q = languages_support::queries::<Loaded>();
    let codes = q.json["codes"].as_array().unwrap();
    for code in ["pipe|bar", "`tick`", "back\\slash", "{brace}"] {
        let i = codes.iter().position(|c| c == code).unwrap();
        assert!(q.expected["codes"][i].is_string(), "{code}");
    }
    let lacking = codes.iter().position(|c| c == "no_such_code").unwrap();
    assert!(q.expected["codes"][lacking].is_null());
}

languages_support::agree_in_each_language!(Loaded, Some(&hostile_codes()));
